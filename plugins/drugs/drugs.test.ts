import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf } from '../sdk/testing.ts'
import { drugs } from './index.ts'

describe('drugs plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(drugs)).toEqual([])
  })

  it('keeps "逾6429家次" as a lower bound, not an exact count', () => {
    expect(drugs.reportFigures.find((f) => f.metric === 'drugs.dealer-inspections')).toMatchObject({ value: 6429, qualifier: 'AT_LEAST', stated: '逾6429家次' })
  })

  it('dates the monitoring reports to 30 April', () => {
    expect(drugs.reportFigures.find((f) => f.metric === 'drugs.adverse-reaction-reports')?.to).toBe('2023-04-30')
    expect(sentenceOf(drugs, 'drugs.adverse-reaction-reports')).toContain('截至4月30日')
  })
})
