// The target editor's grid (issue 10): metrics × the district and its units for a year, samples
// labelled, a leader's target in place of the sample, the units' sum beside the district's and
// flagged where it differs; for LEADER, ADMIN and COMMITTEE, not a REPORTER.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import type { RegisteredArea, RegisteredMetric } from '@msp/server/registry'
import { targetSheet } from '@msp/server/targets/target-sheet'
import type { TargetRecord } from '@msp/server/engine/index'
import { openTestPlatform, query } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

const metric = (key: string, kind: RegisteredMetric['kind'], targetRule: RegisteredMetric['targetRule'] = 'AT_LEAST', enteredBy: RegisteredMetric['enteredBy'] = 'STATION') =>
  ({ key, kind, targetRule, enteredBy }) as RegisteredMetric
const annual = (metricKey: string, value: number, orgUnitKey: string | null = null, year = 2025): TargetRecord => ({
  metricKey, orgUnitKey, start: `${year}-01-01`, end: `${year}-12-31`, value, source: 'ENTERED', reason: 'why',
})

describe('targetSheet, worked out', () => {
  const checked = metric('a.checked', 'FLOW')
  const rate = metric('a.rate', 'RATE')
  const incidents = metric('a.incidents', 'FLOW', 'ZERO_TOLERANCE')
  const meetings = metric('a.meetings', 'FLOW', 'AT_LEAST', 'OFFICE')
  const areas = [{ key: 'a', metrics: [checked, rate, incidents, meetings] }] as unknown as RegisteredArea[]
  const units = [{ key: 'offices', kind: 'OFFICE' }, { key: 'north', kind: 'STATION' }, { key: 'south', kind: 'STATION' }]
  const sheet = (targets: TargetRecord[]) => targetSheet(areas, 'district', units, targets, 2025, '2026-01-01')[0]!.rows

  it("adds the units' own targets of a count up beside the district's, and flags a difference", () => {
    const [row] = sheet([annual('a.checked', 100), annual('a.checked', 60, 'north'), annual('a.checked', 30, 'south'), annual('a.checked', 5, 'north', 2024)])
    expect(row).toMatchObject({ unitSum: 90, unitsWithTarget: 2, sumDiffers: true, district: { value: 100 } })
    expect(row!.cells.map((c) => [c.orgUnitKey, c.target?.value ?? null, c.inherited, c.measures])).toEqual([
      ['offices', null, false, false], ['north', 60, false, true], ['south', 30, false, true],
    ])
    expect(sheet([annual('a.checked', 0.3), annual('a.checked', 0.1, 'north'), annual('a.checked', 0.2, 'south')])[0]!.sumDiffers).toBe(false)
  })

  it("carries a rate's and a ceiling's district target down to every unit, and sums neither", () => {
    const rows = sheet([annual('a.rate', 0.95), annual('a.rate', 0.9, 'north'), annual('a.incidents', 0)])
    expect(rows[1]).toMatchObject({ unitSum: null, sumDiffers: false, unitsWithTarget: 1 })
    expect(rows[1]!.cells.map((c) => [c.target?.value, c.inherited])).toEqual([[0.95, true], [0.9, false], [0.95, true]])
    expect(rows[2]!.cells.every((c) => c.target?.value === 0 && c.inherited)).toBe(true)
  })

  it('has no sum without unit targets, and marks what the offices measure', () => {
    const rows = sheet([annual('a.meetings', 12)])
    expect(rows[3]).toMatchObject({ unitSum: null, unitsWithTarget: 0, sumDiffers: false })
    expect(rows[3]!.cells.map((c) => c.measures)).toEqual([true, false, false])
    expect(rows[0]).toMatchObject({ district: null, unitSum: null })
  })
})

describe('targetSheet, the API', () => {
  let platform: Platform
  let headers: Record<Asker, Record<string, string>>
  beforeAll(async () => {
    platform = await openTestPlatform()
    headers = await roleHeaders(platform.database.db)
  })
  afterAll(() => platform.close())

  // What the editor asks (client/src/targets/documents.ts): the whole grid in one request.
  const SHEET = `query($y: Int!) { targetSheet(year: $y) {
    year orgUnits { key name kind }
    areas { area { key name } rows {
      metric { key name unit kind targetRule }
      district { value source reason }
      unitSum unitsWithTarget sumDiffers
      cells { value source reason inherited measures }
    } }
  } }`
  const SET = 'mutation($y: Int!, $rows: [TargetInput!]!) { setTargets(year: $y, rows: $rows) { value source splitWarning } }'
  interface Row { metric: { key: string }; district: { value: number; source: string; reason: string } | null; unitSum: number | null; unitsWithTarget: number; sumDiffers: boolean; cells: { inherited: boolean; measures: boolean; value: number | null; source: string | null; reason: string | null }[] }
  const sheetOf = async (year: number, as: Asker = 'LEADER') => {
    const answer = await query(platform, SHEET, { y: year }, headers[as])
    expect(answer.errors).toBeUndefined()
    return answer.data!.targetSheet as { year: number; orgUnits: { key: string; kind: string }[]; areas: { area: { key: string }; rows: Row[] }[] }
  }
  const rowOf = (sheet: Awaited<ReturnType<typeof sheetOf>>, key: string) => sheet.areas.flatMap((a) => a.rows).find((r) => r.metric.key === key)!
  const code = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code ?? 'OK'

  it('lists the district then its units, every area in order with every metric, and labels the samples', async () => {
    const sheet = await sheetOf(2024)
    expect(sheet.orgUnits.map((u) => u.key).slice(0, 3)).toEqual(['wuchang', 'district-offices', 'station-jiyuqiao'])
    expect(sheet.orgUnits).toHaveLength(15)
    expect(sheet.areas.map((a) => a.area.key)).toEqual(platform.registry.areas.map((a) => a.key))
    expect(sheet.areas.flatMap((a) => a.rows)).toHaveLength(platform.registry.metrics.size)
    // A sample count target: the district's and each station's, each labelled SAMPLE with why.
    const sample = rowOf(sheet, 'drugs.dealer-inspections')
    expect(sample.district).toMatchObject({ source: 'SAMPLE', reason: expect.stringMatching(/^Sample: /) })
    expect(sample.cells.slice(1).every((c) => c.measures && c.source === 'SAMPLE' && !c.inherited)).toBe(true)
    expect(sample.cells[0]).toMatchObject({ measures: false, value: null, source: null })
    expect(sample.unitSum).toBeGreaterThan(0)
    // A plugin's default for a rate holds for every unit below, labelled as a sample too.
    const rate = rowOf(sheet, 'food.daily-control-rate')
    expect(rate).toMatchObject({ district: { value: 1, source: 'SAMPLE', reason: expect.stringMatching(/^Plugin default: /) }, unitSum: null, sumDiffers: false })
    expect(rate.cells.every((c) => c.inherited && c.value === 1 && c.source === 'SAMPLE')).toBe(true)
  })

  it("shows a leader's target in place of the sample, with its reason", async () => {
    const before = rowOf(await sheetOf(2024), 'drugs.dealer-inspections')
    const value = before.district!.value + 100
    expect(code(await query(platform, SET, { y: 2024, rows: [{ metric: 'drugs.dealer-inspections', value, reason: '区局2024年工作要点' }] }, headers.LEADER))).toBe('OK')
    const after = rowOf(await sheetOf(2024, 'COMMITTEE'), 'drugs.dealer-inspections')
    expect(after.district).toEqual({ value, source: 'ENTERED', reason: '区局2024年工作要点' })
    // The stations' samples stand, and their sum no longer matches.
    expect(after.cells.slice(1).every((c) => c.source === 'SAMPLE')).toBe(true)
    expect(after).toMatchObject({ unitSum: before.unitSum, sumDiffers: true })
  })

  it("flags a district count whose units' targets do not add up to it, until they do", async () => {
    const key = 'fishing-ban.anglers-checked'
    const rows = [
      { metric: key, value: 1000, reason: '全区' },
      { metric: key, orgUnit: 'station-nanhu', value: 300, reason: '南湖所' },
      { metric: key, orgUnit: 'station-ziyang', value: 200, reason: '紫阳所' },
    ]
    expect(code(await query(platform, SET, { y: 2025, rows }, headers.ADMIN))).toBe('OK')
    const sheet = await sheetOf(2025)
    const nanhu = sheet.orgUnits.findIndex((u) => u.key === 'station-nanhu') - 1
    expect(rowOf(sheet, key)).toMatchObject({ district: { value: 1000, source: 'ENTERED' }, unitSum: 500, unitsWithTarget: 2, sumDiffers: true })
    expect(rowOf(sheet, key).cells[nanhu]).toEqual({ inherited: false, measures: true, value: 300, source: 'ENTERED', reason: '南湖所' })
    expect(code(await query(platform, SET, { y: 2025, rows: [{ metric: key, value: 500, reason: '按所合计' }] }, headers.LEADER))).toBe('OK')
    expect(rowOf(await sheetOf(2025), key)).toMatchObject({ district: { value: 500 }, unitSum: 500, sumDiffers: false })
    // A year with no target at all: every cell empty, nothing summed.
    const empty = await sheetOf(2026)
    expect(empty.areas.flatMap((a) => a.rows).every((r) => r.district === null && r.unitSum === null && r.cells.every((c) => c.value === null))).toBe(true)
  })

  it('is for every role that reads every unit, refuses a year outside the range, and fits the cost limit', async () => {
    const got = Object.fromEntries(await Promise.all((['ADMIN', 'LEADER', 'COMMITTEE', 'REPORTER', 'NOBODY'] as Asker[]).map(async (as) => [as, code(await query(platform, SHEET, { y: 2024 }, headers[as]))])))
    expect(got).toEqual({ ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' })
    expect(code(await query(platform, SHEET, { y: 1990 }, headers.LEADER))).toBe('BAD_PERIOD')
    // The editor's query as urql sends it, a __typename in every selection, fits the limit.
    expect(code(await query(platform, SHEET.replace(/\{/g, '{ __typename '), { y: 2024 }, headers.LEADER))).toBe('OK')
    // Every target's history on every cell costs more than one query may.
    const greedy = SHEET.replace('cells { value', 'cells { target { history { at by old new reason } } value')
    expect(code(await query(platform, greedy, { y: 2024 }, headers.LEADER))).toBe('QUERY_TOO_COMPLEX')
  })
})
