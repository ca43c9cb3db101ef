import { describe, expect, it } from 'vitest'
import {
  addMonths,
  checkEnteredValue,
  dueOn,
  entryProblems,
  isFutureMonth,
  isLate,
  isRefusal,
  monthSpan,
  outlierWarning,
  returnStates,
  transition,
  type CheckedMetric,
  type ReturnAction,
} from './returns.ts'

const count: CheckedMetric = { key: 'fishing-ban.anglers-checked', name: { 'zh-CN': '检查垂钓人员', en: 'Anglers checked' }, kind: 'FLOW', unit: '人次' }
const money: CheckedMetric = { key: 'prices.refunds', name: { 'zh-CN': '退还金额', en: 'Refunds' }, kind: 'FLOW', unit: '元' }
const rate: CheckedMetric = { key: 'food.pass-rate', name: { 'zh-CN': '抽检合格率', en: 'Pass rate' }, kind: 'RATE', unit: '%' }
const rank: CheckedMetric = { key: 'quality.rank', name: { 'zh-CN': '排名', en: 'Rank' }, kind: 'RANK', unit: '名' }

describe('the states of a return', () => {
  // Every state × action, and where it goes; a dash is refused.
  const expected: Record<string, Record<ReturnAction, string>> = {
    OPEN: { SAVE: 'OPEN', CORRECT: 'OPEN', SUBMIT: 'SUBMITTED', APPROVE: '-', REJECT: '-' },
    SUBMITTED: { SAVE: '-', CORRECT: '-', SUBMIT: '-', APPROVE: 'APPROVED', REJECT: 'REJECTED' },
    APPROVED: { SAVE: '-', CORRECT: 'SUBMITTED', SUBMIT: '-', APPROVE: '-', REJECT: '-' },
    REJECTED: { SAVE: 'OPEN', CORRECT: 'OPEN', SUBMIT: 'SUBMITTED', APPROVE: '-', REJECT: '-' },
  }
  for (const state of returnStates) {
    it(`from ${state}`, () => {
      const got = Object.fromEntries((Object.keys(expected[state]!) as ReturnAction[]).map((action) => {
        const next = transition(state, action)
        return [action, isRefusal(next) ? '-' : next]
      }))
      expect(got).toEqual(expected[state])
    })
  }

  it('says why a move is refused, in both languages', () => {
    const refused = transition('APPROVED', 'SAVE')
    expect(refused).toEqual({ code: 'INVALID_STATE', message: { 'zh-CN': '该月报已审核通过：修改已审核的数据须说明更正理由', en: 'the return is approved: changing approved figures is a correction and needs a reason' } })
  })
})

describe('months', () => {
  it('reads YYYY-MM only', () => {
    expect(monthSpan('2024-02')).toEqual({ year: 2024, month: 2, from: '2024-02-01', to: '2024-02-29' })
    for (const bad of ['2024-2', '2024-13', '2024-00', '24-02', '2024-02-01', ' 2024-02', '２０２４-02']) expect(monthSpan(bad), bad).toBeUndefined()
  })

  it('counts months across years', () => {
    expect(addMonths('2023-12', 1)).toBe('2024-01')
    expect(addMonths('2024-01', -1)).toBe('2023-12')
    expect(addMonths('2024-03', -14)).toBe('2023-01')
  })

  it('is due on the 5th of the next month unless set, never past its end', () => {
    expect(dueOn('2024-01')).toBe('2024-02-05')
    expect(dueOn('2023-12')).toBe('2024-01-05')
    expect(dueOn('2024-01', 31)).toBe('2024-02-29')
  })

  it('is late once the due day has passed and it is not submitted', () => {
    expect(isLate('OPEN', '2024-01', '2024-02-05')).toBe(false)
    expect(isLate('OPEN', '2024-01', '2024-02-06')).toBe(true)
    expect(isLate('REJECTED', '2024-01', '2024-03-01')).toBe(true)
    expect(isLate('SUBMITTED', '2024-01', '2024-03-01')).toBe(false)
    expect(isLate('APPROVED', '2024-01', '2024-03-01')).toBe(false)
  })

  it('knows a month that has not begun', () => {
    expect(isFutureMonth('2026-12', '2026-11-27')).toBe(true)
    expect(isFutureMonth('2026-11', '2026-11-27')).toBe(false)
    expect(isFutureMonth('2031-01', '2026-11-27')).toBe(true)
  })
})

describe('a value by its kind and unit', () => {
  const problem = (metric: CheckedMetric, value: number) => {
    const checked = checkEnteredValue(metric, value)
    return 'message' in checked ? checked.message : checked.value
  }

  it('keeps counts whole and not negative', () => {
    expect(problem(count, 1812)).toBe(1812)
    expect(problem(count, 0.1 + 0.2 - 0.3)).toBe(0)
    expect(problem(count, 12.5)).toEqual({ 'zh-CN': '检查垂钓人员：应为整数（人次），不是12.5', en: 'Anglers checked: must be a whole number of person-times, not 12.5' })
    expect(problem(count, -1)).toMatchObject({ en: 'Anglers checked: cannot be negative (-1)' })
    expect(problem(count, 2e9)).toMatchObject({ en: expect.stringContaining('the most one figure may hold') })
    expect(problem(count, Number.NaN)).toMatchObject({ en: 'Anglers checked: not a number' })
  })

  it('keeps money to the fen', () => {
    expect(problem(money, 2572100.5)).toBe(2572100.5)
    expect(problem(money, 0.1 + 0.2)).toBe(0.3)
    expect(problem(money, 1.005)).toMatchObject({ en: 'Refunds: at most 2 decimals, not 1.005' })
  })

  it('keeps rates from 0 to 1 and ranks whole from 1', () => {
    expect(problem(rate, 0.98)).toBe(0.98)
    expect(problem(rate, 98)).toMatchObject({ 'zh-CN': '抽检合格率：比率应在0到1之间（100%即1），不是98' })
    expect(problem(rank, 3)).toBe(3)
    expect(problem(rank, 0)).toMatchObject({ en: expect.stringContaining('a rank is a whole number from 1') })
    expect(problem(rank, 2.5)).toMatchObject({ en: expect.stringContaining('not 2.5') })
  })
})

describe('an entered value', () => {
  const entry = (value: number | null, notApplicable = false, note: string | null = null) => ({ metric: count.key, value, notApplicable, note })

  it('takes a value, an empty one (not yet entered), or not applicable with a note', () => {
    expect(entryProblems(count, entry(10))).toEqual([])
    expect(entryProblems(count, entry(null))).toEqual([])
    expect(entryProblems(count, entry(null, true, '本月无垂钓执法任务'))).toEqual([])
  })

  it('refuses not applicable without a note, or with a value', () => {
    expect(entryProblems(count, entry(null, true, '  '))[0]!.message.en).toBe('Anglers checked: not applicable needs a note saying why')
    expect(entryProblems(count, entry(3, true, 'x'))[0]!.message['zh-CN']).toBe('检查垂钓人员：已标为“不适用”，不应再填数值')
    expect(entryProblems(count, entry(3, false, 'x'.repeat(501)))[0]!.message.en).toContain('at most 500 characters')
  })
})

describe('outliers', () => {
  const history = [100, 110, 90, 105, 95, 100, 120, 80, 100, 100, 110, 90]

  it('questions a value over three times, or under a third of, the median of the last 12 months', () => {
    expect(outlierWarning(count, 301, history)?.message.en).toBe('Anglers checked: 301 is more than 3 times the median of the last 12 months (100); check it and add a note')
    expect(outlierWarning(count, 300, history)).toBeUndefined()
    expect(outlierWarning(count, 34, history)).toBeUndefined()
    expect(outlierWarning(count, 33, history)?.message['zh-CN']).toBe('检查垂钓人员：33不足近12个月中位数100的三分之一，请核实并说明')
  })

  it('leaves small counts alone: 0 against a usual of 1 is no slip; a rate is always compared', () => {
    expect(outlierWarning(count, 0, [1, 1, 2, 1])).toBeUndefined()
    expect(outlierWarning(count, 9, [1, 1, 2, 1])).toBeDefined()
    expect(outlierWarning(rate, 0.2, [0.9, 0.95, 0.9])).toBeDefined()
  })

  it('uses the last 12 months only, and needs three of them and a usual above 0', () => {
    expect(outlierWarning(count, 301, [10_000, ...history])).toBeDefined()
    expect(outlierWarning(count, 1000, [100, 100])).toBeUndefined()
    expect(outlierWarning(count, 1000, [0, 0, 0, 0])).toBeUndefined()
  })
})
