// Every scorecard says how far its figures stand on approved monthly returns (issue 10): how
// many units' months are approved, waiting, being entered, never saved, and late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { openTestPlatform, query } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

let platform: Platform
let headers: Record<Asker, Record<string, string>>
beforeAll(async () => {
  platform = await openTestPlatform()
  headers = await roleHeaders(platform.database.db)
})
afterAll(() => platform.close())

const coverage = async (period: string, orgUnit = 'wuchang', on = platform) =>
  (await query(on, `{ scorecard(period: ${period}, orgUnit: "${orgUnit}") { returns { firstMonth lastMonth expected approved submitted open missing late complete } } }`, {}, headers.LEADER)).data?.scorecard.returns
const save = (month: string, version = 0) =>
  query(platform, 'mutation($m: String!, $v: Int!) { saveReturn(orgUnit: "station-nanhu", month: $m, version: $v, values: [{ metric: "fishing-ban.anglers-checked", value: 12 }]) { version } }', { m: month, v: version }, headers.REPORTER)

describe('a scorecard and the monthly returns', () => {
  it('owes none before any return is saved, when no start is set', async () => {
    expect(await coverage('{ year: 2024 }')).toBeNull()
  })

  it('counts from the month of the first return saved: the district owes 14 units × the months begun', async () => {
    await save('2024-07')
    expect(await coverage('{ year: 2024 }')).toEqual({ firstMonth: '2024-07', lastMonth: '2024-12', expected: 84, approved: 0, submitted: 0, open: 1, missing: 83, late: 84, complete: false })
    // A station owes its own months; a span before returns began owes none.
    expect(await coverage('{ year: 2024, half: 2 }', 'station-nanhu')).toMatchObject({ expected: 6, open: 1, missing: 5 })
    expect(await coverage('{ year: 2023 }')).toBeNull()
    // Months not begun are not owed: 2026 to November, the tests' today.
    expect(await coverage('{ year: 2026 }', 'station-nanhu')).toMatchObject({ firstMonth: '2026-01', lastMonth: '2026-11', expected: 11, missing: 11, late: 10 })
  })

  it('is the same on its own (returnsCoverage, for the area and metric screens), for whoever may read the unit', async () => {
    const fields = '{ firstMonth lastMonth expected approved submitted open missing late complete }'
    for (const [period, unit] of [['{ year: 2024 }', 'wuchang'], ['{ year: 2024, half: 2 }', 'station-nanhu'], ['{ year: 2023 }', 'wuchang']] as const) {
      const alone = await query(platform, `{ returnsCoverage(period: ${period}, orgUnit: "${unit}") ${fields} }`, {}, headers.LEADER)
      expect(alone.data?.returnsCoverage).toEqual(await coverage(period, unit))
    }
    const mine = await query(platform, `{ returnsCoverage(period: { year: 2024 }) ${fields} }`, {}, headers.REPORTER)
    expect(mine.data?.returnsCoverage).toEqual(await coverage('{ year: 2024 }', 'station-nanhu'))
    const theirs = await query(platform, `{ returnsCoverage(period: { year: 2024 }, orgUnit: "station-nanhu") { expected } }`, {}, headers.OTHER_REPORTER)
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('counts from MSP_RETURNS_FROM when the installation sets it', async () => {
    const configured = await openTestPlatform({ settings: { returnsFrom: '2024-03' } })
    try {
      const answer = await query(configured, '{ scorecard(period: { year: 2024 }, orgUnit: "station-nanhu") { returns { firstMonth expected missing complete } } }')
      expect(answer.data?.scorecard.returns).toEqual({ firstMonth: '2024-03', expected: 10, missing: 10, complete: false })
    } finally {
      await configured.close()
    }
  })
})
