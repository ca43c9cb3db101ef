// A unit's return for a month as its clerk and its approver see it: state, version, each
// expected value beside last month's and the same month last year's, and its warnings.
import type { Db, DbTx } from '@msp/db'
import { addMonths, dueOn, isLate, outlierMonths, outlierWarning, type ReturnState, type ValueProblem } from '../engine/index.ts'
import type { RegisteredMetric, Registry } from '../registry.ts'
import { monthlyValues, monthsBefore, returnDueDay, returnMetrics, valuesIn, type MonthlyValues } from './return-metrics.ts'

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
  /** The first day of the supported range (MSP_PERIOD_FROM): no return before its month. */
  earliest?: string
}

export async function readReturn(db: Db | DbTx, registry: Registry, unit: ReturnUnit, month: string, settings: ReturnSettings): Promise<ReturnView> {
  return (await readReturns(db, registry, [{ unit, month }], settings))[0]!
}

/**
 * Several returns in a handful of reads, whatever their number: the approval queue's. Each
 * unit's earlier months are read once, over the months all its returns need.
 */
export async function readReturns(db: Db | DbTx, registry: Registry, wanted: readonly { unit: ReturnUnit; month: string }[], settings: ReturnSettings): Promise<ReturnView[]> {
  if (wanted.length === 0) return []
  const months = [...new Set(wanted.map((w) => w.month))].sort()
  const [stored, locks] = await Promise.all([
    db.monthlyReturn.findMany({
      where: { OR: wanted.map((w) => ({ orgUnitId: w.unit.id, month: w.month })) },
      include: { entries: true },
    }),
    db.monthLock.findMany({ where: { month: { in: months } }, select: { month: true } }),
  ])
  const byCell = new Map(stored.map((r) => [`${r.orgUnitId}|${r.month}`, r]))
  const locked = new Set(locks.map((l) => l.month))
  const kinds = [...new Set(wanted.map((w) => w.unit.kind))]
  const metricsOf = new Map(kinds.map((kind) => [kind, returnMetrics(registry, kind)]))
  const allMetrics = [...new Set(kinds.flatMap((kind) => metricsOf.get(kind)!))]
  const history = await monthlyValues(db, [...new Set(wanted.map((w) => w.unit.id))], allMetrics, addMonths(months[0]!, -outlierMonths), addMonths(months.at(-1)!, -1))
  return wanted.map(({ unit, month }) => {
    const metrics = metricsOf.get(unit.kind)!
    return viewOf(unit, month, metrics, byCell.get(`${unit.id}|${month}`), locked.has(month), history.get(unit.id)!, returnDueDay(registry, metrics, settings.dueDay), settings.today)
  })
}

type StoredReturn = Awaited<ReturnType<Db['monthlyReturn']['findMany']>>[number] & { entries: { metricKey: string; value: number | null; notApplicable: boolean; note: string | null }[] }

function viewOf(unit: ReturnUnit, month: string, metrics: readonly RegisteredMetric[], stored: StoredReturn | undefined, locked: boolean, history: MonthlyValues, dueDay: number, today: string): ReturnView {
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
    late: isLate(state, month, today, dueDay),
    locked,
    values: metrics.map((metric) => {
      const entry = entries.get(metric.key)
      const byMonth = history.get(metric.key)
      const past = valuesIn(byMonth, earlier)
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
