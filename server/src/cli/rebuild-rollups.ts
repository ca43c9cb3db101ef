// pnpm run rebuild:rollups [--check]
// Makes the year-to-date totals (FigureYearToDate, prisma/src/year-to-date.ts) anew from the
// figures, in one write transaction. They are kept by every write on their own; this is for a
// database restored from a backup of the figures alone, or changed by hand. With --check, it
// also says how many rows differed from what the figures give.
import { parseArgs } from 'node:util'
import { databaseUrlFromEnv, DatabaseBusyError, openDatabase, rebuildYearToDate, writeTransaction } from '@msp/db'

const usage = 'usage: pnpm run rebuild:rollups [--check]'

let check = false
try {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  check = values.check
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}

const database = await openDatabase(databaseUrlFromEnv())
try {
  const started = performance.now()
  const row = (r: { year: unknown; month: unknown; metricKey: unknown; orgUnitId: unknown; source: unknown; scaledSum: unknown; count: unknown; exact: unknown }) =>
    [r.year, r.month, r.metricKey, r.orgUnitId, r.source, r.scaledSum, r.count, r.exact ?? null].map(String).join('|')
  const before = check ? new Set((await database.db.figureYearToDate.findMany()).map(row)) : null
  const outcome = await writeTransaction(
    database,
    async (tx, writer) => {
      const unitYears = await rebuildYearToDate(tx, writer, database.provider)
      if (!before) return { unitYears, differing: null }
      const after = new Set((await tx.figureYearToDate.findMany()).map(row))
      const differing = [...after].filter((r) => !before.has(r)).length + [...before].filter((r) => !after.has(r)).length
      return { unitYears, differing }
    },
    { timeoutMs: 2 * 60 * 60_000 },
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (outcome.differing !== null) console.log(`${outcome.differing} year-to-date rows differed from the figures; made anew`)
  console.log(`year-to-date totals made anew for ${outcome.unitYears} unit-years in ${seconds} s`)
} catch (error) {
  console.error(error instanceof DatabaseBusyError ? 'the database is busy with another write: try again when it is done' : `rebuild failed: ${(error as Error).message.split('\n')[0]}`)
  process.exitCode = 1
} finally {
  await database.close()
}
