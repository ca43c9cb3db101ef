// Import on PostgreSQL: two platforms starting at once on an empty database, two imports at
// once with overlapping spans, a writer that cannot get the lock, and a deletion whose trail
// survives. Starts a throwaway cluster from Debian's server binaries; CI installs them.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseBusyError, openDatabase, postgresBinariesAvailable, startThrowawayPostgres, writeTransaction, type ThrowawayPostgres } from '@msp/db'
import { openPlatform, type Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import installation from '../msp.config.ts'
import { testToday } from './support/platform.ts'

const available = postgresBinariesAvailable()
if (!available && process.env.CI) throw new Error('PostgreSQL server binaries are missing: .ci/run must install postgresql')

const header = 'metric,org_unit,period_start,period_end,value,note'
const dir = mkdtempSync(join(tmpdir(), 'msp-import-pg-'))
let files = 0
function csv(...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [header, ...lines].join('\n'))
  return path
}

describe.skipIf(!available)('import on PostgreSQL', () => {
  let cluster: ThrowawayPostgres
  let first: Platform
  let second: Platform

  beforeAll(async () => {
    cluster = await startThrowawayPostgres()
    // Two platforms start at once on the empty database: one migrates and seeds, the other
    // waits and finds it done.
    ;[first, second] = await Promise.all([openPlatform(cluster.url, { asOf: testToday }), openPlatform(cluster.url, { asOf: testToday })])
  })

  afterAll(async () => {
    await first?.close()
    await second?.close()
    await cluster?.stop()
  })

  it('seeds once when two platforms start together on an empty database', async () => {
    expect([first.seeded.seeded, second.seeded.seeded].sort()).toEqual([false, true])
    expect(await first.database.db.orgUnit.count()).toBe(installation.orgUnits.length)
    expect(await first.database.db.figure.count({ where: { source: 'SAMPLE' } })).toBe((first.seeded.seeded ? first : second).seeded.figures - first.registry.reportFigures.length)
  })

  it('lets only one of two concurrent imports with overlapping spans commit; the other is refused and writes nothing', async () => {
    const month = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,month')
    const quarter = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-09-30,40,quarter')
    const batches = await first.database.db.importBatch.count()
    const results = await Promise.all([
      importFigures(first.database, first.registry, month, { by: 'first' }),
      importFigures(second.database, second.registry, quarter, { by: 'second' }),
    ])
    expect(results.map((r) => r.ok).sort()).toEqual([false, true])
    const refused = results.find((r) => !r.ok)!
    expect(refused.errors).toHaveLength(1)
    expect(refused.errors[0]!.message).toMatch(/^overlaps the stored figure for 2024-07-01\.\.2024-0[79]-3[01]; a count is entered once/)
    expect(refused.batchId).toBeNull()
    const stored = await first.database.db.figure.findMany({ where: { metricKey: 'fishing-ban.anglers-checked', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-07-01' } })
    expect(stored).toHaveLength(1)
    expect(await first.database.db.importBatch.count()).toBe(batches + 1)
  })

  it('gives up with DatabaseBusyError when another writer keeps the lock', async () => {
    const impatient = await openDatabase(cluster.url, { migrate: false, lockTimeoutMs: 300 })
    let release!: () => void
    const held = writeTransaction(first.database, () => new Promise<void>((r) => (release = r)))
    try {
      await new Promise((r) => setTimeout(r, 100))
      const path = csv('fishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-07-31,3,')
      await expect(importFigures(impatient, first.registry, path, { by: 'impatient' })).rejects.toThrow(DatabaseBusyError)
    } finally {
      release()
      await held
      await impatient.close()
    }
    expect(await first.database.db.figure.count({ where: { orgUnit: { key: 'station-ziyang' }, metricKey: 'fishing-ban.anglers-checked', periodStart: '2024-07-01' } })).toBe(0)
  })

  it('deletes with a reason, keeps the trail, refuses the report’s own figures', async () => {
    const db = first.database.db
    const path = csv('drugs.dealer-inspections,station-nanhu,2024-07-01,2024-07-31,7,ledger')
    expect(await importFigures(first.database, first.registry, path, { by: 'tester' })).toMatchObject({ ok: true, created: 1 })
    const corrected = await importFigures(first.database, first.registry, csv('drugs.dealer-inspections,station-nanhu,2024-07-01,2024-07-31,8,recount'), { by: 'tester' })
    expect(corrected).toMatchObject({ ok: true, corrected: 1 })
    // A value in a deletion row must be the stored one: 7 is no longer.
    expect((await importFigures(first.database, first.registry, path, { by: 'tester', delete: true, reason: 'wrong station' })).errors).toHaveLength(1)
    const named = csv('drugs.dealer-inspections,station-nanhu,2024-07-01,2024-07-31,,')
    const deleted = await importFigures(first.database, first.registry, named, { by: 'tester', delete: true, reason: 'wrong station' })
    expect(deleted).toMatchObject({ ok: true, deleted: 1 })
    const trail = await db.figureRevision.findMany({ where: { metricKey: 'drugs.dealer-inspections', periodStart: '2024-07-01' }, orderBy: { id: 'asc' } })
    expect(trail.map((r) => [r.action, r.figureId, r.value, r.previousValue, r.previousSource, r.previousNote])).toEqual([
      ['CREATE', null, 7, null, null, null],
      ['UPDATE', null, 8, 7, 'IMPORTED', 'ledger'],
      ['DELETE', null, null, 8, 'IMPORTED', 'recount'],
    ])
    expect(trail[2]).toMatchObject({ reason: 'wrong station', changedBy: 'tester' })
    const report = csv('fishing-ban.anglers-checked,wuchang,2023-01-01,2023-09-26,,')
    const refused = await importFigures(first.database, first.registry, report, { by: 'tester', delete: true, reason: 'test' })
    expect(refused.errors.map((e) => e.message)).toEqual(["2023-01-01..2023-09-26 is the report's own figure; report figures are not deleted by import"])
  })
})
