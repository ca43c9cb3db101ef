import Papa from 'papaparse'
import { roundAsShown, type ValueKind } from './format.ts'

/**
 * How a column's numbers are rounded: `value` as the row's metric shows them (counts whole,
 * money to the fen, a rate as a fraction to 4 places), `fraction` as a share to 4 places
 * (completion, change %: 0.7494 for 74.9%). A number in a column without either keeps at most
 * 4 places, so no float noise (0.30000000000000004) reaches a spreadsheet.
 */
export type CsvNumber = 'value' | 'fraction'

export interface CsvColumn<Row> {
  title: string
  value: (row: Row) => string | number | null | undefined
  as?: CsvNumber | undefined
}

const fraction: ValueKind = { unit: '%', kind: 'RATE' }

/** The metric a row's `value` columns are rounded as: the row's own `metric`, when it has one. */
function ownMetric(row: unknown): ValueKind | undefined {
  const metric = (row as { metric?: Partial<ValueKind> } | null)?.metric
  return metric && typeof metric.unit === 'string' && typeof metric.kind === 'string' ? (metric as ValueKind) : undefined
}

export function csvCell(value: string | number | null | undefined, as: CsvNumber | undefined, metric: ValueKind | undefined): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'number') return value
  if (as === 'value' && metric) return roundAsShown(value, metric) ?? ''
  return roundAsShown(value, fraction) ?? ''
}

/**
 * A table as CSV, with a byte-order mark so Excel opens the Chinese text correctly; numbers
 * rounded as the screen shows them (see CsvNumber). `metricOf` names the metric of a row's
 * `value` columns; by default the row's own `metric` (a scorecard row).
 */
export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[], metricOf: (row: Row) => ValueKind | undefined = ownMetric): string {
  const data = rows.map((row) => columns.map((c) => csvCell(c.value(row), c.as, metricOf(row))))
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.title), data })}`
}

export function downloadCsv(fileName: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: 'text/csv;charset=utf-8' }))
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
