import type { Dictionary } from './zh-CN.ts'

export const en: Dictionary = {
  app: { title: 'Wuchang market supervision performance', subtitle: 'Entered once, computed everywhere', english: 'English', chinese: '中文' },
  nav: { scorecard: 'Scorecard', area: 'Area', metric: 'Metric' },
  sample: {
    banner: 'Values marked "sample" are demonstration data: the report states district totals only; the station split, the months outside its spans and the targets for counts are samples. Values marked "report" are stated in the report: click one for the report\'s sentence.',
    tag: 'sample',
    tip: 'Sample data, not stated in the report',
  },
  report: {
    tag: 'report',
    tip: "Stated in the report: open for the report's sentence",
    open: "Open the report's sentence",
    fromCounts: "Computed from the report's counts",
    fromCountsTip: "The report does not state this rate: it is computed from the numerator and denominator the report states",
  },
  xlsx: {
    summary: 'Summary', maxPoints: 'Max', marks: 'Marks', note: 'Note', scoreOn100: 'Score on 100', metrics: 'Metrics', legend: 'Marks',
  },
  period: {
    label: 'Period', YEAR: 'Year', HALF: 'Half year', QUARTER: 'Quarter', MONTH: 'Month', AS_OF: 'Year to date', CUSTOM: 'Custom',
    half: 'H{{n}}', halves: ['First half', 'Second half'], quarter: 'Q{{n}}', month: 'Month {{n}}', asOf: 'As of', year: '{{n}}',
    sinceReport: "The report's span (since 2022)",
  },
  orgUnit: { label: 'Unit' },
  score: { overall: 'Overall score', area: 'Score', of: 'of {{max}}', none: 'No scored metrics', monitored: 'Monitored, not scored', on100: '{{score}} on 100', on100Tip: 'Score ÷ maximum × 100: comparable with the district' },
  columns: {
    metric: 'Metric', actual: 'Actual', unit: 'Unit', target: 'Target', completion: 'Completion', expected: 'Due by now',
    previous: 'Last year', change: 'Change', changeRate: 'Change %', status: 'Status', points: 'Points', rank: 'Rank',
    orgUnit: 'Unit', period: 'Period', value: 'Value', source: 'Source', note: 'Note', score: 'Score', behind: 'Behind', met: 'Met',
  },
  status: { MET: 'Met', ON_TRACK: 'On track', BEHIND: 'Behind', NO_TARGET: 'No target', NO_DATA: 'No data' },
  trend: { BETTER: 'Better', WORSE: 'Worse', SAME: 'No change' },
  source: { REPORT: 'Report', ENTERED: 'Entered', IMPORTED: 'Imported', SAMPLE: 'Sample' },
  empty: {
    noTarget: 'No target set for {{year}}',
    noData: 'No data for this period',
    noFigures: 'This unit has entered no figures for this period',
    noScorecard: 'No data at all for this period: the sample data covers January 2021 to June 2024',
    nothingBehind: 'Nothing is behind',
  },
  actions: { export: 'Export CSV', exportXlsx: 'Export XLSX', onlyBehind: 'Only behind', print: 'Print', retry: 'Retry' },
  error: { title: 'Could not load', network: 'Cannot reach the server' },
  area: {
    byYear: 'Actual against target by year', byMonth: '{{year}} against {{last}} by month', stations: 'Units ranked by score', metrics: 'Metrics',
    actual: 'Actual', target: 'Target',
  },
  metric: {
    definition: 'Definition', kind: 'Kind', direction: 'Direction', targetRule: 'Target rule', weight: 'Weight', scoringRule: 'Scoring',
    granularity: 'Granularity', numerator: 'Numerator', denominator: 'Denominator', fromReport: 'From the report', figures: 'Stored figures',
    stations: 'By unit', series: 'By month and by year', unscored: 'unscored', section: 'Section', stated: 'As written', spanAssumed: 'Span assumed', thisYear: '{{year}}',
    lastYear: '{{year}}', allUnits: 'All units',
    unitsAgree: "The units' figures add up to {{total}}, as the report says",
    unitsDiffer: "The units' figures add up to {{total}}, not what the report says: check them",
  },
  kind: { FLOW: 'Flow (summed)', STOCK: 'Stock (latest)', RATE: 'Rate', RANK: 'Rank' },
  direction: { HIGHER_IS_BETTER: 'Higher is better', LOWER_IS_BETTER: 'Lower is better' },
  targetRule: { AT_LEAST: 'At least', AT_MOST: 'At most', EXACTLY: 'Exactly', ZERO_TOLERANCE: 'Zero tolerance' },
  scoringRule: { PROPORTIONAL: 'Proportional', ALL_OR_NOTHING: 'All or nothing', DEDUCTION: 'Deduction per unit short', ZERO_TOLERANCE: 'Zero tolerance' },
  qualifier: { AT_LEAST: '(a lower bound in the report)', ABOUT: '(approximate)' },
}
