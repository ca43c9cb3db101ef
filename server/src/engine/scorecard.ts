// The scorecard: for one org unit and span, every area's metrics with actual, target,
// expected by time-progress, last year's value for the same span, status and points.
import { aggregate, sumExact, type AggregationContext, type Source } from './aggregate.ts'
import type { IsoDate } from './dates.ts'
import { previousYear, type Span } from './period.ts'
import { assess, type Scoring, type Status } from './scoring.ts'
import { resolveTarget, type TargetRecord, type TargetRule } from './targets.ts'

export interface ScorecardMetric {
  key: string
  kind: 'FLOW' | 'STOCK' | 'RATE' | 'RANK'
  decimals: number
  targetRule: TargetRule
  scoring?: Scoring | null
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
  rows: MetricRowResult[]
}

export interface ScorecardResult {
  span: Span
  orgUnitKey: string
  score: number | null
  maxScore: number | null
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
}

/** Year-over-year change; the rate is null when last year is missing or zero. */
export function yearOverYear(actual: number | null, previous: number | null, decimals: number) {
  if (actual === null || previous === null) return { change: null, rate: null }
  const change = sumExact([actual, -previous], decimals)
  return { change, rate: previous === 0 ? null : change / previous }
}

function total(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length ? Math.round(present.reduce((a, b) => a + b, 0) * 100) / 100 : null
}

export function buildScorecard(input: ScorecardInput): ScorecardResult {
  const { context, orgUnitKey, span, asOf } = input
  const lastYear = previousYear(span)
  const isRoot = context.tree.root === orgUnitKey
  const areas = input.areas.map((area): AreaScoreResult => {
    const rows = area.metrics.map((metric): MetricRowResult => {
      const actual = aggregate(context, metric.key, orgUnitKey, span)
      const previous = aggregate(context, metric.key, orgUnitKey, lastYear)
      const target = resolveTarget(metric, input.targets, orgUnitKey, isRoot, span, asOf)
      const { completion, status, points, maxPoints } = assess(metric, actual.value, target)
      // Rates are not in the metric's count precision: keep their full ratio.
      const decimals = metric.kind === 'RATE' ? 12 : metric.decimals
      const yoy = yearOverYear(actual.value, previous.value, decimals)
      return {
        metricKey: metric.key,
        actual: actual.value,
        target: target?.value ?? null,
        completion,
        expected: target?.expected ?? null,
        previous: previous.value,
        yoyChange: yoy.change,
        yoyRate: yoy.rate,
        status,
        points,
        maxPoints,
        sources: [...new Set([...actual.sources, ...previous.sources, ...(target?.sources ?? [])])].sort(),
        actualSources: actual.sources,
        previousSources: previous.sources,
        targetSources: target?.sources ?? [],
        targetReason: target?.reason ?? null,
      }
    })
    const scored = rows.filter((r) => r.points !== null)
    return {
      areaKey: area.key,
      score: total(scored.map((r) => r.points)),
      maxScore: total(scored.map((r) => r.maxPoints)),
      rows,
    }
  })
  return {
    span,
    orgUnitKey,
    score: total(areas.map((a) => a.score)),
    maxScore: total(areas.map((a) => a.maxScore)),
    areas,
  }
}
