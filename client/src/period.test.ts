import { describe, expect, it } from 'vitest'
import { modeOf, periodFromParams, periodToParams, seriesSpans, yearOf } from './period.ts'

describe('period in the URL', () => {
  it('reads a year, a half, a custom span, and defaults to the year to date of the last data', () => {
    expect(periodFromParams(new URLSearchParams('year=2023'), '2024-06-30')).toEqual({ year: 2023 })
    expect(periodFromParams(new URLSearchParams('year=2023&half=1&org=x'), '2024-06-30')).toEqual({ year: 2023, half: 1 })
    expect(periodFromParams(new URLSearchParams('from=2022-01-01&to=2023-09-26'), '2024-06-30')).toEqual({ from: '2022-01-01', to: '2023-09-26' })
    expect(periodFromParams(new URLSearchParams(''), '2024-06-30')).toEqual({ from: '2024-01-01', to: '2024-06-30' })
  })

  it('writes a period over the old one and keeps the other parameters', () => {
    const params = periodToParams({ year: 2022, quarter: 3 }, new URLSearchParams('from=2022-01-01&to=2023-09-26&org=station-nanhu'))
    expect(params.toString()).toBe('org=station-nanhu&year=2022&quarter=3')
  })

  it('tells a year-to-date from a custom span', () => {
    expect(modeOf({ from: '2023-01-01', to: '2023-06-30' })).toBe('AS_OF')
    expect(modeOf({ from: '2022-01-01', to: '2023-09-26' })).toBe('CUSTOM')
    expect(modeOf({ year: 2023, month: 6 })).toBe('MONTH')
    expect(yearOf({ from: '2022-01-01', to: '2023-09-26' })).toBe(2023)
  })

  it('asks the charts for years that end with the period, even one before the sample data', () => {
    expect(seriesSpans(2024)).toMatchObject({ yearsFrom: '2021-01-01', to: '2024-12-31', lastYear: '2023-01-01' })
    expect(seriesSpans(2019)).toMatchObject({ yearsFrom: '2019-01-01', to: '2019-12-31' })
  })
})
