import { describe, expect, it } from 'vitest'
import { generatePassword, hashPassword, newSecret, passwordMatches, secretHash, weakPassword } from './secrets.ts'

describe('passwords', () => {
  it('refuses fewer than 10 characters, the login itself, and more than 200', () => {
    expect(weakPassword('123456789', 'li.ming')).toBe('a password needs at least 10 characters')
    // Characters, not bytes: ten Chinese characters are ten.
    expect(weakPassword('武昌区市场监管绩效平台', 'li.ming')).toBeNull()
    expect(weakPassword(' Li.Ming.Station ', 'li.ming.station')).toBe('a password may not be the login')
    expect(weakPassword('x'.repeat(201), 'admin')).toBe('a password may have at most 200 characters')
    expect(weakPassword('correct horse battery', 'admin')).toBeNull()
  })

  it('stores argon2id, never the password, and verifies only the right one', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/)
    expect(stored).not.toContain('correct horse battery')
    expect(await passwordMatches(stored, 'correct horse battery')).toBe(true)
    expect(await passwordMatches(stored, 'correct horse batterY')).toBe(false)
    // A damaged hash is a failed sign-in, not an error.
    expect(await passwordMatches('not a hash', 'correct horse battery')).toBe(false)
  })

  it('generates passwords of 18 characters without look-alikes, each different', () => {
    const made = new Set(Array.from({ length: 200 }, generatePassword))
    expect(made.size).toBe(200)
    for (const p of made) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{18}$/)
  })
})

describe('secrets', () => {
  it('makes 32 random bytes with a prefix, stored as a SHA-256', () => {
    const secret = newSecret('msp_t')
    expect(secret).toMatch(/^msp_t_[A-Za-z0-9_-]{43}$/)
    expect(secretHash(secret)).toMatch(/^[0-9a-f]{64}$/)
    expect(secretHash(secret)).not.toBe(secretHash(newSecret('msp_t')))
  })
})
