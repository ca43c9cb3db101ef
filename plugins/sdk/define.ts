import type { MetricDefinition, PluginDefinition } from './types.ts'

/** Types a plugin; validation happens once, at load, over all plugins (validatePlugins). */
export function definePlugin<const P extends PluginDefinition>(plugin: P): P {
  return plugin
}

export function defineMetric<const M extends MetricDefinition>(metric: M): M {
  return metric
}

/** Defaults the validator and the engine agree on. */
export function targetRuleOf(metric: Pick<MetricDefinition, 'targetRule' | 'direction'>) {
  return metric.targetRule ?? (metric.direction === 'HIGHER_IS_BETTER' ? 'AT_LEAST' : 'AT_MOST')
}

export function granularityOf(metric: Pick<MetricDefinition, 'granularity'>) {
  return metric.granularity ?? 'MONTH'
}
