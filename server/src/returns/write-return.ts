// Writes to a monthly return: save (or correct), submit, approve, reject. Each runs in one
// write transaction that first checks the month is open and the caller's version is the
// stored one; anything wrong refuses the whole write with what to fix, and nothing is written.
import { writeTransaction, type Database, type DbTx } from '@msp/db'
import { entryProblems, checkEnteredValue, isFutureMonth, isRefusal, monthSpan, transition, type EnteredValue, type ReturnAction, type ReturnState, type ValueProblem } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import { readReturn, type ReturnSettings, type ReturnUnit, type ReturnView } from './read-return.ts'
import { both, figureSpan, ReturnError, returnMetrics } from './return-metrics.ts'
import { ruleProblems } from './return-rules.ts'

/** The longest reason kept for a correction, a rejection or an unlock. */
export const maxReasonLength = 500

/**
 * A month as YYYY-MM that has begun and lies within the supported range (from `earliest`, the
 * first day of MSP_PERIOD_FROM), or the error saying what is wrong with it. A return of 1999
 * would make every month since owed.
 */
export function checkMonth(month: string, today: string, earliest?: string): void {
  if (!monthSpan(month)) throw new ReturnError('BAD_INPUT', both(`月份应写作YYYY-MM，如2024-03，而不是“${month.slice(0, 20)}”`, `month: write it as YYYY-MM, e.g. 2024-03, not '${month.slice(0, 20)}'`))
  if (isFutureMonth(month, today)) throw new ReturnError('FUTURE_PERIOD', both(`${month}尚未开始，不能填报`, `${month} has not begun: it has no figures yet`))
  const first = earliest?.slice(0, 7)
  if (first && month < first) throw new ReturnError('BAD_PERIOD', both(`${month}早于本系统支持的起始月份${first}`, `${month} is before ${first}, the first month this installation supports (MSP_PERIOD_FROM)`))
}

export const lockedError = (month: string) =>
  new ReturnError('PERIOD_LOCKED', both(`${month}已锁定，不能再修改；如需更正请管理员解锁`, `${month} is locked: no return of it changes; ask an administrator to unlock it`))

export function checkReason(reason: string | null | undefined, what: { zh: string; en: string }): string {
  const text = reason?.trim() ?? ''
  if (!text) throw new ReturnError('BAD_INPUT', both(`${what.zh}须说明理由`, `${what.en} needs a reason`))
  if (text.length > maxReasonLength) throw new ReturnError('BAD_INPUT', both(`理由最多${maxReasonLength}字`, `a reason holds at most ${maxReasonLength} characters`))
  return text
}

interface Write {
  database: Database
  registry: Registry
  unit: ReturnUnit
  month: string
  version: number
  by: string
  settings: ReturnSettings
}

/** Opens the transaction every write shares: the month unlocked, the version current. */
async function inReturn(write: Write, fn: (tx: DbTx, current: Awaited<ReturnType<typeof load>>) => Promise<void>): Promise<ReturnView> {
  checkMonth(write.month, write.settings.today, write.settings.earliest)
  await writeTransaction(write.database, async (tx) => {
    if (await tx.monthLock.findUnique({ where: { month: write.month } })) throw lockedError(write.month)
    const current = await load(tx, write)
    const version = current?.version ?? 0
    if (version !== write.version) {
      throw new ReturnError('CONFLICT', both(
        `该月报已被他人修改（现为第${version}版，您的是第${write.version}版），请刷新后重新填写`,
        `someone else changed this return meanwhile (it is now version ${version}, yours was ${write.version}): reload it and enter your changes again`,
      ))
    }
    await fn(tx, current)
  }, { timeoutMs: 60_000 })
  // Read once committed, not under the write lock: thirteen clerks share that lock.
  return readReturn(write.database.db, write.registry, write.unit, write.month, write.settings)
}

function load(tx: DbTx, write: Pick<Write, 'unit' | 'month'>) {
  return tx.monthlyReturn.findUnique({ where: { orgUnitId_month: { orgUnitId: write.unit.id, month: write.month } }, include: { entries: true } })
}

function move(state: ReturnState, action: ReturnAction): ReturnState {
  const next = transition(state, action)
  if (isRefusal(next)) throw new ReturnError(next.code, next.message)
  return next
}

const refuse = (problems: ValueProblem[]): never => {
  throw new ReturnError('BAD_INPUT', both(`有${problems.length}处需要更正，未保存任何内容`, `${problems.length} ${problems.length === 1 ? 'value needs' : 'values need'} correcting; nothing was saved`), problems)
}

/**
 * The values given for a return, each checked on its own (a metric of the unit, once, of its
 * kind and unit), as they would be stored; and what is wrong with those that are not.
 */
export function parseEntries(registry: Registry, unit: ReturnUnit, values: readonly EnteredValue[]): { given: EnteredValue[]; problems: ValueProblem[] } {
  const metrics = new Map(returnMetrics(registry, unit.kind).map((m) => [m.key, m]))
  const problems: ValueProblem[] = []
  const seen = new Set<string>()
  const given: EnteredValue[] = []
  for (const entry of values) {
    const metric = metrics.get(entry.metric)
    const name = entry.metric.slice(0, 80)
    if (!metric) {
      problems.push({ metric: name, message: both(`${name}不是本单位月报的指标`, `${name} is not a metric this unit enters monthly`) })
    } else if (seen.has(entry.metric)) {
      problems.push({ metric: name, message: both(`${metric.name['zh-CN']}填了两次`, `${metric.name.en} is given twice`) })
    } else {
      const found = entryProblems(metric, entry)
      problems.push(...found)
      if (found.length === 0) {
        const checked = entry.value === null ? null : checkEnteredValue(metric, entry.value)
        given.push({ ...entry, value: checked && 'value' in checked ? checked.value : null, note: entry.note?.trim() || null })
      }
    }
    seen.add(entry.metric)
  }
  return { given, problems }
}

/** A return's values as they would stand once `given` replaced the stored ones: emptied ones gone. */
export function valuesAfter(stored: readonly { metricKey: string; value: number | null }[], given: readonly EnteredValue[]): Map<string, number> {
  const after = new Map<string, number>()
  for (const entry of stored) if (entry.value !== null) after.set(entry.metricKey, entry.value)
  for (const entry of given) entry.value === null ? after.delete(entry.metric) : after.set(entry.metric, entry.value)
  return after
}

/**
 * Saves values of a return: those given replace the stored ones, the others stay. An approved
 * return changes only by a correction, with a reason; it then waits for approval again.
 */
export async function saveReturn(write: Write & { values: readonly EnteredValue[]; reason?: string | null }): Promise<ReturnView> {
  const { given, problems } = parseEntries(write.registry, write.unit, write.values)
  if (problems.length) refuse(problems)

  return inReturn(write, async (tx, current) => {
    const state = (current?.state ?? 'OPEN') as ReturnState
    const correcting = state === 'APPROVED' && write.reason !== undefined && write.reason !== null
    const reason = correcting ? checkReason(write.reason, { zh: '更正已审核的数据', en: 'correcting approved figures' }) : null
    const action: ReturnAction = correcting ? 'CORRECT' : 'SAVE'
    const next = move(state, action)
    const stored = new Map(current?.entries.map((e) => [e.metricKey, e]))
    const changed = given.filter((e) => {
      const before = stored.get(e.metric)
      return !before ? e.value !== null || e.notApplicable || e.note !== null : before.value !== e.value || before.notApplicable !== e.notApplicable || before.note !== e.note
    })
    // The values as they would be after this save, checked against each other.
    const broken = ruleProblems(write.registry, valuesAfter(current?.entries ?? [], given))
    if (broken.length) refuse(broken)
    if (changed.length === 0 && current) return

    const saved = current
      ? await tx.monthlyReturn.update({ where: { id: current.id }, data: { state: next, version: { increment: 1 } } })
      : await tx.monthlyReturn.create({ data: { orgUnitId: write.unit.id, month: write.month, state: next, version: 1 } })
    // Three statements however many values changed: 13 clerks saving whole returns at once
    // wait on one write lock, so each save holds it briefly.
    await tx.returnEntry.deleteMany({ where: { returnId: saved.id, metricKey: { in: changed.map((e) => e.metric) } } })
    await tx.returnEntry.createMany({
      data: changed.map((e) => ({ returnId: saved.id, metricKey: e.metric, value: e.value, notApplicable: e.notApplicable, note: e.note, updatedBy: write.by })),
    })
    await tx.returnRevision.createMany({
      data: changed.map((e) => ({ returnId: saved.id, action, metricKey: e.metric, value: e.value, previousValue: stored.get(e.metric)?.value ?? null, reason: reason ?? e.note, changedBy: write.by })),
    })
    // A correction goes straight back for approval: it must be as complete as a submission.
    if (action === 'CORRECT') {
      await checkSubmission(tx, write)
      await tx.monthlyReturn.update({ where: { id: saved.id }, data: { submittedBy: write.by, submittedAt: new Date() } })
    }
  })
}

/** Refuses a return that is not ready for approval, saying what each value lacks. */
async function checkSubmission(tx: DbTx, write: Write): Promise<void> {
  const view = await readReturn(tx, write.registry, write.unit, write.month, write.settings)
  const problems: ValueProblem[] = []
  for (const v of view.values) {
    if (v.value === null && !v.notApplicable) {
      problems.push({ metric: v.metric.key, message: both(`${v.metric.name['zh-CN']}：未填写；如本月不适用，请标为“不适用”并说明`, `${v.metric.name.en}: not entered; if it does not apply this month, mark it not applicable with a note`) })
    }
    if (v.warnings.length && !v.note) problems.push(...v.warnings)
  }
  problems.push(...ruleProblems(write.registry, new Map(view.values.flatMap((v) => (v.value === null ? [] : [[v.metric.key, v.value] as const])))))
  if (problems.length) {
    throw new ReturnError('BAD_INPUT', both(`有${problems.length}处需要处理后才能报送`, `${problems.length} ${problems.length === 1 ? 'value needs' : 'values need'} attention before the return can be submitted`), problems)
  }
}

/** Sends a return for approval: every value entered or marked not applicable, every outlier explained. */
export async function submitReturn(write: Write): Promise<ReturnView> {
  return inReturn(write, async (tx, current) => {
    const next = move((current?.state ?? 'OPEN') as ReturnState, 'SUBMIT')
    await checkSubmission(tx, write)
    await tx.monthlyReturn.update({ where: { id: current!.id }, data: { state: next, version: { increment: 1 }, submittedBy: write.by, submittedAt: new Date(), rejectedReason: null } })
    await tx.returnRevision.create({ data: { returnId: current!.id, action: 'SUBMIT', changedBy: write.by } })
  })
}

/**
 * Approves a submitted return: its values become the unit's figures for the month (ENTERED),
 * replacing sample figures; "not applicable" removes one. A figure from the report is never
 * overwritten. Every figure changed leaves its revision.
 */
export async function approveReturn(write: Write): Promise<ReturnView> {
  return inReturn(write, async (tx, current) => {
    const next = move((current?.state ?? 'OPEN') as ReturnState, 'APPROVE')
    const entries = new Map(current!.entries.map((e) => [e.metricKey, e]))
    const broken = ruleProblems(write.registry, new Map(current!.entries.flatMap((e) => (e.value === null ? [] : [[e.metricKey, e.value] as const]))))
    if (broken.length) refuse(broken)
    // Each figure's reason is the approval's, with why the value is what it is: the correction's
    // reason since the last approval, else the clerk's note on it.
    const lastApproval = await tx.returnRevision.findFirst({ where: { returnId: current!.id, action: 'APPROVE' }, orderBy: { id: 'desc' }, select: { id: true } })
    const corrections = await tx.returnRevision.findMany({ where: { returnId: current!.id, action: 'CORRECT', id: { gt: lastApproval?.id ?? 0 } }, orderBy: { id: 'asc' } })
    const corrected = new Map(corrections.map((c) => [c.metricKey, c.reason]))
    const reasonFor = (metricKey: string, note: string | null) => {
      const why = corrected.get(metricKey) ?? note
      return (why ? `approved return ${write.month}: ${why}` : `approved return ${write.month}`).slice(0, maxReasonLength)
    }
    for (const metric of returnMetrics(write.registry, write.unit.kind)) {
      const entry = entries.get(metric.key)
      if (!entry) continue
      const span = figureSpan(write.month)
      const where = { metricKey_orgUnitId_periodStart_periodEnd: { metricKey: metric.key, orgUnitId: write.unit.id, ...span } }
      const existing = await tx.figure.findUnique({ where })
      if (existing?.source === 'REPORT') continue
      const cell = { metricKey: metric.key, orgUnitId: write.unit.id, ...span }
      const before = { previousValue: existing?.value ?? null, previousSource: existing?.source ?? null, previousNote: existing?.note ?? null }
      if (entry.notApplicable) {
        if (!existing) continue
        await tx.figureRevision.create({ data: { ...cell, ...before, figureId: existing.id, action: 'DELETE', reason: `approved return ${write.month}: not applicable (${entry.note ?? ''})`.slice(0, maxReasonLength), changedBy: write.by } })
        await tx.figure.delete({ where: { id: existing.id } })
        continue
      }
      if (entry.value === null) continue
      if (existing && existing.value === entry.value && existing.source === 'ENTERED' && existing.note === entry.note) continue
      const figure = existing
        ? await tx.figure.update({ where: { id: existing.id }, data: { value: entry.value, source: 'ENTERED', note: entry.note, createdBy: entry.updatedBy } })
        : await tx.figure.create({ data: { ...cell, value: entry.value, source: 'ENTERED', note: entry.note, createdBy: entry.updatedBy } })
      await tx.figureRevision.create({
        data: { ...cell, ...before, figureId: figure.id, action: existing ? 'UPDATE' : 'CREATE', value: entry.value, source: 'ENTERED', note: entry.note, reason: reasonFor(metric.key, entry.note), changedBy: write.by },
      })
    }
    await tx.monthlyReturn.update({ where: { id: current!.id }, data: { state: next, version: { increment: 1 }, approvedBy: write.by, approvedAt: new Date() } })
    await tx.returnRevision.create({ data: { returnId: current!.id, action: 'APPROVE', changedBy: write.by } })
  })
}

/** Sends a submitted return back to its clerk with a reason; it can be edited again. */
export async function rejectReturn(write: Write & { reason: string }): Promise<ReturnView> {
  const reason = checkReason(write.reason, { zh: '退回', en: 'rejecting a return' })
  return inReturn(write, async (tx, current) => {
    const next = move((current?.state ?? 'OPEN') as ReturnState, 'REJECT')
    await tx.monthlyReturn.update({ where: { id: current!.id }, data: { state: next, version: { increment: 1 }, rejectedReason: reason } })
    await tx.returnRevision.create({ data: { returnId: current!.id, action: 'REJECT', reason, changedBy: write.by } })
  })
}
