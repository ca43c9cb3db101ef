// The running year-to-date totals (prisma/src/year-to-date.ts, issue 11 item 3): on random
// figures of every kind (FLOW, STOCK, RATE, RANK), at every decimals, over month, quarter,
// year, cross-year and year-to-date spans, with corrections and deletions, the totals a
// scorecard reads from them equal what the raw figures add up to (the engine's own
// summarizeFigures), the latest figures too, and they are read, not the figures. A change made outside a write
// transaction is never read from stale totals; the rebuild makes damaged totals right. On
// SQLite and PostgreSQL (vitest.config.ts).
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseOf, rebuildYearToDate, takesLatestSql, writeTransaction, type Cell } from '@msp/db'
import { sources } from '@msp/plugin-sdk'
import type { Platform } from '@msp/server/app'
import { createContext } from '@msp/server/context'
import { summarizeFigures, takesLatest, wordOf, type FigureRecord, type SpanSummary } from '@msp/server/engine/index'
import { readSpanSummary } from '@msp/server/figure-summary-reads'
import { openTestPlatform, testToday } from './support/platform.ts'

let platform: Platform
beforeAll(async () => {
  platform = await openTestPlatform()
})
afterAll(() => platform.close())

const db = () => platform.database.db
const units = async () => createContext(db(), platform.registry, testToday).orgUnits()

async function rawFigures(from?: string): Promise<FigureRecord[]> {
  const keyOf = new Map((await db().orgUnit.findMany()).map((u) => [u.id, u.key]))
  return (await db().figure.findMany({ where: from ? { periodStart: { gte: from } } : {} })).map((f) => ({
    metricKey: f.metricKey, orgUnitKey: keyOf.get(f.orgUnitId)!, start: f.periodStart, end: f.periodEnd, value: f.value, source: wordOf(sources, f.source, 'source'),
  }))
}

const sorted = (summary: SpanSummary) => ({
  totals: [...summary.totals].sort((a, b) => `${a.metricKey} ${a.orgUnitKey} ${a.source}`.localeCompare(`${b.metricKey} ${b.orgUnitKey} ${b.source}`)),
  latest: [...summary.latest].sort((a, b) => `${a.metricKey} ${a.orgUnitKey}`.localeCompare(`${b.metricKey} ${b.orgUnitKey}`)),
})

/** Reads a span's summary as a scorecard does, and which tables it read. */
async function summaryOf(span: { start: string; end: string }, unit: string | null, metricKeys: readonly string[] | null, figures?: FigureRecord[]) {
  const { byId, byKey, tree } = await units()
  const tables: string[] = []
  const read = (sql: string, params: unknown[]) => {
    tables.push(...[...sql.matchAll(/FROM "(\w+)"/g)].map((m) => m[1]!))
    return db().$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params).then((rows) => rows.map((r) => Object.values(r)))
  }
  const metrics = [...platform.registry.metrics.values()].filter((m) => !metricKeys || metricKeys.includes(m.key))
  const ids = unit ? tree.subtree(unit).map((k) => byKey.get(k)!.id) : undefined
  const summary = await readSpanSummary(read, databaseOf(db()).provider, { span, metrics, every: metricKeys === null, orgUnitIds: ids }, (id) => byId.get(id)!.key)
  const inSubtree = new Set(unit ? tree.subtree(unit) : tree.subtree(tree.root))
  const expected = summarizeFigures((figures ?? (await rawFigures())).filter((f) => inSubtree.has(f.orgUnitKey)), platform.registry.metrics, span, metricKeys && new Set(metricKeys))
  return { summary: sorted(summary), expected: sorted(expected), tables }
}

const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
const first = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`

// Random figures in 2030–2031, kept apart from the seeded years.
const periodArb = fc.oneof(
  fc.record({ y: fc.constantFrom(2030, 2031), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => [first(y, m), monthEnd(y, m)] as const),
  fc.record({ y: fc.constantFrom(2030, 2031), q: fc.integer({ min: 0, max: 3 }) }).map(({ y, q }) => [first(y, q * 3 + 1), monthEnd(y, q * 3 + 3)] as const),
  fc.record({ y: fc.constantFrom(2030, 2031), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => [`${y}-01-01`, monthEnd(y, m)] as const),
  fc.constant(['2030-01-01', '2030-12-31'] as const),
  // Across the new year: within no year to date.
  fc.constant(['2030-12-01', '2031-01-31'] as const),
  // Half a month: within its year to date, but the exact span of none.
  fc.record({ y: fc.constantFrom(2030, 2031), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => [first(y, m), `${y}-${String(m).padStart(2, '0')}-15`] as const),
)

describe('year-to-date totals', () => {
  it('keep the latest figure of exactly the metrics the engine takes one of, and each metric at its decimals', async () => {
    const rows = await db().$queryRawUnsafe<{ key: string }[]>(`SELECT "key" FROM "Metric" WHERE ${takesLatestSql} ORDER BY "key"`)
    const expected = [...platform.registry.metrics.values()].filter(takesLatest).map((m) => m.key).sort()
    expect(expected.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.key).sort()).toEqual(expected)
    const stored = new Map((await db().metric.findMany()).map((m) => [m.key, m.decimals]))
    for (const m of platform.registry.metrics.values()) expect(stored.get(m.key), m.key).toBe(m.decimals)
  })

  it('are made by the seed, and a scorecard reads them, not the figures, for a year to date', async () => {
    expect(await db().figureYearToDateStale.count()).toBe(0)
    expect(await db().figureYearToDate.count()).toBeGreaterThan(1000)
    for (const [span, unit] of [[{ start: '2023-01-01', end: '2023-12-31' }, null], [{ start: '2023-01-01', end: '2023-09-30' }, 'station-nanhu'], [{ start: '2024-01-01', end: '2024-02-29' }, null]] as const) {
      const { summary, expected, tables } = await summaryOf(span, unit, null)
      expect(summary, `${span.start}..${span.end}`).toEqual(expected)
      expect(tables).toContain('FigureYearToDate')
      expect(tables).toContain('FigureYearToDateLatest')
      expect(tables).not.toContain('Figure')
    }
  })

  it('equal the raw figures on random data of every kind, after random writes, corrections and deletions', async () => {
    const { byKey } = await units()
    const stations = [...byKey.values()].filter((u) => u.key.startsWith('station-')).slice(0, 4)
    const metrics = [...platform.registry.metrics.values()]
    const chosen = ['FLOW', 'STOCK', 'RATE', 'RANK'].flatMap((kind) => metrics.filter((m) => m.kind === kind).slice(0, 2))
    expect(new Set(chosen.map((m) => m.kind)).size).toBe(4)
    expect(chosen.some((m) => m.decimals > 0)).toBe(true)
    const figureArb = fc.record({
      metric: fc.constantFrom(...chosen.map((m) => m.key)),
      unit: fc.constantFrom(...stations.map((s) => s.id)),
      period: periodArb,
      value: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => Math.round(v * 1000) / 1000)),
      source: fc.constantFrom('ENTERED', 'IMPORTED', 'SAMPLE'),
    })
    const columns = ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'createdBy', 'createdAt', 'updatedAt']
    await fc.assert(
      fc.asyncProperty(
        fc.array(figureArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(...stations.map((s) => s.key), null),
        async (figures, corrections, deletions, unit) => {
          const cells = new Map(figures.map((f) => [`${f.metric} ${f.unit} ${f.period[0]} ${f.period[1]}`, f]))
          const now = new Date()
          await writeTransaction(platform.database, async (tx, writer) => {
            await tx.figure.deleteMany({ where: { periodStart: { gte: '2030-01-01' } } })
            await writer.insert('Figure', columns, [...cells.values()].map((f): Cell[] => [f.metric, f.unit, f.period[0], f.period[1], f.value, f.source, 'property', now, now]))
          })
          const stored = await db().figure.findMany({ where: { periodStart: { gte: '2030-01-01' } }, orderBy: { id: 'asc' } })
          await writeTransaction(platform.database, async (_tx, writer) => {
            for (const i of corrections) await writer.execute('UPDATE "Figure" SET "value" = "value" + 1.5, "source" = \'ENTERED\' WHERE "id" = ?', stored[i % stored.length]!.id)
            for (const i of deletions) await writer.execute('DELETE FROM "Figure" WHERE "id" = ?', stored[i % stored.length]!.id)
          })
          const figuresNow = await rawFigures('2030-01-01')
          for (const [start, end] of [['2030-01-01', '2030-12-31'], ['2030-01-01', '2030-03-31'], ['2031-01-01', '2031-02-28'], ['2031-01-01', '2031-12-31']] as const) {
            for (const keys of [null, chosen.slice(0, 3).map((m) => m.key)]) {
              const { summary, expected, tables } = await summaryOf({ start, end }, unit, keys, figuresNow)
              expect(summary, `${start}..${end} at ${unit ?? 'the root'}`).toEqual(expected)
              expect(tables).not.toContain('Figure')
            }
          }
        },
      ),
      { numRuns: 40, seed: 20261128 },
    )
  }, 240_000)

  it('are not read for a year a change outside a write transaction left stale; the next write transaction makes them anew', async () => {
    const figure = await db().figure.findFirstOrThrow({ where: { periodStart: '2023-03-01', periodEnd: '2023-03-31', orgUnit: { key: 'station-nanhu' } } })
    await db().figure.update({ where: { id: figure.id }, data: { value: figure.value + 7 } })
    expect(await db().figureYearToDateStale.count()).toBe(1)
    const stale = await summaryOf({ start: '2023-01-01', end: '2023-12-31' }, 'station-nanhu', null)
    expect(stale.summary).toEqual(stale.expected)
    expect(stale.tables).not.toContain('FigureYearToDate')
    await writeTransaction(platform.database, async () => undefined)
    expect(await db().figureYearToDateStale.count()).toBe(0)
    const made = await summaryOf({ start: '2023-01-01', end: '2023-12-31' }, null, null)
    expect(made.summary).toEqual(made.expected)
    expect(made.tables).toContain('FigureYearToDate')
  })

  it('keep the mark of a writer outside a write transaction that commits while a refresh is at work (PostgreSQL)', async () => {
    // SQLite has one writer at a time: no refresh runs beside another writer there.
    if (databaseOf(db()).provider !== 'postgresql') return
    const figure = await db().figure.findFirstOrThrow({ where: { periodStart: '2023-05-01', periodEnd: '2023-05-31', orgUnit: { key: 'station-nanhu' } } })
    // The unit-year is already marked (a change by hand, committed), and a second writer by hand
    // changes it again in a transaction it has not committed yet.
    await db().figure.update({ where: { id: figure.id }, data: { value: figure.value + 1 } })
    let commit!: () => void
    const committing = new Promise<void>((resolve) => (commit = resolve))
    let changed!: () => void
    const hasChanged = new Promise<void>((resolve) => (changed = resolve))
    const byHand = db().$transaction(
      async (tx) => {
        await tx.figure.update({ where: { id: figure.id }, data: { value: figure.value + 100 } })
        changed()
        await committing
      },
      { timeout: 60_000 },
    )
    await hasChanged
    let refreshed = false
    const refresh = writeTransaction(platform.database, async () => undefined).finally(() => (refreshed = true))
    // The refresh must wait for that writer before it claims the mark (before the fix it made
    // the year without the writer's change and cleared the mark the writer then committed).
    for (let waited = 0; !refreshed && waited < 15_000; waited += 25) {
      const [row] = await db().$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT COUNT(*) AS "n" FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "query" LIKE 'DELETE FROM "FigureYearToDateStale"%'`,
      )
      if (Number(row!.n) > 0) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    commit()
    await byHand
    await refresh
    if ((await db().figureYearToDateStale.count()) === 0) {
      const made = await summaryOf({ start: '2023-01-01', end: '2023-12-31' }, 'station-nanhu', null)
      expect(made.tables).toContain('FigureYearToDate')
      expect(made.summary).toEqual(made.expected)
    }
    await writeTransaction(platform.database, async () => undefined)
    const after = await summaryOf({ start: '2023-01-01', end: '2023-06-30' }, null, null)
    expect(after.summary).toEqual(after.expected)
  })

  it('are made right again by the rebuild after damage', async () => {
    await db().figureYearToDate.updateMany({ where: { year: 2023 }, data: { scaledSum: 1 } })
    const damaged = await summaryOf({ start: '2023-01-01', end: '2023-12-31' }, null, null)
    expect(damaged.summary).not.toEqual(damaged.expected)
    const made = await writeTransaction(platform.database, (tx, writer) => rebuildYearToDate(tx, writer, databaseOf(db()).provider))
    expect(made).toBeGreaterThan(10)
    const rebuilt = await summaryOf({ start: '2023-01-01', end: '2023-12-31' }, null, null)
    expect(rebuilt.summary).toEqual(rebuilt.expected)
  })

  it('are made anew by `pnpm run rebuild:rollups`, which says how many rows differed', async () => {
    await db().figureYearToDate.updateMany({ where: { year: 2024 }, data: { count: 99 } })
    const root = join(import.meta.dirname, '..')
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'src', 'cli', 'rebuild-rollups.ts'), ...args], {
        env: { ...process.env, DATABASE_URL: platform.database.url },
      })
    const first = await run('--check')
    const differed = Number(/^(\d+) year-to-date rows differed/m.exec(first.stdout)?.[1])
    expect(differed).toBeGreaterThan(0)
    expect(first.stdout).toMatch(/made anew for \d+ unit-years/)
    expect((await run('--check')).stdout).toMatch(/^0 year-to-date rows differed/m)
    const after = await summaryOf({ start: '2024-01-01', end: '2024-06-30' }, null, null)
    expect(after.summary).toEqual(after.expected)
    await expect(run('--bogus')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: pnpm run rebuild:rollups') })
  }, 120_000)
})
