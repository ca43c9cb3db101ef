import type { EnumOf } from '../graphql.ts'

/** A word for each of an enum's values: a value added to the schema must be translated. */
type Words<Name extends string> = Record<Extract<EnumOf<Name>, string>, string>

export const zhCN = {
  app: { title: '武昌区市场监管绩效', subtitle: '绩效考核 · 数据一次录入，全局计算', english: 'English', chinese: '中文', language: '语言' },
  nav: { scorecard: '绩效总览', area: '领域', metric: '指标' },
  sample: {
    banner: '标注“样例”的数值为演示数据：报告只给出全区合计，各所分解、报告范围以外的月份和计数类目标均为样例。标注“报告”的数值为报告所述，点击可查看报告原文。',
    tag: '样例',
    tip: '样例数据，非报告所述',
  },
  report: {
    tag: '报告',
    tip: '报告所述数字：点开查看报告原文',
    open: '查看报告原文',
    fromCounts: '由报告数字计算',
    fromCountsTip: '报告未直接给出该比率，由报告所述分子、分母计算',
  },
  xlsx: {
    summary: '汇总', maxPoints: '满分', marks: '标注', note: '说明', scoreOn100: '折合百分制', metrics: '指标数', legend: '标注说明',
  },
  period: {
    label: '期间', YEAR: '年度', HALF: '半年', QUARTER: '季度', MONTH: '月度', AS_OF: '年初至今', CUSTOM: '自定义',
    half: '{{n}}半年', halves: ['上半年', '下半年'], quarter: '第{{n}}季度', month: '{{n}}月', asOf: '截至', year: '{{n}}年',
    sinceReport: '报告口径（2022年以来）', from: '起始日', to: '截止日',
  },
  orgUnit: { label: '单位', outOfReach: '链接中的单位不在您的查看范围内，下面显示的是本单位的数据。', ownUnit: '知道了' },
  tokens: {
    title: '我的账号', link: '我的账号', new: '新建令牌', list: '我的令牌', name: '名称', days: '有效天数', create: '生成',
    once: '令牌只显示这一次：请立即复制保存。', copy: '复制', created: '创建', lastUsed: '最近使用', expires: '到期',
    state: '状态', never: '不过期', revoked: '已撤销', active: '有效', revoke: '撤销',
  },
  password: {
    title: '修改密码', current: '当前密码', next: '新密码（至少10位）', again: '再输入一次新密码', submit: '修改密码',
    mismatch: '两次输入的新密码不一致', wrongCurrent: '当前密码不正确', weak: '新密码太弱',
    done: '密码已修改。在其他设备上的登录已退出。',
  },
  role: { ADMIN: '系统管理员', LEADER: '局领导', COMMITTEE: '人大常委会', REPORTER: '录入员' } satisfies Words<'Role'>,
  accounts: {
    title: '账号管理', link: '账号管理', new: '新建账号', list: '全部账号',
    login: '账号', loginHint: '小写字母、数字及 . _ -，2至40位', name: '姓名', role: '角色', orgUnit: '所属单位', chooseUnit: '请选择单位',
    unitHint: '录入员只能查看和填报本单位及下属单位', everyUnit: '全部单位',
    password: '初始密码', passwordHint: '至少10位，不能与账号相同', generate: '随机生成', create: '创建账号',
    state: '状态', enabled: '正常', disabled: '已停用', created: '创建', by: '由 {{login}}', firstStart: '系统首次启动时创建', you: '本人', actions: '操作',
    disable: '停用', enable: '启用', reset: '重置密码', token: '生成API令牌',
    confirmDisable: '停用账号“{{name}}”（{{login}}）？该账号将立即退出登录，其API令牌全部作废。',
    confirmReset: '为“{{name}}”（{{login}}）重置密码？该账号将立即退出登录。',
    madeAccount: '已创建账号 {{login}}。初始密码如下，请交给本人，并提醒其登录后修改：',
    newPassword: '{{login}} 的新密码如下，只显示这一次，请交给本人：',
    newToken: '{{login}} 的API令牌如下，只显示这一次，请交给本人：',
    tokenFor: '为 {{name}}（{{login}}）生成API令牌', tokenName: '令牌名称', tokenDefault: '脚本查询', cancel: '取消',
    copy: '复制', copied: '已复制', dismiss: '我已记下',
    forbidden: '只有系统管理员可以管理账号。如需开设或停用账号，请联系系统管理员。',
    errors: {
      WEAK_PASSWORD: '密码太弱', ALREADY_EXISTS: '该账号已存在', BAD_INPUT: '填写有误', NOT_FOUND: '没有这个账号', other: '操作失败',
    },
  },
  login: {
    title: '登录', login: '账号', password: '密码', submit: '登录', logout: '退出',
    failed: '账号或密码错误', throttled: '该账号连续登录失败过多，请15分钟后再试',
    help: '账号由系统管理员开设；忘记密码请联系管理员重置。',
    signInAgain: '登录已过期，请重新登录',
  },
  summary: {
    tiles: '各领域得分（百分制）', vsLastYear: '比上年同期', noPrevious: '上年同期无得分', previousTip: '上年同期 {{score}}',
    sparkline: '{{name}}逐月累计得分（百分制）', points: '得分 {{score}} / {{max}}',
    gaps: '与序时进度差距最大', shortfall: '差距', share: '落后比例',
    league: '各单位排名（百分制）', leagueNote: '得分 ÷ 满分 × 100，与全区同一口径；格内为各领域状态，点开查看',
    scoreOn100: '得分', rankChange: '名次变化', areasBehind: '滞后领域', previousRank: '上年同期第{{rank}}名',
    areas: '各领域指标',
    metricStatuses: '指标状态：', monitored: '监测领域（不计分）{{count}}个：点开查看',
  },
  legend: { sample: '演示数据，非报告所述', report: '报告所述，点开看原文' },
  print: { printedOn: '打印日期：{{date}}' },
  score: { overall: '综合得分', area: '得分', of: '满分 {{max}}', none: '无可计分指标', monitored: '监测（不计分）', on100: '折合百分制 {{score}}', on100Tip: '得分 ÷ 满分 × 100：可与全区得分比较', noTargetYet: '本期未设目标' },
  columns: {
    metric: '指标', actual: '实际', unit: '单位', target: '目标', completion: '完成率', expected: '序时进度目标',
    previous: '去年同期', change: '同比增减', changeRate: '同比', status: '状态', points: '得分', rank: '排名',
    orgUnit: '单位', period: '期间', value: '数值', source: '来源', note: '备注', score: '得分', behind: '滞后指标', met: '达标指标',
    gap: '序时差距', gapTip: '实际减序时进度目标（比率、存量为实际减目标）；落后者标红', expectedTip: '按时间进度折算的目标：计数取整，0.5进1',
  },
  status: { MET: '达标', ON_TRACK: '序时达标', BEHIND: '滞后', NO_TARGET: '未设目标', NO_DATA: '无数据' } satisfies Words<'Status'>,
  trend: { BETTER: '向好', WORSE: '变差', SAME: '持平' } satisfies Words<'Trend'>,
  source: { REPORT: '报告', ENTERED: '录入', IMPORTED: '导入', SAMPLE: '样例' } satisfies Words<'Source'>,
  empty: {
    noTarget: '{{year}}年未设目标',
    noData: '该期间无数据',
    noFigures: '该单位在此期间没有录入数据',
    noScorecard: '该期间没有任何数据：样例数据覆盖2021年1月至2024年6月',
    nothingBehind: '没有滞后指标',
  },
  actions: { export: '导出CSV', exportXlsx: '导出Excel', onlyBehind: '只看滞后', print: '打印', retry: '重试', loading: '正在加载…' },
  error: { title: '加载失败', network: '无法连接服务器' },
  area: {
    byYear: '历年实际与目标', byMonth: '{{year}}年与{{last}}年逐月对比', stations: '各单位得分排名', metrics: '指标图表',
    actual: '实际', target: '目标',
  },
  metric: {
    definition: '指标定义', kind: '类型', direction: '方向', targetRule: '目标规则', weight: '权重', scoringRule: '计分规则',
    granularity: '粒度', numerator: '分子', denominator: '分母', fromReport: '报告原文', figures: '已存数据', stations: '各单位分解',
    series: '逐月与历年', unscored: '不计分', section: '章节', stated: '报告写法', spanAssumed: '期间认定', thisYear: '{{year}}年', lastYear: '{{year}}年',
    allUnits: '全部单位',
    unitsAgree: '各单位数据合计 {{total}}，与报告一致',
    unitsDiffer: '各单位数据合计 {{total}}，与报告不一致：请核对',
  },
  kind: { FLOW: '流量（累加）', STOCK: '存量（取最新）', RATE: '比率', RANK: '排名' } satisfies Words<'MetricKind'>,
  direction: { HIGHER_IS_BETTER: '越高越好', LOWER_IS_BETTER: '越低越好' } satisfies Words<'Direction'>,
  targetRule: { AT_LEAST: '不低于', AT_MOST: '不高于', EXACTLY: '等于', ZERO_TOLERANCE: '零容忍' } satisfies Words<'TargetRule'>,
  scoringRule: { PROPORTIONAL: '按完成比例', ALL_OR_NOTHING: '达标得分', DEDUCTION: '按差额扣分', ZERO_TOLERANCE: '零容忍' } satisfies Words<'ScoringRule'>,
  qualifier: { AT_LEAST: '（报告为下限）', ABOUT: '（约数）' } satisfies Words<'Qualifier'>,
}

export type Dictionary = typeof zhCN
