import { describe, expect, it } from 'vitest'
import { toCsv, type CsvColumn } from './csv.ts'

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting, behind a BOM for Excel', () => {
    const text = toCsv([{ title: '指标', value: (r: { name: string; v: number | null }) => r.name }, { title: '实际', value: (r) => r.v }], [
      { name: '检查垂钓人员', v: 1812 },
      { name: 'a, "b"', v: null },
    ])
    expect(text).toBe('\uFEFF指标,实际\r\n检查垂钓人员,1812\r\n"a, ""b""",')
  })

  it('rounds values as they are shown and rates as fractions to 4 places', () => {
    type Row = { metric: { unit: string; kind: 'FLOW' | 'RATE' }; actual: number; expected: number; completion: number }
    const columns: CsvColumn<Row>[] = [
      { title: 'actual', value: (r) => r.actual, as: 'value' },
      { title: 'expected', value: (r) => r.expected, as: 'value' },
      { title: 'completion', value: (r) => r.completion, as: 'fraction' },
    ]
    const text = toCsv(columns, [
      { metric: { unit: '家次', kind: 'FLOW' }, actual: 1812, expected: 2076.5, completion: 1358 / 1812 },
      { metric: { unit: '%', kind: 'RATE' }, actual: 1358 / 1812, expected: 0.95 * 182 / 366, completion: 0.1 + 0.2 },
      { metric: { unit: '元', kind: 'FLOW' }, actual: 3_112_500.456, expected: 1_500_000.004, completion: 1 },
    ])
    expect(text).toBe('\uFEFFactual,expected,completion\r\n1812,2077,0.7494\r\n0.7494,0.4724,0.3\r\n3112500.46,1500000,1')
  })

  it('keeps at most 4 places in a column that does not say how it rounds', () => {
    expect(toCsv([{ title: 'v', value: (r: number) => r }], [0.1 + 0.2, 11.5749999, 3])).toBe('\uFEFFv\r\n0.3\r\n11.575\r\n3')
  })
})
