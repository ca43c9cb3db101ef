import { describe, expect, it } from 'vitest'
import { changeArrow, dataThroughNote, formatChange, formatChangeRate, formatMoney, formatNumber, formatPercent, formatValue, roundAsShown, unitLabel } from './format.ts'

const count = { unit: '人次', kind: 'FLOW' } as const
const money = { unit: '元', kind: 'FLOW' } as const
const rate = { unit: '%', kind: 'RATE' } as const
const rank = { unit: '名', kind: 'RANK' } as const

describe('formatValue', () => {
  it('separates thousands and keeps the unit', () => {
    expect(formatValue(1812, count, 'zh-CN')).toBe('1,812人次')
    expect(formatValue(53139, { unit: '件', kind: 'STOCK' }, 'zh-CN')).toBe('53,139件')
    expect(formatValue(1812, count, 'en')).toBe('1,812 person-times')
  })

  it('shows money in 万元 and 亿元, as the report writes it', () => {
    expect(formatValue(3_112_500, money, 'zh-CN')).toBe('311.25万元')
    expect(formatValue(2_572_100, money, 'zh-CN')).toBe('257.21万元')
    expect(formatValue(8_000_000, money, 'zh-CN')).toBe('800万元')
    expect(formatValue(1_912_000_000, money, 'zh-CN')).toBe('19.12亿元')
    expect(formatValue(9_500, money, 'zh-CN')).toBe('9,500元')
    expect(formatMoney(3_112_500, 'en')).toBe('3.11 million yuan')
  })

  it('separates thousands in 万元 and 亿元 too', () => {
    expect(formatValue(12_345_600, money, 'zh-CN')).toBe('1,234.56万元')
    expect(formatValue(123_456_000_000, money, 'zh-CN')).toBe('1,234.56亿元')
    expect(formatMoney(1_234_560_000_000, 'en')).toBe('1,234.56 billion yuan')
  })

  it('shows counts as whole numbers: a time-progress target of a count rounds half up', () => {
    expect(formatValue(2076.5, { unit: '家次', kind: 'FLOW' }, 'zh-CN')).toBe('2,077家次')
    expect(formatValue(2065.18, { unit: '家次', kind: 'FLOW' }, 'zh-CN')).toBe('2,065家次')
    expect(formatValue(0.4, count, 'zh-CN')).toBe('0人次')
    expect(formatValue(-0.4, count, 'zh-CN')).toBe('0人次')
    expect(formatChange(-12.5, count, 'zh-CN')).toBe('−13人次')
    expect(formatValue(12.25, { unit: '斤', kind: 'FLOW' }, 'zh-CN')).toBe('12.3斤')
  })

  it('gives English units a singular and a plural, every unit translated', () => {
    expect(formatValue(1, { unit: '次', kind: 'FLOW' }, 'en')).toBe('1 time')
    expect(formatValue(2, { unit: '次', kind: 'FLOW' }, 'en')).toBe('2 times')
    expect(formatValue(1, { unit: '家', kind: 'STOCK' }, 'en')).toBe('1 establishment')
    expect(formatValue(1, count, 'en')).toBe('1 person-time')
    expect(formatValue(0, count, 'en')).toBe('0 person-times')
    expect(formatValue(1, { unit: '批次', kind: 'FLOW' }, 'en')).toBe('1 batch')
    expect(formatValue(1, { unit: '个', kind: 'FLOW' }, 'en')).toBe('1 unit')
    expect(formatValue(5, { unit: '个', kind: 'FLOW' }, 'en')).toBe('5 units')
    expect(formatValue(3, rank, 'en')).toBe('No. 3')
    expect(formatChange(1, { unit: '起', kind: 'FLOW' }, 'en')).toBe('+1 case')
    expect(unitLabel('个', 'en')).toBe('units')
    expect(unitLabel('名', 'en')).toBe('rank')
  })

  it('shows rates as percentages and ranks as positions', () => {
    expect(formatValue(1, rate, 'zh-CN')).toBe('100%')
    expect(formatValue(1358 / 1812, rate, 'zh-CN')).toBe('74.9%')
    expect(formatValue(1, rank, 'zh-CN')).toBe('第1名')
    expect(formatValue(1, rank, 'en')).toBe('No. 1')
  })

  it('shows a dash for a missing value, and zero as zero', () => {
    expect(formatValue(null, count, 'zh-CN')).toBe('—')
    expect(formatValue(0, { unit: '起', kind: 'FLOW' }, 'zh-CN')).toBe('0起')
  })
})

describe('changes', () => {
  it('signs every change; a rate changes in percentage points', () => {
    expect(formatChange(120, count, 'zh-CN')).toBe('+120人次')
    expect(formatChange(-32_000, money, 'zh-CN')).toBe('−3.2万元')
    expect(formatChange(0.025, rate, 'zh-CN')).toBe('+2.5个百分点')
    expect(formatChange(0.025, rate, 'en')).toBe('+2.5 pp')
    expect(formatChange(0, count, 'zh-CN')).toBe('持平')
    expect(formatChange(null, count, 'zh-CN')).toBe('—')
  })

  it('gives a rank its change in places, its number growing a fall', () => {
    expect(formatChange(2, rank, 'zh-CN')).toBe('降2位')
    expect(formatChange(-2, rank, 'zh-CN')).toBe('升2位')
    expect(formatChange(2, rank, 'en')).toBe('down 2 places')
    expect(formatChange(-1, rank, 'en')).toBe('up 1 place')
    expect(formatChange(0, rank, 'zh-CN')).toBe('持平')
  })

  it('points the arrow the way the number moved; a rank up when its number falls', () => {
    expect(changeArrow(5, 'FLOW')).toBe('▲')
    expect(changeArrow(-5, 'FLOW')).toBe('▼')
    expect(changeArrow(2, 'RANK')).toBe('▼')
    expect(changeArrow(-2, 'RANK')).toBe('▲')
    expect(changeArrow(0, 'FLOW')).toBe('')
    expect(changeArrow(null, 'FLOW')).toBe('')
  })

  it('says through which day a partial period has figures and what last year compares', () => {
    expect(dataThroughNote('2024-01-01', '2024-06-30', 'zh-CN')).toBe('数据截至2024年6月30日；同比为上年同期（1—6月）')
    expect(dataThroughNote('2024-01-01', '2024-06-30', 'en')).toBe('Figures through 30 June 2024; year-on-year compares the same months a year earlier')
    expect(dataThroughNote('2024-07-01', '2024-07-31', 'zh-CN')).toBe('数据截至2024年7月31日；同比为上年同期（7月）')
    expect(dataThroughNote('2024-01-01', '2024-09-15', 'zh-CN')).toBe('数据截至2024年9月15日；同比为上年同期（1月1日—9月15日）')
    expect(dataThroughNote('2024-01-01', '2024-09-15', 'en')).toBe('Figures through 15 September 2024; year-on-year compares the same days a year earlier')
  })

  it('signs change rates and leaves them empty against a missing or zero last year', () => {
    expect(formatChangeRate(0.052, 'zh-CN')).toBe('+5.2%')
    expect(formatChangeRate(-0.12, 'zh-CN')).toBe('−12%')
    expect(formatChangeRate(null, 'zh-CN')).toBe('—')
  })
})

describe('numbers', () => {
  it('rounds to at most the digits asked', () => {
    expect(formatNumber(1234.567, 'zh-CN')).toBe('1,234.57')
    expect(formatPercent(0.5, 'en')).toBe('50%')
  })
})

describe('roundAsShown', () => {
  it('rounds a value as the screen does: counts whole, rates as fractions to 4 places', () => {
    expect(roundAsShown(2076.5, count)).toBe(2077)
    expect(roundAsShown(1358 / 1812, rate)).toBe(0.7494)
    expect(roundAsShown(3_112_500.456, money)).toBe(3_112_500.46)
    expect(roundAsShown(3, rank)).toBe(3)
    expect(roundAsShown(-0.4, count)).toBe(0)
    expect(roundAsShown(null, count)).toBe(null)
  })
})

describe('unitLabel', () => {
  it('names a unit in the reader\'s language', () => {
    expect(unitLabel('人次', 'zh-CN')).toBe('人次')
    expect(unitLabel('人次', 'en')).toBe('person-times')
    expect(unitLabel('元', 'en')).toBe('yuan')
    expect(unitLabel('%', 'en')).toBe('%')
  })
})
