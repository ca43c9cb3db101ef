// A connection of its own for the one small statement every request asks (has the data or
// the sign-ins changed?), outside Prisma's client. Through the client it took 0.6–1.2 ms a
// request, most of it the client's own work; on its own connection it takes tens of
// microseconds on SQLite and one round trip on PostgreSQL.
//
// SQLite: a second, read-only connection to the file. It sees only committed data (the main
// connection's open transaction is invisible to it, as it must be: an answer must not be keyed
// to a write that may yet roll back). PostgreSQL: one client of its own, outside the pool.
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { postgresConfig } from './adapters.ts'
import { sqliteFile, type Provider } from './database-url.ts'

export interface ReadProbe {
  /** The first row of `sql`, a statement without parameters. */
  firstRow(sql: string): Promise<Record<string, unknown> | undefined>
  close(): Promise<void>
}

export function openReadProbe(url: string, provider: Provider): ReadProbe {
  return provider === 'sqlite' ? sqliteProbe(sqliteFile(url)) : postgresProbe(url)
}

function sqliteProbe(file: string): ReadProbe {
  let connection: BetterSqlite3.Database | undefined
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    async firstRow(sql) {
      connection ??= new BetterSqlite3(file, { readonly: true, fileMustExist: true })
      let statement = statements.get(sql)
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)))
      return statement.get() as Record<string, unknown> | undefined
    },
    async close() {
      connection?.close()
      connection = undefined
      statements.clear()
    },
  }
}

function postgresProbe(url: string): ReadProbe {
  let client: Promise<pg.Client> | undefined
  const connect = () => {
    const c = new pg.Client(postgresConfig(url))
    // A dropped connection is opened again by the next request, not left broken.
    c.on('error', () => {
      client = undefined
    })
    return c.connect().then(() => c)
  }
  return {
    async firstRow(sql) {
      client ??= connect().catch((error) => {
        client = undefined
        throw error
      })
      const result = await (await client).query(sql)
      return result.rows[0] as Record<string, unknown> | undefined
    },
    async close() {
      const c = client
      client = undefined
      await (await c?.catch(() => undefined))?.end()
    },
  }
}
