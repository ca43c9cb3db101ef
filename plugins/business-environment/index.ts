import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const businessEnvironment = definePlugin({
  key: 'business-environment',
  name: { 'zh-CN': '营商环境', en: 'Business environment' },
  metrics: [
    countMetric('business-environment.new-individual-businesses', { 'zh-CN': '个体市场主体增量', en: 'New individual businesses' }, '户', office),
    countMetric('business-environment.domestic-investment', { 'zh-CN': '引进内资', en: 'Domestic investment attracted' }, '元', office),
    countMetric('business-environment.foreign-investment', { 'zh-CN': '引进外资', en: 'Foreign investment attracted' }, '元', office),
    countMetric('business-environment.loan-subsidy-prereviews', { 'zh-CN': '纾困贷款贴息申请初审', en: 'Relief-loan interest subsidies pre-reviewed' }, '户', office),
  ],
  reportFigures: [
    { metric: 'business-environment.new-individual-businesses', value: 13_037, span: 'year2022', stated: '13,037户', quote: '个体市场主体增量13,037户' },
    { metric: 'business-environment.domestic-investment', value: 1_912_000_000, span: 'year2022', stated: '19.12亿元', quote: '引进内资19.12亿元' },
    { metric: 'business-environment.foreign-investment', value: 500_000_000, span: 'year2022', stated: '5亿元', quote: '外资5亿元' },
    { metric: 'business-environment.loan-subsidy-prereviews', value: 129, span: 'firstHalf2023', stated: '129户', quote: '完成129户小微企业' },
  ],
})
