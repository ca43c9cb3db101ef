// SQLite as the platform runs it: WAL (readers never wait for a writer), synchronous=FULL,
// and write transactions that take the write lock when they begin and give up with a clear
// error when another writer keeps it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseBusyError, openDatabase, writeTransaction, type Database } from '@msp/db'
import { openPlatform, type Platform } from '@msp/server/app'
import { data, openTestPlatform, testToday } from './support/platform.ts'

const scorecard = '{ scorecard(period: { year: 2023 }) { score maxScore areas { score rows { actual points } } } }'

describe('SQLite', () => {
  let platform: Platform
  const others: { close(): Promise<void> }[] = []
  beforeEach(async () => {
    platform = await openTestPlatform()
  })
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close()
    await platform.close()
  })

  /** Another connection to the same file, as another process would have. */
  async function another(lockTimeoutMs: number): Promise<Database> {
    const database = await openDatabase(platform.database.url, { migrate: false, lockTimeoutMs })
    others.push(database)
    return database
  }

  it('runs in WAL mode with synchronous=FULL', async () => {
    const pragma = async (name: string) => Object.values((await platform.database.db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(Number(await pragma('synchronous'))).toBe(2)
  })

  it('answers a scorecard while an import holds an open write transaction of 100,000 rows', async () => {
    const previous = process.env.MSP_LOCK_TIMEOUT_MS
    // Were readers shut out, they would fail after half a second rather than wait.
    process.env.MSP_LOCK_TIMEOUT_MS = '500'
    const reader = await openPlatform(platform.database.url, { asOf: testToday }).finally(() => {
      if (previous === undefined) delete process.env.MSP_LOCK_TIMEOUT_MS
      else process.env.MSP_LOCK_TIMEOUT_MS = previous
    })
    others.push(reader)
    const before = await data(reader, scorecard)
    const figures = await reader.database.db.figure.count()
    const now = new Date()
    let during: unknown
    let seen = -1
    let elapsed = Number.POSITIVE_INFINITY
    await writeTransaction(platform.database, async (_tx, writer) => {
      // Far more than the page cache holds: in rollback-journal mode spilling it takes the
      // exclusive lock, and readers get SQLITE_BUSY until the commit.
      const rows = Array.from({ length: 100_000 }, (_, i) => [
        'prices.operators-checked', 1, `2001-01-${String(i).padStart(6, '0')}`, '2001-01-31', 1, 'IMPORTED', 'bench', now, now,
      ])
      await writer.insert('Figure', ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'createdBy', 'createdAt', 'updatedAt'], rows)
      const started = performance.now()
      during = await data(reader, scorecard)
      seen = await reader.database.db.figure.count()
      elapsed = performance.now() - started
      throw new Error('roll back')
    }).catch((error: Error) => {
      if (error.message !== 'roll back') throw error
    })
    expect(during).toEqual(before)
    expect(seen).toBe(figures) // the uncommitted rows are not visible
    expect(elapsed).toBeLessThan(5_000)
  })

  it('makes a second writer wait for the lock, then fail with DatabaseBusyError', async () => {
    const second = await another(300)
    let release!: () => void
    const held = writeTransaction(platform.database, () => new Promise<void>((r) => (release = r)))
    const started = Date.now()
    await expect(writeTransaction(second, async (tx) => tx.figure.count())).rejects.toThrow(DatabaseBusyError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    release()
    await held
    // Once the lock is free, the second writer gets it.
    expect(await writeTransaction(second, async (tx) => tx.orgUnit.count())).toBeGreaterThan(0)
  })

  it('takes the write lock when the transaction begins, so what it read stays true until it commits', async () => {
    const second = await another(300)
    let release!: () => void
    let inside = false
    const held = writeTransaction(platform.database, async (tx) => {
      await tx.orgUnit.count() // only a read so far
      inside = true
      await new Promise<void>((r) => (release = r))
    })
    while (!inside) await new Promise((r) => setTimeout(r, 10))
    // A plain BEGIN would let the second writer in here (nothing written yet) and then fail
    // the first at its first write; BEGIN IMMEDIATE keeps it out from the start.
    await expect(writeTransaction(second, async (tx) => tx.area.updateMany({ data: { sortOrder: 99 }, where: { key: 'none' } }))).rejects.toThrow(DatabaseBusyError)
    release()
    await held
  })
})
