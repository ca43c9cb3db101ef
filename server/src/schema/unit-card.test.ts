// The scorecard's extra fields are computed only when asked for, and once however many ask.
import { describe, expect, it } from 'vitest'
import { buildScorecard, FigureIndex, OrgTree, type ScorecardArea } from '../engine/index.ts'
import { ScorecardWork } from './unit-card.ts'

const tree = new OrgTree([{ key: 'district', parentKey: null }, { key: 'north', parentKey: 'district' }, { key: 'south', parentKey: 'district' }])
const metric = { key: 'checked', kind: 'FLOW' as const, decimals: 0, targetRule: 'AT_LEAST' as const, scoring: { rule: 'PROPORTIONAL' as const, weight: 10 } }
const areas: ScorecardArea[] = [{ key: 'fishing', metrics: [metric] }]
const input = {
  areas,
  context: { metrics: new Map([[metric.key, metric]]), figures: new FigureIndex([{ metricKey: 'checked', orgUnitKey: 'north', start: '2023-02-01', end: '2023-02-28', value: 30, source: 'SAMPLE' as const }]), tree },
  targets: [{ metricKey: 'checked', orgUnitKey: null, start: '2023-01-01', end: '2023-12-31', value: 120, source: 'SAMPLE' as const, reason: null }],
  orgUnitKey: 'district', span: { start: '2023-01-01', end: '2023-12-31' }, asOf: '2026-01-01', lastFigureDay: '2024-06-30',
}

function work() {
  let computations = 0
  const lookups = { metricByKey: new Map(), areaByKey: new Map(), orgUnitByKey: new Map(), check: () => void computations++, monthlyFigures: async () => input.context.figures }
  return { work: new ScorecardWork(input, buildScorecard(input), lookups, input.context.metrics), computations: () => computations }
}

describe('ScorecardWork', () => {
  it('computes nothing more until a field asks', () => {
    const { work: w, computations } = work()
    expect(w.unit.areas()).toHaveLength(1)
    expect(computations()).toBe(0)
  })

  it('computes the monthly points and last year once for all the areas that ask', async () => {
    const { work: w, computations } = work()
    const [area] = w.unit.areas()
    expect(area!.unit.monthly()).toBe(w.unit.monthly())
    expect(w.unit.previous()).toBe(area!.unit.previous())
    expect(await w.unit.monthly()).toHaveLength(12)
    expect(computations()).toBe(2)
  })

  it('scores the units below once for the league and the gaps together', () => {
    const { work: w, computations } = work()
    expect(w.league().map((e) => e.orgUnitKey)).toEqual(['north', 'south'])
    w.gaps()
    // The children once, and each child's last year.
    expect(computations()).toBe(3)
    expect(w.league()).toBe(w.league())
  })
})
