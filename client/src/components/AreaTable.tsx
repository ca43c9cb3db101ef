import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatChange, formatPercent, formatValue, type Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf, type ResultOf } from '../graphql.ts'
import { byUrgency } from '../status.ts'
import { ChangeCell, ExportButton, StatusTag, ValueCell } from './Cells.tsx'

export const AreaTableRow = graphql(`
  fragment AreaTableRow on MetricRow {
    metric { key name(locale: $locale) unit kind direction }
    actual target completion expected previous yoyChange yoyRate trend status points maxPoints
    sources actualSources previousSources targetSources targetReason
  }
`)

export type AreaRow = ResultOf<typeof AreaTableRow>

/**
 * Actual against what time-progress asks by now (the whole target for a rate or a stock):
 * negative is behind for a metric where higher is better.
 */
export function gapOf(r: AreaRow): number | null {
  const due = r.expected ?? r.target
  if (r.actual === null || due === null) return null
  return r.actual - due
}

type SortKey = 'metric' | 'actual' | 'target' | 'completion' | 'expected' | 'gap' | 'previous' | 'change' | 'changeRate' | 'status' | 'points'

/** How each column orders its rows; a row without a value goes last either way. */
const sortValue: Record<Exclude<SortKey, 'metric' | 'status'>, (r: AreaRow) => number | null> = {
  actual: (r) => r.actual, target: (r) => r.target, completion: (r) => r.completion, expected: (r) => r.expected,
  gap: gapOf, previous: (r) => r.previous, change: (r) => r.yoyChange, changeRate: (r) => r.yoyRate, points: (r) => r.points,
}

function sorted(rows: AreaRow[], key: SortKey, descending: boolean, locale: Locale): AreaRow[] {
  const order = (a: AreaRow, b: AreaRow): number => {
    if (key === 'metric') return a.metric.name.localeCompare(b.metric.name, locale)
    if (key === 'status') return byUrgency(a.status, b.status)
    const x = sortValue[key](a)
    const y = sortValue[key](b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return x - y
  }
  return [...rows].sort((a, b) => {
    const missing = key !== 'metric' && key !== 'status' && (sortValue[key](a) === null) !== (sortValue[key](b) === null)
    return missing ? order(a, b) : descending ? -order(a, b) : order(a, b)
  })
}

/** Completion against the whole target as a bar, with a tick where time-progress stands. */
function Progress({ row }: { row: AreaRow }) {
  if (row.completion === null || row.target === null || row.target <= 0 || row.metric.direction !== 'HIGHER_IS_BETTER') return null
  const fill = Math.max(0, Math.min(1, row.completion))
  const due = row.expected === null ? null : Math.max(0, Math.min(1, row.expected / row.target))
  const colour = row.status === 'BEHIND' ? 'var(--behind)' : row.status === 'MET' ? 'var(--met)' : 'var(--on-track)'
  return (
    <span className="progress" aria-hidden="true">
      <span style={{ width: `${fill * 100}%`, background: colour }} />
      {due !== null && due < 1 && <i style={{ insetInlineStart: `calc(${due * 100}% - 1px)` }} />}
    </span>
  )
}

/**
 * One area's metrics: actual against target and time-progress, against last year, status and
 * points. A plain table (on a phone, a card a row): the scorecard draws twenty of these at once.
 */
export function AreaTable({ rows: masked, locale, year, search, fileName }: {
  rows: readonly FragmentOf<typeof AreaTableRow>[]
  locale: Locale
  year: number
  search: string
  fileName: string
}) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null)
  const unsorted = masked.map((r) => readFragment(AreaTableRow, r))
  const rows = sort ? sorted(unsorted, sort.key, sort.descending, locale) : unsorted
  // A heading sorts by its column: ascending, then descending, then the plugin's order.
  const header = (key: SortKey, numeric: boolean, tip?: string) => {
    const state = sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined
    const next = () => setSort(!state ? { key, descending: false } : state === 'ascending' ? { key, descending: true } : null)
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={state} title={tip}>
        <button type="button" className="sort" onClick={next}>
          {label[key]}
          <span aria-hidden="true" className="sort-mark">{state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}</span>
        </button>
      </th>
    )
  }
  const noTarget = t('empty.noTarget', { year })
  const label = {
    metric: t('columns.metric'), actual: t('columns.actual'), target: t('columns.target'), completion: t('columns.completion'),
    expected: t('columns.expected'), gap: t('columns.gap'), previous: t('columns.previous'), change: t('columns.change'),
    changeRate: t('columns.changeRate'), status: t('columns.status'), points: t('columns.points'),
  }
  return (
    <>
      <table className="table cards area-table">
        <thead>
          <tr>
            {header('metric', false)}
            {header('actual', true)}
            {header('target', true)}
            {header('completion', true)}
            {header('expected', true, t('columns.expectedTip'))}
            {header('gap', true, t('columns.gapTip'))}
            {header('previous', true)}
            {header('change', true)}
            {header('changeRate', true)}
            {header('status', false)}
            {header('points', true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const gap = gapOf(r)
            return (
              <tr key={r.metric.key} data-metric={r.metric.key} data-status={r.status}>
                <th scope="row" className="lead">
                  <Link to={{ pathname: `/metrics/${r.metric.key}`, search }}>{r.metric.name}</Link>
                </th>
                <td className="num" data-label={label.actual}><ValueCell value={r.actual} metric={r.metric} locale={locale} sources={r.actualSources} history="actual" /></td>
                <td className="num" data-label={label.target}>
                  {r.target === null ? (
                    <span className="muted" title={noTarget}>{t('status.NO_TARGET')}</span>
                  ) : (
                    <span title={r.targetReason ?? undefined}><ValueCell value={r.target} metric={r.metric} locale={locale} sources={r.targetSources} history="target" /></span>
                  )}
                </td>
                <td className={r.completion === null ? 'num blank' : 'num'} data-label={label.completion}>
                  <Progress row={r} />
                  {r.completion === null ? '—' : formatPercent(r.completion, locale)}
                </td>
                <td className={r.expected === null || r.expected === r.target ? 'num blank' : 'num'} data-label={label.expected}>
                  {r.expected === null || r.expected === r.target ? '—' : formatValue(r.expected, r.metric, locale)}
                </td>
                <td className={gap === null ? 'num blank' : 'num'} data-label={label.gap} data-testid="gap">
                  {gap === null ? '—' : <span className={r.status === 'BEHIND' ? 'trend-WORSE' : undefined}>{formatChange(gap, r.metric, locale)}</span>}
                </td>
                <td className="num" data-label={label.previous}><ValueCell value={r.previous} metric={r.metric} locale={locale} sources={r.previousSources} /></td>
                <td className={r.yoyChange === null ? 'num blank' : 'num'} data-label={label.change}><ChangeCell change={r.yoyChange} trend={r.trend} metric={r.metric} locale={locale} /></td>
                <td className={r.yoyRate === null ? 'num blank' : 'num'} data-label={label.changeRate}><ChangeCell change={r.yoyChange} rate={r.yoyRate} trend={r.trend} metric={r.metric} locale={locale} /></td>
                <td data-label={label.status}><StatusTag status={r.status} reason={r.status === 'NO_TARGET' ? noTarget : undefined} /></td>
                <td className={r.maxPoints === null ? 'num blank' : 'num'} data-label={label.points}>{r.maxPoints === null ? '—' : `${r.points ?? '—'} / ${r.maxPoints}`}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="table-actions">
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
