// The import's own statements: reading the stored figures a file could touch, and writing the
// planned figures with their revisions in few statements.
//
// Measured at 50,000 new monthly figures, on a 2-core machine shared with other work:
// - SQLite: the writer's multi-row INSERTs of 500 rows cost about 1.2 s of CPU for the figures,
//   a single-row INSERT prepared once and run for each figure on the same connection about
//   0.8 s; without the Figure table's five indexes the same INSERTs take 0.27 s, so keeping the
//   indexes is most of what is left.
// - PostgreSQL: figures and their CREATE revisions through the writer's multi-row INSERTs of
//   2,000 rows (22,000 parameters a statement, each through Prisma's query interpreter) about
//   12 s; with 20,000 rows a statement passed as one JSON parameter (json_to_recordset) 5 to 8 s,
//   nearly all of it the server's: EXPLAIN ANALYZE of an INSERT of 50,000 figures alone shows
//   1.7 s inserting them and keeping the six indexes and 1.2 s in the three foreign-key triggers.
// Values pass as parameters on SQLite (bound as doubles, exactly) and as JSON text on PostgreSQL,
// whose float8 input reads the shortest round-trip text JSON.stringify writes back exactly.
import type { DbTx, SqlWriter } from '@msp/db'

/** The better-sqlite3 connection a SQLite write transaction runs on. */
type SqliteConnection = NonNullable<SqlWriter['sqlite']>

export type Value = string | number | null

/**
 * Rows of a SELECT as arrays of column values, in the order the SELECT names them. `sql` uses ?
 * placeholders. On SQLite inside a write transaction the statement runs on the transaction's own
 * connection (`sqlite`), else through the client `tx` (a dry run, PostgreSQL).
 */
export type Select = (sql: string, ...params: Value[]) => Promise<Value[][]>

export function selectOn(tx: DbTx, provider: 'sqlite' | 'postgresql', sqlite?: SqliteConnection): Select {
  if (sqlite) return async (sql, ...params) => sqlite.prepare(sql).raw(true).all(...params) as Value[][]
  return async (sql, ...params) => {
    let n = 0
    const text = provider === 'postgresql' ? sql.replace(/\?/g, () => `$${++n}`) : sql
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params)
    return rows.map((row) => Object.values(row).map((v) => (typeof v === 'bigint' ? Number(v) : (v as Value))))
  }
}

/** A figure to create. */
export interface NewFigure {
  metricKey: string
  orgUnitId: number
  periodStart: string
  periodEnd: string
  value: number
  note: string | null
}

/** A stored figure to correct or delete, with what it held before. */
export interface ChangedFigure extends NewFigure {
  id: number
  previousValue: number
  previousSource: string
  previousNote: string | null
}

export interface Trail {
  batchId: number
  by: string
  reason: string | null
  now: Date
}

/** Rows a PostgreSQL statement carries as one JSON parameter. */
export const postgresRowsPerStatement = 20_000

const revisionColumns = '"figureId", "metricKey", "orgUnitId", "periodStart", "periodEnd", "action", "value", "previousValue", "source", "previousSource", "note", "previousNote", "reason", "changedBy", "changedAt", "importBatchId"'

/** Writes the planned figures and one revision for each: CREATE, UPDATE, DELETE. */
export async function writeFigures(
  writer: SqlWriter, created: Iterable<NewFigure>, corrected: Iterable<ChangedFigure>, deleted: Iterable<ChangedFigure>, trail: Trail,
): Promise<void> {
  if (writer.provider === 'postgresql') return writePostgres(writer.tx, created, corrected, deleted, trail)
  if (!writer.sqlite) throw new Error('the import writes on the SQLite transaction’s own connection, which the writer does not hold')
  writeSqlite(writer.sqlite, created, corrected, deleted, trail)
}

/** A date as Prisma stores DateTime in SQLite (the adapter's iso8601 format, as SqlWriter writes it). */
const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00')

function writeSqlite(
  db: SqliteConnection, created: Iterable<NewFigure>, corrected: Iterable<ChangedFigure>, deleted: Iterable<ChangedFigure>, trail: Trail,
): void {
  const now = sqliteDate(trail.now)
  const { batchId, by, reason } = trail
  // New figures, then one CREATE revision for each from the rows just inserted: ids only grow
  // (AUTOINCREMENT), and this batch is new.
  const lastId = (db.prepare('SELECT coalesce(max("id"), 0) FROM "Figure"').pluck().get() as number)
  const insert = db.prepare(
    `INSERT INTO "Figure" ("metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "note", "createdBy", "createdAt", "updatedAt", "importBatchId")
     VALUES (?, ?, ?, ?, ?, 'IMPORTED', ?, ?, ?, ?, ?)`,
  )
  let inserted = 0
  for (const f of created) {
    insert.run(f.metricKey, f.orgUnitId, f.periodStart, f.periodEnd, f.value, f.note, by, now, now, batchId)
    inserted++
  }
  if (inserted) {
    db.prepare(
      `INSERT INTO "FigureRevision" ("figureId", "metricKey", "orgUnitId", "periodStart", "periodEnd", "action", "value", "source", "note", "reason", "changedBy", "changedAt", "importBatchId")
       SELECT "id", "metricKey", "orgUnitId", "periodStart", "periodEnd", 'CREATE', "value", "source", "note", ?, ?, ?, "importBatchId"
       FROM "Figure" WHERE "id" > ? AND "importBatchId" = ?`,
    ).run(reason, by, now, lastId, batchId)
  }

  const revision = db.prepare(`INSERT INTO "FigureRevision" (${revisionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const update = db.prepare(
    `UPDATE "Figure" SET "value" = ?, "note" = ?, "source" = 'IMPORTED', "importBatchId" = ?, "updatedAt" = ? WHERE "id" = ?`,
  )
  for (const f of corrected) {
    if (update.run(f.value, f.note, batchId, now, f.id).changes !== 1) throw new Error(`figure ${f.id} changed under the write lock`)
    revision.run(f.id, f.metricKey, f.orgUnitId, f.periodStart, f.periodEnd, 'UPDATE', f.value, f.previousValue, 'IMPORTED', f.previousSource,
      f.note, f.previousNote, reason, by, now, batchId)
  }

  // Deletions: each DELETE revision names no figure (figureId null, as deleting the figure
  // would set it: its metric, org unit and span say which figure it was), so the delete's
  // ON DELETE SET NULL has only the figure's earlier revisions to update.
  const remove = db.prepare('DELETE FROM "Figure" WHERE "id" = ?')
  for (const f of deleted) {
    if (remove.run(f.id).changes !== 1) throw new Error(`figure ${f.id} changed under the write lock`)
    revision.run(null, f.metricKey, f.orgUnitId, f.periodStart, f.periodEnd, 'DELETE', null, f.previousValue, null, f.previousSource,
      null, f.previousNote, reason, by, now, batchId)
  }
}

/** Items of `rows` in arrays of at most `size`. */
function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = []
  for (const row of rows) {
    chunk.push(row)
    if (chunk.length === size) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length) yield chunk
}

const figureRecord = 'm text, u integer, s text, e text, v double precision, n text'
const changedRecord = `id integer, ${figureRecord}, pv double precision, ps text, pn text`
const figureJson = (f: NewFigure) => ({ m: f.metricKey, u: f.orgUnitId, s: f.periodStart, e: f.periodEnd, v: f.value, n: f.note })
const changedJson = (f: ChangedFigure) => ({ id: f.id, ...figureJson(f), pv: f.previousValue, ps: f.previousSource, pn: f.previousNote })

async function writePostgres(
  tx: DbTx, created: Iterable<NewFigure>, corrected: Iterable<ChangedFigure>, deleted: Iterable<ChangedFigure>, trail: Trail,
): Promise<void> {
  const { batchId, by, reason, now } = trail
  // $1 the rows, $2 who, $3 when, $4 the batch, $5 why.
  const run = (sql: string, rows: unknown[]) => tx.$executeRawUnsafe(sql, JSON.stringify(rows), by, now, batchId, reason)

  // New figures and their CREATE revisions, one statement a chunk: the revisions are made
  // from the rows the INSERT returns.
  for (const chunk of chunks(created, postgresRowsPerStatement)) {
    const n = await run(
      `WITH f AS (
         INSERT INTO "Figure" ("metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "note", "createdBy", "createdAt", "updatedAt", "importBatchId")
         SELECT m, u, s, e, v, 'IMPORTED', n, $2::text, $3::timestamp(3), $3::timestamp(3), $4::integer FROM json_to_recordset($1::json) AS x(${figureRecord})
         RETURNING "id", "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "note", "importBatchId")
       INSERT INTO "FigureRevision" ("figureId", "metricKey", "orgUnitId", "periodStart", "periodEnd", "action", "value", "source", "note", "reason", "changedBy", "changedAt", "importBatchId")
       SELECT "id", "metricKey", "orgUnitId", "periodStart", "periodEnd", 'CREATE', "value", "source", "note", $5::text, $2::text, $3::timestamp(3), "importBatchId" FROM f`,
      chunk.map(figureJson),
    )
    if (n !== chunk.length) throw new Error(`${n} revisions for ${chunk.length} new figures`)
  }

  // Corrections and their UPDATE revisions, one statement a chunk.
  for (const chunk of chunks(corrected, postgresRowsPerStatement)) {
    const n = await run(
      `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(${changedRecord})),
       f AS (
         UPDATE "Figure" SET "value" = x.v, "note" = x.n, "source" = 'IMPORTED', "importBatchId" = $4::integer, "updatedAt" = $3::timestamp(3)
         FROM x WHERE "Figure"."id" = x.id RETURNING "Figure"."id")
       INSERT INTO "FigureRevision" (${revisionColumns})
       SELECT x.id, x.m, x.u, x.s, x.e, 'UPDATE', x.v, x.pv, 'IMPORTED', x.ps, x.n, x.pn, $5::text, $2::text, $3::timestamp(3), $4::integer
       FROM x JOIN f ON f."id" = x.id`,
      chunk.map(changedJson),
    )
    if (n !== chunk.length) throw new Error(`${n} of ${chunk.length} corrected figures found under the write lock`)
  }

  // Deletions and their DELETE revisions, one statement a chunk: the revisions are made from
  // the rows the DELETE returns, naming no figure (figureId null, as the delete sets it on the
  // figure's earlier revisions: the metric, org unit and span say which figure it was).
  for (const chunk of chunks(deleted, postgresRowsPerStatement)) {
    const n = await run(
      `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(${changedRecord})),
       f AS (DELETE FROM "Figure" USING x WHERE "Figure"."id" = x.id RETURNING "Figure"."id")
       INSERT INTO "FigureRevision" (${revisionColumns})
       SELECT NULL, x.m, x.u, x.s, x.e, 'DELETE', NULL, x.pv, NULL, x.ps, NULL, x.pn, $5::text, $2::text, $3::timestamp(3), $4::integer
       FROM x JOIN f ON f."id" = x.id`,
      chunk.map(changedJson),
    )
    if (n !== chunk.length) throw new Error(`${n} of ${chunk.length} figures to delete found under the write lock`)
  }
}
