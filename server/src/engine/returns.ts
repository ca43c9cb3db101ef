// The monthly return (月报) of one unit: its months, its states and the checks on its values.
// Pure: the API (schema/monthly-return.ts) reads and writes, this decides.
import { roundToUnit, unitOf, type LocalizedName, type MetricKind } from '@msp/plugin-sdk'
import { isoDate, lastDayOfMonth, type IsoDate } from './dates.ts'

export const returnStates = ['OPEN', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const
export type ReturnState = (typeof returnStates)[number]

/** What a user does to a return. CORRECT is a save to an approved return: it needs a reason. */
export type ReturnAction = 'SAVE' | 'CORRECT' | 'SUBMIT' | 'APPROVE' | 'REJECT'

export interface Refusal {
  code: 'BAD_INPUT' | 'INVALID_STATE'
  message: LocalizedName
}

const both = (zh: string, en: string): LocalizedName => ({ 'zh-CN': zh, en })

const stateWords: Record<ReturnState, LocalizedName> = {
  OPEN: both('填报中', 'open'),
  SUBMITTED: both('已报送待审核', 'submitted for approval'),
  APPROVED: both('已审核通过', 'approved'),
  REJECTED: both('已退回', 'rejected'),
}

/**
 * The state a return moves to, or why it may not. A clerk edits an open or rejected return and
 * submits it; a leader approves or rejects a submitted one; an approved return changes only by a
 * correction, which goes back for approval.
 */
export function transition(state: ReturnState, action: ReturnAction): ReturnState | Refusal {
  const refuse = (zh: string, en: string): Refusal => ({ code: 'INVALID_STATE', message: both(`该月报${stateWords[state]['zh-CN']}：${zh}`, `the return is ${stateWords[state].en}: ${en}`) })
  switch (action) {
    case 'SAVE':
      if (state === 'OPEN' || state === 'REJECTED') return 'OPEN'
      if (state === 'APPROVED') return refuse('修改已审核的数据须说明更正理由', 'changing approved figures is a correction and needs a reason')
      return refuse('待审核期间不能修改，请等待审核或请领导退回', 'it cannot change while it waits for approval; wait, or ask a leader to reject it')
    case 'CORRECT':
      if (state === 'APPROVED') return 'SUBMITTED'
      return transition(state, 'SAVE')
    case 'SUBMIT':
      if (state === 'OPEN' || state === 'REJECTED') return 'SUBMITTED'
      return refuse('无需再次报送', 'there is nothing to submit')
    case 'APPROVE':
      if (state === 'SUBMITTED') return 'APPROVED'
      return refuse('只有已报送的月报可以审核通过', 'only a submitted return can be approved')
    case 'REJECT':
      if (state === 'SUBMITTED') return 'REJECTED'
      return refuse('只有已报送的月报可以退回', 'only a submitted return can be rejected')
  }
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A month as `YYYY-MM` and its first and last days; undefined for anything else. */
export function monthSpan(month: string): { year: number; month: number; from: IsoDate; to: IsoDate } | undefined {
  const match = monthPattern.exec(month)
  if (!match) return undefined
  const year = Number(match[1])
  const m = Number(match[2])
  return { year, month: m, from: isoDate(year, m, 1), to: lastDayOfMonth(year, m) }
}

/** The month `offset` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, offset: number): string {
  const span = monthSpan(month)
  if (!span) throw new Error(`not a month: ${month.slice(0, 20)}`)
  const index = span.year * 12 + (span.month - 1) + offset
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The month a day falls in. */
export function monthOf(day: IsoDate): string {
  return day.slice(0, 7)
}

/** A month has figures only once it has begun. */
export function isFutureMonth(month: string, today: IsoDate): boolean {
  return month > monthOf(today)
}

/** When a month's return is due: day `dueDay` of the next month (the 5th unless set). */
export function dueOn(month: string, dueDay = 5): IsoDate {
  const next = monthSpan(addMonths(month, 1))!
  return isoDate(next.year, next.month, Math.min(dueDay, Number(lastDayOfMonth(next.year, next.month).slice(8))))
}

/** Late: not yet submitted, and the day it was due has passed. */
export function isLate(state: ReturnState, month: string, today: IsoDate, dueDay = 5): boolean {
  return (state === 'OPEN' || state === 'REJECTED') && today > dueOn(month, dueDay)
}

/** What the checks need to know of a metric. */
export interface CheckedMetric {
  key: string
  name: LocalizedName
  kind: MetricKind
  unit: string
}

export interface ValueProblem {
  metric: string
  message: LocalizedName
}

/**
 * Whether a value fits its metric's kind and unit: counts whole and not negative, money to the
 * fen, rates from 0 to 1, ranks whole from 1; the value as it is kept, or what is wrong.
 */
export function checkEnteredValue(metric: CheckedMetric, value: number): { value: number } | ValueProblem {
  const problem = (zh: string, en: string): ValueProblem => ({ metric: metric.key, message: both(`${metric.name['zh-CN']}：${zh}`, `${metric.name.en}: ${en}`) })
  const unit = unitOf(metric.unit)
  if (!Number.isFinite(value)) return problem('不是数字', 'not a number')
  if (metric.kind === 'RATE') {
    if (value < 0 || value > 1) return problem(`比率应在0到1之间（100%即1），不是${value}`, `a rate lies from 0 to 1 (100% is 1), not ${value}`)
    return { value }
  }
  if (metric.kind === 'RANK') {
    const rank = roundToUnit(value, 0)
    const most = unit?.max ?? 1000
    if (rank === undefined || rank < 1 || rank > most) return problem(`名次应为1到${most}的整数，不是${value}`, `a rank is a whole number from 1 to ${most}, not ${value}`)
    return { value: rank }
  }
  if (value < 0) return problem(`不能为负数（${value}）`, `cannot be negative (${value})`)
  if (!unit) return { value }
  if (value > unit.max) return problem(`${value}超过单个数据的上限${unit.max}`, `${value} is more than ${unit.max}, the most one figure may hold`)
  const kept = roundToUnit(value, unit.decimals)
  if (kept === undefined) {
    return unit.decimals === 0
      ? problem(`应为整数（${unit.zh}），不是${value}`, `must be a whole number of ${unit.en}, not ${value}`)
      : problem(`最多${unit.decimals}位小数，不是${value}`, `at most ${unit.decimals} decimals, not ${value}`)
  }
  return { value: kept }
}

/** A value at least this many times the unit's usual (or under its reciprocal) is questioned. */
export const outlierFactor = 3
/** Months of history the usual value is taken from, and the fewest that make one. */
export const outlierMonths = 12
export const outlierMinimumHistory = 3
/** Counts this close to the usual are never questioned, however small the usual: 0 against 1 is no slip. */
export const outlierMinimumDifference = 5

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * A warning when a value is more than three times, or under a third of, the median of the
 * unit's last twelve months: likely a typing slip, so submitting it needs a note. Not an error:
 * a month may really be unusual. Without three months of history, a usual of 0, or (for counts)
 * a difference under 5, no warning.
 */
export function outlierWarning(metric: CheckedMetric, value: number, history: readonly number[]): ValueProblem | undefined {
  const recent = history.slice(-outlierMonths)
  if (recent.length < outlierMinimumHistory) return undefined
  const usual = median(recent)
  if (usual <= 0) return undefined
  if (metric.kind !== 'RATE' && Math.abs(value - usual) < outlierMinimumDifference) return undefined
  const shown = Number(usual.toFixed(2))
  if (value > usual * outlierFactor) {
    return { metric: metric.key, message: both(`${metric.name['zh-CN']}：${value}超过近${recent.length}个月中位数${shown}的${outlierFactor}倍，请核实并说明`, `${metric.name.en}: ${value} is more than ${outlierFactor} times the median of the last ${recent.length} months (${shown}); check it and add a note`) }
  }
  if (value < usual / outlierFactor) {
    return { metric: metric.key, message: both(`${metric.name['zh-CN']}：${value}不足近${recent.length}个月中位数${shown}的三分之一，请核实并说明`, `${metric.name.en}: ${value} is under a third of the median of the last ${recent.length} months (${shown}); check it and add a note`) }
  }
  return undefined
}

/** One value of a return as entered: a number, or "not applicable" with a note. */
export interface EnteredValue {
  metric: string
  value: number | null
  notApplicable: boolean
  note: string | null
}

/** The longest note kept with a value. */
export const maxReturnNoteLength = 500

/** Errors in one entered value on its own (its rules across metrics are checked apart). */
export function entryProblems(metric: CheckedMetric, entry: EnteredValue): ValueProblem[] {
  const problem = (zh: string, en: string): ValueProblem => ({ metric: metric.key, message: both(`${metric.name['zh-CN']}：${zh}`, `${metric.name.en}: ${en}`) })
  if (entry.note !== null && entry.note.length > maxReturnNoteLength) return [problem(`说明最多${maxReturnNoteLength}字`, `a note holds at most ${maxReturnNoteLength} characters`)]
  if (entry.notApplicable) {
    if (entry.value !== null) return [problem('已标为“不适用”，不应再填数值', 'marked not applicable, so it takes no value')]
    if (!entry.note?.trim()) return [problem('标为“不适用”须说明原因', 'not applicable needs a note saying why')]
    return []
  }
  if (entry.value === null) return []
  const checked = checkEnteredValue(metric, entry.value)
  return 'message' in checked ? [checked] : []
}
