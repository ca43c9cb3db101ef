// The whole scorecard as one workbook: a summary sheet, then one sheet per area. Pure: it
// builds the sheets' data (write-excel-file's shape); the screen loads the library lazily and
// writes the file. Numbers are numbers, rounded as the screen shows them (roundAsShown), with
// Excel number formats; a value the report states or a sample value is coloured and named in
// the row's 标注 / Marks column.
import type { CellObject, Row, Sheet, SheetData } from 'write-excel-file/browser'
import type { EnumOf } from './graphql.ts'
import { roundAsShown, unitDigits, unitLabel, type Locale, type ValueKind } from './format.ts'

// Words from the schema, not copies: a new source or status breaks the build here.
export type Source = EnumOf<'Source'>
type Status = EnumOf<'Status'>

export interface WorkbookRow {
  metric: ValueKind & { key: string; name: string }
  actual: number | null
  target: number | null
  completion: number | null
  expected: number | null
  previous: number | null
  yoyChange: number | null
  yoyRate: number | null
  status: Status
  points: number | null
  maxPoints: number | null
  sources: readonly Source[]
  actualSources: readonly Source[]
  targetSources: readonly Source[]
  previousSources: readonly Source[]
}

export interface WorkbookArea {
  area: { key: string; name: string }
  score: number | null
  maxScore: number | null
  status: Status
  scored: boolean
  rows: readonly WorkbookRow[]
}

export interface WorkbookScorecard {
  orgUnit: { name: string }
  /** The span as the screen writes it: 2024年1—6月. */
  periodLabel: string
  /** The partial-period line, when the period runs past the figures. */
  note?: string | null | undefined
  score: number | null
  maxScore: number | null
  scoreOn100: number | null
  status: Status
  areas: readonly WorkbookArea[]
}

/** The words of the workbook: i18next's t, or a stub in tests. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

const fills = { SAMPLE: '#FFF2CC', REPORT: '#DDEBF7' } as const
const header = { fontWeight: 'bold', backgroundColor: '#D9D9D9', wrap: true } as const

/** An Excel number format for a metric's values: counts #,##0, money #,##0.00, rates 0.0%. */
export function numberFormat(metric: ValueKind): string {
  if (metric.kind === 'RATE' || metric.unit === '%') return '0.0%'
  if (metric.kind === 'RANK') return '0'
  const digits = unitDigits(metric.unit)
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`
}

/** A change's format: signed, a rate's as a share, a rank's in places. */
function changeFormat(metric: ValueKind): string {
  const format = numberFormat(metric)
  return `+${format};-${format};${format}`
}

const num = (value: number | null | undefined, format: string | undefined, marks: readonly Source[] = []): CellObject | null => {
  if (value === null || value === undefined) return null
  const mark = marks.includes('SAMPLE') ? 'SAMPLE' : marks.includes('REPORT') ? 'REPORT' : null
  return { value, type: Number, ...(format ? { format } : {}), ...(mark ? { backgroundColor: fills[mark] } : {}) }
}
const text = (value: string | null | undefined): CellObject | null => (value ? { value, type: String } : null)

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not empty, and unique
 * in the workbook (case-insensitively): a repeated name gets ' (2)', ' (3)'.
 */
export function sheetName(name: string, used: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet'
  let candidate = clean.slice(0, 31)
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`
    candidate = `${clean.slice(0, 31 - suffix.length)}${suffix}`
  }
  used.add(candidate.toLowerCase())
  return candidate
}

/** The marks of a row: '样例：实际、目标；报告：去年同期'. */
function marksOf(row: WorkbookRow, t: Translate, locale: Locale): string {
  const cells = [
    ['actual', row.actual, row.actualSources],
    ['target', row.target, row.targetSources],
    ['previous', row.previous, row.previousSources],
  ] as const
  const sep = locale === 'en' ? { list: ', ', part: '; ', colon: ': ' } : { list: '、', part: '；', colon: '：' }
  const parts: string[] = []
  for (const mark of ['SAMPLE', 'REPORT'] as const) {
    const named = cells
      .filter(([, value, sources]) => value !== null && sources.includes(mark) && (mark === 'SAMPLE' || !sources.includes('SAMPLE')))
      .map(([column]) => t(`columns.${column}`))
    if (named.length) parts.push(`${t(mark === 'SAMPLE' ? 'sample.tag' : 'report.tag')}${sep.colon}${named.join(sep.list)}`)
  }
  return parts.join(sep.part)
}

const areaColumns = ['metric', 'unit', 'actual', 'target', 'completion', 'expected', 'previous', 'change', 'changeRate', 'status', 'points', 'maxPoints', 'source', 'marks'] as const

function areaSheet(area: WorkbookArea, t: Translate, locale: Locale): SheetData {
  const title = (c: (typeof areaColumns)[number]) => t(c === 'maxPoints' ? 'xlsx.maxPoints' : c === 'marks' ? 'xlsx.marks' : `columns.${c}`)
  const rows: Row[] = [areaColumns.map((c) => ({ value: title(c), type: String, ...header }))]
  for (const r of area.rows) {
    const format = numberFormat(r.metric)
    const showExpected = r.expected !== null && r.expected !== r.target
    rows.push([
      text(r.metric.name),
      text(unitLabel(r.metric.unit, locale)),
      num(roundAsShown(r.actual, r.metric), format, r.actualSources),
      num(roundAsShown(r.target, r.metric), format, r.targetSources),
      num(roundAsShown(r.completion, { unit: '%', kind: 'RATE' }), '0.0%'),
      showExpected ? num(roundAsShown(r.expected, r.metric), format) : null,
      num(roundAsShown(r.previous, r.metric), format, r.previousSources),
      num(roundAsShown(r.yoyChange, r.metric), changeFormat(r.metric)),
      r.metric.kind === 'RANK' ? null : num(roundAsShown(r.yoyRate, { unit: '%', kind: 'RATE' }), '+0.0%;-0.0%;0.0%'),
      text(t(`status.${r.status}`)),
      num(r.points, '0.00'),
      num(r.maxPoints, undefined),
      text(r.sources.map((s) => t(`source.${s}`)).join(locale === 'en' ? ', ' : '、')),
      text(marksOf(r, t, locale)),
    ])
  }
  return rows
}

function summarySheet(card: WorkbookScorecard, t: Translate): SheetData {
  const bold = (value: string): CellObject => ({ value, type: String, fontWeight: 'bold' })
  const rows: Row[] = [
    [{ value: `${card.orgUnit.name} · ${card.periodLabel}`, type: String, fontWeight: 'bold', fontSize: 14 }],
    [bold(t('columns.orgUnit')), text(card.orgUnit.name)],
    [bold(t('columns.period')), text(card.periodLabel)],
  ]
  if (card.note) rows.push([bold(t('xlsx.note')), text(card.note)])
  rows.push(
    [bold(t('score.overall')), num(card.score, '0.00'), text(card.maxScore === null ? null : `/ ${card.maxScore}`)],
    [bold(t('xlsx.scoreOn100')), num(card.scoreOn100, '0.00')],
    [bold(t('columns.status')), text(t(`status.${card.status}`))],
    [],
    ['area', 'score', 'maxPoints', 'status', 'behind', 'met', 'metrics'].map((c) => ({ value: t(c === 'area' ? 'nav.area' : c === 'maxPoints' ? 'xlsx.maxPoints' : c === 'metrics' ? 'xlsx.metrics' : `columns.${c}`), type: String, ...header })),
  )
  for (const a of card.areas) {
    rows.push([
      text(a.area.name),
      a.scored ? num(a.score, '0.00') : null,
      a.scored ? num(a.maxScore, undefined) : null,
      text(a.scored ? t(`status.${a.status}`) : t('score.monitored')),
      num(a.rows.filter((r) => r.status === 'BEHIND').length, '0'),
      num(a.rows.filter((r) => r.status === 'MET').length, '0'),
      num(a.rows.length, '0'),
    ])
  }
  rows.push(
    [],
    [bold(t('xlsx.legend'))],
    [{ value: t('sample.tag'), type: String, backgroundColor: fills.SAMPLE }, text(t('sample.tip'))],
    [{ value: t('report.tag'), type: String, backgroundColor: fills.REPORT }, text(t('report.tip'))],
  )
  return rows
}

/** The scorecard's sheets: the summary first, then one per area, every name valid and unique. */
export function scorecardWorkbook(card: WorkbookScorecard, t: Translate, locale: Locale): Sheet<Blob>[] {
  const used = new Set<string>()
  return [
    { sheet: sheetName(t('xlsx.summary'), used), data: summarySheet(card, t), columns: [{ width: 24 }, { width: 12 }, { width: 10 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 10 }] },
    ...card.areas.map((a) => ({
      sheet: sheetName(a.area.name, used),
      data: areaSheet(a, t, locale),
      columns: [{ width: 36 }, { width: 10 }, ...Array.from({ length: 9 }, () => ({ width: 13 })), { width: 8 }, { width: 14 }, { width: 22 }],
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
    })),
  ]
}

/** Writes the workbook: write-excel-file is loaded only when someone exports. */
export async function downloadScorecardXlsx(fileName: string, sheets: Sheet<Blob>[]): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  await writeXlsxFile(sheets).toFile(fileName)
}
