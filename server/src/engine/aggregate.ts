// Aggregation of stored figures into the value of a metric for an org unit and a span.
// Each kind aggregates its own way; nothing is split or pro-rated: a figure counts only
// when its whole span lies within the span asked for.
import type { MetricKind, Source } from '@msp/plugin-sdk'
import type { OrgTree } from './org-tree.ts'
import { sameSpan, within, type Span } from './period.ts'

export interface MetricSpec {
  key: string
  kind: MetricKind
  /** Decimal places values are kept at; sums are exact at this precision. */
  decimals: number
  numerator?: string | null
  denominator?: string | null
}

export interface FigureRecord {
  metricKey: string
  orgUnitKey: string
  start: string
  end: string
  value: number
  source: Source
}

export interface Aggregate {
  value: number | null
  /** Where the figures behind the value came from. */
  sources: Source[]
}

const none: Aggregate = { value: null, sources: [] }

/** Sums at a fixed precision through integers, so 0.1 + 0.2 is 0.3 and money never drifts. */
export function sumExact(values: readonly number[], decimals: number): number {
  const scale = 10 ** decimals
  let total = 0
  for (const v of values) total += Math.round(v * scale)
  return total / scale
}

function mergeSources(...lists: Source[][]): Source[] {
  // Most units' figures are of one source, the same as their siblings': no set and no sort then
  // (a city's scorecard merges sources some 100,000 times).
  const first = lists[0]
  if (first?.length === 1 && lists.every((list) => list.length === 1 && list[0] === first[0])) return first
  return [...new Set(lists.flat())].sort()
}

/** A unit's own figure as the engine picks it: for exactly a span, or the latest within it. */
export interface PickedFigure extends Span {
  value: number
  source: Source
}

/** A unit's own figures lying within a span, added up at the metric's decimals (sumExact). */
export interface OwnTotal {
  value: number
  sources: Source[]
  /** How many figures; 0 when the unit has none within the span (value is then 0). */
  count: number
}

/**
 * The three things aggregate() asks of a unit's own figures, whoever holds them: the raw
 * figures (FigureIndex), or totals the database grouped (FigureSummaries).
 */
export interface FigureLookup {
  /** The unit's own figure whose span is exactly `span`. */
  exact(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined
  /** The unit's own figures whose span lies within `span`, summed at the metric's decimals. */
  own(metric: MetricSpec, orgUnitKey: string, span: Span): OwnTotal
  /** The unit's own latest figure within `span`: the latest end, then the earliest start. */
  latest(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined
}

/** Whether the engine asks for a metric's latest figure: a stock, a rate as reported, a rank. */
// prisma/src/year-to-date.ts says the same in SQL (takesLatestSql); test/year-to-date.test.ts holds them equal.
export function takesLatest(metric: MetricSpec): boolean {
  return metric.kind === 'STOCK' || metric.kind === 'RANK' || (metric.kind === 'RATE' && !(metric.numerator && metric.denominator))
}

/** The latest of `figures`: the latest end, ties to the earliest start. */
export function latestOf<T extends Span>(figures: readonly T[]): T | undefined {
  let best: T | undefined
  for (const f of figures) if (!best || f.end > best.end || (f.end === best.end && f.start < best.start)) best = f
  return best
}

/** Figures indexed by metric and org unit. Build once per request, query many times. */
export class FigureIndex implements FigureLookup {
  private readonly byMetric = new Map<string, Map<string, FigureRecord[]>>()

  constructor(figures: Iterable<FigureRecord>) {
    for (const figure of figures) {
      let byUnit = this.byMetric.get(figure.metricKey)
      if (!byUnit) this.byMetric.set(figure.metricKey, (byUnit = new Map()))
      const list = byUnit.get(figure.orgUnitKey)
      if (list) list.push(figure)
      else byUnit.set(figure.orgUnitKey, [figure])
    }
  }

  at(metricKey: string, orgUnitKey: string, span: Span): FigureRecord[] {
    const list = this.byMetric.get(metricKey)?.get(orgUnitKey) ?? []
    return list.filter((f) => within(f, span))
  }

  exact(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined {
    return this.byMetric.get(metricKey)?.get(orgUnitKey)?.find((f) => sameSpan(f, span))
  }

  own(metric: MetricSpec, orgUnitKey: string, span: Span): OwnTotal {
    const own = this.at(metric.key, orgUnitKey, span)
    return { value: sumExact(own.map((f) => f.value), metric.decimals), sources: mergeSources(own.map((f) => f.source)), count: own.length }
  }

  latest(metricKey: string, orgUnitKey: string, span: Span): PickedFigure | undefined {
    return latestOf(this.at(metricKey, orgUnitKey, span))
  }
}

export interface AggregationContext {
  metrics: ReadonlyMap<string, MetricSpec>
  figures: FigureLookup
  tree: OrgTree
}

/**
 * The value of `metric` for `orgUnit` over `span`.
 * - FLOW: a figure stored at the unit for exactly the span (a reported total) stands for it;
 *   otherwise the sum over the units below; a unit with nothing below sums its own figures.
 * - STOCK: per unit the latest snapshot within the span, summed over units; a unit's own
 *   snapshot stands when it is later than any below.
 * - RATE with numerator and denominator: the ratio of their aggregates, never a mean of rates.
 * - RATE as reported, and RANK: only where reported (the unit's own figure: for exactly the
 *   span, else its latest within it); never combined over units.
 */
export function aggregate(ctx: AggregationContext, metricKey: string, orgUnit: string, span: Span): Aggregate {
  const metric = ctx.metrics.get(metricKey)
  if (!metric) throw new Error(`unknown metric '${metricKey}'`)
  switch (metric.kind) {
    case 'FLOW':
      return flow(ctx, metric, orgUnit, span)
    case 'STOCK':
      return stock(ctx, metric, orgUnit, span).aggregate
    case 'RATE':
      if (metric.numerator && metric.denominator) return ratio(ctx, metric.numerator, metric.denominator, orgUnit, span)
      return asReported(ctx, metric, orgUnit, span)
    case 'RANK':
      return asReported(ctx, metric, orgUnit, span)
  }
}

function flow(ctx: AggregationContext, metric: MetricSpec, unit: string, span: Span): Aggregate {
  const exact = ctx.figures.exact(metric.key, unit, span)
  if (exact) return { value: exact.value, sources: [exact.source] }
  const below = ctx.tree.children(unit).map((child) => flow(ctx, metric, child, span)).filter((a) => a.value !== null)
  if (below.length > 0) {
    return {
      value: sumExact(below.map((a) => a.value!), metric.decimals),
      sources: mergeSources(...below.map((a) => a.sources)),
    }
  }
  const own = ctx.figures.own(metric, unit, span)
  if (own.count === 0) return none
  return { value: own.value, sources: own.sources }
}

function stock(ctx: AggregationContext, metric: MetricSpec, unit: string, span: Span): { aggregate: Aggregate; asOf: string | null } {
  const own = ctx.figures.latest(metric.key, unit, span)
  const below = ctx.tree.children(unit).map((child) => stock(ctx, metric, child, span)).filter((s) => s.aggregate.value !== null)
  const belowAsOf = below.reduce<string | null>((max, s) => (max === null || (s.asOf ?? '') > max ? s.asOf : max), null)
  if (own && (below.length === 0 || own.end >= (belowAsOf ?? ''))) {
    return { aggregate: { value: own.value, sources: [own.source] }, asOf: own.end }
  }
  if (below.length === 0) return { aggregate: none, asOf: null }
  return {
    aggregate: {
      value: sumExact(below.map((s) => s.aggregate.value!), metric.decimals),
      sources: mergeSources(...below.map((s) => s.aggregate.sources)),
    },
    asOf: belowAsOf,
  }
}

function ratio(ctx: AggregationContext, numerator: string, denominator: string, unit: string, span: Span): Aggregate {
  const top = aggregate(ctx, numerator, unit, span)
  const bottom = aggregate(ctx, denominator, unit, span)
  if (top.value === null || bottom.value === null || bottom.value === 0) return none
  return { value: top.value / bottom.value, sources: mergeSources(top.sources, bottom.sources) }
}

function asReported(ctx: AggregationContext, metric: MetricSpec, unit: string, span: Span): Aggregate {
  const pick = ctx.figures.exact(metric.key, unit, span) ?? ctx.figures.latest(metric.key, unit, span)
  return pick ? { value: pick.value, sources: [pick.source] } : none
}

/**
 * The value of `metric` for `orgUnit` computed only from the units below it, ignoring any
 * total stored at the unit itself: what the units' figures add up to, to set beside a
 * reported total. Null when the units below hold nothing, or for rates as reported and ranks.
 */
export function aggregateBelow(ctx: AggregationContext, metricKey: string, orgUnit: string, span: Span): Aggregate {
  const metric = ctx.metrics.get(metricKey)
  if (!metric) throw new Error(`unknown metric '${metricKey}'`)
  const children = ctx.tree.children(orgUnit)
  if (metric.kind === 'RATE' && metric.numerator && metric.denominator) {
    const top = aggregateBelow(ctx, metric.numerator, orgUnit, span)
    const bottom = aggregateBelow(ctx, metric.denominator, orgUnit, span)
    if (top.value === null || bottom.value === null || bottom.value === 0) return none
    return { value: top.value / bottom.value, sources: mergeSources(top.sources, bottom.sources) }
  }
  if (metric.kind !== 'FLOW' && metric.kind !== 'STOCK') return none
  const below = children.map((child) => aggregate(ctx, metricKey, child, span)).filter((a) => a.value !== null)
  if (below.length === 0) return none
  return { value: sumExact(below.map((a) => a.value!), metric.decimals), sources: mergeSources(...below.map((a) => a.sources)) }
}
