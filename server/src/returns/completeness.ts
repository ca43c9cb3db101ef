// Who has entered what: for every unit that enters figures and every month of a span that has
// begun, how many values its return expects and holds, its state, and whether it is late.
import type { Db } from '@msp/db'
import { addMonths, dueOn, isLate, monthOf, type ReturnState } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import type { ReturnSettings, ReturnUnit } from './read-return.ts'
import { returnDueDay, returnMetrics } from './return-metrics.ts'

export interface CompletenessCell {
  unit: ReturnUnit
  month: string
  state: ReturnState
  /** Whether the return was ever saved: OPEN with nothing stored is a return not begun. */
  saved: boolean
  expected: number
  entered: number
  dueOn: string
  late: boolean
  locked: boolean
}

/** The months from the one `from` falls in to the one `to` falls in, none after today's. */
export function monthsOfSpan(from: string, to: string, today: string): string[] {
  const last = monthOf(to < today ? to : today)
  const months: string[] = []
  for (let month = monthOf(from); month <= last && months.length < 1200; month = addMonths(month, 1)) months.push(month)
  return months
}

export async function completeness(db: Db, registry: Registry, units: readonly ReturnUnit[], months: readonly string[], settings: ReturnSettings): Promise<CompletenessCell[]> {
  const entering = units
    .map((unit) => {
      const metrics = returnMetrics(registry, unit.kind)
      return { unit, expected: metrics.length, dueDay: returnDueDay(registry, metrics, settings.dueDay) }
    })
    .filter((u) => u.expected > 0)
  if (entering.length === 0 || months.length === 0) return []
  const [returns, locks] = await Promise.all([
    db.monthlyReturn.findMany({
      where: { orgUnitId: { in: entering.map((u) => u.unit.id) }, month: { in: [...months] } },
      select: { orgUnitId: true, month: true, state: true, entries: { select: { value: true, notApplicable: true } } },
    }),
    db.monthLock.findMany({ where: { month: { in: [...months] } }, select: { month: true } }),
  ])
  const locked = new Set(locks.map((l) => l.month))
  const byCell = new Map(returns.map((r) => [`${r.orgUnitId}|${r.month}`, r]))
  return entering.flatMap(({ unit, expected, dueDay }) =>
    months.map((month) => {
      const stored = byCell.get(`${unit.id}|${month}`)
      const state = (stored?.state ?? 'OPEN') as ReturnState
      return {
        unit,
        month,
        state,
        saved: stored !== undefined,
        expected,
        entered: stored?.entries.filter((e) => e.value !== null || e.notApplicable).length ?? 0,
        dueOn: dueOn(month, dueDay),
        late: isLate(state, month, settings.today, dueDay),
        locked: locked.has(month),
      }
    }),
  )
}

/** The first month every unit owes a return: the installation's setting, else the month of the first return saved; null before any. */
export async function firstOwedMonth(db: Db, returnsFrom: string | null): Promise<string | null> {
  return returnsFrom ?? (await db.monthlyReturn.findFirst({ orderBy: { month: 'asc' }, select: { month: true } }))?.month ?? null
}

export interface ReturnsCoverage {
  /** The first month counted: the later of the span's and the first month returns are owed. */
  from: string
  to: string
  /** Unit-months owed: every unit that enters figures, every month counted. */
  expected: number
  approved: number
  /** Submitted and waiting for a leader. */
  submitted: number
  /** Being entered, or sent back. */
  open: number
  /** Never saved. */
  missing: number
  late: number
}

/**
 * How far a span's figures stand on approved returns: over the months from `returnsFrom` (or
 * the first return ever saved) that the span covers and that have begun. Null when no month is
 * owed (the span ends before returns began, or none was ever saved and no start is set).
 */
export async function returnsCoverage(db: Db, registry: Registry, units: readonly ReturnUnit[], span: { start: string; end: string }, returnsFrom: string | null, settings: ReturnSettings): Promise<ReturnsCoverage | null> {
  const first = await firstOwedMonth(db, returnsFrom)
  if (!first) return null
  const start = monthOf(span.start) < first ? `${first}-01` : span.start
  if (start > span.end) return null
  const months = monthsOfSpan(start, span.end, settings.today)
  const cells = await completeness(db, registry, units, months, settings)
  if (cells.length === 0) return null
  const count = (test: (c: CompletenessCell) => boolean) => cells.filter(test).length
  return {
    from: months[0]!,
    to: months.at(-1)!,
    expected: cells.length,
    approved: count((c) => c.state === 'APPROVED'),
    submitted: count((c) => c.state === 'SUBMITTED'),
    open: count((c) => (c.state === 'OPEN' || c.state === 'REJECTED') && c.saved),
    missing: count((c) => !c.saved),
    late: count((c) => c.late),
  }
}
