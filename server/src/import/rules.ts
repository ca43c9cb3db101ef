// The plugins' validation rules, checked against a batch as it would leave the database:
// a bound on one figure (`max`), or one metric at most another over the same unit and span
// (`atMost`: persuaded to leave ≤ anglers checked). The other side of a comparison comes
// from the batch when the batch holds it, else from what is stored; a comparison with a
// figure that does not exist is not made.
import type { LocalizedName } from '@msp/plugin-sdk'
import type { Registry } from '../registry.ts'
import type { Select } from './sql.ts'
import { isoOf, type Mode, type RowError, type RowStore } from './validate.ts'

const both = (message: LocalizedName) => `${message.en} (${message['zh-CN']})`

export async function ruleViolations(select: Select, store: RowStore, registry: Registry, mode: Mode, unitKeys: ReadonlyMap<number, string>): Promise<RowError[]> {
  const rules = registry.validation
  if (rules.length === 0) return []
  const { metric, unit, start, end, value } = store
  const errors: RowError[] = []
  const metricIndex = new Map(store.metricKeys.map((key, m) => [key, m]))
  // The batch's cells of a metric by unit and span: its row. A row's value is null for a deletion.
  const cellKey = (unitId: number, from: string, to: string) => `${unitId}|${from}|${to}`
  const rowsOf = new Map<number, Map<string, number>>()
  const batchOf = (m: number | undefined): Map<string, number> => {
    if (m === undefined) return new Map()
    let cells = rowsOf.get(m)
    if (!cells) {
      rowsOf.set(m, (cells = new Map()))
      for (let i = 0; i < store.size; i++) if (metric[i] === m) cells.set(cellKey(unit[i]!, isoOf(start[i]!), isoOf(end[i]!)), i)
    }
    return cells
  }
  const valueOf = (i: number) => (mode === 'delete' ? null : value[i]!)

  for (const rule of rules) {
    if (rule.max !== undefined) {
      if (mode === 'delete') continue
      for (let i = 0; i < store.size; i++) {
        if (store.metricKeys[metric[i]!] === rule.metric && value[i]! > rule.max) {
          errors.push(store.errorAt(i, `${rule.metric} ${value[i]} is more than ${rule.max}: ${both(rule.message)}`))
        }
      }
      continue
    }
    const other = rule.atMost
    const smallRows = batchOf(metricIndex.get(rule.metric))
    const largeRows = batchOf(metricIndex.get(other))
    if (smallRows.size + largeRows.size === 0) continue
    // The stored figures of either metric for the cells the batch touches: those that start
    // within the span of the batch's starts (text order of ISO dates is day order).
    let first = ''
    let last = ''
    for (const rows of [smallRows, largeRows]) {
      for (const i of rows.values()) {
        const from = isoOf(start[i]!)
        if (!first || from < first) first = from
        if (!last || from > last) last = from
      }
    }
    const stored = await select(
      `SELECT "metricKey", "orgUnitId", "periodStart", "periodEnd", "value" FROM "Figure"
       WHERE "metricKey" IN (?, ?) AND "periodStart" >= ? AND "periodStart" <= ?`,
      rule.metric, other, first, last,
    )
    const storedSmall = new Map<string, number>()
    const storedLarge = new Map<string, number>()
    for (const [metricKey, orgUnitId, periodStart, periodEnd, v] of stored) {
      ;(metricKey === rule.metric ? storedSmall : storedLarge).set(cellKey(Number(orgUnitId), periodStart as string, periodEnd as string), Number(v))
    }
    const after = (inBatch: Map<string, number>, inStore: Map<string, number>, key: string): number | null => {
      const row = inBatch.get(key)
      return row !== undefined ? valueOf(row) : inStore.get(key) ?? null
    }
    const reported = new Set<string>()
    // In the file's order, as the rows were read.
    for (const [key, i] of [...smallRows, ...largeRows].sort((a, b) => a[1] - b[1])) {
      const small = after(smallRows, storedSmall, key)
      const large = after(largeRows, storedLarge, key)
      if (small === null || large === null || small <= large || reported.has(key)) continue
      reported.add(key)
      // Blame the row of the metric held down when the batch has it, else the row that lowered the other.
      const row = smallRows.get(key) ?? i
      const from = isoOf(start[i]!)
      const to = isoOf(end[i]!)
      errors.push(store.errorAt(row, `${rule.metric} ${small} is more than ${other} ${large} at ${unitKeys.get(unit[i]!)} for ${from}..${to}: ${both(rule.message)}`))
    }
  }
  return errors
}
