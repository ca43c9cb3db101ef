import { countMetric, definePlugin } from '@msp/plugin-sdk'

const sentence = '查办各类违法案件885件,案值257.21万元,罚没款311.25万元'

export const enforcement = definePlugin({
  key: 'enforcement',
  name: { 'zh-CN': '综合执法办案', en: 'Comprehensive enforcement' },
  metrics: [
    countMetric('enforcement.cases-handled', { 'zh-CN': '查办违法案件', en: 'Cases handled' }, '件'),
    countMetric('enforcement.case-value', { 'zh-CN': '案值', en: 'Value of the cases' }, '元'),
    countMetric('enforcement.fines', { 'zh-CN': '罚没款', en: 'Fines and confiscations' }, '元'),
  ],
  reportFigures: [
    { metric: 'enforcement.cases-handled', value: 885, span: 'since2022', stated: '885件', quote: sentence },
    { metric: 'enforcement.case-value', value: 2_572_100, span: 'since2022', stated: '257.21万元', quote: sentence },
    { metric: 'enforcement.fines', value: 3_112_500, span: 'since2022', stated: '311.25万元', quote: sentence },
  ],
})
