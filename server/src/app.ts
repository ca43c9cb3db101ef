// Opening the platform: migrate the database, sync the plugins' catalogue, seed an empty
// database, start the query threads, and build the GraphQL app. Shared by main.ts, the CLIs
// and the tests.
import { openDatabase, writeTransaction, type Database } from '@msp/db'
import { createQueryPool, type QueryPool } from './execution/query-pool.ts'
import { configPath, loadRegistry } from './plugins.ts'
import type { Registry } from './registry.ts'
import { ensureAdmin } from './auth/accounts.ts'
import { removeEndedSessions } from './auth/sessions.ts'
import { pruneQueryLog, QueryLog } from './execution/query-log.ts'
import { seedIfEmpty } from './seed/seed.ts'
import { settingsFromEnv, type Settings } from './settings.ts'
import { authSettings, createApp, type App } from './yoga.ts'

export interface Platform {
  database: Database
  registry: Registry
  settings: Settings
  app: App
  /** The worker threads, when started. */
  pool?: QueryPool
  seeded: { seeded: boolean; figures: number; targets: number }
  /** Every operation, written in batches (execution/query-log.ts). */
  queryLog: QueryLog
  /** The administrator account made on this start (an empty database), with its generated password. */
  admin: { login: string; generated: string | null } | null
  close(): Promise<void>
}

export interface PlatformOptions {
  asOf?: string
  onQuery?: (sql: string) => void
  /** Overrides of the settings read from the environment. */
  settings?: Partial<Settings>
  /** Start the worker threads for heavy queries (the server does; a CLI or most tests need not). */
  queryThreads?: boolean
  /** The installation file; MSP_CONFIG or the repository's msp.config.ts when absent. */
  config?: string
  /** The first administrator's password on an empty database; MSP_ADMIN_PASSWORD when absent, else generated. */
  adminPassword?: string
}

export async function openPlatform(url: string, options: PlatformOptions = {}): Promise<Platform> {
  const settings = { ...settingsFromEnv(), ...options.settings }
  const path = options.config ?? configPath()
  const registry = await loadRegistry(path)
  const database = await openDatabase(url, { onQuery: options.onQuery })
  const seeded = await seedIfEmpty(database.db, registry)
  // Year-to-date totals left stale by a change outside a write transaction (the upgrade that
  // brought them, a script) are made now, not by the next clerk's save.
  if ((await database.db.figureYearToDateStale.count()) > 0) await writeTransaction(database, async () => undefined, { timeoutMs: 60 * 60_000 })
  const admin = await ensureAdmin(database.db, options.adminPassword ?? process.env.MSP_ADMIN_PASSWORD)
  await removeEndedSessions(database.db, authSettings(settings).limits)
  await pruneQueryLog(database.db, settings.queryLogDays)
  const queryLog = new QueryLog(database.db)
  const pool = options.queryThreads && settings.workers > 0
    ? createQueryPool(settings.workers, { databaseUrl: url, periodRange: settings.periodRange, returnDueDay: settings.returnDueDay, returnsFrom: settings.returnsFrom, asOf: options.asOf ?? '', configPath: path })
    : undefined
  await pool?.ready()
  const app = createApp({ db: database.db, registry, settings, pool, asOf: options.asOf, queryLog })
  return {
    database, registry, settings, app, pool, seeded, admin,
    queryLog,
    close: async () => {
      await queryLog.flush()
      await pool?.close()
      await database.close()
    },
  }
}
