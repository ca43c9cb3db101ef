// Type tests: `tsc` (pnpm typecheck, run by CI) compiles this file. Each @ts-expect-error
// line must fail to compile; if definePlugin stopped catching the mistake, the directive
// itself becomes an error ("Unused '@ts-expect-error' directive") and CI fails.
import { countMetric, reportedRate } from './helpers.ts'
import { definePlugin } from './define.ts'

const name = { 'zh-CN': '化妆品安全', en: 'Cosmetics' }
const inspected = countMetric('cosmetics.inspected', { 'zh-CN': '检查化妆品经营者', en: 'Sellers inspected' }, '家次')
const faulty = countMetric('cosmetics.faulty', { 'zh-CN': '不合格', en: 'Faulty' }, '家次')

// A correct plugin compiles, with every kind of reference.
export const correct = definePlugin({
  key: 'cosmetics',
  name,
  metrics: [
    inspected,
    faulty,
    { key: 'cosmetics.pass-rate', name, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', numerator: 'cosmetics.faulty', denominator: 'cosmetics.inspected' },
    reportedRate('cosmetics.satisfaction', name),
  ],
  reportFigures: [{ metric: 'cosmetics.inspected', value: 1, span: 'since2022', stated: '1家次' }],
  targets: [{ metric: 'cosmetics.inspected', year: 2024, value: 100, reason: 'default' }],
  validation: [{ metric: 'cosmetics.faulty', atMost: 'cosmetics.inspected', message: name }],
})

definePlugin({
  key: 'cosmetics',
  name,
  // @ts-expect-error: a metric key outside the plugin's prefix ('cosmetic.', not 'cosmetics.')
  metrics: [inspected, countMetric('cosmetic.x', name, '家次')],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [inspected],
  // @ts-expect-error: a report figure for a metric the plugin does not define
  reportFigures: [{ metric: 'cosmetics.inspectd', value: 1, span: 'since2022', stated: '1家次' }],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [inspected],
  // @ts-expect-error: a target for a metric the plugin does not define
  targets: [{ metric: 'cosmetics.sold', year: 2024, value: 1, reason: 'default' }],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [
    inspected,
    // @ts-expect-error: a rate whose numerator is not defined
    { key: 'cosmetics.rate', name, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', numerator: 'cosmetics.nope', denominator: 'cosmetics.inspected' },
  ],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [
    inspected,
    // @ts-expect-error: a rate whose denominator is not defined
    { key: 'cosmetics.rate', name, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', numerator: 'cosmetics.inspected', denominator: 'food.inspected' },
  ],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [inspected],
  // @ts-expect-error: a validation rule naming an undefined metric
  validation: [{ metric: 'cosmetics.faulty', atMost: 'cosmetics.inspected', message: name }],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [inspected],
  // @ts-expect-error: a validation rule comparing with an undefined metric
  validation: [{ metric: 'cosmetics.inspected', atMost: 'cosmetics.sold', message: name }],
})

// A key built from a pattern (`cosmetics.${string}`) would let any reference through: refused.
const wide = (key: string) => countMetric(`cosmetics.${key}`, name, '家次')
// @ts-expect-error: metric keys must be literal strings
definePlugin({ key: 'cosmetics', name, metrics: [wide('inspected')] })

definePlugin({
  key: 'cosmetics',
  name,
  // @ts-expect-error: a unit the SDK does not know
  metrics: [countMetric('cosmetics.weight', name, 'kg')],
})

definePlugin({
  key: 'cosmetics',
  name,
  // @ts-expect-error: a kind outside the vocabulary
  metrics: [{ key: 'cosmetics.x', name, unit: '件', kind: 'COUNT', direction: 'HIGHER_IS_BETTER' }],
})

definePlugin({
  key: 'cosmetics',
  name,
  metrics: [inspected],
  // @ts-expect-error: a report figure needs a span or both from and to
  reportFigures: [{ metric: 'cosmetics.inspected', value: 1, from: '2023-01-01', stated: '1家次' }],
})
