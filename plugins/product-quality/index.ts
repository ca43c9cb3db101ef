import { countMetric, definePlugin } from '@msp/plugin-sdk'


export const productQuality = definePlugin({
  key: 'product-quality',
  name: { 'zh-CN': '产品质量监管', en: 'Product quality' },
  metrics: [
    countMetric('product-quality.sellers-inspected', { 'zh-CN': '检查销售企业', en: 'Sellers inspected' }, '家次'),
    countMetric('product-quality.batches-checked', { 'zh-CN': '检查产品批次', en: 'Product batches checked' }, '批次'),
    countMetric('product-quality.officers-deployed', { 'zh-CN': '抽查后处理出动执法人员', en: 'Officers deployed on follow-up of spot checks' }, '人次'),
    countMetric('product-quality.non-conforming-checked', { 'zh-CN': '检查不合格市场主体', en: 'Non-conforming entities checked' }, '家次'),
  ],
  reportFigures: [
    { metric: 'product-quality.sellers-inspected', value: 426, span: 'since2022', stated: '426家次', quote: '检查销售企业426家次' },
    { metric: 'product-quality.batches-checked', value: 764, span: 'since2022', stated: '764批次', quote: '检查产品764批次' },
    { metric: 'product-quality.officers-deployed', value: 197, span: 'since2022', stated: '197人次', quote: '共出动执法人员197人次' },
    { metric: 'product-quality.non-conforming-checked', value: 96, span: 'since2022', stated: '96家次', quote: '检查不合格市场主体96家次' },
  ],
})
