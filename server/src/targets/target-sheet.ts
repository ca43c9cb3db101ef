// The leaders' target editor in one answer (issue 10): for a year, every metric × the district
// and each unit below it, the annual target that holds now and where it came from; for a count
// or money split over units, the units' targets added up beside the district's. Pure: the API
// reads the targets, this works the sheet out of them.
import { resolveTarget, yearSpan, type ResolvedTarget, type TargetRecord } from '../engine/index.ts'
import type { RegisteredArea, RegisteredMetric } from '../registry.ts'

export interface SheetUnit {
  key: string
  /** BUREAU, OFFICE or STATION: a unit measures the metrics its kind enters. */
  kind: string
}

export interface SheetCell {
  orgUnitKey: string
  /** The annual target that holds for the unit: its own, or the district's where that carries down. */
  target: ResolvedTarget | null
  /** No target of its own: the district's holds for it (a rate, a ceiling). */
  inherited: boolean
  /** Whether the unit measures the metric (its kind enters it), where a target of its own means something. */
  measures: boolean
}

export interface SheetRow {
  metric: RegisteredMetric
  district: ResolvedTarget | null
  cells: SheetCell[]
  /** The units' own targets added up, where they add up to the district's (see addsUp); else null. */
  unitSum: number | null
  /** How many units have a target of their own. */
  unitsWithTarget: number
  /** The units' targets add up to something other than the district's. */
  sumDiffers: boolean
}

export interface SheetArea {
  area: RegisteredArea
  rows: SheetRow[]
}

/**
 * Whether the units' targets add up to the district's: a count or money (FLOW, STOCK) aimed at
 * "at least". A rate, a rank or a ceiling is not summed: the district's holds for every unit
 * (engine/targets.ts, applicable).
 */
export function addsUp(metric: Pick<RegisteredMetric, 'kind' | 'targetRule'>): boolean {
  return (metric.kind === 'FLOW' || metric.kind === 'STOCK') && metric.targetRule === 'AT_LEAST'
}

/** A unit measures a metric its kind enters; a rank is the district's place alone. */
export function measures(metric: Pick<RegisteredMetric, 'kind' | 'enteredBy'>, unit: SheetUnit): boolean {
  return metric.kind !== 'RANK' && unit.kind === metric.enteredBy
}

/** Money in yuan to the fen adds up with float noise: a difference below this is none. */
const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value))

/**
 * The sheet of `year`: areas in registry order, their metrics in plugin order, a cell for each
 * of `units` (the district's units, in order; the district itself is `root`). Only targets set
 * for the whole calendar year count: the editor sets those.
 */
export function targetSheet(areas: readonly RegisteredArea[], root: string, units: readonly SheetUnit[], targets: readonly TargetRecord[], year: number, asOf: string): SheetArea[] {
  const span = yearSpan(year)
  const annual = new Map<string, TargetRecord[]>()
  for (const t of targets) {
    if (t.start !== span.start || t.end !== span.end) continue
    const list = annual.get(t.metricKey)
    if (list) list.push(t)
    else annual.set(t.metricKey, [t])
  }
  return areas.map((area) => ({
    area,
    rows: area.metrics.map((metric): SheetRow => {
      const mine = annual.get(metric.key) ?? []
      const own = new Set(mine.flatMap((t) => (t.orgUnitKey === null ? [] : [t.orgUnitKey])))
      const cells = units.map((unit): SheetCell => {
        // The sheet's units are the root's own.
        const target = resolveTarget(metric, mine, unit.key, [root], span, asOf)
        return { orgUnitKey: unit.key, target, inherited: target !== null && !own.has(unit.key), measures: measures(metric, unit) }
      })
      const district = resolveTarget(metric, mine, root, [], span, asOf)
      const parts = cells.filter((c) => c.target && !c.inherited)
      const unitSum = addsUp(metric) && parts.length > 0 ? parts.reduce((sum, c) => sum + c.target!.value, 0) : null
      const sumDiffers = unitSum !== null && district !== null && Math.abs(unitSum - district.value) > tolerance(district.value)
      return { metric, district, cells, unitSum, unitsWithTarget: parts.length, sumDiffers }
    }),
  }))
}
