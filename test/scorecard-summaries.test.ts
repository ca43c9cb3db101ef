// Scorecards from the database's grouped figures (issue 11, item 3): on the seeded Wuchang
// database, SQLite and PostgreSQL, the rows the GROUP BY and the latest-figure statements
// return are what the raw figures add up to, and the scorecard, last year's score, the units'
// scorecards and the monthly points they give equal those computed from the raw figures; a
// scorecard with its league, gaps and monthly points reads no raw figure rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseOf } from '@msp/db'
import { sources } from '@msp/plugin-sdk'
import type { Platform } from '@msp/server/app'
import { createContext, engineInput, scorecardInput } from '@msp/server/context'
import {
  buildScorecard, monthlyScorecards, monthlySpans, previousScorecard, previousYear, scorecardSpans, spanOf, summarizeFigures, wordOf,
  type FigureRecord, type PeriodInput, type SpanSummary,
} from '@msp/server/engine/index'
import { readNestedSummaries, readSpanSummary } from '@msp/server/figure-summary-reads'
import { data, openTestPlatform, testToday } from './support/platform.ts'

let platform: Platform
beforeAll(async () => {
  platform = await openTestPlatform()
})
afterAll(() => platform.close())

const periods: [string, PeriodInput][] = [
  ['the year 2023', { year: 2023 }],
  ['March 2023', { year: 2023, month: 3 }],
  ["the report's partial period", { from: '2023-01-01', to: '2023-09-26' }],
  ['2024, with figures through mid-year', { year: 2024 }],
  ['a year without figures', { year: 2010 }],
]
const units = ['wuchang', 'station-nanhu']

const context = () => createContext(platform.database.db, platform.registry, testToday)

async function rawFigures(): Promise<FigureRecord[]> {
  const { db } = platform.database
  const keyOf = new Map((await db.orgUnit.findMany()).map((u) => [u.id, u.key]))
  return (await db.figure.findMany()).map((f) => ({
    metricKey: f.metricKey, orgUnitKey: keyOf.get(f.orgUnitId)!, start: f.periodStart, end: f.periodEnd, value: f.value, source: wordOf(sources, f.source, 'source'),
  }))
}

const sorted = (summary: SpanSummary) => ({
  totals: [...summary.totals].sort((a, b) => `${a.metricKey} ${a.orgUnitKey} ${a.source}`.localeCompare(`${b.metricKey} ${b.orgUnitKey} ${b.source}`)),
  latest: [...summary.latest].sort((a, b) => `${a.metricKey} ${a.orgUnitKey}`.localeCompare(`${b.metricKey} ${b.orgUnitKey}`)),
})

describe('figure summaries from the database', () => {
  it('groups the figures of a span as the raw figures add up: sums at each metric\'s decimals, counts, the exact-span figure, the latest', async () => {
    const figures = await rawFigures()
    const { db } = platform.database
    const { provider } = databaseOf(db)
    const metrics = [...platform.registry.metrics.values()]
    const read = (sql: string, params: unknown[]) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params).then((rows) => rows.map((r) => Object.values(r)))
    const { byId, byKey, tree } = await context().orgUnits()
    for (const [name, input] of periods) {
      const span = spanOf(input)
      for (const reads of [scorecardSpans(span, '2024-06-30', testToday), [{ span: { start: span.start, end: span.start }, kinds: null }]]) {
        for (const { span: s, kinds } of reads) {
          for (const unit of units) {
            const ids = unit === tree.root ? undefined : tree.subtree(unit).map((k) => byKey.get(k)!.id)
            const chosen = metrics.filter((m) => !kinds || kinds.includes(m.kind))
            const summary = await readSpanSummary(read, provider, { span: s, metrics: chosen, every: kinds === null, orgUnitIds: ids }, (id) => byId.get(id)!.key)
            const inSubtree = new Set(tree.subtree(unit))
            const expected = summarizeFigures(figures.filter((f) => inSubtree.has(f.orgUnitKey)), platform.registry.metrics, s, kinds && new Set(chosen.map((m) => m.key)))
            expect(sorted(summary), `${name}: ${s.start}..${s.end} at ${unit}`).toEqual(sorted(expected))
            if (name === 'the year 2023' && unit === 'wuchang' && kinds === null && s.end === span.end) expect(summary.totals.length).toBeGreaterThan(100)
          }
        }
      }
      // The monthly points' spans, read in one pass and added up by bucket.
      const ends = monthlySpans(span, '2024-06-30', testToday).map((s) => s.end)
      for (const unit of units) {
        const ids = unit === tree.root ? undefined : tree.subtree(unit).map((k) => byKey.get(k)!.id)
        const inSubtree = new Set(tree.subtree(unit))
        const nested = await readNestedSummaries(read, provider, { start: span.start, ends, metrics, orgUnitIds: ids }, (id) => byId.get(id)!.key)
        expect(nested.map((n) => n.span.end)).toEqual(ends)
        for (const summary of nested) {
          const expected = summarizeFigures(figures.filter((f) => inSubtree.has(f.orgUnitKey)), platform.registry.metrics, summary.span)
          expect(sorted(summary), `${name}: monthly ${summary.span.start}..${summary.span.end} at ${unit}`).toEqual(sorted(expected))
        }
      }
    }
  })

  for (const [name, input] of periods) {
    for (const unit of units) {
      it(`gives the raw figures' scorecard for ${name} at ${unit}: last year's score, the units' scorecards and the monthly points too`, async () => {
        const span = spanOf(input)
        const ctx = context()
        const raw = { ...(await engineInput(ctx, { start: previousYear(span).start, end: span.end }, unit)), areas: platform.registry.areas, orgUnitKey: unit, span }
        const { monthlyFigures, ...grouped } = await scorecardInput(ctx, span, unit)
        const summed = { ...grouped, areas: platform.registry.areas, orgUnitKey: unit, span }
        const monthly = { ...summed, context: { ...summed.context, figures: await monthlyFigures() } }
        for (const key of [unit, ...raw.context.tree.children(unit)]) {
          const rawCard = { ...raw, orgUnitKey: key }
          expect(buildScorecard({ ...summed, orgUnitKey: key })).toEqual(buildScorecard(rawCard))
          expect(previousScorecard({ ...summed, orgUnitKey: key })).toEqual(previousScorecard(rawCard))
          expect(monthlyScorecards({ ...monthly, orgUnitKey: key })).toEqual(monthlyScorecards(rawCard))
        }
        if (name === 'a year without figures') expect(buildScorecard(summed).status).toBe('NO_DATA')
        else expect(buildScorecard(summed).areas.flatMap((a) => a.rows).filter((r) => r.actual !== null).length).toBeGreaterThan(20)
      })
    }
  }

  it('answers a scorecard with its league, gaps, last year and monthly points without reading one raw figure row', async () => {
    // Prisma's reads of figures name each column by its table (`main`.`Figure`.`value` on SQLite,
    // "public"."Figure"."value" on PostgreSQL); the grouped reads name bare columns.
    const rawRead = (sql: string) => /[`"]Figure[`"]\.[`"]value[`"]/.test(sql)
    // A platform of its own: the tests above left these spans' summaries in the shared reads.
    const statements: string[] = []
    const fresh = await openTestPlatform({ onQuery: (sql) => statements.push(sql) })
    // Opening syncs the report's figures; only the scorecard's statements count.
    statements.length = 0
    const answer = await data<{ scorecard: { scoreOn100: number; league: unknown[]; gaps: unknown[]; monthly: unknown[] } }>(fresh, `{
      scorecard(period: { from: "2023-01-01", to: "2023-09-26" }) {
        scoreOn100 previousScoreOn100
        areas { rows { actual previous } }
        league { rank previousRank areas { status } }
        gaps(limit: 5) { shortfall }
        monthly { scoreOn100 }
      }
    }`)
    expect(answer.scorecard.league.length).toBeGreaterThan(10)
    expect(answer.scorecard.monthly).toHaveLength(9)
    expect(statements.some((sql) => /GROUP BY "metricKey", "orgUnitId", "source"/.test(sql))).toBe(true)
    expect(statements.filter(rawRead)).toEqual([])
    // The check sees a raw read where there is one: a breakdown still reads the metric's figures.
    statements.length = 0
    await data(fresh, '{ metric(key: "fishing-ban.anglers-checked") { breakdown(period: { year: 2023 }) { actual } } }')
    expect(statements.filter(rawRead).length).toBeGreaterThan(0)
    await fresh.close()
  })
})
