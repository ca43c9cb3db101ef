import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting, behind a BOM for Excel', () => {
    const text = toCsv([{ title: '指标', value: (r: { name: string; v: number | null }) => r.name }, { title: '实际', value: (r) => r.v }], [
      { name: '检查垂钓人员', v: 1812 },
      { name: 'a, "b"', v: null },
    ])
    expect(text).toBe('\uFEFF指标,实际\r\n检查垂钓人员,1812\r\n"a, ""b""",')
  })
})
