// What aggregate() needs of the figures, read as totals the database grouped rather than as
// the figures themselves: for each span asked for, per metric, org unit and source, the sum of
// the unit's own figures lying within it and how many; the unit's figure for exactly the span;
// and, for the metrics that take one, the unit's latest figure within it. A scorecard then
// never holds a district's raw figures, only a few rows per metric and unit.
import type { Source } from '@msp/plugin-sdk'
import { latestOf, takesLatest, type FigureLookup, type FigureRecord, type MetricSpec, type OwnTotal, type PickedFigure } from './aggregate.ts'
import { sameSpan, within, type Span } from './period.ts'

/** The unit's own figures of one source within a span, as the database grouped them. */
export interface FigureTotalRow {
  metricKey: string
  orgUnitKey: string
  source: Source
  /** The sum of each figure's value in whole units of the metric's decimals (Σ round(value × 10^decimals)), as sumExact adds. */
  scaledSum: number
  count: number
  /** The value of the figure of this source whose span is exactly the span; null when none is. */
  exact: number | null
}

/** The unit's latest figure within a span (the latest end, then the earliest start): a stored figure. */
export type LatestFigureRow = FigureRecord

/** Everything read for one span: the totals of `metricKeys` (null: of every metric), and the latest figure of those that take one. */
export interface SpanSummary {
  span: Span
  metricKeys: ReadonlySet<string> | null
  totals: readonly FigureTotalRow[]
  latest: readonly LatestFigureRow[]
}

interface UnitSummary {
  scaledSum: number
  count: number
  sources: Source[]
  exact?: PickedFigure
  latest?: PickedFigure
}

const spanKey = (span: Span) => `${span.start}..${span.end}`
const none: UnitSummary = { scaledSum: 0, count: 0, sources: [] }

interface LoadedSpan {
  metricKeys: ReadonlySet<string> | null
  /** By metric, then by org unit. */
  units: Map<string, Map<string, UnitSummary>>
}

/** The engine's FigureLookup over the spans it was loaded for; any other span is an error, never a silent null. */
export class FigureSummaries implements FigureLookup {
  private readonly bySpan = new Map<string, LoadedSpan>()
  // A scorecard asks about one span many times running: keep the last one found.
  private last: { span: Span; loaded: LoadedSpan } | undefined

  constructor(summaries: Iterable<SpanSummary>) {
    for (const summary of summaries) {
      const units = new Map<string, Map<string, UnitSummary>>()
      const entry = (metricKey: string, orgUnitKey: string) => {
        let byUnit = units.get(metricKey)
        if (!byUnit) units.set(metricKey, (byUnit = new Map()))
        let unit = byUnit.get(orgUnitKey)
        if (!unit) byUnit.set(orgUnitKey, (unit = { scaledSum: 0, count: 0, sources: [] }))
        return unit
      }
      for (const row of summary.totals) {
        const unit = entry(row.metricKey, row.orgUnitKey)
        unit.scaledSum += row.scaledSum
        unit.count += row.count
        if (row.count > 0 && !unit.sources.includes(row.source)) unit.sources = [...unit.sources, row.source].sort()
        if (row.exact !== null) unit.exact = { value: row.exact, source: row.source, start: summary.span.start, end: summary.span.end }
      }
      for (const row of summary.latest) entry(row.metricKey, row.orgUnitKey).latest = { value: row.value, source: row.source, start: row.start, end: row.end }
      this.bySpan.set(spanKey(summary.span), { metricKeys: summary.metricKeys, units })
    }
  }

  /** The spans this holds, to say which were loaded when another is asked for. */
  get spans(): string[] {
    return [...this.bySpan.keys()]
  }

  private unit(metricKey: string, orgUnitKey: string, span: Span): UnitSummary {
    const loaded = this.last?.span === span ? this.last.loaded : this.bySpan.get(spanKey(span))
    if (!loaded) throw new Error(`figure summaries: span ${spanKey(span)} was not loaded (loaded: ${this.spans.join(', ') || 'none'})`)
    this.last = { span, loaded }
    if (loaded.metricKeys && !loaded.metricKeys.has(metricKey)) throw new Error(`figure summaries: metric '${metricKey}' was not loaded for ${spanKey(span)}`)
    return loaded.units.get(metricKey)?.get(orgUnitKey) ?? none
  }

  exact(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined {
    return this.unit(metricKey, orgUnitKey, span).exact
  }

  own(metric: MetricSpec, orgUnitKey: string, span: Span): OwnTotal {
    const unit = this.unit(metric.key, orgUnitKey, span)
    // The same division sumExact ends with, so the value is the same number.
    return { value: unit.scaledSum / 10 ** metric.decimals, sources: unit.sources, count: unit.count }
  }

  latest(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined {
    return this.unit(metricKey, orgUnitKey, span).latest
  }
}

/**
 * What the database's grouping gives for one span, computed from raw figures: the reference
 * the SQL is tested against, and a summary for a caller that holds the figures already.
 */
export function summarizeFigures(figures: Iterable<FigureRecord>, metrics: ReadonlyMap<string, MetricSpec>, span: Span, metricKeys: ReadonlySet<string> | null = null): SpanSummary {
  const totals = new Map<string, FigureTotalRow>()
  const latest = new Map<string, LatestFigureRow>()
  for (const f of figures) {
    if (!within(f, span) || (metricKeys && !metricKeys.has(f.metricKey))) continue
    const metric = metrics.get(f.metricKey)
    if (!metric) throw new Error(`unknown metric '${f.metricKey}'`)
    const key = `${f.metricKey}\u0000${f.orgUnitKey}\u0000${f.source}`
    let row = totals.get(key)
    if (!row) totals.set(key, (row = { metricKey: f.metricKey, orgUnitKey: f.orgUnitKey, source: f.source, scaledSum: 0, count: 0, exact: null }))
    row.scaledSum += Math.round(f.value * 10 ** metric.decimals)
    row.count++
    if (sameSpan(f, span)) row.exact = f.value
    if (takesLatest(metric)) {
      const unitKey = `${f.metricKey}\u0000${f.orgUnitKey}`
      const candidate = { metricKey: f.metricKey, orgUnitKey: f.orgUnitKey, start: f.start, end: f.end, value: f.value, source: f.source }
      const current = latest.get(unitKey)
      latest.set(unitKey, current ? latestOf([current, candidate])! : candidate)
    }
  }
  return { span, metricKeys, totals: [...totals.values()], latest: [...latest.values()] }
}

/** Figures grouped as for one span, and by the first of a list of ends they end by (bucket k: after ends[k-1], by ends[k]). */
export interface BucketTotalRow extends FigureTotalRow {
  bucket: number
}
export interface BucketLatestRow extends LatestFigureRow {
  bucket: number
}

/**
 * The summaries of the spans from `start` to each of `ends` (increasing), from one read that
 * grouped the figures by bucket: a span's totals add its bucket's and those before it, its
 * figure for exactly the span is its bucket's (only a figure ending on ends[k] can be), and its
 * latest figure the latest of its buckets'. The monthly points' spans (January, January to
 * February, …) are read so in one pass over the year rather than twelve.
 */
export function summariesFromBuckets(start: string, ends: readonly string[], metricKeys: ReadonlySet<string> | null, totals: readonly BucketTotalRow[], latest: readonly BucketLatestRow[]): SpanSummary[] {
  const running = new Map<string, Omit<FigureTotalRow, 'exact'>>()
  const best = new Map<string, LatestFigureRow>()
  const totalsIn = ends.map((): BucketTotalRow[] => [])
  for (const row of totals) totalsIn[row.bucket]?.push(row)
  const latestIn = ends.map((): BucketLatestRow[] => [])
  for (const row of latest) latestIn[row.bucket]?.push(row)
  return ends.map((end, k) => {
    const exactNow = new Map<string, number>()
    for (const row of totalsIn[k]!) {
      const key = `${row.metricKey}\u0000${row.orgUnitKey}\u0000${row.source}`
      const sum = running.get(key)
      running.set(key, { metricKey: row.metricKey, orgUnitKey: row.orgUnitKey, source: row.source, scaledSum: (sum?.scaledSum ?? 0) + row.scaledSum, count: (sum?.count ?? 0) + row.count })
      if (row.exact !== null) exactNow.set(key, row.exact)
    }
    for (const row of latestIn[k]!) {
      const key = `${row.metricKey}\u0000${row.orgUnitKey}`
      const { bucket: _, ...figure } = row
      const current = best.get(key)
      best.set(key, current ? latestOf([current, figure])! : figure)
    }
    return {
      span: { start, end },
      metricKeys,
      totals: [...running].map(([key, row]) => ({ ...row, exact: exactNow.get(key) ?? null })),
      latest: [...best.values()],
    }
  })
}
