// Who has entered what (issue 10): the units × months of a period with each return's state and
// lateness; the leader's queue of returns to approve; an administrator's month locks.
import { databaseOf } from '@msp/db'
import { unitArgScope } from '../auth/scopes.ts'
import { builder } from '../builder.ts'
import { orgUnitArg, periodArg } from '../context.ts'
import { completeness, firstOwedMonth, monthsOfSpan, type CompletenessCell } from '../returns/completeness.ts'
import { lockMonth, unlockMonth } from '../returns/month-locks.ts'
import { readReturns } from '../returns/read-return.ts'
import { PeriodInput } from './period-input.ts'
import { MonthlyReturn, ReturnState, settingsOf } from './monthly-return.ts'
import { asReturnError } from './return-error.ts'

const CompletenessRow = builder.objectRef<CompletenessCell>('CompletenessRow').implement({
  description: "One unit's return for one month: how many values it expects and holds, its state, and whether it is late.",
  fields: (t) => ({
    orgUnit: t.prismaField({ type: 'OrgUnit', resolve: (query, c, _args, context) => context.db.orgUnit.findUniqueOrThrow({ ...query, where: { id: c.unit.id } }) }),
    month: t.string({ resolve: (c) => c.month }),
    state: t.field({ type: ReturnState, resolve: (c) => c.state }),
    expected: t.int({ resolve: (c) => c.expected }),
    entered: t.int({ description: 'Values entered or marked not applicable.', resolve: (c) => c.entered }),
    dueOn: t.string({ resolve: (c) => c.dueOn }),
    late: t.boolean({ resolve: (c) => c.late }),
    locked: t.boolean({ resolve: (c) => c.locked }),
  }),
})

builder.queryField('completeness', (t) =>
  t.field({
    type: [CompletenessRow],
    description: 'For every unit that enters figures, at orgUnit and below (default the district, or a REPORTER\'s own unit), and every month of the period that has begun and for which returns are owed (from MSP_RETURNS_FROM, or the first return saved; none before): its return\'s state. Units in tree order, months in order.',
    args: { period: t.arg({ type: PeriodInput, required: true }), orgUnit: t.arg.id({ required: false }) },
    authScopes: unitArgScope,
    resolve: async (_root, args, context) => {
      const span = periodArg(context, args.period)
      const { tree, byKey } = await context.orgUnits()
      const units = tree.subtree(await orgUnitArg(context, args.orgUnit)).map((key) => byKey.get(key)!)
      // Only the months returns are owed for: before they began, no unit is late.
      const first = await firstOwedMonth(context.db, context.returnsFrom)
      if (!first) return []
      const months = monthsOfSpan(span.start < `${first}-01` ? `${first}-01` : span.start, span.end, context.asOf)
      return completeness(context.db, context.registry, units.map((u) => ({ id: u.id, key: u.key, kind: u.kind })), months, settingsOf(context))
    },
  }),
)

builder.queryField('approvalQueue', (t) =>
  t.field({
    type: [MonthlyReturn],
    description: 'Returns waiting for approval, the longest waiting first. LEADER or ADMIN.',
    authScopes: { leader: true },
    resolve: async (_root, _args, context) => {
      const waiting = await context.db.monthlyReturn.findMany({ where: { state: 'SUBMITTED' }, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], take: 500, include: { orgUnit: true } })
      const wanted = waiting.map((r) => ({ unit: { id: r.orgUnit.id, key: r.orgUnit.key, kind: r.orgUnit.kind }, month: r.month }))
      return readReturns(context.db, context.registry, wanted, settingsOf(context))
    },
  }),
)

builder.queryField('lockedMonths', (t) =>
  t.stringList({
    description: 'The months (YYYY-MM) an administrator has locked, in order.',
    resolve: async (_root, _args, context) => (await context.db.monthLock.findMany({ orderBy: { month: 'asc' } })).map((l) => l.month),
  }),
)

builder.mutationField('lockMonth', (t) =>
  t.boolean({
    description: 'Locks a month (YYYY-MM) for every unit: its returns no longer change (PERIOD_LOCKED). False when it was locked already. ADMIN.',
    args: { month: t.arg.string({ required: true }) },
    authScopes: { admin: true },
    resolve: (_root, args, context) => lockMonth(databaseOf(context.db), args.month, context.viewer!.login, context.asOf, context.periodRange.start).catch(asReturnError(context)),
  }),
)

builder.mutationField('unlockMonth', (t) =>
  t.boolean({
    description: 'Unlocks a month, saying why. False when it was not locked. ADMIN.',
    args: { month: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
    authScopes: { admin: true },
    resolve: (_root, args, context) => unlockMonth(databaseOf(context.db), args.month, args.reason, context.viewer!.login, context.asOf).catch(asReturnError(context)),
  }),
)
