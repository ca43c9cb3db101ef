// The installation file: the server loads the plugins, org units and reports it names. A plugin
// kept as a package of its own (docs/example-plugin) joins Wuchang's through an installation
// file (test/fixtures/elevators.config.ts), on a database that already holds data.
import { bearer } from './support/accounts.ts'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { elevators } from '@msp-example/plugin-elevators'
import type { Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import { configPath, loadRegistry } from '@msp/server/plugins'
import { startServerProcess } from '@msp/server/server-process'
import { data, openTestPlatform } from './support/platform.ts'

const config = join(import.meta.dirname, 'fixtures', 'elevators.config.ts')

interface Row { metric: { key: string }; status: string; points: number | null; target: number | null; targetSources: string[]; targetReason: string | null }
interface Card { scorecard: { areas: { area: { key: string }; score: number | null; maxScore: number | null; rows: Row[] }[] } }
const cardQuery = `{ scorecard(period: { year: 2024 }) { areas { area { key } score maxScore rows { metric { key } status points target targetSources targetReason } } } }`

describe('the installation file', () => {
  it('is msp.config.ts unless MSP_CONFIG names another, relative to where the user typed the command', () => {
    expect(configPath({})).toMatch(/msp\.config\.ts$/)
    expect(configPath({ MSP_CONFIG: 'test/fixtures/elevators.config.ts' })).toBe(join(process.cwd(), 'test/fixtures/elevators.config.ts'))
    // `pnpm start` runs the server's script in server/; pnpm says in INIT_CWD where the user stood.
    expect(configPath({ MSP_CONFIG: 'my.config.ts', INIT_CWD: '/x' })).toBe('/x/my.config.ts')
    expect(configPath({ MSP_CONFIG: '/etc/msp/my.config.ts', INIT_CWD: '/x' })).toBe('/etc/msp/my.config.ts')
  })

  it('says what is wrong with a missing or malformed file', async () => {
    await expect(loadRegistry('/nonexistent/msp.config.ts')).rejects.toThrow('installation file /nonexistent/msp.config.ts does not exist')
    const dir = mkdtempSync(join(tmpdir(), 'msp-config-'))
    const empty = join(dir, 'empty.config.ts')
    writeFileSync(empty, 'export const plugins = []\n')
    await expect(loadRegistry(empty)).rejects.toThrow('must export default defineInstallation({ name, orgUnits, reports, plugins })')
  })

  describe('with a plugin package from outside the repository', () => {
    let platform: Platform
    beforeAll(async () => {
      // A copy of the seeded database: the plugin joins an installation that already has data.
      platform = await openTestPlatform({ config })
    })
    afterAll(() => platform.close())

    it('lists the area after the installation’s own, with its metrics', async () => {
      const result = await data<{ areas: { key: string; metrics: { key: string }[] }[] }>(platform, '{ areas { key metrics { key } } }')
      expect(result.areas.map((a) => a.key)).toEqual(platform.registry.areas.map((a) => a.key))
      expect(result.areas.at(-1)).toEqual({ key: 'elevators', metrics: elevators.metrics.map((m) => ({ key: m.key })) })
    })

    it('scores nothing from nothing: every row NO_DATA, no points, with the plugin’s default targets', async () => {
      const card = await data<Card>(platform, cardQuery)
      const area = card.scorecard.areas.find((a) => a.area.key === 'elevators')!
      expect(area.rows.map((r) => r.status)).toEqual(elevators.metrics.map(() => 'NO_DATA'))
      expect(area.rows.every((r) => r.points === null)).toBe(true)
      expect(area.score ?? 0).toBe(0)
      const inspected = area.rows.find((r) => r.metric.key === 'elevators.inspected')!
      expect(inspected).toMatchObject({ target: 1200, targetReason: expect.stringContaining('Plugin default') })
    })

    it('scores the area once figures are imported, and holds them to the plugin’s rule', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'msp-elevators-'))
      const file = join(dir, 'elevators.csv')
      const rows = (found: number) => [
        'metric,org_unit,period_start,period_end,value',
        'elevators.inspected,station-nanhu,2024-01-01,2024-01-31,100',
        `elevators.hazards-found,station-nanhu,2024-01-01,2024-01-31,${found}`,
        'elevators.hazards-fixed,station-nanhu,2024-01-01,2024-01-31,8',
        'elevators.entrapments,station-nanhu,2024-01-01,2024-01-31,0',
      ].join('\n')
      writeFileSync(file, rows(120))
      const refused = await importFigures(platform.database, platform.registry, file, { by: 'tester' })
      expect(refused.errors.map((e) => e.message)).toEqual([expect.stringContaining('Elevators found with hazards cannot outnumber the elevators inspected')])
      writeFileSync(file, rows(10))
      expect(await importFigures(platform.database, platform.registry, file, { by: 'tester' })).toMatchObject({ ok: true, created: 4 })
      const card = await data<Card>(platform, cardQuery)
      const area = card.scorecard.areas.find((a) => a.area.key === 'elevators')!
      // No entrapment so far: the ceiling holds, on track while 2024's figures run only to 30 June.
      expect(area.rows.find((r) => r.metric.key === 'elevators.entrapments')).toMatchObject({ status: 'ON_TRACK', points: 3 })
      expect(area.score).toBeGreaterThan(3)
    })
  })

  it('is what `pnpm start` loads when MSP_CONFIG names it, on the query threads too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-db-'))
    const file = join(dir, 'test.db')
    copyFileSync(inject('templateDatabase'), file)
    const server = await startServerProcess(`file:${file}`, { MSP_CONFIG: config, MSP_WORKERS: '1' })
    try {
      // A scorecard reads figures, so it runs on a query thread: the thread loads the same file.
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...bearer }, body: JSON.stringify({ query: cardQuery }),
      })
      const body = (await response.json()) as { data?: Card; errors?: unknown[] }
      expect(body.errors).toBeUndefined()
      expect(body.data!.scorecard.areas.map((a) => a.area.key)).toContain('elevators')
    } finally {
      await server.stop()
    }
  })
})
