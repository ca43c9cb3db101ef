// pnpm run import <file.csv|file.xlsx> [--by NAME] [--dry-run]
// Loads figures with columns metric, org_unit, period_start, period_end, value, note.
// Every row is checked first; one bad row and nothing is written.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { databaseUrlFromEnv } from '@msp/db'
import { openPlatform } from '../app.ts'
import { importFigures } from '../import/import-figures.ts'
import { ImportFileError } from '../import/read-rows.ts'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { by: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
})
if (positionals.length !== 1) {
  console.error('usage: pnpm run import <file.csv|file.xlsx> [--by NAME] [--dry-run]')
  process.exit(2)
}
// pnpm runs scripts from the workspace root; a relative path is the user's, from where they stood.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!)
const platform = await openPlatform(databaseUrlFromEnv())
try {
  const result = await importFigures(platform.database.db, platform.registry, path, { by: values.by, dryRun: values['dry-run'] })
  if (!result.ok) {
    for (const e of result.errors) console.error(`row ${e.line}: ${e.message}`)
    console.error(`${result.errors.length} error(s); nothing was written`)
    process.exitCode = 1
  } else if (values['dry-run']) {
    console.log('every row is valid; nothing was written (--dry-run)')
  } else {
    const written = result.created + result.corrected
    console.log(`wrote ${written} row(s): ${result.created} new, ${result.corrected} corrected, ${result.unchanged} unchanged (batch #${result.batchId})`)
  }
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error
  console.error(`${error.message}; nothing was written`)
  process.exitCode = 1
} finally {
  await platform.close()
}
