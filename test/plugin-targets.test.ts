// The targets plugins ship are synced on every start: written into a fresh database, added
// to one that already has data when a plugin joins, corrected when a plugin changes one; a
// target a person entered is never overwritten. A start with nothing to write takes no lock.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { elevators } from '@msp-example/plugin-elevators'
import { countMetric, definePlugin, type PluginDefinition } from '@msp/plugin-sdk'
import { openDatabase, writeTransaction, type Database } from '@msp/db'
import type { Platform } from '@msp/server/app'
import { createRegistry, type Registry } from '@msp/server/registry'
import { seedIfEmpty } from '@msp/server/seed/seed'
import { openTestPlatform } from './support/platform.ts'

const root = join(import.meta.dirname, '..')
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const elevatorsConfig = join(import.meta.dirname, 'fixtures', 'elevators.config.ts')

/** A new area with two default targets: one for the district, one for a station. */
function cosmetics(inspections = 120) {
  return definePlugin({
    key: 'cosmetics',
    name: { 'zh-CN': '化妆品安全', en: 'Cosmetics' },
    metrics: [
      countMetric('cosmetics.sellers-inspected', { 'zh-CN': '检查化妆品经营者', en: 'Cosmetics sellers inspected' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 10 } }),
    ],
    targets: [
      { metric: 'cosmetics.sellers-inspected', year: 2024, value: inspections, reason: 'inspect ten sellers a month' },
      { metric: 'cosmetics.sellers-inspected', year: 2024, value: 12, orgUnit: 'station-nanhu', reason: 'Plugin default: one seller a month' },
    ],
  })
}

describe('plugin targets, synced on every start', () => {
  let platform: Platform
  const others: Database[] = []
  beforeEach(async () => {
    platform = await openTestPlatform()
  })
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close()
    await platform.close()
  })
  const db = () => platform.database.db
  const withPlugin = (plugin: PluginDefinition): Registry =>
    createRegistry({ ...platform.registry.installation, plugins: [...platform.registry.installation.plugins, plugin] })
  const cosmeticsTargets = () => db().target.findMany({ where: { metricKey: 'cosmetics.sellers-inspected' }, orderBy: { id: 'asc' } })

  it('a fresh database holds every target the plugins ship, labelled as a plugin default', async () => {
    const stored = await db().target.findMany({ where: { reason: { startsWith: 'Plugin default' } }, include: { orgUnit: true } })
    const key = (metric: string, unit: string | null | undefined, year: string | number) => `${metric}|${unit ?? ''}|${year}`
    expect(stored.map((t) => key(t.metricKey, t.orgUnit?.key, t.periodStart.slice(0, 4))).sort())
      .toEqual(platform.registry.targets.map((t) => key(t.metric, t.orgUnit, t.year)).sort())
    expect(stored.every((t) => t.source === 'SAMPLE' && t.periodEnd.endsWith('-12-31'))).toBe(true)
    // Started again, it has nothing to write.
    expect(await seedIfEmpty(db(), platform.registry)).toEqual({ seeded: false, figures: 0, targets: 0 })
  })

  it('a start with nothing to write takes no lock, even while another process holds it', async () => {
    let release!: () => void
    let held = false
    const holder = writeTransaction(platform.database, async () => {
      held = true
      await new Promise<void>((r) => (release = r))
    })
    while (!held) await new Promise((r) => setTimeout(r, 10))
    const second = await openDatabase(platform.database.url, { migrate: false, lockTimeoutMs: 300 })
    others.push(second)
    expect(await seedIfEmpty(second.db, platform.registry)).toEqual({ seeded: false, figures: 0, targets: 0 })
    release()
    await holder
  })

  it('a database that already has data gets a new plugin’s targets at the next start, and no sample', async () => {
    const figuresBefore = await db().figure.count()
    const registry = withPlugin(cosmetics())
    expect(await seedIfEmpty(db(), registry)).toEqual({ seeded: false, figures: 0, targets: 2 })
    const stored = await db().target.findMany({ where: { metricKey: 'cosmetics.sellers-inspected' }, include: { orgUnit: true } })
    expect(stored.map((t) => ({ unit: t.orgUnit?.key ?? null, value: t.value, source: t.source, reason: t.reason, span: `${t.periodStart}..${t.periodEnd}` }))).toEqual([
      { unit: null, value: 120, source: 'SAMPLE', reason: 'Plugin default: inspect ten sellers a month', span: '2024-01-01..2024-12-31' },
      { unit: 'station-nanhu', value: 12, source: 'SAMPLE', reason: 'Plugin default: one seller a month', span: '2024-01-01..2024-12-31' },
    ])
    // The report states no figure for the new area: no sample is made for it.
    expect(await db().figure.count()).toBe(figuresBefore)
    expect(await seedIfEmpty(db(), registry)).toEqual({ seeded: false, figures: 0, targets: 0 })
  })

  it('two processes starting at once with a new plugin write its targets once', async () => {
    // Two imports (each starts as the server does) under an installation that adds a plugin
    // with targets: SQLite's lock is per process, so they run as processes of their own.
    const dir = mkdtempSync(join(tmpdir(), 'msp-targets-'))
    const csv = join(dir, 'figures.csv')
    writeFileSync(csv, 'metric,org_unit,period_start,period_end,value\nelevators.inspected,station-nanhu,2024-01-01,2024-01-31,10\n')
    const env = { ...process.env, DATABASE_URL: platform.database.url, MSP_CONFIG: elevatorsConfig, MSP_LOCK_TIMEOUT_MS: '60000', MSP_DEBUG: '' }
    const run = () => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [tsx, join(root, 'server', 'src', 'cli', 'import.ts'), csv, '--dry-run'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => resolve({ code, stderr }))
    })
    const results = await Promise.all([run(), run()])
    expect(results).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }])
    const shipped = elevators.targets!
    const stored = await db().target.findMany({ where: { metricKey: { startsWith: 'elevators.' } } })
    expect(stored).toHaveLength(shipped.length)
    expect(stored.every((t) => t.source === 'SAMPLE' && t.reason!.startsWith('Plugin default'))).toBe(true)
  }, 120_000)

  it('a plugin’s changed default corrects its own target, with a revision, but never one a person entered', async () => {
    await seedIfEmpty(db(), withPlugin(cosmetics(120)))
    const [district, station] = await cosmeticsTargets()
    // The bureau sets its own target for the station.
    await db().target.update({ where: { id: station!.id }, data: { value: 20, source: 'ENTERED', reason: 'set by the director', createdBy: 'li.ming' } })

    // The plugin's next version asks for more inspections.
    expect(await seedIfEmpty(db(), withPlugin(cosmetics(150)))).toEqual({ seeded: false, figures: 0, targets: 1 })
    const after = await cosmeticsTargets()
    expect(after).toHaveLength(2)
    expect(after[0]).toMatchObject({ id: district!.id, value: 150, source: 'SAMPLE' })
    expect(after[1]).toMatchObject({ id: station!.id, value: 20, source: 'ENTERED', reason: 'set by the director' })
    expect(await db().targetRevision.findMany({ where: { targetId: district!.id } })).toMatchObject([
      { action: 'UPDATE', value: 150, previousValue: 120, changedBy: 'seed' },
    ])
    expect(await db().targetRevision.count({ where: { targetId: station!.id } })).toBe(0)
  })

  it('a target entered where the plugin had none is left alone, and no default joins it', async () => {
    const nanhu = await db().orgUnit.findUniqueOrThrow({ where: { key: 'station-nanhu' } })
    const registry = withPlugin(cosmetics())
    await seedIfEmpty(db(), createRegistry({ ...platform.registry.installation, plugins: [...platform.registry.installation.plugins, { ...cosmetics(), targets: [] }] }))
    await db().target.create({
      data: { metricKey: 'cosmetics.sellers-inspected', orgUnitId: nanhu.id, periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 30, source: 'IMPORTED', reason: 'from the 2024 plan' },
    })
    expect(await seedIfEmpty(db(), registry)).toEqual({ seeded: false, figures: 0, targets: 1 })
    expect((await cosmeticsTargets()).map((t) => [t.orgUnitId, t.value, t.source])).toEqual([
      [nanhu.id, 30, 'IMPORTED'],
      [null, 120, 'SAMPLE'],
    ])
  })
})
