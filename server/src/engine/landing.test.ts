import { describe, expect, it } from 'vitest'
import { FigureIndex, type FigureRecord, type MetricSpec } from './aggregate.ts'
import { behindCounts, compareGaps, gapOf, gapsOf, league, monthEnds, monthlyScorecards, previousScorecard, previousScoreSpan, rankChange, scoreTrend, type GapResult, type LeagueUnit } from './landing.ts'
import { OrgTree } from './org-tree.ts'
import { buildScorecard, type MetricRowResult, type ScorecardArea, type ScorecardResult } from './scorecard.ts'
import type { TargetRecord } from './targets.ts'

const tree = new OrgTree([
  { key: 'district', parentKey: null },
  { key: 'north', parentKey: 'district' },
  { key: 'south', parentKey: 'district' },
])
const areas: ScorecardArea[] = [
  { key: 'fishing', metrics: [{ key: 'checked', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 10 } }] },
  { key: 'food', metrics: [{ key: 'incidents', kind: 'FLOW', decimals: 0, targetRule: 'ZERO_TOLERANCE', direction: 'LOWER_IS_BETTER', scoring: { rule: 'ZERO_TOLERANCE', weight: 5 } }] },
]
const specs: MetricSpec[] = areas.flatMap((a) => a.metrics)
const f = (metricKey: string, orgUnitKey: string, month: string, value: number): FigureRecord => ({
  metricKey, orgUnitKey, start: `${month}-01`, end: `${month}-28`, value, source: 'SAMPLE',
})
const t = (metricKey: string, year: number, value: number): TargetRecord => ({
  metricKey, orgUnitKey: null, start: `${year}-01-01`, end: `${year}-12-31`, value, source: 'SAMPLE', reason: null,
})
// 2023: 30 checked by June, 90 by December. 2024: 40 by June, nothing after (figures stop).
const figures = [
  f('checked', 'north', '2023-02', 30), f('checked', 'north', '2023-09', 60),
  f('checked', 'north', '2024-02', 40),
  f('incidents', 'north', '2023-03', 0), f('incidents', 'south', '2024-03', 2),
]
const targets = [t('checked', 2023, 120), t('checked', 2024, 120), t('incidents', 2023, 0), t('incidents', 2024, 0)]
const input = (span: { start: string; end: string }, lastFigureDay = '2024-06-30') => ({
  areas, context: { metrics: new Map(specs.map((s) => [s.key, s])), figures: new FigureIndex(figures), tree },
  targets, orgUnitKey: 'district', span, asOf: '2026-01-01', lastFigureDay,
})
const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` })

describe('previousScorecard', () => {
  it('scores the covered span a year earlier for a partial period, judged at its end', () => {
    expect(previousScoreSpan(year(2024), '2024-06-30', '2026-01-01')).toEqual({ start: '2023-01-01', end: '2023-06-30' })
    const before = previousScorecard(input(year(2024)))
    const h1 = buildScorecard(input({ start: '2023-01-01', end: '2023-06-30' }))
    // 30 checked of 60 expected by 30 June: 5 of 10 points; food met: 5 of 5. Not 2023's 90 of 120.
    expect(before.span).toEqual({ start: '2023-01-01', end: '2023-06-30' })
    expect(before.scoreOn100).toBe(h1.scoreOn100)
    expect(before.scoreOn100).toBe(66.67)
  })

  it('compares a whole period with the whole year before', () => {
    expect(previousScoreSpan(year(2023), '2024-06-30', '2026-01-01')).toEqual(year(2022))
  })
})

describe('scoreTrend and rankChange', () => {
  it('reads a score up as BETTER and nothing without both sides', () => {
    expect(scoreTrend(70, 60)).toBe('BETTER')
    expect(scoreTrend(60, 70)).toBe('WORSE')
    expect(scoreTrend(60, 60)).toBe('SAME')
    expect(scoreTrend(null, 60)).toBeNull()
    expect(scoreTrend(60, null)).toBeNull()
  })

  it('counts places moved up: 1st last year and 3rd now is −2', () => {
    expect(rankChange(1, 3)).toBe(-2)
    expect(rankChange(3, 1)).toBe(2)
    expect(rankChange(null, 1)).toBeNull()
  })
})

const card = (orgUnitKey: string, scoreOn100: number | null): ScorecardResult => ({
  span: year(2023), orgUnitKey, score: scoreOn100, maxScore: scoreOn100 === null ? null : 100, scoreOn100, status: 'ON_TRACK', dataThrough: null, areas: [],
})
const unit = (key: string, now: number | null, before: number | null): LeagueUnit => ({ orgUnitKey: key, current: card(key, now), previous: card(key, before) })

describe('league', () => {
  it('ranks best first, ties sharing a rank, and says who moved which way', () => {
    const table = league([unit('a', 50, 90), unit('b', 80, 70), unit('c', 80, 60), unit('d', null, 50)])
    expect(table.map((e) => [e.orgUnitKey, e.rank, e.previousRank, e.rankChange, e.trend])).toEqual([
      ['b', 1, 2, 1, 'BETTER'],
      ['c', 1, 3, 2, 'BETTER'],
      // 1st last year, 3rd now: two places down.
      ['a', 3, 1, -2, 'WORSE'],
      // No score, no rank: last.
      ['d', null, 4, null, null],
    ])
  })

  it('reads SAME for a unit that kept its place', () => {
    expect(league([unit('a', 90, 90), unit('b', 10, 10)]).map((e) => e.trend)).toEqual(['SAME', 'SAME'])
  })
})

describe('behindCounts', () => {
  it('counts scored areas and scored metrics BEHIND', () => {
    const south = buildScorecard({ ...input(year(2024)), orgUnitKey: 'south' })
    expect(south.areas.map((a) => a.status)).toEqual(['NO_DATA', 'BEHIND'])
    expect(behindCounts(south)).toEqual({ areas: 1, metrics: 1 })
  })
})

const row = (overrides: Partial<MetricRowResult>): MetricRowResult => ({
  metricKey: 'm', actual: 40, target: 120, completion: null, expected: 60, previous: null, yoyChange: null, yoyRate: null, trend: null,
  status: 'BEHIND', points: 3, maxPoints: 10, sources: ['SAMPLE'], actualSources: [], previousSources: [], targetSources: [], targetReason: null, ...overrides,
})

describe('gaps', () => {
  const count = { kind: 'FLOW' as const, decimals: 0 }
  it('measure a shortfall against time-progress, as a share of what is expected', () => {
    expect(gapOf(row({}), count, 'north')).toMatchObject({ actual: 40, expected: 60, target: 120, shortfall: 20, share: 0.3333333333, sources: ['SAMPLE'] })
  })

  it('are positive for a lower-is-better metric, and the shortfall itself against a ceiling of 0', () => {
    const incidents = gapOf(row({ actual: 2, expected: 0, target: 0 }), { ...count, direction: 'LOWER_IS_BETTER', targetRule: 'ZERO_TOLERANCE' }, 'south')
    expect(incidents).toMatchObject({ shortfall: 2, share: 2 })
    // A rank is better lower whatever its direction says.
    expect(gapOf(row({ actual: 5, expected: 3, target: 3 }), { kind: 'RANK', decimals: 0 }, 'south')).toMatchObject({ shortfall: 2 })
  })

  it('take a rate against its target, in fractions, without float noise', () => {
    expect(gapOf(row({ actual: 0.7, expected: null, target: 0.9 }), { kind: 'RATE', decimals: 1 }, 'north')).toMatchObject({ expected: 0.9, shortfall: 0.2, share: 0.2222222222 })
  })

  it('leave out rows not BEHIND, unscored (monitored) rows and rows without a value', () => {
    expect(gapOf(row({ status: 'ON_TRACK' }), count, 'x')).toBeNull()
    expect(gapOf(row({ maxPoints: null }), count, 'x')).toBeNull()
    expect(gapOf(row({ actual: null }), count, 'x')).toBeNull()
    expect(gapOf(row({ expected: null, target: null }), count, 'x')).toBeNull()
  })

  it('sort by share, then shortfall, then metric key, then org unit key', () => {
    const gap = (metricKey: string, orgUnitKey: string, share: number, shortfall: number) => ({ metricKey, orgUnitKey, share, shortfall }) as GapResult
    const sorted = [gap('b', 'x', 0.5, 1), gap('a', 'y', 0.5, 1), gap('a', 'x', 0.5, 1), gap('z', 'x', 0.5, 3), gap('z', 'z', 0.9, 1)].sort(compareGaps)
    expect(sorted.map((g) => `${g.metricKey}@${g.orgUnitKey}`)).toEqual(['z@z', 'z@x', 'a@x', 'a@y', 'b@x'])
  })

  it('gather the scored rows BEHIND of every scorecard given', () => {
    const cards = ['district', 'north', 'south'].map((key) => buildScorecard({ ...input(year(2024)), orgUnitKey: key }))
    const gaps = gapsOf(cards, new Map(areas.flatMap((a) => a.metrics).map((m) => [m.key, m])))
    // District: 40 of 60 checked by June, 2 incidents; south: its 2 incidents under the ceiling carried down.
    expect(gaps.map((g) => [g.metricKey, g.orgUnitKey, g.shortfall, g.share])).toEqual([
      ['incidents', 'district', 2, 2],
      ['incidents', 'south', 2, 2],
      ['checked', 'district', 20, 0.3333333333],
    ])
  })
})

describe('monthly', () => {
  it('takes month ends from the span start, cut where figures stop and at the last 24', () => {
    expect(monthEnds(year(2024), '2024-06-30').map((m) => m.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'])
    expect(monthEnds(year(2024), '2024-06-15').at(-1)).toEqual({ period: '2024-06', through: '2024-06-15' })
    expect(monthEnds({ start: '2023-03-01', end: '2023-03-31' }, '2026-01-01')).toEqual([{ period: '2023-03', through: '2023-03-31' }])
    expect(monthEnds({ start: '2023-01-10', end: '2023-02-20' }, '2026-01-01')).toEqual([{ period: '2023-01', through: '2023-01-31' }, { period: '2023-02', through: '2023-02-20' }])
    const long = monthEnds({ start: '2020-01-01', end: '2023-12-31' }, '2026-01-01')
    expect(long).toHaveLength(24)
    expect(long[0]!.period).toBe('2022-01')
    expect(monthEnds(year(2025), '2024-06-30')).toEqual([])
  })

  it('scores each month to date, the last equal to the period', () => {
    const points = monthlyScorecards(input(year(2023)))
    expect(points).toHaveLength(12)
    expect(points.at(-1)!.card.scoreOn100).toBe(buildScorecard(input(year(2023))).scoreOn100)
    // By March, 30 of 30 expected: on track for full points.
    expect(points[2]!.card.areas[0]!.scoreOn100).toBe(100)
    const partial = monthlyScorecards(input(year(2024)))
    expect(partial.map((p) => p.period).at(-1)).toBe('2024-06')
    expect(partial.at(-1)!.card.scoreOn100).toBe(buildScorecard(input(year(2024))).scoreOn100)
  })
})
