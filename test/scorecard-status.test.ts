// Issue 8, item 1: the statuses, trends, partial periods and scores on 100 come from the API,
// by the engine's rules, so no screen has a rule of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { data, openTestPlatform } from './support/platform.ts'

let platform: Platform
beforeAll(async () => {
  platform = await openTestPlatform()
})
afterAll(() => platform.close())

interface Row { metric: { key: string; kind: string }; actual: number | null; previous: number | null; yoyChange: number | null; yoyRate: number | null; trend: string | null; status: string; maxPoints: number | null }
interface Area { area: { key: string }; status: string; scored: boolean; score: number | null; maxScore: number | null; scoreOn100: number | null; rows: Row[] }
interface Card { scorecard: { period: string; status: string; score: number | null; maxScore: number | null; scoreOn100: number | null; dataThrough: string | null; areas: Area[] } }

const scorecardQuery = `
  query ($period: PeriodInput!, $orgUnit: ID) {
    scorecard(period: $period, orgUnit: $orgUnit) {
      period status score maxScore scoreOn100 dataThrough
      areas {
        area { key } status scored score maxScore scoreOn100
        rows { metric { key kind } actual previous yoyChange yoyRate trend status maxPoints }
      }
    }
  }`

const scorecard = (period: Record<string, number>, orgUnit?: string) => data<Card>(platform, scorecardQuery, { period, orgUnit })

describe('area and scorecard status', () => {
  it.each([2023, 2024])('never reads ON_TRACK or MET while a scored row is BEHIND (%i)', async (year) => {
    const card = (await scorecard({ year })).scorecard
    for (const area of card.areas) {
      const scoredBehind = area.rows.some((r) => r.maxPoints !== null && r.status === 'BEHIND')
      if (scoredBehind) expect([area.area.key, area.status]).toEqual([area.area.key, 'BEHIND'])
      else expect(area.status).not.toBe('BEHIND')
    }
    if (card.areas.some((a) => a.scored && a.status === 'BEHIND')) expect(card.status).toBe('BEHIND')
  })

  it('reads NO_TARGET, not monitored, for a scored area with figures and no target', async () => {
    for (const year of [2023, 2024]) {
      for (const area of (await scorecard({ year })).scorecard.areas) {
        const scored = area.rows.filter((r) => r.maxPoints !== null)
        expect(area.scored).toBe(scored.length > 0)
        if (scored.length && scored.every((r) => r.status === 'NO_TARGET' || r.status === 'NO_DATA') && scored.some((r) => r.status === 'NO_TARGET')) {
          expect(area.status).toBe('NO_TARGET')
        }
      }
    }
  })
})

describe('changes', () => {
  it("reports food's satisfaction rank in places, without a rate, WORSE when its number grew", async () => {
    for (const year of [2022, 2023, 2024]) {
      const rank = (await scorecard({ year })).scorecard.areas.flatMap((a) => a.rows).find((r) => r.metric.key === 'food.satisfaction-rank')!
      expect(rank.metric.kind).toBe('RANK')
      expect(rank.yoyRate).toBeNull()
      if (rank.actual !== null && rank.previous !== null) {
        expect(rank.yoyChange).toBe(rank.actual - rank.previous)
        expect(rank.trend).toBe(rank.actual > rank.previous ? 'WORSE' : rank.actual < rank.previous ? 'BETTER' : 'SAME')
      }
    }
    // 3rd in 2024 so far, 1st in 2023: two places down, and worse.
    const rank2024 = (await scorecard({ year: 2024 })).scorecard.areas.flatMap((a) => a.rows).find((r) => r.metric.key === 'food.satisfaction-rank')!
    expect(rank2024).toMatchObject({ actual: 3, previous: 1, yoyChange: 2, yoyRate: null, trend: 'WORSE' })
  })

  it('gives every change a trend and none without one', async () => {
    const rows = (await scorecard({ year: 2023 })).scorecard.areas.flatMap((a) => a.rows)
    expect(rows.some((r) => r.trend !== null)).toBe(true)
    for (const r of rows) expect(r.trend === null).toBe(r.yoyChange === null)
  })
})

describe('partial periods', () => {
  it('says 2024 has figures through 30 June and compares the first half of 2023', async () => {
    const card = (await scorecard({ year: 2024 })).scorecard
    expect(card.dataThrough).toBe('2024-06-30')
    const h1 = (await scorecard({ year: 2024, half: 1 })).scorecard
    expect(h1.dataThrough).toBeNull()
    // The year's previous is the first half of 2023, as the first half's is.
    const previous = (c: Card['scorecard']) => c.areas.flatMap((a) => a.rows).filter((r) => r.metric.kind !== 'RANK').map((r) => [r.metric.key, r.previous])
    expect(previous(card)).toEqual(previous(h1))
    const withPrevious = previous(card).filter(([, p]) => p !== null)
    expect(withPrevious.length).toBeGreaterThan(0)
  })

  it('reads a whole year with figures to its end as complete', async () => {
    expect((await scorecard({ year: 2023 })).scorecard.dataThrough).toBeNull()
  })

  it('says so for any period, for the area and metric screens', async () => {
    const spans = await data<Record<string, { dataThrough: string | null }>>(platform, `{
      year: period(period: { year: 2024 }) { dataThrough }
      half: period(period: { year: 2024, half: 1 }) { dataThrough }
      later: period(period: { year: 2025 }) { dataThrough }
    }`)
    expect(spans).toEqual({ year: { dataThrough: '2024-06-30' }, half: { dataThrough: null }, later: { dataThrough: null } })
  })
})

describe('scores on 100', () => {
  it("puts every station's score on 100 beside the district's", async () => {
    const { orgUnits } = await data<{ orgUnits: { key: string; kind: string }[] }>(platform, '{ orgUnits { key kind } }')
    const stations = orgUnits.filter((u) => u.kind === 'STATION')
    expect(stations.length).toBeGreaterThan(0)
    const district = (await scorecard({ year: 2023 })).scorecard
    expect(district.scoreOn100).toBeCloseTo((district.score! / district.maxScore!) * 100, 2)
    for (const station of stations) {
      const card = (await scorecard({ year: 2023 }, station.key)).scorecard
      if (card.maxScore === null) continue
      expect(card.scoreOn100).toBeGreaterThanOrEqual(0)
      expect(card.scoreOn100).toBeLessThanOrEqual(100)
      expect(card.scoreOn100).toBeCloseTo((card.score! / card.maxScore) * 100, 2)
      for (const area of card.areas) if (area.scoreOn100 !== null) expect(area.scoreOn100).toBeLessThanOrEqual(100)
    }
  })
})
