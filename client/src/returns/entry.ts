// How a clerk types a return's values: rates as percentages (98 or 98%), money in yuan, counts
// as they are; thousands separators allowed. The API takes rates as fractions. Pure functions.
import type { ValueKind } from '../format.ts'

export const isRate = (metric: ValueKind) => metric.kind === 'RATE' || metric.unit === '%'

/** Typed as the screen shows it: a percentage for a rate. */
export function valueToText(value: number | null | undefined, metric: ValueKind): string {
  if (value === null || value === undefined) return ''
  // Rounded away from float noise: 0.573 × 100 is 57.29999…
  return String(isRate(metric) ? Number((value * 100).toFixed(8)) : value)
}

/** What the clerk typed as the API's number: null for empty, NaN for not a number. */
export function textToValue(text: string, metric: ValueKind): number | null {
  const cleaned = text.replace(/[\s,，]/g, '').replace(/％/g, '%')
  if (cleaned === '') return null
  const percent = cleaned.endsWith('%')
  const number = cleaned.replace(/%$/, '')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(number)) return Number.NaN
  const parsed = Number(number)
  if (isRate(metric)) return Number((parsed / 100).toFixed(10))
  // A percent sign on something not a rate is a slip, not a value.
  return percent ? Number.NaN : parsed
}

/** "/" typed alone (as on paper forms) marks a value not applicable. */
export const meansNotApplicable = (text: string) => /^\s*[/／]\s*$/.test(text)

/**
 * A column (or a row) copied from Excel: one cell a line, or cells a tab apart on one line.
 * Excel ends a copied range with a newline: that last empty line is not a cell. Null for text
 * that is a single cell, which the input takes as typed.
 */
export function pastedCells(text: string): string[] | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  if (lines.length > 1) return lines.map((line) => (line.split('\t')[0] ?? '').trim())
  const cells = (lines[0] ?? '').split('\t')
  return cells.length > 1 ? cells.map((cell) => cell.trim()) : null
}
