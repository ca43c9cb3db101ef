// checkReturn: what a save of these values would refuse and question, without saving. The
// clerk's screen asks it while they type, so a slip shows before they press save.
import type { ValueProblem } from '../engine/index.ts'
import { builder } from '../builder.ts'
import { localized } from '../context.ts'
import { userError } from '../errors.ts'
import { checkReturn, type ReturnCheck } from '../returns/check-return.ts'
import { ReturnValueInput, returnUnit, settingsOf } from './monthly-return.ts'
import { asReturnError } from './return-error.ts'

const ReturnProblem = builder.objectRef<ValueProblem>('ReturnProblem').implement({
  description: 'What is wrong with, or questionable about, one value of a return.',
  fields: (t) => ({
    metric: t.string({ description: "The metric's key.", resolve: (p) => p.metric }),
    message: t.string({
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' or 'en'; default the request's language" }) },
      resolve: (p, args, context) => localized(p.message, args.locale ?? context.language),
    }),
  }),
})

const ReturnCheckRef = builder.objectRef<ReturnCheck>('ReturnCheck').implement({
  description: 'What a save would say of the values given, as they would stand with those stored.',
  fields: (t) => ({
    errors: t.field({ type: [ReturnProblem], description: 'What the save would refuse (BAD_INPUT): bad values and broken rules.', resolve: (c) => c.errors }),
    warnings: t.field({ type: [ReturnProblem], description: "Values far from the unit's usual: submitting needs a note on each.", resolve: (c) => c.warnings }),
  }),
})

builder.queryField('checkReturn', (t) =>
  t.field({
    type: ReturnCheckRef,
    description:
      'Checks values of a return as saveReturn would (kind and unit, the plugins\' rules, against the values stored) and gives the ' +
      'outlier warnings too. Writes nothing. A REPORTER of the unit, or an ADMIN.',
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true, description: 'YYYY-MM' }), values: t.arg({ type: [ReturnValueInput], required: true }) },
    authScopes: (_root, args) => ({ writesUnit: String(args.orgUnit) }),
    resolve: async (_root, args, context) => {
      if (args.values.length > 1000) throw userError('BAD_INPUT', 'values: at most 1000 in one check')
      const values = args.values.map((v) => ({ metric: String(v.metric), value: v.value ?? null, notApplicable: v.notApplicable ?? false, note: v.note ?? null }))
      try {
        return await checkReturn(context.db, context.registry, await returnUnit(context, args.orgUnit), args.month, values, settingsOf(context))
      } catch (error) {
        return asReturnError(context)(error)
      }
    },
  }),
)
