// The target editor's table: a metric a row (grouped by area), the district, the units' sum
// and each unit a column. Scrolls sideways in its own box with the metric column held, so the
// page never does. Rows are memoized: typing in one cell redraws one row, not 1,700 inputs.
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatValue, unitLabel, type Locale } from '../format.ts'
import { isRate } from '../returns/entry.ts'
import type { Sheet, SheetRow } from './documents.ts'
import { cellState, editable, liveSum, ownValue, targetOf, typedText } from './grid.ts'

export interface GridHandlers {
  type: (metric: string, column: number, text: string) => void
  reason: (metric: string, text: string) => void
  /** Enter moves down the column, Shift+Enter up, as in a spreadsheet. */
  move: (row: number, column: number, step: 1 | -1) => void
  paste: (row: number, column: number, event: React.ClipboardEvent<HTMLInputElement>) => void
  register: (row: number, column: number, input: HTMLInputElement | null) => void
}

interface Props {
  sheet: Sheet
  drafts: Readonly<Record<string, Readonly<Record<number, string>>>>
  reasons: Readonly<Record<string, string>>
  batchReason: string
  /** Metric key → what is wrong, in words. */
  problems: Readonly<Record<string, string[]>>
  readOnly: boolean
  handlers: GridHandlers
}

/** A unit's name as a column heading: 积玉桥所, Jiyuqiao; the whole name in its title. */
export const shortName = (name: string) => name.replace(/市场监督管理所$/, '所').replace(/ Market Supervision Station$/, '')

export function TargetGrid({ sheet, drafts, reasons, batchReason, problems, readOnly, handlers }: Props) {
  const { t } = useTranslation()
  const [district, ...units] = sheet.orgUnits
  // The same array each time, or every memoized row would redraw at each keystroke.
  const unitNames = useMemo(() => sheet.orgUnits.slice(1).map((u) => u.name), [sheet])
  let index = 0
  return (
    <div className="targets-scroll" data-testid="targets-scroll" tabIndex={0} role="region" aria-label={t('targets.grid')}>
      <table className="targets-grid" data-testid="targets-grid">
        <thead>
          <tr>
            <th scope="col" className="metric-col">{t('targets.metric')}</th>
            <th scope="col" className="district-col" title={district?.name}>{t('targets.district')}</th>
            <th scope="col" className="sum-col">{t('targets.unitSum')}</th>
            {units.map((u) => <th scope="col" key={u.key} title={u.name} data-unit={u.key}>{shortName(u.name)}</th>)}
          </tr>
        </thead>
        {sheet.areas.map((a) => (
          <tbody key={a.area.key} data-area={a.area.key}>
            <tr className="area-row">
              <th scope="colgroup" colSpan={units.length + 3}><span className="area-name">{a.area.name}</span></th>
            </tr>
            {a.rows.map((row) => {
              const at = index++
              return (
                <TargetRow
                  key={row.metric.key}
                  row={row}
                  index={at}
                  unitNames={unitNames}
                  typed={drafts[row.metric.key]}
                  reason={reasons[row.metric.key] ?? ''}
                  batchReason={drafts[row.metric.key] ? batchReason : ''}
                  problems={problems[row.metric.key]}
                  readOnly={readOnly}
                  handlers={handlers}
                />
              )
            })}
          </tbody>
        ))}
      </table>
    </div>
  )
}

interface RowProps {
  row: SheetRow
  index: number
  unitNames: string[]
  typed: Readonly<Record<number, string>> | undefined
  reason: string
  batchReason: string
  problems: string[] | undefined
  readOnly: boolean
  handlers: GridHandlers
}

const TargetRow = memo(function TargetRow({ row, index, unitNames, typed, reason, batchReason, problems, readOnly, handlers }: RowProps) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { metric } = row
  const unit = isRate(metric) ? '%' : unitLabel(metric.unit, locale)
  const inUnit = locale === 'en' ? ` (${unit})` : `（${unit}）`
  const changed = typed !== undefined && Array.from({ length: row.cells.length + 1 }, (_, c) => cellState(row, c, typed[c]).kind).some((k) => k !== 'same')
  const sum = liveSum(row, typed ? { [metric.key]: typed } : {})
  const says = problems?.length ? `says-${metric.key}` : undefined
  const cell = (column: number) => {
    const target = targetOf(row, column)
    const inherited = column > 0 && row.cells[column - 1]!.inherited
    const own = ownValue(row, column)
    const text = typed?.[column]
    const state = cellState(row, column, text)
    const unitName = column === 0 ? t('targets.district') : unitNames[column - 1]!
    if (!editable(row, column)) {
      return <td key={column} className="na" title={t('targets.legend.notMeasured')}>{t('targets.notMeasured')}</td>
    }
    const source = state.kind === 'same' && own !== null ? target?.source : undefined
    const title = target && !inherited ? t('targets.source', { source: t(`source.${target.source}`), reason: target.reason ?? '' }) : undefined
    return (
      <td key={column} data-col={column} data-source={source} data-changed={state.kind !== 'same' || undefined} data-inherited={(inherited && text === undefined) || undefined} title={title}>
        {readOnly ? (
          <span className="cell-value">{own === null ? (inherited && target ? <Inherited value={target.value} metric={metric} /> : <span className="muted">{t('targets.none')}</span>) : formatValue(own, metric, locale)}</span>
        ) : (
          <input
            ref={(input) => handlers.register(index, column, input)}
            inputMode="decimal"
            autoComplete="off"
            value={text ?? typedText(own, metric)}
            placeholder={inherited && target ? typedText(target.value, metric) : ''}
            aria-label={`${metric.name} · ${unitName}${inUnit}`}
            aria-invalid={state.kind === 'notANumber' || state.kind === 'outOfRange' || state.kind === 'cleared' || undefined}
            aria-describedby={says}
            data-testid="target-input"
            onChange={(e) => handlers.type(metric.key, column, e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              handlers.move(index, column, e.shiftKey ? -1 : 1)
            }}
            onPaste={(e) => handlers.paste(index, column, e)}
          />
        )}
        {source && <SourceMark source={source} />}
        {inherited && text === undefined && !readOnly && <span className="cell-mark inherited">{t('targets.inherited')}</span>}
      </td>
    )
  }
  return (
    <tr data-metric={metric.key} data-changed={changed || undefined} data-problem={problems?.length ? true : undefined}>
      <th scope="row" className="metric-col">
        <span className="metric-name">{metric.name}</span> <span className="muted metric-unit">{inUnit}</span>
        {changed && !readOnly && (
          <label className="row-reason">
            <span className="visually-hidden">{t('targets.reasonFor', { metric: metric.name })}</span>
            <input
              value={reason}
              maxLength={500}
              placeholder={batchReason.trim() ? t('targets.reasonAsBatch') : `${t('targets.reason')}（${t('targets.reasonRequired')}）`}
              aria-invalid={problems?.length ? true : undefined}
              aria-describedby={says}
              data-testid="row-reason"
              onChange={(e) => handlers.reason(metric.key, e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault()
              }}
            />
          </label>
        )}
        {problems?.length ? (
          <span className="row-problem" id={says} role="alert" data-testid="row-problem">{problems.join('；')}</span>
        ) : null}
      </th>
      {cell(0)}
      <SumCell sum={sum} metric={metric} />
      {row.cells.map((_, i) => cell(i + 1))}
    </tr>
  )
})

function SourceMark({ source }: { source: string }) {
  const { t } = useTranslation()
  if (source === 'SAMPLE') return <span className="tag mark sample cell-mark" title={t('sample.tip')} data-testid="sample-mark">{t('sample.tag')}</span>
  return <span className={`tag mark cell-mark source-${source}`} data-testid="source-mark">{t(`source.${source}`)}</span>
}

/** The district's target where it holds for a unit (a rate, a ceiling): greyed, and said so. */
function Inherited({ value, metric }: { value: number; metric: SheetRow['metric'] }) {
  const { t, i18n } = useTranslation()
  return (
    <span className="muted inherited-value" title={t('targets.legend.inherited')}>
      {formatValue(value, metric, i18n.language === 'en' ? 'en' : 'zh-CN')} <small>{t('targets.inherited')}</small>
    </span>
  )
}

function SumCell({ sum, metric }: { sum: ReturnType<typeof liveSum>; metric: SheetRow['metric'] }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  if (!sum) return <td className="sum-col" title={t('targets.noSum')}><span className="muted">—</span></td>
  const diff = sum.district === null ? 0 : sum.sum - sum.district
  const words = formatValue(Math.abs(diff), metric, locale)
  return (
    <td className="sum-col" data-differs={sum.differs || undefined} data-testid="unit-sum">
      <span className="sum-value">{formatValue(sum.sum, metric, locale)}</span>
      <small className="sum-note">
        {t('targets.sumOf', { count: sum.units })}
        {sum.district !== null && (locale === 'en' ? ', ' : '，')}
        {sum.district !== null && (sum.differs ? <strong>{t('targets.sumDiffers', { diff: t(diff > 0 ? 'targets.more' : 'targets.less', { diff: words }) })}</strong> : t('targets.sumMatches'))}
      </small>
    </td>
  )
}
