// What a scorecard response carries for its extra fields: the engine's input, read once, and
// the results the landing page derives from it, each computed the first time a field asks
// (a scorecard without league, gaps or monthly does no more work than before) and then kept,
// so ten areas asking for their monthly points share one computation.
import type { Area, Metric, OrgUnit } from '@msp/db'
import {
  buildScorecard, gapsOf, type FigureLookup, league, monthlyScorecards, previousScorecard,
  type AreaScoreResult, type GapMetric, type GapResult, type LeagueEntry, type MonthlyScorecard, type ScorecardInput, type ScorecardResult,
} from '../engine/index.ts'
import type { MetricRowShape } from './metric-row.ts'

/** Database rows by key, to hand the engine's keys back as GraphQL objects. */
export interface Lookups {
  metricByKey: ReadonlyMap<string, Metric>
  areaByKey: ReadonlyMap<string, Area>
  orgUnitByKey: ReadonlyMap<string, OrgUnit>
  /** Called before each computation: a query out of time stops there (checkBudget). */
  check: () => void
  /** The figures the monthly points need (monthlySpans), read the first time a field asks for them. */
  monthlyFigures: () => Promise<FigureLookup>
}

/** Computes `make` once, on first call. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined
  return () => (value ??= { v: make() }).v
}

/** One unit's scorecard, with its score a year earlier and month by month on demand. */
export class UnitCard {
  readonly previous: () => ScorecardResult
  readonly monthly: () => Promise<MonthlyScorecard[]>

  constructor(readonly input: ScorecardInput, readonly result: ScorecardResult, readonly lookups: Lookups) {
    this.previous = once(() => {
      lookups.check()
      return previousScorecard(input)
    })
    this.monthly = once(async () => {
      const figures = await lookups.monthlyFigures()
      lookups.check()
      return monthlyScorecards({ ...input, context: { ...input.context, figures } })
    })
  }

  get orgUnit(): OrgUnit {
    return this.lookups.orgUnitByKey.get(this.result.orgUnitKey)!
  }

  areas(): AreaScoreShape[] {
    return this.result.areas.map((a, index) => ({
      ...a,
      area: this.lookups.areaByKey.get(a.areaKey)!,
      rows: a.rows.map((row) => ({ ...row, metric: this.lookups.metricByKey.get(row.metricKey)! })),
      unit: this,
      index,
    }))
  }
}

export interface AreaScoreShape extends Omit<AreaScoreResult, 'rows'> {
  area: Area
  rows: MetricRowShape[]
  /** The unit's scorecard the area belongs to, for what is derived on demand. */
  unit: UnitCard
  /** The area's place in the scorecard, the same in every derived one. */
  index: number
}

export interface LeagueEntryShape extends LeagueEntry {
  card: UnitCard
}

/** A scorecard's unit and the units directly below it: the league and the gaps, on demand. */
export class ScorecardWork {
  readonly unit: UnitCard
  readonly children: () => UnitCard[]
  readonly league: () => LeagueEntryShape[]
  readonly gaps: () => GapResult[]

  constructor(input: ScorecardInput, result: ScorecardResult, lookups: Lookups, metrics: ReadonlyMap<string, GapMetric>) {
    this.unit = new UnitCard(input, result, lookups)
    this.children = once(() => {
      lookups.check()
      return input.context.tree.children(input.orgUnitKey).map((key) => {
        const child = { ...input, orgUnitKey: key }
        return new UnitCard(child, buildScorecard(child), lookups)
      })
    })
    this.league = once(() => {
      const cards = new Map(this.children().map((c) => [c.result.orgUnitKey, c]))
      const entries = league([...cards.values()].map((c) => ({ orgUnitKey: c.result.orgUnitKey, current: c.result, previous: c.previous() })))
      return entries.map((e) => ({ ...e, card: cards.get(e.orgUnitKey)! }))
    })
    this.gaps = once(() => gapsOf([result, ...this.children().map((c) => c.result)], metrics))
  }
}
