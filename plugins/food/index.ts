import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'

const threeRates = '餐饮企业食品安全员配置率、上传风险管控清单完成率、日管控完成率100%'

export const food = definePlugin({
  key: 'food',
  name: { 'zh-CN': '食品安全', en: 'Food safety' },
  totalWeight: 20,
  metrics: [
    reportedRate('food.officer-staffing-rate', { 'zh-CN': '餐饮企业食品安全员配置率', en: 'Catering firms staffed with a food-safety officer' }, {
      scoring: { rule: 'PROPORTIONAL', weight: 2 },
    }),
    reportedRate('food.risk-list-upload-rate', { 'zh-CN': '上传风险管控清单完成率', en: 'Risk-control lists uploaded' }, {
      scoring: { rule: 'PROPORTIONAL', weight: 2 },
    }),
    reportedRate('food.daily-control-rate', { 'zh-CN': '日管控完成率', en: 'Daily controls completed' }, {
      scoring: { rule: 'PROPORTIONAL', weight: 1 },
    }),
    countMetric('food.smart-kitchen-canteens', { 'zh-CN': '智慧型“明厨亮灶”学校食堂', en: 'School canteens with smart open-kitchen monitoring' }, '家', {
      kind: 'STOCK',
      scoring: { rule: 'PROPORTIONAL', weight: 4 },
    }),
    {
      key: 'food.incidents',
      name: { 'zh-CN': '食品安全事故', en: 'Food-safety incidents' },
      unit: '起', kind: 'FLOW', direction: 'LOWER_IS_BETTER', targetRule: 'ZERO_TOLERANCE',
      scoring: { rule: 'ZERO_TOLERANCE', weight: 5 },
    },
    {
      key: 'food.satisfaction-rank',
      name: { 'zh-CN': '市民食品安全满意度全市中心城区排名', en: 'Citizen food-safety satisfaction, rank among central districts' },
      unit: '名', kind: 'RANK', direction: 'LOWER_IS_BETTER', granularity: 'YEAR',
      scoring: { rule: 'ALL_OR_NOTHING', weight: 3 },
    },
    countMetric('food.rapid-test-vehicles', { 'zh-CN': '食品安全快检车', en: 'Food rapid-test vehicles' }, '辆', {
      kind: 'STOCK',
      scoring: { rule: 'ALL_OR_NOTHING', weight: 3 },
    }),
  ],
  reportFigures: [
    { metric: 'food.officer-staffing-rate', value: 1, span: 'year2023ToDate', stated: '100%', quote: threeRates },
    { metric: 'food.risk-list-upload-rate', value: 1, span: 'year2023ToDate', stated: '100%', quote: threeRates },
    { metric: 'food.daily-control-rate', value: 1, span: 'year2023ToDate', stated: '100%', quote: threeRates },
    { metric: 'food.smart-kitchen-canteens', value: 168, span: 'onReportDate', stated: '168家', quote: '建成智慧型“明厨亮灶”学校食堂168家' },
    { metric: 'food.incidents', value: 0, span: 'since2022', stated: '零事故', quote: '保持食品安全零事故' },
    { metric: 'food.satisfaction-rank', value: 1, span: 'year2023ToDate', stated: '第一', quote: '市民食品安全满意度测评位居全市中心城区第一' },
    { metric: 'food.rapid-test-vehicles', value: 2, span: 'onReportDate', stated: '2辆', quote: '装备2辆食品安全快检车' },
  ],
  targets: [2022, 2023, 2024].flatMap((year) => [
    { metric: 'food.officer-staffing-rate', year, value: 1, reason: 'Plugin default: full staffing, as the "two responsibilities" require' },
    { metric: 'food.risk-list-upload-rate', year, value: 1, reason: 'Plugin default: every catering firm uploads its list' },
    { metric: 'food.daily-control-rate', year, value: 1, reason: 'Plugin default: daily control everywhere' },
    { metric: 'food.incidents', year, value: 0, reason: 'Plugin default: zero tolerance for food-safety incidents' },
    { metric: 'food.satisfaction-rank', year, value: 3, reason: 'Plugin default: stay in the top three central districts' },
    { metric: 'food.rapid-test-vehicles', year, value: 2, reason: 'Plugin default: two vehicles serve the markets' },
  ]),
})
