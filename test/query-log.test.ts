// The query log and the request limit (issue 9): every operation recorded with who, what and
// how it ended, never a password or a token; a session or token past its limit refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { createUser } from '@msp/server/auth/accounts'
import { documentHash, pruneQueryLog } from '@msp/server/execution/query-log'
import { RateLimiter } from '@msp/server/execution/rate-limit'
import { openTestPlatform } from './support/platform.ts'

let platform: Platform
const password = 'correct horse battery'
beforeEach(async () => {
  platform = await openTestPlatform({ settings: { rateLimitPerMinute: 5 } })
  await createUser(platform.database.db, { login: 'root', name: '管理员', password, role: 'ADMIN' }, 'test')
})
afterEach(() => platform.close())

async function ask(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return { cookie: response.headers.get('set-cookie'), body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } }
}

describe('query log', () => {
  it('records who asked, the operation, a hash of its document, and how it ended; never a password or token', async () => {
    const login = await ask('mutation SignIn($l: String!, $p: String!) { login(login: $l, password: $p) { login } }', {}, { l: 'root', p: password })
    const cookie = { cookie: login.cookie!.split(';')[0]! }
    const made = await ask('mutation MakeToken { createApiToken(name: "log test") { token } }', cookie)
    const token = made.body.data.createApiToken.token as string
    await ask('query Mine { viewer { login } }', { authorization: `Bearer ${token}` })
    await ask('query Everyone { users { login } }')
    await platform.queryLog.flush()
    const entries = (await ask('{ queryLog(limit: 10) { login apiTokenId operationName documentHash durationMs outcome } }', cookie)).body.data.queryLog
    const byName = Object.fromEntries(entries.map((e: { operationName: string }) => [e.operationName, e]))
    expect(byName.SignIn).toMatchObject({ login: null, outcome: 'OK', documentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(byName.MakeToken).toMatchObject({ login: 'root', apiTokenId: null, outcome: 'OK' })
    expect(byName.Mine).toMatchObject({ login: 'root', apiTokenId: expect.any(String), outcome: 'OK' })
    expect(byName.Everyone).toMatchObject({ login: null, outcome: 'UNAUTHENTICATED' })
    // Neither the password nor the token, nor the session's secret, is stored anywhere in it.
    const stored = JSON.stringify(await platform.database.db.queryLogEntry.findMany())
    for (const secret of [password, token, cookie.cookie.split('=')[1]!]) expect(stored).not.toContain(secret)
  })

  it('refuses queryLog to all but an ADMIN, and removes entries older than the setting at start', async () => {
    await createUser(platform.database.db, { login: 'member', name: '委员', password, role: 'COMMITTEE' }, 'test')
    const login = await ask('mutation { login(login: "member", password: "correct horse battery") { login } }')
    expect((await ask('{ queryLog { outcome } }', { cookie: login.cookie!.split(';')[0]! })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const db = platform.database.db
    await db.queryLogEntry.create({ data: { at: new Date('2020-01-01'), documentHash: 'x', durationMs: 1, outcome: 'OK' } })
    await db.queryLogEntry.create({ data: { at: new Date(), documentHash: 'y', durationMs: 1, outcome: 'OK' } })
    expect(await pruneQueryLog(db, 180)).toBe(1)
    expect(await db.queryLogEntry.count({ where: { documentHash: { in: ['x', 'y'] } } })).toBe(1)
  })
})

describe('request limit', () => {
  it('refuses a session past its requests a minute with RATE_LIMITED, and not another session', async () => {
    const first = await ask('mutation { login(login: "root", password: "correct horse battery") { login } }')
    const second = await ask('mutation { login(login: "root", password: "correct horse battery") { login } }')
    const a = { cookie: first.cookie!.split(';')[0]! }
    const b = { cookie: second.cookie!.split(';')[0]! }
    for (let i = 0; i < 5; i++) expect((await ask('{ viewer { login } }', a)).body.data.viewer.login).toBe('root')
    const refused = await ask('{ viewer { login } }', a)
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED')
    expect((await ask('{ viewer { login } }', b)).body.data.viewer.login).toBe('root')
  })

  it('slides: the previous minute counts by how much of it the last 60 seconds still cover', () => {
    const limiter = new RateLimiter(10)
    for (let i = 0; i < 10; i++) expect(limiter.allow('k', 1_000 + i)).toBe(true)
    expect(limiter.allow('k', 30_000)).toBe(false)
    // 90 s in: half of the first minute is still covered, 5 of its 10 count.
    expect(limiter.allow('k', 91_000)).toBe(true)
    expect(limiter.allow('k', 200_000)).toBe(true)
  })
})

describe('document hash', () => {
  it('is the shape of the query: the same for other string values, so a password written inline cannot be guessed back from it', () => {
    const a = documentHash('mutation { login(login: "li", password: "first secret!") { login } }')
    expect(documentHash('mutation { login(login: "wang", password: "a \\"quoted\\" one") { login } }')).toBe(a)
    expect(documentHash('mutation { login(login: "li", password: """block\nstring""") { login } }')).toBe(a)
    expect(documentHash('mutation { login(login: "li", password: "x") { name } }')).not.toBe(a)
  })
})
