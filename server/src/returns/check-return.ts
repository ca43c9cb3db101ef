// What saving values would say, without saving them: the clerk's screen asks as they type, so
// errors and the warnings that will need a note show before the save, from the same checks.
import type { Db } from '@msp/db'
import { addMonths, isRefusal, outlierMonths, outlierWarning, transition, type EnteredValue, type ValueProblem } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import type { ReturnSettings, ReturnUnit } from './read-return.ts'
import { monthlyValues, monthsBefore, ReturnError, returnMetrics, valuesIn } from './return-metrics.ts'
import { ruleProblems } from './return-rules.ts'
import { checkMonth, lockedError, parseEntries, valuesAfter } from './write-return.ts'

export interface ReturnCheck {
  /** What a save of these values would refuse. */
  errors: ValueProblem[]
  /** Values far from the unit's usual: a note each before submitting. */
  warnings: ValueProblem[]
}

/** Checks values as a save would, against the return as stored, and writes nothing. */
export async function checkReturn(db: Db, registry: Registry, unit: ReturnUnit, month: string, values: readonly EnteredValue[], settings: ReturnSettings): Promise<ReturnCheck> {
  checkMonth(month, settings.today, settings.earliest)
  const { given, problems } = parseEntries(registry, unit, values)
  const metrics = returnMetrics(registry, unit.kind)
  const [stored, history, lock] = await Promise.all([
    db.monthlyReturn.findUnique({ where: { orgUnitId_month: { orgUnitId: unit.id, month } }, select: { state: true, entries: { select: { metricKey: true, value: true } } } }),
    monthlyValues(db, [unit.id], metrics, addMonths(month, -outlierMonths), addMonths(month, -1)),
    db.monthLock.findUnique({ where: { month } }),
  ])
  // Refused as the save would be: a locked month, a return waiting for approval.
  if (lock) throw lockedError(month)
  if (stored?.state === 'SUBMITTED') {
    const refusal = transition('SUBMITTED', 'SAVE')
    if (isRefusal(refusal)) throw new ReturnError(refusal.code, refusal.message)
  }
  const after = valuesAfter(stored?.entries ?? [], given)
  // A rule across metrics is checked once each value it names is valid on its own.
  const errors = [...problems, ...ruleProblems(registry, after).filter((p) => !problems.some((q) => q.metric === p.metric))]
  const earlier = monthsBefore(month, outlierMonths)
  const past = history.get(unit.id)!
  const warnings = metrics.flatMap((metric) => {
    const value = after.get(metric.key)
    if (value === undefined) return []
    const byMonth = past.get(metric.key)
    const warning = outlierWarning(metric, value, valuesIn(byMonth, earlier))
    return warning ? [warning] : []
  })
  return { errors, warnings }
}
