// What a set of rows, or of areas, comes to: one status by one rule, the direction of a change,
// how far a period is covered by figures, and a score on 100. Pure functions.
import type { Direction, MetricKind, Status, Trend } from '@msp/plugin-sdk'
import type { IsoDate } from './dates.ts'
import type { Span } from './period.ts'

/**
 * One status for many, by one rule (the same for an area over its rows and for a scorecard
 * over its areas); it never reads ON_TRACK or MET while one of them is BEHIND:
 * - NO_DATA when none has data (or there are none);
 * - NO_TARGET when some have data but none is judged against a target;
 * - BEHIND when any is BEHIND;
 * - MET when every one judged against a target is MET;
 * - ON_TRACK otherwise (none behind, at least one not yet met).
 */
export function combinedStatus(statuses: readonly Status[]): Status {
  const judged = statuses.filter((s) => s === 'MET' || s === 'ON_TRACK' || s === 'BEHIND')
  if (judged.length === 0) return statuses.some((s) => s === 'NO_TARGET') ? 'NO_TARGET' : 'NO_DATA'
  if (judged.includes('BEHIND')) return 'BEHIND'
  return judged.every((s) => s === 'MET') ? 'MET' : 'ON_TRACK'
}

/** The rows an area is judged on: its scored rows (a row with maxPoints); all rows when none is scored. */
export function areaStatus(rows: readonly { status: Status; maxPoints: number | null }[]): Status {
  const scored = rows.filter((r) => r.maxPoints !== null)
  return combinedStatus((scored.length ? scored : rows).map((r) => r.status))
}

/** A scorecard is judged on its scored areas (an area with a scored row); on all areas when none is scored. */
export function scorecardStatus(areas: readonly { status: Status; rows: readonly { maxPoints: number | null }[] }[]): Status {
  const scored = areas.filter((a) => a.rows.some((r) => r.maxPoints !== null))
  return combinedStatus((scored.length ? scored : areas).map((a) => a.status))
}

/**
 * Whether a change is for the better. A RANK is better the lower its number, whatever the
 * metric says; otherwise by the metric's direction (higher by default). Null without a change.
 */
export function trendOf(change: number | null, kind: MetricKind, direction: Direction = 'HIGHER_IS_BETTER'): Trend | null {
  if (change === null) return null
  if (Math.abs(change) < 1e-9) return 'SAME'
  const lowerIsBetter = kind === 'RANK' || direction === 'LOWER_IS_BETTER'
  return (change < 0) === lowerIsBetter ? 'BETTER' : 'WORSE'
}

/**
 * The last day a span has figures through, when the span runs past it: the last day any
 * figure covers (or `asOf`, today, when earlier), if that falls within the span before its
 * end. Null when the span is covered to its end, or has no figures at all.
 */
export function dataThrough(span: Span, lastFigureDay: IsoDate | null, asOf: IsoDate): IsoDate | null {
  if (lastFigureDay === null) return null
  const last = lastFigureDay < asOf ? lastFigureDay : asOf
  return last >= span.start && last < span.end ? last : null
}

/** The part of a span figures cover: from its start through `dataThrough`, or all of it. */
export function coveredSpan(span: Span, through: IsoDate | null): Span {
  return through === null ? { start: span.start, end: span.end } : { start: span.start, end: through }
}

/**
 * A score on 100, so a station's score reads beside the district's: points earned over the
 * points at stake for the unit (its maxScore), times 100, to two decimals. Null without points at stake.
 */
export function scoreOn100(score: number | null, maxScore: number | null): number | null {
  if (score === null || !maxScore) return null
  return Math.round((score / maxScore) * 10000) / 100
}
