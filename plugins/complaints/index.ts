import { countMetric, definePlugin, reportedRate } from '@msp/plugin-sdk'

const hotlineRates = '初查率、受理率、核查率均100%'
const petitionRates = '信访事项及时受理率、办结率均为100%'

export const complaints = definePlugin({
  key: 'complaints',
  name: { 'zh-CN': '投诉举报处置', en: 'Complaints hotlines (12345/12315)' },
  metrics: [
    countMetric('complaints.accepted', { 'zh-CN': '12345、12315受理投诉举报', en: 'Complaints and reports accepted via 12345 and 12315' }, '件'),
    reportedRate('complaints.first-check-rate', { 'zh-CN': '投诉举报初查率', en: 'Complaints first checked' }),
    reportedRate('complaints.acceptance-rate', { 'zh-CN': '投诉举报受理率', en: 'Complaints accepted' }),
    reportedRate('complaints.verification-rate', { 'zh-CN': '投诉举报核查率', en: 'Complaints verified' }),
    reportedRate('complaints.petition-timely-acceptance-rate', { 'zh-CN': '信访事项及时受理率', en: 'Petitions accepted in time' }),
    reportedRate('complaints.petition-closing-rate', { 'zh-CN': '信访事项办结率', en: 'Petitions closed' }),
  ],
  reportFigures: [
    { metric: 'complaints.accepted', value: 80_000, span: 'since2022', stated: '8万余件', quote: '共计受理投诉举报8万余件', qualifier: 'AT_LEAST' },
    { metric: 'complaints.first-check-rate', value: 1, span: 'since2022', stated: '100%', quote: hotlineRates },
    { metric: 'complaints.acceptance-rate', value: 1, span: 'since2022', stated: '100%', quote: hotlineRates },
    { metric: 'complaints.verification-rate', value: 1, span: 'since2022', stated: '100%', quote: hotlineRates },
    { metric: 'complaints.petition-timely-acceptance-rate', value: 1, span: 'since2022', stated: '100%', quote: petitionRates },
    { metric: 'complaints.petition-closing-rate', value: 1, span: 'since2022', stated: '100%', quote: petitionRates },
  ],
})
