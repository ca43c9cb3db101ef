import { directions, enteringUnitKinds, metricKinds, scoringRules, targetRules, unitOf } from '@msp/plugin-sdk'
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { dateArg, engineInput, localized, metricArg, orgUnitArg, periodArg } from '../context.ts'
import { aggregate, resolveTarget, wordOf } from '../engine/index.ts'
import { checkBudget } from '../execution/query-budget.ts'
import { userError } from '../errors.ts'
import { figuresCost, periodCost } from './cost.ts'
import { Direction, listed, MetricKind, ScoringRule, Source, TargetRule } from './enums.ts'
import { PeriodInput } from './period-input.ts'
import { Target } from './target.ts'

/** The most figures one list may be cut to. */
const maxFigures = 500

export const MetricRef = builder.prismaObject('Metric', {
  description: 'A metric a plugin defines.',
  fields: (t) => ({
    key: t.exposeID('key'),
    name: t.string({
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' (default) or 'en'" }) },
      resolve: (metric, { locale }) => localized({ 'zh-CN': metric.nameZh, en: metric.nameEn }, locale),
    }),
    unit: t.exposeString('unit', { description: "The unit symbol: '家次', '元' (yuan), '%' (rates are fractions)." }),
    unitName: t.string({
      args: { locale: t.arg.string({ required: false }) },
      resolve: (metric, { locale }) => {
        const unit = unitOf(metric.unit)
        return unit ? localized({ 'zh-CN': unit.zh, en: unit.en }, locale) : metric.unit
      },
    }),
    kind: t.field({ type: MetricKind, resolve: (m) => wordOf(metricKinds, m.kind, 'metric.kind') }),
    direction: t.field({ type: Direction, resolve: (m) => wordOf(directions, m.direction, 'metric.direction') }),
    targetRule: t.field({ type: TargetRule, resolve: (m) => wordOf(targetRules, m.targetRule, 'metric.targetRule') }),
    granularity: t.exposeString('granularity'),
    enteredBy: t.exposeString('enteredBy', { description: `${listed(enteringUnitKinds)}: which units measure it.` }),
    weight: t.exposeFloat('weight', { nullable: true, description: 'Most points the metric can earn; null when unscored.' }),
    scoringRule: t.field({
      type: ScoringRule,
      nullable: true,
      resolve: (m) => (m.scoringRule === null ? null : wordOf(scoringRules, m.scoringRule, 'metric.scoringRule')),
    }),
    area: t.relation('area'),
    numerator: t.relation('numerator', { nullable: true, description: 'For a RATE computed from counts.' }),
    denominator: t.relation('denominator', { nullable: true }),
    value: t.float({
      nullable: true,
      description: 'The aggregated value for the period and org unit (default the district). Rates are fractions; money is in yuan.',
      args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
      authScopes: unitArgScope,
      complexity: periodCost(5),
      extensions: { readsFigures: true },
      resolve: async (metric, args, context) => {
        const span = periodArg(context, args.period)
        const unit = await orgUnitArg(context, args.orgUnit)
        const input = await engineInput(context, span, unit, [metric.key])
        return aggregate(input.context, metric.key, unit, span).value
      },
    }),
    figures: t.prismaField({
      type: ['Figure'],
      description:
        'Figures as stored, at the given org unit only (all units when omitted; with `below`, it and the units under it), ' +
        'whose spans overlap from..to. By span, or the latest written or corrected first (`latestFirst`); at most `limit`.',
      authScopes: unitArgScope,
      args: {
        orgUnit: t.arg.id({ required: false }),
        from: t.arg({ type: 'Date', required: false }),
        to: t.arg({ type: 'Date', required: false }),
        source: t.arg({ type: Source, required: false, description: 'Only figures from this source: REPORT for those the report states.' }),
        below: t.arg.boolean({ required: false, description: "With orgUnit: also the units under it (a unit's value is computed from theirs)." }),
        latestFirst: t.arg.boolean({ required: false, description: 'The most recently written or corrected first, rather than by span.' }),
        limit: t.arg.int({ required: false, description: `At most this many, 1 to ${maxFigures}.` }),
      },
      // A limit bounds the list: a history drawer asks for a unit's dozen latest changes, not a year of months.
      complexity: (args, context) => {
        const cost = figuresCost(args, context)
        return args.limit ? { ...cost, multiplier: Math.min(cost.multiplier, Math.max(args.limit, 1)) } : cost
      },
      extensions: { readsFigures: true },
      resolve: async (query, metric, args, context) => {
        checkBudget(context)
        if (args.limit != null && (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > maxFigures)) {
          throw userError('BAD_INPUT', `limit must be 1 to ${maxFigures}, not ${args.limit}`)
        }
        const from = args.from == null ? undefined : dateArg(context, 'from', args.from)
        const to = args.to == null ? undefined : dateArg(context, 'to', args.to)
        const unit = args.orgUnit == null ? undefined : await orgUnitArg(context, args.orgUnit)
        // A unit and those below it: within a REPORTER's reach, as the unit itself is (unitArgScope).
        const units = unit && args.below ? (await context.orgUnits()).tree.subtree(unit) : undefined
        // All units, for a REPORTER: theirs and those below it.
        const reporterUnits = !unit && context.viewer?.role === 'REPORTER' && context.viewer.orgUnitKey
          ? (await context.orgUnits()).tree.subtree(context.viewer.orgUnitKey)
          : undefined
        return context.db.figure.findMany({
          ...query,
          where: {
            metricKey: metric.key,
            ...(unit && !units ? { orgUnit: { key: unit } } : {}),
            ...(units ? { orgUnit: { key: { in: units } } } : {}),
            ...(reporterUnits ? { orgUnit: { key: { in: reporterUnits } } } : {}),
            ...(args.source ? { source: args.source } : {}),
            ...(from ? { periodEnd: { gte: from } } : {}),
            ...(to ? { periodStart: { lte: to } } : {}),
          },
          orderBy: args.latestFirst
            ? [{ updatedAt: 'desc' }, { id: 'desc' }]
            : [{ periodStart: 'asc' }, { periodEnd: 'asc' }, { orgUnitId: 'asc' }],
          ...(args.limit ? { take: args.limit } : {}),
        })
      },
    }),
    target: t.field({
      type: Target,
      nullable: true,
      args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
      authScopes: unitArgScope,
      complexity: periodCost(2),
      extensions: { readsFigures: true },
      resolve: async (metric, args, context) => {
        checkBudget(context)
        const span = periodArg(context, args.period)
        const unit = await orgUnitArg(context, args.orgUnit)
        const [{ tree }, targets] = await Promise.all([context.orgUnits(), context.targets()])
        return resolveTarget(metricArg(context, metric.key), targets, unit, tree.above(unit), span, context.asOf)
      },
    }),
  }),
})

builder.queryField('metric', (t) =>
  t.prismaField({
    type: 'Metric',
    nullable: true,
    args: { key: t.arg.id({ required: true }) },
    resolve: async (query, _root, { key }, context) => {
      metricArg(context, String(key))
      return context.db.metric.findUnique({ ...query, where: { key: String(key) } })
    },
  }),
)
