// pnpm run import <file.csv|file.xlsx> [--by NAME] [--reason TEXT] [--sheet NAME] [--dry-run]
// pnpm run import <file> --delete --reason TEXT [--by NAME]
// Loads figures with columns metric, org_unit, period_start, period_end, value, note, or with
// --delete removes the figures a file names. Every row is checked first; one bad row and
// nothing is written. Every message is one line: no stack traces, no paths of the code.
import { userInfo } from 'node:os'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { databaseUrlFromEnv, DatabaseBusyError, openDatabase, type Database } from '@msp/db'
import { importFigures, formatError, ImportFileError, maxErrors } from '../import/import-figures.ts'
import { show } from '../import/read-rows.ts'
import { InstallationError, loadRegistry } from '../plugins.ts'
import { seedIfEmpty } from '../seed/seed.ts'
import { SettingsError } from '../settings.ts'

const usage = 'usage: pnpm run import <file.csv|file.xlsx> [--by NAME] [--reason TEXT] [--sheet NAME] [--dry-run] [--delete --reason TEXT]'

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      reason: { type: 'string' },
      sheet: { type: 'string' },
      delete: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}
try {
  args = parse()
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${usage}`, 2)
}
const { positionals, values } = args
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (positionals.length !== 1) fail(usage, 2)

function osUser(): string | undefined {
  try {
    return userInfo().username || undefined
  } catch {
    return undefined
  }
}
const by = values.by ?? osUser()
if (!by?.trim()) fail('say who is importing: --by NAME (the operating system gives no user name)', 2)
if (values.delete && !values.reason?.trim()) fail('--delete needs --reason TEXT: say why the figures are removed', 2)

// pnpm runs scripts from the workspace root; a relative path is the user's, from where they stood.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!)
const count = (n: number) => n.toLocaleString('en-US')

let database: Database | undefined
try {
  database = await openDatabase(databaseUrlFromEnv())
  const registry = await loadRegistry()
  await seedIfEmpty(database.db, registry)
  const result = await importFigures(database, registry, path, {
    by, reason: values.reason, sheet: values.sheet, delete: values.delete, dryRun: values['dry-run'],
    onRead: (read) => {
      const what = read.encoding === 'XLSX'
        ? `as XLSX, sheet(s) ${(read.sheetsRead ?? []).map(show).join(', ')}`
        : `as ${read.encoding === 'GB18030' ? 'GB18030 (GBK)' : read.encoding}`
      console.log(`read ${show(basename(path))} ${what}: ${count(read.rows)} row(s)`)
      if (read.sheetsNotRead?.length) console.log(`not read (--sheet names another): ${read.sheetsNotRead.map(show).join(', ')}`)
    },
  })
  if (!result.ok) {
    for (const e of result.errors) console.error(formatError(e))
    const more = result.truncated ? ` (stopped after ${maxErrors}; there may be more)` : ''
    console.error(`${result.errors.length} error(s)${more}; nothing was written`)
    process.exitCode = 1
  } else if (values['dry-run']) {
    const plan = values.delete
      ? `would delete ${count(result.deleted)}`
      : `would write ${count(result.created + result.corrected)}: ${count(result.created)} new, ${count(result.corrected)} corrected, ${count(result.unchanged)} unchanged`
    console.log(`every row is valid; ${plan}; nothing was written (--dry-run)`)
  } else if (result.batchId === null) {
    console.log(`nothing changed: all ${count(result.unchanged)} row(s) match the stored figures; no batch was recorded`)
  } else if (values.delete) {
    console.log(`deleted ${count(result.deleted)} figure(s) (batch #${result.batchId}, by ${by})`)
  } else {
    const written = result.created + result.corrected
    console.log(`wrote ${count(written)} figure(s): ${count(result.created)} new, ${count(result.corrected)} corrected, ${count(result.unchanged)} unchanged (batch #${result.batchId}, by ${by})`)
  }
} catch (error) {
  process.exitCode = 1
  if (error instanceof ImportFileError) console.error(`${error.message}; nothing was written`)
  else if (error instanceof DatabaseBusyError) console.error(`${error.message}; nothing was written`)
  else if (error instanceof SettingsError) console.error(error.message)
  else if (error instanceof InstallationError) console.error(`${error.message}\nnothing was written`)
  else {
    console.error(`the import failed: unexpected ${(error as Error)?.name ?? 'error'}; nothing was written (MSP_DEBUG=1 shows the details)`)
    if (process.env.MSP_DEBUG) console.error(error)
  }
} finally {
  await database?.close().catch(() => {})
}
if (process.env.MSP_REPORT_RSS === '1') console.error(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
// adapter-pg keeps a timer alive for a while after closing.
process.exit()
