// Multi-row statements for writing many rows in batches (imports, the first seed).
//
// Measured on SQLite, 100,000 figures in one transaction: Prisma's createMany 50 s (about half
// a millisecond a row in the client); multi-row INSERTs through $executeRawUnsafe 6 s and
// 300 MB more memory (the parameters pass through the query compiler's WebAssembly memory,
// which never shrinks); the same INSERTs on the adapter's own better-sqlite3 connection, inside
// the same transaction, 1.6 s and 40 MB. So on SQLite the writer uses that connection (handed
// over by writeTransaction), elsewhere $executeRawUnsafe. The SQL is the same on SQLite and
// PostgreSQL but for placeholders (? and $1) and the casts PostgreSQL needs where a
// parameter's type cannot be inferred (VALUES lists in UPDATE … FROM, SELECT lists).
import type BetterSqlite3 from 'better-sqlite3'
import type { Prisma } from '../generated/sqlite/client.ts'
import type { Provider } from './database-url.ts'

type DbTx = Prisma.TransactionClient

export type Cell = string | number | Date | null

/** Parameters per statement, below SQLite's limit of 32,766 and PostgreSQL's of 65,535. */
const maxParams = 30_000

const quote = (name: string) => `"${name}"`

/** A date as Prisma stores DateTime in SQLite (the adapter's iso8601 format). */
let lastDate: Date | undefined
let lastText = ''
function sqliteDate(date: Date): string {
  if (date !== lastDate) {
    lastDate = date
    lastText = date.toISOString().replace('Z', '+00:00')
  }
  return lastText
}

export class SqlWriter {
  readonly #statements = new Map<string, BetterSqlite3.Statement>()

  /**
   * `sqlite`: the better-sqlite3 connection the transaction `tx` runs on, to write on it
   * directly; without it, statements go through `tx`.
   */
  constructor(readonly tx: DbTx, readonly provider: Provider, readonly sqlite?: BetterSqlite3.Database) {}

  async #run(sql: string, params: Cell[]): Promise<number> {
    if (!this.sqlite) return this.tx.$executeRawUnsafe(sql, ...params)
    let statement = this.#statements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      // Batches of the same shape share one prepared statement; keep a few shapes only.
      if (this.#statements.size < 16) this.#statements.set(sql, statement)
    }
    // The parameters are this writer's own array: dates are turned into text in place.
    for (let i = 0; i < params.length; i++) {
      const value = params[i]
      if (value instanceof Date) params[i] = sqliteDate(value)
    }
    return statement.run(...params).changes
  }

  #placeholders(start: number, count: number, casts?: readonly string[]): string {
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      const p = this.provider === 'sqlite' ? '?' : `$${start + i}`
      const cast = casts?.[i]
      out.push(cast && this.provider === 'postgresql' ? `CAST(${p} AS ${cast})` : p)
    }
    return `(${out.join(', ')})`
  }

  /** Rows per statement for a given number of columns. */
  rowsPerStatement(columns: number): number {
    return Math.max(1, Math.min(this.sqlite ? 500 : 2000, Math.floor(maxParams / columns)))
  }

  /**
   * INSERT INTO table (columns) VALUES (…), (…), … in as few statements as the limits allow.
   * Rows may come from a generator: only one statement's worth is held at a time.
   */
  async insert(table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>): Promise<number> {
    const per = this.rowsPerStatement(columns.length)
    const tuple = (start: number) => this.#placeholders(start, columns.length)
    let params: Cell[] = []
    let tuples: string[] = []
    let count = 0
    const flush = async () => {
      if (tuples.length === 0) return
      await this.#run(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, params)
      params = []
      tuples = []
    }
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`${table}: a row of ${row.length} values for ${columns.length} columns`)
      tuples.push(tuple(params.length + 1))
      for (const cell of row) params.push(cell)
      count++
      if (tuples.length === per) await flush()
    }
    await flush()
    return count
  }

  /**
   * UPDATE table SET column = new value … for many rows by id, one statement per batch:
   * UPDATE … FROM (VALUES (id, …), …) AS v WHERE table.id = v.column1. `set` are extra
   * assignments with the same value on every row.
   */
  async updateById(
    table: string,
    columns: readonly { name: string; cast: string }[],
    rows: readonly (readonly Cell[])[],
    set: Record<string, Cell> = {},
  ): Promise<void> {
    const casts = ['INTEGER', ...columns.map((c) => c.cast)]
    const per = this.rowsPerStatement(columns.length + 1) - 1
    const fixed = Object.entries(set)
    for (let from = 0; from < rows.length; from += per) {
      const batch = rows.slice(from, from + per)
      const params: Cell[] = []
      const assignments = columns.map((c, i) => `${quote(c.name)} = v.column${i + 2}`)
      for (const [name, value] of fixed) {
        assignments.push(`${quote(name)} = ${this.#placeholders(params.length + 1, 1).slice(1, -1)}`)
        params.push(value)
      }
      const tuples: string[] = []
      for (const row of batch) {
        tuples.push(this.#placeholders(params.length + 1, row.length, casts))
        params.push(...row)
      }
      await this.#run(
        `UPDATE ${quote(table)} SET ${assignments.join(', ')} FROM (VALUES ${tuples.join(', ')}) AS v WHERE ${quote(table)}."id" = v.column1`,
        params,
      )
    }
  }

  /** DELETE FROM table WHERE id IN (…), in batches. */
  async deleteById(table: string, ids: readonly number[]): Promise<void> {
    const per = this.rowsPerStatement(1)
    for (let from = 0; from < ids.length; from += per) {
      const batch = ids.slice(from, from + per)
      await this.#run(`DELETE FROM ${quote(table)} WHERE "id" IN ${this.#placeholders(1, batch.length)}`, batch)
    }
  }

  /**
   * A statement with ? placeholders, each optionally typed as ?::type for PostgreSQL, where a
   * parameter's type cannot be inferred (in a SELECT list); SQLite takes the value as it is.
   */
  async execute(sql: string, ...params: Cell[]): Promise<number> {
    let n = 0
    const text = sql.replace(/\?(::[a-z]+(\(\d+\))?)?/gi, (_, type: string | undefined) =>
      this.provider === 'sqlite' ? '?' : `$${++n}${type ?? ''}`,
    )
    return this.#run(text, params)
  }
}
