import { describe, expect, it } from 'vitest'
import { pluginTester } from '@msp/plugin-sdk/testing'
import { elevators } from './index.ts'

// The plugin quotes no report, so it is validated against none.
const { problemsOf } = pluginTester()

describe('elevators plugin', () => {
  it('passes the validator', () => {
    expect(problemsOf(elevators)).toEqual([])
  })

  it('holds entrapments to zero tolerance', () => {
    const entrapments = elevators.metrics.find((m) => m.key === 'elevators.entrapments')
    expect(entrapments).toMatchObject({ direction: 'LOWER_IS_BETTER', targetRule: 'ZERO_TOLERANCE', scoring: { rule: 'ZERO_TOLERANCE' } })
  })

  it('labels its targets as defaults', () => {
    expect(elevators.targets!.every((t) => t.reason.startsWith('Plugin default'))).toBe(true)
  })
})
