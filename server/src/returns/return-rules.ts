// The checks across a return's values: the plugins' rules (one metric at most another, a bound)
// and the one every rate of two counts implies (its numerator at most its denominator). Pure.
import type { ValueProblem } from '../engine/index.ts'
import type { Registry } from '../registry.ts'
import { both } from './return-metrics.ts'

/** What breaks a rule among the values of one unit and month (metric key → value; empty ones absent). */
export function ruleProblems(registry: Registry, values: ReadonlyMap<string, number>): ValueProblem[] {
  const problems: ValueProblem[] = []
  // A pair a plugin's rule already compared is not compared again as a rate's parts.
  const compared = new Set<string>()
  const name = (key: string) => registry.metrics.get(key)!.name
  for (const rule of registry.validation) {
    const value = values.get(rule.metric)
    if (value === undefined) continue
    if (rule.max !== undefined) {
      if (value > rule.max) {
        problems.push({ metric: rule.metric, message: both(`${name(rule.metric)['zh-CN']}：${value}超过${rule.max}（${rule.message['zh-CN']}）`, `${name(rule.metric).en}: ${value} is more than ${rule.max} (${rule.message.en})`) })
      }
      continue
    }
    const other = values.get(rule.atMost)
    compared.add(`${rule.metric}|${rule.atMost}`)
    if (other !== undefined && value > other) {
      problems.push({
        metric: rule.metric,
        message: both(
          `${name(rule.metric)['zh-CN']}（${value}）不能多于${name(rule.atMost)['zh-CN']}（${other}）：${rule.message['zh-CN']}`,
          `${name(rule.metric).en} (${value}) cannot be more than ${name(rule.atMost).en} (${other}): ${rule.message.en}`,
        ),
      })
    }
  }
  for (const rate of registry.metrics.values()) {
    if (!rate.numerator || !rate.denominator) continue
    const part = values.get(rate.numerator)
    const whole = values.get(rate.denominator)
    if (part === undefined || whole === undefined || part <= whole || compared.has(`${rate.numerator}|${rate.denominator}`)) continue
    problems.push({
      metric: rate.numerator,
      message: both(
        `${name(rate.numerator)['zh-CN']}（${part}）不能多于${name(rate.denominator)['zh-CN']}（${whole}）：前者是${rate.name['zh-CN']}的分子`,
        `${name(rate.numerator).en} (${part}) cannot be more than ${name(rate.denominator).en} (${whole}): it is the numerator of ${rate.name.en}`,
      ),
    })
  }
  return problems
}
