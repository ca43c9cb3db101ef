// Drill-down: a metric, or an area's score, for each unit below an org unit, ranked.
import type { OrgUnit } from '@msp/db'
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { engineInput, orgUnitArg, periodArg } from '../context.ts'
import { areaBreakdown, metricBreakdown, type AreaScoreResult, type MetricRowResult } from '../engine/index.ts'
import { userError } from '../errors.ts'
import { Status } from './enums.ts'
import { MetricResult } from './metric-row.ts'
import { areaStatusRule, scoreOn100Rule } from './scorecard.ts'
import { OrgUnitRef } from './org-unit.ts'
import { periodCost } from './cost.ts'
import { PeriodInput } from './period-input.ts'

interface UnitMetricShape extends MetricRowResult {
  orgUnit: OrgUnit
  rank: number | null
}

interface UnitAreaShape extends AreaScoreResult {
  orgUnit: OrgUnit
  rank: number | null
}

const UnitMetricRow = builder.objectRef<UnitMetricShape>('UnitMetricRow').implement({
  description: 'A metric for one unit of a breakdown, with its rank among the units (1 is best).',
  interfaces: [MetricResult],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'orgUnit' in value && 'metricKey' in value,
  fields: (t) => ({
    orgUnit: t.field({ type: OrgUnitRef, resolve: (row) => row.orgUnit }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Best first by the metric\'s direction; ties share a rank; no value, no rank.' }),
  }),
})

const UnitAreaScore = builder.objectRef<UnitAreaShape>('UnitAreaScore').implement({
  description: "An area's score for one unit of a breakdown, ranked by the share of points earned.",
  fields: (t) => ({
    orgUnit: t.field({ type: OrgUnitRef, resolve: (row) => row.orgUnit }),
    rank: t.exposeInt('rank', { nullable: true }),
    score: t.exposeFloat('score', { nullable: true }),
    maxScore: t.exposeFloat('maxScore', { nullable: true }),
    scoreOn100: t.exposeFloat('scoreOn100', { nullable: true, description: scoreOn100Rule }),
    status: t.field({ type: Status, description: areaStatusRule, resolve: (row) => row.status }),
    behind: t.int({ description: 'Metrics BEHIND target.', resolve: (row) => row.rows.filter((r) => r.status === 'BEHIND').length }),
    met: t.int({ description: 'Metrics that MET target.', resolve: (row) => row.rows.filter((r) => r.status === 'MET').length }),
  }),
})


builder.prismaObjectField('Metric', 'breakdown', (t) =>
  t.field({
    type: [UnitMetricRow],
    description: 'The metric for each unit directly below the org unit (default the district), ranked.',
    args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
      authScopes: unitArgScope,
    complexity: (args, context) => ({ field: periodCost(10)(args, context), multiplier: 15 }),
    extensions: { readsFigures: true },
    resolve: async (metric, args, context) => {
      const span = periodArg(context, args.period)
      const unit = await orgUnitArg(context, args.orgUnit)
      const registered = context.registry.metrics.get(metric.key)
      if (!registered) throw userError('UNKNOWN_METRIC', `metric '${metric.key}' is no longer defined by any plugin`)
      const [input, { byKey }] = await Promise.all([engineInput(context, span, undefined, [metric.key]), context.orgUnits()])
      return metricBreakdown(input, registered, unit, span).map((b) => ({ ...b.result, orgUnit: byKey.get(b.orgUnitKey)!, rank: b.rank }))
    },
  }),
)

builder.prismaObjectField('Area', 'breakdown', (t) =>
  t.field({
    type: [UnitAreaScore],
    description: "The area's score for each unit directly below the org unit (default the district), ranked.",
    args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
      authScopes: unitArgScope,
    complexity: (args, context) => ({ field: periodCost(40)(args, context), multiplier: 15 }),
    extensions: { readsFigures: true },
    resolve: async (area, args, context) => {
      const span = periodArg(context, args.period)
      const unit = await orgUnitArg(context, args.orgUnit)
      const registered = context.registry.areas.find((a) => a.key === area.key)
      if (!registered) throw userError('UNKNOWN_AREA', `area '${area.key}' is no longer defined by any plugin`)
      const keys = registered.metrics.map((m) => m.key)
      const [input, { byKey }] = await Promise.all([engineInput(context, span, undefined, keys), context.orgUnits()])
      return areaBreakdown(input, registered, unit, span).map((b) => ({ ...b.result, orgUnit: byKey.get(b.orgUnitKey)!, rank: b.rank }))
    },
  }),
)

