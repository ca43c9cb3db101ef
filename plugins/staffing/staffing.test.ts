import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf, spanOf } from '../testing.ts'
import { staffing } from './index.ts'

describe('staffing plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(staffing)).toEqual([])
  })

  it('counts the 武昌楷模 as persons, not as a rank, and says which span it assumed', () => {
    expect(staffing.metrics.find((m) => m.key === 'staffing.wuchang-models')).toMatchObject({ unit: '人', kind: 'FLOW' })
    expect(sentenceOf(staffing, 'staffing.wuchang-models')).toContain('1名基层干部入选“武昌楷模”')
    expect(spanOf(staffing, 'staffing.wuchang-models')).toMatchObject({ from: '2022-01-01', to: '2023-09-26', assumption: { 'zh-CN': expect.stringContaining('2019'), en: expect.stringContaining('2019') } })
  })

  it('keeps the five bureaus the staff were merged from as a stock on the report date', () => {
    expect(staffing.metrics.find((m) => m.key === 'staffing.merged-bureaus')).toMatchObject({ unit: '局', kind: 'STOCK' })
    expect(sentenceOf(staffing, 'staffing.merged-bureaus')).toContain('工商局、食药监等5局整合而来')
    expect(spanOf(staffing, 'staffing.merged-bureaus')).toMatchObject({ from: '2023-09-26', to: '2023-09-26' })
  })
})
