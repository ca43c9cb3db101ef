import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const advertising = definePlugin({
  key: 'advertising',
  name: { 'zh-CN': '广告监管', en: 'Advertising' },
  metrics: [
    countMetric('advertising.inspection-operations', { 'zh-CN': '医疗美容专项现场检查行动', en: 'On-site inspection operations (medical beauty)' }, '次', office),
    countMetric('advertising.institutions-checked', { 'zh-CN': '检查医疗美容、生活美容机构', en: 'Medical and cosmetic beauty institutions checked' }, '家次'),
    countMetric('advertising.cases-filed', { 'zh-CN': '广告立案', en: 'Advertising cases filed' }, '件', office),
    countMetric('advertising.cases-closed', { 'zh-CN': '广告案件办结', en: 'Advertising cases closed' }, '件', office),
    {
      key: 'advertising.closing-rate',
      name: { 'zh-CN': '广告案件办结率', en: 'Share of advertising cases closed' },
      unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER', enteredBy: 'OFFICE',
      numerator: 'advertising.cases-closed', denominator: 'advertising.cases-filed',
    },
  ],
  reportFigures: [
    { metric: 'advertising.inspection-operations', value: 18, span: 'since2022', stated: '18次', quote: '开展现场检查行动18次' },
    { metric: 'advertising.institutions-checked', value: 73, span: 'since2022', stated: '73家次', quote: '检查医疗美容、生活美容机构73家次' },
    { metric: 'advertising.cases-filed', value: 2, span: 'since2022', stated: '立案2件' },
    { metric: 'advertising.cases-closed', value: 1, span: 'since2022', stated: '办结1件', quote: '其中办结1件' },
  ],
})
