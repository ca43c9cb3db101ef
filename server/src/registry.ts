// The loaded plugin list: validated once, then turned into what the engine and the API
// need. Nothing here names an area.
import {
  granularityOf,
  loadReport,
  reportPath,
  targetRuleOf,
  unitOf,
  validatePlugins,
  type Granularity,
  type LocalizedName,
  type MetricDefinition,
  type PluginDefinition,
  type Report,
  type ReportFigure,
  type TargetDefinition,
  type TargetRule,
} from '@msp/plugins/sdk'
import type { MetricSpec } from './engine/index.ts'
import type { ScorecardArea, ScorecardMetric } from './engine/scorecard.ts'

export interface RegisteredMetric extends MetricSpec, ScorecardMetric {
  areaKey: string
  name: LocalizedName
  unit: string
  direction: MetricDefinition['direction']
  targetRule: TargetRule
  granularity: Granularity
  numerator: string | null
  denominator: string | null
  enteredBy: 'STATION' | 'OFFICE'
  definition: MetricDefinition
}

export interface RegisteredArea extends ScorecardArea {
  key: string
  name: LocalizedName
  metrics: RegisteredMetric[]
}

export interface Registry {
  report: Report
  areas: RegisteredArea[]
  metrics: Map<string, RegisteredMetric>
  reportFigures: (ReportFigure & { areaKey: string })[]
  targets: TargetDefinition[]
}

export function createRegistry(plugins: readonly PluginDefinition[], report: Report = loadReport(reportPath), orgUnitKeys?: readonly string[]): Registry {
  validatePlugins(plugins, { report, orgUnitKeys })
  const metrics = new Map<string, RegisteredMetric>()
  const areas = plugins.map((plugin): RegisteredArea => ({
    key: plugin.key,
    name: plugin.name,
    metrics: plugin.metrics.map((definition) => {
      const metric: RegisteredMetric = {
        key: definition.key,
        areaKey: plugin.key,
        name: definition.name,
        unit: definition.unit,
        kind: definition.kind,
        direction: definition.direction,
        targetRule: targetRuleOf(definition),
        granularity: granularityOf(definition),
        decimals: unitOf(definition.unit)!.decimals,
        numerator: definition.numerator ?? null,
        denominator: definition.denominator ?? null,
        scoring: definition.scoring ?? null,
        enteredBy: definition.enteredBy ?? 'STATION',
        definition,
      }
      metrics.set(metric.key, metric)
      return metric
    }),
  }))
  return {
    report,
    areas,
    metrics,
    reportFigures: plugins.flatMap((p) => (p.reportFigures ?? []).map((f) => ({ ...f, areaKey: p.key }))),
    targets: plugins.flatMap((p) => p.targets ?? []),
  }
}
