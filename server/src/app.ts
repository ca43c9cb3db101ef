// Opening the platform: migrate the database, sync the plugins' catalogue, seed an empty
// database, start the query threads, and build the GraphQL app. Shared by main.ts, the CLIs
// and the tests. A read replica's server (MSP_READ_ONLY=1) writes none of that: it checks the
// primary has done it, and refuses to start otherwise.
import { openDatabase, writeTransaction, type Database, type Db } from '@msp/db'
import { createQueryPool, type QueryPool } from './execution/query-pool.ts'
import { configPath, loadRegistry } from './plugins.ts'
import type { Registry } from './registry.ts'
import { ensureAdmin } from './auth/accounts.ts'
import { removeEndedSessions } from './auth/sessions.ts'
import { pruneQueryLog, QueryLog } from './execution/query-log.ts'
import { seedIfEmpty, syncCatalog } from './seed/seed.ts'
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
  const database = await openDatabase(url, { onQuery: options.onQuery, readOnly: settings.readOnly })
  let seeded = { seeded: false, figures: 0, targets: 0 }
  let admin: Platform['admin'] = null
  if (settings.readOnly) {
    await checkCatalogue(database.db, registry).catch(async (error: unknown) => {
      await database.close()
      throw error
    })
  } else {
    seeded = await seedIfEmpty(database.db, registry)
    // Year-to-date totals left stale by a change outside a write transaction (the upgrade that
    // brought them, a script) are made now, not by the next clerk's save.
    if ((await database.db.figureYearToDateStale.count()) > 0) await writeTransaction(database, async () => undefined, { timeoutMs: 60 * 60_000 })
    admin = await ensureAdmin(database.db, options.adminPassword ?? process.env.MSP_ADMIN_PASSWORD)
    await removeEndedSessions(database.db, authSettings(settings).limits)
    await pruneQueryLog(database.db, settings.queryLogDays)
  }
  const queryLog = new QueryLog(database.db, undefined, settings.readOnly ? (line) => void process.stdout.write(line) : undefined)
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

/** The plugins' catalogue is not the database's, and a read-only server may not sync it. */
export class CatalogueNotSyncedError extends Error {
  override name = 'CatalogueNotSyncedError'
}

/**
 * A read-only server cannot sync the catalogue: it checks the primary has synced this plugin
 * set (every area and metric stored as the plugins define it), reading only.
 */
async function checkCatalogue(db: Db, registry: Registry): Promise<void> {
  const stored = new Set((await db.metric.findMany({ select: { key: true } })).map((m) => m.key))
  const missing = registry.areas.flatMap((a) => a.metrics.map((m) => m.key)).filter((key) => !stored.has(key))
  const differing = missing.length > 0 ? 0 : await syncCatalog(db, registry, false)
  if (missing.length === 0 && differing === 0) return
  const what = missing.length > 0
    ? `the database lacks ${missing.length} of the plugins' metrics (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})`
    : `${differing} of the plugins' areas or metrics differ from the database's`
  throw new CatalogueNotSyncedError(
    `${what}; a read-only server (MSP_READ_ONLY=1) cannot sync them: start the primary's server with the same installation file (plugins) first, ` +
      'then start this server again once the replica has caught up',
  )
}
