// Reads shared between requests (server/src/shared-reads.ts): a second request for the same
// scorecard reads its figures from memory, and any write (an import, a correction, a deletion,
// a target) is seen by the very next request.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import { sharedReads } from '@msp/server/shared-reads'
import { data, openTestPlatform } from './support/platform.ts'

const dir = mkdtempSync(join(tmpdir(), 'msp-shared-reads-'))
let files = 0
function csv(...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, ['metric,org_unit,period_start,period_end,value,note', ...lines].join('\n'))
  return path
}

let platform: Platform
beforeEach(async () => {
  // Without the response cache, which would answer the repeated query before any read.
  platform = await openTestPlatform({ settings: { responseCacheMegabytes: 0 } })
})
afterEach(() => platform.close())

const anglers = async () =>
  (await data<{ scorecard: { areas: { rows: { metric: { key: string }; actual: number | null }[] }[] } }>(
    platform,
    '{ scorecard(period: { year: 2024, month: 7 }) { areas { rows { metric { key } actual } } } }',
  )).scorecard.areas.flatMap((a) => a.rows).find((r) => r.metric.key === 'fishing-ban.anglers-checked')!.actual
const run = (path: string, options: { delete?: boolean; reason?: string } = {}) =>
  importFigures(platform.database, platform.registry, path, { by: 'tester', ...options })

describe('shared reads', () => {
  it('serves a repeated scorecard from memory while nothing changes', async () => {
    const reads = sharedReads(platform.database.db)
    await anglers()
    const misses = reads.misses
    const hits = reads.hits
    await anglers()
    expect(reads.misses).toBe(misses)
    expect(reads.hits).toBeGreaterThan(hits)
  })

  it('sees an import, a correction and a deletion on the next request', async () => {
    expect(await anglers()).toBeNull()
    expect(await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,120,'))).toMatchObject({ ok: true, created: 1 })
    expect(await anglers()).toBe(120)
    expect(await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,121,recount'))).toMatchObject({ ok: true, corrected: 1 })
    expect(await anglers()).toBe(121)
    const deleted = await run(csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,,'), { delete: true, reason: 'entered twice' })
    expect(deleted).toMatchObject({ ok: true })
    expect(await anglers()).toBeNull()
  })

  it('sees a changed target on the next request', async () => {
    const target = async () =>
      (await data<{ metric: { target: { value: number } | null } }>(platform, '{ metric(key: "prices.officers-deployed") { target(period: { year: 2023 }) { value } } }')).metric.target?.value
    const before = await target()
    const stored = await platform.database.db.target.findFirstOrThrow({ where: { metricKey: 'prices.officers-deployed', orgUnitId: null, periodStart: '2023-01-01' } })
    await platform.database.db.target.update({ where: { id: stored.id }, data: { value: stored.value + 7 } })
    expect(await target()).toBe((before ?? 0) + 7)
  })
})
