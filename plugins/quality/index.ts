import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const quality = definePlugin({
  key: 'quality',
  name: { 'zh-CN': '质量强区', en: 'Quality and standards' },
  metrics: [
    countMetric('quality.carbon-certification-firms', { 'zh-CN': '引进碳认证企业', en: 'Carbon-certification firms attracted' }, '家', office),
    countMetric('quality.brand-database-firms', { 'zh-CN': '进入品牌培育数据库企业', en: 'Firms in the brand-cultivation database' }, '家', { ...office, kind: 'STOCK' }),
    countMetric('quality.five-star-firms', { 'zh-CN': '五星级重点培育单位', en: 'Five-star key cultivation firms' }, '家', { ...office, kind: 'STOCK' }),
  ],
  reportFigures: [
    { metric: 'quality.carbon-certification-firms', value: 4, span: 'year2023ToDate', stated: '4家', quote: '引进碳认证企业4家' },
    { metric: 'quality.brand-database-firms', value: 157, span: 'onReportDate', stated: '157家', quote: '引导157家企业进入品牌培育数据库' },
    { metric: 'quality.five-star-firms', value: 47, span: 'onReportDate', stated: '47家', quote: '47家企业(组织)列入五星级重点培育单位' },
  ],
})
