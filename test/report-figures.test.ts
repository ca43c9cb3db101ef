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

const reportText = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'plugins', 'reports', 'wuchang-2023-09-26.json'), 'utf8')) as { lines: string[] }).lines.join('\n')

let platform: Platform
let stations: string[]
beforeAll(async () => {
  platform = await openTestPlatform()
  const tree = await data<{ orgUnits: { key: string; kind: string }[] }>(platform, '{ orgUnits { key kind } }')
  stations = tree.orgUnits.filter((u) => u.kind === 'STATION').map((u) => u.key)
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

  it.each(figures)('%s = %d, with its sentence', async (key, value, [from, to], words) => {
    const answer = await data<MetricAnswer>(platform, `
      query ($key: ID!, $from: String!, $to: String!) {
        metric(key: $key) {
          kind area { key }
          figures(orgUnit: "wuchang", from: $from, to: $to) {
            value periodStart periodEnd source orgUnit { key } provenance { sentence section stated }
          }
          district: value(period: { from: $from, to: $to })
        }
      }`, { key, from, to })
    const reported = answer.metric.figures.filter((f) => f.source === 'REPORT')
    expect(reported).toHaveLength(1)
    const figure = reported[0]!
    expect(figure).toMatchObject({ value, periodStart: from, periodEnd: to, orgUnit: { key: 'wuchang' } })
    expect(figure.provenance!.sentence).toContain(words)
    expect(reportText).toContain(figure.provenance!.sentence)
    expect(figure.provenance!.sentence).toContain(figure.provenance!.stated)
    expect(figure.provenance!.section).toMatch(/^[一二三四五六]、/)
    // The district's value for the reported span is the reported figure.
    expect(answer.metric.district).toBe(value)
  })

  it.each(figures)('%s: the station figures add up to the reported total', async (key, value, [reportFrom, to]) => {
    // A stock is a snapshot: each station's latest snapshot up to the report's date counts.
    const from = reportFrom === to ? `${to.slice(0, 4)}-01-01` : reportFrom
    const answer = await data<{ metric: { kind: string; [station: string]: unknown } }>(platform, `
      query ($key: ID!, $from: String!, $to: String!) {
        metric(key: $key) {
          kind
          ${stations.map((s, i) => `s${i}: value(period: { from: $from, to: $to }, orgUnit: "${s}")`).join('\n')}
        }
      }`, { key, from, to })
    const values = stations.map((_, i) => answer.metric[`s${i}`] as number | null)
    if (answer.metric.kind === 'RANK') {
      // A rank is the district's alone: no station has one.
      expect(values.every((v) => v === null)).toBe(true)
    } else if (answer.metric.kind === 'RATE') {
      // Rates never add up; where the district reached 100%, so did every station.
      expect(values.every((v) => v === value)).toBe(true)
    } else {
      expect(values.every((v) => v !== null)).toBe(true)
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
