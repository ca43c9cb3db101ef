import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts'
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts'
import { clientAdapterFor } from './adapters.ts'
import { defaultDatabaseUrl, providerOf, type Provider } from './database-url.ts'
import { applyMigrations } from './migrations.ts'

export * from '../generated/sqlite/client.ts'
export { defaultDatabaseUrl, providerOf, sqliteFile, projectRoot, type Provider } from './database-url.ts'
export { applyMigrations, createMigration } from './migrations.ts'
export { freePort, startThrowawayPostgres, postgresBinariesAvailable, type ThrowawayPostgres } from './throwaway-postgres.ts'

/**
 * One client type for both databases: the models are the same, only the provider the
 * client was generated for differs.
 */
export type Db = SqliteClient

export interface Database {
  db: Db
  provider: Provider
  url: string
  close(): Promise<void>
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || defaultDatabaseUrl
}

/** Opens the database behind `url`, applying pending migrations first. */
export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean
  /** Called with every SQL statement the client sends: for tests that count queries. */
  onQuery?: (sql: string) => void
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = providerOf(url)
  if (options.migrate !== false) await applyMigrations(url)
  const adapter = clientAdapterFor(url)
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : []
  const db =
    provider === 'sqlite'
      ? new SqliteClient({ adapter, log })
      : (new PostgresClient({ adapter, log }) as unknown as SqliteClient)
  if (options.onQuery) {
    const onQuery = options.onQuery
    ;(db as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) => onQuery(e.query))
  }
  return { db, provider, url, close: () => db.$disconnect() }
}
