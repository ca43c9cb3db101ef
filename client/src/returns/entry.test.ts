import { describe, expect, it } from 'vitest'
import { pastedCells, textToValue, valueToText } from './entry.ts'

const count = { kind: 'FLOW', unit: '人次' } as const
const rate = { kind: 'RATE', unit: '%' } as const

describe('typing a return', () => {
  it('takes rates as percentages and counts with thousands separators', () => {
    expect(textToValue('98', rate)).toBe(0.98)
    expect(textToValue('98%', rate)).toBe(0.98)
    expect(textToValue('57.3', rate)).toBe(0.573)
    expect(valueToText(0.573, rate)).toBe('57.3')
    expect(textToValue('1,234', count)).toBe(1234)
    expect(textToValue(' ', count)).toBe(null)
    expect(textToValue('12a', count)).toBeNaN()
    expect(textToValue('5%', count)).toBeNaN()
  })

  it('reads a column pasted from Excel, its last newline not a cell, empty lines kept', () => {
    expect(pastedCells('1\n2\n\n4\n')).toEqual(['1', '2', '', '4'])
    expect(pastedCells('1,234\r\n5\r\n')).toEqual(['1,234', '5'])
    expect(pastedCells('1\t2\t3')).toEqual(['1', '2', '3'])
    expect(pastedCells('42')).toBe(null)
  })
})
