// Signing in through the API (issue 9): the session cookie, API tokens, who may manage
// accounts; and the viewer travelling to the worker threads with a query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { createUser } from '@msp/server/auth/accounts'
import { openTestPlatform } from './support/platform.ts'

let platform: Platform
const password = 'correct horse battery'

beforeAll(async () => {
  platform = await openTestPlatform()
  const db = platform.database.db
  await createUser(db, { login: 'root', name: '管理员', password, role: 'ADMIN' }, 'test')
  await createUser(db, { login: 'leader', name: '局长', password, role: 'LEADER' }, 'test')
  await createUser(db, { login: 'member', name: '委员', password, role: 'COMMITTEE' }, 'test')
})
afterAll(() => platform.close())

interface Answer {
  status: number
  cookie: string | null
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] }
}

async function ask(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>, app = platform.app, url = 'http://localhost/graphql'): Promise<Answer> {
  const response = await app.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, cookie: response.headers.get('set-cookie'), body: (await response.json()) as Answer['body'] }
}
const codes = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code)
const signIn = async (login: string) => {
  const answer = await ask('mutation($l: String!, $p: String!) { login(login: $l, password: $p) { login role } }', {}, { l: login, p: password })
  const secret = /msp_session=([^;]+)/.exec(answer.cookie ?? '')?.[1]
  if (!secret) throw new Error(`no session cookie: ${JSON.stringify(answer.body)}`)
  return { cookie: `msp_session=${secret}` }
}

describe('sessions through the API', () => {
  it('signs in with an HttpOnly, SameSite=Lax cookie, knows the viewer, and signs out', async () => {
    const answer = await ask('mutation { login(login: "Leader", password: "correct horse battery") { login name role orgUnit { key } disabled } }')
    expect(answer.body.data?.login).toEqual({ login: 'leader', name: '局长', role: 'LEADER', orgUnit: null, disabled: false })
    expect(answer.cookie).toMatch(/^msp_session=msp_s_[A-Za-z0-9_-]{43}; /)
    expect(answer.cookie).toMatch(/HttpOnly/i)
    expect(answer.cookie).toMatch(/SameSite=Lax/i)
    expect(answer.cookie).toMatch(/Path=\//)
    expect(answer.cookie).not.toMatch(/Secure/i)
    const cookie = { cookie: answer.cookie!.split(';')[0]! }
    expect((await ask('{ viewer { login role } }', cookie)).body.data?.viewer).toEqual({ login: 'leader', role: 'LEADER' })
    const out = await ask('mutation { logout }', cookie)
    expect(out.body.data?.logout).toBe(true)
    expect(out.cookie).toMatch(/msp_session=;/)
    expect((await ask('{ viewer { login } }', cookie)).body.data?.viewer).toBeNull()
    // A protected field then says why.
    const after = await ask('{ apiTokens { id } }', cookie)
    expect(codes(after)).toEqual(['UNAUTHENTICATED'])
    expect(after.body.errors![0]!.message).toBe('the session has ended: sign in again')
  })

  it('makes the cookie Secure over HTTPS', async () => {
    const answer = await ask('mutation { login(login: "member", password: "correct horse battery") { login } }', {}, undefined, platform.app, 'https://localhost/graphql')
    expect(answer.cookie).toMatch(/Secure/i)
  })

  it('answers a wrong password and an unknown login alike, and throttles after five', async () => {
    const wrong = await ask('mutation { login(login: "member", password: "not the password") { login } }')
    const unknown = await ask('mutation { login(login: "nobody.here", password: "not the password") { login } }')
    expect(codes(wrong)).toEqual(['LOGIN_FAILED'])
    expect(wrong.body.errors).toEqual(unknown.body.errors)
    expect(wrong.cookie).toBeNull()
    for (let i = 0; i < 4; i++) await ask('mutation { login(login: "nobody.here", password: "not the password") { login } }')
    expect(codes(await ask('mutation { login(login: "nobody.here", password: "not the password") { login } }'))).toEqual(['LOGIN_THROTTLED'])
  })
})

describe('cross-site requests (CSRF)', () => {
  // A page on another site can make the browser send the session cookie with a form post, a
  // text/plain fetch or a link, but none of them may run anything as the user.
  it('runs nothing sent with the session cookie from another site: forms, text bodies, links, foreign origins', async () => {
    const session = await signIn('leader')
    const make = JSON.stringify({ query: 'mutation { createApiToken(name: "planted") { token } }' })
    const tries: { method: string; headers: Record<string, string>; body?: string; url?: string }[] = [
      { method: 'POST', headers: { ...session, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: `query=${encodeURIComponent('mutation { createApiToken(name: "planted") { token } }')}` },
      { method: 'POST', headers: { ...session, 'content-type': 'text/plain', origin: 'https://evil.example' }, body: make },
      { method: 'POST', headers: { ...session, 'content-type': 'text/plain' }, body: make },
      { method: 'POST', headers: { ...session, 'content-type': 'application/json', origin: 'https://evil.example' }, body: make },
      { method: 'GET', headers: { ...session }, url: `http://localhost/graphql?query=${encodeURIComponent('mutation { createApiToken(name: "planted") { token } }')}` },
    ]
    for (const { url, ...request } of tries) {
      const response = await platform.app.fetch(url ?? 'http://localhost/graphql', request)
      expect([403, 405, 415], `${request.method} ${request.headers['content-type'] ?? ''} ${request.headers.origin ?? ''}`).toContain(response.status)
    }
    const mine = await ask('{ apiTokens { name } }', session)
    expect(mine.body.data?.apiTokens.filter((t: { name: string }) => t.name === 'planted')).toEqual([])
    // The same request from the dashboard's own page runs.
    const own = await platform.app.fetch('http://localhost/graphql', { method: 'POST', headers: { ...session, 'content-type': 'application/json', origin: 'http://localhost' }, body: make })
    expect(own.status).toBe(200)
  })
})

describe('API tokens through the API', () => {
  it('are made once, work as Bearer, list with their last use, and stop at once when revoked', async () => {
    const session = await signIn('member')
    const made = await ask('mutation { createApiToken(name: "月度脚本", expiresInDays: 90) { token apiToken { id name expiresAt lastUsedAt } } }', session)
    const { token, apiToken } = made.body.data!.createApiToken
    expect(token).toMatch(/^msp_t_/)
    expect(apiToken).toMatchObject({ name: '月度脚本', lastUsedAt: null })
    const bearer = { authorization: `Bearer ${token}` }
    expect((await ask('{ viewer { login } }', bearer)).body.data?.viewer).toEqual({ login: 'member' })
    const listed = (await ask('{ apiTokens { id name lastUsedAt } }', session)).body.data!.apiTokens
    expect(listed.find((t: { id: string }) => t.id === apiToken.id).lastUsedAt).not.toBeNull()
    // Nobody reads a token's secret again: the list has none, and the type has no such field.
    expect(JSON.stringify(listed)).not.toContain(token)
    expect((await ask(`mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`, session)).body.data?.revokeApiToken.revokedAt).not.toBeNull()
    const refused = await ask('{ apiTokens { id } }', bearer)
    expect(codes(refused)).toEqual(['UNAUTHENTICATED'])
    expect(refused.body.errors![0]!.message).toBe('the API token is unknown, expired or revoked: make a new one')
  })

  it("refuses another's token as missing, and tokens for others to all but an ADMIN", async () => {
    const member = await signIn('member')
    const leader = await signIn('leader')
    const theirs = (await ask('mutation { createApiToken(name: "x") { apiToken { id } } }', member)).body.data!.createApiToken.apiToken.id
    expect(codes(await ask(`mutation { revokeApiToken(id: "${theirs}") { id } }`, leader))).toEqual(['NOT_FOUND'])
    expect(codes(await ask('mutation { createApiToken(name: "x", login: "member") { token } }', leader))).toEqual(['FORBIDDEN'])
    const admin = await signIn('root')
    const forMember = await ask('mutation { createApiToken(name: "for member", login: "member") { token apiToken { user { login } } } }', admin)
    expect(forMember.body.data?.createApiToken.apiToken.user.login).toBe('member')
    expect(codes(await ask('mutation { createApiToken(name: "x", expiresInDays: 0) { token } }', member))).toEqual(['BAD_INPUT'])
  })

  it('carries the viewer to the worker threads with a query that reads figures', async () => {
    const threaded = await openTestPlatform({ queryThreads: true, settings: { workers: 1 } })
    try {
      await createUser(threaded.database.db, { login: 'member', name: '委员', password, role: 'COMMITTEE' }, 'test')
      const login = await ask('mutation { login(login: "member", password: "correct horse battery") { login } }', {}, undefined, threaded.app)
      const cookie = { cookie: login.cookie!.split(';')[0]! }
      const answer = await ask('{ viewer { login } scorecard(period: { year: 2023 }) { score } }', cookie, undefined, threaded.app)
      expect(answer.body.data).toMatchObject({ viewer: { login: 'member' }, scorecard: { score: expect.any(Number) } })
    } finally {
      await threaded.close()
    }
  })
})

describe('accounts through the API', () => {
  it('lets an ADMIN list, create and disable accounts; others get FORBIDDEN, no one signed in UNAUTHENTICATED', async () => {
    const admin = await signIn('root')
    const leader = await signIn('leader')
    expect(codes(await ask('{ users { login } }'))).toEqual(['UNAUTHENTICATED'])
    expect(codes(await ask('{ users { login } }', leader))).toEqual(['FORBIDDEN'])
    const create = 'mutation($i: CreateUserInput!) { createUser(input: $i) { login role orgUnit { key } } }'
    const input = { login: 'clerk.nanhu', name: '南湖所录入员', password, role: 'REPORTER', orgUnit: 'station-nanhu' }
    expect(codes(await ask(create, leader, { i: input }))).toEqual(['FORBIDDEN'])
    expect(codes(await ask(create, admin, { i: { ...input, password: 'too short' } }))).toEqual(['WEAK_PASSWORD'])
    expect((await ask(create, admin, { i: input })).body.data?.createUser).toEqual({ login: 'clerk.nanhu', role: 'REPORTER', orgUnit: { key: 'station-nanhu' } })
    const clerk = await signIn('clerk.nanhu')
    expect((await ask('mutation { disableUser(login: "clerk.nanhu") { disabled } }', admin)).body.data?.disableUser).toEqual({ disabled: true })
    // Disabled: the session ends at once.
    expect((await ask('{ viewer { login } }', clerk)).body.data?.viewer).toBeNull()
    expect(codes(await ask('mutation { disableUser(login: "root") { disabled } }', admin))).toEqual(['BAD_INPUT'])
    // Enabled again: a new sign-in works, the old session stays ended.
    expect((await ask('mutation { enableUser(login: "clerk.nanhu") { disabled } }', admin)).body.data?.enableUser).toEqual({ disabled: false })
    expect((await ask('{ viewer { login } }', clerk)).body.data?.viewer).toBeNull()
    expect((await ask('{ viewer { login } }', await signIn('clerk.nanhu'))).body.data?.viewer).toEqual({ login: 'clerk.nanhu' })
  })

  it("resets a password: a generated one, shown once, which signs in; the account's sessions end", async () => {
    const admin = await signIn('root')
    const leader = await signIn('leader')
    const reset = await ask('mutation { resetPassword(login: "leader") }', admin)
    const fresh = reset.body.data?.resetPassword as string
    expect(fresh.length).toBeGreaterThanOrEqual(16)
    expect((await ask('{ viewer { login } }', leader)).body.data?.viewer).toBeNull()
    expect(codes(await ask(`mutation { login(login: "leader", password: "${password}") { login } }`))).toEqual(['LOGIN_FAILED'])
    expect((await ask(`mutation { login(login: "leader", password: "${fresh}") { login } }`)).body.data?.login).toEqual({ login: 'leader' })
    // One's own password is changed knowing the current one.
    expect(codes(await ask('mutation { resetPassword(login: "root") }', admin))).toEqual(['BAD_INPUT'])
  })

  it('changes a password: the current one is checked, a weak one refused, other sessions end', async () => {
    await createUser(platform.database.db, { login: 'changer', name: '改密', password, role: 'LEADER' }, 'test')
    const first = await signIn('changer')
    const second = await signIn('changer')
    expect(codes(await ask('mutation { changePassword(current: "wrong one!!", next: "a new good password") }', first))).toEqual(['LOGIN_FAILED'])
    expect(codes(await ask('mutation { changePassword(current: "correct horse battery", next: "changer") }', first))).toEqual(['WEAK_PASSWORD'])
    expect((await ask('mutation { changePassword(current: "correct horse battery", next: "a new good password") }', first)).body.data?.changePassword).toBe(true)
    expect((await ask('{ viewer { login } }', first)).body.data?.viewer).toEqual({ login: 'changer' })
    expect((await ask('{ viewer { login } }', second)).body.data?.viewer).toBeNull()
  })
})
