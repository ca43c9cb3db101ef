// Checks every row of an import before anything is written: a batch is all or nothing,
// and each error names its row and says what to fix.
import { valueProblems } from '@msp/plugins/sdk'
import { isIsoDate, longerThan } from '../engine/index.ts'
import type { RegisteredMetric } from '../registry.ts'
import type { ImportRow } from './read-rows.ts'

export interface StoredFigure {
  metricKey: string
  orgUnitKey: string
  start: string
  end: string
  source: string
}

export interface ValidFigure {
  line: number
  metricKey: string
  orgUnitKey: string
  start: string
  end: string
  value: number
  note: string | null
}

export interface RowError {
  line: number
  message: string
}

export interface ImportCatalogue {
  metrics: ReadonlyMap<string, RegisteredMetric>
  orgUnitKeys: ReadonlySet<string>
  /** Figures already stored, to refuse overlaps and changes to the report's own figures. */
  stored: readonly StoredFigure[]
}

const granularityWords = { MONTH: 'a month', QUARTER: 'a quarter', HALF: 'a half year', YEAR: 'a calendar year' }

/** A number as people write it: '1,812', '257.5', '95%' (for rates). */
function parseValue(text: string, metric: RegisteredMetric): number | string {
  const compact = text.replace(/[,\s，]/g, '')
  const percent = compact.endsWith('%')
  const number = Number(percent ? compact.slice(0, -1) : compact)
  if (compact === '' || Number.isNaN(number)) return `value '${text}' is not a number`
  if (percent && metric.kind !== 'RATE') return `value '${text}' is a percentage, but ${metric.key} is counted in ${metric.unit}`
  return percent ? number / 100 : number
}

export function validateImport(rows: readonly ImportRow[], catalogue: ImportCatalogue): { figures: ValidFigure[]; errors: RowError[] } {
  const figures: ValidFigure[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  const storedByCell = new Map<string, StoredFigure[]>()
  for (const s of catalogue.stored) {
    const key = `${s.metricKey}|${s.orgUnitKey}`
    storedByCell.set(key, [...(storedByCell.get(key) ?? []), s])
  }

  for (const { line, cells } of rows) {
    const problems: string[] = []
    const metric = catalogue.metrics.get(cells.metric)
    if (!cells.metric) problems.push('metric is empty')
    else if (!metric) problems.push(`unknown metric '${cells.metric}'`)
    else if (metric.numerator) {
      problems.push(`${metric.key} is computed from ${metric.numerator} and ${metric.denominator}; import those instead`)
    }
    if (!cells.org_unit) problems.push('org_unit is empty')
    else if (!catalogue.orgUnitKeys.has(cells.org_unit)) problems.push(`unknown org unit '${cells.org_unit}'`)
    const start = cells.period_start
    const end = cells.period_end
    const startOk = isIsoDate(start)
    const endOk = isIsoDate(end)
    if (!startOk) problems.push(`period_start '${start}' is not a date; write it as YYYY-MM-DD`)
    if (!endOk) problems.push(`period_end '${end}' is not a date; write it as YYYY-MM-DD`)
    if (startOk && endOk && end < start) problems.push(`period_end ${end} is before period_start ${start}`)

    let value: number | undefined
    if (metric) {
      const parsed = parseValue(cells.value, metric)
      if (typeof parsed === 'string') problems.push(parsed)
      else {
        const valueIssues = valueProblems('', metric.definition, parsed).map((p) => p.replace(/^: /, ''))
        problems.push(...valueIssues)
        if (valueIssues.length === 0) value = parsed
      }
      if (metric.kind === 'STOCK' && startOk && endOk && end >= start && longerThan({ start, end }, metric.granularity)) {
        problems.push(`${metric.key} is a stock, a snapshot: its span may be at most ${granularityWords[metric.granularity]}, not ${start}..${end}`)
      }
    }

    if (problems.length === 0 && metric && value !== undefined) {
      const key = `${metric.key}|${cells.org_unit}|${start}|${end}`
      const first = seen.get(key)
      if (first !== undefined) problems.push(`duplicate of row ${first}: same metric, org unit and period`)
      else seen.set(key, line)
      for (const stored of storedByCell.get(`${metric.key}|${cells.org_unit}`) ?? []) {
        const same = stored.start === start && stored.end === end
        if (same && stored.source === 'REPORT') {
          problems.push(`would overwrite the report's own figure for ${start}..${end}; report figures are not changed by import`)
        } else if (!same && metric.kind === 'FLOW' && stored.start <= end && start <= stored.end) {
          problems.push(`overlaps the stored figure for ${stored.start}..${stored.end}; a count is entered once, for spans that do not overlap`)
        }
      }
    }

    if (problems.length) for (const message of problems) errors.push({ line, message })
    else figures.push({ line, metricKey: metric!.key, orgUnitKey: cells.org_unit, start, end, value: value!, note: cells.note || null })
  }
  return { figures, errors }
}
