import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type { IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'
import type BetterSqlite3 from 'better-sqlite3'
import { providerOf, sqliteFile } from './database-url.ts'

/** How long a writer waits for another writer's lock by default: MSP_LOCK_TIMEOUT_MS, else 30 s. */
export function lockTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.MSP_LOCK_TIMEOUT_MS?.trim()
  if (!value) return 30_000
  if (!/^\d+$/.test(value) || Number(value) > 3_600_000) {
    throw new Error(`MSP_LOCK_TIMEOUT_MS='${value.slice(0, 40)}' must be a whole number of milliseconds up to 3600000`)
  }
  return Number(value)
}

/**
 * Thrown when a write transaction could not take the database's write lock in time: another
 * process (an import, a first start's seeding) is writing.
 */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError'
  constructor(message = 'another import is writing to the database; try again when it has finished') {
    super(message)
  }
}

/**
 * SQLite as the platform runs it, over @prisma/adapter-better-sqlite3:
 * - WAL, so readers never wait for a writer and a writer never waits for readers;
 * - synchronous=FULL, so a committed import survives a power cut;
 * - a busy timeout, so a second writer waits its turn instead of failing at once;
 * - write transactions that take the write lock when they begin. The adapter begins every
 *   transaction with a plain (deferred) BEGIN, which takes the lock only at the first write:
 *   what a transaction read before it would be stale by then. A transaction asked for with
 *   isolation level Serializable is turned into BEGIN IMMEDIATE (see `writeTransaction`).
 */
export class PlatformSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite' as const
  readonly adapterName: string
  readonly #inner: PrismaBetterSqlite3

  constructor(readonly file: string, readonly busyTimeoutMs: number = lockTimeoutFromEnv()) {
    this.#inner = new PrismaBetterSqlite3({ url: file, timeout: busyTimeoutMs })
    this.adapterName = this.#inner.adapterName
  }

  /** The better-sqlite3 connection the client runs on, once it has connected. */
  connection: BetterSqlite3.Database | undefined

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect()
    this.connection = configureSqlite(adapter)
    return adapter
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#inner.connectToShadowDb()
  }
}

function configureSqlite(adapter: SqlDriverAdapter): BetterSqlite3.Database {
  // The adapter keeps its better-sqlite3 connection in a public field; nothing else reaches it.
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client
  if (!client || typeof client.pragma !== 'function') {
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection: check prisma/src/adapters.ts against the new version')
  }
  client.pragma('journal_mode = WAL')
  client.pragma('synchronous = FULL')
  // After a large import the write-ahead log is cut back to 64 MB at the next checkpoint.
  client.pragma('journal_size_limit = 67108864')
  const start = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
    // BEGIN, holding the adapter's own mutex until commit or rollback.
    const tx = await start(isolationLevel)
    if (isolationLevel !== 'SERIALIZABLE') return tx
    try {
      // Nothing has run in the deferred transaction yet: swap it for one that holds the write
      // lock from the start, waiting up to the busy timeout for another writer to finish.
      client.exec('ROLLBACK; BEGIN IMMEDIATE')
    } catch (error) {
      await tx.rollback() // releases the mutex; no transaction is open any more
      if (isSqliteBusy(error)) throw new DatabaseBusyError()
      throw error
    }
    return tx
  }
  return client
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

/** The adapter factory for the Prisma client. */
export function clientAdapterFor(url: string, options: { busyTimeoutMs?: number } = {}) {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFile(url)
    mkdirSync(dirname(file), { recursive: true })
    return new PlatformSqliteFactory(file, options.busyTimeoutMs)
  }
  return new PrismaPg(postgresConfig(url))
}

/** The adapter factory for the schema engine, with a shadow database it can create and drop. */
export function migrationAdapterFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'sqlite') {
    const main = clientAdapterFor(url)
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      // A fresh in-memory database each time: the engine replays the history into every
      // shadow it asks for, and a reused file would already hold the tables.
      connectToShadowDb: () => new PrismaBetterSqlite3({ url: ':memory:' }).connect(),
    }
  }
  return postgresMigrationFactory(url)
}

/**
 * A connection string split into fields: adapter-pg connects a shadow database given as a
 * string to the main database instead.
 */
export function postgresConfig(url: string) {
  const u = new URL(url)
  const socketHost = u.searchParams.get('host')
  return {
    host: socketHost ?? (decodeURIComponent(u.hostname) || 'localhost'),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
  }
}

/**
 * adapter-pg cannot read the catalog's `"char"` columns (OID 18) that introspection selects;
 * and it runs a migration's script split at every `;`, which breaks a function body (the
 * triggers of year_to_date_totals): send the script whole, as psql would (one simple query,
 * run as one implicit transaction).
 */
function readCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client?: { query(sql: string): Promise<unknown> } }).client
  if (client) adapter.executeScript = async (script: string) => void (await client.query(script))
  const io = adapter as unknown as { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> }
  const performIO = io.performIO.bind(adapter)
  io.performIO = async (query) => {
    const result = await performIO(query)
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25
    return result
  }
  return adapter
}

function postgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const config = postgresConfig(url)
  const main = new PrismaPg(config)
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => readCharAsText(await main.connect()),
    connectToShadowDb: async () => {
      const name = `msp_shadow_${randomUUID().replaceAll('-', '')}`
      const admin = await main.connect()
      await admin.executeScript(`CREATE DATABASE "${name}"`)
      const shadow = readCharAsText(await new PrismaPg({ ...config, database: name }).connect())
      const dispose = shadow.dispose.bind(shadow)
      shadow.dispose = async () => {
        // The pool must close before the database can be dropped.
        await dispose()
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await admin.dispose()
      }
      return shadow
    },
  }
}

/** Opens adapters through the factory and remembers them, so all can be disposed at the end. */
export function tracking(factory: SqlMigrationAwareDriverAdapterFactory, wrap = (a: SqlDriverAdapter) => a) {
  const opened: SqlDriverAdapter[] = []
  const keep = (adapter: SqlDriverAdapter) => {
    opened.push(adapter)
    return wrap(adapter)
  }
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => keep(await factory.connect()),
      connectToShadowDb: async () => keep(await factory.connectToShadowDb()),
    } satisfies SqlMigrationAwareDriverAdapterFactory,
    async disposeAll() {
      for (const adapter of opened.splice(0).reverse()) await adapter.dispose().catch(() => {})
    },
  }
}
