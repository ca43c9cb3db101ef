import type { LocalizedName, MetricDefinition } from './types.ts'
import type { UnitKey } from './units.ts'

/**
 * A count where more is better, the commonest metric in the report: inspections, cases,
 * person-times. Options add or override anything else.
 */
export function countMetric(key: string, name: LocalizedName, unit: UnitKey, options: Partial<MetricDefinition> = {}): MetricDefinition {
  return { key, name, unit, kind: 'FLOW', direction: 'HIGHER_IS_BETTER', ...options }
}

/** A rate the report states only as a percentage, where higher is better. */
export function reportedRate(key: string, name: LocalizedName, options: Partial<MetricDefinition> = {}): MetricDefinition {
  return { key, name, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', ...options }
}
