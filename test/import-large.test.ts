// A file larger than one statement carries (PostgreSQL takes 20,000 rows a statement), on
// SQLite and on a throwaway PostgreSQL cluster: every row is written with its revision when the
// file is good, and nothing at all when its last row is refused or the database refuses a row
// after earlier statements have run.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresBinariesAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '@msp/db'
import { openPlatform, type Platform } from '@msp/server/app'
import { importFigures, type ImportOptions } from '@msp/server/import/import-figures'
import { postgresRowsPerStatement } from '@msp/server/import/sql'
import { openTestPlatform, testToday } from './support/platform.ts'

const rows = postgresRowsPerStatement + 500
const header = 'metric,org_unit,period_start,period_end,value,note'
const dir = mkdtempSync(join(tmpdir(), 'msp-import-large-'))
let files = 0
function write(lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [header, ...lines].join('\n'))
  return path
}

/** Months before the sample data (which starts in 2021), newest first. */
function months(): { start: string; end: string }[] {
  const out = []
  for (let y = 2020; y >= 1980; y--) {
    for (let m = 12; m >= 1; m--) {
      const mm = String(m).padStart(2, '0')
      out.push({ start: `${y}-${mm}-01`, end: `${y}-${mm}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}` })
    }
  }
  return out
}

interface Cell {
  metric: string
  unit: string
  start: string
  end: string
  value: number
}

/**
 * `rows` monthly counts, metric by metric, station by station: the file's order is the order
 * the import writes in, so the last metric's rows go in the last statement. A cell's value is
 * the same for every metric, so no plugin rule (one count at most another) is broken.
 */
function cells(platform: Platform, shift = 0): Cell[] {
  const metrics = [...platform.registry.metrics.values()].filter((m) => m.kind === 'FLOW' && !m.numerator).map((m) => m.key)
  const stations = platform.registry.orgUnits.filter((u) => u.kind === 'STATION').map((u) => u.key)
  const spans = months()
  const out: Cell[] = []
  for (const metric of metrics) {
    for (const [s, unit] of stations.entries()) {
      for (const [m, span] of spans.entries()) {
        if (out.length === rows) return out
        out.push({ metric, unit, ...span, value: ((s * 7 + m) % 300) + shift })
      }
    }
  }
  throw new Error(`only ${out.length} cells`)
}
const line = (c: Cell, note = '') => `${c.metric},${c.unit},${c.start},${c.end},${c.value},${note}`

const cases: { name: string; available: boolean; open: () => Promise<Platform>; poison: string[]; cure: string[] }[] = [
  {
    name: 'SQLite',
    available: true,
    open: () => openTestPlatform(),
    poison: [`CREATE TRIGGER "poison" BEFORE INSERT ON "Figure" WHEN NEW."note" = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`],
    cure: ['DROP TRIGGER "poison"'],
  },
  {
    name: 'PostgreSQL',
    available: postgresBinariesAvailable(),
    open: async () => {
      cluster = await startThrowawayPostgres()
      return openPlatform(cluster.url, { asOf: testToday })
    },
    poison: [
      `CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poisoned row'; END $$`,
      `CREATE TRIGGER poison BEFORE INSERT ON "Figure" FOR EACH ROW WHEN (NEW."note" = 'poison') EXECUTE FUNCTION poison()`,
    ],
    cure: ['DROP TRIGGER poison ON "Figure"', 'DROP FUNCTION poison()'],
  },
]
let cluster: ThrowawayPostgres | undefined

describe.each(cases)('a large import on $name', ({ available, open, poison, cure }) => {
  let platform: Platform
  beforeAll(async () => {
    if (available) platform = await open()
  }, 180_000)
  afterAll(async () => {
    await platform?.close()
    await cluster?.stop()
    cluster = undefined
  })

  const run = (path: string, options: Partial<ImportOptions> = {}) =>
    importFigures(platform.database, platform.registry, path, { by: 'tester', today: testToday, periodRange: { start: '1980-01-01', end: '2026-12-31' }, ...options })
  const db = () => platform.database.db
  const counts = async () => ({ figures: await db().figure.count(), revisions: await db().figureRevision.count(), batches: await db().importBatch.count() })

  it.skipIf(!available)('writes every row of a file larger than one statement with its revision, corrects them all, deletes them all', async () => {
    const before = await counts()
    const first = cells(platform)
    const created = await run(write(first.map((c) => line(c))))
    expect(created).toMatchObject({ ok: true, created: rows, corrected: 0, errors: [] })
    const batch = created.batchId!
    expect(await db().figure.count({ where: { importBatchId: batch, source: 'IMPORTED' } })).toBe(rows)
    const createRevisions = await db().figureRevision.findMany({ where: { importBatchId: batch }, include: { figure: true } })
    expect(createRevisions).toHaveLength(rows)
    for (const r of createRevisions) {
      expect(r).toMatchObject({ action: 'CREATE', source: 'IMPORTED', changedBy: 'tester' })
      expect(r.figure).toMatchObject({ metricKey: r.metricKey, orgUnitId: r.orgUnitId, periodStart: r.periodStart, periodEnd: r.periodEnd, value: r.value })
    }
    // The last metric's rows are written in the last statement.
    const last = first.at(-1)!
    expect(await db().figure.findFirst({ where: { metricKey: last.metric, orgUnit: { key: last.unit }, periodStart: last.start } })).toMatchObject({ value: last.value, importBatchId: batch })

    const second = cells(platform, 1)
    const corrected = await run(write(second.map((c) => line(c, 'recount'))), { reason: 'ledger checked' })
    expect(corrected).toMatchObject({ ok: true, created: 0, corrected: rows, unchanged: 0 })
    const updates = await db().figureRevision.findMany({ where: { importBatchId: corrected.batchId! }, include: { figure: true } })
    expect(updates).toHaveLength(rows)
    for (const r of updates) {
      expect(r).toMatchObject({ action: 'UPDATE', value: r.previousValue! + 1, previousSource: 'IMPORTED', note: 'recount', previousNote: null, reason: 'ledger checked' })
      expect(r.figure).toMatchObject({ value: r.value, note: 'recount', importBatchId: corrected.batchId })
    }

    const deleted = await run(write(second.map((c) => line(c))), { delete: true, reason: 'wrong file' })
    expect(deleted).toMatchObject({ ok: true, deleted: rows })
    const deletions = await db().figureRevision.findMany({ where: { importBatchId: deleted.batchId! } })
    expect(deletions).toHaveLength(rows)
    expect(deletions.every((r) => r.action === 'DELETE' && r.figureId === null && r.previousNote === 'recount' && r.reason === 'wrong file')).toBe(true)
    expect(await db().figureRevision.count({ where: { importBatchId: batch, figureId: { not: null } } })).toBe(0)
    expect(await counts()).toEqual({ figures: before.figures, revisions: before.revisions + 3 * rows, batches: before.batches + 3 })
  }, 300_000)

  it.skipIf(!available)('stores a fraction exactly as read, and corrects it exactly', async () => {
    const where = { metricKey: 'food.officer-staffing-rate', orgUnit: { key: 'station-nanhu' }, periodStart: '2020-07-01' }
    expect(await run(write(['food.officer-staffing-rate,station-nanhu,2020-07-01,2020-07-31,98.7%,']))).toMatchObject({ ok: true, created: 1 })
    expect((await db().figure.findFirstOrThrow({ where })).value).toBe(0.987)
    expect(await run(write(['food.officer-staffing-rate,station-nanhu,2020-07-01,2020-07-31,0.30000000000000004,']))).toMatchObject({ ok: true, corrected: 1 })
    expect((await db().figure.findFirstOrThrow({ where })).value).toBe(0.1 + 0.2)
    const trail = await db().figureRevision.findMany({ where: { metricKey: where.metricKey, periodStart: where.periodStart }, orderBy: { id: 'asc' } })
    expect(trail.map((r) => [r.action, r.value, r.previousValue])).toEqual([['CREATE', 0.987, null], ['UPDATE', 0.1 + 0.2, 0.987]])
  })

  it.skipIf(!available)('writes nothing when the last row of a large file overlaps a stored figure', async () => {
    const file = cells(platform)
    const last = file.at(-1)!
    // The last row's month is stored; the file's last row now spans it and the month before,
    // which no other row of the file touches.
    expect(await run(write([line(last)]))).toMatchObject({ ok: true, created: 1 })
    const before = await counts()
    const [y, m] = last.start.split('-').map(Number) as [number, number]
    const twoMonths = { ...last, start: new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10) }
    const result = await run(write([...file.slice(0, -1).map((c) => line(c)), line(twoMonths)]))
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([{ line: rows + 1, message: expect.stringMatching(/^overlaps the stored figure for /) }])
    expect(result.batchId).toBeNull()
    expect(await counts()).toEqual(before)
    await run(write([line(last)]), { delete: true, reason: 'test over' })
  }, 300_000)

  it.skipIf(!available)('writes nothing when the database refuses a row after earlier statements have run', async () => {
    const file = cells(platform)
    // The import writes by metric (in the order the file names them), org unit and span: the
    // row it writes last, in the last statement, is the one refused.
    const unitIds = new Map((await db().orgUnit.findMany()).map((u) => [u.key, u.id]))
    const metricOrder = [...new Set(file.map((c) => c.metric))]
    const rank = (c: Cell) => [metricOrder.indexOf(c.metric), unitIds.get(c.unit)!, c.start] as const
    const lastWritten = file.reduce((a, b) => {
      const [x, y] = [rank(a), rank(b)]
      return x[0] !== y[0] ? (x[0] > y[0] ? a : b) : x[1] !== y[1] ? (x[1] > y[1] ? a : b) : x[2] > y[2] ? a : b
    })
    for (const statement of poison) await db().$executeRawUnsafe(statement)
    try {
      const before = await counts()
      await expect(run(write(file.map((c) => line(c, c === lastWritten ? 'poison' : ''))))).rejects.toThrow(/poisoned row/)
      expect(await counts()).toEqual(before)
    } finally {
      for (const statement of cure) await db().$executeRawUnsafe(statement)
    }
  }, 300_000)
})
