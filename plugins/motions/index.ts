import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const
const motions = '共办理议案10件(主办7件,协办3件)'
const rates = '确保见面率100%、办复率100%、满意率和基本满意率100%'
const partOfTotal = { 'zh-CN': '主办或协办议案不能多于办理议案总数', en: 'Motions led or supported cannot outnumber the motions handled' }

export const peoplesCongressMotions = definePlugin({
  key: 'motions',
  name: { 'zh-CN': '议案建议办理', en: "People's congress motions and suggestions" },
  metrics: [
    // The report states the total (议案10件) and its two parts (主办7件, 协办3件). A metric is
    // counted from its own figures: the engine has no metric that is the sum of others, so
    // the total is a count of its own, entered with its parts, as the report states it. The
    // rules below keep each part within it; the sample makes the parts add up to it in
    // every month, as 7 + 3 = 10 over the report's span.
    countMetric('motions.handled', { 'zh-CN': '办理议案', en: 'Motions handled' }, '件', office),
    countMetric('motions.led', { 'zh-CN': '主办议案', en: 'Motions handled as lead unit' }, '件', office),
    countMetric('motions.assisted', { 'zh-CN': '协办议案', en: 'Motions handled in support' }, '件', office),
    countMetric('motions.suggestions', { 'zh-CN': '闭会期间建议', en: 'Suggestions between sessions' }, '条', office),
    reportedRate('motions.meeting-rate', { 'zh-CN': '议案建议见面率', en: 'Deputies met' }, office),
    reportedRate('motions.reply-rate', { 'zh-CN': '议案建议办复率', en: 'Motions answered' }, office),
    reportedRate('motions.satisfaction-rate', { 'zh-CN': '满意率和基本满意率', en: 'Deputies satisfied or mostly satisfied' }, office),
  ],
  reportFigures: [
    { metric: 'motions.handled', value: 10, span: 'since2022', stated: '议案10件', quote: motions },
    { metric: 'motions.led', value: 7, span: 'since2022', stated: '主办7件', quote: motions },
    { metric: 'motions.assisted', value: 3, span: 'since2022', stated: '协办3件', quote: motions },
    { metric: 'motions.suggestions', value: 3, span: 'since2022', stated: '3条', quote: '3条闭会期间建议' },
    { metric: 'motions.meeting-rate', value: 1, span: 'since2022', stated: '见面率100%', quote: rates },
    { metric: 'motions.reply-rate', value: 1, span: 'since2022', stated: '办复率100%', quote: rates },
    { metric: 'motions.satisfaction-rate', value: 1, span: 'since2022', stated: '满意率和基本满意率100%', quote: rates },
  ],
  validation: [
    { metric: 'motions.led', atMost: 'motions.handled', message: partOfTotal },
    { metric: 'motions.assisted', atMost: 'motions.handled', message: partOfTotal },
  ],
})
