// The target editor's arithmetic, apart from the screen: which cells a leader may type in, what
// they changed, the units' sum as typed, a block pasted from Excel, and the rows setTargets
// takes. Values are typed as on the return screen (returns/entry.ts): rates as percentages,
// money in yuan, thousands separators allowed. Pure functions, tested directly.
import { isRate, textToValue, valueToText } from '../returns/entry.ts'
import type { ValueKind } from '../format.ts'
import type { SheetRow } from './documents.ts'

/** Column 0 is the district; column c ≥ 1 is the unit of the row's cells[c - 1]. */
export type Drafts = Readonly<Record<string, Readonly<Record<number, string>>>>

/** The target a cell holds of its own (not the district's carried down); null: none. */
export function ownValue(row: SheetRow, column: number): number | null {
  if (column === 0) return row.district?.value ?? null
  const cell = row.cells[column - 1]
  return cell && !cell.inherited ? cell.value : null
}

/** The target that holds in a cell, its own or the district's carried down; null: none. */
export function targetOf(row: SheetRow, column: number): { value: number; source: string; reason: string | null } | null {
  if (column === 0) return row.district
  const cell = row.cells[column - 1]
  return cell && cell.value !== null ? { value: cell.value, source: cell.source ?? 'SAMPLE', reason: cell.reason } : null
}

/** A leader types the district's target, and a unit's where the unit measures the metric (or has one already). */
export function editable(row: SheetRow, column: number): boolean {
  if (column === 0) return true
  const cell = row.cells[column - 1]
  return cell !== undefined && (cell.measures || ownValue(row, column) !== null)
}

/** A value as the input shows it: a rate as a percentage, others with thousands separators. */
export function typedText(value: number | null | undefined, metric: ValueKind): string {
  if (value === null || value === undefined) return ''
  if (isRate(metric)) return valueToText(value, metric)
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }).format(value)
}

/** Whether the units' targets add up to the district's: a count or money aimed at "at least" (as the server's TargetSheetRow.unitSum). */
export const addsUp = (metric: { kind: string; targetRule: string }) => (metric.kind === 'FLOW' || metric.kind === 'STOCK') && metric.targetRule === 'AT_LEAST'

export type CellState =
  | { kind: 'same' }
  | { kind: 'changed'; value: number }
  | { kind: 'notANumber' }
  /** A rate past 100% or below 0: said here, in the percentages typed, before the server says it in fractions. */
  | { kind: 'outOfRange' }
  /** Emptied where a target is set: setTargets sets, it does not remove. */
  | { kind: 'cleared' }

export function cellState(row: SheetRow, column: number, text: string | undefined): CellState {
  if (text === undefined) return { kind: 'same' }
  const value = textToValue(text, row.metric)
  const own = ownValue(row, column)
  if (value === null) return own === null ? { kind: 'same' } : { kind: 'cleared' }
  if (Number.isNaN(value)) return { kind: 'notANumber' }
  if (isRate(row.metric) && (value < 0 || value > 1)) return { kind: 'outOfRange' }
  return value === own ? { kind: 'same' } : { kind: 'changed', value }
}

/** What the cell holds as typed: the draft where it is a number, the stored target otherwise. */
function currentValue(row: SheetRow, column: number, drafts: Drafts): number | null {
  const state = cellState(row, column, drafts[row.metric.key]?.[column])
  return state.kind === 'changed' ? state.value : ownValue(row, column)
}

/** The units' targets added up as typed, beside the district's; null where they do not add up. */
export function liveSum(row: SheetRow, drafts: Drafts): { sum: number; units: number; district: number | null; differs: boolean } | null {
  if (!addsUp(row.metric)) return null
  let sum = 0
  let units = 0
  for (let column = 1; column <= row.cells.length; column++) {
    const value = currentValue(row, column, drafts)
    if (value === null) continue
    sum += value
    units++
  }
  if (units === 0) return null
  const district = currentValue(row, 0, drafts)
  // Money to the fen adds up with float noise.
  const differs = district !== null && Math.abs(sum - district) > 1e-9 * Math.max(1, Math.abs(district))
  return { sum, units, district, differs }
}

/**
 * A block copied from Excel: rows a line apart, cells a tab apart; the newline Excel ends a
 * copied range with is not a row. Null for a single cell, which the input takes as typed.
 */
export function pastedBlock(text: string): string[][] | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const block = lines.map((line) => line.split('\t').map((cell) => cell.trim()))
  return block.length === 1 && block[0]!.length === 1 ? null : block
}

/**
 * The drafts after pasting `block` with its top left at (`top`, `left`): rows run down the
 * metrics in order, columns across the district and the units. A cell a unit does not measure
 * is skipped (counted), as is what falls off the sheet.
 */
export function pasteInto(rows: readonly SheetRow[], drafts: Drafts, block: readonly (readonly string[])[], top: number, left: number) {
  const next: Record<string, Record<number, string>> = { ...drafts }
  let filled = 0
  let skipped = 0
  block.forEach((cells, i) => {
    const row = rows[top + i]
    if (!row) {
      skipped += cells.length
      return
    }
    const own = { ...next[row.metric.key] }
    cells.forEach((text, j) => {
      const column = left + j
      if (column > row.cells.length || !editable(row, column)) {
        skipped++
        return
      }
      own[column] = text
      filled++
    })
    next[row.metric.key] = own
  })
  return { drafts: next as Drafts, filled, skipped }
}

export interface TargetRowInput {
  metric: string
  orgUnit?: string
  value: number
  reason: string
}

export type Problem = 'notANumber' | 'outOfRange' | 'cleared' | 'reason'

export interface Changes {
  /** The rows for setTargets: every changed cell, with its metric's reason. */
  send: TargetRowInput[]
  /** Metric keys with a change, in the sheet's order. */
  changed: string[]
  /** Metric key → what is wrong with it before anything is sent. */
  problems: Record<string, Problem[]>
}

/**
 * The changes to send: each changed cell with its metric's own reason, or the reason for the
 * whole batch where it has none. A changed metric with neither is a problem, as is a cell that
 * is not a number or was emptied.
 */
export function changesOf(rows: readonly SheetRow[], orgUnitKeys: readonly string[], drafts: Drafts, reasons: Readonly<Record<string, string>>, batchReason: string): Changes {
  const send: TargetRowInput[] = []
  const changed: string[] = []
  const problems: Changes['problems'] = {}
  for (const row of rows) {
    const key = row.metric.key
    const typed = drafts[key]
    if (!typed) continue
    const reason = (reasons[key] ?? '').trim() || batchReason.trim()
    const wrong = new Set<Problem>()
    let any = false
    for (let column = 0; column <= row.cells.length; column++) {
      const state = cellState(row, column, typed[column])
      if (state.kind === 'notANumber' || state.kind === 'outOfRange' || state.kind === 'cleared') wrong.add(state.kind)
      if (state.kind !== 'changed') continue
      any = true
      send.push({ metric: key, ...(column === 0 ? {} : { orgUnit: orgUnitKeys[column]! }), value: state.value, reason })
    }
    if (any || wrong.size) changed.push(key)
    if (any && !reason) wrong.add('reason')
    if (wrong.size) problems[key] = [...wrong]
  }
  return { send, changed, problems }
}
