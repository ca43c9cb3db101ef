import { builder } from '../builder.ts'
import { periodArg } from '../context.ts'
import { dataThrough } from '../engine/rollup.ts'

export const PeriodInput = builder.inputType('PeriodInput', {
  description:
    'Either year (optionally with one of half, quarter or month), or from and to as ISO dates (YYYY-MM-DD, inclusive). ' +
    'Year to date as of 30 June: { from: "2023-01-01", to: "2023-06-30" }. The report\'s "since 2022": { from: "2022-01-01", to: "2023-09-26" }.',
  fields: (t) => ({
    year: t.int({ required: false }),
    half: t.int({ required: false, description: '1 or 2' }),
    quarter: t.int({ required: false, description: '1 to 4' }),
    month: t.int({ required: false, description: '1 to 12' }),
    from: t.field({ type: 'Date', required: false }),
    to: t.field({ type: 'Date', required: false }),
  }),
})

const PeriodSpan = builder.objectRef<{ label: string; start: string; end: string }>('PeriodSpan').implement({
  description: 'A period read: its label and its first and last day.',
  fields: (t) => ({
    label: t.exposeString('label'),
    from: t.expose('start', { type: 'Date' }),
    to: t.expose('end', { type: 'Date' }),
    dataThrough: t.field({
      type: 'Date',
      nullable: true,
      description: 'The last day with figures when the period runs past it (or past today): the period is partial, and compared with the same covered days a year earlier.',
      resolve: async (span, _args, context) => dataThrough(span, await context.lastFigureDay(), context.asOf),
    }),
  }),
})

builder.queryField('period', (t) =>
  t.field({
    type: PeriodSpan,
    description: 'How the API reads a period: { year: 2023, half: 1 } is 2023-01-01 to 2023-06-30.',
    args: { period: t.arg({ type: PeriodInput, required: true }) },
    resolve: (_root, args, context) => periodArg(context, args.period),
  }),
)
