import { describe, expect, it } from 'vitest'
import { problemsOf, spanOf } from '../testing.ts'
import { intellectualProperty } from './index.ts'

describe('intellectual-property plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(intellectualProperty)).toEqual([])
  })

  it('keeps money in yuan: 800余万元 is at least 8,000,000 yuan', () => {
    expect(intellectualProperty.reportFigures!.find((f) => f.metric === 'intellectual-property.tech-transfer-value')).toMatchObject({
      value: 8_000_000, stated: '800余万元', qualifier: 'AT_LEAST',
    })
  })

  it('keeps valid trademarks as a stock on the report date', () => {
    expect(intellectualProperty.metrics.find((m) => m.key === 'intellectual-property.valid-trademarks')?.kind).toBe('STOCK')
    expect(intellectualProperty.reportFigures!.find((f) => f.metric === 'intellectual-property.valid-trademarks')?.value).toBe(53_139)
    expect(spanOf(intellectualProperty, 'intellectual-property.valid-trademarks')).toMatchObject({ from: '2023-09-26', to: '2023-09-26' })
  })
})
