// Reads that requests share while the data has not changed: the figures of a span, the
// targets, the org tree. Reading a scorecard's two years of figures takes 150–200 ms on
// SQLite; computing it from them 20–40 ms. Each request first asks the database one cheap
// question (how many figures, targets and units there are, and their latest change and
// revision), and uses what an earlier request read only if the answer is the same. So an
// import from another process, a correction or a deletion is seen by the next request.
import type { Db } from '@msp/db'
import { LRUCache } from 'lru-cache'

/**
 * What changes whenever a figure, target, org unit, monthly return or month lock does: every
 * write adds a row, sets updatedAt, or records a revision (a deletion leaves a DELETE
 * revision), so the latest id or change of these tables moves.
 */
export async function dataVersion(db: Db): Promise<string> {
  // One statement, the same on SQLite and PostgreSQL, each part read from an index (the latest
  // id from the primary key, the latest change from Figure.updatedAt's). No count: a count reads
  // every row, and grows with the data (bench:scale prints this statement's time).
  const parts = [
    'max("id") FROM "Figure"', 'CAST(max("updatedAt") AS TEXT) FROM "Figure"', 'max("id") FROM "FigureRevision"',
    'max("id") FROM "Target"', 'CAST(max("updatedAt") AS TEXT) FROM "Target"', 'max("id") FROM "TargetRevision"',
    'max("id") FROM "OrgUnit"', 'max("id") FROM "MonthlyReturn"', 'max("id") FROM "ReturnRevision"', 'max("id") FROM "MonthLockRevision"',
  ]
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${parts.map((p, i) => `(SELECT ${p}) AS v${i}`).join(', ')}`)
  return Object.values(rows[0] ?? {}).map(String).join(':')
}

export class SharedReads {
  #version: string | undefined
  // A scorecard's figures for two years are some 30,000 records: a few MB an entry.
  readonly #values = new LRUCache<string, object>({ max: 32 })
  hits = 0
  misses = 0

  /**
   * What an earlier request read under this version, or `load`'s result, kept for the next
   * request if the version still holds. Only finished reads are shared: a request that runs
   * out of time fails on its own, never another's.
   */
  async remember<T extends object>(version: string, key: string, load: () => Promise<T>): Promise<T> {
    if (version !== this.#version) {
      this.#values.clear()
      this.#version = version
    }
    const known = this.#values.get(key)
    if (known) {
      this.hits++
      return known as T
    }
    this.misses++
    const value = await load()
    if (version === this.#version) this.#values.set(key, value)
    return value
  }
}

const byDb = new WeakMap<Db, SharedReads>()

/** The shared reads of one database connection (a worker thread has its own). */
export function sharedReads(db: Db): SharedReads {
  let reads = byDb.get(db)
  if (!reads) byDb.set(db, (reads = new SharedReads()))
  return reads
}
