// Locks that let several processes share one database: the server, an import, a second
// import, a first start on an empty database.
//
// - The start-up lock serialises migrating and seeding between processes. On SQLite it is the
//   write lock of a small file beside the database (the schema engine needs the database's
//   own write lock while it migrates); on PostgreSQL a session advisory lock. Either is let go
//   when the process ends, however it ends.
// - Write transactions (`writeTransaction` in index.ts) hold the database's write lock from
//   their first statement: BEGIN IMMEDIATE on SQLite, a transaction advisory lock on PostgreSQL.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import pg from 'pg'
import { DatabaseBusyError, postgresConfig } from './adapters.ts'
import { providerOf, sqliteFile } from './database-url.ts'

/** PostgreSQL advisory lock keys (arbitrary, fixed): one for start-up, one for writers. */
export const startupLockKey = 727_100_001
export const writeLockKey = 727_100_002

/** Runs `fn` while holding the start-up lock of the database behind `url`. */
export async function withStartupLock<T>(url: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFile(url)
    if (file === ':memory:') return fn()
    // A fresh clone has no .data/ yet: the lock file is the first thing written there.
    mkdirSync(dirname(file), { recursive: true })
    const lock = new Sqlite(`${file}.startup-lock`, { timeout: timeoutMs })
    try {
      try {
        lock.exec('BEGIN IMMEDIATE')
      } catch (error) {
        if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
          throw new DatabaseBusyError('another process is migrating or seeding the database; try again when it has finished')
        }
        throw error
      }
      return await fn()
    } finally {
      lock.close() // ends the transaction and lets go of the lock
    }
  }
  const client = new pg.Client(postgresConfig(url))
  await client.connect()
  try {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`)
    try {
      await client.query('SELECT pg_advisory_lock($1)', [startupLockKey])
    } catch (error) {
      if ((error as { code?: unknown }).code === '55P03') {
        throw new DatabaseBusyError('another process is migrating or seeding the database; try again when it has finished')
      }
      throw error
    }
    return await fn()
  } finally {
    // Closing the session lets go of its advisory lock.
    await client.end().catch(() => {})
  }
}
