import { builder } from '../builder.ts'

export const PeriodInput = builder.inputType('PeriodInput', {
  description:
    'Either year (optionally with one of half, quarter or month), or from and to as ISO dates (YYYY-MM-DD, inclusive). ' +
    'Year to date as of 30 June: { from: "2023-01-01", to: "2023-06-30" }. The report\'s "since 2022": { from: "2022-01-01", to: "2023-09-26" }.',
  fields: (t) => ({
    year: t.int({ required: false }),
    half: t.int({ required: false, description: '1 or 2' }),
    quarter: t.int({ required: false, description: '1 to 4' }),
    month: t.int({ required: false, description: '1 to 12' }),
    from: t.string({ required: false }),
    to: t.string({ required: false }),
  }),
})
