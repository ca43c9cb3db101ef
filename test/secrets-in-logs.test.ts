// No password, API token or session secret is ever stored in clear or printed (issue 9): the
// server runs as `pnpm start` runs it, every path that handles a secret is taken, some of them
// wrongly, and then its console output and every row of its database are searched for each one.
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, sqliteFile, type Database } from '@msp/db'
import { createUser } from '@msp/server/auth/accounts'
import { startServerProcess, type ServerProcess } from '@msp/server/server-process'
import { freshTestDatabase, testProvider } from './support/platform.ts'

const adminPassword = 'admin-Pw-7Q2x-rose'
const clerkPassword = 'clerk-Pw-9K4z-lily'
const changedPassword = 'changed-Pw-3M8v-iris'
const wrongPassword = 'wrong-Pw-5T1n-fern'

let url: string
let server: ServerProcess
/** Every secret the run handled: each must appear nowhere. */
const secrets = new Set<string>([adminPassword, clerkPassword, changedPassword, wrongPassword])

async function ask(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] }
  return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null, body }
}
const signIn = async (login: string, password: string) => {
  const answer = await ask('mutation SignIn($l: String!, $p: String!) { login(login: $l, password: $p) { login } }', { l: login, p: password })
  if (!answer.cookie) throw new Error(`no session for ${login}: ${JSON.stringify(answer.body)}`)
  secrets.add(answer.cookie.split('=')[1]!)
  return { cookie: answer.cookie }
}

beforeAll(async () => {
  url = await freshTestDatabase()
  const setup = await openDatabase(url)
  await createUser(setup.db, { login: 'root', name: '管理员', password: adminPassword, role: 'ADMIN' }, 'test')
  await setup.close()
  // A log entry for every request, as a busy day would write.
  server = await startServerProcess(url, { MSP_RATE_LIMIT_PER_MINUTE: '100000' })

  const admin = await signIn('root', adminPassword)
  await ask('mutation($i: CreateUserInput!) { createUser(input: $i) { login } }', { i: { login: 'clerk', name: '录入员', password: clerkPassword, role: 'REPORTER', orgUnit: 'station-nanhu' } }, admin)
  // The password inline in the document rather than in a variable.
  const clerk = await ask(`mutation { login(login: "clerk", password: "${clerkPassword}") { login } }`)
  secrets.add(clerk.cookie!.split('=')[1]!)
  const made = await ask('mutation { createApiToken(name: "script", expiresInDays: 30) { token } }', {}, { cookie: clerk.cookie! })
  const token = made.body.data.createApiToken.token as string
  secrets.add(token)
  await ask('{ viewer { login } orgUnits { key } }', {}, { authorization: `Bearer ${token}` })
  // Wrong and malformed secrets: a wrong password until throttled, an unknown token, a
  // password sent as the wrong type (its error quotes the value back to the caller only).
  for (let i = 0; i < 7; i++) await ask('mutation($l: String!, $p: String!) { login(login: $l, password: $p) { login } }', { l: 'clerk', p: wrongPassword })
  await ask('mutation($p: String!) { login(login: "nobody", password: $p) { login } }', { p: wrongPassword })
  await ask('mutation($p: Int!) { login(login: "clerk", password: $p) { login } }', { p: wrongPassword })
  const forged = `msp_t_${'x'.repeat(43)}`
  secrets.add(forged)
  await ask('{ viewer { login } }', {}, { authorization: `Bearer ${forged}` })
  await ask('{ viewer { login } }', {}, { cookie: `msp_session=${forged}` })
  await ask('mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }', { c: adminPassword, n: changedPassword }, admin)
  const reset = await ask('mutation { resetPassword(login: "clerk") }', {}, await signIn('root', changedPassword))
  secrets.add(reset.body.data.resetPassword as string)
  await ask('mutation { revokeApiToken(id: "1") { id } }', {}, { authorization: `Bearer ${token}` })
  await ask('mutation { logout }', {}, admin)
  // Stopping writes what the query log still holds.
  await server.stop()
})

afterAll(() => server?.stop())

/** Every row of every table, as text. */
async function everyRow(database: Database): Promise<string> {
  const tables: { name: string }[] =
    database.provider === 'sqlite'
      ? await database.db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      : await database.db.$queryRawUnsafe(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
  const rows: string[] = []
  for (const { name } of tables) {
    const found = await database.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`)
    rows.push(JSON.stringify(found, (_key, value) => (typeof value === 'bigint' ? String(value) : value)))
  }
  return rows.join('\n')
}

describe(`secrets, on ${testProvider}`, () => {
  it('took every path: the sessions, the token and the reset password were all made', () => {
    // 4 passwords of ours, 3 sessions, 1 token, 1 forged secret, 1 generated password.
    expect(secrets.size).toBe(10)
  })

  it('prints none of them on the console', () => {
    const output = server.output()
    expect(output).toContain('ready in')
    for (const secret of secrets) expect(output.includes(secret), `the console shows ${secret.slice(0, 12)}…`).toBe(false)
  })

  it('stores none of them in any table: the query log, the accounts, sessions and tokens hold hashes only', async () => {
    const database = await openDatabase(url, { migrate: false })
    try {
      const stored = await everyRow(database)
      expect(stored).toContain('clerk')
      expect(await database.db.queryLogEntry.count()).toBeGreaterThanOrEqual(15)
      for (const secret of secrets) expect(stored.includes(secret), `a table holds ${secret.slice(0, 12)}…`).toBe(false)
    } finally {
      await database.close()
    }
  })

  it.runIf(testProvider === 'sqlite')('leaves none of them in the SQLite files, free pages and journal included', () => {
    const file = sqliteFile(url)
    const bytes = [file, `${file}-wal`, `${file}-journal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('')
    expect(bytes.length).toBeGreaterThan(1_000_000)
    for (const secret of secrets) expect(bytes.includes(secret), `the database file holds ${secret.slice(0, 12)}…`).toBe(false)
  })
})
