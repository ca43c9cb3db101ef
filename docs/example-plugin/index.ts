// An example supervision-area plugin kept as a package of its own, outside the platform's
// plugins folder: it depends on @msp/plugin-sdk alone. An installation lists it in its
// msp.config.ts like any other plugin (see ../plugins.md).
import { countMetric, definePlugin } from '@msp/plugin-sdk'

const name = (zh: string, en: string) => ({ 'zh-CN': zh, en })

export const elevators = definePlugin({
  key: 'elevators',
  name: name('电梯安全', 'Elevator safety'),
  totalWeight: 10,
  metrics: [
    countMetric('elevators.inspected', name('监督检查电梯', 'Elevators inspected'), '台', {
      scoring: { rule: 'PROPORTIONAL', weight: 4 },
    }),
    countMetric('elevators.hazards-found', name('发现隐患电梯', 'Elevators found with hazards'), '台'),
    countMetric('elevators.hazards-fixed', name('隐患整改到位电梯', 'Elevators with hazards fixed'), '台'),
    {
      key: 'elevators.fix-rate',
      name: name('隐患整改率', 'Hazards fixed'),
      unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER',
      numerator: 'elevators.hazards-fixed', denominator: 'elevators.hazards-found',
      scoring: { rule: 'PROPORTIONAL', weight: 3 },
    },
    countMetric('elevators.entrapments', name('电梯困人故障', 'Passenger entrapments'), '起', {
      direction: 'LOWER_IS_BETTER', targetRule: 'ZERO_TOLERANCE',
      scoring: { rule: 'ZERO_TOLERANCE', weight: 3 },
    }),
  ],
  validation: [
    {
      metric: 'elevators.hazards-found', atMost: 'elevators.inspected',
      message: name('发现隐患的电梯不能多于检查的电梯', 'Elevators found with hazards cannot outnumber the elevators inspected'),
    },
  ],
  // Defaults until the bureau's leaders set their own; a target someone enters is never overwritten.
  targets: [2024, 2025].flatMap((year) => [
    { metric: 'elevators.inspected', year, value: 1200, reason: 'Plugin default: inspect every elevator in the district once a year' },
    { metric: 'elevators.fix-rate', year, value: 0.95, reason: 'Plugin default: fix 95% of the hazards found' },
    { metric: 'elevators.entrapments', year, value: 0, reason: 'Plugin default: no passenger entrapments' },
  ]),
})
