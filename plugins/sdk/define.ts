import type {
  InstallationDefinition, LocalizedName, MetricDefinition, PluginDefinition, ReportFigure, TargetDefinition, ValidationRule,
} from './types.ts'

/** A metric key the compiler can check: a literal, not a pattern such as `food.${string}`. */
type LiteralKeys<P extends string, K extends string> = `${P}.${string}` extends K
  ? { __error: 'metric keys must be literal strings: make the helper that builds them generic (<const K extends string>)' }
  : unknown

/**
 * A plugin, checked by the compiler: every metric key starts with `<key>.`, and figures,
 * targets, rate parts and validation rules name only the plugin's own metrics. The start-up
 * validator (validatePlugins) checks what types cannot: quotes, weights, values.
 */
export function definePlugin<const P extends string, const K extends `${P}.${string}`>(
  plugin: {
    key: P
    name: LocalizedName
    totalWeight?: number
    metrics: readonly MetricDefinition<K, NoInfer<K>>[]
    reportFigures?: readonly ReportFigure<NoInfer<K>>[]
    targets?: readonly TargetDefinition<NoInfer<K>>[]
    validation?: readonly ValidationRule<NoInfer<K>>[]
  } & LiteralKeys<P, K>,
): PluginDefinition<P, K> {
  return plugin
}

export function defineMetric<const K extends string>(metric: MetricDefinition<K>): MetricDefinition<K> {
  return metric
}

/** The installation file's contents; validated when the server loads it (validateInstallation). */
export function defineInstallation(installation: InstallationDefinition): InstallationDefinition {
  return installation
}

/** Defaults the validator and the engine agree on. */
export function targetRuleOf(metric: Pick<MetricDefinition, 'targetRule' | 'direction'>) {
  return metric.targetRule ?? (metric.direction === 'HIGHER_IS_BETTER' ? 'AT_LEAST' : 'AT_MOST')
}

export function granularityOf(metric: Pick<MetricDefinition, 'granularity'>) {
  return metric.granularity ?? 'MONTH'
}

export function enteredByOf(metric: Pick<MetricDefinition, 'enteredBy'>) {
  return metric.enteredBy ?? 'STATION'
}
