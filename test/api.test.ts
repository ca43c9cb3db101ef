// The API contract the standing committee scripts against: names, shapes, errors.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { printedSchema } from '@msp/server/schema/print'
import { data, openTestPlatform, query } from './support/platform.ts'

let platform: Platform
const statements: string[] = []
beforeAll(async () => {
  platform = await openTestPlatform({ onQuery: (sql) => statements.push(sql) })
})
afterAll(() => platform.close())

const scorecardQuery = `
  query ($period: PeriodInput!, $orgUnit: ID) {
    scorecard(period: $period, orgUnit: $orgUnit) {
      period from to score maxScore
      orgUnit { key name }
      areas {
        area { key name(locale: "en") }
        score maxScore
        rows {
          metric { key unit kind direction }
          actual target completion expected previous yoyChange yoyRate status points maxPoints sources
        }
      }
    }
  }`

type Row = { metric: { key: string; unit: string; kind: string }; actual: number | null; target: number | null; expected: number | null; previous: number | null; status: string; points: number | null; maxPoints: number | null; sources: string[] }
type Card = { scorecard: { period: string; score: number; maxScore: number; orgUnit: { key: string }; areas: { area: { key: string; name: string }; score: number; maxScore: number; rows: Row[] }[] } }

const row = (card: Card, key: string) => card.scorecard.areas.flatMap((a) => a.rows).find((r) => r.metric.key === key)!

describe('catalogue', () => {
  it('lists the areas in plugin order, in Chinese by default and in English on request', async () => {
    const result = await data<{ areas: { key: string; zh: string; en: string; metrics: { key: string }[] }[] }>(platform, '{ areas { key zh: name en: name(locale: "en") metrics { key } } }')
    expect(result.areas.map((a) => a.key).slice(0, 6)).toEqual(['food', 'drugs', 'special-equipment', 'prices', 'fishing-ban', 'intellectual-property'])
    // As many as the installation's plugin list names: adding an area must not break this test.
    expect(result.areas.map((a) => a.key)).toEqual(platform.registry.areas.map((a) => a.key))
    expect(result.areas[4]).toMatchObject({ zh: '长江禁捕', en: 'Yangtze fishing ban' })
    expect(result.areas[4]!.metrics.map((m) => m.key)).toContain('fishing-ban.persuasion-rate')
  })

  it('gives the org tree as the installation file lists it: the bureau, its offices and stations', async () => {
    const result = await data<{ orgUnits: { key: string; kind: string; parent: { key: string } | null; children: { key: string }[] }[] }>(platform, '{ orgUnits { key kind parent { key } children { key } } }')
    const [root] = result.orgUnits
    const listed = platform.registry.orgUnits
    expect(root).toMatchObject({ key: listed[0]!.key, kind: 'BUREAU', parent: null })
    expect(result.orgUnits.map((u) => [u.key, u.kind, u.parent?.key ?? null])).toEqual(listed.map((u) => [u.key, u.kind, u.parent]))
    expect(root!.children).toHaveLength(listed.filter((u) => u.parent === root!.key).length)
  })

  it('tells the span the stored figures cover', async () => {
    expect(await data(platform, '{ dataRange { from to } }')).toEqual({ dataRange: { from: '2021-01-01', to: '2024-06-30' } })
  })

  it('describes a metric: kind, unit, direction, rule, weight', async () => {
    const result = await data(platform, '{ metric(key: "food.incidents") { key name(locale: "en") unit kind direction targetRule weight scoringRule area { key } } }')
    expect(result.metric).toEqual({
      key: 'food.incidents', name: 'Food-safety incidents', unit: '起', kind: 'FLOW', direction: 'LOWER_IS_BETTER',
      targetRule: 'ZERO_TOLERANCE', weight: 5, scoringRule: 'ZERO_TOLERANCE', area: { key: 'food' },
    })
  })
})

describe('scorecard', () => {
  it('scores the six areas for 2023 at the district out of 100, and shows the monitored ones unscored', async () => {
    const card = await data<Card>(platform, scorecardQuery, { period: { year: 2023 } })
    expect(card.scorecard).toMatchObject({ period: '2023', orgUnit: { key: 'wuchang' }, maxScore: 100 })
    expect(card.scorecard.areas.filter((a) => a.maxScore !== null)).toHaveLength(6)
    expect(card.scorecard.areas.find((a) => a.area.key === 'enforcement')).toMatchObject({ score: null, maxScore: null })
    expect(card.scorecard.score).toBeGreaterThan(0)
    expect(card.scorecard.score).toBe(Math.round(card.scorecard.areas.reduce((s, a) => s + a.score, 0) * 100) / 100)
    for (const area of card.scorecard.areas.filter((a) => a.maxScore !== null)) {
      expect(area.score).toBe(Math.round(area.rows.reduce((s, r) => s + (r.points ?? 0), 0) * 100) / 100)
    }
    // A sample value is labelled as such.
    expect(row(card, 'drugs.dealer-inspections').sources).toContain('SAMPLE')
  })

  it('compares 2023 H1 with 2022 H1 and expects half the annual target by 30 June', async () => {
    const h1 = await data<Card>(platform, scorecardQuery, { period: { year: 2023, half: 1 } })
    const year = await data<Card>(platform, scorecardQuery, { period: { year: 2023 } })
    const lastH1 = await data<Card>(platform, scorecardQuery, { period: { year: 2022, half: 1 } })
    const inspections = row(h1, 'drugs.dealer-inspections')
    expect(inspections.target).toBe(row(year, 'drugs.dealer-inspections').target)
    expect(inspections.expected).toBe(inspections.target! / 2)
    expect(inspections.previous).toBe(row(lastH1, 'drugs.dealer-inspections').actual)
  })

  it('reports money in yuan', async () => {
    const card = await data<Card>(platform, scorecardQuery, { period: { from: '2023-01-01', to: '2023-09-26' } })
    expect(row(card, 'intellectual-property.tech-transfer-value')).toMatchObject({ actual: 8_000_000, sources: expect.arrayContaining(['REPORT']) })
  })

  it('drills down to a station, whose figures differ from the district', async () => {
    const district = await data<Card>(platform, scorecardQuery, { period: { year: 2023 } })
    const station = await data<Card>(platform, scorecardQuery, { period: { year: 2023 }, orgUnit: 'station-nanhu' })
    expect(station.scorecard.orgUnit.key).toBe('station-nanhu')
    const here = row(station, 'fishing-ban.anglers-checked').actual!
    expect(here).toBeGreaterThan(0)
    expect(here).toBeLessThan(row(district, 'fishing-ban.anglers-checked').actual!)
    // A rank belongs to the district only.
    expect(row(station, 'food.satisfaction-rank').status).toBe('NO_DATA')
  })

  it('reads each table once, however many metrics there are (no N+1)', async () => {
    statements.length = 0
    await data(platform, scorecardQuery, { period: { year: 2023 } })
    const selects = statements.filter((s) => /^\s*SELECT/i.test(s))
    expect(selects.length).toBeLessThanOrEqual(8)
  })
})

describe('errors', () => {
  it.each([
    [{ year: 2023, half: 3 }, 'period: half must be 1 or 2, not 3'],
    [{ from: '2023-01-01' }, 'period: from and to go together: give both as YYYY-MM-DD'],
    [{ year: 2023, from: '2023-01-01', to: '2023-02-01' }, 'period: give either year (with half, quarter or month) or from and to, not both'],
  ])('rejects the period %j with BAD_PERIOD', async (period, message) => {
    const result = await query(platform, scorecardQuery, { period })
    expect(result.data).toBeNull()
    expect(result.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_PERIOD' } })
  })

  // A day is the Date scalar's to read: a bad one is refused before anything runs, saying what to write.
  const notADay = (shown: string) => `${shown} is not a date; write a day that exists as YYYY-MM-DD, such as 2023-09-26`

  it('rejects a day that does not exist in a period variable, naming where it is', async () => {
    const result = await query(platform, scorecardQuery, { period: { from: '2023-13-01', to: '2023-12-31' } })
    expect(result.data).toBeUndefined()
    expect(result.errors![0]).toMatchObject({
      message: `Variable "$period" got invalid value "2023-13-01" at "period.from"; ${notADay("'2023-13-01'")}`,
      extensions: { code: 'BAD_PERIOD' },
    })
  })

  it('rejects a day that does not exist written in the query', async () => {
    const result = await query(platform, '{ scorecard(period: { from: "2023-02-30", to: "2023-12-31" }) { score } }')
    expect(result.errors![0]).toMatchObject({ message: notADay("'2023-02-30'"), extensions: { code: 'BAD_PERIOD' } })
  })

  it('rejects an unknown org unit, naming the ones there are', async () => {
    const result = await query(platform, scorecardQuery, { period: { year: 2023 }, orgUnit: 'station-nowhere' })
    expect(result.errors![0]!.extensions!.code).toBe('UNKNOWN_ORG_UNIT')
    expect(result.errors![0]!.message).toMatch(/^org unit 'station-nowhere' does not exist; the org units are: wuchang, /)
  })

  it('rejects an unknown metric and an unknown area', async () => {
    const metric = await query(platform, '{ metric(key: "food.nothing") { key } }')
    expect(metric.errors![0]).toMatchObject({ extensions: { code: 'UNKNOWN_METRIC' } })
    expect(metric.errors![0]!.message).toContain("metric 'food.nothing' does not exist")
    const area = await query(platform, '{ area(key: "weather") { key } }')
    expect(area.errors![0]).toMatchObject({ extensions: { code: 'UNKNOWN_AREA' } })
    expect(area.errors![0]!.message).toContain('the areas are: food, drugs')
  })

  it('rejects an unknown org unit in figures()', async () => {
    const result = await query(platform, '{ metric(key: "food.incidents") { figures(orgUnit: "station-mars") { value } } }')
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'UNKNOWN_ORG_UNIT' } })
  })

  it('refuses a query too deep to run, before running it', async () => {
    const result = await query(platform, '{ areas { metrics { area { metrics { area { metrics { area { metrics { area { metrics { key } } } } } } } } } } }')
    expect(result.errors![0]).toMatchObject({
      message: "the query's depth is 11, above the limit of 10; split it into smaller queries",
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    })
  })

  it('rejects a bad date in figures()', async () => {
    const result = await query(platform, '{ metric(key: "food.incidents") { figures(from: "yesterday") { value } } }')
    expect(result.errors![0]).toMatchObject({ message: notADay("'yesterday'"), extensions: { code: 'BAD_PERIOD' } })
  })
})

describe('schema.graphql', () => {
  it('is committed as the code prints it', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'server', 'schema.graphql'), 'utf8')
    expect(committed, 'run `pnpm schema:print` and commit server/schema.graphql').toBe(printedSchema())
  })
})

describe('drill-down and series', () => {
  it('breaks a metric down by station, ranked, adding up to the district', async () => {
    const result = await data<{ metric: { value: number; breakdown: { orgUnit: { key: string }; actual: number | null; rank: number | null; status: string; target: number | null }[] } }>(platform, `{
      metric(key: "fishing-ban.anglers-checked") {
        value(period: { year: 2023 })
        breakdown(period: { year: 2023 }) { orgUnit { key } actual target status rank }
      }
    }`)
    const { breakdown, value } = result.metric
    expect(breakdown).toHaveLength(platform.registry.orgUnits.filter((u) => u.parent !== null).length)
    const stations = breakdown.filter((r) => r.orgUnit.key.startsWith('station-'))
    expect(stations.reduce((sum, r) => sum + r.actual!, 0)).toBe(value)
    const best = stations.reduce((a, b) => (b.actual! > a.actual! ? b : a))
    expect(best.rank).toBe(1)
    expect(stations.every((r) => r.target !== null)).toBe(true)
    // The district offices entered nothing: no value, no rank.
    expect(breakdown.find((r) => r.orgUnit.key === 'district-offices')).toMatchObject({ actual: null, rank: null, status: 'NO_DATA' })
  })

  it("breaks an area's score down by station", async () => {
    const result = await data<{ area: { breakdown: { orgUnit: { key: string }; score: number | null; maxScore: number | null; rank: number | null; behind: number }[] } }>(platform, `{
      area(key: "fishing-ban") { breakdown(period: { year: 2023 }) { orgUnit { key } score maxScore rank behind met } }
    }`)
    const ranked = result.area.breakdown.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!)
    expect(ranked.length).toBe(13)
    const share = (r: { score: number | null; maxScore: number | null }) => r.score! / r.maxScore!
    for (let i = 1; i < ranked.length; i++) expect(share(ranked[i - 1]!)).toBeGreaterThanOrEqual(share(ranked[i]!))
  })

  it('gives a monthly series whose months add up to the year, and a yearly one with targets', async () => {
    const result = await data<{ metric: { value: number; months: { period: string; actual: number }[]; years: { period: string; actual: number; target: number | null }[]; yearTarget: { value: number } } }>(platform, `{
      metric(key: "prices.operators-checked") {
        value(period: { year: 2023 })
        yearTarget: target(period: { year: 2023 }) { value }
        months: series(granularity: MONTH, from: "2023-01-01", to: "2023-12-31") { period actual }
        years: series(granularity: YEAR, from: "2021-01-01", to: "2023-12-31") { period actual target }
      }
    }`)
    const { months, years, value, yearTarget } = result.metric
    expect(months.map((m) => m.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`))
    expect(months.reduce((sum, m) => sum + m.actual, 0)).toBe(value)
    expect(years.map((y) => y.period)).toEqual(['2021', '2022', '2023'])
    expect(years[2]).toMatchObject({ actual: value, target: yearTarget.value })
    expect(years[0]!.target).toBeNull()
  })

  it('reads a period the way the scorecard does', async () => {
    expect(await data(platform, '{ period(period: { year: 2024, quarter: 1 }) { label from to } }')).toEqual({
      period: { label: '2024-Q1', from: '2024-01-01', to: '2024-03-31' },
    })
  })

  it('filters stored figures by source', async () => {
    const result = await data<{ metric: { figures: { source: string; value: number }[] } }>(platform, '{ metric(key: "food.officer-staffing-rate") { figures(source: REPORT) { source value } } }')
    expect(result.metric.figures).toEqual([{ source: 'REPORT', value: 1 }])
  })

  it('rejects a series with a bad date', async () => {
    const result = await query(platform, '{ metric(key: "prices.operators-checked") { series(granularity: MONTH, from: "2023-1-1", to: "2023-12-31") { period } } }')
    expect(result.errors![0]).toMatchObject({
      message: "'2023-1-1' is not a date; write a day that exists as YYYY-MM-DD, such as 2023-09-26",
      extensions: { code: 'BAD_PERIOD' },
    })
  })
})
