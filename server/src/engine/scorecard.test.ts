import { describe, expect, it } from 'vitest'
import { FigureIndex, type FigureRecord, type MetricSpec } from './aggregate.ts'
import { OrgTree } from './org-tree.ts'
import { areaBreakdown, buildScorecard, metricBreakdown, metricSeries, rankOf, spansBetween, yearOverYear, type ScorecardArea } from './scorecard.ts'
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

  it('gives each area and the scorecard a status by the rule, and scores on 100', () => {
    const card = scorecard('district')
    // fishing: checked BEHIND, patrols BEHIND (4 of 10), hooks unscored.
    expect(card.areas.map((a) => [a.areaKey, a.status, a.scoreOn100])).toEqual([['fishing', 'BEHIND', 70], ['food', 'BEHIND', 0]])
    expect(card).toMatchObject({ status: 'BEHIND', scoreOn100: 46.67, dataThrough: null })
    const north = scorecard('north')
    // north: checked has no target, patrols no target; food met.
    expect(north.areas.map((a) => a.status)).toEqual(['NO_TARGET', 'MET'])
    expect(north).toMatchObject({ status: 'MET', score: 5, maxScore: 5, scoreOn100: 100 })
  })

  it('gives every change a trend by the direction', () => {
    const card = scorecard('district')
    expect(card.areas[0]!.rows.map((r) => r.trend)).toEqual(['BETTER', 'BETTER', null])
  })

  it('drills down to a station: its own figures, ceilings handed down, no district count target', () => {
    const card = scorecard('north')
    expect(card.areas[0]!.rows[0]).toMatchObject({ actual: 60, target: null, status: 'NO_TARGET' })
    expect(card.areas[1]!.rows[0]).toMatchObject({ actual: 0, target: 0, status: 'MET', points: 5 })
    expect(card).toMatchObject({ score: 5, maxScore: 5 })
  })
})

describe('RANK rows', () => {
  const rankArea: ScorecardArea = { key: 'ranked', metrics: [{ key: 'place', kind: 'RANK', decimals: 0, targetRule: 'AT_MOST', direction: 'LOWER_IS_BETTER' }] }
  const placed = [
    { metricKey: 'place', orgUnitKey: 'district', start: '2022-01-01', end: '2022-12-31', value: 1, source: 'REPORT' as const },
    { metricKey: 'place', orgUnitKey: 'district', start: '2023-01-01', end: '2023-12-31', value: 3, source: 'REPORT' as const },
  ]
  it('report the change in places, no rate, and a rank number that grew as worse', () => {
    const card = buildScorecard({
      areas: [rankArea],
      context: { metrics: new Map([['place', rankArea.metrics[0]!]]), figures: new FigureIndex(placed), tree },
      targets: [], orgUnitKey: 'district', span: { start: '2023-01-01', end: '2023-12-31' }, asOf: '2026-01-01',
    })
    expect(card.areas[0]!.rows[0]).toMatchObject({ actual: 3, previous: 1, yoyChange: 2, yoyRate: null, trend: 'WORSE' })
  })
})

describe('partial periods', () => {
  const monthly = [
    f('checked', 'north', '2023-02', 60), f('checked', 'north', '2023-09', 40),
    f('checked', 'north', '2024-02', 70),
  ]
  const build = (span: { start: string; end: string }, lastFigureDay: string | null) => buildScorecard({
    areas: [areas[0]!],
    context: { metrics: new Map(specs.map((s) => [s.key, s])), figures: new FigureIndex(monthly), tree },
    targets: [], orgUnitKey: 'district', span, asOf: '2026-01-01', lastFigureDay,
  })

  it('say through which day figures run and compare the same covered span a year earlier', () => {
    const card = build({ start: '2024-01-01', end: '2024-12-31' }, '2024-06-30')
    expect(card.dataThrough).toBe('2024-06-30')
    // 2023-01-01..2023-06-30: February's 60, not September's 40 as well.
    expect(card.areas[0]!.rows[0]).toMatchObject({ actual: 70, previous: 60, yoyChange: 10, trend: 'BETTER' })
  })

  it('judge time-progress where the figures stop, not at today', () => {
    const judged = (lastFigureDay: string | null) => buildScorecard({
      areas: [areas[0]!],
      context: { metrics: new Map(specs.map((s) => [s.key, s])), figures: new FigureIndex(monthly), tree },
      targets: [t('checked', 2024, 200)], orgUnitKey: 'district', span: { start: '2024-01-01', end: '2024-12-31' },
      asOf: '2026-01-01', lastFigureDay,
    }).areas[0]!.rows[0]!
    // Six months of twelve by 30 June: half the annual 200 expected.
    expect(judged('2024-06-30')).toMatchObject({ actual: 70, expected: 100, status: 'BEHIND' })
    // Figures to the year's end: the whole year is expected.
    expect(judged('2024-12-31')).toMatchObject({ expected: 200 })
  })

  it('compare a rank with the latest position over the whole span a year earlier', () => {
    const rankMetric = { key: 'place', kind: 'RANK' as const, decimals: 0, targetRule: 'AT_MOST' as const }
    const placed = [
      { metricKey: 'place', orgUnitKey: 'district', start: '2023-01-01', end: '2023-09-26', value: 1, source: 'REPORT' as const },
      { metricKey: 'place', orgUnitKey: 'district', start: '2024-01-01', end: '2024-06-30', value: 3, source: 'SAMPLE' as const },
    ]
    const card = buildScorecard({
      areas: [{ key: 'ranked', metrics: [rankMetric] }],
      context: { metrics: new Map([['place', rankMetric]]), figures: new FigureIndex(placed), tree },
      targets: [], orgUnitKey: 'district', span: { start: '2024-01-01', end: '2024-12-31' }, asOf: '2026-01-01', lastFigureDay: '2024-06-30',
    })
    expect(card.dataThrough).toBe('2024-06-30')
    expect(card.areas[0]!.rows[0]).toMatchObject({ actual: 3, previous: 1, yoyChange: 2, yoyRate: null, trend: 'WORSE' })
  })

  it('compare whole spans when covered to their end', () => {
    const card = build({ start: '2023-01-01', end: '2023-12-31' }, '2024-06-30')
    expect(card.dataThrough).toBeNull()
    expect(build({ start: '2024-01-01', end: '2024-12-31' }, null).areas[0]!.rows[0]).toMatchObject({ previous: 100 })
  })
})

describe('yearOverYear', () => {
  it('has no rate against zero and nothing against a missing year', () => {
    expect(yearOverYear(5, 0, 0)).toEqual({ change: 5, rate: null })
    expect(yearOverYear(5, null, 0)).toEqual({ change: null, rate: null })
    expect(yearOverYear(null, 5, 0)).toEqual({ change: null, rate: null })
    expect(yearOverYear(3112500.1, 3112500, 2)).toEqual({ change: 0.1, rate: 0.1 / 3112500 })
    expect(yearOverYear(3, 1, 0, 'RANK')).toEqual({ change: 2, rate: null })
  })
})

const rowInput = () => ({
  context: { metrics: new Map(specs.map((s) => [s.key, s])), figures: new FigureIndex(figures), tree },
  targets: [...targets, { ...t('checked', 2023, 70), orgUnitKey: 'north' }, { ...t('checked', 2023, 20), orgUnitKey: 'south' }],
  asOf: '2026-01-01',
})
const year = { start: '2023-01-01', end: '2023-12-31' }

describe('rankOf', () => {
  it('ranks best first with ties sharing a rank, and leaves units without a value unranked', () => {
    expect(rankOf([5, 9, 5, null, 1], 'HIGHER_IS_BETTER')).toEqual([2, 1, 2, null, 4])
    expect(rankOf([5, 9, 5, null, 1], 'LOWER_IS_BETTER')).toEqual([2, 4, 2, null, 1])
  })
})

describe('breakdowns', () => {
  it('gives each station its value, target and rank for a metric', () => {
    const rows = metricBreakdown(rowInput(), { ...areas[0]!.metrics[0]!, direction: 'HIGHER_IS_BETTER' }, 'district', year)
    expect(rows.map((r) => [r.orgUnitKey, r.result.actual, r.result.target, r.result.status, r.rank])).toEqual([
      ['north', 60, 70, 'BEHIND', 1],
      ['south', 30, 20, 'MET', 2],
    ])
  })

  it("ranks stations by the share of an area's points they earned", () => {
    const rows = areaBreakdown(rowInput(), areas[1]!, 'district', year)
    expect(rows.map((r) => [r.orgUnitKey, r.result.score, r.result.maxScore, r.rank])).toEqual([
      ['north', 5, 5, 1],
      ['south', 0, 5, 2],
    ])
  })
})

describe('series', () => {
  it('cuts a span into calendar months, quarters or years', () => {
    expect(spansBetween('QUARTER', '2023-02-10', '2023-07-01').map((s) => [s.label, s.start, s.end])).toEqual([
      ['2023-Q1', '2023-01-01', '2023-03-31'],
      ['2023-Q2', '2023-04-01', '2023-06-30'],
      ['2023-Q3', '2023-07-01', '2023-09-30'],
    ])
    expect(spansBetween('YEAR', '2022-05-01', '2023-01-01').map((s) => s.label)).toEqual(['2022', '2023'])
    expect(spansBetween('MONTH', '2023-11-15', '2024-01-15').map((s) => s.label)).toEqual(['2023-11', '2023-12', '2024-01'])
  })

  it("gives each month its value and its share of the annual target, January included", () => {
    const points = metricSeries(rowInput(), areas[0]!.metrics[0]!, 'district', 'MONTH', '2023-01-01', '2023-03-31')
    const round = (n: number | null) => (n === null ? null : Math.round(n * 1e9) / 1e9)
    expect(points.map((p) => [p.label, p.actual, round(p.target)])).toEqual([
      ['2023-01', null, round(100 / 12)],
      ['2023-02', 60, round(100 / 12)],
      ['2023-03', 30, round(100 / 12)],
    ])
    const years = metricSeries(rowInput(), areas[0]!.metrics[0]!, 'district', 'YEAR', '2022-01-01', '2023-12-31')
    expect(years.map((p) => [p.label, p.actual, p.target])).toEqual([['2022', 75, null], ['2023', 90, 100]])
  })
})
