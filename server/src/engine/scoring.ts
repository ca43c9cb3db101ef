// Actual against target: completion, status and points. One comparison serves all three,
// so a status colour and the points it earns never disagree.
import type { MetricKind, Scoring, Status, TargetRule } from '@msp/plugin-sdk'
import type { ResolvedTarget } from './targets.ts'

export interface ScoredMetric {
  kind: MetricKind
  targetRule: TargetRule
  scoring?: Scoring | null
}

export interface Assessment {
  /** Actual against the whole target: 1 is complete. Null without a target or data. */
  completion: number | null
  status: Status
  points: number | null
  maxPoints: number | null
}

const epsilon = 1e-9

/** How far actual meets a goal: >= 1 means met. For ceilings, 1 while within it. */
export function completionOf(rule: TargetRule, actual: number, goal: number): number {
  switch (rule) {
    case 'AT_LEAST':
      return goal > 0 ? actual / goal : 1
    case 'AT_MOST':
    case 'ZERO_TOLERANCE':
      return actual <= goal + epsilon ? 1 : goal > 0 ? goal / actual : 0
    case 'EXACTLY':
      return goal === 0 ? (Math.abs(actual) < epsilon ? 1 : 0) : Math.max(0, 1 - Math.abs(actual - goal) / goal)
  }
}

/**
 * A target that sets a goal. Zero is a goal only as a ceiling (AT_MOST, ZERO_TOLERANCE): "at
 * least 0" or "exactly 0" of a count is met by doing nothing, so it earns nothing either.
 */
export function effectiveTarget(rule: TargetRule, target: ResolvedTarget | null): ResolvedTarget | null {
  if (!target) return null
  return target.value === 0 && (rule === 'AT_LEAST' || rule === 'EXACTLY') ? null : target
}

export function statusOf(metric: ScoredMetric, actual: number | null, given: ResolvedTarget | null): Status {
  if (actual === null) return 'NO_DATA'
  const target = effectiveTarget(metric.targetRule, given)
  if (!target) return 'NO_TARGET'
  const met = completionOf(metric.targetRule, actual, target.value) >= 1 - epsilon
  // A count still accumulating (a FLOW before its period ends) is judged against time-progress.
  const accumulating = metric.kind === 'FLOW' && target.progress < 1
  if (!accumulating) return met ? 'MET' : 'BEHIND'
  switch (metric.targetRule) {
    case 'AT_LEAST':
      return met ? 'MET' : actual >= target.expected - epsilon ? 'ON_TRACK' : 'BEHIND'
    case 'AT_MOST':
    case 'ZERO_TOLERANCE':
    case 'EXACTLY':
      // Within the ceiling so far; it can still be breached before the period ends.
      return actual <= target.value + epsilon ? 'ON_TRACK' : 'BEHIND'
  }
}

/** Points by the metric's rule. Mid-period, counts are scored against time-progress. */
export function pointsOf(metric: ScoredMetric, actual: number, target: ResolvedTarget, status: Status): number {
  const scoring = metric.scoring!
  const goal = metric.kind === 'FLOW' && target.progress < 1 && metric.targetRule === 'AT_LEAST' ? target.expected : target.value
  let points: number
  switch (scoring.rule) {
    case 'PROPORTIONAL':
      points = scoring.weight * Math.min(scoring.cap ?? 1, completionOf(metric.targetRule, actual, goal))
      break
    case 'ALL_OR_NOTHING':
      points = status === 'MET' || status === 'ON_TRACK' ? scoring.weight : 0
      break
    case 'DEDUCTION': {
      const short = metric.targetRule === 'AT_LEAST' ? goal - actual : metric.targetRule === 'EXACTLY' ? Math.abs(actual - goal) : actual - goal
      points = Math.max(0, scoring.weight - scoring.perUnit * Math.max(0, short))
      break
    }
    case 'ZERO_TOLERANCE':
      points = actual <= target.value + epsilon ? scoring.weight : 0
      break
  }
  return Math.round(points * 100) / 100
}

export function assess(metric: ScoredMetric, actual: number | null, given: ResolvedTarget | null): Assessment {
  const target = effectiveTarget(metric.targetRule, given)
  const status = statusOf(metric, actual, target)
  const maxPoints = metric.scoring ? metric.scoring.weight : null
  if (actual === null || !target) return { completion: null, status, points: null, maxPoints }
  return {
    completion: completionOf(metric.targetRule, actual, target.value),
    status,
    points: metric.scoring ? pointsOf(metric, actual, target, status) : null,
    maxPoints,
  }
}
