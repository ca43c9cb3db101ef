import { describe, expect, it } from 'vitest'
import { en } from './i18n/en.ts'
import { zhCN } from './i18n/zh-CN.ts'
import { numberFormat, scorecardWorkbook, sheetName, type Translate, type WorkbookRow, type WorkbookScorecard } from './xlsx.ts'

/** A t over one of the dictionaries, as i18next reads a dotted key. */
const translate = (dictionary: object): Translate => (key) => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary)
  if (typeof value !== 'string') throw new Error(`no word for ${key}`)
  return value
}

const row = (over: Partial<WorkbookRow>): WorkbookRow => ({
  metric: { key: 'm', name: '检查垂钓人员', unit: '人次', kind: 'FLOW' },
  actual: null, target: null, completion: null, expected: null, previous: null, yoyChange: null, yoyRate: null,
  status: 'NO_TARGET', points: null, maxPoints: null,
  sources: [], actualSources: [], targetSources: [], previousSources: [],
  ...over,
})

const card: WorkbookScorecard = {
  orgUnit: { name: '武昌区市场监督管理局' },
  periodLabel: '2024年1—6月',
  note: '数据截至2024年6月30日；同比为上年同期（1—6月）',
  score: 59.31, maxScore: 100, scoreOn100: 59.31, status: 'BEHIND',
  areas: [
    {
      area: { key: 'yangtze', name: '长江禁捕' }, score: 11.57, maxScore: 15, status: 'BEHIND', scored: true,
      rows: [
        row({
          actual: 1812, target: 4153, expected: 2065.18, completion: 1812 / 4153, previous: 1700, yoyChange: 112, yoyRate: 112 / 1700,
          status: 'BEHIND', points: 2.5, maxPoints: 3, sources: ['REPORT', 'SAMPLE'], actualSources: ['REPORT'], targetSources: ['SAMPLE'], previousSources: ['REPORT'],
        }),
        row({ metric: { key: 'r', name: '抽检合格率', unit: '%', kind: 'RATE' }, actual: 1358 / 1812, target: 0.95, completion: 0.7889, status: 'MET', yoyChange: 0.025 }),
        row({ metric: { key: 'k', name: '全市排名', unit: '名', kind: 'RANK' }, actual: 3, previous: 1, yoyChange: 2, yoyRate: 2 }),
        row({ metric: { key: 'y', name: '罚没款', unit: '元', kind: 'FLOW' }, actual: 3_112_500.456 }),
      ],
    },
    { area: { key: 'food', name: '食品安全' }, score: null, maxScore: null, status: 'NO_TARGET', scored: false, rows: [row({})] },
  ],
}

describe('scorecardWorkbook', () => {
  const sheets = scorecardWorkbook(card, translate(zhCN), 'zh-CN')

  it('has a summary sheet, then one sheet per area', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '长江禁捕', '食品安全'])
    const summary = sheets[0]!.data
    expect(summary[0]![0]).toMatchObject({ value: '武昌区市场监督管理局 · 2024年1—6月' })
    const texts = summary.flat().map((c) => (c && typeof c === 'object' && 'value' in c ? c.value : c))
    expect(texts).toContain('数据截至2024年6月30日；同比为上年同期（1—6月）')
    const area = summary.find((r) => r[0] && typeof r[0] === 'object' && 'value' in r[0] && r[0].value === '长江禁捕')!
    expect(area.slice(1, 5)).toMatchObject([{ value: 11.57, type: Number }, { value: 15, type: Number }, { value: '滞后' }, { value: 1, type: Number }])
    const food = summary.find((r) => r[0] && typeof r[0] === 'object' && 'value' in r[0] && r[0].value === '食品安全')!
    expect(food[3]).toMatchObject({ value: '监测（不计分）' })
  })

  it('writes numbers as numbers, rounded as shown, with formats', () => {
    const [headerRow, count, rate, rank, money] = sheets[1]!.data
    expect(headerRow!.map((c) => (c as { value: string }).value)).toEqual([
      '指标', '单位', '实际', '目标', '完成率', '序时进度目标', '去年同期', '同比增减', '同比', '状态', '得分', '满分', '来源', '标注',
    ])
    expect(count![2]).toMatchObject({ value: 1812, type: Number, format: '#,##0' })
    expect(count![4]).toMatchObject({ value: 0.4363, format: '0.0%' })
    expect(count![5]).toMatchObject({ value: 2065, format: '#,##0' })
    expect(count![7]).toMatchObject({ value: 112, format: '+#,##0;-#,##0;#,##0' })
    expect(rate![2]).toMatchObject({ value: 0.7494, format: '0.0%' })
    expect(rank![2]).toMatchObject({ value: 3, format: '0' })
    expect(rank![8]).toBeNull()
    expect(money![2]).toMatchObject({ value: 3_112_500.46, format: '#,##0.00' })
  })

  it('marks sample and report values by colour and in the marks column', () => {
    const count = sheets[1]!.data[1]!
    expect(count[2]).toMatchObject({ backgroundColor: '#DDEBF7' })
    expect(count[3]).toMatchObject({ backgroundColor: '#FFF2CC' })
    expect(count[12]).toMatchObject({ value: '报告、样例' })
    expect(count[13]).toMatchObject({ value: '样例：目标；报告：实际、去年同期' })
  })

  it('reads in English too', () => {
    const english = scorecardWorkbook({ ...card, periodLabel: 'Jan–Jun 2024' }, translate(en), 'en')
    expect(english[0]!.sheet).toBe('Summary')
    expect(english[1]!.data[1]![1]).toMatchObject({ value: 'person-times' })
    expect(english[1]!.data[1]![13]).toMatchObject({ value: 'sample: Target; report: Actual, Last year' })
  })
})

describe('sheetName', () => {
  it('keeps names to 31 characters, without the characters Excel refuses, and unique', () => {
    const used = new Set<string>()
    expect(sheetName('Market order: prices/fees [2024]', used)).toBe('Market order  prices fees  2024')
    expect(sheetName('A'.repeat(40), used)).toBe('A'.repeat(31))
    expect(sheetName('a'.repeat(40), used)).toBe(`${'a'.repeat(27)} (2)`)
    expect(sheetName('', used)).toBe('Sheet')
    for (const name of used) expect(name.length).toBeLessThanOrEqual(31)
  })
})

describe('numberFormat', () => {
  it('formats counts, money, rates and jin', () => {
    expect(numberFormat({ unit: '家', kind: 'STOCK' })).toBe('#,##0')
    expect(numberFormat({ unit: '元', kind: 'FLOW' })).toBe('#,##0.00')
    expect(numberFormat({ unit: '%', kind: 'RATE' })).toBe('0.0%')
    expect(numberFormat({ unit: '斤', kind: 'FLOW' })).toBe('#,##0.0')
  })
})
