import { describe, expect, it } from 'vitest'
import { monthAfter, monthLabel } from './months.ts'

describe('months of returns', () => {
  it('offers the month after the last with figures, never one not begun', () => {
    expect(monthAfter('2024-06-30')).toBe('2024-07')
    expect(monthAfter('2024-12-31')).toBe('2025-01')
    expect(monthAfter('2999-05-31') <= `${new Date().getFullYear()}-12`).toBe(true)
  })
  it('names a month in either language', () => {
    expect(monthLabel('2024-07', 'zh-CN')).toBe('2024年7月')
    expect(monthLabel('2024-07', 'en')).toBe('July 2024')
  })
})
