// Generates the Prisma clients (one per provider: a Prisma 7 client is bound to its
// provider) and the Pothos types. Runs offline: `prisma generate` needs no schema engine,
// so the engine path is a placeholder that keeps the CLI from trying to download one.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const schemaPath = join(root, 'schema.prisma')
const postgresSchemaPath = join(root, 'generated', 'postgresql.prisma')

const schema = readFileSync(schemaPath, 'utf8')
const postgresSchema = schema
  .replace(/generator pothos \{[^}]*\}\n/, '')
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output       = "./generated/sqlite"', 'output       = "./postgresql"')
mkdirSync(dirname(postgresSchemaPath), { recursive: true })
writeFileSync(postgresSchemaPath, `// Derived from ../schema.prisma by scripts/generate.ts. Do not edit.\n${postgresSchema}`)

const prismaCli = join(root, 'node_modules', 'prisma', 'build', 'index.js')
for (const file of [schemaPath, postgresSchemaPath]) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', file], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  })
}
