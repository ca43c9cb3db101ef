// Reads an import file, CSV or XLSX, into rows of text cells keyed by column name.
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/node'

export const columns = ['metric', 'org_unit', 'period_start', 'period_end', 'value', 'note'] as const
export type Column = (typeof columns)[number]
const required: Column[] = ['metric', 'org_unit', 'period_start', 'period_end', 'value']

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  line: number
  cells: Record<Column, string>
}

export class ImportFileError extends Error {
  override name = 'ImportFileError'
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  // Excel dates arrive as Date objects at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).trim()
}

function toRows(table: unknown[][]): ImportRow[] {
  const [header, ...body] = table
  if (!header) throw new ImportFileError('the file is empty: the first row must name the columns ' + columns.join(', '))
  const names = header.map((h) => cellText(h).toLowerCase())
  const missing = required.filter((c) => !names.includes(c))
  if (missing.length) {
    throw new ImportFileError(`row 1: missing column(s) ${missing.join(', ')}; the columns are ${columns.join(', ')} (note is optional)`)
  }
  const unknown = names.filter((n) => n && !(columns as readonly string[]).includes(n))
  if (unknown.length) throw new ImportFileError(`row 1: unknown column(s) ${unknown.join(', ')}; the columns are ${columns.join(', ')}`)
  return body
    .map((cells, i) => ({
      line: i + 2,
      cells: Object.fromEntries(columns.map((c) => [c, cellText(cells[names.indexOf(c)])])) as Record<Column, string>,
    }))
    .filter((row) => columns.some((c) => row.cells[c] !== ''))
}

export async function readImportFile(path: string): Promise<ImportRow[]> {
  const ext = extname(path).toLowerCase()
  if (ext === '.xlsx') return toRows(await readSheet(path))
  if (ext === '.csv') {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
    if (parsed.errors.length) {
      const e = parsed.errors[0]!
      throw new ImportFileError(`row ${(e.row ?? 0) + 1}: ${e.message}`)
    }
    return toRows(parsed.data)
  }
  throw new ImportFileError(`'${path}' is neither .csv nor .xlsx`)
}
