// Months as a return names them (YYYY-MM) and as a clerk reads them.
import type { Locale } from '../format.ts'

/** This month, by the clerk's clock: the latest a return may be for. */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}

/** The month after the last day with figures: the first whose return is still to come. */
export function monthAfter(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return next > currentMonth() ? currentMonth() : next
}

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  if (!y || !m) return month
  return locale === 'en' ? `${monthsEn[m - 1]} ${y}` : `${y}年${m}月`
}
