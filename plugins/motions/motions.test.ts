import { describe, expect, it } from 'vitest'
import { problemsOf, sentenceOf } from '../testing.ts'
import { peoplesCongressMotions as motions } from './index.ts'

describe('motions plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(motions)).toEqual([])
  })

  it('states the 10 motions handled beside their parts, 7 led and 3 supported, from one sentence', () => {
    const value = (metric: string) => motions.reportFigures!.find((f) => f.metric === metric)!.value
    expect(value('motions.handled')).toBe(10)
    expect(value('motions.led') + value('motions.assisted')).toBe(value('motions.handled'))
    expect(sentenceOf(motions, 'motions.handled')).toContain('共办理议案10件(主办7件,协办3件)')
    // Neither part may outnumber the total where figures are written.
    expect(motions.validation!.map((r) => [r.metric, r.atMost])).toEqual([['motions.led', 'motions.handled'], ['motions.assisted', 'motions.handled']])
  })
})
