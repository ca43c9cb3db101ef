// The largest shortfalls against time-progress, for the landing page: Scorecard.gaps.
import type { Metric, OrgUnit } from '@msp/db'
import { builder } from '../builder.ts'
import type { GapResult } from '../engine/index.ts'
import { userError } from '../errors.ts'
import { Source, Status } from './enums.ts'
import { MetricRef } from './metric.ts'
import { OrgUnitRef } from './org-unit.ts'
import { Scorecard } from './scorecard.ts'

interface GapShape extends GapResult {
  metric: Metric
  orgUnit: OrgUnit
}

const Gap = builder.objectRef<GapShape>('Gap').implement({
  description: 'A scored metric BEHIND target for one org unit: how far short of what time-progress asks by now.',
  fields: (t) => ({
    metric: t.field({ type: MetricRef, resolve: (g) => g.metric }),
    orgUnit: t.field({ type: OrgUnitRef, description: "The scorecard's unit or a unit directly below it.", resolve: (g) => g.orgUnit }),
    actual: t.exposeFloat('actual', { nullable: true, description: 'The value so far, in the metric\'s unit (a rate as a fraction).' }),
    expected: t.exposeFloat('expected', {
      nullable: true,
      description: "What time-progress asks by now: the row's expected, or its target where it has none (a rate, a rank, a stock).",
    }),
    target: t.exposeFloat('target', { nullable: true, description: 'The target for the whole period.' }),
    shortfall: t.exposeFloat('shortfall', {
      description:
        "How far behind, in the metric's unit, always positive: expected − actual when higher is better, actual − expected when " +
        'lower is better (a rank too), the distance either way for an EXACTLY target. Rates in fractions: 0.05 is five points.',
    }),
    share: t.exposeFloat('share', {
      description: 'shortfall / expected as a fraction (0.25: a quarter short). Where nothing is expected (a ceiling of 0), the shortfall itself: 2 incidents read 2.',
    }),
    status: t.field({ type: Status, description: 'BEHIND: only rows BEHIND are gaps.', resolve: (g) => g.status }),
    sources: t.field({ type: [Source], description: 'Sources of every number in the row, so a SAMPLE value can be marked.', resolve: (g) => g.sources }),
  }),
})

export const maxGaps = 100

builder.objectField(Scorecard, 'gaps', (t) =>
  t.field({
    type: [Gap],
    description:
      "The largest shortfalls against time-progress: every scored metric (monitored ones aside) BEHIND target, for the scorecard's " +
      'unit and each unit directly below it, by share descending (then larger shortfall, metric key, org unit key); the first `limit`.',
    args: { limit: t.arg.int({ required: false, defaultValue: 8, description: `How many, 1 to ${maxGaps}.` }) },
    // Scores every unit below (shared with the league when both are asked for).
    complexity: (args) => ({ field: 1000, multiplier: Math.min(Math.max(args.limit ?? 8, 1), maxGaps) }),
    resolve: (s, { limit }) => {
      const n = limit ?? 8
      if (!Number.isInteger(n) || n < 1 || n > maxGaps) throw userError('BAD_INPUT', `limit must be 1 to ${maxGaps}, not ${n}`)
      const { metricByKey, orgUnitByKey } = s.work.unit.lookups
      return s.work.gaps().slice(0, n).map((g) => ({ ...g, metric: metricByKey.get(g.metricKey)!, orgUnit: orgUnitByKey.get(g.orgUnitKey)! }))
    },
  }),
)
