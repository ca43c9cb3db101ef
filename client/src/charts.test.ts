import { describe, expect, it } from 'vitest'
import { monthChartOption, yearChartOption } from './charts.ts'

const metric = { unit: '人次', kind: 'FLOW' } as const

describe('chart options', () => {
  it('draws actual as bars and target as a line, one per year', () => {
    const option = yearChartOption(
      [{ period: '2022', actual: 1500, target: null }, { period: '2023', actual: 2100, target: 2000 }],
      metric, 'zh-CN', { actual: '实际', target: '目标' },
    ) as { xAxis: { data: string[] }; series: { type: string; data: (number | null)[] }[] }
    expect(option.xAxis.data).toEqual(['2022', '2023'])
    expect(option.series.map((s) => [s.type, s.data])).toEqual([['bar', [1500, 2100]], ['line', [null, 2000]]])
  })

  it('lines up this year and last year by calendar month, leaving months without data empty', () => {
    const option = monthChartOption(
      [{ period: '2024-01', actual: 10 }, { period: '2024-02', actual: 12 }],
      [{ period: '2023-01', actual: 8 }, { period: '2023-12', actual: 30 }],
      metric, 'zh-CN', { thisYear: '2024年', lastYear: '2023年' },
    ) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] }
    expect(option.xAxis.data[0]).toBe('1月')
    expect(option.series[0]!.data.slice(0, 3)).toEqual([10, 12, null])
    expect(option.series[1]!.data[0]).toBe(8)
    expect(option.series[1]!.data[11]).toBe(30)
  })
})
