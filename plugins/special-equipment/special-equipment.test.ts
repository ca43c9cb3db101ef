import { describe, expect, it } from 'vitest'
import { problemsOf, spanOf } from '../testing.ts'
import { specialEquipment } from './index.ts'

describe('special-equipment plugin', () => {
  it('passes validation against the report', () => {
    expect(problemsOf(specialEquipment)).toEqual([])
  })

  it('dates the downgraded and deregistered maintenance firms to the first half of 2023', () => {
    for (const key of ['special-equipment.firms-downgraded', 'special-equipment.firms-deregistered']) {
      expect(spanOf(specialEquipment, key)).toMatchObject({ from: '2023-01-01', to: '2023-06-30' })
    }
  })
})
