import { databaseOf } from '@msp/db'
import type { Source as SourceWord } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { localized } from '../context.ts'
import { resolveTarget, yearSpan, type ResolvedTarget } from '../engine/index.ts'
import { setTargets, splitMismatches } from '../targets/set-targets.ts'
import { Source } from './enums.ts'
import { Revision } from './revision.ts'
import { asReturnError } from './return-error.ts'

/** Sources from the least certain to the most: one SAMPLE part makes the whole a sample. */
const certainty: Record<SourceWord, number> = { SAMPLE: 0, IMPORTED: 1, ENTERED: 2, REPORT: 3 }

/** The least certain source among several; SAMPLE when there are none. */
export function weakestSource(sources: readonly SourceWord[]): SourceWord {
  return sources.reduce<SourceWord>((weakest, s) => (certainty[s] < certainty[weakest] ? s : weakest), sources[0] ?? 'SAMPLE')
}

export const Target = builder.objectRef<ResolvedTarget>('Target').implement({
  description: 'The target for a span: annual targets added or shared out as the span requires.',
  fields: (t) => ({
    value: t.exposeFloat('value'),
    source: t.field({ type: Source, resolve: (target) => weakestSource(target.sources) }),
    reason: t.exposeString('reason', { nullable: true }),
    expected: t.exposeFloat('expected', { description: 'What time-progress (序时进度) expects by the end of the span or today.' }),
    progress: t.exposeFloat('progress', { description: 'Share of the target period elapsed, 0 to 1.' }),
    history: t.field({
      type: [Revision],
      complexity: 5,
      description: 'Every change of the stored targets this one is worked out from, oldest first: who set it, when, the value before and why.',
      resolve: async (target, _args, context) => {
        const ids = target.ids ?? []
        if (ids.length === 0) return []
        const rows = await context.db.targetRevision.findMany({ where: { targetId: { in: ids } }, orderBy: { id: 'asc' } })
        return rows.map((r) => ({ at: r.changedAt, by: r.changedBy ?? 'unknown', action: r.action, metricKey: null, old: r.previousValue, new: r.value, reason: r.reason }))
      },
    }),
    splitWarning: t.string({
      nullable: true,
      description: "From setTargets, on a district count: that the units' targets do not add up to it, by how much.",
      resolve: (target) => (target as SetTargetShape).splitWarning ?? null,
    }),
  }),
})

type SetTargetShape = ResolvedTarget & { metricKey?: string; orgUnitKey?: string | null; splitWarning?: string | null }

const TargetInput = builder.inputType('TargetInput', {
  description: "A year's target: for the district (orgUnit omitted, or the district's key) or one unit, with the reason it is set.",
  fields: (t) => ({
    metric: t.id({ required: true }),
    orgUnit: t.id({ required: false }),
    value: t.float({ required: true, description: "In the metric's base unit: rates as fractions, money in yuan." }),
    reason: t.string({ required: true }),
  }),
})

builder.mutationField('setTargets', (t) =>
  t.field({
    type: [Target],
    description:
      "Sets a year's targets, each with a reason; every change is kept (who, when, old, new, why). A plugin's default (SAMPLE) is " +
      "replaced and never returns over it. All rows or none: any problem refuses them all (BAD_INPUT, extensions.problems). LEADER or ADMIN.",
    args: { year: t.arg.int({ required: true }), rows: t.arg({ type: [TargetInput], required: true }) },
    authScopes: { leader: true },
    resolve: async (_root, args, context) => {
      const rows = args.rows.map((r) => ({ metric: String(r.metric), orgUnit: r.orgUnit === null || r.orgUnit === undefined ? null : String(r.orgUnit), value: r.value, reason: r.reason }))
      const database = databaseOf(context.db)
      const set = await setTargets(database, context.registry, args.year, rows, context.viewer!.login, context.periodRange).catch(asReturnError(context))
      const mismatches = new Map((await splitMismatches(database, context.registry, args.year, set.map((s) => s.metricKey))).map((m) => [m.metricKey, m]))
      const { tree } = await context.orgUnits()
      return set.map((s): SetTargetShape => {
        const metric = context.registry.metrics.get(s.metricKey)!
        // Its id, so the answer's history is the stored target's.
        const record = { metricKey: s.metricKey, orgUnitKey: s.orgUnitKey, start: `${s.year}-01-01`, end: `${s.year}-12-31`, value: s.value, source: 'ENTERED' as const, reason: null, id: s.id }
        const resolved = resolveTarget(metric, [record], s.orgUnitKey ?? tree.root, tree.above(s.orgUnitKey ?? tree.root), yearSpan(s.year), context.asOf)!
        const mismatch = s.orgUnitKey === null ? mismatches.get(s.metricKey) : undefined
        const splitWarning = mismatch
          ? localized({
              'zh-CN': `${mismatch.unitCount}个单位的目标合计${mismatch.units}，与全区目标${mismatch.district}不符`,
              en: `the ${mismatch.unitCount} units' targets add up to ${mismatch.units}, not the district's ${mismatch.district}`,
            }, context.language)
          : null
        return { ...resolved, reason: rows.find((r) => r.metric === s.metricKey)?.reason ?? null, metricKey: s.metricKey, orgUnitKey: s.orgUnitKey, splitWarning }
      })
    },
  }),
)
