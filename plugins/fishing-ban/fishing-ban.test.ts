import { describe, expect, it } from 'vitest'
import type { MetricDefinition } from '@msp/plugin-sdk'
import { problemsOf } from '../testing.ts'
import { fishingBan } from './index.ts'

describe('fishing-ban plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(fishingBan)).toEqual([])
  })

  it('derives the persuasion rate from two counts the report states', () => {
    const rate: MetricDefinition = fishingBan.metrics.find((m) => m.key === 'fishing-ban.persuasion-rate')!
    const value = (key?: string) => fishingBan.reportFigures!.find((f) => f.metric === key)?.value
    expect(rate.kind).toBe('RATE')
    expect([value(rate.numerator), value(rate.denominator)]).toEqual([1358, 1812])
  })

  it('is rejected when the rate names a count that does not exist', () => {
    const broken = {
      ...fishingBan,
      metrics: fishingBan.metrics.map((m) => (m.key === 'fishing-ban.persuasion-rate' ? { ...m, denominator: 'fishing-ban.checkd' } : m)),
    }
    expect(problemsOf(broken)).toEqual([
      "plugin 'fishing-ban': metric 'fishing-ban.persuasion-rate': denominator 'fishing-ban.checkd' is not defined",
    ])
  })
})
