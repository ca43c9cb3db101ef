import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatPercent, formatValue, unitLabel, type Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts'
import { byUrgency } from '../status.ts'
import { ChangeCell, ExportButton, StatusTag, ValueCell } from './Cells.tsx'

export const AreaTableRow = graphql(`
  fragment AreaTableRow on MetricRow {
    metric { key name(locale: $locale) unit kind }
    actual target completion expected previous yoyChange yoyRate trend status points maxPoints
    sources actualSources previousSources targetSources targetReason
  }
`)

type Row = ResultOf<typeof AreaTableRow>

const numberSorter = (pick: (r: Row) => number | null) => (a: Row, b: Row) => (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity)

/** One area's metrics: actual against target and against last year, status and points. */
export function AreaTable({ rows: masked, locale, year, search, fileName }: {
  rows: readonly FragmentOf<typeof AreaTableRow>[]
  locale: Locale
  year: number
  search: string
  fileName: string
}) {
  const { t } = useTranslation()
  const rows = masked.map((r) => readFragment(AreaTableRow, r))
  const noTarget = t('empty.noTarget', { year })
  const columns: ColumnsType<Row> = [
    {
      title: t('columns.metric'),
      key: 'metric',
      render: (_, r) => <Link to={{ pathname: `/metrics/${r.metric.key}`, search }}>{r.metric.name}</Link>,
      sorter: (a, b) => a.metric.name.localeCompare(b.metric.name, locale),
    },
    { title: t('columns.unit'), key: 'unit', render: (_, r) => unitLabel(r.metric.unit, locale) },
    {
      title: t('columns.actual'), key: 'actual', align: 'right', sorter: numberSorter((r) => r.actual),
      render: (_, r) => <ValueCell value={r.actual} metric={r.metric} locale={locale} sources={r.actualSources} />,
    },
    {
      title: t('columns.target'), key: 'target', align: 'right', sorter: numberSorter((r) => r.target),
      render: (_, r) =>
        r.target === null ? (
          <Typography.Text type="secondary" title={noTarget}>{t('status.NO_TARGET')}</Typography.Text>
        ) : (
          <span title={r.targetReason ?? undefined}><ValueCell value={r.target} metric={r.metric} locale={locale} sources={r.targetSources} /></span>
        ),
    },
    {
      title: t('columns.completion'), key: 'completion', align: 'right', sorter: numberSorter((r) => r.completion),
      render: (_, r) => (r.completion === null ? '—' : formatPercent(r.completion, locale)),
    },
    {
      title: t('columns.expected'), key: 'expected', align: 'right', sorter: numberSorter((r) => r.expected),
      render: (_, r) => (r.expected === null || r.expected === r.target ? '—' : formatValue(Math.round(r.expected * 100) / 100, r.metric, locale)),
    },
    {
      title: t('columns.previous'), key: 'previous', align: 'right', sorter: numberSorter((r) => r.previous),
      render: (_, r) => <ValueCell value={r.previous} metric={r.metric} locale={locale} sources={r.previousSources} />,
    },
    {
      title: t('columns.change'), key: 'change', align: 'right', sorter: numberSorter((r) => r.yoyChange),
      render: (_, r) => <ChangeCell change={r.yoyChange} trend={r.trend} metric={r.metric} locale={locale} />,
    },
    {
      title: t('columns.changeRate'), key: 'changeRate', align: 'right', sorter: numberSorter((r) => r.yoyRate),
      render: (_, r) => <ChangeCell change={r.yoyChange} rate={r.yoyRate} trend={r.trend} metric={r.metric} locale={locale} />,
    },
    {
      title: t('columns.status'), key: 'status', sorter: (a, b) => byUrgency(a.status, b.status),
      render: (_, r) => <StatusTag status={r.status} reason={r.status === 'NO_TARGET' ? noTarget : undefined} />,
    },
    {
      title: t('columns.points'), key: 'points', align: 'right', sorter: numberSorter((r) => r.points),
      render: (_, r) => (r.maxPoints === null ? '—' : `${r.points ?? '—'} / ${r.maxPoints}`),
    },
  ]
  return (
    <>
      <Table<Row>
        size="small"
        rowKey={(r) => r.metric.key}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-metric': r.metric.key, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
      />
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <ExportButton
          fileName={fileName}
          rows={rows}
          columns={[
            { title: t('columns.metric'), value: (r) => r.metric.name },
            { title: t('columns.unit'), value: (r) => r.metric.unit },
            { title: t('columns.actual'), value: (r) => r.actual },
            { title: t('columns.target'), value: (r) => r.target },
            { title: t('columns.completion'), value: (r) => r.completion },
            { title: t('columns.expected'), value: (r) => r.expected },
            { title: t('columns.previous'), value: (r) => r.previous },
            { title: t('columns.change'), value: (r) => r.yoyChange },
            { title: t('columns.changeRate'), value: (r) => r.yoyRate },
            { title: t('columns.status'), value: (r) => t(`status.${r.status}`) },
            { title: t('columns.points'), value: (r) => r.points },
            { title: t('columns.source'), value: (r) => r.sources.map((s) => t(`source.${s}`)).join(' ') },
          ]}
        />
      </div>
    </>
  )
}
