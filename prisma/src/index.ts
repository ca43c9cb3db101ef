import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts'
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts'
import { clientAdapterFor } from './adapters.ts'
import { defaultDatabaseUrl, providerOf, type Provider } from './database-url.ts'
import { applyMigrations } from './migrations.ts'

export * from '../generated/sqlite/client.ts'
export { defaultDatabaseUrl, providerOf, sqliteFile, projectRoot, type Provider } from './database-url.ts'
export { applyMigrations, createMigration } from './migrations.ts'
export { startThrowawayPostgres, postgresBinariesAvailable, type ThrowawayPostgres } from './throwaway-postgres.ts'

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
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Database> {
  const provider = providerOf(url)
  if (options.migrate !== false) await applyMigrations(url)
  const adapter = clientAdapterFor(url)
  const db =
    provider === 'sqlite'
      ? new SqliteClient({ adapter })
      : (new PostgresClient({ adapter }) as unknown as SqliteClient)
  return { db, provider, url, close: () => db.$disconnect() }
}
