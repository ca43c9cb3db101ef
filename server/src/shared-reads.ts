// Reads that requests share while the data has not changed: the figures of a span, the
// targets, the org tree. Reading a scorecard's two years of figures takes 150–200 ms on
// SQLite; computing it from them 20–40 ms. Each request first asks the database one cheap
// question (how many figures, targets and units there are, and their latest change and
// revision), and uses what an earlier request read only if the answer is the same. So an
// import from another process, a correction or a deletion is seen by the next request.
import type { Db } from '@msp/db'
import { LRUCache } from 'lru-cache'

/**
 * What changes whenever a figure, target or org unit does: each write through the importer
 * or the seed adds or deletes a row, sets updatedAt, or records a revision.
 */
export async function dataVersion(db: Db): Promise<string> {
  // One statement, the same on SQLite and PostgreSQL: five aggregates through the client
  // took 33 ms here (30,000 figures), this one under 1 ms (0.78, median of 30), reading each
  // count, latest id and latest change from an index (Figure.updatedAt has one for it).
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    'SELECT ' +
      ['Figure', 'Target'].flatMap((table) => [
        `(SELECT count(*) FROM "${table}")`, `(SELECT max("id") FROM "${table}")`, `(SELECT CAST(max("updatedAt") AS TEXT) FROM "${table}")`,
        `(SELECT max("id") FROM "${table}Revision")`,
      ]).concat(['(SELECT count(*) FROM "OrgUnit")', '(SELECT max("id") FROM "OrgUnit")'])
        .map((expression, i) => `${expression} AS v${i}`).join(', '),
  )
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
