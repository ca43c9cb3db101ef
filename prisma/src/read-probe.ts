// A connection of its own for the one small statement every request asks (has the data or
// the sign-ins changed?) and for the large reads of a scorecard, outside Prisma's client.
// Through the client the statement took 0.6–1.2 ms a request, most of it the client's own
// work; on its own connection it takes tens of microseconds on SQLite and one round trip on
// PostgreSQL. Rows cost the client some microseconds each as well: a city's 30,000 year-to-date
// rows took 140 ms through it.
//
// SQLite: a second, read-only connection to the file. It sees only committed data (the main
// connection's open transaction is invisible to it, as it must be: an answer must not be keyed
// to a write that may yet roll back). PostgreSQL: a small pool of its own, beside Prisma's.
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { postgresConfig } from './adapters.ts'
import { sqliteFile, type Provider } from './database-url.ts'

export interface ReadProbe {
  /** The first row of `sql`, a statement without parameters. */
  firstRow(sql: string): Promise<Record<string, unknown> | undefined>
  /** The rows of a read with parameters (? on SQLite, $n on PostgreSQL); numbers and text as the driver gives them. */
  rows(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>
  /**
   * The same as arrays, in the order the statement names its columns: a scorecard's tens of
   * thousands of grouped rows cost a third less without an object made for each.
   */
  arrays(sql: string, params: readonly unknown[]): Promise<unknown[][]>
  close(): Promise<void>
}

export function openReadProbe(url: string, provider: Provider, onQuery?: (sql: string) => void): ReadProbe {
  return provider === 'sqlite' ? sqliteProbe(sqliteFile(url), onQuery) : postgresProbe(url, onQuery)
}

function sqliteProbe(file: string, onQuery?: (sql: string) => void): ReadProbe {
  let connection: BetterSqlite3.Database | undefined
  // Prepared once each: the version statement and the few shapes of reads (an IN list of
  // another length is another shape, so the cache is bounded).
  const statements = new Map<string, BetterSqlite3.Statement>()
  const prepared = (sql: string, raw = false) => {
    connection ??= new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const key = raw ? `raw ${sql}` : sql
    let statement = statements.get(key)
    if (!statement) {
      if (statements.size >= 200) statements.clear()
      statement = connection.prepare(sql)
      if (raw) statement.raw(true)
      statements.set(key, statement)
    }
    onQuery?.(sql)
    return statement
  }
  return {
    async firstRow(sql) {
      return prepared(sql).get() as Record<string, unknown> | undefined
    },
    async rows(sql, params) {
      return prepared(sql).all(...params) as Record<string, unknown>[]
    },
    async arrays(sql, params) {
      return prepared(sql, true).all(...params) as unknown[][]
    },
    async close() {
      connection?.close()
      connection = undefined
      statements.clear()
    },
  }
}

function postgresProbe(url: string, onQuery?: (sql: string) => void): ReadProbe {
  let pool: pg.Pool | undefined
  const connect = (sql: string) => {
    pool ??= new pg.Pool({ ...postgresConfig(url), max: 4 })
    onQuery?.(sql)
    return pool
  }
  const query = async (sql: string, params: readonly unknown[]) => (await connect(sql).query(sql, params as unknown[])).rows as Record<string, unknown>[]
  return {
    firstRow: async (sql) => (await query(sql, []))[0],
    rows: query,
    arrays: async (sql, params) => (await connect(sql).query({ text: sql, values: params as unknown[], rowMode: 'array' })).rows as unknown[][],
    async close() {
      const p = pool
      pool = undefined
      await p?.end()
    },
  }
}
