import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const staffing = definePlugin({
  key: 'staffing',
  name: { 'zh-CN': '队伍建设', en: 'Staffing' },
  metrics: [
    countMetric('staffing.civil-servants-recruited', { 'zh-CN': '招录公务员', en: 'Civil servants recruited' }, '人', office),
    countMetric('staffing.law-graduates-recruited', { 'zh-CN': '招录法律专业人才', en: 'Of them, law graduates' }, '人', office),
    countMetric('staffing.grassroots-stations', { 'zh-CN': '基层市场监管所', en: 'Grassroots market-supervision stations' }, '个', { ...office, kind: 'STOCK' }),
  ],
  reportFigures: [
    { metric: 'staffing.civil-servants-recruited', value: 33, span: 'year2023ToDate', stated: '33人', quote: '2023年招录公务员33人' },
    { metric: 'staffing.law-graduates-recruited', value: 14, span: 'year2023ToDate', stated: '14人', quote: '专门招录法律专业人才14人' },
    { metric: 'staffing.grassroots-stations', value: 13, span: 'onReportDate', stated: '13个', quote: '13个基层市场所' },
  ],
})
