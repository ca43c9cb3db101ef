import { Button, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { downloadCsv, toCsv, type CsvColumn } from '../csv.ts'
import { changeArrow, formatChange, formatChangeRate, formatValue, type Locale, type ValueKind } from '../format.ts'
import type { EnumOf } from '../graphql.ts'
import { statusStyles, trendColors, type Status, type Trend } from '../status.ts'

type Source = EnumOf<'Source'>

const sourceColors: Record<Source, string> = { REPORT: 'blue', ENTERED: 'green', IMPORTED: 'cyan', SAMPLE: 'warning' }

/** Marks a sample value, so no one mistakes it for a reported one. */
export function SampleMark({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation()
  if (!sources.includes('SAMPLE')) return null
  // A native title, not a Tooltip: a scorecard holds hundreds of these.
  return (
    <Tag color="warning" variant="outlined" title={t('sample.tip')} style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px', paddingInline: 4 }} data-testid="sample-mark">
      {t('sample.tag')}
    </Tag>
  )
}

export function ValueCell({ value, metric, locale, sources = [] }: { value: number | null | undefined; metric: ValueKind; locale: Locale; sources?: readonly Source[] }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatValue(value, metric, locale)}
      {value !== null && value !== undefined && <SampleMark sources={sources} />}
    </span>
  )
}

export function StatusTag({ status, reason }: { status: Status; reason?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <Tag color={statusStyles[status].tag} data-status={status} title={reason}>
      {t(`status.${status}`)}
    </Tag>
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
    <span style={{ color: trendColors[trend], whiteSpace: 'nowrap' }} data-trend={trend} title={t(`trend.${trend}`)}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {text}
    </span>
  )
}

export function SourceTag({ source }: { source: Source }) {
  const { t } = useTranslation()
  return <Tag color={sourceColors[source]}>{t(`source.${source}`)}</Tag>
}

export function ExportButton<Row>({ fileName, columns, rows }: { fileName: string; columns: CsvColumn<Row>[]; rows: Row[] }) {
  const { t } = useTranslation()
  return (
    <Button className="no-print" size="small" data-testid="export-csv" onClick={() => downloadCsv(`${fileName}.csv`, toCsv(columns, rows))}>
      {t('actions.export')}
    </Button>
  )
}

export function Inline({ children }: { children: React.ReactNode }) {
  return <Space size={4}>{children}</Space>
}
