import { describe, expect, it } from 'vitest'
import { FigureIndex, type FigureRecord, type MetricSpec } from './aggregate.ts'
import { OrgTree } from './org-tree.ts'
import { buildScorecard, yearOverYear, type ScorecardArea } from './scorecard.ts'
import type { TargetRecord } from './targets.ts'

const tree = new OrgTree([
  { key: 'district', parentKey: null },
  { key: 'north', parentKey: 'district' },
  { key: 'south', parentKey: 'district' },
])

const areas: ScorecardArea[] = [
  {
    key: 'fishing',
    metrics: [
      { key: 'checked', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 6 } },
      { key: 'patrols', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 4 } },
      { key: 'hooks', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST' },
    ],
  },
  { key: 'food', metrics: [{ key: 'incidents', kind: 'FLOW', decimals: 0, targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE', weight: 5 } }] },
]
const specs: MetricSpec[] = areas.flatMap((a) => a.metrics)

const f = (metricKey: string, orgUnitKey: string, month: string, value: number): FigureRecord => ({
  metricKey, orgUnitKey, start: `${month}-01`, end: `${month}-28`, value, source: 'SAMPLE',
})
const t = (metricKey: string, year: number, value: number): TargetRecord => ({
  metricKey, orgUnitKey: null, start: `${year}-01-01`, end: `${year}-12-31`, value, source: 'SAMPLE', reason: null,
})

const figures = [
  f('checked', 'north', '2023-02', 60), f('checked', 'south', '2023-03', 30),
  f('checked', 'north', '2022-02', 50), f('checked', 'south', '2022-03', 25),
  f('patrols', 'north', '2023-02', 4), f('patrols', 'north', '2022-02', 0),
  f('hooks', 'south', '2023-05', 7),
  f('incidents', 'north', '2023-02', 0), f('incidents', 'south', '2023-02', 1),
]
const targets = [t('checked', 2023, 100), t('patrols', 2023, 10), t('incidents', 2023, 0)]

function scorecard(orgUnitKey: string) {
  return buildScorecard({
    areas,
    context: { metrics: new Map(specs.map((s) => [s.key, s])), figures: new FigureIndex(figures), tree },
    targets,
    orgUnitKey,
    span: { start: '2023-01-01', end: '2023-12-31' },
    asOf: '2026-01-01',
  })
}

describe('buildScorecard', () => {
  it('gives every row actual, target, last year, change, status and points', () => {
    const card = scorecard('district')
    const [checked, patrols, hooks] = card.areas[0]!.rows
    expect(checked).toMatchObject({
      actual: 90, target: 100, completion: 0.9, expected: 100, previous: 75, yoyChange: 15, yoyRate: 0.2,
      status: 'BEHIND', points: 5.4, maxPoints: 6, sources: ['SAMPLE'],
    })
    // Last year zero: a change but no rate.
    expect(patrols).toMatchObject({ actual: 4, previous: 0, yoyChange: 4, yoyRate: null, points: 1.6 })
    // Last year missing: neither. No target: no points, and not in the maximum.
    expect(hooks).toMatchObject({ actual: 7, previous: null, yoyChange: null, yoyRate: null, status: 'NO_TARGET', points: null })
    expect(card.areas[0]).toMatchObject({ score: 7, maxScore: 10 })
  })

  it('sums area scores into the overall score; one incident costs the zero-tolerance points', () => {
    const card = scorecard('district')
    expect(card.areas[1]).toMatchObject({ score: 0, maxScore: 5 })
    expect(card.areas[1]!.rows[0]).toMatchObject({ actual: 1, status: 'BEHIND' })
    expect(card).toMatchObject({ score: 7, maxScore: 15 })
  })

  it('drills down to a station: its own figures, ceilings handed down, no district count target', () => {
    const card = scorecard('north')
    expect(card.areas[0]!.rows[0]).toMatchObject({ actual: 60, target: null, status: 'NO_TARGET' })
    expect(card.areas[1]!.rows[0]).toMatchObject({ actual: 0, target: 0, status: 'MET', points: 5 })
    expect(card).toMatchObject({ score: 5, maxScore: 5 })
  })
})

describe('yearOverYear', () => {
  it('has no rate against zero and nothing against a missing year', () => {
    expect(yearOverYear(5, 0, 0)).toEqual({ change: 5, rate: null })
    expect(yearOverYear(5, null, 0)).toEqual({ change: null, rate: null })
    expect(yearOverYear(null, 5, 0)).toEqual({ change: null, rate: null })
    expect(yearOverYear(3112500.1, 3112500, 2)).toEqual({ change: 0.1, rate: 0.1 / 3112500 })
  })
})
