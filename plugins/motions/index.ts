import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const
const motions = '共办理议案10件(主办7件,协办3件)'
const rates = '确保见面率100%、办复率100%、满意率和基本满意率100%'

export const peoplesCongressMotions = definePlugin({
  key: 'motions',
  name: { 'zh-CN': '议案建议办理', en: "People's congress motions and suggestions" },
  metrics: [
    countMetric('motions.led', { 'zh-CN': '主办议案', en: 'Motions handled as lead unit' }, '件', office),
    countMetric('motions.assisted', { 'zh-CN': '协办议案', en: 'Motions handled in support' }, '件', office),
    countMetric('motions.suggestions', { 'zh-CN': '闭会期间建议', en: 'Suggestions between sessions' }, '条', office),
    reportedRate('motions.meeting-rate', { 'zh-CN': '议案建议见面率', en: 'Deputies met' }, office),
    reportedRate('motions.reply-rate', { 'zh-CN': '议案建议办复率', en: 'Motions answered' }, office),
    reportedRate('motions.satisfaction-rate', { 'zh-CN': '满意率和基本满意率', en: 'Deputies satisfied or mostly satisfied' }, office),
  ],
  // The report's 10 motions are the 7 led and the 3 supported: kept as the two parts, so
  // the total is computed, never stored twice.
  reportFigures: [
    { metric: 'motions.led', value: 7, span: 'since2022', stated: '主办7件', quote: motions },
    { metric: 'motions.assisted', value: 3, span: 'since2022', stated: '协办3件', quote: motions },
    { metric: 'motions.suggestions', value: 3, span: 'since2022', stated: '3条', quote: '3条闭会期间建议' },
    { metric: 'motions.meeting-rate', value: 1, span: 'since2022', stated: '见面率100%', quote: rates },
    { metric: 'motions.reply-rate', value: 1, span: 'since2022', stated: '办复率100%', quote: rates },
    { metric: 'motions.satisfaction-rate', value: 1, span: 'since2022', stated: '满意率和基本满意率100%', quote: rates },
  ],
})
