// pnpm db:migrate: applies pending migrations to DATABASE_URL (default: the SQLite file).
import { applyMigrations } from '../src/migrations.ts'
import { defaultDatabaseUrl } from '../src/database-url.ts'

const url = process.env.DATABASE_URL || defaultDatabaseUrl
const applied = await applyMigrations(url)
console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date')
process.exit()
