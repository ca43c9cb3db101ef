// Reads an import file, CSV or XLSX, row by row, into text cells keyed by column name.
//
// CSV is streamed: the file is decoded chunk by chunk and parsed by papaparse, so a file of a
// million rows never sits in memory. Its text is UTF-8 (a byte-order mark is dropped) or, when
// it is not valid UTF-8, GB18030 (a superset of GBK, what Excel on a Chinese desktop writes);
// bytes that are neither are refused. XLSX is read whole, so it is refused above a size.
//
// Strictness that belongs to reading: every row has as many fields as the header (a number
// with a comma must be quoted, "1,200"); every column with data below it has a name; every
// sheet of a workbook that holds data is read (or the sheet to read is named).
import { open, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { Readable } from 'node:stream'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'

export const columns = ['metric', 'org_unit', 'period_start', 'period_end', 'value', 'note'] as const
export type Column = (typeof columns)[number]

/** How the file's text was read. */
export type Encoding = 'UTF-8' | 'GB18030' | 'XLSX'

/** XLSX files are read whole: larger ones must be saved as CSV. */
export const maxXlsxBytes = 20 * 1024 * 1024

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  line: number
  /** The sheet of a workbook the row is on. */
  sheet?: string
  cells: Record<Column, string>
  /** A number as an XLSX cell holds it (cells.value then holds its text for messages). */
  number?: number
}

/** Something about the whole file (not one row) that keeps it from being read. */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}

/** A problem with one row, found while reading. */
export interface ReadProblem {
  line: number
  sheet?: string
  message: string
}

export interface ReadOptions {
  /** Which columns a row must have (the others may be left out). */
  required: readonly Column[]
  /** XLSX: read only this sheet. */
  sheet?: string
  /** Called with each non-empty row, in order; return false to stop reading. */
  onRow(row: ImportRow): boolean | void
  /** Called with each problem found while reading; return false to stop reading. */
  onProblem(problem: ReadProblem): boolean | void
}

export interface ReadSummary {
  encoding: Encoding
  /** Rows below the header, empty rows not counted (refused ones counted). */
  rows: number
  /** XLSX: the sheets read, and those with data left unread because --sheet named another. */
  sheetsRead?: string[]
  sheetsNotRead?: string[]
}

/** A cell as an error message may quote it: at most 40 characters, on one line. */
export function show(text: string): string {
  const chars = [...text]
  // Control and bidirectional-formatting characters would break the line or reorder it.
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?')
  return `'${clean(chars.slice(0, 40).join(''))}${chars.length > 40 ? '…' : ''}'`
}

const columnLetter = (index: number): string => {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** The header row: which column each field is, checked once. */
class Header {
  readonly names: string[]
  readonly index: Partial<Record<Column, number>> = {}
  /** Columns with no name, each reported once when data turns up below it. */
  readonly unnamedReported = new Set<number>()

  constructor(cells: readonly string[], required: readonly Column[], where: string) {
    this.names = cells.map((c) => c.trim().toLowerCase())
    const known = columns as readonly string[]
    const only = this.names.length === 1 ? this.names[0]! : ''
    for (const [separator, name] of [[';', 'semicolons'], ['\t', 'tabs']] as const) {
      if (only.includes(separator) && only.includes('metric')) {
        throw new ImportFileError(`${where}row 1: the columns are separated by ${name}; save the file as CSV with commas ("CSV UTF-8 (comma delimited)")`)
      }
    }
    const missing = required.filter((c) => !this.names.includes(c))
    if (missing.length) {
      throw new ImportFileError(`${where}row 1: missing column(s) ${missing.join(', ')}; the columns are ${columns.join(', ')} (note is optional)`)
    }
    const unknown = this.names.filter((n) => n && !known.includes(n))
    if (unknown.length) {
      throw new ImportFileError(`${where}row 1: unknown column(s) ${unknown.slice(0, 5).map(show).join(', ')}; the columns are ${columns.join(', ')}`)
    }
    this.names.forEach((name, i) => {
      if (!name) return
      if (this.index[name as Column] !== undefined) throw new ImportFileError(`${where}row 1: column ${name} appears twice`)
      this.index[name as Column] = i
    })
  }

  get width(): number {
    return this.names.length
  }
}

const isBlank = (cells: readonly unknown[]) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))

/**
 * The bytes of a file, chunk after chunk, read into one reused buffer: each chunk is valid only
 * until the next is asked for (decoding copies it into a string). Nothing piles up for the
 * garbage collector, however large the file.
 */
async function* bytesOf(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r')
  const buffer = Buffer.allocUnsafe(256 * 1024)
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await file.close()
  }
}

/**
 * The encoding of a CSV file: UTF-8 when every byte sequence is valid UTF-8, else GB18030
 * (GBK) when that reads it, else an error. Reads the bytes once, without keeping them.
 */
export async function detectEncoding(path: string): Promise<'UTF-8' | 'GB18030'> {
  for (const [encoding, label] of [['UTF-8', 'utf-8'], ['GB18030', 'gb18030']] as const) {
    const decoder = new TextDecoder(label, { fatal: true })
    try {
      for await (const chunk of bytesOf(path)) decoder.decode(chunk, { stream: true })
      decoder.decode()
      return encoding
    } catch (error) {
      if (!(error instanceof TypeError)) throw error
    }
  }
  throw new ImportFileError('the file is neither UTF-8 nor GB18030/GBK text; save it from Excel as "CSV UTF-8 (comma delimited)"')
}

async function* decodedText(path: string, encoding: 'UTF-8' | 'GB18030'): AsyncGenerator<string> {
  // ignoreBOM false: a UTF-8 byte-order mark is dropped, as Excel writes one.
  const decoder = new TextDecoder(encoding === 'UTF-8' ? 'utf-8' : 'gb18030', { fatal: true })
  for await (const chunk of bytesOf(path)) {
    const text = decoder.decode(chunk, { stream: true })
    if (text) yield text
  }
  const tail = decoder.decode()
  if (tail) yield tail
}

const papaProblems: Record<string, string> = {
  MissingQuotes: 'a quoted field is not closed: a " is missing',
  InvalidQuotes: 'a field has a stray "; quote the whole field and double any " inside it',
}

async function readCsv(path: string, options: ReadOptions): Promise<ReadSummary> {
  const encoding = await detectEncoding(path)
  let header: Header | undefined
  let line = 0
  let rows = 0
  let stopped = false
  const source = Readable.from(decodedText(path, encoding))
  await new Promise<void>((resolve, reject) => {
    let parser: Papa.Parser | undefined
    const stop = () => {
      stopped = true
      parser?.abort()
    }
    const fail = (error: Error) => {
      reject(error) // before abort(), which completes the parse at once
      stop()
    }
    Papa.parse<string[]>(source, {
      delimiter: ',',
      step: (results, p) => {
        if (stopped) return
        parser = p
        line++
        const fields = results.data
        if (results.errors.length) {
          const e = results.errors[0]!
          const message = papaProblems[e.code] ?? e.message
          if (!header) return fail(new ImportFileError(`row 1: ${message}`))
          if (options.onProblem({ line, message }) === false) stop()
          return
        }
        if (!header) {
          if (isBlank(fields)) return fail(new ImportFileError('row 1 is empty: the first row must name the columns ' + columns.join(', ')))
          try {
            header = new Header(fields, options.required, '')
          } catch (error) {
            fail(error as Error)
          }
          return
        }
        if (isBlank(fields)) return
        rows++
        if (fields.length !== header.width) {
          const hint = fields.length > header.width ? '; a number or note with a comma in it must be in double quotes ("1,200")' : ''
          if (options.onProblem({ line, message: `the row has ${fields.length} fields, the header ${header.width}${hint}` }) === false) stop()
          return
        }
        const row = toRow(header, fields, line, undefined, options)
        if (row === 'stop') return stop()
        if (row && options.onRow(row) === false) stop()
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error instanceof TypeError ? new ImportFileError('the file is neither UTF-8 nor GB18030/GBK text') : error),
    })
  }).finally(() => source.destroy())
  if (!header) throw new ImportFileError('the file is empty: the first row must name the columns ' + columns.join(', '))
  return { encoding, rows }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).trim()
}

/** One data row as cells by column; null when a problem was reported, 'stop' to stop. */
function toRow(header: Header, fields: readonly unknown[], line: number, sheet: string | undefined, options: ReadOptions): ImportRow | null | 'stop' {
  for (let i = 0; i < fields.length; i++) {
    if (header.names[i] || header.unnamedReported.has(i) || isBlank([fields[i]])) continue
    header.unnamedReported.add(i)
    const text = cellText(fields[i])
    const message = `column ${columnLetter(i)} has no name in row 1 but holds ${show(text)}; name the column or delete it`
    if (options.onProblem({ line, sheet, message }) === false) return 'stop'
    return null
  }
  const cells = {} as Record<Column, string>
  let number: number | undefined
  for (const column of columns) {
    const i = header.index[column]
    const raw = i === undefined ? undefined : fields[i]
    if (raw instanceof Date && (raw.getUTCHours() || raw.getUTCMinutes() || raw.getUTCSeconds())) {
      if (options.onProblem({ line, sheet, message: `${column} holds a date with a time of day; give the day only` }) === false) return 'stop'
      return null
    }
    if (typeof raw === 'boolean') {
      if (options.onProblem({ line, sheet, message: `${column} holds TRUE/FALSE` }) === false) return 'stop'
      return null
    }
    if (column === 'value' && typeof raw === 'number') number = raw
    cells[column] = cellText(raw)
  }
  return { line, sheet, cells, number }
}

async function readXlsx(path: string, options: ReadOptions): Promise<ReadSummary> {
  const { size } = await stat(path)
  if (size > maxXlsxBytes) {
    throw new ImportFileError(
      `the workbook is ${(size / 1024 / 1024).toFixed(1)} MB; XLSX is read whole and may be at most ${maxXlsxBytes / 1024 / 1024} MB: save it as "CSV UTF-8" and import that`,
    )
  }
  let sheets: { sheet: string; data: unknown[][] }[]
  try {
    sheets = (await readXlsxFile(path)) as { sheet: string; data: unknown[][] }[]
  } catch {
    throw new ImportFileError('the file is not a readable XLSX workbook; open it in Excel and save it again, or save it as "CSV UTF-8"')
  }
  const withData = sheets.filter((s) => s.data.some((row) => !isBlank(row)))
  if (options.sheet !== undefined && !sheets.some((s) => s.sheet === options.sheet)) {
    throw new ImportFileError(`the workbook has no sheet ${show(options.sheet)}; its sheets are ${sheets.map((s) => show(s.sheet)).join(', ')}`)
  }
  const read = options.sheet !== undefined ? withData.filter((s) => s.sheet === options.sheet) : withData
  if (read.length === 0) throw new ImportFileError(options.sheet !== undefined ? `sheet ${show(options.sheet)} holds no data` : 'the workbook holds no data')
  const summary: ReadSummary = {
    encoding: 'XLSX',
    rows: 0,
    sheetsRead: read.map((s) => s.sheet),
    sheetsNotRead: withData.filter((s) => !read.includes(s)).map((s) => s.sheet),
  }
  const many = withData.length > 1 || options.sheet !== undefined
  for (const { sheet, data } of read) {
    const where = many ? `sheet ${show(sheet)} ` : ''
    const [first = []] = data
    let header: Header
    try {
      header = new Header(first.map(cellText), options.required, where)
    } catch (error) {
      if (options.sheet === undefined && withData.length > 1 && error instanceof ImportFileError) {
        throw new ImportFileError(`${error.message}. Every sheet with data is read; to import one sheet only, name it with --sheet NAME`)
      }
      throw error
    }
    for (let r = 1; r < data.length; r++) {
      const fields = data[r]!
      if (isBlank(fields)) continue
      summary.rows++
      const row = toRow(header, fields, r + 1, many ? sheet : undefined, options)
      if (row === 'stop') return summary
      if (row && options.onRow(row) === false) return summary
    }
  }
  return summary
}

/** Reads the rows of a .csv or .xlsx file, calling back row by row. */
export async function readImportFile(path: string, options: ReadOptions): Promise<ReadSummary> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.csv' && ext !== '.xlsx') throw new ImportFileError(`${show(basename(path))} is neither .csv nor .xlsx`)
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new ImportFileError(`${show(basename(path))} is not a file`)
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    const code = (error as { code?: string }).code
    throw new ImportFileError(code === 'ENOENT' ? `there is no file ${show(basename(path))}` : `cannot read ${show(basename(path))} (${code ?? 'unknown error'})`)
  }
  if (ext === '.xlsx') return readXlsx(path, options)
  if (options.sheet !== undefined) throw new ImportFileError('--sheet names a sheet of an .xlsx workbook; a CSV file has none')
  return readCsv(path, options)
}
