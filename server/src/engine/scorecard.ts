// The scorecard: for one org unit and span, every area's metrics with actual, target,
// expected by time-progress, last year's value for the same span, status and points.
import type { Direction, Granularity, MetricKind, Scoring, Source, Status, TargetRule, Trend } from '@msp/plugin-sdk'
import { aggregate, sumExact, type AggregationContext } from './aggregate.ts'
import { isoDate, lastDayOfMonth, parts, type IsoDate } from './dates.ts'
import { monthsIn, previousYear, type LabelledSpan, type Span } from './period.ts'
import { areaStatus, coveredSpan, dataThrough, scoreOn100, scorecardStatus, trendOf } from './rollup.ts'
import { assess } from './scoring.ts'
import { resolveTarget, type TargetRecord } from './targets.ts'

export interface ScorecardMetric {
  key: string
  kind: MetricKind
  decimals: number
  targetRule: TargetRule
  scoring?: Scoring | null
  /** Which way is better, for the trend of a change; HIGHER_IS_BETTER when not given. A RANK is better lower. */
  direction?: Direction
}

export interface ScorecardArea {
  key: string
  metrics: readonly ScorecardMetric[]
}

export interface MetricRowResult {
  metricKey: string
  actual: number | null
  target: number | null
  completion: number | null
  expected: number | null
  previous: number | null
  yoyChange: number | null
  yoyRate: number | null
  /** Whether the change is for the better, by the metric's direction; null without a change. */
  trend: Trend | null
  status: Status
  points: number | null
  maxPoints: number | null
  /** Where any number in the row came from: actual, previous and target together. */
  sources: Source[]
  actualSources: Source[]
  previousSources: Source[]
  targetSources: Source[]
  targetReason: string | null
}

export interface AreaScoreResult {
  areaKey: string
  score: number | null
  maxScore: number | null
  /** score / maxScore × 100. */
  scoreOn100: number | null
  /** By `areaStatus`: its scored rows combined; never ON_TRACK or MET while one is BEHIND. */
  status: Status
  rows: MetricRowResult[]
}

export interface ScorecardResult {
  span: Span
  orgUnitKey: string
  score: number | null
  maxScore: number | null
  scoreOn100: number | null
  /** By `scorecardStatus`: its scored areas combined. */
  status: Status
  /** The last day with figures when the span runs past it (or past asOf); null when covered to its end. */
  dataThrough: IsoDate | null
  areas: AreaScoreResult[]
}

export interface ScorecardInput {
  areas: readonly ScorecardArea[]
  context: AggregationContext
  targets: readonly TargetRecord[]
  orgUnitKey: string
  span: Span
  /** Time-progress stops here: today, for a period still running. */
  asOf: IsoDate
  /** The last day any stored figure covers; a span running past it is partial. */
  lastFigureDay?: IsoDate | null
  /** False skips last year's values (see RowInput.compare). */
  compare?: boolean
}

/**
 * Year-over-year change; the rate is null when last year is missing or zero. A RANK's change
 * is in places (3rd after 1st is +2: two places down) and has no rate.
 */
export function yearOverYear(actual: number | null, previous: number | null, decimals: number, kind?: MetricKind) {
  if (actual === null || previous === null) return { change: null, rate: null }
  const change = sumExact([actual, -previous], decimals)
  return { change, rate: previous === 0 || kind === 'RANK' ? null : change / previous }
}

function total(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length ? Math.round(present.reduce((a, b) => a + b, 0) * 100) / 100 : null
}

export interface RowInput {
  context: AggregationContext
  targets: readonly TargetRecord[]
  asOf: IsoDate
  /** The last day any stored figure covers: last year is compared over the span figures cover. */
  lastFigureDay?: IsoDate | null
  /** False skips last year's values: a score alone needs none, and reading them doubles the work. */
  compare?: boolean
}

/**
 * The span last year's value is taken over: the same span a year earlier; for a partial span
 * (figures only to June of a year) the span the figures cover, a year earlier. A RANK is a
 * position, not accumulated over the days covered: it compares with the latest position in the
 * whole span a year earlier (3rd in 2024 so far against 1st in 2023).
 */
export function comparedSpan(kind: MetricKind, span: Span, lastFigureDay: IsoDate | null, asOf: IsoDate): Span {
  return previousYear(kind === 'RANK' ? span : coveredSpan(span, dataThrough(span, lastFigureDay, asOf)))
}

/** One metric for one unit and span: actual, target, last year, status and points. */
export function metricRow(input: RowInput, metric: ScorecardMetric, orgUnitKey: string, span: Span): MetricRowResult {
  const { context, targets, asOf } = input
  const actual = aggregate(context, metric.key, orgUnitKey, span)
  const previous = input.compare === false
    ? { value: null, sources: [] }
    : aggregate(context, metric.key, orgUnitKey, comparedSpan(metric.kind, span, input.lastFigureDay ?? null, asOf))
  // A partial period is judged where its figures stop: time-progress at 30 June for figures
  // through 30 June, not at today against a half-year of counts.
  const judgedAt = dataThrough(span, input.lastFigureDay ?? null, asOf) ?? asOf
  const target = resolveTarget(metric, targets, orgUnitKey, context.tree.above(orgUnitKey), span, judgedAt)
  const { completion, status, points, maxPoints } = assess(metric, actual.value, target)
  // Rates are not in the metric's count precision: keep their full ratio.
  const yoy = yearOverYear(actual.value, previous.value, metric.kind === 'RATE' ? 12 : metric.decimals, metric.kind)
  return {
    metricKey: metric.key,
    actual: actual.value,
    target: target?.value ?? null,
    completion,
    expected: target?.expected ?? null,
    previous: previous.value,
    yoyChange: yoy.change,
    yoyRate: yoy.rate,
    trend: trendOf(yoy.change, metric.kind, metric.direction),
    status,
    points,
    maxPoints,
    sources: [...new Set([...actual.sources, ...previous.sources, ...(target?.sources ?? [])])].sort(),
    actualSources: actual.sources,
    previousSources: previous.sources,
    targetSources: target?.sources ?? [],
    targetReason: target?.reason ?? null,
  }
}

/** An area's points for a unit: the rows that have data and a target. */
function areaScore(area: ScorecardArea, rows: MetricRowResult[]): AreaScoreResult {
  const scored = rows.filter((r) => r.points !== null)
  const score = total(scored.map((r) => r.points))
  const maxScore = total(scored.map((r) => r.maxPoints))
  return { areaKey: area.key, score, maxScore, scoreOn100: scoreOn100(score, maxScore), status: areaStatus(rows), rows }
}

export function buildScorecard(input: ScorecardInput): ScorecardResult {
  const { orgUnitKey, span } = input
  const areas = input.areas.map((area) => areaScore(area, area.metrics.map((metric) => metricRow(input, metric, orgUnitKey, span))))
  const score = total(areas.map((a) => a.score))
  const maxScore = total(areas.map((a) => a.maxScore))
  return {
    span,
    orgUnitKey,
    score,
    maxScore,
    scoreOn100: scoreOn100(score, maxScore),
    status: scorecardStatus(areas),
    dataThrough: dataThrough(span, input.lastFigureDay ?? null, input.asOf),
    areas,
  }
}

/**
 * Competition ranking ("1224") of values, best first: highest first when higher is better,
 * lowest first when lower is better. Units without a value have no rank.
 */
export function rankOf(values: readonly (number | null)[], direction: Direction): (number | null)[] {
  const better = (a: number, b: number) => (direction === 'HIGHER_IS_BETTER' ? a > b : a < b)
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && better(o, v)).length))
}

export interface UnitBreakdown<T> {
  orgUnitKey: string
  result: T
  rank: number | null
}

/** A metric for each unit directly below `orgUnitKey`, ranked among them. */
export function metricBreakdown(input: RowInput, metric: ScorecardMetric & { direction: Direction }, orgUnitKey: string, span: Span): UnitBreakdown<MetricRowResult>[] {
  const rows = input.context.tree.children(orgUnitKey).map((unit) => ({ unit, row: metricRow(input, metric, unit, span) }))
  const ranks = rankOf(rows.map((r) => r.row.actual), metric.direction)
  return rows.map((r, i) => ({ orgUnitKey: r.unit, result: r.row, rank: ranks[i]! }))
}

/** An area's score for each unit directly below `orgUnitKey`, ranked by share of points earned. */
export function areaBreakdown(input: RowInput, area: ScorecardArea, orgUnitKey: string, span: Span): UnitBreakdown<AreaScoreResult>[] {
  const scores = input.context.tree.children(orgUnitKey).map((unit) => ({
    unit,
    score: areaScore(area, area.metrics.map((metric) => metricRow(input, metric, unit, span))),
  }))
  const ratio = (s: AreaScoreResult) => (s.score === null || !s.maxScore ? null : s.score / s.maxScore)
  const ranks = rankOf(scores.map((s) => ratio(s.score)), 'HIGHER_IS_BETTER')
  return scores.map((s, i) => ({ orgUnitKey: s.unit, result: s.score, rank: ranks[i]! }))
}

/** The granularities a series comes in: the calendar's own periods, halves aside. */
export const seriesGranularities = ['MONTH', 'QUARTER', 'YEAR'] as const satisfies readonly Granularity[]
export type SeriesGranularity = (typeof seriesGranularities)[number]

export interface SeriesPoint {
  label: string
  span: Span
  actual: number | null
  /** The target due over the span: a year's target, or a month's or quarter's share of it. */
  target: number | null
  sources: Source[]
}

/** Calendar months, quarters or years from the one holding `from` to the one holding `to`. */
export function spansBetween(granularity: SeriesGranularity, from: IsoDate, to: IsoDate): LabelledSpan[] {
  const step = monthsIn[granularity]
  const start = parts(from)
  const end = parts(to)
  const spans: LabelledSpan[] = []
  let year = start.year
  let month = Math.floor((start.month - 1) / step) * step + 1
  while (year < end.year || (year === end.year && month <= end.month)) {
    const last = month + step - 1
    const label = granularity === 'YEAR' ? String(year) : granularity === 'QUARTER' ? `${year}-Q${(month + 2) / 3}` : `${year}-${String(month).padStart(2, '0')}`
    spans.push({ start: isoDate(year, month, 1), end: lastDayOfMonth(year, last), label })
    month += step
    if (month > 12) {
      month = 1
      year++
    }
  }
  return spans
}

export function metricSeries(input: RowInput, metric: ScorecardMetric, orgUnitKey: string, granularity: SeriesGranularity, from: IsoDate, to: IsoDate): SeriesPoint[] {
  const above = input.context.tree.above(orgUnitKey)
  return spansBetween(granularity, from, to).map((span) => {
    const actual = aggregate(input.context, metric.key, orgUnitKey, span)
    // The share due over the span, whatever today is: a series compares whole periods.
    const target = resolveTarget(metric, input.targets, orgUnitKey, above, span, '9999-12-31')
    const due = target === null ? null : granularity === 'YEAR' || metric.kind !== 'FLOW' ? target.value : target.expected
    return { label: span.label, span: { start: span.start, end: span.end }, actual: actual.value, target: due, sources: actual.sources }
  })
}
