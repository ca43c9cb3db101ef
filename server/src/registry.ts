// The loaded installation: validated once, then turned into what the engine and the API
// need. Nothing here names an area.
import {
  enteredByOf,
  granularityOf,
  reportOf,
  spanOf,
  targetRuleOf,
  unitOf,
  validateInstallation,
  type EnteringUnitKind,
  type Granularity,
  type InstallationDefinition,
  type LocalizedName,
  type MetricDefinition,
  type OrgUnitDefinition,
  type Report,
  type ReportFigure,
  type TargetDefinition,
  type TargetRule,
  type ValidationRule,
} from '@msp/plugin-sdk'
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
  enteredBy: EnteringUnitKind
  definition: MetricDefinition
}

export interface RegisteredArea extends ScorecardArea {
  key: string
  name: LocalizedName
  metrics: RegisteredMetric[]
  /** The plugin's day of the next month a return holding its metrics is due; null: the installation's. */
  returnDueDay: number | null
}

/** A report figure with its span resolved to days and the report it quotes. */
export type RegisteredReportFigure = Omit<ReportFigure, 'report'> & {
  areaKey: string
  from: string
  to: string
  report: Report
  /** Which bound of the span the report leaves unsaid was assumed, and why. */
  assumption: LocalizedName | null
}

export interface Registry {
  installation: InstallationDefinition
  orgUnits: readonly OrgUnitDefinition[]
  reports: readonly Report[]
  /** The bureau the reports speak for: their figures are stored there (the root unless the installation says). */
  reportUnit: string
  areas: RegisteredArea[]
  metrics: Map<string, RegisteredMetric>
  reportFigures: RegisteredReportFigure[]
  targets: TargetDefinition[]
  validation: (ValidationRule & { areaKey: string })[]
}

export function createRegistry(installation: InstallationDefinition): Registry {
  validateInstallation(installation)
  const { plugins, reports } = installation
  const metrics = new Map<string, RegisteredMetric>()
  const areas = plugins.map((plugin): RegisteredArea => ({
    key: plugin.key,
    name: plugin.name,
    returnDueDay: plugin.returnDueDay ?? null,
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
        enteredBy: enteredByOf(definition),
        definition,
      }
      metrics.set(metric.key, metric)
      return metric
    }),
  }))
  const reportFigures = plugins.flatMap((p) => (p.reportFigures ?? []).map((f): RegisteredReportFigure => {
    // Validated above: the report and the span exist.
    const report = reportOf(f, reports)!
    const span = spanOf(f, report) as { from: string; to: string; assumption?: LocalizedName }
    return { ...f, areaKey: p.key, report, from: span.from, to: span.to, assumption: span.assumption ?? null }
  }))
  return {
    installation,
    orgUnits: installation.orgUnits,
    reports,
    reportUnit: installation.reportUnit ?? installation.orgUnits.find((u) => u.parent === null)!.key,
    areas,
    metrics,
    reportFigures,
    targets: plugins.flatMap((p) => p.targets ?? []),
    validation: validationRules(installation),
  }
}

const partsMessage = { 'zh-CN': '比率的分子不能大于分母', en: "a rate's numerator cannot exceed its denominator" }

/** The plugins' rules, and the one every rate with parts implies: numerator ≤ denominator. */
function validationRules(installation: InstallationDefinition): Registry['validation'] {
  const rules: Registry['validation'] = installation.plugins.flatMap((p) => (p.validation ?? []).map((rule) => ({ ...rule, areaKey: p.key })))
  const declared = new Set(rules.map((r) => `${r.metric}|${r.atMost}`))
  for (const plugin of installation.plugins) {
    for (const metric of plugin.metrics) {
      if (!metric.numerator || !metric.denominator || declared.has(`${metric.numerator}|${metric.denominator}`)) continue
      declared.add(`${metric.numerator}|${metric.denominator}`)
      rules.push({ metric: metric.numerator, atMost: metric.denominator, message: partsMessage, areaKey: plugin.key })
    }
  }
  return rules
}

/** The plugin's report figure a stored REPORT figure came from, if a plugin still quotes it. */
export function reportFigureOf(registry: Registry, metricKey: string, from: string, to: string): RegisteredReportFigure | undefined {
  return registry.reportFigures.find((f) => f.metric === metricKey && f.from === from && f.to === to)
}
