// The migration tool: applies and creates migrations in Prisma's standard layout
// (migrations/<provider>/<timestamp>_<name>/migration.sql), so `prisma migrate deploy` stays
// valid wherever the native engine exists. Built on the WebAssembly schema engine.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { migrationAdapterFor, postgresConfig, tracking } from './adapters.ts'
import { providerOf, sqliteFile, type Provider } from './database-url.ts'
import { openSchemaEngine } from './schema-engine.ts'

const prismaDir = join(import.meta.dirname, '..')
const noFilters = { externalTables: [], externalEnums: [] }

export function migrationsDir(provider: Provider): string {
  return join(prismaDir, 'migrations', provider)
}

export function schemaFor(provider: Provider): string {
  const path = provider === 'sqlite' ? join(prismaDir, 'schema.prisma') : join(prismaDir, 'generated', 'postgresql.prisma')
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm generate\` first`)
  return readFileSync(path, 'utf8')
}

export function readMigrations(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider)
  const lockPath = join(baseDir, 'migration_lock.toml')
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : []
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      // The engine needs a lock file to diff from the folder; an empty folder has none yet.
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : `provider = "${provider}"\n`,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = join(baseDir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      }
    }),
  }
}

/**
 * SQLite's shadow database runs a migration file through a raw execute, which takes one
 * statement only: run parameterless executes as scripts instead.
 */
function runRawAsScript(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter)
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query)
    await adapter.executeScript(query.sql)
    return 0
  }
  return adapter
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  provider: Provider,
  use: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>,
): Promise<T> {
  const { factory: tracked, disposeAll } = tracking(factory, provider === 'sqlite' ? runRawAsScript : undefined)
  const engine = await openSchemaEngine(tracked, [['schema.prisma', schemaFor(provider)]])
  try {
    return await use(engine)
  } finally {
    engine.free()
    // Freeing the engine leaves its adapters open; a later client on the same file would wait on them.
    await disposeAll()
  }
}

/** Applies the pending migrations; returns the names of those applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const provider = providerOf(url)
  return withEngine(migrationAdapterFor(url), provider, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(provider),
      filters: noFilters,
    })
    return appliedMigrationNames
  })
}

/**
 * A database a read-only server (MSP_READ_ONLY=1) may not use: it lacks migrations this code
 * needs, and the server may not apply them.
 */
export class NotMigratedError extends Error {
  override name = 'NotMigratedError'
  constructor(readonly missing: string[], anyApplied: boolean) {
    const shown = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ')
    super(
      `${anyApplied ? `the database lacks ${missing.length} migration${missing.length === 1 ? '' : 's'} this server needs (${shown})` : 'the database has no migration applied (an empty database?)'}; ` +
        'a read-only server (MSP_READ_ONLY=1) applies none: migrate the primary first (start its normal server, or pnpm db:migrate there), ' +
        'then start this server again once the replica has caught up',
    )
  }
}

const appliedSql = 'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL'

/**
 * The migrations Prisma's `_prisma_migrations` table records as applied (finished, not rolled
 * back); none when the table or the SQLite file is not there. Writes nothing, not even a file.
 */
async function appliedMigrationNames(url: string): Promise<string[]> {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFile(url)
    if (file === ':memory:' || !existsSync(file)) return []
    const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    try {
      if (!connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()) return []
      return (connection.prepare(appliedSql).all() as { migration_name: string }[]).map((r) => r.migration_name)
    } finally {
      connection.close()
    }
  }
  const client = new pg.Client(postgresConfig(url))
  await client.connect()
  try {
    return (await client.query<{ migration_name: string }>(appliedSql)).rows.map((r) => r.migration_name)
  } catch (error) {
    if ((error as { code?: unknown }).code === '42P01') return [] // no such table: never migrated
    throw error
  } finally {
    await client.end().catch(() => {})
  }
}

/** Throws NotMigratedError unless every migration in migrations/<provider> is applied; writes nothing. */
export async function checkMigrated(url: string): Promise<void> {
  const applied = await appliedMigrationNames(url)
  const done = new Set(applied)
  const missing = readMigrations(providerOf(url)).migrationDirectories.map((d) => d.path).filter((name) => !done.has(name))
  if (missing.length > 0) throw new NotMigratedError(missing, applied.length > 0)
}

/**
 * Creates a migration from the difference between the migrations folder and schema.prisma.
 * `url` is a scratch database the tool may fill and throw away (a temporary SQLite file by
 * default). Returns the folder written, or null when the schema has not changed.
 */
export async function createMigration(name: string, provider: Provider, scratchUrl?: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name "${name}" may hold only a-z, 0-9 and _`)
  const temp = join(tmpdir(), `msp-migrate-${process.pid}-${Date.now()}`)
  let url = scratchUrl
  if (provider === 'sqlite') {
    mkdirSync(temp, { recursive: true })
    url ??= `file:${join(temp, 'scratch.db')}`
  } else if (!url) {
    throw new Error('creating a PostgreSQL migration needs a scratch PostgreSQL database url')
  }
  const factory = migrationAdapterFor(url)
  try {
    const migrationsList = readMigrations(provider)
    return await withEngine(factory, provider, async (engine) => {
      await engine.applyMigrations({ migrationsList, filters: noFilters })
      // createMigration needs the shadow-database set-up that devDiagnostic performs.
      await engine.devDiagnostic({ migrationsList, filters: noFilters })
      const result = await engine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList,
        schema: { files: [{ path: 'schema.prisma', content: schemaFor(provider) }] },
        filters: noFilters,
      })
      if (!result.migrationScript) return null
      const dir = join(migrationsDir(provider), result.generatedMigrationName)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'migration.sql'), result.migrationScript)
      const lock = join(migrationsDir(provider), 'migration_lock.toml')
      if (!existsSync(lock)) {
        writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`)
      }
      return dir
    })
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
