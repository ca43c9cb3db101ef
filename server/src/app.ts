// Opening the platform: migrate the database, sync the plugins' catalogue, seed an empty
// database, and build the GraphQL app. Shared by main.ts, the CLIs and the tests.
import { openDatabase, type Database } from '@msp/db'
import { loadRegistry } from './plugins.ts'
import type { Registry } from './registry.ts'
import { seedIfEmpty } from './seed/seed.ts'
import { createApp, type App } from './yoga.ts'

export interface Platform {
  database: Database
  registry: Registry
  app: App
  seeded: { seeded: boolean; figures: number; targets: number }
  close(): Promise<void>
}

export async function openPlatform(url: string, options: { asOf?: string; onQuery?: (sql: string) => void } = {}): Promise<Platform> {
  const registry = loadRegistry()
  const database = await openDatabase(url, { onQuery: options.onQuery })
  const seeded = await seedIfEmpty(database.db, registry)
  const app = createApp({ db: database.db, registry, asOf: options.asOf })
  return { database, registry, app, seeded, close: () => database.close() }
}
