// Signing in, sessions and API tokens (issue 9): throttling, expiry, revocation, and secrets
// kept only as hashes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { AccountError, createUser, disableUser } from '@msp/server/auth/accounts'
import { createApiToken, defaultSessionLimits, endSession, removeEndedSessions, revokeApiToken, sessionUser, signIn, startSession, tokenUser } from '@msp/server/auth/sessions'
import { openTestPlatform } from './support/platform.ts'

let platform: Platform
const db = () => platform.database.db
const password = 'correct horse battery'
let userId: number
beforeEach(async () => {
  platform = await openTestPlatform()
  userId = (await createUser(db(), { login: 'zhao.lei', name: '赵磊', password, role: 'COMMITTEE' }, 'test')).id
})
afterEach(() => platform.close())

const t0 = new Date('2026-11-27T09:00:00Z')
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
const outcome = async (promise: Promise<unknown>) => {
  try {
    await promise
    return 'OK'
  } catch (error) {
    if (error instanceof AccountError) return `${error.code}: ${error.message}`
    throw error
  }
}

describe('signing in', () => {
  it('answers a wrong password, an unknown login and a disabled account in the same words', async () => {
    expect(await outcome(signIn(db(), 'ZHAO.LEI', password, t0))).toBe('OK')
    const wrong = 'LOGIN_FAILED: the login or the password is wrong'
    expect(await outcome(signIn(db(), 'zhao.lei', 'correct horse batterz', t0))).toBe(wrong)
    expect(await outcome(signIn(db(), 'nobody', password, t0))).toBe(wrong)
    await disableUser(db(), 'zhao.lei')
    expect(await outcome(signIn(db(), 'zhao.lei', password, t0))).toBe(wrong)
  })

  it('refuses a login for 15 minutes after 5 failures within 15 minutes, known or not, the right password too', async () => {
    for (const login of ['zhao.lei', 'nobody']) {
      for (let i = 0; i < 5; i++) expect(await outcome(signIn(db(), login, 'wrong password!', at(i)))).toMatch(/^LOGIN_FAILED/)
      const throttled = 'LOGIN_THROTTLED: too many failed sign-ins for this login: wait 15 minutes and try again'
      expect(await outcome(signIn(db(), login, password, at(5)))).toBe(throttled)
      expect(await outcome(signIn(db(), login, password, at(14)))).toBe(throttled)
    }
    // The first failure was at minute 0: by minute 15.5 only four are within the window.
    expect(await outcome(signIn(db(), 'zhao.lei', password, at(15.5)))).toBe('OK')
    // Another login is not held up by these.
    await createUser(db(), { login: 'qian.li', name: '钱莉', password, role: 'LEADER' }, 'test')
    expect(await outcome(signIn(db(), 'qian.li', password, at(5)))).toBe('OK')
  })
  it('lets no more than five guesses through when they arrive at once', async () => {
    // Each guess takes an argon2 check (~100 ms): twenty sent together must not all be tried.
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => outcome(signIn(db(), 'zhao.lei', 'a wrong guess!', t0))))
    expect(outcomes.filter((o) => o.startsWith('LOGIN_FAILED')).length).toBeLessThanOrEqual(5)
    expect(outcomes.filter((o) => o.startsWith('LOGIN_THROTTLED')).length).toBeGreaterThanOrEqual(15)
  })
})

describe('sessions', () => {
  it('last while used, end after 30 minutes idle or 12 hours in all, and are stored hashed', async () => {
    const { secret } = await startSession(db(), userId, defaultSessionLimits, t0)
    expect(secret).toMatch(/^msp_s_/)
    expect(JSON.stringify(await db().session.findMany())).not.toContain(secret)
    expect((await sessionUser(db(), secret, defaultSessionLimits, at(29)))?.login).toBe('zhao.lei')
    // Used every 20 minutes: alive until the 12th hour, and not a minute more.
    for (let m = 49; m < 720; m += 20) expect((await sessionUser(db(), secret, defaultSessionLimits, at(m)))?.login, `minute ${m}`).toBe('zhao.lei')
    expect(await sessionUser(db(), secret, defaultSessionLimits, at(720))).toBeNull()
    expect(await db().session.count()).toBe(0)

    const idle = await startSession(db(), userId, defaultSessionLimits, t0)
    expect(await sessionUser(db(), idle.secret, defaultSessionLimits, at(30))).toBeNull()
  })

  it('end at sign-out and when the account is disabled; ended ones are removed at start', async () => {
    const first = await startSession(db(), userId, defaultSessionLimits, t0)
    await endSession(db(), first.secret)
    expect(await sessionUser(db(), first.secret, defaultSessionLimits, at(1))).toBeNull()
    const second = await startSession(db(), userId, defaultSessionLimits, t0)
    await startSession(db(), userId, defaultSessionLimits, at(-60))
    expect(await removeEndedSessions(db(), defaultSessionLimits, at(1))).toBe(1)
    await disableUser(db(), 'zhao.lei')
    expect(await sessionUser(db(), second.secret, defaultSessionLimits, at(2))).toBeNull()
    // A secret that was never issued names no one.
    expect(await sessionUser(db(), 'msp_s_forged', defaultSessionLimits, at(2))).toBeNull()
  })
})

describe('API tokens', () => {
  it('are named, shown once, stored hashed, expire, and are revoked at once', async () => {
    const { secret, apiToken } = await createApiToken(db(), { userId, name: '月报脚本', expiresInDays: 30, by: 'zhao.lei' }, t0)
    expect(secret).toMatch(/^msp_t_/)
    expect(JSON.stringify(await db().apiToken.findMany())).not.toContain(secret)
    expect(apiToken.expiresAt).toEqual(at(30 * 24 * 60))
    const used = await tokenUser(db(), secret, at(1))
    expect(used?.user.login).toBe('zhao.lei')
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(at(1))
    expect(await tokenUser(db(), secret, at(30 * 24 * 60))).toBeNull()
    const lasting = await createApiToken(db(), { userId, name: 'no end', by: 'zhao.lei' }, t0)
    expect(await tokenUser(db(), lasting.secret, at(10 * 365 * 24 * 60))).not.toBeNull()
    await revokeApiToken(db(), lasting.apiToken.id, at(2))
    expect(await tokenUser(db(), lasting.secret, at(3))).toBeNull()
  })

  it('refuses a nameless token and an expiry outside 1 to 3650 days, with what to fix', async () => {
    expect(await outcome(createApiToken(db(), { userId, name: '  ', by: 'x' }))).toBe('BAD_INPUT: name: 1 to 100 characters, to tell your tokens apart')
    for (const days of [0, -1, 3651, 1.5]) {
      expect(await outcome(createApiToken(db(), { userId, name: 'x', expiresInDays: days, by: 'x' }))).toMatch(/^BAD_INPUT: expiresInDays: a whole number of days from 1 to 3650/)
    }
    expect(await db().apiToken.count({ where: { userId } })).toBe(0)
    expect(await outcome(revokeApiToken(db(), 99999))).toBe('NOT_FOUND: no API token 99999')
  })

  it('stop working when their user is disabled', async () => {
    const { secret } = await createApiToken(db(), { userId, name: 'script', by: 'zhao.lei' })
    await db().user.update({ where: { id: userId }, data: { disabled: true } })
    expect(await tokenUser(db(), secret)).toBeNull()
  })
})
