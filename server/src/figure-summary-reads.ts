// The database's side of FigureSummaries (engine/figure-summaries.ts): for one span, the
// figures lying within it grouped by metric, org unit and source (their sum at the metric's
// decimals, how many, and the one for exactly the span), and the latest figure per metric
// and unit for the metrics that take one. Two statements, the same on SQLite and PostgreSQL
// but for placeholders; every value is a parameter, the SQL only names columns and the
// metrics' scales (10^decimals, from the plugins).
import { yearToDateMonth, type Provider } from '@msp/db'
import { sources } from '@msp/plugin-sdk'
import { summariesFromBuckets, takesLatest, wordOf, type BucketLatestRow, type LatestFigureRow, type MetricSpec, type Span, type SpanSummary } from './engine/index.ts'

/**
 * Runs one statement with its parameters, in turn with the request's other reads; its rows as
 * arrays, in the order the statement names its columns (ReadProbe.arrays).
 */
export type RawRead = (sql: string, params: unknown[]) => Promise<unknown[][]>

export interface SpanSummaryRequest {
  span: Span
  /** The metrics to read; all of them when `every` (then no metric filter is sent). */
  metrics: readonly MetricSpec[]
  every: boolean
  /** The org units to read, by id; every unit when undefined. */
  orgUnitIds?: readonly number[]
}

/** Parameters in the order the SQL names them: ? for SQLite, $n for PostgreSQL. */
class Params {
  readonly values: unknown[] = []
  constructor(private readonly provider: Provider) {}
  add(value: unknown): string {
    this.values.push(value)
    return this.provider === 'sqlite' ? '?' : `$${this.values.length}`
  }
  list(values: readonly unknown[]): string {
    return `(${values.map((v) => this.add(v)).join(', ')})`
  }
}

/**
 * Figures whose span lies within `span`, as a range of their ends (a figure ending before the
 * span starts cannot lie within it), so the index on (periodEnd, periodStart, …) reads only them.
 */
function where(p: Params, request: SpanSummaryRequest, metricKeys: readonly string[] | null): string {
  const { span } = request
  const clauses = [`"periodEnd" >= ${p.add(span.start)}`, `"periodEnd" <= ${p.add(span.end)}`, `"periodStart" >= ${p.add(span.start)}`]
  if (request.orgUnitIds) clauses.push(`"orgUnitId" IN ${p.list(request.orgUnitIds)}`)
  if (metricKeys) clauses.push(`"metricKey" IN ${p.list(metricKeys)}`)
  return clauses.join(' AND ')
}

/**
 * SQLite's planner, given statistics, skip-scans the index on (metricKey, periodStart, …) and
 * then sorts (285 ms a span at 331,000 figures, against 167 ms through the covering index):
 * name the index. PostgreSQL's planner chooses well on its own.
 */
const periodIndex = (provider: Provider) => (provider === 'sqlite' ? ' INDEXED BY "Figure_periodEnd_periodStart_metricKey_orgUnitId_source_value_idx"' : '')

/** 10^decimals by metric, as a CASE over the metrics kept at more than whole units. */
function scaleOf(p: Params, metrics: readonly MetricSpec[]): string {
  const byDecimals = new Map<number, string[]>()
  for (const m of metrics) if (m.decimals > 0) byDecimals.set(m.decimals, [...(byDecimals.get(m.decimals) ?? []), m.key])
  if (byDecimals.size === 0) return '1'
  const cases = [...byDecimals].map(([decimals, keys]) => `WHEN "metricKey" IN ${p.list(keys)} THEN ${10 ** Math.trunc(decimals)}`)
  return `CASE ${cases.join(' ')} ELSE 1 END`
}

/** The columns of a latest-figure row, in the order latestRow reads them. */
const latestColumns = '"metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source"'

/** A latest-figure row as the database returns it (latestColumns), in the engine's words. */
function latestRow(r: unknown[], unitKeyOf: (id: number) => string): LatestFigureRow {
  return {
    metricKey: String(r[0]),
    orgUnitKey: unitKeyOf(Number(r[1])),
    start: String(r[2]),
    end: String(r[3]),
    value: Number(r[4]),
    source: wordOf(sources, String(r[5]), 'figure.source'),
  }
}

/** The columns of a totals row, in the order totalRow reads them (and a bucket after them, for nested reads). */
const totalColumns = ['"metricKey"', '"orgUnitId"', '"source"', '"scaledSum"', '"count"', '"exact"'] as const

/** A totals row as the database returns it, in the engine's words. */
function totalRow(r: unknown[], unitKeyOf: (id: number) => string) {
  return {
    metricKey: String(r[0]),
    orgUnitKey: unitKeyOf(Number(r[1])),
    source: wordOf(sources, String(r[2]), 'figure.source'),
    scaledSum: Number(r[3]),
    count: Number(r[4]),
    exact: r[5] === null || r[5] === undefined ? null : Number(r[5]),
  }
}

/** The grouped figures of one span, and the latest of those that take one. */
export async function readSpanSummary(read: RawRead, provider: Provider, request: SpanSummaryRequest, unitKeyOf: (id: number) => string): Promise<SpanSummary> {
  const { span, metrics } = request
  const keys = request.every ? null : metrics.map((m) => m.key)
  if (keys && keys.length === 0) return { span, metricKeys: new Set(), totals: [], latest: [] }

  const ytd = await freshYearToDate(read, provider, span)
  const totals = ytd ? await readYearToDateTotals(read, provider, request, ytd, keys) : await readTotals(read, provider, request, keys)
  const rows = totals.map((r) => totalRow(r, unitKeyOf))
  const latest = ytd ? await readYearToDateLatest(read, provider, request, ytd, unitKeyOf) : await readLatest(read, provider, request, unitKeyOf)
  return { span, metricKeys: keys && new Set(keys), totals: rows, latest }
}

type YearToDate = { year: number; month: number }

/**
 * The year and month when the span is a year to date (1 January to a month's end) whose
 * running totals can be read (prisma/src/year-to-date.ts); null when it is not one, or when a
 * unit of its year is stale (a figure changed outside a write transaction and not yet made
 * anew): the figures are read then.
 */
async function freshYearToDate(read: RawRead, provider: Provider, span: Span): Promise<YearToDate | null> {
  const ytd = yearToDateMonth(span.start, span.end)
  if (!ytd) return null
  const p = new Params(provider)
  const stale = await read(`SELECT 1 AS "stale" FROM "FigureYearToDateStale" WHERE "year" = ${p.add(ytd.year)} LIMIT 1`, p.values)
  return stale.length > 0 ? null : ytd
}

function yearToDateWhere(p: Params, request: SpanSummaryRequest, ytd: YearToDate, keys: readonly string[] | null): string {
  const clauses = [`"year" = ${p.add(ytd.year)}`, `"month" = ${p.add(ytd.month)}`]
  if (request.orgUnitIds) clauses.push(`"orgUnitId" IN ${p.list(request.orgUnitIds)}`)
  if (keys) clauses.push(`"metricKey" IN ${p.list(keys)}`)
  return clauses.join(' AND ')
}

/** A year to date's totals from the running totals: one row per metric, unit and source, no figures read. */
function readYearToDateTotals(read: RawRead, provider: Provider, request: SpanSummaryRequest, ytd: YearToDate, keys: readonly string[] | null) {
  const p = new Params(provider)
  return read(`SELECT ${totalColumns.join(', ')} FROM "FigureYearToDate" WHERE ${yearToDateWhere(p, request, ytd, keys)}`, p.values)
}

/** A year to date's latest figures, of the metrics that take one, from the running totals. */
async function readYearToDateLatest(read: RawRead, provider: Provider, request: SpanSummaryRequest, ytd: YearToDate, unitKeyOf: (id: number) => string): Promise<readonly LatestFigureRow[]> {
  const latestKeys = request.metrics.filter(takesLatest).map((m) => m.key)
  if (latestKeys.length === 0) return []
  const p = new Params(provider)
  const sql = `SELECT ${latestColumns} FROM "FigureYearToDateLatest" WHERE ${yearToDateWhere(p, request, ytd, latestKeys)}`
  return (await read(sql, p.values)).map((r) => latestRow(r, unitKeyOf))
}

/** The figures within the span grouped by metric, unit and source. */
function readTotals(read: RawRead, provider: Provider, request: SpanSummaryRequest, keys: readonly string[] | null) {
  const { span, metrics } = request
  // floor(x + 0.5) is Math.round on either database (SQL's ROUND breaks ties its own way).
  const p = new Params(provider)
  const totalsSql =
    `SELECT "metricKey", "orgUnitId", "source", SUM(FLOOR("value" * ${scaleOf(p, metrics)} + 0.5)) AS "scaledSum", COUNT(*) AS "count", ` +
    `MAX(CASE WHEN "periodStart" = ${p.add(span.start)} AND "periodEnd" = ${p.add(span.end)} THEN "value" END) AS "exact" ` +
    `FROM "Figure"${request.orgUnitIds ? "" : periodIndex(provider)} WHERE ${where(p, request, keys)} GROUP BY "metricKey", "orgUnitId", "source"`
  return read(totalsSql, p.values)
}

/** The latest figure within the span per metric and unit, of the metrics that take one. */
async function readLatest(read: RawRead, provider: Provider, request: SpanSummaryRequest, unitKeyOf: (id: number) => string): Promise<readonly LatestFigureRow[]> {
  const { metrics } = request
  const latestKeys = metrics.filter(takesLatest).map((m) => m.key)
  let latest: SpanSummary['latest'] = []
  if (latestKeys.length > 0) {
    const q = new Params(provider)
    const latestSql =
      `SELECT ${latestColumns} FROM (SELECT ${latestColumns}, ` +
      `ROW_NUMBER() OVER (PARTITION BY "metricKey", "orgUnitId" ORDER BY "periodEnd" DESC, "periodStart" ASC) AS "position" ` +
      `FROM "Figure" WHERE ${where(q, request, latestKeys)}) AS "ranked" WHERE "position" = 1`
    latest = (await read(latestSql, q.values)).map((r) => latestRow(r, unitKeyOf))
  }
  return latest
}

export interface NestedSummaryRequest {
  start: string
  /** Increasing: the spans are start..ends[0], start..ends[1], … */
  ends: readonly string[]
  metrics: readonly MetricSpec[]
  orgUnitIds?: readonly number[]
}

/**
 * The summaries of spans sharing a start (the monthly points' January, January to February, …)
 * in two statements: the figures within the longest, grouped also by the first end they end by
 * (summariesFromBuckets adds the buckets up), and the latest figure per bucket.
 */
export async function readNestedSummaries(read: RawRead, provider: Provider, request: NestedSummaryRequest, unitKeyOf: (id: number) => string): Promise<SpanSummary[]> {
  const { start, ends, metrics } = request
  if (ends.length === 0) return []
  const outer: SpanSummaryRequest = { span: { start, end: ends[ends.length - 1]! }, metrics, every: true, orgUnitIds: request.orgUnitIds }
  const bucketOf = (p: Params) => `CASE ${ends.map((end, k) => `WHEN "periodEnd" <= ${p.add(end)} THEN ${k}`).join(' ')} END`

  const p = new Params(provider)
  const totalsSql =
    `SELECT "metricKey", "orgUnitId", "source", SUM(FLOOR("value" * ${scaleOf(p, metrics)} + 0.5)) AS "scaledSum", ` +
    `COUNT(*) AS "count", MAX(CASE WHEN "periodStart" = ${p.add(start)} AND "periodEnd" IN ${p.list(ends)} THEN "value" END) AS "exact", ${bucketOf(p)} AS "bucket" ` +
    `FROM "Figure"${request.orgUnitIds ? '' : periodIndex(provider)} WHERE ${where(p, outer, null)} GROUP BY "metricKey", "orgUnitId", "source", "bucket"`
  const totals = (await read(totalsSql, p.values)).map((r) => ({ ...totalRow(r, unitKeyOf), bucket: Number(r[6]) }))

  const latestKeys = metrics.filter(takesLatest).map((m) => m.key)
  let latest: BucketLatestRow[] = []
  if (latestKeys.length > 0) {
    const q = new Params(provider)
    const latestSql =
      `SELECT ${latestColumns}, "bucket" FROM (SELECT ${latestColumns}, "bucket", ` +
      `ROW_NUMBER() OVER (PARTITION BY "metricKey", "orgUnitId", "bucket" ORDER BY "periodEnd" DESC, "periodStart" ASC) AS "position" ` +
      `FROM (SELECT ${latestColumns}, ${bucketOf(q)} AS "bucket" FROM "Figure" WHERE ${where(q, outer, latestKeys)}) AS "bucketed") AS "ranked" WHERE "position" = 1`
    latest = (await read(latestSql, q.values)).map((r) => ({ ...latestRow(r, unitKeyOf), bucket: Number(r[6]) }))
  }
  return summariesFromBuckets(start, ends, null, totals, latest)
}
