import { beforeAll, describe, expect, it } from 'vitest'
import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'
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

  it('makes no sample figures or targets for a metric of any kind the report never states', () => {
    // The scaffold's area: a metric of each kind, nothing reported to scale a sample from.
    const name = { 'zh-CN': '化妆品安全', en: 'Cosmetics' }
    const cosmetics = definePlugin({
      key: 'cosmetics',
      name,
      metrics: [
        countMetric('cosmetics.sellers-inspected', { 'zh-CN': '检查化妆品经营者', en: 'Cosmetics sellers inspected' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 10 } }),
        countMetric('cosmetics.sellers', name, '家', { kind: 'STOCK' }),
        reportedRate('cosmetics.satisfaction', name, { scoring: { rule: 'ALL_OR_NOTHING', weight: 1 } }),
        { key: 'cosmetics.rank', name, unit: '名', kind: 'RANK', direction: 'LOWER_IS_BETTER' },
      ],
      reportFigures: [],
    })
    const withCosmetics = generateSample(createRegistry({ ...registry.installation, plugins: [...registry.installation.plugins, cosmetics] }), stations)
    expect(withCosmetics.figures.filter((f) => f.metricKey.startsWith('cosmetics.'))).toEqual([])
    expect(withCosmetics.districtFigures.filter((f) => f.metricKey.startsWith('cosmetics.'))).toEqual([])
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

  it('gives each unit a snapshot on the day the report dates a stock, adding up to it', () => {
    const { figures } = generateSample(registry, stations)
    const stocks = registry.reportFigures.filter((f) => registry.metrics.get(f.metric)!.kind === 'STOCK' && f.from === f.to)
    expect(stocks.length).toBeGreaterThan(0)
    for (const f of stocks) {
      const onTheDay = figures.filter((s) => s.metricKey === f.metric && s.start === f.from && s.end === f.to)
      expect(onTheDay.length).toBe(stations[registry.metrics.get(f.metric)!.enteredBy].length)
      expect(onTheDay.reduce((sum, s) => sum + s.value, 0)).toBe(f.value)
    }
  })

  it('never gives a rate the report states a different value over any span that overlaps the report’s', () => {
    const { figures, districtFigures } = generateSample(registry, stations)
    for (const f of registry.reportFigures.filter((r) => registry.metrics.get(r.metric)!.kind === 'RATE')) {
      const overlapping = [...figures, ...districtFigures].filter((s) => s.metricKey === f.metric && s.start <= f.to && s.end >= f.from)
      expect(overlapping.length).toBeGreaterThan(0)
      expect(overlapping.filter((s) => s.value !== f.value)).toEqual([])
    }
  })

  it('draws the parts of a total within it: motions led and supported add up to those handled, month by month', () => {
    const { figures } = generateSample(registry, stations)
    const byMonth = (key: string) => new Map(figures.filter((f) => f.metricKey === key).map((f) => [`${f.orgUnitKey}|${f.start}`, f.value]))
    const [handled, led, assisted] = ['motions.handled', 'motions.led', 'motions.assisted'].map(byMonth)
    expect(handled!.size).toBeGreaterThan(0)
    for (const [cell, total] of handled!) expect(led!.get(cell)! + assisted!.get(cell)!).toBe(total)
  })

  it('labels every count target with its reason', () => {
    const { targets } = generateSample(registry, stations)
    const district = targets.filter((t) => t.metricKey === 'drugs.dealer-inspections' && t.orgUnitKey === null)
    expect(district.map((t) => t.year)).toEqual([2022, 2023, 2024])
    expect(district.every((t) => t.reason.startsWith('Sample:'))).toBe(true)
  })

  it("shares each district count target out so the units' add up to it exactly (the target editor flags any that do not)", () => {
    const { targets } = generateSample(registry, stations)
    const districts = targets.filter((t) => t.orgUnitKey === null)
    expect(districts.length).toBeGreaterThan(20)
    for (const district of districts) {
      const units = targets.filter((t) => t.metricKey === district.metricKey && t.year === district.year && t.orgUnitKey !== null)
      expect(units.length).toBeGreaterThan(0)
      expect(units.reduce((sum, t) => sum + t.value, 0)).toBeCloseTo(district.value, 6)
    }
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
