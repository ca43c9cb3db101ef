import { countMetric, definePlugin } from '@msp/plugin-sdk'


export const intellectualProperty = definePlugin({
  key: 'intellectual-property',
  name: { 'zh-CN': '知识产权', en: 'Intellectual property' },
  totalWeight: 15,
  metrics: [
    countMetric('intellectual-property.tech-transfer-deals', { 'zh-CN': '科技成果转化签约项目', en: 'Technology-transfer deals signed' }, '项', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('intellectual-property.tech-transfer-value', { 'zh-CN': '科技成果转化签约金额', en: 'Value of technology-transfer deals' }, '元', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('intellectual-property.strong-trademark-firms', { 'zh-CN': '纳入省优势商标名录企业', en: 'Firms on the provincial strong-trademark list' }, '家', { scoring: { rule: 'PROPORTIONAL', weight: 2 } }),
    countMetric('intellectual-property.global-award-nominations', { 'zh-CN': '知识产权组织全球奖获市局推荐', en: 'Nominations for the WIPO Global Awards' }, '家'),
    countMetric('intellectual-property.invention-patents', { 'zh-CN': '企业发明专利授权量', en: 'Invention patents granted to firms' }, '件', { scoring: { rule: 'PROPORTIONAL', weight: 4 } }),
    countMetric('intellectual-property.valid-trademarks', { 'zh-CN': '有效商标注册量', en: 'Valid registered trademarks' }, '件', { kind: 'STOCK', scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
  ],
  reportFigures: [
    { metric: 'intellectual-property.tech-transfer-deals', value: 6, span: 'year2023ToDate', stated: '6项', quote: '6项科技成果转化项目达成签约' },
    {
      metric: 'intellectual-property.tech-transfer-value', value: 8_000_000, span: 'year2023ToDate',
      stated: '800余万元', quote: '金额达800余万元', qualifier: 'AT_LEAST',
    },
    { metric: 'intellectual-property.strong-trademark-firms', value: 3, span: 'year2023ToDate', stated: '三家', quote: '三家企业纳入湖北省第三批优势商标名录' },
    { metric: 'intellectual-property.global-award-nominations', value: 2, span: 'year2023ToDate', stated: '两家', quote: '两家获得市局推荐' },
    { metric: 'intellectual-property.invention-patents', value: 422, span: 'year2022', stated: '422件', quote: '2022年企业发明专利授权量422件' },
    { metric: 'intellectual-property.valid-trademarks', value: 53_139, span: 'onReportDate', stated: '53,139件', quote: '有效商标注册量53,139件' },
  ],
})
