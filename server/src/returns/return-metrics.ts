// Which metrics a unit's monthly return holds, where an entered value is stored as a figure,
// and the unit's earlier months of each (for last month, the same month last year, outliers).
import type { DbTx, Db } from '@msp/db'
import type { LocalizedName } from '@msp/plugin-sdk'
import { addMonths, monthOf, monthSpan, type ValueProblem } from '../engine/index.ts'
import type { RegisteredMetric, Registry } from '../registry.ts'

/** A failure of a return's read or write: its code, what to fix in both languages, and each value's problem. */
export class ReturnError extends Error {
  constructor(
    readonly code: 'BAD_INPUT' | 'BAD_PERIOD' | 'CONFLICT' | 'PERIOD_LOCKED' | 'FUTURE_PERIOD' | 'INVALID_STATE' | 'FORBIDDEN',
    readonly text: LocalizedName,
    readonly problems: readonly ValueProblem[] = [],
  ) {
    super(text.en)
  }
}

export const both = (zh: string, en: string): LocalizedName => ({ 'zh-CN': zh, en })

/**
 * The metrics a unit enters each month: those its kind measures (stations or offices), kept by
 * the month, and not computed from others (a rate of two counts is worked out, not typed).
 * The bureau itself enters none: its figures are its units' sums.
 */
export function returnMetrics(registry: Registry, unitKind: string): RegisteredMetric[] {
  if (unitKind !== 'STATION' && unitKind !== 'OFFICE') return []
  return [...registry.metrics.values()].filter((m) => m.enteredBy === unitKind && m.granularity === 'MONTH' && m.numerator === null)
}

/**
 * The day of the next month a return of these metrics is due: the earliest any of their areas
 * sets, the installation's day for an area that sets none. One return, one deadline: a clerk
 * sends the whole month at once.
 */
export function returnDueDay(registry: Registry, metrics: readonly RegisteredMetric[], installationDay: number): number {
  const areas = new Set(metrics.map((m) => m.areaKey))
  const days = registry.areas.filter((a) => areas.has(a.key)).map((a) => a.returnDueDay ?? installationDay)
  return days.length > 0 ? Math.min(...days) : installationDay
}

/** The span a month's value is stored over: the month, for a stock too (its count over the month, as the sample data keeps it). */
export function figureSpan(month: string): { periodStart: string; periodEnd: string } {
  const span = monthSpan(month)!
  return { periodStart: span.from, periodEnd: span.to }
}

/** Each metric's value by month, for one unit. */
export type MonthlyValues = Map<string, Map<string, number>>

/**
 * Each unit's value of each metric in each month from `first` to `last`, from its stored figures
 * that lie within one month: counts summed, the latest of a stock or a rate. One read for all.
 */
export async function monthlyValues(db: Db | DbTx, orgUnitIds: readonly number[], metrics: readonly RegisteredMetric[], first: string, last: string): Promise<Map<number, MonthlyValues>> {
  const from = monthSpan(first)!.from
  const to = monthSpan(last)!.to
  const figures = await db.figure.findMany({
    where: { orgUnitId: { in: [...orgUnitIds] }, metricKey: { in: metrics.map((m) => m.key) }, periodStart: { gte: from }, periodEnd: { lte: to } },
    select: { orgUnitId: true, metricKey: true, periodStart: true, periodEnd: true, value: true },
    orderBy: { periodEnd: 'asc' },
  })
  const kinds = new Map(metrics.map((m) => [m.key, m.kind]))
  const units = new Map<number, MonthlyValues>(orgUnitIds.map((id) => [id, new Map()]))
  for (const figure of figures) {
    const month = monthOf(figure.periodEnd)
    if (monthOf(figure.periodStart) !== month) continue
    const values = units.get(figure.orgUnitId)!
    let byMonth = values.get(figure.metricKey)
    if (!byMonth) values.set(figure.metricKey, (byMonth = new Map()))
    byMonth.set(month, kinds.get(figure.metricKey) === 'FLOW' ? (byMonth.get(month) ?? 0) + figure.value : figure.value)
  }
  return units
}

/** A metric's values in those of `months` it has one for, in their order. */
export function valuesIn(byMonth: ReadonlyMap<string, number> | undefined, months: readonly string[]): number[] {
  return months.flatMap((m) => (byMonth?.has(m) ? [byMonth.get(m)!] : []))
}

/** The months before `month`, oldest first, as many as `count`. */
export function monthsBefore(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count))
}
