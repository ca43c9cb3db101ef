import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf, spanOf } from '../testing.ts'
import { enforcement } from './index.ts'

describe('enforcement plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(enforcement)).toEqual([])
  })

  it('keeps the 15 categories of violations targeted as the district’s list on the report date', () => {
    expect(enforcement.metrics.find((m) => m.key === 'enforcement.key-violation-categories')).toMatchObject({ unit: '类', kind: 'STOCK', enteredBy: 'OFFICE' })
    expect(sentenceOf(enforcement, 'enforcement.key-violation-categories')).toContain('针对15类民生重点违法行为')
    expect(spanOf(enforcement, 'enforcement.key-violation-categories')).toMatchObject({ from: '2023-09-26', to: '2023-09-26', assumption: { 'zh-CN': expect.stringContaining('报告日'), en: expect.stringContaining('report date') } })
  })
})
