import { countMetric, definePlugin } from '@msp/plugin-sdk'


export const drugs = definePlugin({
  key: 'drugs',
  name: { 'zh-CN': '药品医疗器械安全', en: 'Drugs and medical devices' },
  totalWeight: 15,
  metrics: [
    countMetric('drugs.dealer-inspections', { 'zh-CN': '药械经营企业检查', en: 'Inspections of drug and device dealers' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 5 } }),
    countMetric('drugs.adverse-reaction-reports', { 'zh-CN': '药品不良反应监测报告', en: 'Adverse drug reaction reports' }, '例', {
      description: { en: 'More reports mean better monitoring, not more harm.' },
      scoring: { rule: 'PROPORTIONAL', weight: 4 },
    }),
    countMetric('drugs.device-adverse-event-reports', { 'zh-CN': '医疗器械不良事件监测报告', en: 'Medical device adverse event reports' }, '例', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('drugs.cases-filed', { 'zh-CN': '药械立案', en: 'Drug and device cases filed' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
  ],
  reportFigures: [
    { metric: 'drugs.dealer-inspections', value: 6429, span: 'since2022', stated: '逾6429家次', quote: '检查辖区药械经营企业逾6429家次', qualifier: 'AT_LEAST' },
    { metric: 'drugs.adverse-reaction-reports', value: 3299, span: 'since2022ToApril30', stated: '3299例', quote: '上报药品不良反应监测报告3299例' },
    { metric: 'drugs.device-adverse-event-reports', value: 824, span: 'since2022ToApril30', stated: '824例', quote: '医疗器械不良事件监测报告824例' },
    { metric: 'drugs.cases-filed', value: 32, span: 'since2022ToApril30', stated: '立案32家次' },
  ],
})
