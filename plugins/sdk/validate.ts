// Validation of the plugin list, once at start-up. Every problem is reported, each naming
// the plugin and the key it is about, so a plugin author can fix them all in one pass.
import { isIsoDate } from './dates.ts'
import { enteredByOf, granularityOf, targetRuleOf } from './define.ts'
import type { Report } from './report.ts'
import { parseStated, sameNumber } from './stated.ts'
import type { LocalizedName, MetricDefinition, PluginDefinition, ReportFigure } from './types.ts'
import { unitOf } from './units.ts'
import { directions, enteringUnitKinds, granularities, isOneOf, metricKinds, qualifiers, scoringRules, targetRules } from './vocabulary.ts'

export class PluginValidationError extends Error {
  /** `of`: what was validated, for the header ('the installation'); the plugin list by default. */
  constructor(readonly problems: string[], options: { of?: string } = {}) {
    super(`${problems.length} problem(s) in ${options.of ?? 'the plugin list'}:\n- ${problems.join('\n- ')}`)
    this.name = 'PluginValidationError'
  }
}

export const pluginKeyPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export interface ValidationContext {
  /** The reports figures may quote; a figure names one by id when there are several. */
  reports: readonly Report[]
  /** When given, target org units are checked against it. */
  orgUnitKeys?: readonly string[]
}

/** The report a figure quotes: the one it names, or the installation's first. */
export function reportOf(figure: Pick<ReportFigure, 'report'>, reports: readonly Report[], problem: (message: string) => void = () => {}): Report | undefined {
  if (figure.report !== undefined) {
    const named = reports.find((r) => r.id === figure.report)
    if (!named) problem(`report '${figure.report}' is not one of the installation's (${reports.map((r) => r.id).join(', ') || 'none'})`)
    return named
  }
  if (reports.length === 0) problem('the installation names no report to quote')
  return reports[0]
}

/**
 * The days a figure covers, from the span it names or its own dates. `where` is how a problem
 * names the report ("report 'x'" when the installation has several).
 */
export function spanOf(figure: ReportFigure, report: Report, where = 'the report'): { from: string; to: string; assumption?: LocalizedName } | { problem: string } {
  if (figure.span !== undefined) {
    const span = report.span(figure.span)
    if (!span) return { problem: `span '${figure.span}' is not named in ${where}, which names ${Object.keys(report.spans).join(', ') || 'no spans'}` }
    return span
  }
  if (!isIsoDate(figure.from)) return { problem: `from '${figure.from}' is not a date (YYYY-MM-DD)` }
  if (!isIsoDate(figure.to)) return { problem: `to '${figure.to}' is not a date (YYYY-MM-DD)` }
  return { from: figure.from, to: figure.to }
}

export function validatePlugins(plugins: readonly PluginDefinition[], context: ValidationContext): void {
  const problems: string[] = []
  const metrics = new Map<string, MetricDefinition>()
  const pluginKeys = new Set<string>()

  for (const plugin of plugins) {
    const at = `plugin '${plugin.key}'`
    if (!pluginKeyPattern.test(plugin.key ?? '')) problems.push(`${at}: key must be lower-case words joined by '-'`)
    if (pluginKeys.has(plugin.key)) problems.push(`${at}: listed twice`)
    pluginKeys.add(plugin.key)
    if (!plugin.name?.['zh-CN'] || !plugin.name?.en) problems.push(`${at}: name needs both 'zh-CN' and 'en'`)
    if (!Array.isArray(plugin.metrics) || plugin.metrics.length === 0) problems.push(`${at}: defines no metrics`)
    const due = plugin.returnDueDay
    if (due !== undefined && !(Number.isInteger(due) && due >= 1 && due <= 28)) {
      problems.push(`${at}: returnDueDay ${JSON.stringify(due)} is not a day of the month from 1 to 28 (every month has it)`)
    }
    for (const metric of plugin.metrics ?? []) {
      if (metrics.has(metric.key)) problems.push(`${at}: metric '${metric.key}': key is defined twice`)
      metrics.set(metric.key, metric)
    }
  }

  for (const plugin of plugins) {
    const at = `plugin '${plugin.key}'`
    let weights = 0
    for (const metric of plugin.metrics ?? []) {
      const m = `${at}: metric '${metric.key}'`
      if (!metric.key?.startsWith(`${plugin.key}.`) || metric.key.length <= plugin.key.length + 1) {
        problems.push(`${m}: key must start with '${plugin.key}.'`)
      }
      if (!metric.name?.['zh-CN'] || !metric.name?.en) problems.push(`${m}: name needs both 'zh-CN' and 'en'`)
      const unit = unitOf(metric.unit)
      if (!unit) problems.push(`${m}: unit '${metric.unit}' is unknown (see plugins/sdk/units.ts)`)
      if (!isOneOf(metricKinds, metric.kind)) problems.push(`${m}: kind '${metric.kind}' is not one of ${metricKinds.join(', ')}`)
      if (!isOneOf(directions, metric.direction)) {
        problems.push(`${m}: direction '${metric.direction}' is not one of ${directions.join(', ')}`)
      }
      const rule = targetRuleOf(metric)
      if (!isOneOf(targetRules, rule)) problems.push(`${m}: targetRule '${rule}' is not one of ${targetRules.join(', ')}`)
      const granularity = granularityOf(metric)
      if (!isOneOf(granularities, granularity)) {
        problems.push(`${m}: granularity '${granularity}' is not one of ${granularities.join(', ')}`)
      }
      if (!isOneOf(enteringUnitKinds, enteredByOf(metric))) {
        problems.push(`${m}: enteredBy '${metric.enteredBy}' is not one of ${enteringUnitKinds.join(', ')}`)
      }
      if (unit && metric.kind === 'RATE' && !unit.rate) problems.push(`${m}: a RATE is counted in '%', not '${metric.unit}'`)
      if (unit && metric.kind !== 'RATE' && unit.rate) problems.push(`${m}: unit '%' is for RATE metrics only`)
      if (unit && metric.kind === 'RANK' && !unit.rank) problems.push(`${m}: a RANK is counted in '名', not '${metric.unit}'`)

      const hasParts = metric.numerator !== undefined || metric.denominator !== undefined
      if (metric.kind === 'RATE' && hasParts) {
        for (const part of ['numerator', 'denominator'] as const) {
          const key = metric[part]
          const target = key === undefined ? undefined : metrics.get(key)
          if (key === undefined) problems.push(`${m}: a RATE with a ${part === 'numerator' ? 'denominator' : 'numerator'} needs a ${part} too`)
          else if (!target) problems.push(`${m}: ${part} '${key}' is not defined`)
          else if (target.kind !== 'FLOW' && target.kind !== 'STOCK') {
            problems.push(`${m}: ${part} '${key}' is a ${target.kind}; it must be a FLOW or STOCK count`)
          } else if (enteredByOf(target) !== enteredByOf(metric)) {
            problems.push(`${m}: ${part} '${key}' is entered by ${enteredByOf(target)}, the rate by ${enteredByOf(metric)}`)
          }
        }
      } else if (hasParts) {
        problems.push(`${m}: only a RATE has a numerator and denominator`)
      }

      if (metric.scoring) {
        const s = metric.scoring
        if (!isOneOf(scoringRules, s.rule)) problems.push(`${m}: scoring rule '${s.rule}' is not one of ${scoringRules.join(', ')}`)
        if (!(typeof s.weight === 'number' && s.weight > 0)) problems.push(`${m}: scoring weight must be a number above 0`)
        else weights += s.weight
        if (s.rule === 'DEDUCTION' && !(s.perUnit > 0)) problems.push(`${m}: DEDUCTION scoring needs perUnit above 0`)
        if (s.rule === 'PROPORTIONAL' && s.cap !== undefined && !(s.cap >= 1)) problems.push(`${m}: PROPORTIONAL cap must be 1 or more`)
        if (s.rule === 'ZERO_TOLERANCE' && rule !== 'ZERO_TOLERANCE' && rule !== 'AT_MOST') {
          problems.push(`${m}: ZERO_TOLERANCE scoring needs a ceiling (targetRule ZERO_TOLERANCE or AT_MOST)`)
        }
      }
    }
    if (plugin.totalWeight !== undefined && Math.abs(weights - plugin.totalWeight) > 1e-9) {
      problems.push(`${at}: scoring weights add up to ${weights}, but totalWeight is ${plugin.totalWeight}`)
    }

    for (const [i, figure] of (plugin.reportFigures ?? []).entries()) {
      const f = `${at}: reportFigures[${i}] (${figure.metric})`
      const metric = metrics.get(figure.metric)
      if (!metric) problems.push(`${f}: metric '${figure.metric}' is not defined`)
      else if (!metric.key.startsWith(`${plugin.key}.`)) problems.push(`${f}: metric '${figure.metric}' belongs to another plugin`)
      const badValue = metric ? valueProblems(f, metric, figure.value) : []
      problems.push(...badValue)
      // The value is the number the report writes, in the metric's base unit ('257.21万元' is 2572100).
      if (metric && badValue.length === 0 && figure.stated) {
        const stated = parseStated(figure.stated)
        if ('problem' in stated) problems.push(`${f}: ${stated.problem}`)
        else if (!sameNumber(figure.value, stated.value)) {
          problems.push(`${f}: value ${figure.value} is not the ${stated.value} that stated '${figure.stated}' says`)
        }
      }
      if (figure.qualifier !== undefined && !isOneOf(qualifiers, figure.qualifier)) {
        problems.push(`${f}: qualifier '${figure.qualifier}' is not one of ${qualifiers.join(', ')}`)
      }
      const report = reportOf(figure, context.reports, (problem) => problems.push(`${f}: ${problem}`))
      if (!report) continue
      // With several reports, a problem says which one was searched, and why when the figure named none.
      const several = context.reports.length > 1
      const where = several
        ? `report '${report.id}'${figure.report === undefined ? " (the installation's first report, quoted when a figure names none)" : ''}`
        : 'the report'
      const span = spanOf(figure, report, where)
      if ('problem' in span) problems.push(`${f}: ${span.problem}`)
      else {
        if (span.from > span.to) problems.push(`${f}: from ${span.from} is after to ${span.to}`)
        if (span.to > report.date) problems.push(`${f}: to ${span.to} is after the date of ${where}, ${report.date}`)
      }
      const quote = figure.quote ?? figure.stated
      const occurrences = report.count(quote)
      if (!figure.stated) problems.push(`${f}: stated (the figure as the report writes it) is missing`)
      else if (!quote.includes(figure.stated)) problems.push(`${f}: stated '${figure.stated}' is not in its quote '${quote}'`)
      if (occurrences === 0) problems.push(`${f}: quote '${quote}' does not occur in ${where}`)
      else if (occurrences > 1) problems.push(`${f}: quote '${quote}' occurs ${occurrences} times in ${where}; quote a longer passage`)
    }
    for (const [i, rule] of (plugin.validation ?? []).entries()) {
      const r = `${at}: validation[${i}] (${rule.metric})`
      const metric = metrics.get(rule.metric)
      if (!metric) problems.push(`${r}: metric '${rule.metric}' is not defined`)
      if (!rule.message?.['zh-CN'] || !rule.message?.en) problems.push(`${r}: message needs both 'zh-CN' and 'en'`)
      if (rule.atMost !== undefined) {
        const other = metrics.get(rule.atMost)
        if (!other) problems.push(`${r}: atMost '${rule.atMost}' is not defined`)
        else if (metric && (metric.unit !== other.unit || metric.kind !== other.kind)) {
          problems.push(`${r}: atMost '${rule.atMost}' is counted in ${other.kind} ${other.unit}, '${rule.metric}' in ${metric.kind} ${metric.unit}; only like can be compared`)
        }
      } else if (!(typeof rule.max === 'number' && Number.isFinite(rule.max))) {
        problems.push(`${r}: a rule needs atMost (another metric) or max (a number)`)
      }
    }
    for (const [i, target] of (plugin.targets ?? []).entries()) {
      const t = `${at}: targets[${i}] (${target.metric} ${target.year})`
      const metric = metrics.get(target.metric)
      if (!metric) problems.push(`${t}: target for metric '${target.metric}', which is not defined`)
      if (!Number.isInteger(target.year) || target.year < 2000 || target.year > 2100) problems.push(`${t}: year must be a whole year such as 2024`)
      if (metric) problems.push(...valueProblems(t, metric, target.value))
      if (!target.reason) problems.push(`${t}: a target needs a reason`)
      if (target.orgUnit !== undefined && context.orgUnitKeys && !context.orgUnitKeys.includes(target.orgUnit)) {
        problems.push(`${t}: org unit '${target.orgUnit}' is not defined; the installation's are ${listed(context.orgUnitKeys, 20)}`)
      }
    }
  }

  if (problems.length > 0) throw new PluginValidationError(problems)
}

/** Keys for a message: at most `most` of them, and how many more there are. */
export function listed(keys: readonly string[], most: number): string {
  if (keys.length === 0) return 'none'
  const shown = keys.slice(0, most).join(', ')
  return keys.length > most ? `${shown} and ${keys.length - most} more` : shown
}

/**
 * A value as the metric's unit keeps it: counts whole, money in fen, jin in tenths. A value
 * within 1e-9 of that precision (float noise, as in 0.1 + 0.2) is taken as the rounded value;
 * anything further off is not. The tolerance grows with the value only as far as a double's
 * own precision does.
 */
export function roundToUnit(value: number, decimals: number): number | undefined {
  const scale = 10 ** decimals
  const scaled = value * scale
  const whole = Math.round(scaled)
  const tolerance = Math.max(1e-9, 8 * Number.EPSILON * Math.abs(scaled))
  return Math.abs(scaled - whole) <= tolerance ? whole / scale : undefined
}

/**
 * What a value of this metric may be, and the value to store: rates within 0..1, ranks whole
 * from 1, counts and money not negative, at the unit's precision (rounded when within 1e-9 of
 * it) and at most the unit's bound.
 */
export function checkValue(metric: MetricDefinition, value: number): { value: number } | { problem: string } {
  const unit = unitOf(metric.unit)
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'value must be a number' }
  if (value < 0) return { problem: `value ${value} is negative` }
  if (metric.kind === 'RATE') {
    if (value > 1) return { problem: `a rate is a fraction from 0 to 1 (100% is 1), not ${value}` }
    return { value }
  }
  if (metric.kind === 'RANK') {
    const rank = roundToUnit(value, 0)
    const most = unit?.max ?? 1000
    if (rank === undefined || rank < 1 || rank > most) return { problem: `a rank is a whole number from 1 to ${most}, not ${value}` }
    return { value: rank }
  }
  if (!unit) return { value }
  if (value > unit.max) {
    return { problem: `value ${value} is more than ${unit.max.toLocaleString('en-US')} ${metric.unit}, the most one figure may hold` }
  }
  const rounded = roundToUnit(value, unit.decimals)
  if (rounded === undefined) {
    return {
      problem: unit.decimals === 0
        ? `value ${value} must be a whole number of ${metric.unit}`
        : `value ${value} has more than ${unit.decimals} decimals for '${metric.unit}'`,
    }
  }
  return { value: rounded }
}

/** What is wrong with a value of this metric, each problem prefixed by `at`. */
export function valueProblems(at: string, metric: MetricDefinition, value: number): string[] {
  const checked = checkValue(metric, value)
  return 'problem' in checked ? [`${at}: ${checked.problem}`] : []
}
