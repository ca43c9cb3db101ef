// A unit's return for a month as its clerk and its approver see it: state, version, each
// expected value beside last month's and the same month last year's, and its warnings.
import type { Db, DbTx } from '@msp/db'
import { addMonths, dueOn, isLate, outlierMonths, outlierWarning, type ReturnState, type ValueProblem } from '../engine/index.ts'
import type { RegisteredMetric, Registry } from '../registry.ts'
import { monthlyValues, monthsBefore, returnDueDay, returnMetrics } from './return-metrics.ts'

export interface ReturnUnit {
  id: number
  key: string
  kind: string
}

export interface ReturnValueView {
  metric: RegisteredMetric
  value: number | null
  notApplicable: boolean
  note: string | null
  lastMonth: number | null
  sameMonthLastYear: number | null
  /** Outliers against the unit's last 12 months: submitting needs a note on each. */
  warnings: ValueProblem[]
}

export interface ReturnView {
  id: number | null
  unit: ReturnUnit
  month: string
  state: ReturnState
  /** 0 for a return never saved. */
  version: number
  rejectedReason: string | null
  submittedBy: string | null
  submittedAt: Date | null
  approvedBy: string | null
  approvedAt: Date | null
  updatedAt: Date | null
  dueOn: string
  late: boolean
  locked: boolean
  values: ReturnValueView[]
}

export interface ReturnSettings {
  /** The installation's day of the next month a return is due, for areas that set none. */
  dueDay: number
  today: string
}

export async function readReturn(db: Db | DbTx, registry: Registry, unit: ReturnUnit, month: string, settings: ReturnSettings): Promise<ReturnView> {
  const stored = await db.monthlyReturn.findUnique({ where: { orgUnitId_month: { orgUnitId: unit.id, month } }, include: { entries: true } })
  const locked = (await db.monthLock.findUnique({ where: { month } })) !== null
  const metrics = returnMetrics(registry, unit.kind)
  const dueDay = returnDueDay(registry, metrics, settings.dueDay)
  const history = await monthlyValues(db, unit.id, metrics, addMonths(month, -outlierMonths), addMonths(month, -1))
  const entries = new Map(stored?.entries.map((e) => [e.metricKey, e]))
  const earlier = monthsBefore(month, outlierMonths)
  const state = (stored?.state ?? 'OPEN') as ReturnState
  return {
    id: stored?.id ?? null,
    unit,
    month,
    state,
    version: stored?.version ?? 0,
    rejectedReason: stored?.rejectedReason ?? null,
    submittedBy: stored?.submittedBy ?? null,
    submittedAt: stored?.submittedAt ?? null,
    approvedBy: stored?.approvedBy ?? null,
    approvedAt: stored?.approvedAt ?? null,
    updatedAt: stored?.updatedAt ?? null,
    dueOn: dueOn(month, dueDay),
    late: isLate(state, month, settings.today, dueDay),
    locked,
    values: metrics.map((metric) => {
      const entry = entries.get(metric.key)
      const byMonth = history.get(metric.key)
      const past = earlier.flatMap((m) => (byMonth?.has(m) ? [byMonth.get(m)!] : []))
      const value = entry?.value ?? null
      const warning = value === null ? undefined : outlierWarning(metric, value, past)
      return {
        metric,
        value,
        notApplicable: entry?.notApplicable ?? false,
        note: entry?.note ?? null,
        lastMonth: byMonth?.get(addMonths(month, -1)) ?? null,
        sameMonthLastYear: byMonth?.get(addMonths(month, -12)) ?? null,
        warnings: warning ? [warning] : [],
      }
    }),
  }
}
