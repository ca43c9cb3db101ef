import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const staffing = definePlugin({
  key: 'staffing',
  name: { 'zh-CN': '队伍建设', en: 'Staffing' },
  metrics: [
    countMetric('staffing.civil-servants-recruited', { 'zh-CN': '招录公务员', en: 'Civil servants recruited' }, '人', office),
    countMetric('staffing.law-graduates-recruited', { 'zh-CN': '招录法律专业人才', en: 'Of them, law graduates' }, '人', office),
    countMetric('staffing.grassroots-stations', { 'zh-CN': '基层市场监管所', en: 'Grassroots market-supervision stations' }, '个', { ...office, kind: 'STOCK' }),
    // Persons honoured, counted in 人 like every count of people: the report's 名 here is a
    // measure word for persons, not a place in a ranking.
    countMetric('staffing.wuchang-models', { 'zh-CN': '入选“武昌楷模”的基层干部', en: 'Grassroots officers named a "Wuchang Model"' }, '人', office),
    // The former bureaus (工商, 食药监 …) the enforcement staff were merged from in the
    // institutional reform: a fact about the staff as it stands, so a stock. Unscored: neither
    // more nor fewer is better, and it carries no target.
    countMetric('staffing.merged-bureaus', { 'zh-CN': '执法人员整合来源局', en: 'Former bureaus the enforcement staff were merged from' }, '局', { ...office, kind: 'STOCK' }),
  ],
  reportFigures: [
    { metric: 'staffing.civil-servants-recruited', value: 33, span: 'year2023ToDate', stated: '33人', quote: '2023年招录公务员33人' },
    { metric: 'staffing.law-graduates-recruited', value: 14, span: 'year2023ToDate', stated: '14人', quote: '专门招录法律专业人才14人' },
    { metric: 'staffing.grassroots-stations', value: 13, span: 'onReportDate', stated: '13个', quote: '13个基层市场所' },
    { metric: 'staffing.wuchang-models', value: 1, span: 'sinceAppointment', stated: '1名', quote: '1名基层干部入选“武昌楷模”' },
    { metric: 'staffing.merged-bureaus', value: 5, span: 'onReportDate', stated: '5局', quote: '执法人员由工商局、食药监等5局整合而来' },
  ],
})
