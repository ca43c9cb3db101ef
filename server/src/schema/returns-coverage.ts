// On every scorecard: how far its figures stand on approved monthly returns (issue 10), so a
// leader reading a total knows when units have not reported, or not been approved, yet.
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { orgUnitArg, periodArg, type Context } from '../context.ts'
import { returnsCoverage, type ReturnsCoverage as CoverageShape } from '../returns/completeness.ts'
import { settingsOf } from './monthly-return.ts'
import { PeriodInput } from './period-input.ts'
import { Scorecard } from './scorecard.ts'

const ReturnsCoverage = builder.objectRef<CoverageShape>('ReturnsCoverage').implement({
  description: "The monthly returns a scorecard's span owes, from the first month returns are owed: how many are approved, waiting, being entered, missing and late.",
  fields: (t) => ({
    firstMonth: t.exposeString('from', { description: 'The first month counted (YYYY-MM).' }),
    lastMonth: t.exposeString('to', { description: 'The last month counted (YYYY-MM): the span\'s last, or the current month.' }),
    expected: t.exposeInt('expected', { description: 'Returns owed: each unit that enters figures, each month counted.' }),
    approved: t.exposeInt('approved'),
    submitted: t.exposeInt('submitted', { description: 'Waiting for a leader.' }),
    open: t.exposeInt('open', { description: 'Being entered, or sent back.' }),
    missing: t.exposeInt('missing', { description: 'Never saved.' }),
    late: t.exposeInt('late', { description: 'Past their due day and not submitted.' }),
    complete: t.boolean({ description: 'Every return owed is approved: the figures are final.', resolve: (c) => c.approved === c.expected }),
  }),
})

async function coverageOf(context: Context, unitKey: string, span: { start: string; end: string }) {
  const { tree, byKey } = await context.orgUnits()
  const units = tree.subtree(unitKey).map((key) => byKey.get(key)!).map((u) => ({ id: u.id, key: u.key, kind: u.kind }))
  return returnsCoverage(context.db, context.registry, units, span, context.returnsFrom, settingsOf(context))
}

const nullWhen = 'Null when the span owes none: it ends before returns began (MSP_RETURNS_FROM, or the first return ever saved).'

builder.objectField(Scorecard, 'returns', (t) =>
  t.field({
    type: ReturnsCoverage,
    nullable: true,
    description: "How far the span's figures stand on approved monthly returns, for the units at and below the scorecard's. " + nullWhen,
    resolve: (card, _args, context) => coverageOf(context, card.orgUnit.key, { start: card.from, end: card.to }),
  }),
)

builder.queryField('returnsCoverage', (t) =>
  t.field({
    type: ReturnsCoverage,
    nullable: true,
    description: "Scorecard.returns without the scorecard: for a screen that shows an area's or a metric's figures and must say when they are not final. " + nullWhen,
    args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
    authScopes: unitArgScope,
    resolve: async (_root, args, context) => coverageOf(context, await orgUnitArg(context, args.orgUnit), periodArg(context, args.period)),
  }),
)
