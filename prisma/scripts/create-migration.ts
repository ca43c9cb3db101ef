// pnpm db:migration:create <name>
// Writes a migration for SQLite and, when a PostgreSQL server is at hand (POSTGRES_SCRATCH_URL,
// or Debian's PostgreSQL binaries for a throwaway cluster), for PostgreSQL too.
import { createMigration } from '../src/migrations.ts'
import { startThrowawayPostgres, postgresBinariesAvailable } from '../src/throwaway-postgres.ts'

const name = process.argv[2]
if (!name) {
  console.error('usage: pnpm db:migration:create <name>   (a-z, 0-9 and _)')
  process.exit(2)
}

const sqlite = await createMigration(name, 'sqlite')
console.log(sqlite ? `sqlite: wrote ${sqlite}` : 'sqlite: schema unchanged, nothing written')

let scratch = process.env.POSTGRES_SCRATCH_URL
const cluster = !scratch && postgresBinariesAvailable() ? await startThrowawayPostgres() : undefined
scratch ??= cluster?.url
if (scratch) {
  try {
    const pg = await createMigration(name, 'postgresql', scratch)
    console.log(pg ? `postgresql: wrote ${pg}` : 'postgresql: schema unchanged, nothing written')
  } finally {
    await cluster?.stop()
  }
} else {
  console.warn('postgresql: no server (set POSTGRES_SCRATCH_URL or install postgresql); its migration was NOT written')
  process.exitCode = 1
}
// adapter-pg keeps a timer alive for a while after closing.
process.exit()
