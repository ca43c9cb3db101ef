// Reads that requests share while the data has not changed: the figures of a span, the
// targets, the org tree. Reading a scorecard's two years of figures takes 150–200 ms on
// SQLite; computing it from them 20–40 ms. Each request first asks the database one cheap
// question (the latest id or change of the figures, targets, units and returns), and uses
// what an earlier request read only if the answer is the same. So an import from another
// process, a correction or a deletion is seen by the next request.
import { databaseOf, type Db } from '@msp/db'
import { LRUCache } from 'lru-cache'

/**
 * What changes whenever a figure, target, org unit, monthly return or month lock does: every
 * write adds a row, sets updatedAt, or records a revision (a deletion leaves a DELETE
 * revision), so the latest id or change of these tables moves. Each part is read from an index
 * (the latest id from the primary key, the latest change from updatedAt's). No count: a count
 * reads every row, and grows with the data.
 */
const dataParts = [
  'max("id") FROM "Figure"', 'CAST(max("updatedAt") AS TEXT) FROM "Figure"', 'max("id") FROM "FigureRevision"',
  'max("id") FROM "Target"', 'CAST(max("updatedAt") AS TEXT) FROM "Target"', 'max("id") FROM "TargetRevision"',
  'max("id") FROM "OrgUnit"', 'max("id") FROM "MonthlyReturn"', 'max("id") FROM "ReturnRevision"', 'max("id") FROM "MonthLockRevision"',
]

/**
 * What changes whenever someone may be signed in or out differently: a session begun or ended
 * (counted: an ended one is deleted), a token made or revoked, an account changed (disabled,
 * its role or unit, its password). These tables hold one row a person or script, so counting
 * them is cheap.
 */
const authParts = [
  'count(*) FROM "Session"', 'max("id") FROM "Session"', 'max("id") FROM "ApiToken"', 'count("revokedAt") FROM "ApiToken"',
  'count(*) FROM "User"', 'CAST(max("updatedAt") AS TEXT) FROM "User"',
]

const versionStatement = `SELECT ${[...dataParts, ...authParts].map((p, i) => `(SELECT ${p}) AS v${i}`).join(', ')}`

export interface Versions {
  /** Changes with every write of figures, targets, units, returns or month locks. */
  data: string
  /** Changes with every sign-in, sign-out, token or account change. */
  auth: string
}

/**
 * The versions, asked of the database on its probe connection (one statement). Requests that
 * arrive while one reading is under way share the next one, which begins after they arrived:
 * no request is given a reading taken before it came, so a write acknowledged before it came is
 * always seen.
 */
export function readVersions(db: Db): Promise<Versions> {
  let reader = readers.get(db)
  if (!reader) readers.set(db, (reader = versionReader(db)))
  return reader()
}

/** The data's version alone (readVersions). */
export async function dataVersion(db: Db): Promise<string> {
  return (await readVersions(db)).data
}

const readers = new WeakMap<Db, () => Promise<Versions>>()

function versionReader(db: Db): () => Promise<Versions> {
  const { probe } = databaseOf(db)
  let running: Promise<Versions> | undefined
  let next: Promise<Versions> | undefined
  const read = async (): Promise<Versions> => {
    const row = Object.values((await probe.firstRow(versionStatement)) ?? {}).map(String)
    return { data: row.slice(0, dataParts.length).join(':'), auth: row.slice(dataParts.length).join(':') }
  }
  const start = (): Promise<Versions> => {
    const reading = read()
    running = reading
    const done = () => {
      if (running === reading) running = undefined
    }
    reading.then(done, done)
    return reading
  }
  return () => {
    if (!running) return start()
    // Join the reading queued behind the running one, or queue it.
    next ??= running.catch(() => undefined).then(() => {
      next = undefined
      return start()
    })
    return next
  }
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
