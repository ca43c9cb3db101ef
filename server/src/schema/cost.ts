// What a field costs before it runs (the complexity limit in execution/query-cost.ts): work
// grows with the years a period covers, and a series with its points. Periods are clamped to
// the supported range here; the resolver refuses one outside it with BAD_PERIOD.
import { spanOf, type PeriodInput, type SeriesGranularity, type Span } from '../engine/index.ts'

interface CostContext {
  periodRange: Span
}

function clamp(span: Span, range: Span): Span {
  return { start: span.start < range.start ? range.start : span.start, end: span.end > range.end ? range.end : span.end }
}

const yearOf = (date: string) => Number(date.slice(0, 4))
const monthOf = (date: string) => Number(date.slice(5, 7))

/** The span a period covers; null (costing one year) when the resolver will refuse it. */
function periodSpan(period: PeriodInput | null | undefined, range: Span): Span | null {
  try {
    const span = period ? spanOf(period) : null
    return span && span.start >= range.start && span.end <= range.end ? span : null
  } catch {
    return null
  }
}

/** Calendar years a span touches, at least 1. */
function years(span: Span | null): number {
  return span && span.start <= span.end ? yearOf(span.end) - yearOf(span.start) + 1 : 1
}

/** A field reading one period: `perYear` for each year it covers. */
export function periodCost(perYear: number) {
  return (args: { period?: PeriodInput | null }, context: CostContext) => perYear * years(periodSpan(args.period, context.periodRange))
}

/** A list of stored figures between two dates (the whole range when open). */
export function figuresCost(args: { from?: string | null; to?: string | null; source?: string | null }, context: CostContext) {
  const range = context.periodRange
  const span = clamp({ start: args.from ?? range.start, end: args.to ?? range.end }, range)
  return { field: 1, multiplier: args.source === 'REPORT' ? 10 : 20 * years(span) }
}

/** Twenty years by month. */
export const maxSeriesPoints = 240

/** Points of a series from the period holding `from` to the one holding `to`. */
export function seriesPoints(granularity: SeriesGranularity, from: string, to: string): number {
  const months = (yearOf(to) - yearOf(from)) * 12 + monthOf(to) - monthOf(from)
  if (granularity === 'YEAR') return yearOf(to) - yearOf(from) + 1
  if (granularity === 'QUARTER') return Math.floor((yearOf(to) * 12 + monthOf(to) - 1) / 3) - Math.floor((yearOf(from) * 12 + monthOf(from) - 1) / 3) + 1
  return months + 1
}

export function seriesCost(args: { granularity: SeriesGranularity; from: string; to: string }, context: CostContext) {
  // from and to are days (the Date scalar); the resolver refuses them the wrong way round.
  const span = clamp({ start: args.from, end: args.to }, context.periodRange)
  const valid = span.start <= span.end
  return { field: 5 * years(valid ? span : null), multiplier: valid ? seriesPoints(args.granularity, span.start, span.end) : 1 }
}
