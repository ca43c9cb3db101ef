// Periods: what a user asks for (a year, a half, a quarter, a month, or from..to) turned
// into an inclusive span, and the same span a year earlier for year-over-year comparison.
import { parseIsoDate, type Granularity } from '@msp/plugin-sdk'
import { addDays, isoDate, lastDayOfMonth, parts, shiftYears, type IsoDate } from './dates.ts'

export interface Span {
  start: IsoDate
  end: IsoDate
}

export interface LabelledSpan extends Span {
  /** '2023', '2023-H1', '2023-Q2', '2023-06', or '2022-01-01..2023-09-26'. */
  label: string
}

export interface PeriodInput {
  year?: number | null
  half?: number | null
  quarter?: number | null
  month?: number | null
  from?: string | null
  to?: string | null
}

/** A period a user asked for that cannot be read; the message says what to change. */
export class PeriodError extends Error {
  override name = 'PeriodError'
}

const given = (value: unknown) => value !== undefined && value !== null

export function spanOf(input: PeriodInput): LabelledSpan {
  const { year, half, quarter, month, from, to } = input
  const parts = [half, quarter, month].filter(given).length
  if (given(from) || given(to)) {
    if (given(year) || parts > 0) throw new PeriodError('give either year (with half, quarter or month) or from and to, not both')
    if (!given(from) || !given(to)) throw new PeriodError('from and to go together: give both as YYYY-MM-DD')
    // The API's Date scalar has parsed these already; a caller of the engine may not have.
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      const parsed = parseIsoDate(value)
      if ('problem' in parsed) throw new PeriodError(`${name} ${parsed.problem}`)
    }
    if (from! > to!) throw new PeriodError(`from ${from} is after to ${to}`)
    return { start: from!, end: to!, label: `${from}..${to}` }
  }
  if (!given(year)) throw new PeriodError('give a year (optionally with half, quarter or month), or from and to')
  if (!Number.isInteger(year) || year! < 1 || year! > 9999) throw new PeriodError(`year ${year} is not a calendar year`)
  if (parts > 1) throw new PeriodError('give at most one of half, quarter and month')
  const y = year!
  if (given(half)) {
    if (half !== 1 && half !== 2) throw new PeriodError(`half must be 1 or 2, not ${half}`)
    return { start: isoDate(y, half === 1 ? 1 : 7, 1), end: half === 1 ? isoDate(y, 6, 30) : isoDate(y, 12, 31), label: `${y}-H${half}` }
  }
  if (given(quarter)) {
    if (!Number.isInteger(quarter) || quarter! < 1 || quarter! > 4) throw new PeriodError(`quarter must be 1 to 4, not ${quarter}`)
    const first = (quarter! - 1) * 3 + 1
    return { start: isoDate(y, first, 1), end: lastDayOfMonth(y, first + 2), label: `${y}-Q${quarter}` }
  }
  if (given(month)) {
    if (!Number.isInteger(month) || month! < 1 || month! > 12) throw new PeriodError(`month must be 1 to 12, not ${month}`)
    return { start: isoDate(y, month!, 1), end: lastDayOfMonth(y, month!), label: `${y}-${String(month).padStart(2, '0')}` }
  }
  return { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), label: String(y) }
}

/** The same span one year earlier: 2023 H1 against 2022 H1, Jan 1..Sep 26 against the same days. */
export function previousYear(span: Span): Span {
  return { start: shiftYears(span.start, -1), end: shiftYears(span.end, -1) }
}

export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end
}

export function yearSpan(year: number): Span {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) }
}

/** The calendar years a span touches, in order. */
export function yearsOf(span: Span): number[] {
  const years: number[] = []
  for (let y = parts(span.start).year; y <= parts(span.end).year; y++) years.push(y)
  return years
}

/**
 * Months covered by [start, end], counted as Chinese time-progress (序时进度) counts them:
 * each whole month is one, a part month its days over the month's days.
 */
export function monthsCovered(start: IsoDate, end: IsoDate): number {
  let months = 0
  for (let cursor = start; cursor <= end; ) {
    const { year, month, day } = parts(cursor)
    const monthEnd = lastDayOfMonth(year, month)
    const stop = end < monthEnd ? end : monthEnd
    months += (parts(stop).day - day + 1) / parts(monthEnd).day
    cursor = addDays(stop, 1)
  }
  return months
}

/** The share of `year` covered by [start, end]: by 30 June exactly one half. */
export function yearFraction(year: number, start: IsoDate, end: IsoDate): number {
  const from = start > isoDate(year, 1, 1) ? start : isoDate(year, 1, 1)
  const to = end < isoDate(year, 12, 31) ? end : isoDate(year, 12, 31)
  return from > to ? 0 : monthsCovered(from, to) / 12
}

/** The months in a period of each granularity. */
export const monthsIn: Record<Granularity, number> = { MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12 }

/** Whether a figure's span is longer than the given granularity allows. */
export function longerThan(span: Span, granularity: Granularity): boolean {
  const s = parts(span.start)
  const e = parts(span.end)
  const months = (e.year - s.year) * 12 + (e.month - s.month) + 1
  const limit = monthsIn[granularity]
  if (months > limit) return true
  // A quarter or half must not straddle its boundaries: Feb..Apr is not a quarter.
  const block = Math.floor((s.month - 1) / limit)
  return s.year !== e.year || Math.floor((e.month - 1) / limit) !== block
}

/**
 * Refuses a span reaching outside the range the installation supports (a setting): a
 * period of ten thousand years is no one's question, only a way to hold the server.
 */
export function checkSupported(span: Span, range: Span, what = 'period'): void {
  if (span.start < range.start || span.end > range.end) {
    throw new PeriodError(`${what} ${span.start}..${span.end} reaches outside the supported range ${range.start}..${range.end}`)
  }
}
