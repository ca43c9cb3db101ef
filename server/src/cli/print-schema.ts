// pnpm schema:print writes server/schema.graphql; pnpm schema:check fails when the committed
// file differs from the code, so the committee's queries never break unnoticed.
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { printedSchema } from '../schema/print.ts'

const path = join(import.meta.dirname, '..', '..', 'schema.graphql')
const printed = printedSchema()

if (process.argv.includes('--check')) {
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : ''
  if (committed !== printed) {
    console.error('server/schema.graphql differs from the schema in code: run `pnpm schema:print` and commit the result')
    process.exit(1)
  }
  console.log('server/schema.graphql matches the code')
} else {
  writeFileSync(path, printed)
  console.log(`wrote ${path}`)
}
