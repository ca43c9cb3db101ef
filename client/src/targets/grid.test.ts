import { describe, expect, it } from 'vitest'
import { changesOf, editable, liveSum, pastedBlock, pasteInto, typedText, type Drafts } from './grid.ts'
import type { SheetRow } from './documents.ts'

const cell = (value: number | null, { inherited = false, measures = true } = {}) =>
  ({ inherited, measures, value, source: value === null ? null : ('SAMPLE' as const), reason: value === null ? null : 'Sample' })
const count: SheetRow = {
  metric: { key: 'a.checked', name: '检查', unit: '家次', kind: 'FLOW', targetRule: 'AT_LEAST' },
  district: { value: 100, source: 'SAMPLE', reason: 'Sample' },
  unitSum: 90, unitsWithTarget: 2, sumDiffers: true,
  cells: [cell(null, { measures: false }), cell(60), cell(30)],
}
const rate: SheetRow = {
  metric: { key: 'a.rate', name: '满意率', unit: '%', kind: 'RATE', targetRule: 'AT_LEAST' },
  district: { value: 0.95, source: 'ENTERED', reason: '要点' },
  unitSum: null, unitsWithTarget: 0, sumDiffers: false,
  cells: [cell(0.95, { inherited: true, measures: false }), cell(0.95, { inherited: true }), cell(0.95, { inherited: true })],
}
const rows = [count, rate]
const keys = ['district', 'offices', 'north', 'south']

describe('the target editor', () => {
  it('offers the district and the units that measure a metric', () => {
    expect([0, 1, 2, 3].map((c) => editable(count, c))).toEqual([true, false, true, true])
    expect(typedText(1234567.5, count.metric)).toBe('1,234,567.5')
    expect(typedText(0.95, rate.metric)).toBe('95')
  })

  it("adds the units' targets up as typed, and says when they differ from the district's", () => {
    expect(liveSum(count, {})).toEqual({ sum: 90, units: 2, district: 100, differs: true })
    expect(liveSum(count, { 'a.checked': { 2: '70' } })).toEqual({ sum: 100, units: 2, district: 100, differs: false })
    expect(liveSum(rate, {})).toBe(null)
  })

  it('pastes a block from Excel down the metrics and across the units, skipping what does not apply', () => {
    expect(pastedBlock('1,234\t85%\r\n5\t6\r\n')).toEqual([['1,234', '85%'], ['5', '6']])
    expect(pastedBlock('42')).toBe(null)
    expect(pastedBlock('1\n2\n')).toEqual([['1'], ['2']])
    const { drafts, filled, skipped } = pasteInto(rows, {}, [['110', '1', '65'], ['96%', '2', '3'], ['7']], 0, 0)
    expect(drafts).toEqual({ 'a.checked': { 0: '110', 2: '65' }, 'a.rate': { 0: '96%', 2: '3' } })
    expect([filled, skipped]).toEqual([4, 3])
  })

  it('sends each changed cell with its reason, the batch reason where it has none, and asks for one', () => {
    const drafts: Drafts = { 'a.checked': { 0: '1,100', 2: '60' }, 'a.rate': { 2: '98%' } }
    expect(changesOf(rows, keys, drafts, {}, '')).toEqual({
      send: [{ metric: 'a.checked', value: 1100, reason: '' }, { metric: 'a.rate', orgUnit: 'north', value: 0.98, reason: '' }],
      changed: ['a.checked', 'a.rate'],
      problems: { 'a.checked': ['reason'], 'a.rate': ['reason'] },
    })
    const reasoned = changesOf(rows, keys, drafts, { 'a.rate': '北片区' }, '2025年要点')
    expect(reasoned.send.map((r) => r.reason)).toEqual(['2025年要点', '北片区'])
    expect(reasoned.problems).toEqual({})
    expect(changesOf(rows, keys, { 'a.checked': { 0: '', 2: 'x' } }, {}, 'r').problems).toEqual({ 'a.checked': ['cleared', 'notANumber'] })
    expect(changesOf(rows, keys, { 'a.rate': { 0: '150' } }, {}, 'r').problems).toEqual({ 'a.rate': ['outOfRange'] })
    // Typed back to what it was: no change.
    expect(changesOf(rows, keys, { 'a.checked': { 0: '100' } }, {}, '').changed).toEqual([])
  })
})
