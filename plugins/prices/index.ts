import { countMetric, definePlugin } from '@msp/plugin-sdk'


export const prices = definePlugin({
  key: 'prices',
  name: { 'zh-CN': '价格监管', en: 'Prices' },
  totalWeight: 15,
  metrics: [
    countMetric('prices.officers-deployed', { 'zh-CN': '价格巡查出动执法人员', en: 'Officers deployed on price patrols' }, '人次', { scoring: { rule: 'PROPORTIONAL', weight: 5 } }),
    countMetric('prices.operators-checked', { 'zh-CN': '检查相关行业经营者', en: 'Operators checked on price patrols' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 5 } }),
    countMetric('prices.spring-farming-officers', { 'zh-CN': '“春耕护农”出动执法人员', en: 'Spring-farming campaign: officers deployed' }, '人次', { scoring: { rule: 'PROPORTIONAL', weight: 2 } }),
    countMetric('prices.spring-farming-operators', { 'zh-CN': '“春耕护农”检查经营者', en: 'Spring-farming campaign: operators checked' }, '家次', { scoring: { rule: 'PROPORTIONAL', weight: 2 } }),
    countMetric('prices.grain-units-checked', { 'zh-CN': '粮食购销领域检查单位', en: 'Grain purchase and sale: units checked' }, '家', { scoring: { rule: 'ALL_OR_NOTHING', weight: 1 } }),
  ],
  reportFigures: [
    { metric: 'prices.officers-deployed', value: 6181, span: 'since2022', stated: '6181人次', quote: '共出动执法人员6181人次' },
    { metric: 'prices.operators-checked', value: 4336, span: 'since2022', stated: '4336家次', quote: '检查相关行业经营者4336家次' },
    { metric: 'prices.spring-farming-officers', value: 33, span: 'year2023ToDate', stated: '33人次', quote: '共出动执法人员33人次' },
    { metric: 'prices.spring-farming-operators', value: 80, span: 'year2023ToDate', stated: '80家次', quote: '检查相关经营者80家次' },
    {
      metric: 'prices.grain-units-checked', value: 4, span: 'year2023ToDate',
      stated: '武昌区军粮供应站和3家', quote: '对武昌区军粮供应站和3家有粮食收储业务的企业进行检查',
    },
  ],
})
