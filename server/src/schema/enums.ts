// The GraphQL enums, each built from the SDK's array of its words: adding a word there adds
// it here, to the engine and to the validator at once. Names and values are the API's: fixed.
import {
  directions, metricKindMeaning, metricKinds, qualifiers, scoringRules, sources, statuses, statusMeaning, targetRules, trendMeaning, trends,
} from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { seriesGranularities } from '../engine/index.ts'

/** An enum's values, each described by what the word means. */
function described<const T extends string>(words: readonly T[], meaning: Record<T, string>) {
  // Object.fromEntries types its keys as string; they are exactly `words`.
  return Object.fromEntries(words.map((word) => [word, { description: meaning[word] }])) as Record<T, { description: string }>
}

/** Words as a sentence lists them: 'BUREAU, OFFICE or STATION'. */
export function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
}

export const MetricKind = builder.enumType('MetricKind', {
  description: "How a metric's figures combine over org units and over time.",
  values: described(metricKinds, metricKindMeaning),
})

export const Direction = builder.enumType('Direction', { values: directions })

export const TargetRule = builder.enumType('TargetRule', {
  description: 'How actual is compared with target. ZERO_TOLERANCE: the target is a ceiling, usually 0.',
  values: targetRules,
})

export const ScoringRule = builder.enumType('ScoringRule', { values: scoringRules })

export const Source = builder.enumType('Source', {
  description: 'Where a number came from. SAMPLE numbers are invented for demonstration: the report does not state them.',
  values: sources,
})

export const Status = builder.enumType('Status', {
  description: 'What became of a metric against its target in a period.',
  values: described(statuses, statusMeaning),
})

export const Trend = builder.enumType('Trend', {
  description: "Whether a change is for the better, by the metric's direction; a rank is better the lower its number.",
  values: described(trends, trendMeaning),
})

export const Qualifier = builder.enumType('Qualifier', {
  description: 'AT_LEAST where the report gives a bound (逾, 余, 万余); ABOUT where it says 近.',
  values: qualifiers,
})

export const SeriesGranularity = builder.enumType('SeriesGranularity', { values: seriesGranularities })
