import { describe, expect, it } from 'vitest'
import { resolveTarget, type TargetMetric, type TargetRecord } from './targets.ts'

const inspections: TargetMetric = { key: 'inspections', kind: 'FLOW', targetRule: 'AT_LEAST' }
const rate: TargetMetric = { key: 'rate', kind: 'RATE', targetRule: 'AT_LEAST' }
const incidents: TargetMetric = { key: 'incidents', kind: 'FLOW', targetRule: 'ZERO_TOLERANCE' }
const canteens: TargetMetric = { key: 'canteens', kind: 'STOCK', targetRule: 'AT_LEAST' }

const annual = (metricKey: string, year: number, value: number, orgUnitKey: string | null = null): TargetRecord => ({
  metricKey, orgUnitKey, start: `${year}-01-01`, end: `${year}-12-31`, value, source: 'SAMPLE', reason: `sample ${year}`,
})

const targets = [
  annual('inspections', 2022, 1200),
  annual('inspections', 2023, 1200),
  annual('inspections', 2023, 100, 'north'),
  annual('rate', 2023, 1),
  annual('incidents', 2023, 0),
  annual('canteens', 2023, 170),
]
const past = '2026-01-01'

describe('resolveTarget', () => {
  it('gives the annual target for a finished year, all of it expected', () => {
    expect(resolveTarget(inspections, targets, 'district', [], { start: '2023-01-01', end: '2023-12-31' }, past)).toEqual({
      value: 1200, expected: 1200, progress: 1, sources: ['SAMPLE'], reason: 'sample 2023',
    })
  })

  it('expects half of the annual target by 30 June (序时进度)', () => {
    const h1 = resolveTarget(inspections, targets, 'district', [], { start: '2023-01-01', end: '2023-06-30' }, past)
    expect(h1).toMatchObject({ value: 1200, expected: 600, progress: 0.5 })
  })

  it('stops time-progress at today for a year still running', () => {
    const running = resolveTarget(inspections, targets, 'district', [], { start: '2023-01-01', end: '2023-12-31' }, '2023-03-31')
    expect(running).toMatchObject({ value: 1200, expected: 300, progress: 0.25 })
  })

  it('takes the share of the year for a span that starts mid-year', () => {
    const q3 = resolveTarget(inspections, targets, 'district', [], { start: '2023-07-01', end: '2023-09-30' }, past)
    expect(q3).toMatchObject({ value: 300, expected: 300, progress: 1 })
  })

  it('adds the years of a span such as "since 2022"', () => {
    const since = resolveTarget(inspections, targets, 'district', [], { start: '2022-01-01', end: '2023-06-30' }, past)
    expect(since).toMatchObject({ value: 2400, expected: 1800, progress: 0.75 })
  })

  it('is null when a year of the span has no target', () => {
    expect(resolveTarget(inspections, targets, 'district', [], { start: '2021-01-01', end: '2023-12-31' }, past)).toBeNull()
  })

  it("prefers a station's own target, and does not hand a district count down to a station", () => {
    const year = { start: '2023-01-01', end: '2023-12-31' }
    expect(resolveTarget(inspections, targets, 'north', ['district'], year, past)?.value).toBe(100)
    expect(resolveTarget(inspections, targets, 'south', ['district'], year, past)).toBeNull()
  })

  it('hands rates and ceilings down to every station', () => {
    const year = { start: '2023-01-01', end: '2023-12-31' }
    expect(resolveTarget(rate, targets, 'south', ['district'], year, past)?.value).toBe(1)
    expect(resolveTarget(incidents, targets, 'south', ['district'], year, past)?.value).toBe(0)
  })

  it('at any depth: a city over districts over stations hands a rate down from the nearest unit above that sets one', () => {
    const year = { start: '2023-01-01', end: '2023-12-31' }
    const city = [annual('rate', 2023, 0.9), annual('rate', 2023, 0.95, 'wuchang'), annual('inspections', 2023, 5000), annual('inspections', 2023, 1200, 'wuchang')]
    // A station of Wuchang: Wuchang's rate, not the city's; no count handed down.
    expect(resolveTarget(rate, city, 'wuchang-nanhu', ['wuchang', 'wuhan'], year, past)?.value).toBe(0.95)
    expect(resolveTarget(inspections, city, 'wuchang-nanhu', ['wuchang', 'wuhan'], year, past)).toBeNull()
    // A station of a district with no rate of its own: the city's.
    expect(resolveTarget(rate, city, 'hankou-jianghan', ['hankou', 'wuhan'], year, past)?.value).toBe(0.9)
    // The district bureau: its own count; the city: its own, stored without a unit.
    expect(resolveTarget(inspections, city, 'wuchang', ['wuhan'], year, past)?.value).toBe(1200)
    expect(resolveTarget(inspections, city, 'hankou', ['wuhan'], year, past)).toBeNull()
    expect(resolveTarget(inspections, city, 'wuhan', [], year, past)?.value).toBe(5000)
  })

  it('holds a stock or a rate to the target of the year the span ends in, without time-progress', () => {
    expect(resolveTarget(canteens, targets, 'district', [], { start: '2023-01-01', end: '2023-06-30' }, past)).toMatchObject({
      value: 170, expected: 170, progress: 1,
    })
  })

  it('uses a target set for exactly the span', () => {
    const half = { ...annual('inspections', 2023, 700), end: '2023-06-30' }
    const t = resolveTarget(inspections, [...targets, half], 'district', [], { start: '2023-01-01', end: '2023-06-30' }, '2023-03-31')
    expect(t?.value).toBe(700)
    expect(t?.expected).toBe(350)
  })
})
