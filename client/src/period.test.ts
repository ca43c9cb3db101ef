import { describe, expect, it } from 'vitest'
import { modeOf, periodFromParams, periodToParams, seriesSpans, yearOf } from './period.ts'
import { spanLabel } from './period-label.ts'

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
describe("spanLabel", () => {
  it('writes years, quarters, months and runs of months the Chinese way', () => {
    expect(spanLabel('2023-01-01', '2023-12-31', 'zh-CN')).toBe('2023年')
    expect(spanLabel('2024-01-01', '2024-06-30', 'zh-CN')).toBe('2024年1—6月')
    expect(spanLabel('2023-03-01', '2023-03-31', 'zh-CN')).toBe('2023年3月')
    expect(spanLabel('2024-02-01', '2024-02-29', 'zh-CN')).toBe('2024年2月')
    expect(spanLabel('2023-01-01', '2023-03-31', 'zh-CN')).toBe('2023年第一季度')
    expect(spanLabel('2023-10-01', '2023-12-31', 'zh-CN')).toBe('2023年第四季度')
    expect(spanLabel('2023-02-01', '2023-04-30', 'zh-CN')).toBe('2023年2—4月')
    expect(spanLabel('2023-11-01', '2024-02-29', 'zh-CN')).toBe('2023年11月—2024年2月')
  })

  it('writes arbitrary days with the year once when it does not change', () => {
    expect(spanLabel('2022-01-01', '2023-09-26', 'zh-CN')).toBe('2022年1月1日—2023年9月26日')
    expect(spanLabel('2024-01-01', '2024-09-15', 'zh-CN')).toBe('2024年1月1日—9月15日')
    expect(spanLabel('2024-06-30', '2024-06-30', 'zh-CN')).toBe('2024年6月30日')
  })

  it('writes the same spans in English', () => {
    expect(spanLabel('2023-01-01', '2023-12-31', 'en')).toBe('2023')
    expect(spanLabel('2024-01-01', '2024-06-30', 'en')).toBe('Jan–Jun 2024')
    expect(spanLabel('2023-03-01', '2023-03-31', 'en')).toBe('Mar 2023')
    expect(spanLabel('2023-01-01', '2023-03-31', 'en')).toBe('Q1 2023')
    expect(spanLabel('2022-01-01', '2023-09-26', 'en')).toBe('1 Jan 2022 – 26 Sep 2023')
    expect(spanLabel('2024-01-01', '2024-09-15', 'en')).toBe('1 Jan – 15 Sep 2024')
    expect(spanLabel('2023-11-01', '2024-02-29', 'en')).toBe('Nov 2023 – Feb 2024')
  })
})
