// What the leader's landing page adds to a scorecard: the score a year earlier, the units
// below ranked against each other (and against their places a year earlier), the largest
// shortfalls against time-progress, and the score month by month. Pure functions over
// buildScorecard: the caller reads the figures once and hands them in.
import type { Direction, MetricKind, Source, Status, TargetRule, Trend } from '@msp/plugin-sdk'
import { isoDate, lastDayOfMonth, minDate, parts, type IsoDate } from './dates.ts'
import { previousYear, type Span } from './period.ts'
import { coveredSpan, dataThrough, trendOf } from './rollup.ts'
import { buildScorecard, rankOf, type MetricRowResult, type ScorecardInput, type ScorecardResult } from './scorecard.ts'

/**
 * The span a score is compared over a year earlier: the span figures cover, a year earlier
 * (2023-01-01..2023-06-30 for 2024 with figures through 30 June), as `comparedSpan` takes it
 * for a count. Every metric, a rank too, is scored over that one span.
 */
export function previousScoreSpan(span: Span, lastFigureDay: IsoDate | null, asOf: IsoDate): Span {
  return previousYear(coveredSpan(span, dataThrough(span, lastFigureDay, asOf)))
}

/**
 * The scorecard a year earlier over `previousScoreSpan`, judged with that year's targets and
 * time-progress at that span's end. Without last year's own comparison: a score needs none.
 */
export function previousScorecard(input: ScorecardInput): ScorecardResult {
  const span = previousScoreSpan(input.span, input.lastFigureDay ?? null, input.asOf)
  return buildScorecard({ ...input, span, asOf: span.end, compare: false })
}

/** Whether a score on 100 went up (BETTER), down or stayed; null when either side is missing. */
export function scoreTrend(now: number | null, before: number | null): Trend | null {
  return now === null || before === null ? null : trendOf(now - before, 'FLOW', 'HIGHER_IS_BETTER')
}

/** Places moved up since last year: 3rd after 1st is −2. Null when either rank is missing. */
export function rankChange(previousRank: number | null, rank: number | null): number | null {
  return previousRank === null || rank === null ? null : previousRank - rank
}

export interface LeagueUnit {
  orgUnitKey: string
  current: ScorecardResult
  previous: ScorecardResult
}

export interface LeagueEntry extends LeagueUnit {
  rank: number | null
  previousRank: number | null
  rankChange: number | null
  /** BETTER when the unit moved up, WORSE down, SAME; null without both ranks. */
  trend: Trend | null
}

/**
 * Units ranked by score on 100, best first ("1224": ties share a rank), and ranked again
 * among themselves a year earlier. Units without a score have no rank and come last, in the
 * order given (the org tree's).
 */
export function league(units: readonly LeagueUnit[]): LeagueEntry[] {
  const ranks = rankOf(units.map((u) => u.current.scoreOn100), 'HIGHER_IS_BETTER')
  const previousRanks = rankOf(units.map((u) => u.previous.scoreOn100), 'HIGHER_IS_BETTER')
  const entries = units.map((unit, i) => {
    const change = rankChange(previousRanks[i]!, ranks[i]!)
    return { ...unit, rank: ranks[i]!, previousRank: previousRanks[i]!, rankChange: change, trend: change === null ? null : trendOf(change, 'FLOW', 'HIGHER_IS_BETTER') }
  })
  const order = (e: LeagueEntry) => e.rank ?? Number.POSITIVE_INFINITY
  // Array.prototype.sort is stable: equal ranks keep the tree's order.
  return entries.sort((a, b) => order(a) - order(b))
}

/** Scored areas of a scorecard that are BEHIND, and its scored metrics that are. */
export function behindCounts(card: ScorecardResult): { areas: number; metrics: number } {
  const scored = card.areas.filter((a) => a.rows.some((r) => r.maxPoints !== null))
  return {
    areas: scored.filter((a) => a.status === 'BEHIND').length,
    metrics: card.areas.flatMap((a) => a.rows).filter((r) => r.maxPoints !== null && r.status === 'BEHIND').length,
  }
}

export interface GapMetric {
  kind: MetricKind
  decimals: number
  targetRule?: TargetRule
  direction?: Direction
}

export interface GapResult {
  metricKey: string
  orgUnitKey: string
  actual: number
  /** What time-progress asks by now: the row's expected, or its target when it has none. */
  expected: number
  target: number | null
  /** How far behind, in the metric's unit; always positive. */
  shortfall: number
  /** shortfall / expected; the shortfall itself when nothing is expected (a ceiling of 0). */
  share: number
  status: Status
  sources: Source[]
}

// Differences of fractions (rates, time-progress shares) carry float noise past this.
const clean = (x: number) => Math.round(x * 1e10) / 1e10

/**
 * A scored row BEHIND target as a gap, or null. The shortfall is expected − actual when
 * higher is better, actual − expected when lower is better (a rank too), the distance
 * either way for EXACTLY; a row not short of its expected value (a ceiling judged on the
 * whole year) is no gap.
 */
export function gapOf(row: MetricRowResult, metric: GapMetric, orgUnitKey: string): GapResult | null {
  if (row.status !== 'BEHIND' || row.maxPoints === null || row.actual === null) return null
  const expected = row.expected ?? row.target
  if (expected === null) return null
  const lowerIsBetter = metric.kind === 'RANK' || metric.direction === 'LOWER_IS_BETTER'
  const shortfall = clean(metric.targetRule === 'EXACTLY' ? Math.abs(row.actual - expected) : lowerIsBetter ? row.actual - expected : expected - row.actual)
  if (!(shortfall > 0)) return null
  return {
    metricKey: row.metricKey,
    orgUnitKey,
    actual: row.actual,
    expected,
    target: row.target,
    shortfall,
    share: expected === 0 ? shortfall : clean(shortfall / Math.abs(expected)),
    status: row.status,
    sources: row.sources,
  }
}

/** Gaps before others: larger share first, then larger shortfall, then metric key, then org unit key. */
export function compareGaps(a: GapResult, b: GapResult): number {
  return b.share - a.share || b.shortfall - a.shortfall || a.metricKey.localeCompare(b.metricKey) || a.orgUnitKey.localeCompare(b.orgUnitKey)
}

/** Every scored row BEHIND in the scorecards, largest shortfall against time-progress first. */
export function gapsOf(cards: readonly ScorecardResult[], metrics: ReadonlyMap<string, GapMetric>): GapResult[] {
  const gaps: GapResult[] = []
  for (const card of cards) {
    for (const row of card.areas.flatMap((a) => a.rows)) {
      const metric = metrics.get(row.metricKey)
      const gap = metric && gapOf(row, metric, card.orgUnitKey)
      if (gap) gaps.push(gap)
    }
  }
  return gaps.sort(compareGaps)
}

/** A sparkline takes at most two years of month ends. */
export const maxMonthlyPoints = 24

export interface MonthEnd {
  /** The month, '2023-03'. */
  period: string
  /** The month's last day, or the last day scored when earlier. */
  through: IsoDate
}

/**
 * The month ends a span is scored at, from its start: each month's last day, cut at `last`
 * (the span's end, or the last day with figures); the last `max` of them. None when `last`
 * is before the span starts.
 */
export function monthEnds(span: Span, last: IsoDate, max = maxMonthlyPoints): MonthEnd[] {
  const stop = minDate(span.end, last)
  const ends: MonthEnd[] = []
  let { year, month } = parts(span.start)
  while (stop >= span.start && isoDate(year, month, 1) <= stop) {
    ends.push({ period: `${year}-${String(month).padStart(2, '0')}`, through: minDate(lastDayOfMonth(year, month), stop) })
    if (++month > 12) {
      month = 1
      year++
    }
  }
  return ends.slice(-max)
}

export interface MonthlyScorecard extends MonthEnd {
  card: ScorecardResult
}

/**
 * The scorecard to date at each month end of the span (Jan, Jan–Feb, …), time-progress
 * judged at each point's `through`; stopping where the figures stop (or today).
 */
export function monthlyScorecards(input: ScorecardInput): MonthlyScorecard[] {
  const { span, asOf } = input
  const lastFigureDay = input.lastFigureDay ?? null
  if (lastFigureDay === null) return []
  return monthEnds(span, minDate(lastFigureDay, asOf)).map((end) => ({
    ...end,
    card: buildScorecard({ ...input, span: { start: span.start, end: end.through }, asOf: end.through, compare: false }),
  }))
}

/** Spans to read figures over, and which metrics over each: null for every metric. */
export interface SpanRead {
  span: Span
  /** Only these metrics' kinds: ['RANK'] for a rank's comparison span; null for every metric. */
  kinds: readonly MetricKind[] | null
}

/**
 * The spans a scorecard reads its figures over, for its unit and those below (its league and
 * gaps score them over the same spans): the period; last year's score and comparison over
 * `previousScoreSpan`, which is `comparedSpan` for every kind but a rank; and a rank's own
 * comparison span, the whole period a year earlier, when that differs.
 */
export function scorecardSpans(span: Span, lastFigureDay: IsoDate | null, asOf: IsoDate): SpanRead[] {
  const previous = previousScoreSpan(span, lastFigureDay, asOf)
  const rankPrevious = previousYear(span)
  const reads: SpanRead[] = [{ span: { start: span.start, end: span.end }, kinds: null }, { span: previous, kinds: null }]
  if (rankPrevious.end !== previous.end) reads.push({ span: rankPrevious, kinds: ['RANK'] })
  return reads
}

/** The spans the monthly points read: from the span's start to each month end (monthlyScorecards). */
export function monthlySpans(span: Span, lastFigureDay: IsoDate | null, asOf: IsoDate): Span[] {
  if (lastFigureDay === null) return []
  return monthEnds(span, minDate(lastFigureDay, asOf)).map((end) => ({ start: span.start, end: end.through }))
}
