import { countMetric, definePlugin } from '@msp/plugin-sdk'

const sentence = '查办各类违法案件885件,案值257.21万元,罚没款311.25万元'

export const enforcement = definePlugin({
  key: 'enforcement',
  name: { 'zh-CN': '综合执法办案', en: 'Comprehensive enforcement' },
  metrics: [
    countMetric('enforcement.cases-handled', { 'zh-CN': '查办违法案件', en: 'Cases handled' }, '件'),
    countMetric('enforcement.case-value', { 'zh-CN': '案值', en: 'Value of the cases' }, '元'),
    countMetric('enforcement.fines', { 'zh-CN': '罚没款', en: 'Fines and confiscations' }, '元'),
    // The categories of violation the district's enforcement focuses on: one list for the
    // whole district, kept by the offices, so a level (a stock), never summed over stations
    // or months.
    countMetric('enforcement.key-violation-categories', { 'zh-CN': '民生重点违法行为类别', en: 'Categories of violations affecting daily life targeted' }, '类', {
      kind: 'STOCK', enteredBy: 'OFFICE',
    }),
  ],
  reportFigures: [
    { metric: 'enforcement.cases-handled', value: 885, span: 'since2022', stated: '885件', quote: sentence },
    { metric: 'enforcement.case-value', value: 2_572_100, span: 'since2022', stated: '257.21万元', quote: sentence },
    { metric: 'enforcement.fines', value: 3_112_500, span: 'since2022', stated: '311.25万元', quote: sentence },
    { metric: 'enforcement.key-violation-categories', value: 15, span: 'onReportDate', stated: '15类', quote: '针对15类民生重点违法行为' },
  ],
})
