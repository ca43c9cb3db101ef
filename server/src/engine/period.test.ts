import { describe, expect, it } from 'vitest'
import { longerThan, PeriodError, previousYear, spanOf, yearFraction } from './period.ts'
import { addDays, dayNumber, shiftYears } from './dates.ts'

describe('spanOf', () => {
  it('reads a year, a half, a quarter, a month and a custom span', () => {
    expect(spanOf({ year: 2023 })).toEqual({ start: '2023-01-01', end: '2023-12-31', label: '2023' })
    expect(spanOf({ year: 2023, half: 1 })).toEqual({ start: '2023-01-01', end: '2023-06-30', label: '2023-H1' })
    expect(spanOf({ year: 2023, half: 2 })).toMatchObject({ start: '2023-07-01', end: '2023-12-31' })
    expect(spanOf({ year: 2024, quarter: 1 })).toEqual({ start: '2024-01-01', end: '2024-03-31', label: '2024-Q1' })
    expect(spanOf({ year: 2024, month: 2 })).toEqual({ start: '2024-02-01', end: '2024-02-29', label: '2024-02' })
    expect(spanOf({ from: '2022-01-01', to: '2023-09-26' })).toEqual({
      start: '2022-01-01', end: '2023-09-26', label: '2022-01-01..2023-09-26',
    })
  })

  it.each([
    [{}, 'give a year'],
    [{ year: 2023, half: 3 }, 'half must be 1 or 2, not 3'],
    [{ year: 2023, quarter: 5 }, 'quarter must be 1 to 4, not 5'],
    [{ year: 2023, month: 13 }, 'month must be 1 to 12, not 13'],
    [{ year: 2023, half: 1, month: 2 }, 'at most one of half, quarter and month'],
    [{ year: 2023, from: '2023-01-01', to: '2023-02-01' }, 'either year'],
    [{ from: '2023-01-01' }, 'from and to go together'],
    [{ from: '2023-02-30', to: '2023-03-01' }, "from '2023-02-30' is not a date"],
    [{ from: '2023-05-01', to: '2023-03-01' }, 'from 2023-05-01 is after to 2023-03-01'],
  ])('rejects %j with a message that says what to fix', (input, message) => {
    expect(() => spanOf(input)).toThrow(PeriodError)
    expect(() => spanOf(input)).toThrow(message)
  })
})

describe('previousYear (same-span year-over-year)', () => {
  it('compares 2023 H1 with 2022 H1 and a year-to-date with the same days', () => {
    expect(previousYear(spanOf({ year: 2023, half: 1 }))).toEqual({ start: '2022-01-01', end: '2022-06-30' })
    expect(previousYear({ start: '2023-01-01', end: '2023-09-26' })).toEqual({ start: '2022-01-01', end: '2022-09-26' })
  })

  it('keeps month ends at month ends across leap years', () => {
    expect(previousYear(spanOf({ year: 2024, month: 2 }))).toEqual({ start: '2023-02-01', end: '2023-02-28' })
    expect(shiftYears('2023-02-28', 1)).toBe('2024-02-29')
    expect(shiftYears('2024-02-28', -1)).toBe('2023-02-28')
  })

  it('counts the years 0 to 99 as themselves, not as 1900 to 1999', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01')
    expect(shiftYears('0004-03-31', -4)).toBe('0000-03-31')
    expect(shiftYears('0004-02-29', 1)).toBe('0005-02-28')
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('0000-01-01')).toBe(-719_528)
  })
})

describe('yearFraction (time-progress)', () => {
  it('is exactly one half by 30 June, by months not days', () => {
    expect(yearFraction(2023, '2023-01-01', '2023-06-30')).toBe(0.5)
    expect(yearFraction(2023, '2023-01-01', '2023-12-31')).toBe(1)
  })

  it('counts a part month by its days', () => {
    expect(yearFraction(2023, '2023-01-01', '2023-09-26')).toBeCloseTo((8 + 26 / 30) / 12, 12)
    expect(yearFraction(2023, '2023-07-01', '2023-09-30')).toBe(0.25)
  })

  it('is zero for a span outside the year', () => {
    expect(yearFraction(2024, '2023-01-01', '2023-12-31')).toBe(0)
  })
})

describe('longerThan', () => {
  it('tells whether a span fits a granularity', () => {
    expect(longerThan({ start: '2023-03-01', end: '2023-03-31' }, 'MONTH')).toBe(false)
    expect(longerThan({ start: '2023-03-01', end: '2023-04-30' }, 'MONTH')).toBe(true)
    expect(longerThan({ start: '2023-04-01', end: '2023-06-30' }, 'QUARTER')).toBe(false)
    expect(longerThan({ start: '2023-02-01', end: '2023-04-30' }, 'QUARTER')).toBe(true)
    expect(longerThan({ start: '2023-01-01', end: '2023-12-31' }, 'YEAR')).toBe(false)
    expect(longerThan({ start: '2022-12-01', end: '2023-01-31' }, 'YEAR')).toBe(true)
  })
})
