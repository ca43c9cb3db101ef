// Every figure of the report for the six required areas (DOMAIN.md's table), checked
// through the API: the value, the span, the sentence it came from, and that the sample
// station figures add up to it. The table is written out here, not read from the plugins,
// so a plugin that drifts from the report fails this test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { data, openTestPlatform } from './support/platform.ts'

const since2022: [string, string] = ['2022-01-01', '2023-09-26']
const toApril: [string, string] = ['2022-01-01', '2023-04-30']
const in2023: [string, string] = ['2023-01-01', '2023-09-26']
const firstHalf: [string, string] = ['2023-01-01', '2023-06-30']
const in2022: [string, string] = ['2022-01-01', '2022-12-31']
const onReportDate: [string, string] = ['2023-09-26', '2023-09-26']
const endOfFirstHalf: [string, string] = ['2023-06-30', '2023-06-30']

// metric, value (yuan for money, fraction for rates), span, words of its sentence
const figures: [string, number, [string, string], string][] = [
  ['food.officer-staffing-rate', 1, in2023, '餐饮企业食品安全员配置率'],
  ['food.risk-list-upload-rate', 1, in2023, '上传风险管控清单完成率'],
  ['food.daily-control-rate', 1, in2023, '日管控完成率100%'],
  ['food.smart-kitchen-canteens', 168, onReportDate, '学校食堂168家'],
  ['food.incidents', 0, since2022, '保持食品安全零事故'],
  ['food.satisfaction-rank', 1, in2023, '位居全市中心城区第一'],
  ['food.rapid-test-vehicles', 2, onReportDate, '装备2辆食品安全快检车'],
  ['drugs.dealer-inspections', 6429, since2022, '逾6429家次'],
  ['drugs.adverse-reaction-reports', 3299, toApril, '药品不良反应监测报告3299例'],
  ['drugs.device-adverse-event-reports', 824, toApril, '医疗器械不良事件监测报告824例'],
  ['drugs.cases-filed', 32, toApril, '立案32家次'],
  ['special-equipment.units-inspected', 464, since2022, '464家特种设备安改维单位'],
  ['special-equipment.equipment-covered', 1609, since2022, '涉及设备1609台'],
  ['special-equipment.orders-issued', 520, since2022, '520份'],
  ['special-equipment.hazards-rectified', 1531, since2022, '整改隐患1531起'],
  ['special-equipment.elevators-spot-checked', 373, since2022, '维保抽查电梯373台'],
  ['special-equipment.safety-assessments', 24, since2022, '安全评估24台'],
  ['special-equipment.illegal-maintenance-cases', 2, since2022, '查处违规开展维保作业行为2起'],
  ['special-equipment.firms-downgraded', 1, firstHalf, '1家单位已降级资质'],
  ['special-equipment.firms-deregistered', 2, firstHalf, '2家单位已注销资质'],
  ['prices.officers-deployed', 6181, since2022, '6181人次'],
  ['prices.operators-checked', 4336, since2022, '4336家次'],
  ['prices.spring-farming-officers', 33, in2023, '“春耕护农”专项行动,共出动执法人员33人次'],
  ['prices.spring-farming-operators', 80, in2023, '检查相关经营者80家次'],
  ['prices.grain-units-checked', 4, in2023, '武昌区军粮供应站和3家有粮食收储业务的企业'],
  ['fishing-ban.bridge-patrols', 1, in2023, '桥梁垂钓执法巡查1次'],
  ['fishing-ban.night-joint-operations', 27, in2023, '夜间联合行动27次'],
  ['fishing-ban.joint-enforcement', 9, in2023, '综合执法行动9次'],
  ['fishing-ban.video-dispatched-operations', 1, in2023, '视频调度禁捕网格联合行动1次'],
  ['fishing-ban.dispatch-cases', 28, in2023, '渔政天网调度案件28起'],
  ['fishing-ban.anglers-checked', 1812, in2023, '检查垂钓人员1812人次'],
  ['fishing-ban.persuaded-to-leave', 1358, in2023, '劝离1358人次'],
  ['fishing-ban.anchor-hook-caught', 1, in2023, '查获锚鱼行为1起'],
  ['fishing-ban.violators-corrected', 85, in2023, '纠治违规垂钓者85人次'],
  ['fishing-ban.rods-held', 28, in2023, '违规杆具28根'],
  ['fishing-ban.triple-hooks-held', 203, in2023, '三本钩203枚'],
  ['fishing-ban.catch-released', 37, in2023, '放生渔获37斤'],
  ['fishing-ban.platform-violations', 2, in2023, '抖音涉渔和直播带货违规行为2起'],
  ['fishing-ban.complaints-handled', 9, in2023, '处理涉渔投诉举报9起'],
  ['fishing-ban.satisfaction-rate', 1, in2023, '市民满意率100%'],
  ['intellectual-property.tech-transfer-deals', 6, in2023, '6项科技成果转化项目达成签约'],
  ['intellectual-property.tech-transfer-value', 8_000_000, in2023, '金额达800余万元'],
  ['intellectual-property.strong-trademark-firms', 3, in2023, '三家企业纳入湖北省第三批优势商标名录'],
  ['intellectual-property.global-award-nominations', 2, in2023, '两家获得市局推荐'],
  ['intellectual-property.invention-patents', 422, in2022, '2022年企业发明专利授权量422件'],
  ['intellectual-property.valid-trademarks', 53_139, onReportDate, '有效商标注册量53,139件'],
]

// The rest of the report's table: the areas the platform monitors beyond the six it scores.
const monitored: [string, number, [string, string], string][] = [
  ['product-quality.sellers-inspected', 426, since2022, '检查销售企业426家次'],
  ['product-quality.batches-checked', 764, since2022, '检查产品764批次'],
  ['product-quality.officers-deployed', 197, since2022, '共出动执法人员197人次'],
  ['product-quality.non-conforming-checked', 96, since2022, '检查不合格市场主体96家次'],
  ['enforcement.cases-handled', 885, since2022, '查办各类违法案件885件'],
  ['enforcement.case-value', 2_572_100, since2022, '案值257.21万元'],
  ['enforcement.fines', 3_112_500, since2022, '罚没款311.25万元'],
  ['enforcement.key-violation-categories', 15, onReportDate, '针对15类民生重点违法行为'],
  ['advertising.inspection-operations', 18, since2022, '开展现场检查行动18次'],
  ['advertising.institutions-checked', 73, since2022, '检查医疗美容、生活美容机构73家次'],
  ['advertising.cases-filed', 2, since2022, '立案2件'],
  ['advertising.cases-closed', 1, since2022, '其中办结1件'],
  ['online-trade.city-leads', 23, firstHalf, '市局转办线索23条'],
  ['online-trade.yuhang-leads', 12, firstHalf, '余杭转办线索12条'],
  ['online-trade.shops-monitored', 300, endOfFirstHalf, '动态监测300家网店'],
  ['metrology.instruments-checked', 10_000, since2022, '共检查各类计量器具1万余台'],
  ['metrology.periodic-verification-rate', 1, since2022, '民生计量器具周检率达100%'],
  ['metrology.taxis-checked', 1900, firstHalf, '检查出租车1900余台'],
  ['metrology.meter-cases', 1, firstHalf, '违法改装出租汽车计价器行为1起'],
  ['complaints.accepted', 80_000, since2022, '受理投诉举报8万余件'],
  ['complaints.first-check-rate', 1, since2022, '初查率、受理率、核查率均100%'],
  ['complaints.acceptance-rate', 1, since2022, '初查率、受理率、核查率均100%'],
  ['complaints.verification-rate', 1, since2022, '初查率、受理率、核查率均100%'],
  ['complaints.petition-timely-acceptance-rate', 1, since2022, '信访事项及时受理率、办结率均为100%'],
  ['complaints.petition-closing-rate', 1, since2022, '信访事项及时受理率、办结率均为100%'],
  ['business-environment.new-individual-businesses', 13_037, in2022, '个体市场主体增量13,037户'],
  ['business-environment.domestic-investment', 1_912_000_000, in2022, '引进内资19.12亿元'],
  ['business-environment.foreign-investment', 500_000_000, in2022, '外资5亿元'],
  ['business-environment.loan-subsidy-prereviews', 129, firstHalf, '129户小微企业及个体工商户纾困贷款贴息申请初审'],
  ['quality.carbon-certification-firms', 4, in2023, '引进碳认证企业4家'],
  ['quality.brand-database-firms', 157, onReportDate, '157家企业进入品牌培育数据库'],
  ['quality.five-star-firms', 47, onReportDate, '47家企业(组织)列入五星级重点培育单位'],
  ['law-based-administration.study-sessions', 16, since2022, '主持理论中心组学习16次'],
  ['law-based-administration.committee-law-studies', 6, since2022, '6次组织局党委会专题学习宪法'],
  ['law-based-administration.market-lectures', 50, since2022, '至今已举办逾50场'],
  ['law-based-administration.public-lectures', 12, since2022, '开展普法讲座12期'],
  ['law-based-administration.campaigns', 6, since2022, '大型法治宣传活动6次'],
  ['law-based-administration.trainings', 4, since2022, '开展四次干部能力素质提升培训'],
  ['law-based-administration.legal-officers', 49, since2022, '组织49名法制员进行岗位实践'],
  ['law-based-administration.rules-reviewed', 30, since2022, '近30项制度'],
  ['law-based-administration.rule-of-law-briefings', 6, since2022, '先后6次听取法治建设工作汇报'],
  ['law-based-administration.case-review-meetings', 17, since2022, '主持召开案审会17次'],
  ['law-based-administration.cases-reviewed', 42, since2022, '审议案件42件'],
  ['law-based-administration.party-committee-meetings', 35, since2022, '35次主持召开党委会'],
  ['motions.handled', 10, since2022, '共办理议案10件(主办7件,协办3件)'],
  ['motions.led', 7, since2022, '共办理议案10件(主办7件,协办3件)'],
  ['motions.assisted', 3, since2022, '共办理议案10件(主办7件,协办3件)'],
  ['motions.suggestions', 3, since2022, '3条闭会期间建议'],
  ['motions.meeting-rate', 1, since2022, '见面率100%'],
  ['motions.reply-rate', 1, since2022, '办复率100%'],
  ['motions.satisfaction-rate', 1, since2022, '满意率和基本满意率100%'],
  ['staffing.civil-servants-recruited', 33, in2023, '2023年招录公务员33人'],
  ['staffing.law-graduates-recruited', 14, in2023, '专门招录法律专业人才14人'],
  ['staffing.grassroots-stations', 13, onReportDate, '13个基层市场所'],
  ['staffing.wuchang-models', 1, since2022, '1名基层干部入选“武昌楷模”'],
  ['staffing.merged-bureaus', 5, onReportDate, '执法人员由工商局、食药监等5局整合而来'],
]
const everyFigure = [...figures, ...monitored]

const reportText = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'plugins', 'reports', 'wuchang-2023-09-26.json'), 'utf8')) as { lines: string[] }).lines.join('\n')

let platform: Platform
let units: string[]
beforeAll(async () => {
  platform = await openTestPlatform()
  const tree = await data<{ orgUnits: { key: string; parent: { key: string } | null }[] }>(platform, '{ orgUnits { key parent { key } } }')
  units = tree.orgUnits.filter((u) => u.parent !== null).map((u) => u.key)
})
afterAll(() => platform.close())

interface MetricAnswer {
  metric: {
    kind: string
    area: { key: string }
    figures: { value: number; periodStart: string; periodEnd: string; source: string; orgUnit: { key: string }; provenance: { sentence: string; section: string; stated: string } | null }[]
    district: number | null
  }
}

describe('the report figures, through the API', () => {
  it('covers the six required areas', () => {
    expect(new Set(figures.map(([key]) => key.split('.')[0]))).toEqual(
      new Set(['food', 'drugs', 'special-equipment', 'prices', 'fishing-ban', 'intellectual-property']),
    )
  })

  it('holds every figure of the report, and no other REPORT figure', async () => {
    const answer = await data<{ areas: { metrics: { key: string; figures: { value: number }[] }[] }[] }>(platform, '{ areas { metrics { key figures(source: REPORT) { value } } } }')
    const stored = answer.areas.flatMap((a) => a.metrics.flatMap((m) => m.figures.map((f) => `${m.key}=${f.value}`))).sort()
    expect(stored).toEqual(everyFigure.map(([key, value]) => `${key}=${value}`).sort())
  })

  it.each(everyFigure)('%s = %d, with its sentence', async (key, value, [from, to], words) => {
    const answer = await data<MetricAnswer>(platform, `
      query ($key: ID!) {
        metric(key: $key) {
          kind area { key }
          figures(orgUnit: "wuchang", from: "${from}", to: "${to}") {
            value periodStart periodEnd source orgUnit { key } provenance { sentence section stated }
          }
          district: value(period: { from: "${from}", to: "${to}" })
        }
      }`, { key })
    const reported = answer.metric.figures.filter((f) => f.source === 'REPORT')
    expect(reported).toHaveLength(1)
    const figure = reported[0]!
    expect(figure).toMatchObject({ value, periodStart: from, periodEnd: to, orgUnit: { key: 'wuchang' } })
    expect(figure.provenance!.sentence).toContain(words)
    expect(reportText).toContain(figure.provenance!.sentence)
    expect(figure.provenance!.sentence).toContain(figure.provenance!.stated)
    // Under a heading, or in the opening paragraph, before the first heading, which has none.
    if (reportText.indexOf(figure.provenance!.sentence) < reportText.indexOf('\n一、')) expect(figure.provenance!.section).toBe('')
    else expect(figure.provenance!.section).toMatch(/^[一二三四五六]、/)
    // The district's value for the reported span is the reported figure.
    expect(answer.metric.district).toBe(value)
  })

  it.each(everyFigure)('%s: the units\' figures add up to the reported total', async (key, value, [reportFrom, to]) => {
    // A stock is a snapshot: each station's latest snapshot up to the report's date counts.
    const from = reportFrom === to ? `${to.slice(0, 4)}-01-01` : reportFrom
    const answer = await data<{ metric: { kind: string; [station: string]: unknown } }>(platform, `
      query ($key: ID!) {
        metric(key: $key) {
          kind
          ${units.map((s, i) => `s${i}: value(period: { from: "${from}", to: "${to}" }, orgUnit: "${s}")`).join('\n')}
        }
      }`, { key })
    // The units that enter the metric: the stations, or the district offices.
    const values = units.map((_, i) => answer.metric[`s${i}`] as number | null).filter((v) => v !== null)
    if (answer.metric.kind === 'RANK') {
      // A rank is the district's alone: no unit has one.
      expect(values).toEqual([])
    } else if (answer.metric.kind === 'RATE') {
      // Rates never add up; where the district reached 100%, so did every unit.
      expect(values.length).toBeGreaterThan(0)
      expect(values.every((v) => v === value)).toBe(true)
    } else {
      // Every unit of the kind that enters it: the one offices unit, or each station.
      const entering = platform.registry.orgUnits.filter((u) => u.kind === platform.registry.metrics.get(key)!.enteredBy)
      expect(values).toHaveLength(entering.length)
      const sum = values.reduce<number>((a, b) => a + Math.round(b! * 100), 0) / 100
      expect(sum).toBe(value)
    }
  })

  it('derives the share of anglers persuaded to leave from the two counts: 1,358 of 1,812', async () => {
    const answer = await data<{ metric: { value: number; numerator: { key: string }; denominator: { key: string } } }>(platform, `{
      metric(key: "fishing-ban.persuasion-rate") {
        value(period: { from: "2023-01-01", to: "2023-09-26" })
        numerator { key } denominator { key }
      }
    }`)
    expect(answer.metric.value).toBeCloseTo(1358 / 1812, 12)
    expect(answer.metric.numerator.key).toBe('fishing-ban.persuaded-to-leave')
    expect(answer.metric.denominator.key).toBe('fishing-ban.anglers-checked')
  })
})
