import type { LocalizedName, MetricDefinition } from './types.ts'
import type { UnitKey } from './units.ts'

/**
 * A count where more is better, the commonest metric in the report: inspections, cases,
 * person-times. Options add or override anything else.
 */
export function countMetric<const K extends string, const R extends string = never>(
  key: K, name: LocalizedName, unit: UnitKey, options: Partial<Omit<MetricDefinition<K, R>, 'key'>> = {},
): MetricDefinition<K, R> {
  return { key, name, unit, kind: 'FLOW', direction: 'HIGHER_IS_BETTER', ...options }
}

/** A rate the report states only as a percentage, where higher is better. */
export function reportedRate<const K extends string, const R extends string = never>(
  key: K, name: LocalizedName, options: Partial<Omit<MetricDefinition<K, R>, 'key'>> = {},
): MetricDefinition<K, R> {
  return { key, name, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', ...options }
}
