import { describe, expect, it } from 'vitest'
import { isIsoDate, parseIsoDate } from './dates.ts'

describe('isIsoDate', () => {
  it('accepts days that exist, in any year from 0000 to 9999', () => {
    for (const day of ['2024-02-29', '2023-09-26', '0000-01-01', '0099-12-31', '9999-12-31']) expect(isIsoDate(day)).toBe(true)
  })

  it('refuses days that do not exist and other spellings', () => {
    for (const day of ['2023-02-29', '2023-02-30', '2023-13-01', '2023-9-1', '20230901', '2023-09-26T00:00', ' 2023-09-26', '', 20230901, null]) {
      expect(isIsoDate(day)).toBe(false)
    }
  })

  it('says what to write instead', () => {
    expect(parseIsoDate('2023-02-30')).toEqual({ problem: "'2023-02-30' is not a date; write a day that exists as YYYY-MM-DD, such as 2023-09-26" })
    expect(parseIsoDate('2023-09-26')).toEqual({ date: '2023-09-26' })
  })
})
