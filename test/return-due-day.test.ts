// When a month's return is due: a plugin may name its own day; a unit's one return is due on
// the earliest day among the areas it enters, the installation's day for areas that name none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { createRegistry, type Registry } from '@msp/server/registry'
import { completeness } from '@msp/server/returns/completeness'
import { readReturn, type ReturnUnit } from '@msp/server/returns/read-return'
import { returnDueDay, returnMetrics } from '@msp/server/returns/return-metrics'
import { openTestPlatform } from './support/platform.ts'

let platform: Platform
let units: ReturnUnit[]
beforeAll(async () => {
  platform = await openTestPlatform()
  units = await platform.database.db.orgUnit.findMany({ select: { id: true, key: true, kind: true }, orderBy: { id: 'asc' } })
})
afterAll(() => platform.close())

/** The installation as it is, with some plugins' due days set. */
function withDueDays(days: Record<string, number>): Registry {
  const { installation } = platform.registry
  return createRegistry({ ...installation, plugins: installation.plugins.map((p) => (p.key in days ? { ...p, returnDueDay: days[p.key] } : p)) })
}

const unit = (key: string) => units.find((u) => u.key === key)!
const settings = { dueDay: 5, today: '2024-08-04' }

describe('the day a return is due', () => {
  it("is the installation's day when no plugin names one", () => {
    const station = returnMetrics(platform.registry, 'STATION')
    expect(returnDueDay(platform.registry, station, 5)).toBe(5)
    expect(returnDueDay(platform.registry, station, 10)).toBe(10)
    expect(returnDueDay(platform.registry, [], 7)).toBe(7)
  })

  it("is the earliest day among the areas a unit enters; units that enter none of a plugin's metrics keep theirs", async () => {
    // The fishing ban is entered by the stations only.
    const registry = withDueDays({ 'fishing-ban': 3 })
    expect(returnMetrics(registry, 'OFFICE').some((m) => m.areaKey === 'fishing-ban')).toBe(false)
    const cells = await completeness(platform.database.db, registry, [unit('station-nanhu'), unit('district-offices')], ['2024-07'], settings)
    expect(cells.map((c) => [c.unit.key, c.dueOn, c.late])).toEqual([
      ['station-nanhu', '2024-08-03', true],
      ['district-offices', '2024-08-05', false],
    ])
    const nanhu = await readReturn(platform.database.db, registry, unit('station-nanhu'), '2024-07', settings)
    expect([nanhu.dueOn, nanhu.late]).toEqual(['2024-08-03', true])
  })

  it("lets a plugin give more time than the installation's day, but the return waits for its earliest area", async () => {
    const later = withDueDays({ 'fishing-ban': 20 })
    const [station] = await completeness(platform.database.db, later, [unit('station-nanhu')], ['2024-07'], settings)
    // Other station areas still fall due on the 5th.
    expect(station!.dueOn).toBe('2024-08-05')
    const everyArea = withDueDays(Object.fromEntries(platform.registry.areas.map((a) => [a.key, 20])))
    const [relaxed] = await completeness(platform.database.db, everyArea, [unit('station-nanhu')], ['2024-07'], { dueDay: 5, today: '2024-08-19' })
    expect([relaxed!.dueOn, relaxed!.late]).toEqual(['2024-08-20', false])
  })

  it('refuses a plugin whose day not every month has, at start-up, naming the plugin', () => {
    expect(() => withDueDays({ 'fishing-ban': 31 })).toThrow(/plugin 'fishing-ban': returnDueDay 31 is not a day of the month from 1 to 28/)
  })
})
