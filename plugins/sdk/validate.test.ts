import { describe, expect, it } from 'vitest'
import { Report } from './report.ts'
import type { MetricDefinition, PluginDefinition } from './types.ts'
import { PluginValidationError, validatePlugins } from './validate.ts'

const report = new Report({
  id: 'test',
  title: 'test report',
  date: '2023-09-26',
  origin: 'written for this test',
  sha256: '',
  spans: { thisYear: { from: '2023-01-01', to: '2023-09-26', stated: '今年' } },
  lines: [
    '三、重点领域',
    '(一)稳字当头',
    '长江禁捕工作守土尽责。检查垂钓人员1812人次、劝离1358人次。市民满意率100%。上报满意率100%。',
  ],
})

const checked: MetricDefinition = {
  key: 'fishing-ban.checked', name: { 'zh-CN': '检查垂钓人员', en: 'Anglers checked' },
  unit: '人次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER', scoring: { rule: 'PROPORTIONAL', weight: 6 },
}
const persuaded: MetricDefinition = { ...checked, key: 'fishing-ban.persuaded', scoring: { rule: 'PROPORTIONAL', weight: 4 } }

function plugin(overrides: Partial<PluginDefinition> = {}): PluginDefinition {
  return {
    key: 'fishing-ban',
    name: { 'zh-CN': '长江禁捕', en: 'Fishing ban' },
    totalWeight: 10,
    metrics: [checked, persuaded],
    reportFigures: [{ metric: 'fishing-ban.checked', value: 1812, from: '2023-01-01', to: '2023-09-26', stated: '1812人次' }],
    ...overrides,
  }
}

function problemsOf(plugins: PluginDefinition[], orgUnitKeys?: string[]): string[] {
  try {
    validatePlugins(plugins, { reports: [report], orgUnitKeys })
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(PluginValidationError)
    return (error as PluginValidationError).problems
  }
}

describe('validatePlugins', () => {
  it('accepts a correct plugin', () => {
    expect(problemsOf([plugin()])).toEqual([])
  })

  it("quotes the installation's first report unless a figure names another", () => {
    const other = new Report({ id: 'other', title: 'other', date: '2024-01-20', origin: 'test', sha256: '', lines: ['全年检查垂钓人员900人次。'] })
    const validate = (figures: PluginDefinition['reportFigures']) => {
      try {
        validatePlugins([plugin({ reportFigures: figures })], { reports: [report, other] })
        return []
      } catch (error) {
        return (error as PluginValidationError).problems
      }
    }
    expect(validate(plugin().reportFigures)).toEqual([])
    expect(validate([{ metric: 'fishing-ban.checked', value: 900, from: '2023-01-01', to: '2023-12-31', stated: '900人次', report: 'other' }])).toEqual([])
    expect(validate([{ metric: 'fishing-ban.checked', value: 900, from: '2023-01-01', to: '2023-12-31', stated: '900人次' }])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): to 2023-12-31 is after the date of report 'test' (the installation's first report, quoted when a figure names none), 2023-09-26",
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): quote '900人次' does not occur in report 'test' (the installation's first report, quoted when a figure names none)",
    ])
    // A figure that names its report is told which one was searched, without the reminder.
    expect(validate([{ metric: 'fishing-ban.checked', value: 1812, from: '2023-01-01', to: '2023-09-26', stated: '1812人次', report: 'other' }])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): quote '1812人次' does not occur in report 'other'",
    ])
    expect(validate([{ metric: 'fishing-ban.checked', value: 900, span: 'whole2023', stated: '900人次', report: 'other' }])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): span 'whole2023' is not named in report 'other', which names no spans",
    ])
    expect(validate([{ metric: 'fishing-ban.checked', value: 900, from: '2023-01-01', to: '2023-12-31', stated: '900人次', report: 'nope' }])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): report 'nope' is not one of the installation's (test, other)",
    ])
  })

  it('takes a return due day every month has, and names the plugin and the key otherwise', () => {
    expect(problemsOf([plugin({ returnDueDay: 3 })])).toEqual([])
    expect(problemsOf([plugin({ returnDueDay: 28 })])).toEqual([])
    for (const day of [0, 29, 31, 2.5, '5' as unknown as number]) {
      expect(problemsOf([plugin({ returnDueDay: day })])).toEqual([
        `plugin 'fishing-ban': returnDueDay ${JSON.stringify(day)} is not a day of the month from 1 to 28 (every month has it)`,
      ])
    }
  })

  it('rejects a metric key defined twice', () => {
    expect(problemsOf([plugin({ metrics: [checked, { ...checked }, persuaded] })])).toContain(
      "plugin 'fishing-ban': metric 'fishing-ban.checked': key is defined twice",
    )
  })

  it('rejects a metric key not prefixed by the plugin key', () => {
    const stray = { ...persuaded, key: 'fishing.persuaded' }
    expect(problemsOf([plugin({ metrics: [checked, stray] })])).toContain(
      "plugin 'fishing-ban': metric 'fishing.persuaded': key must start with 'fishing-ban.'",
    )
  })

  it('rejects a RATE whose denominator is not defined', () => {
    const rate: MetricDefinition = {
      key: 'fishing-ban.persuaded-share', name: { 'zh-CN': '劝离率', en: 'Persuaded share' }, unit: '%',
      kind: 'RATE', direction: 'HIGHER_IS_BETTER', numerator: 'fishing-ban.persuaded', denominator: 'fishing-ban.checkd',
    }
    expect(problemsOf([plugin({ metrics: [checked, persuaded, rate] })])).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.persuaded-share': denominator 'fishing-ban.checkd' is not defined",
    ])
  })

  it('rejects a RATE with a numerator but no denominator, and parts on a non-RATE', () => {
    const rate: MetricDefinition = {
      key: 'fishing-ban.share', name: { 'zh-CN': '率', en: 'Share' }, unit: '%',
      kind: 'RATE', direction: 'HIGHER_IS_BETTER', numerator: 'fishing-ban.persuaded',
    }
    const flow = { ...persuaded, numerator: 'fishing-ban.checked' }
    expect(problemsOf([plugin({ metrics: [checked, flow, rate] })])).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.persuaded': only a RATE has a numerator and denominator",
      "plugin 'fishing-ban': metric 'fishing-ban.share': a RATE with a numerator needs a denominator too",
    ])
  })

  it('rejects an unknown unit', () => {
    const odd = { ...persuaded, unit: 'widgets' } as unknown as MetricDefinition
    expect(problemsOf([plugin({ metrics: [checked, odd] })])).toContain(
      "plugin 'fishing-ban': metric 'fishing-ban.persuaded': unit 'widgets' is unknown (see plugins/sdk/units.ts)",
    )
  })

  it('rejects a target for an unknown metric, and one for an unknown org unit, listing the org units', () => {
    const targets = [
      { metric: 'fishing-ban.nets', year: 2023, value: 5, reason: 'sample' },
      { metric: 'fishing-ban.checked', year: 2023, value: 5, reason: 'sample', orgUnit: 'nowhere' },
    ]
    expect(problemsOf([plugin({ targets })], ['district', 'station-a'])).toEqual([
      "plugin 'fishing-ban': targets[0] (fishing-ban.nets 2023): target for metric 'fishing-ban.nets', which is not defined",
      "plugin 'fishing-ban': targets[1] (fishing-ban.checked 2023): org unit 'nowhere' is not defined; the installation's are district, station-a",
    ])
    // At most 20 of them.
    const many = Array.from({ length: 25 }, (_, i) => `s${i + 1}`)
    expect(problemsOf([plugin({ targets: [targets[1]!] })], many)).toEqual([
      `plugin 'fishing-ban': targets[0] (fishing-ban.checked 2023): org unit 'nowhere' is not defined; the installation's are ${many.slice(0, 20).join(', ')} and 5 more`,
    ])
  })

  it('rejects weights that do not add up to the declared total', () => {
    expect(problemsOf([plugin({ totalWeight: 15 })])).toEqual([
      "plugin 'fishing-ban': scoring weights add up to 10, but totalWeight is 15",
    ])
  })

  it('rejects a report reference that does not occur in the report', () => {
    const figure = { metric: 'fishing-ban.checked', value: 1813, from: '2023-01-01', to: '2023-09-26', stated: '1813人次' }
    expect(problemsOf([plugin({ reportFigures: [figure] })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): quote '1813人次' does not occur in the report",
    ])
  })

  it('rejects an ambiguous quote and a stated figure outside its quote', () => {
    const figures = [
      { metric: 'fishing-ban.checked', value: 1, from: '2023-01-01', to: '2023-09-26', stated: '满意率100%' },
      { metric: 'fishing-ban.persuaded', value: 1359, from: '2023-01-01', to: '2023-09-26', stated: '1359人次', quote: '劝离1358人次' },
    ]
    expect(problemsOf([plugin({ reportFigures: figures })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): quote '满意率100%' occurs 2 times in the report; quote a longer passage",
      "plugin 'fishing-ban': reportFigures[1] (fishing-ban.persuaded): stated '1359人次' is not in its quote '劝离1358人次'",
    ])
  })

  it('rejects a value that is not the number stated', () => {
    const figure = (value: number, stated: string, quote?: string) => ({ metric: 'fishing-ban.checked', value, from: '2023-01-01', to: '2023-09-26', stated, quote })
    expect(problemsOf([plugin({ reportFigures: [figure(2106, '1812人次')] })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): value 2106 is not the 1812 that stated '1812人次' says",
    ])
    // 满意率100% is a rate of 1, not 100.
    const rate: MetricDefinition = { key: 'fishing-ban.satisfaction', name: { 'zh-CN': '满意率', en: 'Satisfaction' }, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER' }
    const rateFigure = { metric: 'fishing-ban.satisfaction', from: '2023-01-01', to: '2023-09-26', stated: '100%', quote: '市民满意率100%' }
    expect(problemsOf([plugin({ metrics: [checked, persuaded, rate], reportFigures: [{ ...rateFigure, value: 1 }] })])).toEqual([])
    expect(problemsOf([plugin({ metrics: [checked, persuaded, rate], reportFigures: [{ ...rateFigure, value: 0.99 }] })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.satisfaction): value 0.99 is not the 1 that stated '100%' says",
    ])
    expect(problemsOf([plugin({ reportFigures: [figure(1812, '检查垂钓人员', '检查垂钓人员1812人次')] })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): stated '检查垂钓人员' holds no number to check value against",
    ])
  })

  it('rejects bad spans and values that do not fit the metric', () => {
    const figures = [
      { metric: 'fishing-ban.checked', value: 18.5, from: '2023-02-30', to: '2023-01-01', stated: '1812人次' },
    ]
    expect(problemsOf([plugin({ reportFigures: figures })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): value 18.5 must be a whole number of 人次",
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): from '2023-02-30' is not a date (YYYY-MM-DD)",
    ])
    const backwards = [{ metric: 'fishing-ban.checked', value: 1812, from: '2023-03-01', to: '2023-01-01', stated: '1812人次' }]
    expect(problemsOf([plugin({ reportFigures: backwards })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): from 2023-03-01 is after to 2023-01-01",
    ])
  })

  it('rejects a span the report does not name', () => {
    const figures = [{ metric: 'fishing-ban.checked', value: 1812, span: 'since2021', stated: '1812人次' }]
    expect(problemsOf([plugin({ reportFigures: figures })])).toEqual([
      "plugin 'fishing-ban': reportFigures[0] (fishing-ban.checked): span 'since2021' is not named in the report, which names thisYear",
    ])
  })

  it('rejects a rate above 1 and a rate counted in a count unit', () => {
    const rate: MetricDefinition = {
      key: 'fishing-ban.satisfaction', name: { 'zh-CN': '满意率', en: 'Satisfaction' }, unit: '人次',
      kind: 'RATE', direction: 'HIGHER_IS_BETTER',
    }
    const problems = problemsOf([plugin({
      metrics: [checked, persuaded, rate],
      targets: [{ metric: 'fishing-ban.satisfaction', year: 2023, value: 100, reason: 'sample' }],
    })])
    expect(problems).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.satisfaction': a RATE is counted in '%', not '人次'",
      "plugin 'fishing-ban': targets[0] (fishing-ban.satisfaction 2023): a rate is a fraction from 0 to 1 (100% is 1), not 100",
    ])
  })

  it('rejects two plugins with one key, and a bad plugin key', () => {
    const problems = problemsOf([plugin(), plugin({ metrics: [], totalWeight: undefined, reportFigures: [] }), plugin({ key: 'Fishing Ban', metrics: [] })])
    expect(problems).toContain("plugin 'fishing-ban': listed twice")
    expect(problems).toContain("plugin 'Fishing Ban': key must be lower-case words joined by '-'")
    expect(problems).toContain("plugin 'Fishing Ban': defines no metrics")
  })

  it('rejects a rate whose counts are entered by other units than the rate', () => {
    const rate: MetricDefinition = {
      key: 'fishing-ban.share', name: { 'zh-CN': '率', en: 'Share' }, unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER',
      numerator: 'fishing-ban.persuaded', denominator: 'fishing-ban.checked', enteredBy: 'OFFICE',
    }
    expect(problemsOf([plugin({ metrics: [checked, persuaded, rate] })])).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.share': numerator 'fishing-ban.persuaded' is entered by STATION, the rate by OFFICE",
      "plugin 'fishing-ban': metric 'fishing-ban.share': denominator 'fishing-ban.checked' is entered by STATION, the rate by OFFICE",
    ])
  })

  it('rejects zero-tolerance scoring on a metric without a ceiling', () => {
    const bad = { ...persuaded, scoring: { rule: 'ZERO_TOLERANCE' as const, weight: 4 } }
    expect(problemsOf([plugin({ metrics: [checked, bad] })])).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.persuaded': ZERO_TOLERANCE scoring needs a ceiling (targetRule ZERO_TOLERANCE or AT_MOST)",
    ])
  })
})

describe('Report.locate', () => {
  it('gives the whole sentence and the section of a passage', () => {
    expect(report.locate('劝离1358人次')).toEqual({
      line: 3,
      sentence: '检查垂钓人员1812人次、劝离1358人次。',
      section: '三、重点领域 / (一)稳字当头 / 长江禁捕工作守土尽责',
    })
  })
})
