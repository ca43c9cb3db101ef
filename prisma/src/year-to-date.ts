// The running year-to-date totals (FigureYearToDate): for each unit, year and month, the
// figures lying within 1 January to the month's end, grouped by metric and source, as a
// scorecard reads them. A city's scorecard of a year then reads one row per metric, unit and
// source instead of every monthly figure of the year (twelve times fewer rows, and no grouping).
//
// Kept exact by construction: triggers on Figure mark a unit's year stale in the same
// statement as any change (the migration 2026-11-28 year_to_date_totals), however the change
// was made; every write transaction makes the stale years anew before it commits
// (writeTransaction); and a read of a year with a stale unit reads the figures instead
// (server/src/figure-summary-reads.ts). `pnpm rebuild:rollups` makes every year anew.
import type { Prisma } from '../generated/sqlite/client.ts'
import type { Provider } from './database-url.ts'
import type { SqlWriter } from './sql-writer.ts'

type DbTx = Prisma.TransactionClient

/** The last day of a month, as the figures' periods write it. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whether a span is a year to date (1 January to a month's end, in one year): the month, or null. */
export function yearToDateMonth(start: string, end: string): { year: number; month: number } | null {
  const m = /^(\d{4})-01-01$/.exec(start)
  const e = /^(\d{4})-(\d{2})-\d{2}$/.exec(end)
  if (!m || !e || m[1] !== e[1]) return null
  const year = Number(m[1])
  const month = Number(e[2])
  return month >= 1 && month <= 12 && monthEnd(year, month) === end ? { year, month } : null
}

/** The engine's takesLatest (server/src/engine/aggregate.ts) over the Metric table: a test holds them equal. */
export const takesLatestSql = `("Metric"."kind" IN ('STOCK', 'RANK') OR ("Metric"."kind" = 'RATE' AND ("Metric"."numeratorKey" IS NULL OR "Metric"."denominatorKey" IS NULL)))`

// 10^decimals by the metric's decimals: the same rounding the engine's sumExact does.
const scale = `CASE "Metric"."decimals" ${[1, 2, 3, 4, 5, 6].map((d) => `WHEN ${d} THEN ${10 ** d}`).join(' ')} ELSE 1 END`

/** Unit-years made per statement: keeps each statement's VALUES list and work bounded. */
const claimedPerStatement = 500

/**
 * Makes the totals of every stale unit-year anew from the figures, within the caller's
 * transaction. Returns how many unit-years were made.
 *
 * The marks are claimed first (DELETE … RETURNING) and exactly the claimed unit-years are made,
 * so a mark committed after the claim stays for the next refresh. On PostgreSQL a writer's
 * mark holds its row until the writer commits (the trigger's DO UPDATE), so the claim waits
 * for a writer still at work on a year it claims and then reads that writer's figures.
 */
export async function refreshYearToDate(tx: DbTx, writer: SqlWriter): Promise<number> {
  const claimed = (
    await tx.$queryRawUnsafe<{ orgUnitId: number | bigint; year: number | bigint }[]>(
      'DELETE FROM "FigureYearToDateStale" RETURNING "orgUnitId", "year"',
    )
  )
    .map((c) => ({ orgUnitId: Number(c.orgUnitId), year: Number(c.year) }))
    // A year outside 1000–9999 has no months to make (a figure there is refused anyway).
    .filter((c) => Number.isInteger(c.orgUnitId) && Number.isInteger(c.year) && c.year >= 1000 && c.year <= 9999)
  for (let i = 0; i < claimed.length; i += claimedPerStatement) {
    await makeYearToDate(writer, claimed.slice(i, i + claimedPerStatement))
  }
  return claimed.length
}

async function makeYearToDate(writer: SqlWriter, unitYears: readonly { orgUnitId: number; year: number }[]): Promise<void> {
  const years = [...new Set(unitYears.map((c) => c.year))]
  // The claimed unit-years with their years' bounds, and the months of those years with their
  // true ends (February's depends on the year); integers checked above, so written inline.
  const claimed = unitYears.map((c) => `(${c.orgUnitId}, ${c.year}, '${c.year}-01-01', '${c.year}-12-31')`)
  const claimedCte = `"claimed" ("orgUnitId", "year", "start", "end") AS (VALUES ${claimed.join(', ')})`
  const months = years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `(${y}, ${i + 1}, '${monthEnd(y, i + 1)}')`))
  const monthsCte = `"months" ("year", "month", "end") AS (VALUES ${months.join(', ')})`
  // By year and a list of units: a range of each table's key (year, month, orgUnitId, …). An
  // EXISTS over the claimed list read every row of the table (25 s at a city's 1.4M rows).
  for (const year of years) {
    const ids = unitYears.filter((c) => c.year === year).map((c) => c.orgUnitId).join(', ')
    for (const table of ['FigureYearToDate', 'FigureYearToDateLatest']) {
      await writer.execute(`DELETE FROM "${table}" WHERE "year" = ${year} AND "orgUnitId" IN (${ids})`)
    }
  }
  // One pass over each claimed unit's figures of its year (a range of the index on (orgUnitId,
  // periodStart)), each put in the month its span ends in: the year to a month's end holds the
  // figures of that month's bucket and of the buckets before it, and only its own bucket can hold
  // the figure for exactly 1 January to its end. Twelve passes, one a month, took longer (a
  // city's year of 120,000 figures on SQLite: 5.3 s against 4.3 s). No join of one
  // grouped set with another: PostgreSQL plans a transaction's fresh figures with no statistics
  // (the first refresh after a bulk insert), and chose a nested loop that took 190 s.
  const bucketOf = 'CAST(substr("Figure"."periodEnd", 6, 2) AS INTEGER)'
  const figures =
    'FROM "claimed" JOIN "Figure" ON "Figure"."orgUnitId" = "claimed"."orgUnitId" ' +
    'AND "Figure"."periodStart" >= "claimed"."start" AND "Figure"."periodStart" <= "claimed"."end" AND "Figure"."periodEnd" <= "claimed"."end" '
  const buckets =
    `"buckets" AS (SELECT "claimed"."year", "months"."month", "Figure"."metricKey", "Figure"."orgUnitId", "Figure"."source", ` +
    `SUM(FLOOR("Figure"."value" * ${scale} + 0.5)) AS "scaledSum", COUNT(*) AS "count", ` +
    'MAX(CASE WHEN "Figure"."periodStart" = "claimed"."start" AND "Figure"."periodEnd" = "months"."end" THEN "Figure"."value" END) AS "exact" ' +
    figures +
    `JOIN "months" ON "months"."year" = "claimed"."year" AND "months"."month" = ${bucketOf} ` +
    'JOIN "Metric" ON "Metric"."key" = "Figure"."metricKey" ' +
    'GROUP BY "claimed"."year", "months"."month", "Figure"."metricKey", "Figure"."orgUnitId", "Figure"."source")'
  // Each bucket counts in its month's year to date and every later month's.
  await writer.execute(
    `WITH ${claimedCte}, ${monthsCte}, ${buckets} ` +
      'INSERT INTO "FigureYearToDate" ("year", "month", "metricKey", "orgUnitId", "source", "scaledSum", "count", "exact") ' +
      'SELECT "months"."year", "months"."month", "buckets"."metricKey", "buckets"."orgUnitId", "buckets"."source", ' +
      'SUM("buckets"."scaledSum"), SUM("buckets"."count"), MAX(CASE WHEN "buckets"."month" = "months"."month" THEN "buckets"."exact" END) ' +
      'FROM "buckets" JOIN "months" ON "months"."year" = "buckets"."year" AND "months"."month" >= "buckets"."month" ' +
      'GROUP BY "months"."year", "months"."month", "buckets"."metricKey", "buckets"."orgUnitId", "buckets"."source"',
  )
  // The latest figure to each month's end, for the metrics that take one (the engine's
  // takesLatest, from the catalogue: a change of kind marks the metric's years stale): the
  // latest end, then the earliest start (latestOf). A later bucket's figures all end later, so
  // it is the best of the last bucket at or before the month.
  await writer.execute(
    `WITH ${claimedCte}, ${monthsCte}, ` +
      `"best" AS (SELECT * FROM (SELECT "claimed"."year", ${bucketOf} AS "bucket", "Figure"."metricKey", "Figure"."orgUnitId", "Figure"."periodStart", "Figure"."periodEnd", "Figure"."value", "Figure"."source", ` +
      `ROW_NUMBER() OVER (PARTITION BY "claimed"."year", ${bucketOf}, "Figure"."metricKey", "Figure"."orgUnitId" ORDER BY "Figure"."periodEnd" DESC, "Figure"."periodStart" ASC) AS "position" ` +
      figures +
      `JOIN "Metric" ON "Metric"."key" = "Figure"."metricKey" AND ${takesLatestSql}) AS "ranked" WHERE "position" = 1) ` +
      'INSERT INTO "FigureYearToDateLatest" ("year", "month", "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source") ' +
      'SELECT "year", "month", "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source" FROM (' +
      'SELECT "months"."year", "months"."month", "best"."metricKey", "best"."orgUnitId", "best"."periodStart", "best"."periodEnd", "best"."value", "best"."source", ' +
      'ROW_NUMBER() OVER (PARTITION BY "months"."year", "months"."month", "best"."metricKey", "best"."orgUnitId" ORDER BY "best"."bucket" DESC) AS "pick" ' +
      'FROM "best" JOIN "months" ON "months"."year" = "best"."year" AND "months"."month" >= "best"."bucket"' +
      ') AS "picked" WHERE "pick" = 1',
  )
}

/** Marks every unit-year that has figures stale, and makes them all anew (`pnpm rebuild:rollups`, a change of a metric's decimals). */
export async function rebuildYearToDate(tx: DbTx, writer: SqlWriter, provider: Provider): Promise<number> {
  await writer.execute('DELETE FROM "FigureYearToDate"')
  await writer.execute('DELETE FROM "FigureYearToDateLatest"')
  const year = 'CAST(substr("periodStart", 1, 4) AS INTEGER)'
  await writer.execute(
    provider === 'sqlite'
      ? `INSERT OR IGNORE INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", ${year} FROM "Figure"`
      : `INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", ${year} FROM "Figure" ON CONFLICT DO NOTHING`,
  )
  return refreshYearToDate(tx, writer)
}
