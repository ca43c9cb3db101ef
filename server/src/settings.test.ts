import { describe, expect, it } from 'vitest'
import { SettingsError, settingsFromEnv } from './settings.ts'

describe('settings of the monthly returns', () => {
  it('reads the due day and the first month owed, with defaults', () => {
    expect(settingsFromEnv({})).toMatchObject({ returnDueDay: 5, returnsFrom: null })
    expect(settingsFromEnv({ MSP_RETURN_DUE_DAY: '10', MSP_RETURNS_FROM: '2024-07' })).toMatchObject({ returnDueDay: 10, returnsFrom: '2024-07' })
  })

  it('refuses a due day past the 28th and a month not written YYYY-MM, saying how to write it', () => {
    expect(() => settingsFromEnv({ MSP_RETURN_DUE_DAY: '31' })).toThrow(new SettingsError("MSP_RETURN_DUE_DAY='31' must be a whole number from 1 to 28"))
    expect(() => settingsFromEnv({ MSP_RETURNS_FROM: '2024-7' })).toThrow(new SettingsError("MSP_RETURNS_FROM='2024-7' must be a month written YYYY-MM, e.g. 2024-07"))
  })
})
