import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf } from '../testing.ts'
import { food } from './index.ts'

describe('food plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(food)).toEqual([])
  })

  it('treats incidents as zero tolerance: a ceiling of 0, lower is better', () => {
    const incidents = food.metrics.find((m) => m.key === 'food.incidents')!
    expect(incidents).toMatchObject({ direction: 'LOWER_IS_BETTER', targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE' } })
    expect(food.targets!.filter((t) => t.metric === 'food.incidents').map((t) => t.value)).toEqual([0, 0, 0])
  })

  it('quotes the three 100% rates from one sentence', () => {
    const sentences = ['food.officer-staffing-rate', 'food.risk-list-upload-rate', 'food.daily-control-rate'].map((m) => sentenceOf(food, m))
    expect(new Set(sentences).size).toBe(1)
    expect(sentences[0]).toContain('日管控完成率100%')
  })
})
