// Multi-row statements for writing many rows in batches (imports, the first seed). Prisma's createMany costs about half
// a millisecond a row in the client (measured: 10,000 figures in 5 s on SQLite); one INSERT of
// a thousand rows through $executeRawUnsafe costs a twentieth of that. The SQL is the same on
// SQLite and PostgreSQL but for placeholders (? and $1) and the casts PostgreSQL needs where a
// parameter's type cannot be inferred (VALUES lists in UPDATE … FROM).
import type { Prisma } from '../generated/sqlite/client.ts'
import type { Provider } from './database-url.ts'

type DbTx = Prisma.TransactionClient

export type Cell = string | number | Date | null

/** Parameters per statement, below SQLite's limit of 32,766 and PostgreSQL's of 65,535. */
const maxParams = 30_000

const quote = (name: string) => `"${name}"`

export class SqlWriter {
  constructor(readonly tx: DbTx, readonly provider: Provider) {}

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
    return Math.max(1, Math.min(2000, Math.floor(maxParams / columns)))
  }

  /** INSERT INTO table (columns) VALUES (…), (…), … in as few statements as the limits allow. */
  async insert(table: string, columns: readonly string[], rows: readonly (readonly Cell[])[]): Promise<void> {
    const per = this.rowsPerStatement(columns.length)
    for (let from = 0; from < rows.length; from += per) {
      const batch = rows.slice(from, from + per)
      const params: Cell[] = []
      const tuples: string[] = []
      for (const row of batch) {
        tuples.push(this.#placeholders(params.length + 1, row.length))
        params.push(...row)
      }
      await this.tx.$executeRawUnsafe(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, ...params)
    }
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
      await this.tx.$executeRawUnsafe(
        `UPDATE ${quote(table)} SET ${assignments.join(', ')} FROM (VALUES ${tuples.join(', ')}) AS v WHERE ${quote(table)}."id" = v.column1`,
        ...params,
      )
    }
  }

  /** DELETE FROM table WHERE id IN (…), in batches. */
  async deleteById(table: string, ids: readonly number[]): Promise<void> {
    const per = this.rowsPerStatement(1)
    for (let from = 0; from < ids.length; from += per) {
      const batch = ids.slice(from, from + per)
      await this.tx.$executeRawUnsafe(`DELETE FROM ${quote(table)} WHERE "id" IN ${this.#placeholders(1, batch.length)}`, ...batch)
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
    return this.tx.$executeRawUnsafe(text, ...params)
  }
}
