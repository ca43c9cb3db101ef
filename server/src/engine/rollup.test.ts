import type { Status } from '@msp/plugin-sdk'
import { describe, expect, it } from 'vitest'
import { areaStatus, combinedStatus, coveredSpan, dataThrough, scoreOn100, scorecardStatus, trendOf } from './rollup.ts'

const row = (status: Status, scored = true) => ({ status, maxPoints: scored ? 5 : null })

describe('combinedStatus', () => {
  it('reads NO_DATA with nothing to judge, NO_TARGET with data but no target', () => {
    expect(combinedStatus([])).toBe('NO_DATA')
    expect(combinedStatus(['NO_DATA', 'NO_DATA'])).toBe('NO_DATA')
    expect(combinedStatus(['NO_DATA', 'NO_TARGET'])).toBe('NO_TARGET')
  })

  it('is BEHIND when any is behind, however many are met or on track', () => {
    expect(combinedStatus(['MET', 'MET', 'MET', 'BEHIND'])).toBe('BEHIND')
    expect(combinedStatus(['ON_TRACK', 'BEHIND', 'NO_TARGET'])).toBe('BEHIND')
  })

  it('is MET only when every judged one is met; ON_TRACK otherwise', () => {
    expect(combinedStatus(['MET', 'MET', 'NO_TARGET', 'NO_DATA'])).toBe('MET')
    expect(combinedStatus(['MET', 'ON_TRACK', 'NO_TARGET'])).toBe('ON_TRACK')
  })

  it('never reads ON_TRACK or MET while one of them is BEHIND (every combination of three)', () => {
    const all: Status[] = ['MET', 'ON_TRACK', 'BEHIND', 'NO_TARGET', 'NO_DATA']
    for (const a of all) for (const b of all) for (const c of all) {
      const combined = combinedStatus([a, b, c])
      if ([a, b, c].includes('BEHIND')) expect(combined).toBe('BEHIND')
      else expect(combined).not.toBe('BEHIND')
    }
  })
})

describe('areaStatus', () => {
  it('judges an area on its scored rows only', () => {
    expect(areaStatus([row('MET'), row('BEHIND', false)])).toBe('MET')
    expect(areaStatus([row('MET'), row('BEHIND')])).toBe('BEHIND')
  })

  it('reads NO_TARGET for a scored area with figures but no target in the period', () => {
    expect(areaStatus([row('NO_TARGET'), row('NO_DATA'), row('MET', false)])).toBe('NO_TARGET')
  })

  it('judges an area without a scored metric on all its rows', () => {
    expect(areaStatus([row('NO_TARGET', false), row('BEHIND', false)])).toBe('BEHIND')
    expect(areaStatus([])).toBe('NO_DATA')
  })
})

describe('scorecardStatus', () => {
  it('combines the scored areas; a monitored area does not count', () => {
    const area = (status: Status, scored = true) => ({ status, rows: [row(status, scored)] })
    expect(scorecardStatus([area('MET'), area('ON_TRACK'), area('BEHIND', false)])).toBe('ON_TRACK')
    expect(scorecardStatus([area('MET'), area('BEHIND')])).toBe('BEHIND')
    expect(scorecardStatus([area('NO_TARGET', false)])).toBe('NO_TARGET')
  })
})

describe('trendOf', () => {
  it('follows the direction: a rise is better when higher is better, a fall when lower is', () => {
    expect(trendOf(5, 'FLOW', 'HIGHER_IS_BETTER')).toBe('BETTER')
    expect(trendOf(-5, 'FLOW', 'HIGHER_IS_BETTER')).toBe('WORSE')
    expect(trendOf(-5, 'FLOW', 'LOWER_IS_BETTER')).toBe('BETTER')
    expect(trendOf(0.02, 'RATE', 'LOWER_IS_BETTER')).toBe('WORSE')
    expect(trendOf(3, 'FLOW')).toBe('BETTER')
  })

  it('reads a rank number that grew as worse, whatever the direction says', () => {
    expect(trendOf(2, 'RANK', 'HIGHER_IS_BETTER')).toBe('WORSE')
    expect(trendOf(-1, 'RANK', 'HIGHER_IS_BETTER')).toBe('BETTER')
    expect(trendOf(2, 'RANK', 'LOWER_IS_BETTER')).toBe('WORSE')
  })

  it('is SAME without a change and null without a comparison', () => {
    expect(trendOf(0, 'FLOW')).toBe('SAME')
    expect(trendOf(null, 'FLOW')).toBeNull()
  })
})

describe('dataThrough', () => {
  const year = { start: '2024-01-01', end: '2024-12-31' }

  it('is the last day with figures when the span runs past it', () => {
    expect(dataThrough(year, '2024-06-30', '2026-11-27')).toBe('2024-06-30')
    expect(coveredSpan(year, '2024-06-30')).toEqual({ start: '2024-01-01', end: '2024-06-30' })
  })

  it('stops at today for a period still running', () => {
    expect(dataThrough(year, '2024-12-31', '2024-09-15')).toBe('2024-09-15')
    expect(dataThrough(year, '2024-06-30', '2024-03-10')).toBe('2024-03-10')
  })

  it('is null when the span is covered to its end, or has no figures at all', () => {
    expect(dataThrough({ start: '2023-01-01', end: '2023-12-31' }, '2024-06-30', '2026-11-27')).toBeNull()
    expect(dataThrough(year, '2024-12-31', '2026-11-27')).toBeNull()
    expect(dataThrough({ start: '2025-01-01', end: '2025-12-31' }, '2024-06-30', '2026-11-27')).toBeNull()
    expect(dataThrough(year, null, '2026-11-27')).toBeNull()
    expect(coveredSpan(year, null)).toEqual(year)
  })
})

describe('scoreOn100', () => {
  it('scales points earned of the points at stake to 100', () => {
    expect(scoreOn100(47, 94)).toBe(50)
    expect(scoreOn100(11.57, 15)).toBe(77.13)
    expect(scoreOn100(5, 5)).toBe(100)
    expect(scoreOn100(null, 10)).toBeNull()
    expect(scoreOn100(0, null)).toBeNull()
  })
})
