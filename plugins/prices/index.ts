import { definePlugin } from '../sdk/index.ts'
import { reportSpans } from '../reports/spans.ts'

const { since2022, year2023ToDate } = reportSpans

export const prices = definePlugin({
  key: 'prices',
  name: { 'zh-CN': '价格监管', en: 'Prices' },
  totalWeight: 15,
  metrics: [
    {
      key: 'prices.officers-deployed',
      name: { 'zh-CN': '价格巡查出动执法人员', en: 'Officers deployed on price patrols' },
      unit: '人次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'PROPORTIONAL', weight: 5 },
    },
    {
      key: 'prices.operators-checked',
      name: { 'zh-CN': '检查相关行业经营者', en: 'Operators checked on price patrols' },
      unit: '家次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'PROPORTIONAL', weight: 5 },
    },
    {
      key: 'prices.spring-farming-officers',
      name: { 'zh-CN': '“春耕护农”出动执法人员', en: 'Spring-farming campaign: officers deployed' },
      unit: '人次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'PROPORTIONAL', weight: 2 },
    },
    {
      key: 'prices.spring-farming-operators',
      name: { 'zh-CN': '“春耕护农”检查经营者', en: 'Spring-farming campaign: operators checked' },
      unit: '家次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'PROPORTIONAL', weight: 2 },
    },
    {
      key: 'prices.grain-units-checked',
      name: { 'zh-CN': '粮食购销领域检查单位', en: 'Grain purchase and sale: units checked' },
      unit: '家', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'ALL_OR_NOTHING', weight: 1 },
    },
  ],
  reportFigures: [
    { metric: 'prices.officers-deployed', value: 6181, ...since2022, stated: '6181人次', quote: '共出动执法人员6181人次' },
    { metric: 'prices.operators-checked', value: 4336, ...since2022, stated: '4336家次', quote: '检查相关行业经营者4336家次' },
    { metric: 'prices.spring-farming-officers', value: 33, ...year2023ToDate, stated: '33人次', quote: '共出动执法人员33人次' },
    { metric: 'prices.spring-farming-operators', value: 80, ...year2023ToDate, stated: '80家次', quote: '检查相关经营者80家次' },
    {
      metric: 'prices.grain-units-checked', value: 4, ...year2023ToDate,
      stated: '武昌区军粮供应站和3家', quote: '对武昌区军粮供应站和3家有粮食收储业务的企业进行检查',
    },
  ],
})
