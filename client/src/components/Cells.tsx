import { Button, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { downloadCsv, toCsv, type CsvColumn } from '../csv.ts'
import { formatValue, type Locale, type ValueKind } from '../format.ts'
import type { EnumOf } from '../graphql.ts'
import { statusStyles, type Status } from '../status.ts'

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
