// A count the user imports over a span that holds seeded SAMPLE figures: the refusal says the
// stored figure is demonstration data and how to replace it, and both ways it names work.
// In-process, on a fresh copy of the seeded database (as test/import.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { importFigures, type ImportOptions } from '@msp/server/import/import-figures'
import { openTestPlatform } from './support/platform.ts'

const dir = mkdtempSync(join(tmpdir(), 'msp-import-sample-'))
let files = 0
function csv(header: string, ...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [header, ...lines].join('\n'))
  return path
}
const figures = (...lines: string[]) => csv('metric,org_unit,period_start,period_end,value,note', ...lines)

let platform: Platform
beforeEach(async () => {
  platform = await openTestPlatform()
})
afterEach(() => platform.close())

const run = (path: string, options: Partial<ImportOptions> = {}) =>
  importFigures(platform.database, platform.registry, path, { by: 'tester', ...options })
const db = () => platform.database.db

// A count (FLOW) the seed fills month by month at a station.
const metric = 'fishing-ban.anglers-checked'
const unit = 'station-jiyuqiao'
const months = [['2024-05-01', '2024-05-31'], ['2024-06-01', '2024-06-30']] as const
const sampleMessage = (from: string, to: string) =>
  `overlaps the stored SAMPLE figure for ${from}..${to} (seeded demonstration data): delete it first with ` +
  `\`pnpm run import FILE --delete --reason TEXT\` (FILE's row names its metric, org_unit, period_start and period_end), ` +
  `or import a figure for exactly ${from}..${to} to correct it`

describe('a count overlapping seeded SAMPLE figures', () => {
  beforeEach(async () => {
    expect(platform.registry.metrics.get(metric)!.kind).toBe('FLOW')
    for (const [from, to] of months) {
      const stored = await db().figure.findFirstOrThrow({ where: { metricKey: metric, orgUnit: { key: unit }, periodStart: from, periodEnd: to } })
      expect(stored.source).toBe('SAMPLE')
    }
  })

  it('is refused with a message that says the stored figure is sample data and what to do', async () => {
    const result = await run(figures(`${metric},${unit},2024-05-15,2024-06-15,8,`))
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual(months.map(([from, to]) => ({ line: 2, message: sampleMessage(from, to) })))
    expect(result.batchId).toBeNull()
  })

  it('imports once the SAMPLE figures are deleted with --delete --reason, as the message says', async () => {
    const deleted = await run(csv('metric,org_unit,period_start,period_end', ...months.map(([from, to]) => `${metric},${unit},${from},${to}`)), {
      delete: true, reason: 'replacing the seeded sample with our ledger',
    })
    expect(deleted).toMatchObject({ ok: true, deleted: 2, errors: [] })
    const imported = await run(figures(`${metric},${unit},2024-05-15,2024-06-15,8,ledger`))
    expect(imported).toMatchObject({ ok: true, created: 1, errors: [] })
    const stored = await db().figure.findMany({ where: { metricKey: metric, orgUnit: { key: unit }, periodStart: { gte: '2024-05-01' }, periodEnd: { lte: '2024-06-30' } } })
    expect(stored.map((f) => [f.periodStart, f.periodEnd, f.value, f.source])).toEqual([['2024-05-15', '2024-06-15', 8, 'IMPORTED']])
  })

  it('corrects a SAMPLE figure imported for exactly its span, as the message says', async () => {
    const [from, to] = months[0]
    const result = await run(figures(`${metric},${unit},${from},${to},1000,ledger`))
    expect(result).toMatchObject({ ok: true, created: 0, corrected: 1, errors: [] })
    const stored = await db().figure.findFirstOrThrow({ where: { metricKey: metric, orgUnit: { key: unit }, periodStart: from, periodEnd: to } })
    expect(stored).toMatchObject({ value: 1000, source: 'IMPORTED' })
  })

  it('keeps the plain message for a stored figure someone imported', async () => {
    const [from, to] = months[0]
    expect(await run(figures(`${metric},${unit},${from},${to},1000,ledger`))).toMatchObject({ ok: true, corrected: 1 })
    const result = await run(figures(`${metric},${unit},2024-05-15,2024-05-20,3,`))
    expect(result.errors).toEqual([
      { line: 2, message: `overlaps the stored figure for ${from}..${to}; a count is entered once, for spans that do not overlap` },
    ])
  })
})
