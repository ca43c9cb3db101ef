// Targets a leader sets for a year (issue 10): each with a reason, each change kept with who,
// when, the value before and why. A plugin's default (SAMPLE) is replaced by the leader's and
// never comes back over it (seed.ts, syncPluginTargets). All rows or none.
import { writeTransaction, type Database } from '@msp/db'
import { checkEnteredValue, OrgTree, type ValueProblem } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import { both, ReturnError } from '../returns/return-metrics.ts'
import { maxReasonLength } from '../returns/write-return.ts'
import { addsUp } from './target-sheet.ts'

export interface TargetRow {
  metric: string
  /** An org unit key; null for the district. */
  orgUnit: string | null
  value: number
  reason: string
}

export interface SetTarget {
  id: number
  metricKey: string
  orgUnitKey: string | null
  year: number
  value: number
}

/** The most rows one call may set: a year's metrics × units with room to spare. */
export const maxTargetRows = 5000

export async function setTargets(database: Database, registry: Registry, year: number, rows: readonly TargetRow[], by: string, range: { start: string; end: string }): Promise<SetTarget[]> {
  if (!Number.isInteger(year) || `${year}-12-31` < range.start || `${year}-01-01` > range.end) {
    throw new ReturnError('BAD_INPUT', both(`年份${year}不在支持的范围内（${range.start.slice(0, 4)}–${range.end.slice(0, 4)}）`, `year ${year} is outside the supported range ${range.start.slice(0, 4)}–${range.end.slice(0, 4)}`))
  }
  if (rows.length === 0 || rows.length > maxTargetRows) throw new ReturnError('BAD_INPUT', both(`一次设定1到${maxTargetRows}个目标`, `set 1 to ${maxTargetRows} targets at once`))
  const units = await database.db.orgUnit.findMany({ select: { id: true, key: true, parentId: true, kind: true } })
  const unitIds = new Map(units.map((u) => [u.key, u.id]))
  // The kinds of unit at or below each unit: a target goes only where the metric is measured.
  const keyOf = new Map(units.map((u) => [u.id, u.key]))
  const kindOf = new Map(units.map((u) => [u.key, u.kind]))
  const tree = new OrgTree(units.map((u) => ({ key: u.key, parentKey: u.parentId === null ? null : keyOf.get(u.parentId)! })))
  const measuredBelow = new Map(units.map((u) => [u.id, new Set(tree.subtree(u.key).map((k) => kindOf.get(k)))]))
  const problems: ValueProblem[] = []
  const seen = new Set<string>()
  const checked: (TargetRow & { orgUnitId: number | null })[] = []
  const root = units.find((u) => u.parentId === null)?.key
  for (const row of rows) {
    const metric = registry.metrics.get(row.metric)
    const at = row.metric.slice(0, 80)
    if (!metric) {
      problems.push({ metric: at, message: both(`没有指标${at}`, `no metric ${at}`) })
      continue
    }
    const unitKey = row.orgUnit === root ? null : row.orgUnit
    const orgUnitId = unitKey === null ? null : unitIds.get(unitKey)
    if (orgUnitId === undefined) {
      problems.push({ metric: metric.key, message: both(`没有单位${String(row.orgUnit).slice(0, 40)}`, `no org unit ${String(row.orgUnit).slice(0, 40)}`) })
      continue
    }
    const key = `${metric.key}|${orgUnitId}`
    if (seen.has(key)) problems.push({ metric: metric.key, message: both(`${metric.name['zh-CN']}：同一单位的目标给了两次`, `${metric.name.en}: the same unit's target is given twice`) })
    seen.add(key)
    if (orgUnitId !== null && metric.kind === 'RANK') {
      problems.push({ metric: metric.key, message: both(`${metric.name['zh-CN']}：名次是全区的，不给单位设目标`, `${metric.name.en}: a rank is the whole bureau's; units take no target for it`) })
    } else if (orgUnitId !== null && !measuredBelow.get(orgUnitId)?.has(metric.enteredBy)) {
      const by = metric.enteredBy === 'OFFICE' ? both('机关科室', 'the offices') : both('基层所', 'the stations')
      problems.push({ metric: metric.key, message: both(`${metric.name['zh-CN']}：${row.orgUnit}不填报此指标（由${by['zh-CN']}填报），不能设目标`, `${metric.name.en}: ${row.orgUnit} does not measure it (${by.en} do), so it takes no target`) })
    }
    const value = checkEnteredValue(metric, row.value)
    if ('message' in value) problems.push(value)
    else if (metric.targetRule === 'ZERO_TOLERANCE' && value.value !== 0) {
      problems.push({ metric: metric.key, message: both(`${metric.name['zh-CN']}：零容忍指标的目标只能是0`, `${metric.name.en}: a zero-tolerance target is 0`) })
    }
    const reason = row.reason.trim()
    if (!reason || reason.length > maxReasonLength) {
      problems.push({ metric: metric.key, message: both(`${metric.name['zh-CN']}：目标须说明理由（最多${maxReasonLength}字）`, `${metric.name.en}: a target needs a reason (at most ${maxReasonLength} characters)`) })
    }
    if ('value' in value) checked.push({ ...row, value: value.value, reason, orgUnitId })
  }
  if (problems.length) throw new ReturnError('BAD_INPUT', both(`有${problems.length}处需要更正，未设定任何目标`, `${problems.length} ${problems.length === 1 ? 'target needs' : 'targets need'} correcting; none was set`), problems)

  const periodStart = `${year}-01-01`
  const periodEnd = `${year}-12-31`
  return writeTransaction(database, async (tx) => {
    const set: SetTarget[] = []
    for (const row of checked) {
      const where = { metricKey: row.metric, orgUnitId: row.orgUnitId, periodStart, periodEnd }
      const stored = await tx.target.findMany({ where, orderBy: { id: 'asc' } })
      const own = stored.find((t) => t.source !== 'SAMPLE') ?? stored[0]
      let id: number
      if (!own) {
        id = (await tx.target.create({ data: { ...where, value: row.value, source: 'ENTERED', reason: row.reason, createdBy: by } })).id
        await tx.targetRevision.create({ data: { targetId: id, action: 'CREATE', value: row.value, reason: row.reason, changedBy: by } })
      } else {
        id = own.id
        if (own.value !== row.value || own.source !== 'ENTERED' || own.reason !== row.reason) {
          await tx.target.update({ where: { id }, data: { value: row.value, source: 'ENTERED', reason: row.reason, createdBy: by } })
          await tx.targetRevision.create({ data: { targetId: id, action: 'UPDATE', value: row.value, previousValue: own.value, reason: row.reason, changedBy: by } })
        }
        // A second row for the same cell (a default beside an entered one) goes: one target a cell.
        for (const extra of stored) if (extra.id !== id) await tx.target.delete({ where: { id: extra.id } })
      }
      set.push({ id, metricKey: row.metric, orgUnitKey: row.orgUnitId === null ? null : keyOf.get(row.orgUnitId)!, year, value: row.value })
    }
    return set
  })
}

/**
 * Where a district target of a count is split over units that do not add up to it: the
 * district's value, the units' sum and how many units have one. Only where units have targets.
 */
export async function splitMismatches(database: Database, registry: Registry, year: number, metricKeys: readonly string[]) {
  // The metrics the target editor sums too: counts and money aimed at "at least".
  const counted = metricKeys.filter((k) => registry.metrics.has(k) && addsUp(registry.metrics.get(k)!))
  if (counted.length === 0) return []
  const targets = await database.db.target.findMany({ where: { metricKey: { in: counted }, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` } })
  return counted.flatMap((key) => {
    const district = targets.find((t) => t.metricKey === key && t.orgUnitId === null)
    const parts = targets.filter((t) => t.metricKey === key && t.orgUnitId !== null)
    if (!district || parts.length === 0) return []
    const sum = parts.reduce((s, t) => s + t.value, 0)
    return Math.abs(sum - district.value) < 1e-9 ? [] : [{ metricKey: key, district: district.value, units: sum, unitCount: parts.length }]
  })
}
