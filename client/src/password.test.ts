import { describe, expect, it } from 'vitest'
import { generatePassword } from './password.ts'

describe('generatePassword', () => {
  it('makes 18 unambiguous symbols by default, different each time', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword())
    for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{18}$/)
    expect(new Set(passwords).size).toBe(200)
    expect(generatePassword(24)).toHaveLength(24)
  })
})
