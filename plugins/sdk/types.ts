import type { UnitKey } from './units.ts'

/** How a metric's figures combine over org units and over time. */
export type MetricKind =
  /** Summed over org units and over time: inspections, cases, person-times. */
  | 'FLOW'
  /** Summed over org units; over time the latest value counts: canteens, valid trademarks. */
  | 'STOCK'
  /** A ratio: of the summed numerator and denominator, or as reported where it was reported. */
  | 'RATE'
  /** A position in a ranking; never aggregated. */
  | 'RANK'

export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER'

/** How actual is compared with target. ZERO_TOLERANCE: the target is a ceiling, usually 0. */
export type TargetRule = 'AT_LEAST' | 'AT_MOST' | 'EXACTLY' | 'ZERO_TOLERANCE'

/** The longest span a single STOCK figure may cover (a stock is a snapshot at its end). */
export type Granularity = 'MONTH' | 'QUARTER' | 'HALF' | 'YEAR'

/** How actual against target turns into points; `weight` is the most a metric can earn. */
export type Scoring =
  /** weight × completion, capped at `cap` × weight (cap defaults to 1). */
  | { rule: 'PROPORTIONAL'; weight: number; cap?: number }
  /** All the weight when the target is met, nothing otherwise. */
  | { rule: 'ALL_OR_NOTHING'; weight: number }
  /** The weight less `perUnit` points for every unit short of target, never below 0. */
  | { rule: 'DEDUCTION'; weight: number; perUnit: number }
  /** All the weight while actual stays within the ceiling; a single breach takes it all. */
  | { rule: 'ZERO_TOLERANCE'; weight: number }

export type ScoringRule = Scoring['rule']

export interface LocalizedName {
  'zh-CN': string
  en: string
}

export interface MetricDefinition {
  /** Prefixed by the plugin key: 'fishing-ban.anglers-checked'. */
  key: string
  name: LocalizedName
  unit: UnitKey
  kind: MetricKind
  direction: Direction
  /** Defaults to AT_LEAST when higher is better and AT_MOST when lower is better. */
  targetRule?: TargetRule
  /** Defaults to MONTH. */
  granularity?: Granularity
  /** For a RATE computed from counts: the keys of the counts it is the ratio of. */
  numerator?: string
  denominator?: string
  /** Unscored when absent: the metric is shown but earns no points. */
  scoring?: Scoring
  /**
   * Which units measure it: the grassroots stations (the default) or the district offices
   * (motions, investment attracted, party-committee meetings). Sample data follows it.
   */
  enteredBy?: 'STATION' | 'OFFICE'
  description?: Partial<LocalizedName>
}

/** A figure as the report states it, with the words it is stated in. */
export interface ReportFigure {
  metric: string
  /** In the metric's base unit: yuan for money, a fraction for rates (1 = 100%). */
  value: number
  /** The span the report gives, as ISO dates (inclusive). "Since 2022" is 2022-01-01 to the report date. */
  from: string
  to: string
  /** The figure exactly as written in the report: '逾6429家次', '257.21万元'. */
  stated: string
  /**
   * A passage of the report that holds `stated` and occurs once; defaults to `stated`.
   * The figure's sentence is the whole sentence around it.
   */
  quote?: string
  /** When the report gives a bound rather than an exact count: 逾/余/万余 (AT_LEAST), 近 (ABOUT). */
  qualifier?: 'AT_LEAST' | 'ABOUT'
}

/** A target the plugin ships. The report sets none, so these are samples and say so. */
export interface TargetDefinition {
  metric: string
  year: number
  value: number
  /** An org unit key; absent for the whole district. */
  orgUnit?: string
  reason: string
}

export interface PluginDefinition {
  /** Lower-case words joined by '-': 'fishing-ban'. */
  key: string
  name: LocalizedName
  /** When given, the scoring weights of the plugin's metrics must add up to it. */
  totalWeight?: number
  metrics: MetricDefinition[]
  reportFigures?: ReportFigure[]
  targets?: TargetDefinition[]
}
