import { describe, expect, it } from 'vitest'
import { cellWord, monthRuns } from './cells.ts'

describe('completeness cells', () => {
  it('an OPEN return holding nothing is not sent', () => {
    expect(cellWord({ state: 'OPEN', entered: 0 })).toBe('NONE')
    expect(cellWord({ state: 'OPEN', entered: 1 })).toBe('OPEN')
    expect(cellWord({ state: 'REJECTED', entered: 0 })).toBe('REJECTED')
  })
  it('groups consecutive months, across a new year too', () => {
    expect(monthRuns(['2024-01', '2024-02', '2024-03', '2024-05', '2024-12', '2025-01'])).toEqual([
      ['2024-01', '2024-02', '2024-03'], ['2024-05'], ['2024-12', '2025-01'],
    ])
    expect(monthRuns([])).toEqual([])
  })
})
