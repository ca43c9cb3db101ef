// A metric over time: by month, quarter or year, with the target due over each.
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { dateArg, engineInput, metricArg, orgUnitArg } from '../context.ts'
import { metricSeries, type SeriesPoint } from '../engine/index.ts'
import { userError } from '../errors.ts'
import { maxSeriesPoints, seriesCost, seriesPoints } from './cost.ts'
import { SeriesGranularity, Source } from './enums.ts'

const SeriesPointRef = builder.objectRef<SeriesPoint>('SeriesPoint').implement({
  fields: (t) => ({
    period: t.exposeString('label', { description: "'2023', '2023-Q2' or '2023-06'." }),
    from: t.field({ type: 'Date', resolve: (p) => p.span.start }),
    to: t.field({ type: 'Date', resolve: (p) => p.span.end }),
    actual: t.exposeFloat('actual', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true, description: "A year's target, or a month's or quarter's share of it." }),
    sources: t.field({ type: [Source], resolve: (p) => p.sources }),
  }),
})

builder.prismaObjectField('Metric', 'series', (t) =>
  t.field({
    type: [SeriesPointRef],
    description: 'The metric by calendar month, quarter or year, from the period holding `from` to the one holding `to`.',
    args: {
      granularity: t.arg({ type: SeriesGranularity, required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      orgUnit: t.arg.id({ required: false }),
    },
    authScopes: unitArgScope,
    complexity: seriesCost,
    extensions: { readsFigures: true },
    resolve: async (metric, args, context) => {
      dateArg(context, 'from', args.from)
      dateArg(context, 'to', args.to)
      if (args.from > args.to) throw userError('BAD_PERIOD', `from ${args.from} is after to ${args.to}`)
      const points = seriesPoints(args.granularity, args.from, args.to)
      if (points > maxSeriesPoints) {
        throw userError('BAD_PERIOD', `a series has at most ${maxSeriesPoints} points, not ${points}; ask for a shorter span or a coarser granularity`)
      }
      const unit = await orgUnitArg(context, args.orgUnit)
      const input = await engineInput(context, { start: `${args.from.slice(0, 4)}-01-01`, end: `${args.to.slice(0, 4)}-12-31` }, undefined, [metric.key])
      return metricSeries(input, metricArg(context, metric.key), unit, args.granularity, args.from, args.to)
    },
  }),
)
