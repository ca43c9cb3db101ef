// Chart options as pure functions of the data, so what a chart shows is tested without a browser.
import type { EChartsCoreOption } from 'echarts/core'
import { formatValue, type Locale, type ValueKind } from './format.ts'

export interface Point {
  period: string
  actual: number | null
  target?: number | null
}

const axisValue = (metric: ValueKind, locale: Locale) => (value: number) => formatValue(value, metric, locale)

/** Actual as bars, target as a line, one bar per year. */
export function yearChartOption(points: readonly Point[], metric: ValueKind, locale: Locale, labels: { actual: string; target: string }): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : formatValue(v, metric, locale)) },
    legend: { data: [labels.actual, labels.target], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: { type: 'value', axisLabel: { formatter: axisValue(metric, locale) } },
    series: [
      { name: labels.actual, type: 'bar', data: points.map((p) => p.actual), itemStyle: { color: '#1d4f91' }, barMaxWidth: 40 },
      { name: labels.target, type: 'line', data: points.map((p) => p.target ?? null), itemStyle: { color: '#d4380d' }, lineStyle: { type: 'dashed' }, connectNulls: false },
    ],
  }
}

/** This year against last year, month by month: two lines on the same twelve months. */
export function monthChartOption(thisYear: readonly Point[], lastYear: readonly Point[], metric: ValueKind, locale: Locale, labels: { thisYear: string; lastYear: string }): EChartsCoreOption {
  const months = Array.from({ length: 12 }, (_, i) => (locale === 'en' ? String(i + 1) : `${i + 1}月`))
  const byMonth = (points: readonly Point[]) => months.map((_, i) => points.find((p) => Number(p.period.slice(5, 7)) === i + 1)?.actual ?? null)
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : formatValue(v, metric, locale)) },
    legend: { data: [labels.thisYear, labels.lastYear], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: axisValue(metric, locale) } },
    series: [
      { name: labels.thisYear, type: 'line', data: byMonth(thisYear), itemStyle: { color: '#1d4f91' } },
      { name: labels.lastYear, type: 'line', data: byMonth(lastYear), itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
    ],
  }
}
