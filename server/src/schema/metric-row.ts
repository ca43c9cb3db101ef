import type { Metric } from '@msp/db'
import { builder } from '../builder.ts'
import type { MetricRowResult } from '../engine/index.ts'
import { Source, Status, Trend } from './enums.ts'
import { MetricRef } from './metric.ts'

export interface MetricRowShape extends MetricRowResult {
  metric: Metric
}

/** A metric's numbers for one unit and span: shared by the scorecard and the station breakdown. */
export const MetricResult = builder.interfaceRef<MetricRowResult>('MetricResult').implement({
  description: 'A metric for one org unit and span. Rates are fractions; money is in yuan.',
  fields: (t) => ({
    actual: t.exposeFloat('actual', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true }),
    completion: t.exposeFloat('completion', { nullable: true, description: 'Actual against the whole target; 1 is complete.' }),
    expected: t.exposeFloat('expected', { nullable: true, description: 'Target by time-progress (序时进度) at the end of the span, today, or the last day with figures (dataThrough) when the period is partial, whichever is earliest.' }),
    previous: t.exposeFloat('previous', { nullable: true, description: 'The same span a year earlier; for a partial span (see Scorecard.dataThrough), the span figures cover, a year earlier. A RANK: the latest position in the whole span a year earlier.' }),
    yoyChange: t.exposeFloat('yoyChange', {
      nullable: true,
      description: 'Actual less previous. For a RANK, in places: +2 is two places down (1st to 3rd).',
    }),
    yoyRate: t.exposeFloat('yoyRate', { nullable: true, description: 'Null when last year is missing or zero, and for a RANK (its change is in places).' }),
    trend: t.field({
      type: Trend,
      nullable: true,
      description: "Whether yoyChange is for the better, by the metric's direction (a rank: lower is better); null without a change.",
      resolve: (row) => row.trend,
    }),
    status: t.field({ type: Status, resolve: (row) => row.status }),
    points: t.exposeFloat('points', { nullable: true }),
    maxPoints: t.exposeFloat('maxPoints', { nullable: true }),
    sources: t.field({ type: [Source], description: 'Sources of every number in the row.', resolve: (row) => row.sources }),
    actualSources: t.field({ type: [Source], resolve: (row) => row.actualSources }),
    previousSources: t.field({ type: [Source], resolve: (row) => row.previousSources }),
    targetSources: t.field({ type: [Source], resolve: (row) => row.targetSources }),
    targetReason: t.exposeString('targetReason', { nullable: true }),
  }),
})

export const MetricRow = builder.objectRef<MetricRowShape>('MetricRow').implement({
  description: 'One metric on the scorecard.',
  interfaces: [MetricResult],
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'metric' in value,
  fields: (t) => ({
    metric: t.field({ type: MetricRef, resolve: (row) => row.metric }),
  }),
})
