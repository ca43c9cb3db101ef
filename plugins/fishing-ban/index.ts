import { countMetric, definePlugin } from '@msp/plugin-sdk'


// Enforcement counts of the Yangtze fishing ban: higher is better, most unscored.
const count = <const K extends string>(key: K, zh: string, en: string, unit: Parameters<typeof countMetric>[2], weight?: number) =>
  countMetric(`fishing-ban.${key}`, { 'zh-CN': zh, en }, unit, weight ? { scoring: { rule: 'PROPORTIONAL', weight } } : {})

export const fishingBan = definePlugin({
  key: 'fishing-ban',
  name: { 'zh-CN': '长江禁捕', en: 'Yangtze fishing ban' },
  totalWeight: 15,
  metrics: [
    count('bridge-patrols', '桥梁垂钓执法巡查', 'Bridge fishing patrols', '次'),
    count('night-joint-operations', '夜间联合行动', 'Night joint operations', '次', 3),
    count('joint-enforcement', '综合执法行动', 'Joint enforcement operations', '次', 2),
    count('video-dispatched-operations', '视频调度禁捕网格联合行动', 'Video-dispatched grid operations', '次'),
    count('dispatch-cases', '处理渔政天网调度案件', 'Skynet dispatch cases handled', '起', 2),
    count('anglers-checked', '检查垂钓人员', 'Anglers checked', '人次', 3),
    count('persuaded-to-leave', '劝离垂钓人员', 'Anglers persuaded to leave', '人次'),
    {
      key: 'fishing-ban.persuasion-rate',
      name: { 'zh-CN': '垂钓人员劝离率', en: 'Share of anglers checked who were persuaded to leave' },
      unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER',
      numerator: 'fishing-ban.persuaded-to-leave', denominator: 'fishing-ban.anglers-checked',
      scoring: { rule: 'PROPORTIONAL', weight: 2 },
    },
    count('anchor-hook-caught', '查获锚鱼行为', 'Anchor-hook fishing caught', '起'),
    count('violators-corrected', '纠治违规垂钓者', 'Violating anglers corrected', '人次'),
    count('rods-held', '先行登记保存违规杆具', 'Illegal rods held', '根'),
    count('triple-hooks-held', '先行登记保存三本钩', 'Triple hooks held', '枚'),
    count('catch-released', '放生渔获', 'Catch released', '斤'),
    count('platform-violations', '教育约谈抖音涉渔和直播带货违规行为', 'Online platform (Douyin) fishing violations', '起'),
    count('complaints-handled', '处理涉渔投诉举报', 'Fishing complaints and reports handled', '起'),
    {
      key: 'fishing-ban.satisfaction-rate',
      name: { 'zh-CN': '涉渔投诉市民满意率', en: 'Citizen satisfaction with fishing complaints' },
      unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER',
      scoring: { rule: 'ALL_OR_NOTHING', weight: 3 },
    },
  ],
  reportFigures: [
    { metric: 'fishing-ban.bridge-patrols', value: 1, span: 'year2023ToDate', stated: '1次', quote: '开展桥梁垂钓执法巡查1次' },
    { metric: 'fishing-ban.night-joint-operations', value: 27, span: 'year2023ToDate', stated: '27次', quote: '夜间联合行动27次' },
    { metric: 'fishing-ban.joint-enforcement', value: 9, span: 'year2023ToDate', stated: '9次', quote: '综合执法行动9次' },
    { metric: 'fishing-ban.video-dispatched-operations', value: 1, span: 'year2023ToDate', stated: '1次', quote: '视频调度禁捕网格联合行动1次' },
    { metric: 'fishing-ban.dispatch-cases', value: 28, span: 'year2023ToDate', stated: '28起', quote: '处理渔政天网调度案件28起' },
    { metric: 'fishing-ban.anglers-checked', value: 1812, span: 'year2023ToDate', stated: '1812人次', quote: '检查垂钓人员1812人次' },
    { metric: 'fishing-ban.persuaded-to-leave', value: 1358, span: 'year2023ToDate', stated: '1358人次', quote: '劝离1358人次' },
    { metric: 'fishing-ban.anchor-hook-caught', value: 1, span: 'year2023ToDate', stated: '1起', quote: '查获锚鱼行为1起' },
    { metric: 'fishing-ban.violators-corrected', value: 85, span: 'year2023ToDate', stated: '85人次', quote: '纠治违规垂钓者85人次' },
    { metric: 'fishing-ban.rods-held', value: 28, span: 'year2023ToDate', stated: '28根', quote: '违规杆具28根' },
    { metric: 'fishing-ban.triple-hooks-held', value: 203, span: 'year2023ToDate', stated: '203枚', quote: '三本钩203枚' },
    { metric: 'fishing-ban.catch-released', value: 37, span: 'year2023ToDate', stated: '37斤', quote: '放生渔获37斤' },
    { metric: 'fishing-ban.platform-violations', value: 2, span: 'year2023ToDate', stated: '2起', quote: '教育约谈抖音涉渔和直播带货违规行为2起' },
    { metric: 'fishing-ban.complaints-handled', value: 9, span: 'year2023ToDate', stated: '9起', quote: '处理涉渔投诉举报9起' },
    { metric: 'fishing-ban.satisfaction-rate', value: 1, span: 'year2023ToDate', stated: '100%', quote: '市民满意率100%' },
  ],
  validation: [
    {
      metric: 'fishing-ban.persuaded-to-leave', atMost: 'fishing-ban.anglers-checked',
      message: { 'zh-CN': '劝离人次不能多于检查垂钓人员人次', en: 'Anglers persuaded to leave cannot outnumber the anglers checked' },
    },
  ],
  targets: [2022, 2023, 2024].flatMap((year) => [
    { metric: 'fishing-ban.persuasion-rate', year, value: 0.7, reason: 'Plugin default: persuade at least 70% of the anglers checked to leave' },
    { metric: 'fishing-ban.satisfaction-rate', year, value: 1, reason: 'Plugin default: every complainant satisfied' },
  ]),
})
