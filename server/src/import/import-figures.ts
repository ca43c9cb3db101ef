// Loads figures from a file, or deletes the figures a file names, in one transaction.
//
// 1. The file is read as a stream and every row checked on its own (read-rows.ts,
//    validate.ts); valid rows are kept in a compact store, not as objects.
// 2. The rows are checked against each other: the same cell twice, or overlapping spans of a
//    count.
// 3. Inside a transaction that holds the database's write lock from its first statement
//    (writeTransaction), the rows are checked against what is stored (a count overlapping a
//    stored span, the report's own figures) and then written in batches: new figures, each
//    with a CREATE revision; corrections, each with an UPDATE revision keeping the previous
//    value, source and note; deletions, each with a DELETE revision that outlives the figure.
//    The plugins' validation rules are checked on the figures as they would stand (rules.ts).
//    A second import running at the same time waits for the lock and then sees this one's
//    figures, so two imports cannot both commit an overlap.
// One error and nothing is written. A run that would change nothing records no batch.
import { basename } from 'node:path'
import { writeTransaction, type Database, type DbTx, type SqlWriter } from '@msp/db'
import { monthOf, today, type Span } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import { settingsFromEnv } from '../settings.ts'
import { ImportFileError, readImportFile, show, type Column, type Encoding } from './read-rows.ts'
import { ruleViolations } from './rules.ts'
import { selectOn, writeFigures, type ChangedFigure, type NewFigure, type Select, type Trail } from './sql.ts'
import { checkRow, fileConflicts, isoOf, RowStore, type Mode, type RowError } from './validate.ts'

export { ImportFileError } from './read-rows.ts'
export type { RowError } from './validate.ts'

export interface ImportOptions {
  /** Who is importing: recorded on the batch and every revision. */
  by: string
  /** Check everything, write nothing. */
  dryRun?: boolean
  /** Delete the figures the file names (metric, org_unit, period_start, period_end). */
  delete?: boolean
  /** Why: required for a deletion, recorded on the batch and the revisions. */
  reason?: string
  /** XLSX: read only this sheet. */
  sheet?: string
  /** Imported figures must lie within it; default the installation's setting. */
  periodRange?: Span
  /** No figure may lie in a month after this day's; default today. */
  today?: string
  /** Called once the file is read and checked on its own, before the database is locked. */
  onRead?: (read: { encoding: Encoding; rows: number; sheetsRead?: string[]; sheetsNotRead?: string[]; errors: number }) => void
}

export interface ImportResult {
  ok: boolean
  /** Sorted by sheet and row; at most `maxErrors`. */
  errors: RowError[]
  /** Reading stopped at `maxErrors` errors: there may be more. */
  truncated: boolean
  encoding: Encoding | null
  /** Rows below the header, empty rows not counted. */
  rows: number
  sheetsRead?: string[]
  sheetsNotRead?: string[]
  created: number
  corrected: number
  unchanged: number
  deleted: number
  /** The batch recorded; null when nothing was written (errors, --dry-run, nothing changed). */
  batchId: number | null
}

/** Errors kept and shown; reading stops after this many. */
export const maxErrors = 100
const CREATE = 1
const UPDATE = 2
const DELETE = 3

interface Previous {
  value: number
  source: string
  note: string | null
}

interface Plan {
  errors: RowError[]
  truncated: boolean
  action: Uint8Array
  /** The stored figure a row corrects or deletes. */
  target: Int32Array
  previous: Map<number, Previous>
  created: number
  corrected: number
  unchanged: number
  deleted: number
}

function textOption(value: string | undefined, name: string, most: number): string | null {
  const text = value?.trim()
  if (!text) return null
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new ImportFileError(`${name} may not hold control characters`)
  if ([...text].length > most) throw new ImportFileError(`${name} is longer than ${most} characters`)
  return text
}

const required: Record<Mode, Column[]> = {
  import: ['metric', 'org_unit', 'period_start', 'period_end', 'value'],
  delete: ['metric', 'org_unit', 'period_start', 'period_end'],
}

export async function importFigures(database: Database, registry: Registry, path: string, options: ImportOptions): Promise<ImportResult> {
  const mode: Mode = options.delete ? 'delete' : 'import'
  const by = textOption(options.by, 'who is importing (--by)', 100)
  if (!by) throw new ImportFileError('say who is importing: --by NAME')
  const reason = textOption(options.reason, '--reason', 500)
  if (mode === 'delete' && !reason) throw new ImportFileError('--delete needs --reason: say why the figures are removed')

  const units = await database.db.orgUnit.findMany({ select: { id: true, key: true } })
  const catalogue = {
    metrics: registry.metrics,
    orgUnitIds: new Map(units.map((u) => [u.key, u.id])),
    periodRange: options.periodRange ?? settingsFromEnv().periodRange,
    today: options.today ?? today(),
  }
  const store = new RowStore()
  const errors: RowError[] = []
  let truncated = false
  const add = (error: RowError): boolean => {
    if (errors.length >= maxErrors) {
      truncated = true
      return false
    }
    errors.push(error)
    return true
  }
  const summary = await readImportFile(path, {
    required: required[mode],
    sheet: options.sheet,
    onRow: (row) => {
      for (const message of checkRow(row, catalogue, mode, store)) {
        if (!add(row.sheet === undefined ? { line: row.line, message } : { line: row.line, sheet: row.sheet, message })) return false
      }
      return true
    },
    onProblem: (problem) => add(problem.sheet === undefined ? { line: problem.line, message: problem.message } : problem),
  })
  const result: ImportResult = {
    ok: false, errors, truncated, encoding: summary.encoding, rows: summary.rows,
    ...(summary.sheetsRead ? { sheetsRead: summary.sheetsRead, sheetsNotRead: summary.sheetsNotRead } : {}),
    created: 0, corrected: 0, unchanged: 0, deleted: 0, batchId: null,
  }
  if (summary.rows === 0 && errors.length === 0) {
    errors.push({ line: 2, message: 'the file has no rows below its header' })
    return result
  }
  const order = store.sorted()
  if (!truncated) for (const error of fileConflicts(store, order, registry.metrics, mode)) if (!add(error)) break
  options.onRead?.({ ...summary, errors: errors.length })
  if (errors.length) return finish(result)

  const fileName = basename(path).slice(0, 200)
  const unitKeys = new Map(units.map((u) => [u.id, u.key]))
  const plan = async (tx: DbTx, select: Select) => {
    const planned = await planAgainstStored(select, store, order, registry, unitKeys, mode)
    for (const error of await lockedRows(tx, store)) {
      if (planned.errors.length >= maxErrors) planned.truncated = true
      else planned.errors.push(error)
    }
    for (const error of await ruleViolations(select, store, registry, mode, unitKeys)) {
      if (planned.errors.length >= maxErrors) planned.truncated = true
      else planned.errors.push(error)
    }
    return planned
  }
  if (options.dryRun) {
    Object.assign(result, count(await plan(database.db, selectOn(database.db, database.provider))))
    return finish(result)
  }
  await writeTransaction(database, async (tx, writer) => {
    const planned = await plan(tx, selectOn(tx, database.provider, writer.sqlite))
    Object.assign(result, count(planned))
    if (planned.errors.length || planned.created + planned.corrected + planned.deleted === 0) return
    const batch = await tx.importBatch.create({
      data: {
        action: mode === 'delete' ? 'DELETE' : 'IMPORT', fileName, encoding: summary.encoding, rowCount: store.size,
        created: planned.created, corrected: planned.corrected, deleted: planned.deleted, reason, createdBy: by,
      },
    })
    await write(writer, store, order, planned, { batchId: batch.id, by, reason, now: new Date() })
    result.batchId = batch.id
  })
  return finish(result)
}

/** Rows whose span touches a month an administrator has locked: a locked month changes for no one. */
async function lockedRows(tx: DbTx, store: RowStore): Promise<RowError[]> {
  const locked = new Set((await tx.monthLock.findMany({ select: { month: true } })).map((l) => l.month))
  if (locked.size === 0) return []
  const errors: RowError[] = []
  for (let i = 0; i < store.size && errors.length < maxErrors; i++) {
    const from = monthOf(isoOf(store.start[i]!))
    const to = monthOf(isoOf(store.end[i]!))
    const month = [...locked].find((m) => m >= from && m <= to)
    if (month) errors.push(store.errorAt(i, `PERIOD_LOCKED: ${month} is locked; ask an administrator to unlock it (unlockMonth) to change its figures`))
  }
  return errors
}

function count(plan: Plan) {
  const { errors, truncated, created, corrected, unchanged, deleted } = plan
  return { errors, truncated, created, corrected, unchanged, deleted }
}

function finish(result: ImportResult): ImportResult {
  const sheets = result.sheetsRead ?? []
  const sheetRank = (e: RowError) => (e.sheet === undefined ? 0 : sheets.indexOf(e.sheet) + 1)
  result.errors.sort((a, b) => sheetRank(a) - sheetRank(b) || a.line - b.line)
  result.ok = result.errors.length === 0
  return result
}

/**
 * Each row against the figures stored for its metric and org unit: a new figure, a
 * correction, unchanged, or a deletion; or an error. Reads one metric at a time, and of it only
 * the stored figures that could meet a row: those within the span from the metric's earliest
 * row start to its latest row end (a figure outside it neither overlaps nor equals any row).
 */
async function planAgainstStored(
  select: Select, store: RowStore, order: Uint32Array, registry: Registry, unitKeys: ReadonlyMap<number, string>, mode: Mode,
): Promise<Plan> {
  const plan: Plan = {
    errors: [], truncated: false, action: new Uint8Array(store.size), target: new Int32Array(store.size), previous: new Map(),
    created: 0, corrected: 0, unchanged: 0, deleted: 0,
  }
  const fail = (i: number, message: string) => {
    if (plan.errors.length >= maxErrors) plan.truncated = true
    else plan.errors.push(store.errorAt(i, message))
  }
  const { metric, unit, start, end, value, notes } = store
  let k = 0
  while (k < order.length) {
    const m = metric[order[k]!]!
    const metricKey = store.metricKeys[m]!
    const definition = registry.metrics.get(metricKey)!
    let first = start[order[k]!]!
    let last = end[order[k]!]!
    for (let j = k; j < order.length && metric[order[j]!] === m; j++) {
      if (start[order[j]!]! < first) first = start[order[j]!]!
      if (end[order[j]!]! > last) last = end[order[j]!]!
    }
    // ISO dates compare as text in the order of the days they name.
    const stored = (await select(
      `SELECT "id", "orgUnitId", "periodStart", "periodEnd", "value", "source", "note" FROM "Figure"
       WHERE "metricKey" = ? AND "periodStart" <= ? AND "periodEnd" >= ? ORDER BY "orgUnitId", "periodStart", "periodEnd"`,
      metricKey, isoOf(last), isoOf(first),
    )).map(([id, orgUnitId, periodStart, periodEnd, value, source, note]) => ({
      id: Number(id), orgUnitId: Number(orgUnitId), periodStart: periodStart as string, periodEnd: periodEnd as string,
      value: Number(value), source: source as string, note: note as string | null,
    }))
    let s = 0
    while (k < order.length && metric[order[k]!] === m) {
      const u = unit[order[k]!]!
      // The stored figures of this org unit: sorted by start, with the furthest end so far.
      while (s < stored.length && stored[s]!.orgUnitId < u) s++
      let sEnd = s
      while (sEnd < stored.length && stored[sEnd]!.orgUnitId === u) sEnd++
      const here = stored.slice(s, sEnd)
      const furthest: string[] = []
      for (const f of here) furthest.push(furthest.length && furthest.at(-1)! > f.periodEnd ? furthest.at(-1)! : f.periodEnd)
      const exact = here.length ? new Map(here.map((f) => [`${f.periodStart}|${f.periodEnd}`, f])) : undefined
      for (; k < order.length && metric[order[k]!] === m && unit[order[k]!] === u; k++) {
        const i = order[k]!
        const from = isoOf(start[i]!)
        const to = isoOf(end[i]!)
        const same = exact?.get(`${from}|${to}`)
        if (mode === 'delete') {
          if (!same) fail(i, `no stored figure for ${metricKey} at ${unitKeys.get(u)} for ${from}..${to}; nothing to delete`)
          else if (same.source === 'REPORT') fail(i, `${from}..${to} is the report's own figure; report figures are not deleted by import`)
          else if (!Number.isNaN(value[i]!) && value[i] !== same.value) {
            fail(i, `value ${value[i]} is not the stored value ${same.value}; leave value empty to delete whatever is stored`)
          } else {
            plan.action[i] = DELETE
            plan.target[i] = same.id
            plan.previous.set(i, { value: same.value, source: same.source, note: same.note })
            plan.deleted++
          }
          continue
        }
        let failed = false
        if (same?.source === 'REPORT') {
          fail(i, `would overwrite the report's own figure for ${from}..${to}; report figures are not changed by import`)
          failed = true
        }
        if (definition.kind === 'FLOW' && here.length) {
          // Stored spans that start by this row's end and reach its start, other than its own.
          let lo = 0
          let hi = here.length // the first stored figure starting after this row's end
          while (lo < hi) {
            const mid = (lo + hi) >> 1
            if (here[mid]!.periodStart <= to) lo = mid + 1
            else hi = mid
          }
          const overlapping: typeof here = []
          for (let j = hi - 1; j >= 0 && furthest[j]! >= from; j--) {
            const f = here[j]!
            if (f.periodEnd >= from && f !== same) overlapping.push(f)
          }
          overlapping.reverse()
          for (const f of overlapping.slice(0, 3)) {
            const span = `${f.periodStart}..${f.periodEnd}`
            // Seeded demonstration data is not the bureau's: say so, and how to replace it.
            fail(i, f.source === 'SAMPLE'
              ? `overlaps the stored SAMPLE figure for ${span} (seeded demonstration data): delete it first with \`pnpm run import FILE --delete --reason TEXT\` (FILE's row names its metric, org_unit, period_start and period_end), or import a figure for exactly ${span} to correct it`
              : `overlaps the stored figure for ${span}; a count is entered once, for spans that do not overlap`)
          }
          if (overlapping.length > 3) fail(i, `overlaps ${overlapping.length - 3} more stored figures`)
          failed ||= overlapping.length > 0
        }
        if (failed) continue
        const note = notes.get(i) ?? null
        if (!same) {
          plan.action[i] = CREATE
          plan.created++
        } else if (same.value === value[i] && same.note === note && same.source === 'IMPORTED') {
          plan.unchanged++
        } else {
          plan.action[i] = UPDATE
          plan.target[i] = same.id
          plan.previous.set(i, { value: same.value, source: same.source, note: same.note })
          plan.corrected++
        }
      }
    }
  }
  return plan
}

function write(writer: SqlWriter, store: RowStore, order: Uint32Array, plan: Plan, trail: Trail): Promise<void> {
  const { metric, unit, start, end, value, notes } = store
  // Rows are made as the writer takes them.
  function* figures(action: number): Generator<NewFigure> {
    for (const i of order) {
      if (plan.action[i] !== action) continue
      yield { metricKey: store.metricKeys[metric[i]!]!, orgUnitId: unit[i]!, periodStart: isoOf(start[i]!), periodEnd: isoOf(end[i]!), value: value[i]!, note: notes.get(i) ?? null }
    }
  }
  function* changed(action: number): Generator<ChangedFigure> {
    for (const i of order) {
      if (plan.action[i] !== action) continue
      const before = plan.previous.get(i)!
      yield {
        id: plan.target[i]!, metricKey: store.metricKeys[metric[i]!]!, orgUnitId: unit[i]!, periodStart: isoOf(start[i]!), periodEnd: isoOf(end[i]!),
        value: value[i]!, note: notes.get(i) ?? null, previousValue: before.value, previousSource: before.source, previousNote: before.note,
      }
    }
  }
  return writeFigures(writer, figures(CREATE), changed(UPDATE), changed(DELETE), trail)
}

/** A row error as the CLI prints it. */
export function formatError(error: RowError): string {
  return `${error.sheet === undefined ? '' : `sheet ${show(error.sheet)} `}row ${error.line}: ${error.message}`
}
