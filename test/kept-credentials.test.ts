// Credentials kept in memory (server/src/auth/viewer.ts, KeptCredentials): a session or token
// looked up once is not looked up again while nothing about sign-ins has changed, and any such
// change, made by this server or by another process on the same database (the accounts CLI),
// is seen by the very next request. On SQLite and PostgreSQL (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '@msp/db'
import type { Platform } from '@msp/server/app'
import { createUser, disableUser } from '@msp/server/auth/accounts'
import { createApiToken, revokeApiToken } from '@msp/server/auth/sessions'
import { KeptCredentials } from '@msp/server/auth/viewer'
import { openTestPlatform } from './support/platform.ts'

let platform: Platform
/** The same database opened as another process would (the accounts CLI, a second server). */
let other: Database
let lookups = 0
const password = 'correct horse battery'

beforeAll(async () => {
  // A lookup reads the Session or ApiToken table through Prisma, which names its schema
  // (`main`.`x` on SQLite, "public"."x" on PostgreSQL); the versions' statement does not.
  platform = await openTestPlatform({ onQuery: (sql) => void (/^SELECT[\s\S]*[`"](main|public)[`"]\.[`"](Session|ApiToken)[`"]/.test(sql) && lookups++) })
  other = await openDatabase(platform.database.url, { migrate: false })
})
afterAll(async () => {
  await other.close()
  await platform.close()
})

async function ask(query: string, headers: Record<string, string>) {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })
  return { cookie: response.headers.get('set-cookie'), body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } }
}
const codes = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.map((e) => e.extensions?.code)
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })

describe('credentials kept in memory', () => {
  it('looks a token up once, and again only after the sign-ins change', async () => {
    const user = await createUser(platform.database.db, { login: 'kept.admin', name: 'kept', password, role: 'ADMIN' }, 'test')
    const { secret } = await createApiToken(platform.database.db, { userId: user.id, name: 'script', by: 'test' })
    expect((await ask('{ users { login } }', bearer(secret))).body.errors).toBeUndefined()
    const first = lookups
    expect(first).toBeGreaterThan(0)
    for (let i = 0; i < 3; i++) expect((await ask('{ users { login } }', bearer(secret))).body.errors).toBeUndefined()
    expect(lookups).toBe(first)
    // Another token made elsewhere changes the sign-ins: the next request looks up again.
    await createApiToken(other.db, { userId: user.id, name: 'another', by: 'test' })
    expect((await ask('{ users { login } }', bearer(secret))).body.errors).toBeUndefined()
    expect(lookups).toBeGreaterThan(first)
  })

  it('refuses a token at once when another process revokes it, or disables its account, or changes its role', async () => {
    const user = await createUser(platform.database.db, { login: 'kept.other', name: 'kept', password, role: 'ADMIN' }, 'test')
    const revoked = await createApiToken(platform.database.db, { userId: user.id, name: 'one', by: 'test' })
    const kept = await createApiToken(platform.database.db, { userId: user.id, name: 'two', by: 'test' })
    for (const secret of [revoked.secret, kept.secret]) expect((await ask('{ users { login } }', bearer(secret))).body.errors).toBeUndefined()

    await revokeApiToken(other.db, revoked.apiToken.id)
    expect(codes(await ask('{ users { login } }', bearer(revoked.secret)))).toEqual(['UNAUTHENTICATED'])
    expect((await ask('{ users { login } }', bearer(kept.secret))).body.errors).toBeUndefined()

    // An administrator made a committee member: the administrators' list is closed to them now.
    await other.db.user.update({ where: { id: user.id }, data: { role: 'COMMITTEE' } })
    expect(codes(await ask('{ users { login } }', bearer(kept.secret)))).toEqual(['FORBIDDEN'])

    await disableUser(other.db, 'kept.other')
    expect(codes(await ask('{ users { login } }', bearer(kept.secret)))).toEqual(['UNAUTHENTICATED'])
  })

  it('ends a kept session at sign-out, and at another process ending it', async () => {
    await createUser(platform.database.db, { login: 'kept.leader', name: 'kept', password, role: 'LEADER' }, 'test')
    const signIn = async () => {
      const answer = await ask(`mutation { login(login: "kept.leader", password: "${password}") { login } }`, {})
      return { cookie: answer.cookie!.split(';')[0]! }
    }
    const browser = await signIn()
    expect((await ask('{ viewer { login } }', browser)).body.data.viewer).toEqual({ login: 'kept.leader' })
    expect((await ask('{ viewer { login } }', browser)).body.data.viewer).toEqual({ login: 'kept.leader' })
    expect((await ask('mutation { logout }', browser)).body.data.logout).toBe(true)
    expect((await ask('{ viewer { login } }', browser)).body.data.viewer).toBeNull()
    expect(codes(await ask('{ apiTokens { id } }', browser))).toEqual(['UNAUTHENTICATED'])

    const second = await signIn()
    expect((await ask('{ viewer { login } }', second)).body.data.viewer).toEqual({ login: 'kept.leader' })
    await other.db.session.deleteMany({ where: { user: { login: 'kept.leader' } } })
    expect((await ask('{ viewer { login } }', second)).body.data.viewer).toBeNull()
  })
})

describe('KeptCredentials', () => {
  const found = (login: string, heldUntil: number) => ({
    credentials: { viewer: { userId: 1, login, name: login, role: 'LEADER' as const, orgUnitKey: null, apiTokenId: null }, sessionSecret: 'msp_s_x', problem: null },
    heldUntil,
  })

  it('answers from memory until the lookup would write (its session idle or ended, its use due to be recorded)', async () => {
    const kept = new KeptCredentials()
    let loads = 0
    const load = async () => (loads++, found(`v${loads}`, 1_000))
    expect((await kept.find('msp_s_a', 'v1', load, 0))?.viewer?.login).toBe('v1')
    expect((await kept.find('msp_s_a', 'v1', load, 999))?.viewer?.login).toBe('v1')
    expect(loads).toBe(1)
    expect((await kept.find('msp_s_a', 'v1', load, 1_000))?.viewer?.login).toBe('v2')
    expect((await kept.find('msp_s_a', 'v2', load, 0))?.viewer?.login).toBe('v3')
  })

  it('keeps no refusal, and forgets a secret refused after it was kept', async () => {
    const kept = new KeptCredentials()
    let answer: ReturnType<typeof found> | null = found('a', 10_000)
    const load = async () => answer
    expect(await kept.find('msp_s_a', 'v1', load, 0)).not.toBeNull()
    answer = null
    expect(await kept.find('msp_s_a', 'v2', load, 0)).toBeNull()
    answer = found('b', 10_000)
    // Had the refusal been kept, or the old answer, this would not be 'b'.
    expect((await kept.find('msp_s_a', 'v2', load, 0))?.viewer?.login).toBe('b')
  })
})
