import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const metrology = definePlugin({
  key: 'metrology',
  name: { 'zh-CN': '计量监管', en: 'Metrology' },
  metrics: [
    countMetric('metrology.instruments-checked', { 'zh-CN': '检查计量器具', en: 'Measuring instruments checked' }, '台'),
    reportedRate('metrology.periodic-verification-rate', { 'zh-CN': '民生计量器具周检率', en: 'Periodic verification of everyday measuring instruments' }),
    countMetric('metrology.taxis-checked', { 'zh-CN': '检查出租车计价器', en: 'Taxis checked for meter tampering' }, '台', office),
    countMetric('metrology.meter-cases', { 'zh-CN': '查处违法改装计价器', en: 'Illegal taxi-meter modifications punished' }, '起', office),
  ],
  reportFigures: [
    { metric: 'metrology.instruments-checked', value: 10_000, span: 'since2022', stated: '1万余台', quote: '共检查各类计量器具1万余台', qualifier: 'AT_LEAST' },
    { metric: 'metrology.periodic-verification-rate', value: 1, span: 'since2022', stated: '100%', quote: '民生计量器具周检率达100%' },
    { metric: 'metrology.taxis-checked', value: 1900, span: 'firstHalf2023', stated: '1900余台', quote: '检查出租车1900余台', qualifier: 'AT_LEAST' },
    { metric: 'metrology.meter-cases', value: 1, span: 'firstHalf2023', stated: '1起', quote: '立案查处违法改装出租汽车计价器行为1起' },
  ],
})
