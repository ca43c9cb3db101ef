import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { providerOf, sqliteFile } from './database-url.ts'

/** The adapter factory for the Prisma client. */
export function clientAdapterFor(url: string) {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFile(url)
    mkdirSync(dirname(file), { recursive: true })
    return new PrismaBetterSqlite3({ url: file })
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

/** adapter-pg cannot read the catalog's `"char"` columns (OID 18) that introspection selects. */
function readCharAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
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
