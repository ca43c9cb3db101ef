import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf } from '../testing.ts'
import { prices } from './index.ts'

describe('prices plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(prices)).toEqual([])
  })

  it('tells the spring-farming officers from the officers on all price patrols', () => {
    expect(sentenceOf(prices, 'prices.spring-farming-officers')).toContain('春耕护农')
    expect(sentenceOf(prices, 'prices.officers-deployed')).toContain('6181人次')
  })

  it('counts the grain units checked: the military grain station and three firms', () => {
    expect(prices.reportFigures!.find((f) => f.metric === 'prices.grain-units-checked')?.value).toBe(4)
  })
})
