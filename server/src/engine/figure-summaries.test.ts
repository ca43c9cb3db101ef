// Property tests: on random org trees and random figures of every kind, the engine computes
// the same from the grouped totals (FigureSummaries) as from the raw figures (FigureIndex):
// every unit, every metric, every span, and whole scorecards with last year, the units below
// and the monthly points.
import type { Source } from '@msp/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../seed/random.ts'
import { aggregate, aggregateBelow, FigureIndex, takesLatest, type FigureRecord, type MetricSpec } from './aggregate.ts'
import { addDays, isoDate, lastDayOfMonth } from './dates.ts'
import { FigureSummaries, summarizeFigures, summariesFromBuckets } from './figure-summaries.ts'
import { monthlyScorecards, monthlySpans, previousScorecard, scorecardSpans, type SpanRead } from './landing.ts'
import { OrgTree } from './org-tree.ts'
import type { Span } from './period.ts'
import { buildScorecard, type ScorecardArea, type ScorecardMetric } from './scorecard.ts'
import type { TargetRecord } from './targets.ts'

const metrics: (ScorecardMetric & MetricSpec)[] = [
  { key: 'checked', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 6 } },
  { key: 'persuaded', kind: 'FLOW', decimals: 0, targetRule: 'AT_LEAST' },
  { key: 'fines', kind: 'FLOW', decimals: 2, targetRule: 'AT_LEAST', scoring: { rule: 'ALL_OR_NOTHING', weight: 3 } },
  { key: 'incidents', kind: 'FLOW', decimals: 0, targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE', weight: 2 } },
  { key: 'canteens', kind: 'STOCK', decimals: 0, targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 4 } },
  { key: 'persuasion-rate', kind: 'RATE', decimals: 4, targetRule: 'AT_LEAST', numerator: 'persuaded', denominator: 'checked', scoring: { rule: 'PROPORTIONAL', weight: 5 } },
  { key: 'satisfaction', kind: 'RATE', decimals: 4, targetRule: 'AT_LEAST', scoring: { rule: 'ALL_OR_NOTHING', weight: 2 } },
  { key: 'place', kind: 'RANK', decimals: 0, targetRule: 'AT_MOST', scoring: { rule: 'ALL_OR_NOTHING', weight: 1 } },
]
const specs = new Map<string, MetricSpec>(metrics.map((m) => [m.key, m]))
const areas: ScorecardArea[] = [
  { key: 'fishing', metrics: metrics.filter((m) => ['checked', 'persuaded', 'persuasion-rate', 'place'].includes(m.key)) },
  { key: 'food', metrics: metrics.filter((m) => ['fines', 'incidents', 'canteens', 'satisfaction'].includes(m.key)) },
]
const sourceWords: Source[] = ['REPORT', 'ENTERED', 'IMPORTED', 'SAMPLE']

/** A random tree of 2 or 3 levels: a root, 1–4 units below, each with 0–3 below it. */
function randomTree(random: () => number) {
  const nodes = [{ key: 'root', parentKey: null as string | null }]
  const middle = 1 + Math.floor(random() * 4)
  for (let i = 0; i < middle; i++) {
    nodes.push({ key: `u${i}`, parentKey: 'root' })
    const leaves = Math.floor(random() * 4)
    for (let j = 0; j < leaves; j++) nodes.push({ key: `u${i}-${j}`, parentKey: `u${i}` })
  }
  return new OrgTree(nodes)
}

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const day = (random: () => number) => addDays('2021-12-01', Math.floor(random() * 800))

/** A random span: a month, a half, a year, or odd days. */
function randomSpan(random: () => number): Span {
  const year = 2022 + Math.floor(random() * 2)
  const month = 1 + Math.floor(random() * 12)
  switch (Math.floor(random() * 4)) {
    case 0:
      return { start: isoDate(year, month, 1), end: lastDayOfMonth(year, month) }
    case 1:
      return month <= 6 ? { start: isoDate(year, 1, 1), end: isoDate(year, 6, 30) } : { start: isoDate(year, 7, 1), end: isoDate(year, 12, 31) }
    case 2:
      return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) }
    default: {
      const start = day(random)
      return { start, end: addDays(start, Math.floor(random() * 300)) }
    }
  }
}

function randomValue(random: () => number, metric: MetricSpec): number {
  if (metric.kind === 'RATE') return Math.round(random() * 10_000) / 10_000
  if (metric.kind === 'RANK') return 1 + Math.floor(random() * 15)
  if (metric.decimals === 2) return Math.round(random() * 1_000_000) / 100
  return Math.floor(random() * (random() < 0.1 ? 1 : 200))
}

/**
 * Figures of every metric at random units: months, odd spans, single-day snapshots, and
 * totals at inner units for exactly some of `querySpans`; one figure per metric, unit and span.
 */
function randomFigures(random: () => number, tree: OrgTree, querySpans: readonly Span[]): FigureRecord[] {
  const units = tree.subtree(tree.root)
  const figures = new Map<string, FigureRecord>()
  const add = (metric: MetricSpec, unit: string, span: Span) => {
    if (metric.kind === 'RATE' && metric.numerator) return
    const figure = { metricKey: metric.key, orgUnitKey: unit, ...span, value: randomValue(random, metric), source: pick(random, sourceWords) }
    figures.set(`${metric.key} ${unit} ${span.start} ${span.end}`, figure)
  }
  for (const metric of metrics) {
    for (const unit of units) {
      if (random() < 0.15) continue
      for (let year = 2021; year <= 2024; year++) {
        for (let month = 1; month <= 12; month++) if (random() < 0.5) add(metric, unit, { start: isoDate(year, month, 1), end: lastDayOfMonth(year, month) })
      }
      for (let i = Math.floor(random() * 4); i > 0; i--) {
        const start = day(random)
        add(metric, unit, { start, end: addDays(start, Math.floor(random() * 120)) })
      }
      // A stock or a rank counted on one day.
      for (let i = Math.floor(random() * 3); i > 0; i--) {
        const on = day(random)
        add(metric, unit, { start: on, end: on })
      }
      if (tree.children(unit).length > 0 && random() < 0.5) add(metric, unit, pick(random, querySpans))
    }
  }
  return [...figures.values()]
}

const summaries = (figures: FigureRecord[], reads: readonly SpanRead[]) =>
  new FigureSummaries(reads.map(({ span, kinds }) => {
    const keys = kinds ? new Set(metrics.filter((m) => kinds.includes(m.kind)).map((m) => m.key)) : null
    return summarizeFigures(figures, specs, span, keys)
  }))

function randomTargets(random: () => number, tree: OrgTree): TargetRecord[] {
  const targets: TargetRecord[] = []
  for (const metric of metrics) {
    for (const year of [2022, 2023]) {
      for (const unit of [null, ...tree.children(tree.root)]) {
        if (random() < 0.3) continue
        const value = metric.targetRule === 'ZERO_TOLERANCE' ? 0 : metric.kind === 'RATE' ? 0.9 : metric.kind === 'RANK' ? 5 : Math.floor(random() * 3000)
        targets.push({ metricKey: metric.key, orgUnitKey: unit, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), value, source: 'SAMPLE', reason: null })
      }
    }
  }
  return targets
}

describe('FigureSummaries', () => {
  it('gives aggregate() and aggregateBelow() the raw figures\' answer for every unit, metric and span (80 random cases)', () => {
    const random = createRandom('figure-summaries aggregate')
    let compared = 0
    for (let trial = 0; trial < 80; trial++) {
      const tree = randomTree(random)
      const querySpans = Array.from({ length: 6 }, () => randomSpan(random))
      const figures = randomFigures(random, tree, querySpans)
      const raw = { metrics: specs, figures: new FigureIndex(figures), tree }
      const grouped = { metrics: specs, figures: summaries(figures, querySpans.map((span) => ({ span, kinds: null }))), tree }
      for (const span of querySpans) {
        for (const unit of tree.subtree(tree.root)) {
          for (const metric of metrics) {
            const expected = aggregate(raw, metric.key, unit, span)
            expect(aggregate(grouped, metric.key, unit, span), `${metric.key} at ${unit} over ${span.start}..${span.end}, trial ${trial}`).toEqual(expected)
            expect(aggregateBelow(grouped, metric.key, unit, span)).toEqual(aggregateBelow(raw, metric.key, unit, span))
            if (expected.value !== null) compared++
          }
        }
      }
    }
    // The random data gives values to compare, not only nulls.
    expect(compared).toBeGreaterThan(5_000)
  })

  it('gives the same scorecard, last year\'s score, the units\' scorecards and the monthly points (60 random cases)', () => {
    const random = createRandom('figure-summaries scorecard')
    for (let trial = 0; trial < 60; trial++) {
      const tree = randomTree(random)
      const span = randomSpan(random)
      const figures = randomFigures(random, tree, [span, { start: span.start, end: addDays(span.end, -400) }])
      // Figures through a random day: some periods are partial, and compare a covered span.
      const lastFigureDay = pick(random, [null, day(random), '2024-12-31'])
      const asOf = pick(random, ['2026-01-01', day(random)])
      const base = { areas, targets: randomTargets(random, tree), span, asOf, lastFigureDay }
      const raw = { metrics: specs, figures: new FigureIndex(figures), tree }
      const grouped = { metrics: specs, figures: summaries(figures, scorecardSpans(span, lastFigureDay, asOf)), tree }
      const monthly = { metrics: specs, figures: summaries(figures, monthlySpans(span, lastFigureDay, asOf).map((s) => ({ span: s, kinds: null }))), tree }
      for (const unit of [tree.root, ...tree.children(tree.root)]) {
        const rawInput = { ...base, orgUnitKey: unit, context: raw }
        const label = `${unit} over ${span.start}..${span.end}, figures through ${lastFigureDay}, as of ${asOf}, trial ${trial}`
        expect(buildScorecard({ ...rawInput, context: grouped }), label).toEqual(buildScorecard(rawInput))
        expect(previousScorecard({ ...rawInput, context: grouped }), label).toEqual(previousScorecard(rawInput))
        expect(monthlyScorecards({ ...rawInput, context: monthly }), label).toEqual(monthlyScorecards(rawInput))
      }
    }
  })

  it('adds up figures grouped by the first end they end by into the summaries of spans from one start (40 random cases)', () => {
    const random = createRandom('figure-summaries buckets')
    for (let trial = 0; trial < 40; trial++) {
      const tree = randomTree(random)
      const span = randomSpan(random)
      const ends = monthlySpans(span, span.end, '2026-01-01').map((s) => s.end)
      const figures = randomFigures(random, tree, ends.map((end) => ({ start: span.start, end })))
      // What the database's bucketed read returns: bucket k as the span start..ends[k] of the figures ending after ends[k - 1].
      const buckets = ends.map((end, k) => summarizeFigures(figures.filter((f) => k === 0 || f.end > ends[k - 1]!), specs, { start: span.start, end }))
      const totals = buckets.flatMap((b, bucket) => b.totals.map((row) => ({ ...row, bucket })))
      const latest = buckets.flatMap((b, bucket) => b.latest.map((row) => ({ ...row, bucket })))
      const sorted = (rows: readonly { metricKey: string; orgUnitKey: string; source: string }[]) =>
        [...rows].sort((a, b) => `${a.metricKey} ${a.orgUnitKey} ${a.source}`.localeCompare(`${b.metricKey} ${b.orgUnitKey} ${b.source}`))
      summariesFromBuckets(span.start, ends, null, totals, latest).forEach((summary, k) => {
        const expected = summarizeFigures(figures, specs, { start: span.start, end: ends[k]! })
        expect(sorted(summary.totals), `trial ${trial}, through ${ends[k]}`).toEqual(sorted(expected.totals))
        expect(sorted(summary.latest)).toEqual(sorted(expected.latest))
      })
    }
  })

  it('says which span and metric were not loaded rather than answer null', () => {
    const tree = randomTree(createRandom('unloaded'))
    const year = { start: '2023-01-01', end: '2023-12-31' }
    const lookup = summaries([], [{ span: year, kinds: ['RANK'] }])
    const ctx = { metrics: specs, figures: lookup, tree }
    expect(aggregate(ctx, 'place', 'root', year)).toEqual({ value: null, sources: [] })
    expect(() => aggregate(ctx, 'place', 'root', { start: '2023-01-01', end: '2023-06-30' })).toThrow(/span 2023-01-01..2023-06-30 was not loaded \(loaded: 2023-01-01..2023-12-31\)/)
    expect(() => aggregate(ctx, 'checked', 'root', year)).toThrow(/metric 'checked' was not loaded/)
  })

  it('keeps the latest figure only for the metrics that take one', () => {
    const figures: FigureRecord[] = [
      { metricKey: 'canteens', orgUnitKey: 'root', start: '2023-03-01', end: '2023-03-31', value: 5, source: 'SAMPLE' },
      { metricKey: 'canteens', orgUnitKey: 'root', start: '2023-03-31', end: '2023-03-31', value: 7, source: 'REPORT' },
      { metricKey: 'checked', orgUnitKey: 'root', start: '2023-03-01', end: '2023-03-31', value: 5, source: 'SAMPLE' },
    ]
    const summary = summarizeFigures(figures, specs, { start: '2023-01-01', end: '2023-12-31' })
    // The latest end, then the earliest start: the month's count stands beside a count on its last day.
    expect(summary.latest).toEqual([{ metricKey: 'canteens', orgUnitKey: 'root', start: '2023-03-01', end: '2023-03-31', value: 5, source: 'SAMPLE' }])
    expect(metrics.filter(takesLatest).map((m) => m.key)).toEqual(['canteens', 'satisfaction', 'place'])
  })
})
