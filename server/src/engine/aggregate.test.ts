import { describe, expect, it } from 'vitest'
import { aggregate, aggregateBelow, FigureIndex, sumExact, type FigureRecord, type MetricSpec } from './aggregate.ts'
import { OrgTree } from './org-tree.ts'

const tree = new OrgTree([
  { key: 'district', parentKey: null },
  { key: 'north', parentKey: 'district' },
  { key: 'south', parentKey: 'district' },
])

const metrics: MetricSpec[] = [
  { key: 'checked', kind: 'FLOW', decimals: 0 },
  { key: 'persuaded', kind: 'FLOW', decimals: 0 },
  { key: 'persuaded-share', kind: 'RATE', decimals: 4, numerator: 'persuaded', denominator: 'checked' },
  { key: 'canteens', kind: 'STOCK', decimals: 0 },
  { key: 'satisfaction', kind: 'RATE', decimals: 4 },
  { key: 'rank', kind: 'RANK', decimals: 0 },
  { key: 'fines', kind: 'FLOW', decimals: 2 },
]

function figure(metricKey: string, orgUnitKey: string, start: string, end: string, value: number, source: FigureRecord['source'] = 'SAMPLE'): FigureRecord {
  return { metricKey, orgUnitKey, start, end, value, source }
}

function context(figures: FigureRecord[]) {
  return { metrics: new Map(metrics.map((m) => [m.key, m])), figures: new FigureIndex(figures), tree }
}

const year2023 = { start: '2023-01-01', end: '2023-12-31' }

describe('FLOW', () => {
  const ctx = context([
    figure('checked', 'north', '2023-01-01', '2023-01-31', 10),
    figure('checked', 'north', '2023-02-01', '2023-02-28', 20),
    figure('checked', 'south', '2023-01-01', '2023-01-31', 5),
    figure('checked', 'south', '2022-12-01', '2023-01-31', 99),
  ])

  it('sums over units and over time', () => {
    expect(aggregate(ctx, 'checked', 'north', year2023)).toEqual({ value: 30, sources: ['SAMPLE'] })
    expect(aggregate(ctx, 'checked', 'district', year2023).value).toBe(35)
    expect(aggregate(ctx, 'checked', 'district', { start: '2023-01-01', end: '2023-01-31' }).value).toBe(15)
  })

  it('never splits a figure whose span runs outside the period', () => {
    // The 99 spans December 2022 to January 2023: it is in neither year, not pro-rated.
    expect(aggregate(ctx, 'checked', 'south', year2023).value).toBe(5)
    expect(aggregate(ctx, 'checked', 'south', { start: '2022-12-01', end: '2023-01-31' }).value).toBe(99)
  })

  it('takes a total stored at the district for exactly the span, and computes other spans from stations', () => {
    const withReport = context([
      figure('checked', 'north', '2023-01-01', '2023-01-31', 10),
      figure('checked', 'south', '2023-01-01', '2023-01-31', 5),
      figure('checked', 'district', '2023-01-01', '2023-01-31', 15, 'REPORT'),
    ])
    expect(aggregate(withReport, 'checked', 'district', { start: '2023-01-01', end: '2023-01-31' })).toEqual({ value: 15, sources: ['REPORT'] })
    expect(aggregate(withReport, 'checked', 'district', year2023)).toEqual({ value: 15, sources: ['SAMPLE'] })
  })

  it('is null with no figures, and zero when zero was entered', () => {
    expect(aggregate(ctx, 'persuaded', 'district', year2023).value).toBeNull()
    const zero = context([figure('persuaded', 'north', '2023-01-01', '2023-01-31', 0)])
    expect(aggregate(zero, 'persuaded', 'district', year2023).value).toBe(0)
  })

  it('sums money exactly', () => {
    const money = context([
      figure('fines', 'north', '2023-01-01', '2023-01-31', 0.1),
      figure('fines', 'south', '2023-01-01', '2023-01-31', 0.2),
      figure('fines', 'south', '2023-02-01', '2023-02-28', 3112499.7),
    ])
    expect(aggregate(money, 'fines', 'district', year2023).value).toBe(3112500)
    expect(sumExact([0.1, 0.2], 2)).toBe(0.3)
  })
})

describe('STOCK', () => {
  const ctx = context([
    figure('canteens', 'north', '2023-01-01', '2023-01-31', 100),
    figure('canteens', 'north', '2023-02-01', '2023-02-28', 110),
    figure('canteens', 'south', '2023-01-01', '2023-01-31', 50),
    figure('canteens', 'south', '2023-02-01', '2023-02-28', 58),
  ])

  it('takes the latest value over time and sums over units, never a sum over time', () => {
    expect(aggregate(ctx, 'canteens', 'north', year2023).value).toBe(110)
    expect(aggregate(ctx, 'canteens', 'district', year2023).value).toBe(168)
    expect(aggregate(ctx, 'canteens', 'district', { start: '2023-01-01', end: '2023-01-31' }).value).toBe(150)
  })

  it('lets a later snapshot stored at the district stand for it', () => {
    const withReport = context([
      ...[100, 110].map((v, i) => figure('canteens', 'north', `2023-0${i + 1}-01`, `2023-0${i + 1}-28`, v)),
      figure('canteens', 'district', '2023-03-15', '2023-03-15', 170, 'REPORT'),
    ])
    expect(aggregate(withReport, 'canteens', 'district', year2023)).toEqual({ value: 170, sources: ['REPORT'] })
    expect(aggregate(withReport, 'canteens', 'district', { start: '2023-01-01', end: '2023-02-28' }).value).toBe(110)
  })
})

describe('RATE', () => {
  it('is the ratio of the sums, never the mean of the rates', () => {
    const ctx = context([
      figure('checked', 'north', '2023-01-01', '2023-01-31', 1000),
      figure('persuaded', 'north', '2023-01-01', '2023-01-31', 900),
      figure('checked', 'south', '2023-01-01', '2023-01-31', 10),
      figure('persuaded', 'south', '2023-01-01', '2023-01-31', 1),
    ])
    expect(aggregate(ctx, 'persuaded-share', 'north', year2023).value).toBe(0.9)
    expect(aggregate(ctx, 'persuaded-share', 'south', year2023).value).toBe(0.1)
    // The mean of 90% and 10% would be 50%; 901 of 1010 were persuaded.
    expect(aggregate(ctx, 'persuaded-share', 'district', year2023).value).toBeCloseTo(901 / 1010, 12)
  })

  it('is null when the denominator is zero or missing', () => {
    const ctx = context([figure('checked', 'north', '2023-01-01', '2023-01-31', 0), figure('persuaded', 'north', '2023-01-01', '2023-01-31', 0)])
    expect(aggregate(ctx, 'persuaded-share', 'north', year2023).value).toBeNull()
    expect(aggregate(ctx, 'persuaded-share', 'south', year2023).value).toBeNull()
  })

  it('keeps a reported rate at the level it was reported, and never averages station rates', () => {
    const ctx = context([
      figure('satisfaction', 'district', '2023-01-01', '2023-09-26', 1, 'REPORT'),
      figure('satisfaction', 'north', '2023-01-01', '2023-06-30', 0.8),
      figure('satisfaction', 'south', '2023-01-01', '2023-06-30', 0.6),
    ])
    expect(aggregate(ctx, 'satisfaction', 'district', year2023)).toEqual({ value: 1, sources: ['REPORT'] })
    expect(aggregate(ctx, 'satisfaction', 'north', year2023).value).toBe(0.8)
    expect(aggregate(ctx, 'satisfaction', 'district', { start: '2023-01-01', end: '2023-06-30' }).value).toBeNull()
  })
})

describe('RANK', () => {
  it('is never aggregated over units', () => {
    const ctx = context([figure('rank', 'north', '2023-01-01', '2023-12-31', 2), figure('rank', 'south', '2023-01-01', '2023-12-31', 1)])
    expect(aggregate(ctx, 'rank', 'north', year2023).value).toBe(2)
    expect(aggregate(ctx, 'rank', 'district', year2023).value).toBeNull()
  })

  it('takes the latest rank within the span', () => {
    const ctx = context([figure('rank', 'district', '2022-01-01', '2022-12-31', 3), figure('rank', 'district', '2023-01-01', '2023-12-31', 1)])
    expect(aggregate(ctx, 'rank', 'district', { start: '2022-01-01', end: '2023-12-31' }).value).toBe(1)
  })
})

describe('aggregateBelow', () => {
  it('adds up the units below, setting aside the total stored at the district', () => {
    const ctx = context([
      figure('checked', 'north', '2023-01-01', '2023-01-31', 10),
      figure('checked', 'south', '2023-01-01', '2023-01-31', 6),
      figure('checked', 'district', '2023-01-01', '2023-01-31', 15, 'REPORT'),
      figure('persuaded', 'north', '2023-01-01', '2023-01-31', 4),
      figure('persuaded', 'south', '2023-01-01', '2023-01-31', 4),
    ])
    const january = { start: '2023-01-01', end: '2023-01-31' }
    expect(aggregate(ctx, 'checked', 'district', january).value).toBe(15)
    expect(aggregateBelow(ctx, 'checked', 'district', january)).toEqual({ value: 16, sources: ['SAMPLE'] })
    expect(aggregateBelow(ctx, 'persuaded-share', 'district', january).value).toBe(0.5)
    expect(aggregateBelow(ctx, 'checked', 'north', january).value).toBeNull()
    expect(aggregateBelow(ctx, 'rank', 'district', january).value).toBeNull()
  })
})
