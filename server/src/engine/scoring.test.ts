import { describe, expect, it } from 'vitest'
import { assess, completionOf, type ScoredMetric } from './scoring.ts'
import type { ResolvedTarget } from './targets.ts'

const target = (value: number, progress = 1, expected = value * progress): ResolvedTarget => ({
  value, expected, progress, sources: ['SAMPLE'], reason: null,
})

const inspections: ScoredMetric = { kind: 'FLOW', targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 10 } }

describe('status', () => {
  it('is NO_DATA without an actual and NO_TARGET without a target', () => {
    expect(assess(inspections, null, target(100)).status).toBe('NO_DATA')
    expect(assess(inspections, 5, null)).toEqual({ completion: null, status: 'NO_TARGET', points: null, maxPoints: 10 })
  })

  it('takes a target of 0 as a goal only for a ceiling: "at least 0" earns nothing from nothing', () => {
    expect(assess(inspections, 0, target(0))).toEqual({ completion: null, status: 'NO_TARGET', points: null, maxPoints: 10 })
    const exactly: ScoredMetric = { kind: 'STOCK', targetRule: 'EXACTLY', scoring: { rule: 'ALL_OR_NOTHING', weight: 2 } }
    expect(assess(exactly, 0, target(0)).status).toBe('NO_TARGET')
    const incidents: ScoredMetric = { kind: 'FLOW', targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE', weight: 5 } }
    expect(assess(incidents, 0, target(0))).toEqual({ completion: 1, status: 'MET', points: 5, maxPoints: 5 })
    expect(assess(incidents, 1, target(0))).toMatchObject({ status: 'BEHIND', points: 0 })
  })

  it('higher is better: met at target, behind below it once the period is over', () => {
    expect(assess(inspections, 100, target(100)).status).toBe('MET')
    expect(assess(inspections, 99, target(100)).status).toBe('BEHIND')
  })

  it('judges a count mid-year against time-progress: on track above the expected value', () => {
    expect(assess(inspections, 55, target(100, 0.5)).status).toBe('ON_TRACK')
    expect(assess(inspections, 45, target(100, 0.5)).status).toBe('BEHIND')
    expect(assess(inspections, 120, target(100, 0.5)).status).toBe('MET')
  })

  it('lower is better: a rank within the ceiling is met, above it behind', () => {
    const rank: ScoredMetric = { kind: 'RANK', targetRule: 'AT_MOST', scoring: { rule: 'ALL_OR_NOTHING', weight: 3 } }
    expect(assess(rank, 1, target(3))).toEqual({ completion: 1, status: 'MET', points: 3, maxPoints: 3 })
    expect(assess(rank, 4, target(3))).toEqual({ completion: 0.75, status: 'BEHIND', points: 0, maxPoints: 3 })
  })

  it('zero tolerance: none is met (on track mid-year), a single incident is behind', () => {
    const incidents: ScoredMetric = { kind: 'FLOW', targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE', weight: 5 } }
    expect(assess(incidents, 0, target(0))).toEqual({ completion: 1, status: 'MET', points: 5, maxPoints: 5 })
    expect(assess(incidents, 0, target(0, 0.5)).status).toBe('ON_TRACK')
    expect(assess(incidents, 1, target(0))).toEqual({ completion: 0, status: 'BEHIND', points: 0, maxPoints: 5 })
    expect(assess(incidents, 1, target(0, 0.5)).status).toBe('BEHIND')
  })

  it('exactly: met only at the target', () => {
    const exact: ScoredMetric = { kind: 'STOCK', targetRule: 'EXACTLY' }
    expect(assess(exact, 13, target(13)).status).toBe('MET')
    expect(assess(exact, 12, target(13)).status).toBe('BEHIND')
    expect(completionOf('EXACTLY', 12, 13)).toBeCloseTo(12 / 13, 12)
  })
})

describe('points', () => {
  it('proportional: weight times completion, capped', () => {
    expect(assess(inspections, 80, target(100)).points).toBe(8)
    expect(assess(inspections, 150, target(100)).points).toBe(10)
    const capped: ScoredMetric = { ...inspections, scoring: { rule: 'PROPORTIONAL', weight: 10, cap: 1.2 } }
    expect(assess(capped, 150, target(100)).points).toBe(12)
  })

  it('proportional mid-year: scored against the expected value, not the whole year', () => {
    expect(assess(inspections, 40, target(100, 0.5)).points).toBe(8)
  })

  it('all or nothing', () => {
    const allOrNothing: ScoredMetric = { kind: 'FLOW', targetRule: 'AT_LEAST', scoring: { rule: 'ALL_OR_NOTHING', weight: 4 } }
    expect(assess(allOrNothing, 100, target(100)).points).toBe(4)
    expect(assess(allOrNothing, 99, target(100)).points).toBe(0)
  })

  it('deduction per unit short, never below zero', () => {
    const deduction: ScoredMetric = { kind: 'FLOW', targetRule: 'AT_LEAST', scoring: { rule: 'DEDUCTION', weight: 5, perUnit: 0.5 } }
    expect(assess(deduction, 100, target(100)).points).toBe(5)
    expect(assess(deduction, 97, target(100)).points).toBe(3.5)
    expect(assess(deduction, 10, target(100)).points).toBe(0)
  })

  it('deduction per unit over a ceiling', () => {
    const overCeiling: ScoredMetric = { kind: 'FLOW', targetRule: 'AT_MOST', scoring: { rule: 'DEDUCTION', weight: 5, perUnit: 1 } }
    expect(assess(overCeiling, 2, target(3)).points).toBe(5)
    expect(assess(overCeiling, 5, target(3)).points).toBe(3)
  })

  it('an unscored metric has a status but no points', () => {
    expect(assess({ kind: 'FLOW', targetRule: 'AT_LEAST' }, 50, target(100))).toEqual({
      completion: 0.5, status: 'BEHIND', points: null, maxPoints: null,
    })
  })

  it('a proportional rate is its completion of the target', () => {
    const share: ScoredMetric = { kind: 'RATE', targetRule: 'AT_LEAST', scoring: { rule: 'PROPORTIONAL', weight: 2 } }
    expect(assess(share, 0.63, target(0.7)).points).toBe(1.8)
  })
})
