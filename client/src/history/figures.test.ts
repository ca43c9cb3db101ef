import { describe, expect, it } from 'vitest'
import { unitsBelow, within } from './figures.ts'

const figure = (unit: string, name: string, start: string, end: string, source: 'REPORT' | 'ENTERED' | 'IMPORTED' | 'SAMPLE' = 'SAMPLE') =>
  ({ periodStart: start, periodEnd: end, source, orgUnit: { key: unit, name } })

describe('the drawer’s figures', () => {
  it('counts a figure for a period only when its whole span lies within it', () => {
    expect(within(figure('a', 'A', '2023-03-01', '2023-03-31'), '2023-01-01', '2023-09-26')).toBe(true)
    expect(within(figure('a', 'A', '2023-01-01', '2023-09-26'), '2023-01-01', '2023-09-26')).toBe(true)
    expect(within(figure('a', 'A', '2022-01-01', '2023-09-26'), '2023-01-01', '2023-09-26')).toBe(false)
    expect(within(figure('a', 'A', '2023-09-01', '2023-09-30'), '2023-01-01', '2023-09-26')).toBe(false)
  })

  it('reads the figures below a unit as a line a unit: how many, from when to when, which sources, by name; the unit itself left out', () => {
    const lines = unitsBelow(
      [
        figure('wuchang', '武昌区', '2023-01-01', '2023-09-26', 'REPORT'),
        figure('station-b', '白沙洲所', '2023-02-01', '2023-02-28'),
        figure('station-n', '南湖所', '2023-01-01', '2023-01-31'),
        figure('station-b', '白沙洲所', '2023-01-01', '2023-01-31', 'ENTERED'),
        figure('station-n', '南湖所', '2023-03-01', '2023-03-31', 'IMPORTED'),
      ],
      'wuchang',
      'zh-CN',
    )
    expect(lines).toEqual([
      { key: 'station-b', name: '白沙洲所', count: 2, first: '2023-01-01', last: '2023-02-28', sources: ['ENTERED', 'SAMPLE'] },
      { key: 'station-n', name: '南湖所', count: 2, first: '2023-01-01', last: '2023-03-31', sources: ['IMPORTED', 'SAMPLE'] },
    ])
    expect(unitsBelow([figure('station-n', '南湖所', '2023-01-01', '2023-01-31')], 'station-n', 'zh-CN')).toEqual([])
  })
})
