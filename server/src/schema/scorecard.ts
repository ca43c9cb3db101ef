import type { OrgUnit } from '@msp/db'
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { orgUnitArg, periodArg, scorecardInput } from '../context.ts'
import { buildScorecard, scoreTrend, type AreaScoreResult } from '../engine/index.ts'
import { checkBudget } from '../execution/query-budget.ts'
import { AreaRef } from './area.ts'
import { Status, Trend } from './enums.ts'
import { MetricRow } from './metric-row.ts'
import { OrgUnitRef } from './org-unit.ts'
import { periodCost } from './cost.ts'
import { PeriodInput } from './period-input.ts'
import { ScorecardWork, type AreaScoreShape } from './unit-card.ts'

export interface ScorecardShape {
  period: string
  from: string
  to: string
  orgUnit: OrgUnit
  score: number | null
  maxScore: number | null
  scoreOn100: number | null
  status: StatusWord
  dataThrough: string | null
  areas: AreaScoreShape[]
  /** The league, the gaps, last year's score and the monthly points, computed when asked for. */
  work: ScorecardWork
}
type StatusWord = AreaScoreResult['status']

export const areaStatusRule =
  "The area's scored metrics' statuses combined (all its metrics when none is scored): NO_DATA when none has data; " +
  'NO_TARGET when some have data but none a target; BEHIND when any is BEHIND; MET when every one judged against a target is MET; ' +
  'ON_TRACK otherwise. Never ON_TRACK or MET while a scored metric is BEHIND.'
export const scoreOn100Rule =
  'score / maxScore × 100, to two decimals: the share of the points at stake earned, so a station (whose metrics without a ' +
  "target carry no points) reads beside the district. Null when no points are at stake."
export const previousScoreRule =
  'scoreOn100 a year earlier, over the same span the figures cover (for a partial period, see Scorecard.dataThrough, ' +
  'from its start through dataThrough, a year earlier: 2023-01-01..2023-06-30 for 2024 with figures through 2024-06-30), ' +
  "judged with that year's targets and time-progress at that span's end. Null when no points were at stake."
export const scoreTrendRule = 'scoreOn100 against previousScoreOn100: BETTER when higher, WORSE when lower, SAME; null when either is null.'

export const AreaScore = builder.objectRef<AreaScoreShape>('AreaScore').implement({
  fields: (t) => ({
    area: t.field({ type: AreaRef, resolve: (a) => a.area }),
    score: t.exposeFloat('score', { nullable: true, description: 'Points earned by the metrics that have both data and a target.' }),
    maxScore: t.exposeFloat('maxScore', { nullable: true, description: 'The points at stake: the maximum of the metrics that have both data and a target.' }),
    scoreOn100: t.exposeFloat('scoreOn100', { nullable: true, description: scoreOn100Rule }),
    status: t.field({ type: Status, description: areaStatusRule, resolve: (a) => a.status }),
    scored: t.boolean({ description: 'Whether any metric of the area is scored; an area without one is monitored only.', resolve: (a) => a.rows.some((r) => r.maxPoints !== null) }),
    rows: t.field({ type: [MetricRow], resolve: (a) => a.rows }),
    previousScoreOn100: t.float({
      nullable: true,
      description: previousScoreRule,
      // Last year's scorecard is computed once for the unit, for every area that asks.
      resolve: (a) => a.unit.previous().areas[a.index]!.scoreOn100,
    }),
    scoreTrend: t.field({
      type: Trend,
      nullable: true,
      description: scoreTrendRule,
      resolve: (a) => scoreTrend(a.scoreOn100, a.unit.previous().areas[a.index]!.scoreOn100),
    }),
  }),
})

export const Scorecard = builder.objectRef<ScorecardShape>('Scorecard').implement({
  fields: (t) => ({
    period: t.exposeString('period', { description: "'2023', '2023-H1', '2023-Q2', '2023-06' or '2022-01-01..2023-09-26'." }),
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    orgUnit: t.field({ type: OrgUnitRef, resolve: (s) => s.orgUnit }),
    score: t.exposeFloat('score', { nullable: true, description: "Points earned: the sum of the areas' scores, of maxScore." }),
    maxScore: t.exposeFloat('maxScore', { nullable: true, description: 'The points at stake for this unit and period: the sum of the areas\' maxScore.' }),
    scoreOn100: t.exposeFloat('scoreOn100', { nullable: true, description: scoreOn100Rule }),
    status: t.field({
      type: Status,
      description: "The scored areas' statuses combined by the rule of AreaScore.status (all areas when none is scored): BEHIND when any is BEHIND.",
      resolve: (s) => s.status,
    }),
    dataThrough: t.expose('dataThrough', {
      type: 'Date',
      nullable: true,
      description:
        'The last day with figures (or today), when the period runs past it: the period is partial, and `previous` and the ' +
        'year-on-year change compare from its start through this day a year earlier. Null when figures cover the whole period.',
    }),
    areas: t.field({ type: [AreaScore], resolve: (s) => s.areas }),
    previousScoreOn100: t.float({ nullable: true, description: previousScoreRule, resolve: (s) => s.work.unit.previous().scoreOn100 }),
    scoreTrend: t.field({
      type: Trend,
      nullable: true,
      description: scoreTrendRule,
      resolve: (s) => scoreTrend(s.scoreOn100, s.work.unit.previous().scoreOn100),
    }),
  }),
})

builder.queryField('scorecard', (t) =>
  t.field({
    type: Scorecard,
    description: 'Every area and metric for a period and org unit (default the district): actual, target, time-progress, last year, status, points.',
    args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
      authScopes: unitArgScope,
    // The period and the same span a year earlier.
    complexity: periodCost(1000),
    extensions: { readsFigures: true },
    resolve: async (_root, args, context) => {
      const span = periodArg(context, args.period)
      const unitKey = await orgUnitArg(context, args.orgUnit)
      // One read each: the figures' totals over this year's and last year's spans at the unit
      // and below, grouped by the database (the league and the gaps read the units below from
      // them too), targets, metrics, areas, the unit.
      const [{ monthlyFigures, ...input }, metrics, areas, { byKey }] = await Promise.all([
        scorecardInput(context, span, unitKey),
        context.db.metric.findMany(),
        context.db.area.findMany(),
        context.orgUnits(),
      ])
      const cardInput = { ...input, areas: context.registry.areas, orgUnitKey: unitKey, span }
      const result = buildScorecard(cardInput)
      const lookups = {
        metricByKey: new Map(metrics.map((m) => [m.key, m])),
        areaByKey: new Map(areas.map((a) => [a.key, a])),
        orgUnitByKey: byKey,
        check: () => checkBudget(context),
        monthlyFigures,
      }
      const work = new ScorecardWork(cardInput, result, lookups, context.registry.metrics)
      return {
        period: span.label,
        from: span.start,
        to: span.end,
        orgUnit: byKey.get(unitKey)!,
        score: result.score,
        maxScore: result.maxScore,
        scoreOn100: result.scoreOn100,
        status: result.status,
        dataThrough: result.dataThrough,
        areas: work.unit.areas(),
        work,
      }
    },
  }),
)
