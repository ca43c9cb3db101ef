// The period and org unit live in the URL, so every view is a link that can be shared.

export interface PeriodInput {
  year?: number
  half?: number
  quarter?: number
  month?: number
  from?: string
  to?: string
}

export type PeriodMode = 'YEAR' | 'HALF' | 'QUARTER' | 'MONTH' | 'AS_OF' | 'CUSTOM'

const intParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name)
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

/** The period in the URL, or the year to date of the last day with figures. */
export function periodFromParams(params: URLSearchParams, lastDataDay: string): PeriodInput {
  const from = params.get('from') ?? undefined
  const to = params.get('to') ?? undefined
  if (from && to) return { from, to }
  const year = intParam(params, 'year')
  if (year) {
    for (const part of ['half', 'quarter', 'month'] as const) {
      const value = intParam(params, part)
      if (value) return { year, [part]: value }
    }
    return { year }
  }
  return { from: `${lastDataDay.slice(0, 4)}-01-01`, to: lastDataDay }
}

/** Whether the URL names a period itself (rather than the year to the last day with figures). */
export function periodInParams(params: URLSearchParams): boolean {
  return Boolean((params.get('from') && params.get('to')) || intParam(params, 'year'))
}

export function periodToParams(period: PeriodInput, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of ['year', 'half', 'quarter', 'month', 'from', 'to']) next.delete(key)
  for (const [key, value] of Object.entries(period)) if (value !== undefined) next.set(key, String(value))
  return next
}

export function modeOf(period: PeriodInput): PeriodMode {
  if (period.from && period.to) return period.from === `${period.to.slice(0, 4)}-01-01` ? 'AS_OF' : 'CUSTOM'
  if (period.half) return 'HALF'
  if (period.quarter) return 'QUARTER'
  if (period.month) return 'MONTH'
  return 'YEAR'
}

/** The calendar year the period ends in: charts compare it with the year before. */
export function yearOf(period: PeriodInput): number {
  return period.year ?? Number((period.to ?? '').slice(0, 4))
}

/**
 * The spans the charts ask for: every year since the sample data begins (or the year alone,
 * for a year before it), and this year and last by month.
 */
export function seriesSpans(year: number) {
  return {
    yearsFrom: `${Math.min(year, 2021)}-01-01`,
    to: `${year}-12-31`,
    thisYear: `${year}-01-01`,
    lastYear: `${year - 1}-01-01`,
    lastYearEnd: `${year - 1}-12-31`,
  }
}
