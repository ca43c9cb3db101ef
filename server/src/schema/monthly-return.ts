// The monthly return (月报) in the API (issue 10): a clerk reads and writes their unit's, a
// leader approves or rejects, an administrator locks a month. Who may do what is declared on
// each field (auth/scopes.ts); what a write may do is decided in returns/.
import { databaseOf } from '@msp/db'
import { returnStates } from '../engine/index.ts'
import { builder } from '../builder.ts'
import { localized, orgUnitArg, type Context } from '../context.ts'
import { userError } from '../errors.ts'
import { asReturnError } from './return-error.ts'
import { readReturn, type ReturnUnit, type ReturnValueView, type ReturnView } from '../returns/read-return.ts'
import { ReturnError, both } from '../returns/return-metrics.ts'
import { approveReturn, checkMonth, rejectReturn, saveReturn, submitReturn } from '../returns/write-return.ts'
import { MetricRef } from './metric.ts'
import { Revision, returnHistory } from './revision.ts'

export const ReturnState = builder.enumType('ReturnState', {
  description: 'OPEN (being entered; also after a rejection has been edited), SUBMITTED (waiting for a leader), APPROVED (its values are the unit\'s figures), REJECTED (sent back with a reason).',
  values: returnStates,
})

const ReturnValue = builder.objectRef<ReturnValueView>('ReturnValue').implement({
  description: 'One metric of a return: the value entered (null while empty), beside the unit\'s last month and the same month a year earlier.',
  fields: (t) => ({
    metric: t.field({ type: MetricRef, resolve: async (v, _args, context) => (await context.metricRows()).get(v.metric.key)! }),
    value: t.float({ nullable: true, resolve: (v) => v.value }),
    notApplicable: t.boolean({ resolve: (v) => v.notApplicable }),
    note: t.string({ nullable: true, resolve: (v) => v.note }),
    lastMonth: t.float({ nullable: true, resolve: (v) => v.lastMonth }),
    sameMonthLastYear: t.float({ nullable: true, resolve: (v) => v.sameMonthLastYear }),
    warnings: t.stringList({
      description: "Questions to answer with a note before submitting: a value over 3× or under a third of the unit's median of its last 12 months.",
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' or 'en'; default the request's language" }) },
      resolve: (v, args, context) => v.warnings.map((w) => localized(w.message, args.locale ?? context.language)),
    }),
  }),
})

export const MonthlyReturn = builder.objectRef<ReturnView>('MonthlyReturn').implement({
  description: "A unit's return for a month: every value it enters, its state and the version every write must name.",
  fields: (t) => ({
    orgUnit: t.prismaField({ type: 'OrgUnit', resolve: (query, r, _args, context) => context.db.orgUnit.findUniqueOrThrow({ ...query, where: { id: r.unit.id } }) }),
    month: t.string({ description: 'YYYY-MM', resolve: (r) => r.month }),
    state: t.field({ type: ReturnState, resolve: (r) => r.state }),
    version: t.int({ description: 'Send it with every write: a write naming an older one is refused with CONFLICT. 0 for a return never saved.', resolve: (r) => r.version }),
    values: t.field({ type: [ReturnValue], resolve: (r) => r.values }),
    dueOn: t.string({ description: 'The day it is due (YYYY-MM-DD): the 5th of the next month unless the installation sets another.', resolve: (r) => r.dueOn }),
    late: t.boolean({ description: 'Past its due day and not yet submitted.', resolve: (r) => r.late }),
    locked: t.boolean({ description: 'Its month is locked: nothing of it changes until an administrator unlocks it.', resolve: (r) => r.locked }),
    rejectedReason: t.string({ nullable: true, resolve: (r) => r.rejectedReason }),
    submittedBy: t.string({ nullable: true, resolve: (r) => r.submittedBy }),
    submittedAt: t.string({ nullable: true, resolve: (r) => r.submittedAt?.toISOString() ?? null }),
    approvedBy: t.string({ nullable: true, resolve: (r) => r.approvedBy }),
    approvedAt: t.string({ nullable: true, resolve: (r) => r.approvedAt?.toISOString() ?? null }),
    history: t.field({
      type: [Revision],
      description: 'Every save (one entry a changed value), submission, approval, rejection and correction, oldest first.',
      resolve: (r, _args, context) => (r.id === null ? [] : returnHistory(context, r.id)),
    }),
  }),
})

/** The unit a return is asked for: one that enters figures. */
export async function returnUnit(context: Context, key: string | number): Promise<ReturnUnit> {
  const unitKey = await orgUnitArg(context, key)
  const unit = (await context.orgUnits()).byKey.get(unitKey)!
  if (unit.kind !== 'STATION' && unit.kind !== 'OFFICE') {
    throw new ReturnError('BAD_INPUT', both(`${unit.nameZh}不填报月报：其数据由下属单位汇总`, `${unit.nameEn} files no monthly return: its figures are its units' sums`))
  }
  return { id: unit.id, key: unit.key, kind: unit.kind }
}

export const settingsOf = (context: Context) => ({ dueDay: context.returnDueDay, today: context.asOf, earliest: context.periodRange.start })

builder.queryField('monthlyReturn', (t) =>
  t.field({
    type: MonthlyReturn,
    description: "A unit's return for a month (YYYY-MM); one never saved reads as OPEN, version 0.",
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true }) },
    authScopes: (_root, args) => ({ readsUnit: String(args.orgUnit) }),
    resolve: async (_root, args, context) => {
      try {
        checkMonth(args.month, context.asOf, context.periodRange.start)
        return await readReturn(context.db, context.registry, await returnUnit(context, args.orgUnit), args.month, settingsOf(context))
      } catch (error) {
        return asReturnError(context)(error)
      }
    },
  }),
)

export const ReturnValueInput = builder.inputType('ReturnValueInput', {
  description: 'A value of a return: a number in the metric\'s base unit (rates as fractions, money in yuan), null to empty it, or notApplicable with a note saying why.',
  fields: (t) => ({
    metric: t.id({ required: true }),
    value: t.float({ required: false }),
    notApplicable: t.boolean({ required: false }),
    note: t.string({ required: false }),
  }),
})

const monthDescription = 'YYYY-MM'
const versionDescription = 'The version last read: a stale one is refused with CONFLICT, and nothing is written.'

async function write(context: Context, args: { orgUnit: string | number; month: string; version: number }) {
  return {
    database: databaseOf(context.db),
    registry: context.registry,
    unit: await returnUnit(context, args.orgUnit),
    month: args.month,
    version: args.version,
    by: context.viewer!.login,
    settings: settingsOf(context),
  }
}

builder.mutationField('saveReturn', (t) =>
  t.field({
    type: MonthlyReturn,
    description:
      'Saves values of a return as a draft: those given replace the stored ones, the others stay. Checked by kind and unit and by the ' +
      "plugins' rules; any problem refuses the whole save (BAD_INPUT, with extensions.problems: each metric and why). An approved " +
      'return changes only as a correction: give `reason`; it then waits for approval again. A REPORTER of the unit, or an ADMIN.',
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true, description: monthDescription }), version: t.arg.int({ required: true, description: versionDescription }), values: t.arg({ type: [ReturnValueInput], required: true }), reason: t.arg.string({ required: false, description: 'Why an approved return is corrected.' }) },
    authScopes: (_root, args) => ({ writesUnit: String(args.orgUnit) }),
    resolve: async (_root, args, context) => {
      if (args.values.length > 1000) throw userError('BAD_INPUT', 'values: at most 1000 in one save')
      const values = args.values.map((v) => ({ metric: String(v.metric), value: v.value ?? null, notApplicable: v.notApplicable ?? false, note: v.note ?? null }))
      return saveReturn({ ...(await write(context, args).catch(asReturnError(context))), values, reason: args.reason }).catch(asReturnError(context))
    },
  }),
)

builder.mutationField('submitReturn', (t) =>
  t.field({
    type: MonthlyReturn,
    description: 'Sends a return for approval: every value entered or marked not applicable, and every warning answered by a note. A REPORTER of the unit, or an ADMIN.',
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true, description: monthDescription }), version: t.arg.int({ required: true, description: versionDescription }) },
    authScopes: (_root, args) => ({ writesUnit: String(args.orgUnit) }),
    resolve: async (_root, args, context) => submitReturn(await write(context, args).catch(asReturnError(context))).catch(asReturnError(context)),
  }),
)

builder.mutationField('approveReturn', (t) =>
  t.field({
    type: MonthlyReturn,
    description: "Approves a submitted return: its values become the unit's figures for the month (ENTERED). LEADER or ADMIN.",
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true, description: monthDescription }), version: t.arg.int({ required: true, description: versionDescription }) },
    authScopes: { leader: true },
    resolve: async (_root, args, context) => approveReturn(await write(context, args).catch(asReturnError(context))).catch(asReturnError(context)),
  }),
)

builder.mutationField('rejectReturn', (t) =>
  t.field({
    type: MonthlyReturn,
    description: 'Sends a submitted return back to its unit with a reason; the unit can edit it again. LEADER or ADMIN.',
    args: { orgUnit: t.arg.id({ required: true }), month: t.arg.string({ required: true, description: monthDescription }), version: t.arg.int({ required: true, description: versionDescription }), reason: t.arg.string({ required: true }) },
    authScopes: { leader: true },
    resolve: async (_root, args, context) => rejectReturn({ ...(await write(context, args).catch(asReturnError(context))), reason: args.reason }).catch(asReturnError(context)),
  }),
)
