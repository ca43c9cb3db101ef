import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf, spanOf } from '../testing.ts'
import { drugs } from './index.ts'

describe('drugs plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(drugs)).toEqual([])
  })

  it('keeps "逾6429家次" as a lower bound, not an exact count', () => {
    expect(drugs.reportFigures!.find((f) => f.metric === 'drugs.dealer-inspections')).toMatchObject({ value: 6429, qualifier: 'AT_LEAST', stated: '逾6429家次' })
  })

  it('dates the monitoring reports to 30 April', () => {
    expect(spanOf(drugs, 'drugs.adverse-reaction-reports')).toMatchObject({ from: '2022-01-01', to: '2023-04-30' })
    // The report gives no start: the figure says which was assumed, and why.
    expect(spanOf(drugs, 'drugs.adverse-reaction-reports')).toHaveProperty('assumption.en', expect.stringContaining('no start'))
    expect(sentenceOf(drugs, 'drugs.adverse-reaction-reports')).toContain('截至4月30日')
  })
})
