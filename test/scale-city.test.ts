// The generated city (server/scale): a city bureau over Wuchang and sample districts, each with
// its offices and 13 stations. Scorecards, leagues, targets and a clerk's scope work at every
// level; Wuchang inside the city reads exactly as Wuchang alone; everything generated is SAMPLE.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPlatform, type Platform } from '@msp/server/app'
import { createUser } from '@msp/server/auth/accounts'
import { createApiToken } from '@msp/server/auth/sessions'
import { createContext, scorecardInput } from '@msp/server/context'
import { buildScorecard, spanOf } from '@msp/server/engine/index'
import { generateCity, inYear } from '../server/scale/generate-city.ts'
import { openTestPlatform, query, testToday } from './support/platform.ts'

const cityConfig = join(import.meta.dirname, '..', 'server', 'scale', 'city.config.ts')
const dir = mkdtempSync(join(tmpdir(), 'msp-city-'))
const url = `file:${join(dir, 'city.db')}`
let city: Platform
let wuchang: Platform
let generated: Awaited<ReturnType<typeof generateCity>>
let leader: Record<string, string>

beforeAll(async () => {
  generated = await generateCity(url, { districts: 3, years: 5 })
  // As `pnpm start` opens it: migrations (none left), the first administrator, the seed's sync.
  city = await openPlatform(url, { config: cityConfig, asOf: testToday, adminPassword: 'city admin password' })
  const user = await createUser(city.database.db, { login: 'city.leader', name: 'city leader', password: 'correct horse battery', role: 'LEADER' }, 'test')
  leader = { authorization: `Bearer ${(await createApiToken(city.database.db, { userId: user.id, name: 'test', by: 'test' })).secret}` }
  wuchang = await openTestPlatform()
}, 120_000)
afterAll(async () => {
  await city?.close()
  await wuchang?.close()
  rmSync(dir, { recursive: true, force: true })
})

const CARD = `query($unit: ID, $year: Int!) { scorecard(period: { year: $year }, orgUnit: $unit) {
  orgUnit { key } score maxScore scoreOn100 status
  league { orgUnit { key } scoreOn100 rank }
  areas { area { key } scoreOn100 rows { metric { key } actual target points status sources } }
} }`
async function card(platform: Platform, unit: string | null, year = 2023, headers?: Record<string, string>) {
  const answer = await query(platform, CARD, { unit, year }, headers)
  if (answer.errors) throw new Error(JSON.stringify(answer.errors))
  return answer.data!.scorecard
}
const row = (scorecard: any, metric: string) => scorecard.areas.flatMap((a: any) => a.rows).find((r: any) => r.metric.key === metric)

describe('the generated city', () => {
  it('is a city over three districts, each with its offices and 13 stations', async () => {
    const units = await city.database.db.orgUnit.findMany({ include: { parent: true } })
    expect(units.length).toBe(1 + 3 * (1 + 1 + 13))
    expect(generated.units).toBe(units.length)
    const root = units.filter((u) => u.parentId === null)
    expect(root.map((u) => u.key)).toEqual(['city'])
    const districts = units.filter((u) => u.parent?.key === 'city')
    expect(districts.map((u) => [u.key, u.kind])).toEqual([['wuchang', 'BUREAU'], ['district-002', 'BUREAU'], ['district-003', 'BUREAU']])
    for (const d of districts) expect(units.filter((u) => u.parent?.key === d.key && u.kind === 'STATION').length).toBe(13)
    // The invented units say so.
    expect(units.filter((u) => u.key.startsWith('district-0')).every((u) => u.note?.startsWith('Sample:'))).toBe(true)
  })

  it("stores Wuchang's report at Wuchang, not at the city, and every other figure as SAMPLE", async () => {
    const db = city.database.db
    const bySource = await db.figure.groupBy({ by: ['source'], _count: true })
    expect(bySource.map((s) => s.source).sort()).toEqual(['REPORT', 'SAMPLE'])
    const reported = await db.figure.findMany({ where: { source: 'REPORT' }, select: { orgUnit: { select: { key: true } } } })
    expect(new Set(reported.map((f) => f.orgUnit.key))).toEqual(new Set(['wuchang']))
    expect(reported.length).toBe(city.registry.reportFigures.length)
    expect(await db.figure.count()).toBe(generated.figures)
    expect(await db.target.count({ where: { source: { not: 'SAMPLE' } } })).toBe(0)
  })

  it('reads Wuchang inside the city exactly as Wuchang alone', async () => {
    for (const year of [2023, 2022]) {
      const inCity = await card(city, 'wuchang', year, leader)
      const alone = await card(wuchang, null, year)
      expect(inCity.scoreOn100).toBe(alone.scoreOn100)
      expect(inCity.areas).toEqual(alone.areas)
      expect(inCity.league).toEqual(alone.league)
    }
  })

  it("ranks the districts at the city, adds their counts up, and judges the city's counts against its own targets", async () => {
    const scorecard = await card(city, null, 2023, leader)
    expect(scorecard.orgUnit.key).toBe('city')
    expect(scorecard.league.map((e: any) => e.orgUnit.key).sort()).toEqual(['district-002', 'district-003', 'wuchang'])
    expect(scorecard.league.map((e: any) => e.rank)).toEqual([1, 2, 3])
    const scores = scorecard.league.map((e: any) => e.scoreOn100)
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a))
    const districts = await Promise.all(['wuchang', 'district-002', 'district-003'].map((d) => card(city, d, 2023, leader)))
    const anglers = 'fishing-ban.anglers-checked'
    const sum = districts.reduce((total, d) => total + row(d, anglers).actual, 0)
    expect(row(scorecard, anglers).actual).toBe(sum)
    expect(row(scorecard, anglers).target).toBeGreaterThan(0)
    expect(row(scorecard, anglers).points).not.toBeNull()
    // A sample district is judged against targets too: its own counts', the city's rates'.
    expect(districts[1].maxScore).toBe(100)
  })

  it("reads the targets of the units a scorecard judges and of those above them only, and judges as it would with every target", async () => {
    const context = createContext(city.database.db, city.registry, testToday)
    const span = spanOf({ year: 2023 })
    const { tree } = await context.orgUnits()
    const every = await context.targets()
    for (const unit of ['city', 'district-002']) {
      const { monthlyFigures: _, ...input } = await scorecardInput(context, span, unit)
      const judged = [unit, ...tree.children(unit)]
      const usable = new Set([...judged, ...tree.above(unit)])
      expect(input.targets.every((t) => t.orgUnitKey === null || usable.has(t.orgUnitKey))).toBe(true)
      expect(every.some((t) => t.orgUnitKey !== null && !usable.has(t.orgUnitKey))).toBe(true)
      // The city's (stored without a unit), carried down for its rates; each judged unit's own.
      expect(input.targets.some((t) => t.orgUnitKey === null)).toBe(true)
      expect(input.targets.some((t) => t.orgUnitKey === tree.children(unit)[1])).toBe(true)
      // The unit and each unit of its league judged alike with every target.
      for (const key of judged) {
        const card = (targets: typeof every) => buildScorecard({ ...input, targets, areas: city.registry.areas, orgUnitKey: key, span })
        expect(card(input.targets), key).toEqual(card(every))
      }
    }
  })

  it('holds the years before the sample, back to the first year asked for', async () => {
    const early = await card(city, 'district-002', 2020, leader)
    expect(row(early, 'fishing-ban.anglers-checked').actual).toBeGreaterThan(0)
    expect(row(early, 'fishing-ban.anglers-checked').sources).toEqual(['SAMPLE'])
    const before = await card(city, 'district-002', 2019, leader)
    expect(row(before, 'fishing-ban.anglers-checked').actual).toBeNull()
  })

  it('keeps a clerk to their own station at any depth: not its district, the city or another station', async () => {
    const db = city.database.db
    const tokenFor = async (login: string, orgUnit: string) => {
      const user = await createUser(db, { login, name: login, password: 'correct horse battery', role: 'REPORTER', orgUnit }, 'test')
      return { authorization: `Bearer ${(await createApiToken(db, { userId: user.id, name: 'test', by: 'test' })).secret}` }
    }
    const clerk = await tokenFor('clerk.d2s1', 'district-002-station-01')
    expect((await card(city, null, 2023, clerk)).orgUnit.key).toBe('district-002-station-01')
    for (const unit of ['district-002', 'city', 'wuchang', 'district-002-station-02']) {
      expect((await query(city, CARD, { unit, year: 2023 }, clerk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    }
  })

  it('fills only a new database', async () => {
    await expect(generateCity(url, { districts: 2, years: 4 })).rejects.toThrow(/new, empty database/)
    await expect(generateCity(`file:${join(dir, 'other.db')}`, { districts: 2, years: 2 })).rejects.toThrow(/--years must be a whole number from 4/)
  })
})

describe('inYear', () => {
  it("moves a day to another year, keeping a month's last day its last", () => {
    expect(inYear('2021-02-28', 2020)).toBe('2020-02-29')
    expect(inYear('2021-02-28', 2019)).toBe('2019-02-28')
    expect(inYear('2021-03-31', 2018)).toBe('2018-03-31')
    expect(inYear('2021-09-26', 2017)).toBe('2017-09-26')
  })
})
