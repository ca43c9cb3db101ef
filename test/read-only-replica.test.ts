// A server on a read replica (MSP_READ_ONLY=1, issue 11): it starts without writing (no
// migration, catalogue sync, seeding, administrator, clean-up), answers queries with a token
// from its response cache keyed on the data version, and refuses signing in and every mutation
// with READ_ONLY. On PostgreSQL it runs as a role that may only SELECT, read-only by default as
// a hot standby is; on SQLite on the same file, where nothing may be written either. It refuses
// to start on a database the primary has not migrated or synced. (vitest.config.ts: both.)
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { createPostgresDatabase, openDatabase, writeTransaction, type Db } from '@msp/db'
import { openPlatform, type Platform } from '@msp/server/app'
import { createApiToken } from '@msp/server/auth/sessions'
import { settingsFromEnv } from '@msp/server/settings'
import { bearer, testAdminLogin, testLogin, testPassword } from './support/accounts.ts'
import { freshTestDatabase, openTestPlatform, testProvider, testToday } from './support/platform.ts'

const readOnly = { asOf: testToday, settings: { readOnly: true, rateLimitPerMinute: 1_000_000 } }

async function ask(platform: Platform, document: string, headers: Record<string, string>) {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document }),
  })
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }
  return { ...body, cache: response.headers.get('x-response-cache'), cookie: response.headers.get('set-cookie') }
}

/** A role on the primary's database that may only read, as a replica's connection would be: its URL. */
async function readOnlyRole(db: Db, url: string): Promise<string> {
  const role = `msp_reader_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  for (const sql of [
    `CREATE ROLE "${role}" LOGIN`,
    // A hot standby refuses every write: so does a session of this role.
    `ALTER ROLE "${role}" SET default_transaction_read_only = on`,
    `GRANT CONNECT ON DATABASE "${decodeURIComponent(new URL(url).pathname.slice(1))}" TO "${role}"`,
    `GRANT USAGE ON SCHEMA public TO "${role}"`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${role}"`,
  ]) await db.$executeRawUnsafe(sql)
  const reader = new URL(url)
  reader.username = role
  return reader.toString()
}

/** What a server could write per request: sessions, failed sign-ins, the query log, a token's last use, locks. */
async function written(db: Db) {
  return {
    sessions: await db.session.count(),
    loginFailures: await db.loginFailure.count(),
    queryLog: await db.queryLogEntry.count(),
    monthLocks: await db.monthLock.count(),
    tokens: await db.apiToken.findMany({ select: { id: true, lastUsedAt: true }, orderBy: { id: 'asc' } }),
  }
}

it('reads MSP_READ_ONLY as 1 or 0', () => {
  expect(settingsFromEnv({ MSP_READ_ONLY: '1' }).readOnly).toBe(true)
  expect(settingsFromEnv({}).readOnly).toBe(false)
})

describe('a server on a read replica (MSP_READ_ONLY=1)', () => {
  let primary: Platform
  let replica: Platform
  let adminToken: Record<string, string>
  // A station's year: a figure the primary changes below moves its scorecard.
  let figure: { id: number; value: number; unitKey: string }
  const scorecard = () => `{ scorecard(period: { year: 2023 }, orgUnit: "${figure.unitKey}") { score areas { rows { metric { key } actual target status } } } }`

  // The replica's query log, a JSON line an operation on standard output: kept here, not printed.
  const logged: { login: string | null; outcome: string; documentHash: string; durationMs: number }[] = []
  const write = process.stdout.write.bind(process.stdout)
  beforeAll(async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest: any[]) =>
      String(chunk).startsWith('{"queryLog"') ? (logged.push(JSON.parse(String(chunk)).queryLog), true) : write(chunk, ...rest))
    primary = await openTestPlatform()
    const admin = await primary.database.db.user.findUniqueOrThrow({ where: { login: testAdminLogin } })
    adminToken = { authorization: `Bearer ${(await createApiToken(primary.database.db, { userId: admin.id, name: 'replica', by: 'test' })).secret}` }
    const row = await primary.database.db.figure.findFirstOrThrow({
      where: { source: 'SAMPLE', periodStart: { gte: '2023-01-01' }, periodEnd: { lte: '2023-12-31' }, orgUnit: { kind: 'STATION' } },
      include: { orgUnit: true },
    })
    figure = { id: row.id, value: row.value, unitKey: row.orgUnit.key }
    // What a normal start would clear away: an ended session, a query-log entry years old.
    const long = new Date('2020-01-01T00:00:00Z')
    await primary.database.db.session.create({ data: { secretHash: 'ended', userId: admin.id, createdAt: long, lastSeenAt: long, expiresAt: long } })
    await primary.database.db.queryLogEntry.create({ data: { at: long, login: testAdminLogin, apiTokenId: null, operationName: null, documentHash: 'old', durationMs: 1, outcome: 'OK' } })
    const url = testProvider === 'postgresql' ? await readOnlyRole(primary.database.db, primary.database.url) : primary.database.url
    if (testProvider === 'postgresql') {
      // The role is as a replica's connection: a write fails.
      const reader = await openDatabase(url, { migrate: false })
      await expect(reader.db.loginFailure.deleteMany({})).rejects.toThrow(/read-only transaction|permission denied/)
      await reader.close()
    }
    replica = await openPlatform(url, readOnly)
  })
  afterAll(async () => {
    await replica?.close()
    await primary?.close()
    vi.restoreAllMocks()
  })

  it('started without writing: what a normal start clears away is still there', async () => {
    expect(await primary.database.db.session.count({ where: { secretHash: 'ended' } })).toBe(1)
    expect(await primary.database.db.queryLogEntry.count({ where: { documentHash: 'old' } })).toBe(1)
    expect(replica.admin).toBeNull()
  })

  it('answers a scorecard with a token as the primary does, and a second time from its cache', async () => {
    const fromPrimary = await ask(primary, scorecard(), bearer)
    expect(fromPrimary.errors).toBeUndefined()
    const first = await ask(replica, scorecard(), bearer)
    expect(first.errors).toBeUndefined()
    expect(first.data).toEqual(fromPrimary.data)
    const second = await ask(replica, scorecard(), bearer)
    expect(second.cache).toBe('HIT')
    expect(second.data).toEqual(fromPrimary.data)
  })

  it("refuses signing in and every mutation with READ_ONLY, and writes nothing: no session, no log entry, no token's last use", async () => {
    await primary.queryLog.flush()
    const before = await written(primary.database.db)
    const from = logged.length
    const signIn = await ask(replica, `mutation { login(login: "${testLogin}", password: "${testPassword}") { login } }`, {})
    expect(signIn.errors?.map((e) => e.extensions?.code)).toEqual(['READ_ONLY'])
    expect(signIn.errors![0]!.message).toMatch(/read replica.*primary's address/)
    expect(signIn.cookie).toBeNull()
    const lock = await ask(replica, 'mutation { lockMonth(month: "2023-01") }', adminToken)
    expect(lock.errors?.map((e) => e.extensions?.code)).toEqual(['READ_ONLY'])
    // Reads with either token go on, the token's use recorded nowhere.
    expect((await ask(replica, '{ lockedMonths }', adminToken)).errors).toBeUndefined()
    expect((await ask(replica, scorecard(), bearer)).errors).toBeUndefined()
    await replica.queryLog.flush()
    expect(await written(primary.database.db)).toEqual(before)
    // The query log goes to standard output, a JSON line an operation.
    expect(logged.slice(from).map((e) => e.outcome)).toEqual(['READ_ONLY', 'READ_ONLY', 'OK', 'OK'])
    expect(logged[from + 1]).toMatchObject({ login: testAdminLogin, durationMs: expect.any(Number), documentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('answers with what the primary wrote since (the data version read from the replica)', async () => {
    const old = await ask(replica, scorecard(), bearer)
    await writeTransaction(primary.database, (tx) => tx.figure.update({ where: { id: figure.id }, data: { value: figure.value + 1_000 } }))
    const fromPrimary = await ask(primary, scorecard(), bearer)
    expect(fromPrimary.data).not.toEqual(old.data)
    const now = await ask(replica, scorecard(), bearer)
    expect(now.cache).toBe('MISS')
    expect(now.data).toEqual(fromPrimary.data)
  })
})

describe('a read-only start on a database the primary has not made ready', () => {
  const migrateFirst = /MSP_READ_ONLY=1.*migrate the primary first/

  it('refuses an empty database, and creates nothing', async () => {
    const server = inject('postgresServer')
    const empty = server
      ? await createPostgresDatabase(server, `msp_empty_${randomUUID().replaceAll('-', '').slice(0, 12)}`)
      : `file:${join(mkdtempSync(join(tmpdir(), 'msp-replica-')), 'none.db')}`
    await expect(openPlatform(empty, readOnly)).rejects.toThrow(/no migration applied/)
    await expect(openPlatform(empty, readOnly)).rejects.toThrow(migrateFirst)
    if (!server) expect(existsSync(empty.slice('file:'.length))).toBe(false)
  })

  it('refuses a database lacking a migration, naming it', async () => {
    const url = await freshTestDatabase()
    const database = await openDatabase(url, { migrate: false })
    const name = (await database.db.$queryRawUnsafe<{ name: string }[]>('SELECT max("migration_name") AS "name" FROM "_prisma_migrations"'))[0]!.name
    await database.db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE "migration_name" = ${name}`
    await database.close()
    const refused = openPlatform(url, readOnly)
    await expect(refused).rejects.toThrow(`lacks 1 migration this server needs (${name})`)
    await expect(refused).rejects.toThrow(migrateFirst)
  })

  it("refuses a database whose catalogue is not the plugins'", async () => {
    const url = await freshTestDatabase()
    const database = await openDatabase(url, { migrate: false })
    const metric = await database.db.metric.findFirstOrThrow({ orderBy: { key: 'asc' } })
    await database.db.metric.update({ where: { key: metric.key }, data: { nameEn: `${metric.nameEn} (old)` } })
    await database.close()
    await expect(openPlatform(url, readOnly)).rejects.toThrow(/1 of the plugins' areas or metrics differ.*cannot sync them: start the primary's server/)
    // A plugin the primary never ran: its metrics are missing, by name.
    const elevators = join(import.meta.dirname, 'fixtures', 'elevators.config.ts')
    await expect(openPlatform(url, { ...readOnly, config: elevators })).rejects.toThrow(/the database lacks \d+ of the plugins' metrics \(elevators\./)
  })
})
