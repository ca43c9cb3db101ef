// Targets for a span, and what should have been achieved by now (序时进度).
// Targets are set for calendar years (optionally for any exact span) and optionally for an
// org unit. Without an org unit a target is the district's; for rates, ranks and ceilings
// (intensive measures) it also holds for every unit below.
import type { MetricKind, Source, TargetRule } from '@msp/plugin-sdk'
import { minDate, type IsoDate } from './dates.ts'
import { monthsCovered, sameSpan, yearFraction, yearSpan, yearsOf, type Span } from './period.ts'

export interface TargetRecord {
  metricKey: string
  orgUnitKey: string | null
  start: IsoDate
  end: IsoDate
  value: number
  source: Source
  reason: string | null
  /** The stored target's id, where it is one: its history is kept by it. */
  id?: number
}

export interface ResolvedTarget {
  /** The goal for the span. */
  value: number
  /** What should have been reached by the span's end or `asOf`, whichever is earlier. */
  expected: number
  /** Share of the target's time that has elapsed, 0..1; 1 when the span is over. */
  progress: number
  sources: Source[]
  reason: string | null
  /** The stored targets it was worked out from (their ids), for their history. */
  ids?: number[]
}

export interface TargetMetric {
  key: string
  kind: MetricKind
  targetRule: TargetRule
}

function isIntensive(metric: TargetMetric): boolean {
  return metric.kind === 'RATE' || metric.kind === 'RANK' || metric.targetRule !== 'AT_LEAST'
}

/**
 * The targets that apply to a unit: its own; else, where targets carry down (a rate, a rank, a
 * ceiling), the nearest unit above's that sets one, up to the root's (stored without a unit).
 * `above` is the units above, nearest first, the root last: none for the root itself.
 */
// A scorecard resolves a target for every metric of every unit from the same list (a thousand
// targets): index it by metric once, rather than filter the whole list for each row.
const byMetricOf = new WeakMap<readonly TargetRecord[], Map<string, TargetRecord[]>>()
function targetsOf(targets: readonly TargetRecord[], metricKey: string): readonly TargetRecord[] {
  let byMetric = byMetricOf.get(targets)
  if (!byMetric) {
    byMetric = new Map()
    for (const t of targets) {
      const list = byMetric.get(t.metricKey)
      if (list) list.push(t)
      else byMetric.set(t.metricKey, [t])
    }
    byMetricOf.set(targets, byMetric)
  }
  return byMetric.get(metricKey) ?? []
}

function applicable(metric: TargetMetric, targets: readonly TargetRecord[], orgUnit: string, above: readonly string[]) {
  const mine = targetsOf(targets, metric.key)
  const isRoot = above.length === 0
  const own = mine.filter((t) => t.orgUnitKey === orgUnit || (isRoot && t.orgUnitKey === null))
  const carried = isIntensive(metric)
    ? above.map((unit, i) => mine.filter((t) => (i === above.length - 1 ? t.orgUnitKey === null || t.orgUnitKey === unit : t.orgUnitKey === unit)))
    : []
  return (span: Span) => own.find((t) => sameSpan(t, span)) ?? carried.map((list) => list.find((t) => sameSpan(t, span))).find((t) => t !== undefined)
}

/**
 * The target of `metric` for `orgUnit` over `span`, or null when none is set.
 * - A target set for exactly the span is used as it is.
 * - FLOW, over calendar years: a year the span covers from 1 January counts its whole
 *   annual target (the span is that year so far); a year entered mid-way counts the share
 *   of the year the span covers. Expected is each annual target times the share of its
 *   year elapsed by the span's end (or asOf): by 30 June, half.
 * - STOCK, RATE, RANK: the target of the year the span ends in; it holds at any time.
 */
export function resolveTarget(
  metric: TargetMetric,
  targets: readonly TargetRecord[],
  orgUnit: string,
  above: readonly string[],
  span: Span,
  asOf: IsoDate,
): ResolvedTarget | null {
  const find = applicable(metric, targets, orgUnit, above)
  const elapsedEnd = minDate(span.end, asOf)
  const exact = find(span)
  if (exact) {
    const progress = metric.kind === 'FLOW' ? elapsedShare(span, elapsedEnd) : 1
    return { value: exact.value, expected: exact.value * progress, progress, sources: [exact.source], reason: exact.reason, ...idsOf([exact]) }
  }
  const years = yearsOf(span)
  if (metric.kind !== 'FLOW') {
    const annual = find(yearSpan(years[years.length - 1]!))
    if (!annual) return null
    return { value: annual.value, expected: annual.value, progress: 1, sources: [annual.source], reason: annual.reason, ...idsOf([annual]) }
  }
  let value = 0
  let expected = 0
  let fullYears = 0
  let elapsedYears = 0
  const sources = new Set<Source>()
  const reasons = new Set<string>()
  const used: TargetRecord[] = []
  for (const year of years) {
    const annual = find(yearSpan(year))
    if (!annual) return null
    const { start } = yearSpan(year)
    const fromYearStart = span.start <= start
    const covered = fromYearStart ? 1 : yearFraction(year, span.start, span.end)
    const elapsed = yearFraction(year, fromYearStart ? start : span.start, elapsedEnd)
    value += annual.value * covered
    expected += annual.value * elapsed
    fullYears += covered
    elapsedYears += elapsed
    sources.add(annual.source)
    used.push(annual)
    if (annual.reason) reasons.add(annual.reason)
  }
  return {
    value,
    expected,
    progress: fullYears === 0 ? 1 : Math.min(1, elapsedYears / fullYears),
    sources: [...sources].sort(),
    reason: reasons.size ? [...reasons].join('; ') : null,
    ...idsOf(used),
  }
}

/** The ids of stored targets used, when they have them (the engine's own tests use none). */
function idsOf(records: readonly TargetRecord[]): { ids?: number[] } {
  const ids = records.flatMap((r) => (r.id === undefined ? [] : [r.id]))
  return ids.length ? { ids } : {}
}

/** The elapsed share of a span by `date`, by months as time-progress counts them. */
function elapsedShare(span: Span, date: IsoDate): number {
  if (date < span.start) return 0
  if (date >= span.end) return 1
  return monthsCovered(span.start, date) / monthsCovered(span.start, span.end)
}
