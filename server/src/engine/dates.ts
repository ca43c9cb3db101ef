// Calendar dates as ISO strings (YYYY-MM-DD). Spans are inclusive at both ends. Dates are
// computed in UTC so that no time zone moves a day. Whether a text is a date is the SDK's
// one parser to say (isIsoDate, parseIsoDate in @msp/plugin-sdk).

export type IsoDate = string

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The start of a UTC day in ms. Not Date.UTC: it reads years 0 to 99 as 1900 to 1999. */
function utc(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day)
}

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date)
  return utc(year, month - 1, day) / 86_400_000
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate()
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date)
  return new Date(utc(year, month - 1, day + days)).toISOString().slice(0, 10)
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

/**
 * The same day `years` later. A month's last day stays its last day (2024-02-29 and
 * 2023-02-28 correspond), so a span ending at month end keeps ending at month end.
 */
export function shiftYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parts(date)
  const target = year + years
  const isMonthEnd = day === daysInMonth(year, month)
  return isoDate(target, month, isMonthEnd ? daysInMonth(target, month) : Math.min(day, daysInMonth(target, month)))
}

export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10)
}
