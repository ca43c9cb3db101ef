import { beforeAll, describe, expect, it } from 'vitest'
import { countMetric, definePlugin } from '@msp/plugin-sdk'
import { loadRegistry } from '../plugins.ts'
import { createRegistry, type Registry } from '../registry.ts'
import { apportion, createRandom } from './random.ts'
import { generateSample } from './sample.ts'

const stations = { STATION: Array.from({ length: 13 }, (_, i) => `s${i}`), OFFICE: ['offices'] }

describe('generateSample', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await loadRegistry()
  })

  it('makes no sample figures or targets for a count the report never states', () => {
    // The README's example area: scored, with nothing reported to scale a sample from.
    const cosmetics = definePlugin({
      key: 'cosmetics',
      name: { 'zh-CN': '化妆品安全', en: 'Cosmetics' },
      metrics: [countMetric('cosmetics.sellers-inspected', { 'zh-CN': '检查化妆品经营者', en: 'Cosmetics sellers inspected' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 10 } })],
      reportFigures: [],
    })
    const withCosmetics = generateSample(createRegistry({ ...registry.installation, plugins: [...registry.installation.plugins, cosmetics] }), stations)
    expect(withCosmetics.figures.filter((f) => f.metricKey.startsWith('cosmetics.'))).toEqual([])
    expect(withCosmetics.targets.filter((t) => t.metricKey.startsWith('cosmetics.'))).toEqual([])
    // The installation's own areas are sampled as before.
    expect(withCosmetics.figures.length).toBe(generateSample(registry, stations).figures.length)
  })

  it('gives the same numbers for the same seed', () => {
    expect(generateSample(registry, stations, 'wuchang')).toEqual(generateSample(registry, stations, 'wuchang'))
  })

  it('splits differently under another seed, yet still adds up to every reported total', () => {
    const a = generateSample(registry, stations, 'wuchang')
    const b = generateSample(registry, stations, 'elsewhere')
    expect(a.figures).not.toEqual(b.figures)
    for (const sample of [a, b]) {
      const checked = sample.figures.filter((f) => f.metricKey === 'fishing-ban.anglers-checked' && f.start >= '2023-01-01' && f.end <= '2023-09-26')
      expect(checked.reduce((sum, f) => sum + f.value, 0)).toBe(1812)
    }
  })

  it('never persuades more anglers to leave than were checked, in any station and month', () => {
    const { figures } = generateSample(registry, stations)
    const checked = new Map(figures.filter((f) => f.metricKey === 'fishing-ban.anglers-checked').map((f) => [`${f.orgUnitKey}|${f.start}`, f.value]))
    const persuaded = figures.filter((f) => f.metricKey === 'fishing-ban.persuaded-to-leave')
    expect(persuaded.length).toBe(checked.size)
    for (const f of persuaded) expect(f.value).toBeLessThanOrEqual(checked.get(`${f.orgUnitKey}|${f.start}`)!)
  })

  it('labels every count target with its reason', () => {
    const { targets } = generateSample(registry, stations)
    const district = targets.filter((t) => t.metricKey === 'drugs.dealer-inspections' && t.orgUnitKey === null)
    expect(district.map((t) => t.year)).toEqual([2022, 2023, 2024])
    expect(district.every((t) => t.reason.startsWith('Sample:'))).toBe(true)
  })
})

describe('apportion', () => {
  it('splits a whole number into whole parts that add up to it', () => {
    const parts = apportion(1812, [1, 2, 3, 4.5])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1812)
    expect(parts).toEqual([173, 345, 518, 776])
  })

  it('respects caps', () => {
    expect(apportion(10, [1, 1, 100], [5, 5, 1])).toEqual([5, 4, 1])
    expect(() => apportion(10, [1, 1], [2, 2])).toThrow('cannot fit 10')
  })

  it('draws the same sequence from the same seed', () => {
    const a = createRandom('x')
    const b = createRandom('x')
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
  })
})
