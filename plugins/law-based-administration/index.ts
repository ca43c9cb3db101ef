import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const
const metric = <const K extends string>(key: K, zh: string, en: string, unit: Parameters<typeof countMetric>[2]) =>
  countMetric(`law-based-administration.${key}`, { 'zh-CN': zh, en }, unit, office)

export const lawBasedAdministration = definePlugin({
  key: 'law-based-administration',
  name: { 'zh-CN': '法治建设', en: 'Law-based administration' },
  metrics: [
    metric('study-sessions', '主持理论中心组学习', 'Theory study sessions of the leading group', '次'),
    metric('committee-law-studies', '局党委会专题学习宪法和法律法规', 'Party-committee sessions studying the Constitution and laws', '次'),
    metric('market-lectures', '“武昌市场大讲堂”法律知识讲座', 'Law lectures of the Wuchang Market Lecture Hall', '场'),
    metric('public-lectures', '面向企业、学校、社区普法讲座', 'Public law lectures for firms, schools and communities', '期'),
    metric('campaigns', '参与大型法治宣传活动', 'Large public law campaigns joined', '次'),
    metric('trainings', '干部能力素质提升培训', 'Capacity trainings for officers', '次'),
    metric('legal-officers', '法制员岗位实践', 'Legal officers in on-the-job practice', '人'),
    metric('rules-reviewed', '自查、梳理和补缺制度', 'Rules reviewed and completed', '项'),
    metric('rule-of-law-briefings', '听取法治建设工作汇报', 'Rule-of-law work briefings heard', '次'),
    metric('case-review-meetings', '主持召开案审会', 'Case-review meetings chaired', '次'),
    metric('cases-reviewed', '审议案件', 'Cases reviewed', '件'),
    metric('party-committee-meetings', '主持召开党委会研究“三重一大”事项', 'Party-committee meetings on major matters', '次'),
  ],
  reportFigures: [
    { metric: 'law-based-administration.study-sessions', value: 16, span: 'since2022', stated: '16次', quote: '主持理论中心组学习16次' },
    { metric: 'law-based-administration.committee-law-studies', value: 6, span: 'since2022', stated: '6次', quote: '6次组织局党委会专题学习宪法' },
    // “至今” gives no start: the span says which was assumed.
    { metric: 'law-based-administration.market-lectures', value: 50, span: 'toDateSince2022', stated: '逾50场', quote: '至今已举办逾50场', qualifier: 'AT_LEAST' },
    { metric: 'law-based-administration.public-lectures', value: 12, span: 'since2022', stated: '12期', quote: '开展普法讲座12期' },
    { metric: 'law-based-administration.campaigns', value: 6, span: 'since2022', stated: '6次', quote: '大型法治宣传活动6次' },
    { metric: 'law-based-administration.trainings', value: 4, span: 'since2022', stated: '四次', quote: '开展四次干部能力素质提升培训' },
    { metric: 'law-based-administration.legal-officers', value: 49, span: 'since2022', stated: '49名', quote: '组织49名法制员进行岗位实践' },
    { metric: 'law-based-administration.rules-reviewed', value: 30, span: 'since2022', stated: '近30项', quote: '近30项制度', qualifier: 'ABOUT' },
    { metric: 'law-based-administration.rule-of-law-briefings', value: 6, span: 'since2022', stated: '6次', quote: '先后6次听取法治建设工作汇报' },
    { metric: 'law-based-administration.case-review-meetings', value: 17, span: 'since2022', stated: '17次', quote: '主持召开案审会17次' },
    { metric: 'law-based-administration.cases-reviewed', value: 42, span: 'since2022', stated: '42件', quote: '审议案件42件' },
    { metric: 'law-based-administration.party-committee-meetings', value: 35, span: 'since2022', stated: '35次', quote: '35次主持召开党委会' },
  ],
})
