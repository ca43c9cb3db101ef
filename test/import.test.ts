// Import of figures from CSV and XLSX: every row checked, all or nothing, with a trail.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import writeXlsxFile from 'write-excel-file/node'
import type { Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import { data, openTestPlatform } from './support/platform.ts'

const header = 'metric,org_unit,period_start,period_end,value,note'
const dir = mkdtempSync(join(tmpdir(), 'msp-import-'))
let files = 0
function csv(...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [header, ...lines].join('\n'))
  return path
}

let platform: Platform
beforeEach(async () => {
  platform = await openTestPlatform()
})
afterEach(() => platform.close())

const run = (path: string) => importFigures(platform.database.db, platform.registry, path, { by: 'tester' })
const figureCount = () => platform.database.db.figure.count()

describe('import', () => {
  it('writes valid rows as IMPORTED figures, each with a CREATE revision, and the totals follow', async () => {
    const before = await data<{ metric: { value: number } }>(platform, '{ metric(key: "fishing-ban.anglers-checked") { value(period: { year: 2024, month: 7 }) } }')
    expect(before.metric.value).toBeNull()
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,"1,200",night patrols',
      'fishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-07-31,300,',
      'food.officer-staffing-rate,station-nanhu,2024-07-01,2024-07-31,98%,',
    ))
    expect(result).toMatchObject({ ok: true, created: 3, corrected: 0, errors: [] })
    const after = await data<{ metric: { value: number; figures: { value: number; source: string; orgUnit: { key: string } }[] } }>(platform, `{
      metric(key: "fishing-ban.anglers-checked") {
        value(period: { year: 2024, month: 7 })
        figures(from: "2024-07-01", to: "2024-07-31") { value source orgUnit { key } }
      }
    }`)
    expect(after.metric.value).toBe(1500)
    expect(after.metric.figures.map((f) => [f.orgUnit.key, f.value, f.source]).sort()).toEqual([
      ['station-nanhu', 1200, 'IMPORTED'],
      ['station-ziyang', 300, 'IMPORTED'],
    ])
    const revisions = await platform.database.db.figureRevision.findMany({ where: { changedBy: 'tester' } })
    expect(revisions.map((r) => r.action)).toEqual(['CREATE', 'CREATE', 'CREATE'])
    const rate = await platform.database.db.figure.findFirstOrThrow({ where: { metricKey: 'food.officer-staffing-rate', periodStart: '2024-07-01' } })
    expect(rate.value).toBe(0.98)
  })

  it('corrects a stored figure for the same span, keeping the old value in the trail', async () => {
    const stored = await platform.database.db.figure.findFirstOrThrow({
      where: { metricKey: 'prices.officers-deployed', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-03-01' },
    })
    const result = await run(csv(`prices.officers-deployed,station-nanhu,2024-03-01,2024-03-31,${stored.value + 5},recount`))
    expect(result).toMatchObject({ ok: true, created: 0, corrected: 1 })
    const revision = await platform.database.db.figureRevision.findFirstOrThrow({ where: { figureId: stored.id } })
    expect(revision).toMatchObject({ action: 'UPDATE', value: stored.value + 5, previousValue: stored.value, changedBy: 'tester', note: 'recount' })
    const after = await platform.database.db.figure.findUniqueOrThrow({ where: { id: stored.id } })
    expect(after).toMatchObject({ value: stored.value + 5, source: 'IMPORTED' })
  })

  it("shows when the stations no longer add up to the report's total", async () => {
    const document = '{ metric(key: "prices.spring-farming-officers") { figures(source: REPORT) { value unitsTotal } } }'
    expect(await data(platform, document)).toEqual({ metric: { figures: [{ value: 33, unitsTotal: 33 }] } })
    const stored = await platform.database.db.figure.findFirstOrThrow({
      where: { metricKey: 'prices.spring-farming-officers', orgUnit: { key: 'station-nanhu' }, periodStart: '2023-03-01' },
    })
    await run(csv(`prices.spring-farming-officers,station-nanhu,2023-03-01,2023-03-31,${stored.value + 2},recount`))
    expect(await data(platform, document)).toEqual({ metric: { figures: [{ value: 33, unitsTotal: 35 }] } })
  })

  it('rejects each kind of bad row with its row number, and writes nothing', async () => {
    const count = await figureCount()
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-nanhu,2024-08-01,2024-08-31,10,fine',
      'fishing-ban.nets,station-nanhu,2024-08-01,2024-08-31,1,',
      'fishing-ban.anglers-checked,station-mars,2024-08-01,2024-08-31,1,',
      'fishing-ban.anglers-checked,station-nanhu,2024-08-32,2024-08-31,1,',
      'fishing-ban.anglers-checked,station-ziyang,2024-08-31,2024-08-01,1,',
      'fishing-ban.anglers-checked,station-yangyuan,2024-08-01,2024-08-31,-4,',
      'fishing-ban.anglers-checked,station-baishazhou,2024-08-01,2024-08-31,2.5,',
      'food.officer-staffing-rate,station-nanhu,2024-08-01,2024-08-31,1.2,',
      'fishing-ban.anglers-checked,station-nanhu,2024-08-01,2024-08-31,11,again',
      'food.smart-kitchen-canteens,station-nanhu,2024-07-01,2024-09-30,170,',
      'fishing-ban.anglers-checked,station-jiyuqiao,2024-05-15,2024-06-15,8,',
      'fishing-ban.anglers-checked,wuchang,2023-01-01,2023-09-26,1900,',
      'fishing-ban.persuasion-rate,station-nanhu,2024-08-01,2024-08-31,0.5,',
      'fishing-ban.anglers-checked,station-nanhu,2024-09-01,2024-09-30,many,',
    ))
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([
      { line: 3, message: "unknown metric 'fishing-ban.nets'" },
      { line: 4, message: "unknown org unit 'station-mars'" },
      { line: 5, message: "period_start '2024-08-32' is not a date; write it as YYYY-MM-DD" },
      { line: 6, message: 'period_end 2024-08-01 is before period_start 2024-08-31' },
      { line: 7, message: 'value -4 is negative' },
      { line: 8, message: 'value 2.5 must be a whole number of 人次' },
      { line: 9, message: 'a rate is a fraction from 0 to 1 (100% is 1), not 1.2' },
      { line: 10, message: 'duplicate of row 2: same metric, org unit and period' },
      { line: 11, message: 'food.smart-kitchen-canteens is a stock, a snapshot: its span may be at most a month, not 2024-07-01..2024-09-30' },
      { line: 12, message: 'overlaps the stored figure for 2024-05-01..2024-05-31; a count is entered once, for spans that do not overlap' },
      { line: 12, message: 'overlaps the stored figure for 2024-06-01..2024-06-30; a count is entered once, for spans that do not overlap' },
      { line: 13, message: "would overwrite the report's own figure for 2023-01-01..2023-09-26; report figures are not changed by import" },
      { line: 14, message: 'fishing-ban.persuasion-rate is computed from fishing-ban.persuaded-to-leave and fishing-ban.anglers-checked; import those instead' },
      { line: 15, message: "value 'many' is not a number" },
    ])
    expect(await figureCount()).toBe(count)
    expect(await platform.database.db.importBatch.count()).toBe(0)
  })

  it('names a missing column', async () => {
    const path = join(dir, 'no-value.csv')
    writeFileSync(path, 'metric,org_unit,period_start,period_end\nfood.incidents,station-nanhu,2024-08-01,2024-08-31\n')
    await expect(run(path)).rejects.toThrow('row 1: missing column(s) value; the columns are metric, org_unit, period_start, period_end, value, note (note is optional)')
  })

  it('reads XLSX, with dates and numbers as Excel stores them', async () => {
    const path = join(dir, 'figures.xlsx')
    await writeXlsxFile([
      ['metric', 'org_unit', 'period_start', 'period_end', 'value', 'note'].map((value) => ({ value })),
      [
        { value: 'drugs.dealer-inspections' }, { value: 'station-nanhu' },
        { value: new Date(Date.UTC(2024, 6, 1)), type: Date, format: 'yyyy-mm-dd' },
        { value: new Date(Date.UTC(2024, 6, 31)), type: Date, format: 'yyyy-mm-dd' },
        { value: 42, type: Number }, { value: 'from the station ledger' },
      ],
    ]).toFile(path)
    const result = await run(path)
    expect(result).toMatchObject({ ok: true, created: 1 })
    const stored = await platform.database.db.figure.findFirstOrThrow({ where: { metricKey: 'drugs.dealer-inspections', periodStart: '2024-07-01' } })
    expect(stored).toMatchObject({ periodEnd: '2024-07-31', value: 42, source: 'IMPORTED', note: 'from the station ledger' })
  })

  it('runs as `pnpm run import`, printing each error with its row and exiting non-zero', async () => {
    const path = csv('food.incidents,station-nanhu,2024-08-01,2024-08-31,1,', 'food.incidents,station-venus,2024-08-01,2024-08-31,0,')
    const root = join(import.meta.dirname, '..')
    const cli = promisify(execFile)(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'src', 'cli', 'import.ts'), path], {
      env: { ...process.env, DATABASE_URL: platform.database.url },
    })
    await expect(cli).rejects.toMatchObject({
      code: 1,
      stderr: "row 3: unknown org unit 'station-venus'\n1 error(s); nothing was written\n",
    })
  })
})
