// Sample data: monthly figures per unit from 2021-01 to 2024-06 and targets for 2022-2024.
// The report states district totals only; the split over the units that enter a metric
// (the stations, or the district offices), the months outside the report's spans and every
// count target are invented here, deterministically, and stored with source SAMPLE. They
// never contradict the report over its own span: the units' counts add up exactly to the
// reported total, their stocks on the reported day to the reported stock, and a reported
// rate is each unit's rate over its span (and over any year that overlaps it). So a
// district total computed from its units equals the report.
import type { EnteringUnitKind } from '@msp/plugin-sdk'
import { isoDate, lastDayOfMonth, parts } from '../engine/dates.ts'
import type { Registry, RegisteredMetric } from '../registry.ts'
import { apportion, createRandom, stochasticRound } from './random.ts'

export interface SampleFigure {
  metricKey: string
  orgUnitKey: string
  start: string
  end: string
  value: number
}

export interface SampleTarget {
  metricKey: string
  orgUnitKey: string | null
  year: number
  value: number
  reason: string
}

interface Month {
  year: number
  month: number
  start: string
  end: string
}

export const sampleRange = { from: '2021-01', to: '2024-06' }

function monthsOf(from: string, to: string): Month[] {
  const out: Month[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while (y < ty || (y === ty && m <= tm)) {
    out.push({ year: y, month: m, start: isoDate(y, m, 1), end: lastDayOfMonth(y, m) })
    if (++m > 12) {
      m = 1
      y++
    }
  }
  return out
}

const yearTrend: Record<number, number> = { 2021: 0.85, 2022: 0.95, 2023: 1, 2024: 1.08 }

/** Whole-unit cells (in the metric's smallest unit: fen for money) per org unit and month. */
type Cells = number[][]

/** The org units that enter figures, by kind. */
export type UnitsByKind = Record<EnteringUnitKind, readonly string[]>

interface UnitCells {
  units: readonly string[]
  cells: Cells
}

export interface SampleData {
  figures: SampleFigure[]
  /** District-level figures: rates and ranks that exist only where reported. */
  districtFigures: SampleFigure[]
  targets: SampleTarget[]
}

export function generateSample(registry: Registry, unitsByKind: UnitsByKind, seed = 'wuchang'): SampleData {
  const months = monthsOf(sampleRange.from, sampleRange.to)
  const cellsByMetric = new Map<string, UnitCells>()
  const figures: SampleFigure[] = []
  const districtFigures: SampleFigure[] = []
  // A count held at most another (a plugin's rule, or a rate's numerator under its
  // denominator) is drawn under it: persuaded within checked, motions led within handled.
  const boundOf = new Map<string, string>()
  for (const rule of registry.validation) if (rule.atMost !== undefined && !boundOf.has(rule.metric)) boundOf.set(rule.metric, rule.atMost)
  const depth = (key: string, hops = 0): number => {
    const bound = boundOf.get(key)
    return bound === undefined || hops > boundOf.size ? hops : depth(bound, hops + 1)
  }
  // Bounds first; within a depth, the plugins' order (the sort is stable).
  const ordered = [...registry.metrics.values()].sort((a, b) => depth(a.key) - depth(b.key))
  // What each bound has left once the counts drawn under it took theirs: parts drawn under
  // one total never add up to more than it.
  const room = new Map<string, UnitCells>()
  const reported = (key: string) => registry.reportFigures.filter((f) => f.metric === key)

  for (const metric of ordered) {
    const random = createRandom(`${seed}:${metric.key}`)
    const scale = 10 ** metric.decimals
    const constraints = reported(metric.key).map((f) => ({ ...f, total: Math.round(f.value * scale) }))
    const units = unitsByKind[metric.enteredBy]
    let cells: Cells | undefined
    if (metric.kind === 'FLOW') {
      // Sample counts only where the report gives a figure to scale from (its own, or its
      // bound's): a count the report never states gets no sample, and reads NO_DATA.
      const bound = boundOf.get(metric.key)
      const left = bound === undefined ? undefined : room.get(bound)
      if (left && left.units === units) {
        cells = shareOf(left.cells, constraints, months, random, metric.key)
        left.cells.forEach((row, s) => row.forEach((v, m) => (row[m] = v - cells![s]![m]!)))
      } else if (constraints.length > 0) cells = flowCells(units.length, constraints, months, random, metric.key)
      if (cells) room.set(metric.key, { units, cells: cells.map((row) => [...row]) })
    } else if (metric.kind === 'STOCK' && constraints.length > 0) {
      const stock = stockCells(units.length, constraints, months, random)
      cells = stock.cells
      figures.push(...stock.days.map((d) => ({ metricKey: metric.key, orgUnitKey: units[d.unit]!, start: d.day, end: d.day, value: d.value / scale })))
    } else if (metric.kind === 'RATE' && !metric.numerator && constraints.length > 0) {
      // Rates and ranks too only where the report states one: nothing to sample from otherwise.
      const rates = reportedRates(metric, constraints, units, random)
      figures.push(...rates.units)
      districtFigures.push(...rates.district)
    } else if (metric.kind === 'RANK' && constraints.length > 0) {
      districtFigures.push(...sampleRanks(metric, random))
    }
    if (!cells) continue
    cellsByMetric.set(metric.key, { units, cells })
    cells.forEach((row, s) => row.forEach((value, m) => {
      figures.push({ metricKey: metric.key, orgUnitKey: units[s]!, start: months[m]!.start, end: months[m]!.end, value: value / scale })
    }))
  }

  return { figures, districtFigures, targets: sampleTargets(registry, cellsByMetric, months) }
}

function insideSpan(months: Month[], from: string, to: string): number[] {
  return months.flatMap((m, i) => (m.start >= from && m.end <= to ? [i] : []))
}

function flowCells(unitCount: number, constraints: { from: string; to: string; total: number }[], months: Month[], random: () => number, key: string): Cells {
  const weights = Array.from({ length: unitCount }, () => 0.4 + random() * 1.2)
  const season = months.map((m) => (0.75 + random() * 0.5) * yearTrend[m.year]!)
  const cells: Cells = Array.from({ length: unitCount }, () => new Array<number>(months.length).fill(-1))
  let constrainedTotal = 0
  let constrainedWeight = 0
  for (const c of [...constraints].sort((a, b) => insideSpan(months, a.from, a.to).length - insideSpan(months, b.from, b.to).length)) {
    const free = insideSpan(months, c.from, c.to).filter((m) => cells[0]![m] === -1)
    if (free.length === 0) throw new Error(`sample ${key}: no whole month within ${c.from}..${c.to} to carry the reported total`)
    const slots = free.flatMap((m) => weights.map((w, s) => ({ s, m, w: w * season[m]! })))
    apportion(c.total, slots.map((x) => x.w)).forEach((v, i) => (cells[slots[i]!.s]![slots[i]!.m] = v))
    constrainedTotal += c.total
    constrainedWeight += free.reduce((sum, m) => sum + season[m]!, 0)
  }
  // Months outside every reported span run at the reported pace, with season and trend.
  const perSeason = constrainedWeight > 0 ? constrainedTotal / constrainedWeight : 0
  const weightSum = weights.reduce((a, b) => a + b, 0)
  for (let s = 0; s < unitCount; s++) {
    for (let m = 0; m < months.length; m++) {
      if (cells[s]![m] === -1) cells[s]![m] = stochasticRound((perSeason * season[m]! * weights[s]!) / weightSum, random)
    }
  }
  return cells
}

/** A count as a share of its bound (persuaded of checked, led of handled), never above it. */
function shareOf(denominator: Cells, constraints: { from: string; to: string; total: number }[], months: Month[], random: () => number, key: string): Cells {
  const cells: Cells = denominator.map((row) => row.map(() => -1))
  let shareSum = 0
  let shareCount = 0
  for (const c of constraints) {
    const inside = insideSpan(months, c.from, c.to)
    const slots = inside.flatMap((m) => denominator.map((row, s) => ({ s, m, cap: row[m]! })))
    const room = slots.reduce((sum, x) => sum + x.cap, 0)
    if (c.total > room) throw new Error(`sample ${key}: ${c.total} does not fit under its denominator's ${room}`)
    apportion(c.total, slots.map((x) => x.cap), slots.map((x) => x.cap)).forEach((v, i) => (cells[slots[i]!.s]![slots[i]!.m] = v))
    shareSum += room > 0 ? c.total / room : 0
    shareCount++
  }
  const share = shareCount > 0 ? shareSum / shareCount : 0.5
  return cells.map((row, s) => row.map((v, m) => {
    if (v !== -1) return v
    const cap = denominator[s]![m]!
    // A part that took all its bound left over the report's span (协办3件 of the 10 less the
    // 7 led) takes all of it in every month: the parts add up to the total everywhere.
    if (share >= 1) return cap
    return Math.min(cap, stochasticRound(cap * share * (0.9 + random() * 0.2), random))
  }))
}

/**
 * Monthly snapshots that reach the latest reported stock at the last month ending by its day,
 * and, for a stock the report dates on a single day (报告日, 上半年末), each unit's snapshot
 * on that day: the units' snapshots add up exactly to the reported stock on its own day.
 */
function stockCells(unitCount: number, constraints: { from: string; to: string; total: number }[], months: Month[], random: () => number) {
  const latest = constraints.reduce((a, b) => (b.to > a.to ? b : a))
  const anchor = months.findLastIndex((m) => m.end <= latest.to)
  const growth = 1.002 + random() * 0.01
  const weights = Array.from({ length: unitCount }, () => 0.4 + random() * 1.2)
  const atAnchor = apportion(latest.total, weights)
  const cells: Cells = atAnchor.map((value) => months.map((_, m) => (m === anchor ? value : Math.round(value * growth ** (m - anchor)))))
  const days = constraints.filter((c) => c.from === c.to).flatMap((c) => apportion(c.total, weights).map((value, unit) => ({ unit, day: c.to, value })))
  return { cells, days }
}

const rateSpans = (year: number) =>
  year === 2024 ? { start: '2024-01-01', end: '2024-06-30' } : { start: `${year}-01-01`, end: `${year}-12-31` }

/**
 * A rate reported only as a percentage. Over the reported span each unit's rate is the
 * reported one (all 100% where the district reported 100%); a year that overlaps a reported
 * span reads the reported rate too, for the district and every unit, so no view of the
 * sample contradicts the report. Other years get a district rate and each unit's own.
 */
function reportedRates(metric: RegisteredMetric, constraints: { from: string; to: string; value: number }[], unitKeys: readonly string[], random: () => number) {
  const units: SampleFigure[] = []
  const district: SampleFigure[] = []
  const rate = () => Math.round((0.9 + random() * 0.1) * 10_000) / 10_000
  for (const year of [2021, 2022, 2023, 2024]) {
    const report = constraints.find((c) => parts(c.from).year === year)
    if (report) {
      // The district's own figure for the span is the REPORT one.
      for (const unit of unitKeys) units.push({ metricKey: metric.key, orgUnitKey: unit, start: report.from, end: report.to, value: report.value })
      continue
    }
    const span = rateSpans(year)
    const overlapping = constraints.find((c) => c.from <= span.end && c.to >= span.start)
    const value = () => overlapping?.value ?? rate()
    district.push({ metricKey: metric.key, orgUnitKey: '', ...span, value: value() })
    for (const unit of unitKeys) units.push({ metricKey: metric.key, orgUnitKey: unit, ...span, value: value() })
  }
  return { units, district }
}

function sampleRanks(metric: RegisteredMetric, random: () => number): SampleFigure[] {
  return [2021, 2022, 2024].map((year) => ({
    metricKey: metric.key, orgUnitKey: '', ...rateSpans(year), value: 1 + Math.floor(random() * 3),
  }))
}

/**
 * Count targets the report does not set: 5% above the previous year's sample actual for
 * flows, 3% above the previous year-end level for stocks; for the district and each unit.
 * Not where a plugin ships its own target for the year: the seed syncs those on every start.
 */
function sampleTargets(registry: Registry, cellsByMetric: Map<string, UnitCells>, months: Month[]): SampleTarget[] {
  const targets: SampleTarget[] = []
  const declared = new Set(registry.targets.map((t) => `${t.metric}:${t.year}`))
  for (const metric of registry.metrics.values()) {
    const entered = cellsByMetric.get(metric.key)
    if (!metric.scoring || !entered || (metric.kind !== 'FLOW' && metric.kind !== 'STOCK')) continue
    const { units, cells } = entered
    const scale = 10 ** metric.decimals
    for (const year of [2022, 2023, 2024]) {
      if (declared.has(`${metric.key}:${year}`)) continue
      const inYear = months.flatMap((m, i) => (m.year === year - 1 ? [i] : []))
      const lastOfYear = inYear[inYear.length - 1]!
      const base = (row: number[]) => (metric.kind === 'FLOW' ? inYear.reduce((sum, i) => sum + row[i]!, 0) : row[lastOfYear]!)
      const uplift = metric.kind === 'FLOW' ? 1.05 : 1.03
      const reason = metric.kind === 'FLOW'
        ? `Sample: 5% above the ${year - 1} sample actual; the report sets no targets for counts`
        : `Sample: 3% above the ${year - 1} year-end sample level; the report sets no targets for counts`
      const perStation = cells.map(base)
      const district = Math.ceil(perStation.reduce((a, b) => a + b, 0) * uplift)
      targets.push({ metricKey: metric.key, orgUnitKey: null, year, reason, value: district / scale })
      // Shared out so the units' targets add up to the district's exactly, as a leader's split would.
      apportion(district, perStation).forEach((value, s) => targets.push({
        metricKey: metric.key, orgUnitKey: units[s]!, year, reason, value: value / scale,
      }))
    }
  }
  return targets
}

