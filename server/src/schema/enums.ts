import { builder } from '../builder.ts'

export const MetricKind = builder.enumType('MetricKind', {
  description: 'How figures combine: FLOW sums, STOCK takes the latest over time, RATE is a ratio, RANK never aggregates.',
  values: ['FLOW', 'STOCK', 'RATE', 'RANK'] as const,
})

export const Direction = builder.enumType('Direction', {
  values: ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const,
})

export const TargetRule = builder.enumType('TargetRule', {
  description: 'How actual is compared with target. ZERO_TOLERANCE: the target is a ceiling, usually 0.',
  values: ['AT_LEAST', 'AT_MOST', 'EXACTLY', 'ZERO_TOLERANCE'] as const,
})

export const ScoringRule = builder.enumType('ScoringRule', {
  values: ['PROPORTIONAL', 'ALL_OR_NOTHING', 'DEDUCTION', 'ZERO_TOLERANCE'] as const,
})

export const Source = builder.enumType('Source', {
  description: 'Where a number came from. SAMPLE numbers are invented for demonstration: the report does not state them.',
  values: ['REPORT', 'ENTERED', 'IMPORTED', 'SAMPLE'] as const,
})

export const Status = builder.enumType('Status', {
  description: 'MET: target reached. ON_TRACK: not yet, but ahead of time-progress. BEHIND: short of it.',
  values: ['MET', 'ON_TRACK', 'BEHIND', 'NO_TARGET', 'NO_DATA'] as const,
})

export const Qualifier = builder.enumType('Qualifier', {
  description: 'AT_LEAST where the report gives a bound (逾, 余, 万余); ABOUT where it says 近.',
  values: ['AT_LEAST', 'ABOUT'] as const,
})

export type SourceValue = 'REPORT' | 'ENTERED' | 'IMPORTED' | 'SAMPLE'
