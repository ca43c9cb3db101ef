import Papa from 'papaparse'

export interface CsvColumn<Row> {
  title: string
  value: (row: Row) => string | number | null | undefined
}

/** A table as CSV, with a byte-order mark so Excel opens the Chinese text correctly. */
export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.title), data: rows.map((row) => columns.map((c) => c.value(row) ?? '')) })}`
}

export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
