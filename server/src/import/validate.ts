// Checks an import row by row as it is read, keeping the valid rows in a compact store (a few
// typed arrays, about 40 bytes a row), then checks the rows against each other: a batch is all
// or nothing, and each error names its row and says what to fix.
import { checkValue, isIsoDate, type Granularity } from '@msp/plugin-sdk'
import { checkSupported, dayNumber, longerThan, PeriodError, type Span } from '../engine/index.ts'
import type { RegisteredMetric } from '../registry.ts'
import { show, type ImportRow } from './read-rows.ts'

export interface RowError {
  line: number
  /** The sheet of a workbook, when the file has several. */
  sheet?: string
  message: string
}

export type Mode = 'import' | 'delete'

export interface ImportCatalogue {
  metrics: ReadonlyMap<string, RegisteredMetric>
  /** Org unit keys and their ids. */
  orgUnitIds: ReadonlyMap<string, number>
  /** Imported figures must lie within it (the installation's supported period range). */
  periodRange: Span
  /** Figures may not lie in a month after this day's: a figure is entered once its month has begun. */
  today: string
}

/** The longest note kept with a figure. */
export const maxNoteLength = 1000

const granularityWords: Record<Granularity, string> = { MONTH: 'a month', QUARTER: 'a quarter', HALF: 'a half year', YEAR: 'a calendar year' }

const plainNumber = /^-?\d+(\.\d+)?$/
const groupedNumber = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/

/**
 * A number as people write it, by one strict rule: digits, an optional decimal point with
 * digits after it, grouping commas only in threes ('1,812': in CSV the field must be quoted,
 * or the comma splits it), and '%' for rates. No exponent, no hex, no spaces, no sign but '-'.
 * Returns the number or what is wrong with the text.
 */
export function parseNumberText(text: string, metric: RegisteredMetric): number | string {
  const percent = text.endsWith('%')
  const body = percent ? text.slice(0, -1) : text
  const isRate = metric.kind === 'RATE'
  if (!plainNumber.test(body) && !groupedNumber.test(body)) {
    const forms = isRate ? '0.98 or 98%' : '1200 or "1,200"'
    return text === '' ? 'value is empty' : `value ${show(text)} is not a number; write it as ${forms} (no exponent, no spaces)`
  }
  if (percent && !isRate) return `value ${show(text)} is a percentage, but ${metric.key} is counted in ${metric.unit}`
  const number = Number(body.replaceAll(',', ''))
  if (!Number.isFinite(number)) return `value ${show(text)} is too large`
  const value = percent ? number / 100 : number
  return value === 0 ? 0 : value // no -0
}

/**
 * Day numbers (days since 1970-01-01) of valid dates, NaN for text that is not one, and back.
 * A file repeats a few thousand dates a million times: each is worked out once.
 */
const dayOfText = new Map<string, number>()
const isoOfDay = new Map<number, string>()
function dayOrInvalid(text: string): number {
  let day = dayOfText.get(text)
  if (day === undefined) {
    day = isIsoDate(text) ? dayNumber(text) : Number.NaN
    if (dayOfText.size > 100_000) dayOfText.clear() // only junk has this many distinct dates
    dayOfText.set(text, day)
    if (!Number.isNaN(day) && !isoOfDay.has(day)) isoOfDay.set(day, text)
  }
  return day
}
export function dayOf(iso: string): number {
  const day = dayOrInvalid(iso)
  if (Number.isNaN(day)) throw new Error(`not a date: ${iso.slice(0, 40)}`)
  return day
}
export function isoOf(day: number): string {
  let iso = isoOfDay.get(day)
  if (iso === undefined) isoOfDay.set(day, (iso = new Date(day * 86_400_000).toISOString().slice(0, 10)))
  return iso
}

/** The valid rows of a file, column by column. */
export class RowStore {
  size = 0
  line = new Int32Array(1024)
  sheet = new Uint16Array(1024)
  metric = new Uint16Array(1024)
  unit = new Uint32Array(1024)
  start = new Int32Array(1024)
  end = new Int32Array(1024)
  /** NaN where a deletion row leaves the value empty. */
  value = new Float64Array(1024)
  readonly notes = new Map<number, string>()
  readonly metricKeys: string[] = []
  readonly sheets: string[] = []
  readonly #metricIndex = new Map<string, number>()
  readonly #sheetIndex = new Map<string, number>()

  push(row: { line: number; sheet?: string; metricKey: string; orgUnitId: number; start: string; end: string; value: number; note: string | null }): void {
    if (this.size === this.line.length) this.#grow()
    const i = this.size++
    let m = this.#metricIndex.get(row.metricKey)
    if (m === undefined) this.#metricIndex.set(row.metricKey, (m = this.metricKeys.push(row.metricKey) - 1))
    let s = 0
    if (row.sheet !== undefined) {
      s = this.#sheetIndex.get(row.sheet) ?? -1
      if (s < 0) this.#sheetIndex.set(row.sheet, (s = this.sheets.push(row.sheet)))
    }
    this.line[i] = row.line
    this.sheet[i] = s
    this.metric[i] = m
    this.unit[i] = row.orgUnitId
    this.start[i] = dayOf(row.start)
    this.end[i] = dayOf(row.end)
    this.value[i] = row.value
    if (row.note) this.notes.set(i, row.note)
  }

  #grow(): void {
    const grow = <T extends Int32Array | Uint16Array | Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2)
      b.set(a)
      return b
    }
    this.line = grow(this.line)
    this.sheet = grow(this.sheet)
    this.metric = grow(this.metric)
    this.unit = grow(this.unit)
    this.start = grow(this.start)
    this.end = grow(this.end)
    this.value = grow(this.value)
  }

  sheetOf(i: number): string | undefined {
    const s = this.sheet[i]!
    return s === 0 ? undefined : this.sheets[s - 1]
  }

  /** Where row i is, as a message names it: "row 12" or "sheet 'July' row 12". */
  where(i: number): string {
    const sheet = this.sheetOf(i)
    return `${sheet === undefined ? '' : `sheet ${show(sheet)} `}row ${this.line[i]}`
  }

  errorAt(i: number, message: string): RowError {
    const sheet = this.sheetOf(i)
    return sheet === undefined ? { line: this.line[i]!, message } : { line: this.line[i]!, sheet, message }
  }

  /** Row indices ordered by metric, org unit, start, end, then file order. */
  sorted(): Uint32Array {
    const order = new Uint32Array(this.size)
    for (let i = 0; i < this.size; i++) order[i] = i
    const { metric, unit, start, end } = this
    return order.sort((a, b) => metric[a]! - metric[b]! || unit[a]! - unit[b]! || start[a]! - start[b]! || end[a]! - end[b]! || a - b)
  }
}

/** Checks one row on its own: a valid one goes into the store; returns what is wrong. */
export function checkRow(row: ImportRow, catalogue: ImportCatalogue, mode: Mode, store: RowStore): string[] {
  const { cells } = row
  const problems: string[] = []
  const metric = catalogue.metrics.get(cells.metric)
  if (!cells.metric) problems.push('metric is empty')
  else if (!metric) problems.push(`unknown metric ${show(cells.metric)}`)
  else if (metric.numerator && mode === 'import') {
    problems.push(`${metric.key} is computed from ${metric.numerator} and ${metric.denominator}; import those instead`)
  }
  const orgUnitId = catalogue.orgUnitIds.get(cells.org_unit)
  if (!cells.org_unit) problems.push('org_unit is empty')
  else if (orgUnitId === undefined) problems.push(`unknown org unit ${show(cells.org_unit)}`)
  const start = cells.period_start
  const end = cells.period_end
  const startOk = !Number.isNaN(dayOrInvalid(start))
  const endOk = !Number.isNaN(dayOrInvalid(end))
  if (!startOk) problems.push(`period_start ${show(start)} is not a date; write it as YYYY-MM-DD`)
  if (!endOk) problems.push(`period_end ${show(end)} is not a date; write it as YYYY-MM-DD`)
  const spanOk = startOk && endOk && end >= start
  if (startOk && endOk && end < start) problems.push(`period_end ${end} is before period_start ${start}`)
  // Deleting is how a figure outside the range, stored before the range was enforced, goes.
  if (spanOk && mode === 'import' && end.slice(0, 7) > catalogue.today.slice(0, 7)) {
    problems.push(`FUTURE_PERIOD: period_end ${end} lies in a month that has not begun (today is ${catalogue.today}); a figure is entered once its month has begun`)
  } else if (spanOk && mode === 'import') {
    try {
      checkSupported({ start, end }, catalogue.periodRange, 'period')
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error
      problems.push(error.message)
    }
  }

  let value = Number.NaN
  if (metric && (mode === 'import' || cells.value !== '')) {
    const parsed = row.number !== undefined ? row.number : parseNumberText(cells.value, metric)
    if (typeof parsed === 'string') problems.push(parsed)
    else if (!Number.isFinite(parsed)) problems.push('value must be a finite number')
    else {
      const checked = checkValue(metric.definition, parsed)
      if ('problem' in checked) problems.push(checked.problem)
      else value = checked.value
    }
  }
  if (metric && mode === 'import' && metric.kind === 'STOCK' && spanOk && longerThan({ start, end }, metric.granularity)) {
    problems.push(`${metric.key} is a stock, a snapshot: its span may be at most ${granularityWords[metric.granularity]}, not ${start}..${end}`)
  }
  const note = cells.note
  if (mode === 'import' && note.length > maxNoteLength) problems.push(`note is ${note.length} characters long; at most ${maxNoteLength} are kept`)

  if (problems.length === 0) {
    store.push({ line: row.line, sheet: row.sheet, metricKey: metric!.key, orgUnitId: orgUnitId!, start, end, value, note: mode === 'import' ? note || null : null })
  }
  return problems
}

/**
 * Rows of one file that clash: the same metric, org unit and span twice (any kind), or, for a
 * count (FLOW), two spans that overlap, which would count the same days twice. Each clash is
 * reported at the later row and names the earlier one.
 */
export function fileConflicts(store: RowStore, order: Uint32Array, metrics: ReadonlyMap<string, RegisteredMetric>, mode: Mode): RowError[] {
  const errors: RowError[] = []
  const { metric, unit, start, end, line } = store
  let groupStart = 0
  while (groupStart < order.length) {
    const first = order[groupStart]!
    let groupEnd = groupStart + 1
    while (groupEnd < order.length && metric[order[groupEnd]!] === metric[first] && unit[order[groupEnd]!] === unit[first]) groupEnd++
    // Deleting overlapping figures stored by mistake is what deletion is for.
    const flow = mode === 'import' && metrics.get(store.metricKeys[metric[first]!]!)?.kind === 'FLOW'
    // The row reaching furthest so far, for overlaps.
    let furthest = -1
    for (let k = groupStart; k < groupEnd; k++) {
      const i = order[k]!
      const previous = k > groupStart ? order[k - 1]! : -1
      let other = -1
      let what = ''
      if (previous >= 0 && start[previous] === start[i] && end[previous] === end[i]) {
        other = previous
        what = 'duplicate of'
      } else if (flow && furthest >= 0 && end[furthest]! >= start[i]!) {
        other = furthest
        what = 'overlaps'
      }
      if (other >= 0) {
        // Report at whichever of the two comes later in the file.
        const before = (a: number, b: number) => store.sheet[a]! - store.sheet[b]! || line[a]! - line[b]! || a - b
        const [early, late] = before(other, i) < 0 ? [other, i] : [i, other]
        const message = what === 'duplicate of'
          ? `duplicate of ${store.where(early)}: same metric, org unit and period`
          : `overlaps ${store.where(early)} (${isoOf(start[early]!)}..${isoOf(end[early]!)}): a count is entered once, for spans that do not overlap`
        errors.push(store.errorAt(late, message))
      }
      if (furthest < 0 || end[i]! > end[furthest]!) furthest = i
    }
    groupStart = groupEnd
  }
  return errors
}
