// The plugins' validation rules, checked against a batch as it would leave the database:
// a bound on one figure (`max`), or one metric at most another over the same unit and span
// (`atMost`: persuaded to leave ≤ anglers checked). The other side of a comparison comes
// from the batch when the batch holds it, else from what is stored; a comparison with a
// figure that does not exist is not made.
import type { DbTx } from '@msp/db'
import type { LocalizedName } from '@msp/plugin-sdk'
import type { Registry } from '../registry.ts'
import { isoOf, type Mode, type RowError, type RowStore } from './validate.ts'

const both = (message: LocalizedName) => `${message.en} (${message['zh-CN']})`

export async function ruleViolations(tx: DbTx, store: RowStore, registry: Registry, mode: Mode, unitKeys: ReadonlyMap<number, string>): Promise<RowError[]> {
  const rules = registry.validation
  if (rules.length === 0) return []
  const { metric, unit, start, end, value } = store
  const errors: RowError[] = []
  // The batch's cells by metric, unit and span: its value, or null for a deletion.
  const cellKey = (metricKey: string, unitId: number, from: string, to: string) => `${metricKey}|${unitId}|${from}|${to}`
  const batch = new Map<string, { row: number; value: number | null }>()
  for (let i = 0; i < store.size; i++) {
    const v = mode === 'delete' ? null : value[i]!
    batch.set(cellKey(store.metricKeys[metric[i]!]!, unit[i]!, isoOf(start[i]!), isoOf(end[i]!)), { row: i, value: v })
  }

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
    const touched = [...batch.entries()].filter(([key]) => key.startsWith(`${rule.metric}|`) || key.startsWith(`${other}|`))
    if (touched.length === 0) continue
    const units = [...new Set(touched.map(([, c]) => unit[c.row]!))]
    const stored = await tx.figure.findMany({
      where: { metricKey: { in: [rule.metric, other] }, orgUnitId: { in: units } },
      select: { metricKey: true, orgUnitId: true, periodStart: true, periodEnd: true, value: true },
    })
    const storedValues = new Map(stored.map((f) => [cellKey(f.metricKey, f.orgUnitId, f.periodStart, f.periodEnd), f.value]))
    const after = (key: string): number | null => {
      const inBatch = batch.get(key)
      return inBatch ? inBatch.value : storedValues.get(key) ?? null
    }
    const reported = new Set<string>()
    for (const [, cell] of touched) {
      const i = cell.row
      const from = isoOf(start[i]!)
      const to = isoOf(end[i]!)
      const small = after(cellKey(rule.metric, unit[i]!, from, to))
      const large = after(cellKey(other, unit[i]!, from, to))
      const pair = `${unit[i]}|${from}|${to}`
      if (small === null || large === null || small <= large || reported.has(pair)) continue
      reported.add(pair)
      // Blame the row of the metric held down when the batch has it, else the row that lowered the other.
      const row = batch.get(cellKey(rule.metric, unit[i]!, from, to))?.row ?? i
      errors.push(store.errorAt(row, `${rule.metric} ${small} is more than ${other} ${large} at ${unitKeys.get(unit[i]!)} for ${from}..${to}: ${both(rule.message)}`))
    }
  }
  return errors
}
