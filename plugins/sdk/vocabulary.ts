// Every word the platform has for what a metric is and what became of it, declared once. The
// types, the validator, the GraphQL enums and the engine all derive from these arrays.

/** How a metric's figures combine over org units and over time. */
export const metricKinds = ['FLOW', 'STOCK', 'RATE', 'RANK'] as const
export type MetricKind = (typeof metricKinds)[number]
export const metricKindMeaning: Record<MetricKind, string> = {
  FLOW: 'Summed over org units and over time: inspections, cases, person-times.',
  STOCK: 'Summed over org units; over time the latest value counts: canteens, valid trademarks.',
  RATE: 'A ratio: of the summed numerator and denominator, or as reported where it was reported.',
  RANK: 'A position in a ranking; never aggregated.',
}

export const directions = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const
export type Direction = (typeof directions)[number]

/** How actual is compared with target. ZERO_TOLERANCE: the target is a ceiling, usually 0. */
export const targetRules = ['AT_LEAST', 'AT_MOST', 'EXACTLY', 'ZERO_TOLERANCE'] as const
export type TargetRule = (typeof targetRules)[number]

/** How actual against target turns into points. */
export const scoringRules = ['PROPORTIONAL', 'ALL_OR_NOTHING', 'DEDUCTION', 'ZERO_TOLERANCE'] as const
export type ScoringRule = (typeof scoringRules)[number]

/** The longest span a single STOCK figure may cover (a stock is a snapshot at its end). */
export const granularities = ['MONTH', 'QUARTER', 'HALF', 'YEAR'] as const
export type Granularity = (typeof granularities)[number]

/** Where a number came from. SAMPLE numbers are invented for demonstration. */
export const sources = ['REPORT', 'ENTERED', 'IMPORTED', 'SAMPLE'] as const
export type Source = (typeof sources)[number]

/** What became of a metric against its target in a period. */
export const statuses = ['MET', 'ON_TRACK', 'BEHIND', 'NO_TARGET', 'NO_DATA'] as const
export type Status = (typeof statuses)[number]
export const statusMeaning: Record<Status, string> = {
  MET: 'The target is reached.',
  ON_TRACK: 'Not yet reached, but at or ahead of time-progress (序时进度).',
  BEHIND: 'Short of time-progress, or of a ceiling or fixed target.',
  NO_TARGET: 'Figures but no target for the period: shown, not scored.',
  NO_DATA: 'No figure in the period: nothing is scored.',
}

/** Whether a change is for the better, by the metric's direction (a rank: lower is better). */
export const trends = ['BETTER', 'WORSE', 'SAME'] as const
export type Trend = (typeof trends)[number]
export const trendMeaning: Record<Trend, string> = {
  BETTER: "Better than the same span a year earlier, by the metric's direction (a lower rank number is better).",
  WORSE: "Worse than the same span a year earlier, by the metric's direction (a higher rank number is worse).",
  SAME: 'No change from the same span a year earlier.',
}

/** Where the report gives a bound rather than an exact count: 逾/余/万余 (AT_LEAST), 近 (ABOUT). */
export const qualifiers = ['AT_LEAST', 'ABOUT'] as const
export type Qualifier = (typeof qualifiers)[number]

/** The kinds of org unit: a bureau (the root, and a district's under a city's), its offices, its grassroots stations. */
export const orgUnitKinds = ['BUREAU', 'OFFICE', 'STATION'] as const
export type OrgUnitKind = (typeof orgUnitKinds)[number]

/** Which units measure a metric: the grassroots stations or the offices. */
export const enteringUnitKinds = ['STATION', 'OFFICE'] as const satisfies readonly OrgUnitKind[]
export type EnteringUnitKind = (typeof enteringUnitKinds)[number]

/** Whether a value is one of a vocabulary's words; narrows it when it is. */
export function isOneOf<const T extends string>(words: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (words as readonly string[]).includes(value)
}
