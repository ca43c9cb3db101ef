// What a plugin declares. The type parameters let the compiler check a plugin: `K` is the
// union of its metric keys, so a figure, target, rate part or validation rule naming a metric
// the plugin does not define fails to compile (see define.ts and define.typetest.ts).
import type { Report } from './report.ts'
import type { UnitKey } from './units.ts'
import type { Direction, EnteringUnitKind, Granularity, MetricKind, OrgUnitKind, Qualifier, ScoringRule, TargetRule } from './vocabulary.ts'

export type * from './vocabulary.ts'

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

// The union above spells the rules out; this line stops it drifting from `scoringRules`.
type SameWords<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const scoringRulesCovered: SameWords<Scoring['rule'], ScoringRule> = true

export interface LocalizedName {
  'zh-CN': string
  en: string
}

/** A metric. `Key` is its own key; `Ref` the keys it may name as a rate's parts. */
export interface MetricDefinition<Key extends string = string, Ref extends string = string> {
  /** Prefixed by the plugin key: 'fishing-ban.anglers-checked'. */
  key: Key
  name: LocalizedName
  unit: UnitKey
  kind: MetricKind
  direction: Direction
  /** Defaults to AT_LEAST when higher is better and AT_MOST when lower is better. */
  targetRule?: TargetRule
  /** Defaults to MONTH. */
  granularity?: Granularity
  /** For a RATE computed from counts: the keys of the counts it is the ratio of. */
  numerator?: Ref
  denominator?: Ref
  /** Unscored when absent: the metric is shown but earns no points. */
  scoring?: Scoring
  /**
   * Which units measure it: the grassroots stations (the default) or the district offices
   * (motions, investment attracted, party-committee meetings). Sample data follows it.
   */
  enteredBy?: EnteringUnitKind
  description?: Partial<LocalizedName>
}

interface ReportFigureBase<K extends string> {
  metric: K
  /** In the metric's base unit: yuan for money, a fraction for rates (1 = 100%). */
  value: number
  /** The figure exactly as written in the report: '逾6429家次', '257.21万元'. */
  stated: string
  /**
   * A passage of the report that holds `stated` and occurs once; defaults to `stated`.
   * The figure's sentence is the whole sentence around it.
   */
  quote?: string
  /** When the report gives a bound rather than an exact count: 逾/余/万余 (AT_LEAST), 近 (ABOUT). */
  qualifier?: Qualifier
  /** The id of the report quoted; without it, the first of the installation's reports. */
  report?: string
}

/**
 * A figure as the report states it, with the words it is stated in, over a span: one the
 * report's data file names ('since2022', with the start it assumes where the report gives
 * none), or its own ISO dates (inclusive).
 */
export type ReportFigure<K extends string = string> = ReportFigureBase<K> &
  ({ span: string; from?: never; to?: never } | { from: string; to: string; span?: never })

/** A target the plugin ships: a default for the year, labelled as such, until a leader sets one. */
export interface TargetDefinition<K extends string = string> {
  metric: K
  year: number
  value: number
  /** An org unit key; absent for the whole district. */
  orgUnit?: string
  reason: string
}

/**
 * A check on figures a plugin declares, made wherever figures are written. `atMost`: the
 * metric's value never exceeds the other metric's over the same unit and span (persuaded to
 * leave ≤ anglers checked). `max`: a bound on one figure.
 */
export type ValidationRule<K extends string = string> =
  | { metric: K; atMost: K; max?: never; message: LocalizedName }
  | { metric: K; max: number; atMost?: never; message: LocalizedName }

export interface PluginDefinition<P extends string = string, K extends string = string> {
  /** Lower-case words joined by '-': 'fishing-ban'. */
  key: P
  name: LocalizedName
  /** When given, the scoring weights of the plugin's metrics must add up to it. */
  totalWeight?: number
  metrics: readonly MetricDefinition<K, K>[]
  reportFigures?: readonly ReportFigure<K>[]
  targets?: readonly TargetDefinition<K>[]
  validation?: readonly ValidationRule<K>[]
  /**
   * The day of the next month (1 to 28) a unit's monthly return is due when it holds this
   * plugin's metrics; the installation's day (MSP_RETURN_DUE_DAY, else the 5th) when omitted.
   */
  returnDueDay?: number
}

/** A unit of the bureau. Exactly one has no parent: the bureau itself. */
export interface OrgUnitDefinition {
  key: string
  name: LocalizedName
  kind: OrgUnitKind
  parent: string | null
  /** Shown beside the unit, e.g. that its name is illustrative. */
  note?: string
}

/** One installation: the bureau's units, the report(s) its figures quote, and its plugins in order. */
export interface InstallationDefinition {
  name: LocalizedName
  orgUnits: readonly OrgUnitDefinition[]
  reports: readonly Report[]
  /**
   * The org unit the reports speak for, where their figures are stored: the root when omitted.
   * A city's installation quoting a district's report names the district's bureau.
   */
  reportUnit?: string
  plugins: readonly PluginDefinition[]
}
