import { describe, expect, it } from 'vitest'
import { byUrgency, statusStyles, trendColors, type Status } from './status.ts'

describe('status colours', () => {
  it('gives each status its own colour: red behind, blue on track, green met, grey without target or data', () => {
    expect(statusStyles.BEHIND).toMatchObject({ tag: 'error', hex: '#cf1322' })
    expect(statusStyles.ON_TRACK).toMatchObject({ tag: 'processing' })
    expect(statusStyles.MET).toMatchObject({ tag: 'success' })
    expect(statusStyles.NO_TARGET.tag).toBe('default')
    expect(new Set(Object.values(statusStyles).map((s) => s.hex)).size).toBe(5)
  })

  it('sorts the most urgent first', () => {
    const statuses: Status[] = ['MET', 'NO_DATA', 'BEHIND', 'NO_TARGET', 'ON_TRACK']
    expect(statuses.sort(byUrgency)).toEqual(['BEHIND', 'ON_TRACK', 'MET', 'NO_TARGET', 'NO_DATA'])
  })

  it('colours a change better green and worse red, as the statuses met and behind', () => {
    expect(trendColors.BETTER).toBe(statusStyles.MET.hex)
    expect(trendColors.WORSE).toBe(statusStyles.BEHIND.hex)
    expect(trendColors.SAME).toBe(statusStyles.NO_TARGET.hex)
  })
})
