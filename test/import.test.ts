// Import of figures from CSV and XLSX: every row checked by strict rules, all or nothing, with
// a trail that outlives the figures. In-process, on a fresh copy of the seeded database.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import writeXlsxFile from 'write-excel-file/node'
import type { Platform } from '@msp/server/app'
import { importFigures, type ImportOptions } from '@msp/server/import/import-figures'
import { data, openTestPlatform, testToday } from './support/platform.ts'

const header = 'metric,org_unit,period_start,period_end,value,note'
const dir = mkdtempSync(join(tmpdir(), 'msp-import-'))
let files = 0
function csv(...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [header, ...lines].join('\n'))
  return path
}
function csvWith(head: string, ...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, [head, ...lines].join('\n'))
  return path
}

let platform: Platform
beforeEach(async () => {
  platform = await openTestPlatform()
})
afterEach(() => platform.close())

const run = (path: string, options: Partial<ImportOptions> = {}) =>
  importFigures(platform.database, platform.registry, path, { by: 'tester', today: testToday, ...options })
const db = () => platform.database.db
const figureCount = () => db().figure.count()
const messages = (result: { errors: { line: number; sheet?: string; message: string }[] }) =>
  result.errors.map((e) => `${e.sheet ? `${e.sheet}!` : ''}${e.line}: ${e.message}`)

describe('import', () => {
  it('writes valid rows as IMPORTED figures, each with a CREATE revision, and the totals follow', async () => {
    const before = await data<{ metric: { value: number } }>(platform, '{ metric(key: "fishing-ban.anglers-checked") { value(period: { year: 2024, month: 7 }) } }')
    expect(before.metric.value).toBeNull()
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,"1,200",night patrols',
      'fishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-07-31,300,',
      'food.officer-staffing-rate,station-nanhu,2024-07-01,2024-07-31,98%,',
    ))
    expect(result).toMatchObject({ ok: true, created: 3, corrected: 0, errors: [], encoding: 'UTF-8', rows: 3 })
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
    const revisions = await db().figureRevision.findMany({ where: { changedBy: 'tester' } })
    expect(revisions.map((r) => r.action)).toEqual(['CREATE', 'CREATE', 'CREATE'])
    expect(revisions.every((r) => r.importBatchId === result.batchId && r.figureId !== null)).toBe(true)
    const rate = await db().figure.findFirstOrThrow({ where: { metricKey: 'food.officer-staffing-rate', periodStart: '2024-07-01' } })
    expect(rate.value).toBe(0.98)
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId! } })
    expect(batch).toMatchObject({ action: 'IMPORT', encoding: 'UTF-8', rowCount: 3, created: 3, corrected: 0, createdBy: 'tester' })
  })

  it('corrects a stored figure for the same span, keeping the previous value, source and note in the trail', async () => {
    const stored = await db().figure.findFirstOrThrow({
      where: { metricKey: 'prices.officers-deployed', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-03-01' },
    })
    expect(stored.source).toBe('SAMPLE')
    const result = await run(csv(`prices.officers-deployed,station-nanhu,2024-03-01,2024-03-31,${stored.value + 5},recount`), { reason: 'ledger checked' })
    expect(result).toMatchObject({ ok: true, created: 0, corrected: 1 })
    const revision = await db().figureRevision.findFirstOrThrow({ where: { figureId: stored.id } })
    expect(revision).toMatchObject({
      action: 'UPDATE', value: stored.value + 5, previousValue: stored.value, source: 'IMPORTED', previousSource: 'SAMPLE',
      note: 'recount', previousNote: stored.note, changedBy: 'tester', reason: 'ledger checked', importBatchId: result.batchId,
      metricKey: 'prices.officers-deployed', orgUnitId: stored.orgUnitId, periodStart: '2024-03-01', periodEnd: '2024-03-31',
    })
    const after = await db().figure.findUniqueOrThrow({ where: { id: stored.id } })
    expect(after).toMatchObject({ value: stored.value + 5, source: 'IMPORTED', note: 'recount' })

    // A second correction records the first one's value, source and note as previous.
    await run(csv(`prices.officers-deployed,station-nanhu,2024-03-01,2024-03-31,${stored.value + 6},recount again`))
    const second = await db().figureRevision.findFirstOrThrow({ where: { figureId: stored.id }, orderBy: { id: 'desc' } })
    expect(second).toMatchObject({ previousValue: stored.value + 5, previousSource: 'IMPORTED', previousNote: 'recount', note: 'recount again' })
  })

  it('records no batch when nothing changes, and says how many rows were unchanged', async () => {
    const path = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,patrol')
    const first = await run(path)
    expect(first).toMatchObject({ ok: true, created: 1 })
    const batches = await db().importBatch.count()
    const revisions = await db().figureRevision.count()
    const again = await run(path)
    expect(again).toMatchObject({ ok: true, created: 0, corrected: 0, unchanged: 1, batchId: null })
    expect(await db().importBatch.count()).toBe(batches)
    expect(await db().figureRevision.count()).toBe(revisions)
    // A changed note is a change.
    expect(await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,patrol (checked)'))).toMatchObject({ corrected: 1 })
  })

  it("shows when the stations no longer add up to the report's total", async () => {
    const document = '{ metric(key: "prices.spring-farming-officers") { figures(source: REPORT) { value unitsTotal } } }'
    expect(await data(platform, document)).toEqual({ metric: { figures: [{ value: 33, unitsTotal: 33 }] } })
    const stored = await db().figure.findFirstOrThrow({
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
      { line: 14, message: 'fishing-ban.persuasion-rate is computed from fishing-ban.persuaded-to-leave and fishing-ban.anglers-checked; import those instead' },
      { line: 15, message: `value 'many' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)` },
    ])
    expect(await figureCount()).toBe(count)
    expect(await db().importBatch.count()).toBe(0)
  })

  it('refuses counts overlapping a stored span and changes to the report’s own figures', async () => {
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-jiyuqiao,2024-05-15,2024-06-15,8,',
      'fishing-ban.anglers-checked,wuchang,2023-01-01,2023-09-26,1900,',
    ))
    expect(result.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^overlaps the stored SAMPLE figure for 2024-05-01\.\.2024-05-31 \(seeded demonstration data\)/) },
      { line: 2, message: expect.stringMatching(/^overlaps the stored SAMPLE figure for 2024-06-01\.\.2024-06-30 \(seeded demonstration data\)/) },
      { line: 3, message: "would overwrite the report's own figure for 2023-01-01..2023-09-26; report figures are not changed by import" },
    ])
  })

  it('refuses a row with more fields than the header: an unquoted 1,200 is not stored as 1 with the note "200" (issue 6, 4)', async () => {
    const result = await run(csv('prices.operators-checked,station-nanhu,2024-07-01,2024-07-31,1,200,night patrols'))
    expect(messages(result)).toEqual(['2: the row has 7 fields, the header 6; a number or note with a comma in it must be in double quotes ("1,200")'])
    expect(await run(csv('prices.operators-checked,station-nanhu,2024-07-01,2024-07-31'))).toMatchObject({
      ok: false, errors: [{ line: 2, message: 'the row has 4 fields, the header 6' }],
    })
    expect(await db().figure.count({ where: { metricKey: 'prices.operators-checked', periodStart: '2024-07-01' } })).toBe(0)
  })

  it('reads numbers by one strict rule: no exponent, hex, infinity, spaces or stray commas, and within the unit’s bound', async () => {
    const row = (value: string, metric = 'prices.operators-checked') => `${metric},station-nanhu,2024-07-01,2024-07-31,${value},`
    const refused: [string, string][] = [
      ['1e300', `value '1e300' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['1.7e308', `value '1.7e308' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['0x10', `value '0x10' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['Infinity', `value 'Infinity' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['NaN', `value 'NaN' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['+5', `value '+5' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['"1 200"', `value '1 200' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['"12,00"', `value '12,00' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['"1,2345"', `value '1,2345' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['.5', `value '.5' is not a number; write it as 1200 or "1,200" (no exponent, no spaces)`],
      ['', 'value is empty'],
      ['50%', "value '50%' is a percentage, but prices.operators-checked is counted in 家次"],
      ['1000000001', 'value 1000000001 is more than 1,000,000,000 家次, the most one figure may hold'],
      ['"999,999,999,999"', 'value 999999999999 is more than 1,000,000,000 家次, the most one figure may hold'],
      ['1' + '0'.repeat(400), `value '1000000000000000000000000000000000000000…' is too large`],
      ['5.000001', 'value 5.000001 must be a whole number of 家次'],
    ]
    const result = await run(csv(...refused.map(([value], i) => row(value).replace('2024-07-01,2024-07-31', `20${10 + i}-07-01,20${10 + i}-07-31`))))
    expect(result.errors).toEqual(refused.map(([, message], i) => ({ line: i + 2, message })))

    const money = await run(csv(
      row('"100,000,000,001"', 'enforcement.fines'),
      row('12.345', 'enforcement.fines').replaceAll('07-', '08-'),
      row('101%', 'food.officer-staffing-rate'),
      row('0', 'food.satisfaction-rank'),
    ))
    expect(messages(money)).toEqual([
      '2: value 100000000001 is more than 100,000,000,000 元, the most one figure may hold',
      "3: value 12.345 has more than 2 decimals for '元'",
      '4: a rate is a fraction from 0 to 1 (100% is 1), not 1.01',
      '5: a rank is a whole number from 1 to 1000, not 0',
    ])
    expect(await db().importBatch.count()).toBe(0)
  })

  it('stores a count within 1e-9 of a whole number rounded, and money at its precision', async () => {
    const result = await run(csv(
      'prices.operators-checked,station-nanhu,2024-07-01,2024-07-31,5.0000000001,',
      'prices.operators-checked,station-nanhu,2024-08-01,2024-08-31,"1,200.00",',
      'enforcement.fines,station-nanhu,2024-07-01,2024-07-31,"3,112,500.10",',
      'food.officer-staffing-rate,station-nanhu,2024-07-01,2024-07-31,98.5%,',
    ))
    expect(result).toMatchObject({ ok: true, created: 4 })
    const values = await db().figure.findMany({ where: { periodStart: { in: ['2024-07-01', '2024-08-01'] }, source: 'IMPORTED' }, orderBy: [{ metricKey: 'asc' }, { value: 'asc' }] })
    expect(values.map((f) => [f.metricKey, f.value])).toEqual([
      ['enforcement.fines', 3112500.1],
      ['food.officer-staffing-rate', 0.985],
      ['prices.operators-checked', 5],
      ['prices.operators-checked', 1200],
    ])
  })

  it('refuses dates outside the supported period range (years 0000 and 9999)', async () => {
    const result = await run(csv(
      'prices.operators-checked,station-nanhu,0000-01-01,0000-01-31,1,',
      'prices.operators-checked,station-nanhu,9999-12-01,9999-12-31,1,',
      'prices.operators-checked,station-nanhu,1999-12-01,1999-12-31,1,',
    ), { periodRange: { start: '2000-01-01', end: '2027-12-31' } })
    expect(messages(result)).toEqual([
      '2: period 0000-01-01..0000-01-31 reaches outside the supported range 2000-01-01..2027-12-31',
      '3: FUTURE_PERIOD: period_end 9999-12-31 lies in a month that has not begun (today is 2026-11-27); a figure is entered once its month has begun',
      '4: period 1999-12-01..1999-12-31 reaches outside the supported range 2000-01-01..2027-12-31',
    ])
    expect(await db().figure.count({ where: { periodEnd: { gt: '2027-12-31' } } })).toBe(0)
  })

  it('refuses figures in a month that has not begun (FUTURE_PERIOD), which would open the dashboard on that year', async () => {
    const before = await figureCount()
    const result = await run(csv(
      'prices.operators-checked,station-nanhu,2026-11-01,2026-11-30,5,',
      'prices.operators-checked,station-nanhu,2026-12-01,2026-12-31,5,',
      'prices.operators-checked,station-nanhu,2031-01-01,2031-01-31,5,',
    ))
    expect(messages(result)).toEqual([
      '3: FUTURE_PERIOD: period_end 2026-12-31 lies in a month that has not begun (today is 2026-11-27); a figure is entered once its month has begun',
      '4: FUTURE_PERIOD: period_end 2031-01-31 lies in a month that has not begun (today is 2026-11-27); a figure is entered once its month has begun',
    ])
    expect(await figureCount()).toBe(before)
    expect((await data<{ dataRange: { to: string } }>(platform, '{ dataRange { to } }')).dataRange.to < '2026-12-01').toBe(true)
  })

  it('refuses figures in a locked month (PERIOD_LOCKED), as the monthly returns do, and writes none of the file', async () => {
    await db().monthLock.create({ data: { month: '2024-05', lockedBy: 'admin' } })
    const before = await figureCount()
    const result = await run(csv(
      'prices.operators-checked,station-nanhu,2024-07-01,2024-07-31,5,',
      'prices.operators-checked,station-ziyang,2024-05-01,2024-05-31,5,',
    ))
    expect(messages(result)).toEqual(['3: PERIOD_LOCKED: 2024-05 is locked; ask an administrator to unlock it (unlockMonth) to change its figures'])
    expect(await figureCount()).toBe(before)
  })

  it('refuses a file that counts the same days twice: a month and the quarter around it, or the same cell twice (issue 6, 5)', async () => {
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,10,',
      'fishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-09-30,30,',
      'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-09-30,30,',
      'fishing-ban.anglers-checked,station-ziyang,2024-09-01,2024-09-30,5,',
      'food.smart-kitchen-canteens,station-nanhu,2024-07-01,2024-07-31,17,',
      'food.smart-kitchen-canteens,station-nanhu,2024-07-01,2024-07-31,18,',
      'food.smart-kitchen-canteens,station-nanhu,2024-07-10,2024-07-25,18,',
    ))
    expect(messages(result)).toEqual([
      '4: overlaps row 2 (2024-07-01..2024-07-31): a count is entered once, for spans that do not overlap',
      '5: overlaps row 3 (2024-07-01..2024-09-30): a count is entered once, for spans that do not overlap',
      '7: duplicate of row 6: same metric, org unit and period',
    ])
    expect(await db().importBatch.count()).toBe(0)
  })

  it('reads a GBK (GB18030) file, as Excel on a Chinese desktop saves it, and says so', async () => {
    // 你好 in GBK is C4 E3 BA C3; 夜查 is D2 B9 B2 E9.
    const ascii = (s: string) => Buffer.from(s, 'ascii')
    const path = join(dir, 'gbk.csv')
    writeFileSync(path, Buffer.concat([
      ascii(`${header}\r\nfishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,`),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x20, 0xd2, 0xb9, 0xb2, 0xe9]),
      ascii('\r\n'),
    ]))
    const result = await run(path)
    expect(result).toMatchObject({ ok: true, created: 1, encoding: 'GB18030' })
    const stored = await db().figure.findFirstOrThrow({ where: { metricKey: 'fishing-ban.anglers-checked', periodStart: '2024-07-01', orgUnit: { key: 'station-nanhu' } } })
    expect(stored.note).toBe('你好 夜查')

    const utf8 = join(dir, 'utf8-bom.csv')
    writeFileSync(utf8, `\uFEFF${header}\nfishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-07-31,3,夜查\n`)
    expect(await run(utf8)).toMatchObject({ ok: true, created: 1, encoding: 'UTF-8' })

    const neither = join(dir, 'binary.csv')
    writeFileSync(neither, Buffer.concat([ascii(`${header}\n`), Buffer.from([0xff, 0xfe, 0x80, 0x0a])]))
    await expect(run(neither)).rejects.toThrow('the file is neither UTF-8 nor GB18030/GBK text')
  })

  it('refuses a column with data below an empty header cell', async () => {
    const result = await run(csvWith(`${header},`,
      'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,,',
      'fishing-ban.anglers-checked,station-ziyang,2024-07-01,2024-07-31,13,,checked by Li',
    ))
    expect(messages(result)).toEqual(["3: column G has no name in row 1 but holds 'checked by Li'; name the column or delete it"])
    await expect(run(csvWith('metric,org_unit,period_start,period_end,value,remarks'))).rejects.toThrow("row 1: unknown column(s) 'remarks'")
    await expect(run(csvWith('metric,org_unit,period_start,period_end,value,value'))).rejects.toThrow('row 1: column value appears twice')
  })

  it('refuses a workbook above the size it reads whole, and says what to do instead', async () => {
    const path = join(dir, 'huge.xlsx')
    writeFileSync(path, Buffer.alloc(21 * 1024 * 1024))
    await expect(run(path)).rejects.toThrow('the workbook is 21.0 MB; XLSX is read whole and may be at most 20 MB: save it as "CSV UTF-8" and import that')
  })

  it('says so when the columns are separated by semicolons', async () => {
    await expect(run(csvWith('metric;org_unit;period_start;period_end;value;note', 'a;b;c;d;1;'))).rejects.toThrow(
      'row 1: the columns are separated by semicolons; save the file as CSV with commas ("CSV UTF-8 (comma delimited)")',
    )
  })

  it('names a missing column', async () => {
    const path = join(dir, 'no-value.csv')
    writeFileSync(path, 'metric,org_unit,period_start,period_end\nfood.incidents,station-nanhu,2024-08-01,2024-08-31\n')
    await expect(run(path)).rejects.toThrow('row 1: missing column(s) value; the columns are metric, org_unit, period_start, period_end, value, note (note is optional)')
  })

  it('never echoes more than 40 characters of a cell, nor a line break', async () => {
    const long = 'x'.repeat(5000)
    const result = await run(csv(`${long},station-nanhu,2024-07-01,2024-07-31,1,`, `"bad\nmetric",station-nanhu,2024-07-01,2024-07-31,1,`))
    expect(messages(result)).toEqual([`2: unknown metric '${'x'.repeat(40)}…'`, "3: unknown metric 'bad?metric'"])
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
    expect(result).toMatchObject({ ok: true, created: 1, encoding: 'XLSX' })
    const stored = await db().figure.findFirstOrThrow({ where: { metricKey: 'drugs.dealer-inspections', periodStart: '2024-07-01' } })
    expect(stored).toMatchObject({ periodEnd: '2024-07-31', value: 42, source: 'IMPORTED', note: 'from the station ledger' })
  })

  describe('XLSX with several sheets', () => {
    const head = ['metric', 'org_unit', 'period_start', 'period_end', 'value', 'note'].map((value) => ({ value }))
    const figure = (unit: string, value: number) => [
      { value: 'drugs.dealer-inspections' }, { value: unit }, { value: '2024-07-01' }, { value: '2024-07-31' }, { value, type: Number }, { value: '' },
    ]
    const workbook = async (sheets: { sheet: string; data: { value: unknown; type?: unknown }[][] }[]) => {
      const path = join(dir, `book-${++files}.xlsx`)
      await writeXlsxFile(sheets as never).toFile(path)
      return path
    }

    it('reads every sheet that holds figures', async () => {
      const path = await workbook([
        { sheet: '南湖', data: [head, figure('station-nanhu', 4)] },
        { sheet: '紫阳', data: [head, figure('station-ziyang', 5)] },
      ])
      expect(await run(path)).toMatchObject({ ok: true, created: 2, sheetsRead: ['南湖', '紫阳'], sheetsNotRead: [] })
    })

    it('refuses data on a sheet it cannot read, unless --sheet names the sheet to import', async () => {
      const path = await workbook([
        { sheet: 'Figures', data: [head, figure('station-nanhu', 4)] },
        { sheet: 'Notes', data: [[{ value: 'checked by' }, { value: 'Li' }], [{ value: 'station-ziyang' }, { value: 5, type: Number }]] },
      ])
      await expect(run(path)).rejects.toThrow(
        "sheet 'Notes' row 1: missing column(s) metric, org_unit, period_start, period_end, value; the columns are metric, org_unit, period_start, period_end, value, note (note is optional). Every sheet with data is read; to import one sheet only, name it with --sheet NAME",
      )
      expect(await db().figure.count({ where: { source: 'IMPORTED' } })).toBe(0)
      expect(await run(path, { sheet: 'Figures' })).toMatchObject({ ok: true, created: 1, sheetsRead: ['Figures'], sheetsNotRead: ['Notes'] })
      await expect(run(path, { sheet: 'July' })).rejects.toThrow("the workbook has no sheet 'July'; its sheets are 'Figures', 'Notes'")
    })

    it('names the sheet of a bad row, and refuses the same cell on two sheets', async () => {
      const path = await workbook([
        { sheet: 'A', data: [head, figure('station-nanhu', 4)] },
        { sheet: 'B', data: [head, figure('station-mars', 5), figure('station-nanhu', 6)] },
      ])
      expect(messages(await run(path))).toEqual(["B!2: unknown org unit 'station-mars'", "B!3: duplicate of sheet 'A' row 2: same metric, org unit and period"])
    })

    it('refuses an unnamed column and a number beyond the bound in a cell', async () => {
      const path = await workbook([{
        sheet: 'Figures',
        data: [[...head, { value: null }], [...figure('station-nanhu', 1e300), { value: 'extra' }], figure('station-ziyang', 1.7e308)],
      }])
      expect(messages(await run(path))).toEqual([
        "2: column G has no name in row 1 but holds 'extra'; name the column or delete it",
        '3: value 1.7e+308 is more than 1,000,000,000 家次, the most one figure may hold',
      ])
    })
  })

  describe('--delete', () => {
    it('removes the figures a file names, with a reason, leaving a DELETE revision that outlives the figure', async () => {
      await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,patrol'))
      const figure = await db().figure.findFirstOrThrow({ where: { metricKey: 'fishing-ban.anglers-checked', periodStart: '2024-07-01', orgUnit: { key: 'station-nanhu' } } })
      const sample = await db().figure.findFirstOrThrow({ where: { metricKey: 'prices.officers-deployed', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-03-01' } })
      const path = csvWith('metric,org_unit,period_start,period_end',
        'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31',
        'prices.officers-deployed,station-nanhu,2024-03-01,2024-03-31',
      )
      await expect(run(path, { delete: true })).rejects.toThrow('--delete needs --reason')
      const result = await run(path, { delete: true, reason: 'entered for the wrong station' })
      expect(result).toMatchObject({ ok: true, deleted: 2 })
      expect(await db().figure.count({ where: { id: { in: [figure.id, sample.id] } } })).toBe(0)
      const trail = await db().figureRevision.findMany({
        where: { metricKey: 'fishing-ban.anglers-checked', orgUnitId: figure.orgUnitId, periodStart: '2024-07-01' }, orderBy: { id: 'asc' },
      })
      expect(trail.map((r) => [r.action, r.figureId, r.value, r.previousValue])).toEqual([['CREATE', null, 12, null], ['DELETE', null, null, 12]])
      expect(trail[1]).toMatchObject({ previousSource: 'IMPORTED', previousNote: 'patrol', reason: 'entered for the wrong station', changedBy: 'tester', periodEnd: '2024-07-31' })
      const deletedSample = await db().figureRevision.findFirstOrThrow({ where: { action: 'DELETE', metricKey: 'prices.officers-deployed' } })
      expect(deletedSample).toMatchObject({ previousValue: sample.value, previousSource: 'SAMPLE' })
      expect(await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId! } })).toMatchObject({ action: 'DELETE', deleted: 2, reason: 'entered for the wrong station' })
    })

    it("refuses the report's own figures, figures not stored, and a value that is not the stored one", async () => {
      const count = await figureCount()
      const sample = await db().figure.findFirstOrThrow({ where: { metricKey: 'prices.officers-deployed', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-03-01' } })
      const result = await run(csvWith('metric,org_unit,period_start,period_end,value',
        'fishing-ban.anglers-checked,wuchang,2023-01-01,2023-09-26,',
        'fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,',
        `prices.officers-deployed,station-nanhu,2024-03-01,2024-03-31,${sample.value + 1}`,
      ), { delete: true, reason: 'test' })
      expect(messages(result)).toEqual([
        "2: 2023-01-01..2023-09-26 is the report's own figure; report figures are not deleted by import",
        '3: no stored figure for fishing-ban.anglers-checked at station-nanhu for 2024-07-01..2024-07-31; nothing to delete',
        `4: value ${sample.value + 1} is not the stored value ${sample.value}; leave value empty to delete whatever is stored`,
      ])
      expect(await figureCount()).toBe(count)
      expect(await db().figureRevision.count()).toBe(0)
    })
  })

  it('checks everything on --dry-run and writes nothing', async () => {
    const result = await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,'), { dryRun: true })
    expect(result).toMatchObject({ ok: true, created: 1, batchId: null })
    expect(await db().figure.count({ where: { source: 'IMPORTED' } })).toBe(0)
    expect(await db().importBatch.count()).toBe(0)
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
