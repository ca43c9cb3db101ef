import { PrismaClient as SqliteClient, type Prisma } from '../generated/sqlite/client.ts'
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts'
import { clientAdapterFor, DatabaseBusyError, lockTimeoutFromEnv, PlatformSqliteFactory } from './adapters.ts'
import { defaultDatabaseUrl, providerOf, type Provider } from './database-url.ts'
import { withStartupLock, writeLockKey } from './locks.ts'
import { applyMigrations, checkMigrated } from './migrations.ts'
import { SqlWriter } from './sql-writer.ts'
import { openReadProbe, type ReadProbe } from './read-probe.ts'
import { refreshYearToDate } from './year-to-date.ts'

export * from '../generated/sqlite/client.ts'
export { defaultDatabaseUrl, providerOf, sqliteFile, projectRoot, type Provider } from './database-url.ts'
export { applyMigrations, checkMigrated, createMigration, NotMigratedError } from './migrations.ts'
export { DatabaseBusyError, lockTimeoutFromEnv } from './adapters.ts'
export { withStartupLock } from './locks.ts'
export { SqlWriter, type Cell } from './sql-writer.ts'
export type { ReadProbe } from './read-probe.ts'
export { monthEnd, rebuildYearToDate, refreshYearToDate, takesLatestSql, yearToDateMonth } from './year-to-date.ts'
export { copyPostgresDatabase, createPostgresDatabase, freePort, startThrowawayPostgres, postgresBinariesAvailable, type ThrowawayPostgres } from './throwaway-postgres.ts'

/**
 * One client type for both databases: the models are the same, only the provider the
 * client was generated for differs.
 */
export type Db = SqliteClient

/** The client inside a transaction: every model, no $transaction or $disconnect. */
export type DbTx = Prisma.TransactionClient

export interface Database {
  db: Db
  provider: Provider
  url: string
  /** How long a writer waits for another writer's lock before DatabaseBusyError. */
  lockTimeoutMs: number
  /** A connection of its own for the small statement every request asks first (read-probe.ts). */
  probe: ReadProbe
  close(): Promise<void>
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || defaultDatabaseUrl
}

/** Opens the database behind `url`, applying pending migrations first. */
export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean
  /**
   * A read replica's (MSP_READ_ONLY=1): apply nothing, but refuse a database that lacks a
   * migration (NotMigratedError), before anything is opened or created.
   */
  readOnly?: boolean
  /** Called with every SQL statement the client sends: for tests that count queries. */
  onQuery?: (sql: string) => void
  /** How long a writer waits for another's lock; default MSP_LOCK_TIMEOUT_MS, else 30 s. */
  lockTimeoutMs?: number
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url)
  const lockTimeoutMs = options.lockTimeoutMs ?? lockTimeoutFromEnv()
  // Two processes starting on an empty database must not both run the first migration.
  if (options.readOnly) await checkMigrated(url)
  else if (options.migrate !== false) await withStartupLock(url, Math.max(lockTimeoutMs, 60_000), () => applyMigrations(url))
  const adapter = clientAdapterFor(url, { busyTimeoutMs: lockTimeoutMs })
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : []
  const db =
    provider === 'sqlite'
      ? new SqliteClient({ adapter, log })
      : (new PostgresClient({ adapter, log }) as unknown as SqliteClient)
  if (options.onQuery) {
    const onQuery = options.onQuery
    ;(db as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query))
  }
  const probe = openReadProbe(url, provider, options.onQuery)
  const database: Database = { db, provider, url, lockTimeoutMs, probe, close: () => Promise.all([probe.close(), db.$disconnect()]).then(() => undefined) }
  opened.set(db, database)
  if (adapter instanceof PlatformSqliteFactory) connections.set(database, adapter)
  return database
}

const opened = new WeakMap<Db, Database>()
const connections = new WeakMap<Database, PlatformSqliteFactory>()

/** The Database a client was opened as, for code that is handed only the client. */
export function databaseOf(db: Db): Database {
  const database = opened.get(db)
  if (!database) throw new Error('this client was not opened by openDatabase')
  return database
}

export interface WriteOptions {
  /** The longest the transaction may stay open (default 30 minutes). */
  timeoutMs?: number
}

/**
 * A transaction that holds the database's write lock from its first statement, so what it
 * reads stays true until it commits: two imports checking for overlaps cannot both commit.
 * SQLite: BEGIN IMMEDIATE (the adapter's BEGIN is deferred; see adapters.ts). PostgreSQL: a
 * transaction advisory lock that every writer of figures takes. A writer waits up to the
 * database's lock time-out for another to finish, then fails with DatabaseBusyError.
 */
export async function writeTransaction<T>(target: Database | Db, fn: (tx: DbTx, writer: SqlWriter) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const database = opened.has(target as Db) ? databaseOf(target as Db) : (target as Database)
  const wait = database.lockTimeoutMs
  try {
    return await database.db.$transaction(
      async (tx) => {
        if (database.provider === 'postgresql') {
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(wait))}`)
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${writeLockKey})`)
          await tx.$executeRawUnsafe('SET LOCAL lock_timeout = 0')
        }
        // On SQLite the transaction runs on the client's one connection: bulk writes go there
        // directly (see sql-writer.ts).
        const writer = new SqlWriter(tx, database.provider, connections.get(database)?.connection)
        const result = await fn(tx, writer)
        // The year-to-date totals of the figures this transaction changed, before it commits.
        await refreshYearToDate(tx, writer)
        return result
      },
      {
        // SQLite takes only Serializable; the adapter turns it into BEGIN IMMEDIATE.
        isolationLevel: database.provider === 'sqlite' ? 'Serializable' : undefined,
        maxWait: wait + 10_000,
        timeout: options.timeoutMs ?? 30 * 60_000,
      },
    )
  } catch (error) {
    if (isBusy(error)) throw new DatabaseBusyError()
    throw error
  }
}

/** Whether an error says the database's write lock was held by someone else too long. */
export function isBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusyError || (e as { name?: unknown }).name === 'DatabaseBusyError') return true
    const code = (e as { code?: unknown }).code
    const message = String((e as { message?: unknown }).message ?? '')
    // SQLite's SQLITE_BUSY comes through Prisma as P1008; PostgreSQL's lock_timeout as 55P03.
    if (code === 'P1008' || code === '55P03' || /SQLITE_BUSY|database is locked|lock timeout|canceling statement due to lock timeout/.test(message)) return true
  }
  return false
}
