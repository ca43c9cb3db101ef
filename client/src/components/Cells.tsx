import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { downloadCsv, toCsv, type CsvColumn, type CsvNumber } from '../csv.ts'
import { HistoryButton, type HistoryScope, type HistoryWhat } from '../history/open.tsx'
import { changeArrow, formatChange, formatChangeRate, formatValue, type Locale, type ValueKind } from '../format.ts'
import type { EnumOf } from '../graphql.ts'
import { useView } from '../view.ts'
import type { WorkbookScorecard } from '../xlsx.ts'
import type { Status, Trend } from '../status.ts'

type Source = EnumOf<'Source'>

// Each source's tag: dark text on a pale ground, 4.5:1 or more.
const sourceColors: Record<Source, { color: string; background: string; borderColor: string }> = {
  REPORT: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  ENTERED: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  IMPORTED: { color: '#006d75', background: '#e6fffb', borderColor: '#87e8de' },
  SAMPLE: { color: '#874d00', background: '#fffbe6', borderColor: '#d48806' },
}

// The marks' colours: dark text on a pale ground, each above 4.5:1 (WCAG AA for small text).
// 样例 #874d00 on #fffbe6 is 6.5:1 (Ant Design's warning tag was 1.82:1); 报告 #10239e on
// #f0f5ff is 10.9:1.
export const markColors = {
  SAMPLE: { color: '#874d00', background: '#fffbe6', borderColor: '#d48806' },
  REPORT: { color: '#10239e', background: '#f0f5ff', borderColor: '#2f54eb' },
} as const

/** Marks a sample value, so no one mistakes it for a reported one. */
export function SampleMark({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation()
  if (!sources.includes('SAMPLE')) return null
  // A native title, not a Tooltip: a scorecard holds hundreds of these.
  return (
    <span className="tag mark sample" title={t('sample.tip')} data-testid="sample-mark">
      {t('sample.tag')}
    </span>
  )
}

/**
 * Marks a value the report states (or one computed from the report's counts): a link to the
 * metric's screen, where the report's sentence opens its list of figures. Without a metric key
 * (on that screen itself) the mark is a plain tag.
 */
export function ReportMark({ sources, metricKey }: { sources: readonly Source[]; metricKey?: string | undefined }) {
  const { t } = useTranslation()
  const { search } = useLocation()
  if (!sources.includes('REPORT') || sources.includes('SAMPLE')) return null
  const tag = (
    <span className="tag mark report" title={t('report.tip')} data-testid="report-mark">
      {t('report.tag')}
    </span>
  )
  if (!metricKey) return tag
  return (
    <Link to={{ pathname: `/metrics/${metricKey}`, search, hash: '#report-figures' }} aria-label={t('report.open')}>
      {tag}
    </Link>
  )
}

/** A value with its marks; with `history`, the number opens where it came from (history/open.tsx). */
export function ValueCell({ value, metric, locale, sources = [], history, scope }: {
  value: number | null | undefined
  metric: ValueKind & { key?: string; name?: string }
  locale: Locale
  sources?: readonly Source[]
  history?: HistoryWhat
  scope?: Partial<HistoryScope>
}) {
  const shown = value !== null && value !== undefined
  const text = formatValue(value, metric, locale)
  return (
    <span className="nowrap">
      {shown && history ? <HistoryButton what={history} metric={metric} text={text} scope={scope} /> : text}
      {shown && <SampleMark sources={sources} />}
      {shown && <ReportMark sources={sources} metricKey={metric.key} />}
    </span>
  )
}

export function StatusTag({ status, reason }: { status: Status; reason?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <span className="tag" data-status={status} title={reason}>
      {t(`status.${status}`)}
    </span>
  )
}

/**
 * A change against last year, coloured and arrowed by the API's trend (better green, worse red):
 * the arrow shows which way the number moved, a rank's in places; the colour whether that is good.
 */
export function ChangeCell({ change, rate, trend, metric, locale }: {
  change: number | null | undefined
  rate?: number | null | undefined
  trend: Trend | null | undefined
  metric: ValueKind
  locale: Locale
}) {
  const { t } = useTranslation()
  const text = rate === undefined ? formatChange(change, metric, locale) : formatChangeRate(rate, locale)
  if (text === '—' || !trend) return <span>{text}</span>
  const arrow = changeArrow(change, metric.kind)
  return (
    <span className={`nowrap trend-${trend}`} data-trend={trend} title={t(`trend.${trend}`)}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {text}
    </span>
  )
}

export function SourceTag({ source }: { source: Source }) {
  const { t } = useTranslation()
  return <span className="tag" style={sourceColors[source]}>{t(`source.${source}`)}</span>
}

/** The columns whose numbers are a metric's values, and those that are shares, by their title. */
const valueColumns = ['actual', 'target', 'expected', 'previous', 'change', 'value'] as const
const fractionColumns = ['completion', 'changeRate'] as const

/**
 * A table as CSV, its numbers rounded as the screen shows them. A column that does not say how
 * it rounds (`as`) is told by its title: actual, target, … as the row's metric (or `metric`,
 * for a table of one metric); completion and change % as fractions to 4 places.
 */
export function ExportButton<Row>({ fileName, columns, rows, metric }: { fileName: string; columns: CsvColumn<Row>[]; rows: Row[]; metric?: ValueKind }) {
  const { t } = useTranslation()
  const onClick = () => {
    const titled = new Map<string, CsvNumber>([
      ...valueColumns.map((c) => [t(`columns.${c}`), 'value'] as const),
      ...fractionColumns.map((c) => [t(`columns.${c}`), 'fraction'] as const),
    ])
    const rounded = columns.map((c) => ({ ...c, as: c.as ?? titled.get(c.title) }))
    downloadCsv(`${fileName}.csv`, metric ? toCsv(rounded, rows, () => metric) : toCsv(rounded, rows))
  }
  return (
    <button type="button" className="btn small no-print" data-testid="export-csv" onClick={onClick}>
      {t('actions.export')}
    </button>
  )
}

/**
 * The whole scorecard as one XLSX workbook (a summary sheet, a sheet per area). `build` runs on
 * click; write-excel-file is loaded then, so it stays out of the initial bundle.
 */
export function XlsxButton({ fileName, build }: { fileName: string; build: () => WorkbookScorecard }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const { locale } = useView()
  const onClick = async () => {
    setBusy(true)
    try {
      const { downloadScorecardXlsx, scorecardWorkbook } = await import('../xlsx.ts')
      await downloadScorecardXlsx(`${fileName}.xlsx`, scorecardWorkbook(build(), (key, options) => t(key as never, options) as string, locale))
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className="btn no-print" data-testid="export-xlsx" disabled={busy} aria-busy={busy} onClick={() => void onClick()}>
      {t('actions.exportXlsx')}
    </button>
  )
}
