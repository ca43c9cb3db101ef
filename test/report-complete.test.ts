// The report complete, through the API: the four figures issue 7 found missing (15类, 1名,
// 5局, 议案10件) with their sentences, and for every REPORT figure the units below the
// district agree with it over its own span. The figures are read from the registry, so a
// figure a plugin adds is checked without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { loadRegistry } from '@msp/server/plugins'
import { data, openTestPlatform } from './support/platform.ts'

const registry = await loadRegistry()

let platform: Platform
let unitsByKind: Record<string, string[]>
beforeAll(async () => {
  platform = await openTestPlatform()
  const tree = await data<{ orgUnits: { key: string; kind: string }[] }>(platform, '{ orgUnits { key kind } }')
  unitsByKind = { STATION: [], OFFICE: [] }
  for (const unit of tree.orgUnits) unitsByKind[unit.kind]?.push(unit.key)
})
afterAll(() => platform.close())

interface Reported {
  metric: {
    kind: string
    enteredBy: string
    figures: { value: number; periodStart: string; periodEnd: string; unitsTotal: number | null; provenance: { sentence: string; stated: string; spanAssumption: string | null } }[]
    district: number | null
  }
}

/** The REPORT figure of a metric for a span, and the district's value over it. */
async function reported(key: string, from: string, to: string) {
  const answer = await data<Reported>(platform, `
    query ($key: ID!) {
      metric(key: $key) {
        kind enteredBy
        figures(orgUnit: "wuchang", source: REPORT, from: "${from}", to: "${to}") {
          value periodStart periodEnd unitsTotal provenance { sentence stated spanAssumption(locale: "en") }
        }
        district: value(period: { from: "${from}", to: "${to}" })
      }
    }`, { key })
  const figure = answer.metric.figures.find((f) => f.periodStart === from && f.periodEnd === to)
  return { ...answer.metric, figure }
}

const sentenceOf = (words: string) => {
  const passage = registry.reports[0]!.locate(words)
  if (!passage) throw new Error(`'${words}' is not in the report`)
  return passage.sentence
}

describe('the four figures the report was missing', () => {
  // metric, value, span, stated, the sentence's words
  const four: [string, number, [string, string], string, string][] = [
    ['enforcement.key-violation-categories', 15, ['2023-09-26', '2023-09-26'], '15类', '针对15类民生重点违法行为'],
    ['staffing.wuchang-models', 1, ['2022-01-01', '2023-09-26'], '1名', '1名基层干部入选“武昌楷模”'],
    ['staffing.merged-bureaus', 5, ['2023-09-26', '2023-09-26'], '5局', '执法人员由工商局、食药监等5局整合而来'],
    ['motions.handled', 10, ['2022-01-01', '2023-09-26'], '议案10件', '共办理议案10件(主办7件,协办3件)'],
  ]

  it.each(four)('%s = %d, stated %s in its sentence', async (key, value, [from, to], stated, words) => {
    const { figure, district } = await reported(key, from, to)
    expect(figure).toMatchObject({ value, provenance: { stated, sentence: sentenceOf(words) } })
    expect(figure!.provenance.sentence).toContain(stated)
    expect(district).toBe(value)
    expect(figure!.unitsTotal).toBe(value)
  })

  it('counts 武昌楷模 as persons, not as a rank, over a span whose start it explains', async () => {
    const { kind, figure } = await reported('staffing.wuchang-models', '2022-01-01', '2023-09-26')
    expect(kind).toBe('FLOW')
    expect(registry.metrics.get('staffing.wuchang-models')).toMatchObject({ unit: '人', kind: 'FLOW' })
    // The sentence speaks of the director's time since her appointment in 2019, without a date.
    expect(figure!.provenance.spanAssumption).toMatch(/2019/)
    expect(figure!.provenance.spanAssumption).toMatch(/1 January 2022/)
  })

  it('reads 10 motions handled, the 7 led and the 3 supported, over the report’s span and in every year of the sample', async () => {
    const value = (key: string, from: string, to: string) =>
      data<{ metric: { value: number | null } }>(platform, `query ($key: ID!) { metric(key: $key) { value(period: { from: "${from}", to: "${to}" }) } }`, { key })
        .then((a) => a.metric.value)
    for (const [from, to] of [['2022-01-01', '2023-09-26'], ['2021-01-01', '2021-12-31'], ['2022-01-01', '2022-12-31'], ['2024-01-01', '2024-06-30']] as const) {
      const [handled, led, assisted] = await Promise.all(['motions.handled', 'motions.led', 'motions.assisted'].map((k) => value(k, from, to)))
      if (from === '2022-01-01' && to === '2023-09-26') expect([handled, led, assisted]).toEqual([10, 7, 3])
      expect(led! + assisted!).toBe(handled)
    }
  })

  it('says which start “至今” was taken to have', async () => {
    const { figure } = await reported('law-based-administration.market-lectures', '2022-01-01', '2023-09-26')
    expect(figure!.provenance.sentence).toContain('至今已举办逾50场')
    expect(figure!.provenance.spanAssumption).toMatch(/至今.*no start.*1 January 2022/)
  })
})

describe('every REPORT figure, from the units below the district', () => {
  // A rank is the district's alone: no unit has one, so nothing below can agree or disagree.
  const measuredByUnits = registry.reportFigures.filter((f) => registry.metrics.get(f.metric)!.kind !== 'RANK')
  const districtOnly = registry.reportFigures.filter((f) => registry.metrics.get(f.metric)!.kind === 'RANK')

  it('leaves out only the ranks', () => {
    expect(measuredByUnits.length + districtOnly.length).toBe(registry.reportFigures.length)
    expect(measuredByUnits.length).toBeGreaterThan(districtOnly.length)
  })

  it.each(measuredByUnits.map((f) => [f.metric, f.value, f.from, f.to] as const))('%s = %d over %s..%s', async (key, value, from, to) => {
    const { kind, enteredBy, figure } = await reported(key, from, to)
    expect(figure).toBeDefined()
    const metric = registry.metrics.get(key)!
    if (kind === 'RATE' && !metric.numerator) {
      // A rate as reported is never combined over units (unitsTotal is null by design): each
      // unit that measures it reads the reported rate over the same span.
      expect(figure!.unitsTotal).toBeNull()
      const units = unitsByKind[enteredBy]!
      const answer = await data<{ metric: Record<string, number | null> }>(platform, `
        query ($key: ID!) {
          metric(key: $key) { ${units.map((u, i) => `u${i}: value(period: { from: "${from}", to: "${to}" }, orgUnit: "${u}")`).join(' ')} }
        }`, { key })
      expect(units.map((_, i) => answer.metric[`u${i}`])).toEqual(units.map(() => value))
    } else {
      // Counts add up, stocks on the reported day add up, a rate of counts is their ratio.
      expect(figure!.unitsTotal).toBe(value)
    }
  })
})

describe('sample rates beside the report', () => {
  const rates = registry.reportFigures.filter((f) => {
    const metric = registry.metrics.get(f.metric)!
    return metric.kind === 'RATE' && !metric.numerator
  })

  it.each(rates.map((f) => [f.metric, f.from, f.to, f.value] as const))('%s: every sample figure overlapping %s..%s reads the reported %d', async (key, from, to, value) => {
    const answer = await data<{ metric: { figures: { value: number; source: string; periodStart: string; periodEnd: string }[] } }>(platform, `
      query ($key: ID!) { metric(key: $key) { figures(from: "${from}", to: "${to}") { value source periodStart periodEnd } } }`, { key })
    const sample = answer.metric.figures.filter((f) => f.source === 'SAMPLE')
    expect(sample.length).toBeGreaterThan(0)
    expect(sample.filter((f) => f.value !== value)).toEqual([])
  })
})
