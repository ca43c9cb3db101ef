// The return's metrics grouped by area, one row (a card on a phone) each: the input with its
// unit, last month and the same month last year beside it, "not applicable" with a note, and
// the server's warnings and refusals right there.
import { useTranslation } from 'react-i18next'
import { formatNumber, formatPercent, unitLabel, type Locale, type ValueKind } from '../format.ts'
import type { ReturnValue } from './documents.ts'
import { isRate } from './entry.ts'

export interface Draft {
  text: string
  notApplicable: boolean
  note: string
}

export interface RowHandlers {
  change: (key: string, draft: Partial<Draft>) => void
  /** Enter moves down to the next value, as in a spreadsheet. */
  next: (index: number) => void
  paste: (index: number, event: React.ClipboardEvent<HTMLInputElement>) => void
  register: (index: number, input: HTMLInputElement | null) => void
}

interface Props {
  values: readonly ReturnValue[]
  drafts: Record<string, Draft>
  changed: ReadonlySet<string>
  problems: Record<string, string>
  /** Warnings of the values as typed (checkReturn), when checked; else those of the values as read. */
  warnings: Record<string, string[]> | null
  readOnly: boolean
  handlers: RowHandlers
}

/** A value in the unit the clerk types it in: a rate as a percentage, money in yuan. */
export function asTyped(value: number | null | undefined, metric: ValueKind, locale: Locale): string {
  if (value === null || value === undefined) return '—'
  if (isRate(metric)) return formatPercent(value, locale, 2)
  const unit = unitLabel(metric.unit, locale)
  return locale === 'en' ? `${formatNumber(value, locale)} ${unit}` : `${formatNumber(value, locale)}${unit}`
}

export function ReturnRows({ values, drafts, changed, problems, warnings, readOnly, handlers }: Props) {
  const areas: { key: string; name: string; rows: { value: ReturnValue; index: number }[] }[] = []
  values.forEach((value, index) => {
    let area = areas.find((a) => a.key === value.metric.area.key)
    if (!area) areas.push((area = { key: value.metric.area.key, name: value.metric.area.name, rows: [] }))
    area.rows.push({ value, index })
  })
  return (
    <>
      {areas.map((area) => (
        <section key={area.key} className="return-area" aria-labelledby={`area-${area.key}`}>
          <h3 id={`area-${area.key}`}>{area.name}</h3>
          {area.rows.map(({ value, index }) => (
            <ReturnRow
              key={value.metric.key}
              value={value}
              index={index}
              draft={drafts[value.metric.key]!}
              changed={changed.has(value.metric.key)}
              problem={problems[value.metric.key]}
              warnings={warnings ? (warnings[value.metric.key] ?? []) : value.warnings}
              readOnly={readOnly}
              handlers={handlers}
            />
          ))}
        </section>
      ))}
    </>
  )
}

function ReturnRow({ value, index, draft, changed, problem, warnings, readOnly, handlers }: {
  value: ReturnValue; index: number; draft: Draft; changed: boolean; problem: string | undefined; warnings: readonly string[]; readOnly: boolean; handlers: RowHandlers
}) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { metric } = value
  const id = `v-${metric.key}`
  const unit = isRate(metric) ? '%' : unitLabel(metric.unit, locale)
  const showNote = draft.notApplicable || warnings.length > 0 || draft.note !== ''
  const hintId = problem || warnings.length ? `${id}-says` : undefined
  return (
    <div className="return-row" data-metric={metric.key} data-changed={changed || undefined} data-problem={problem ? true : undefined}>
      <label className="return-name" htmlFor={id}>{metric.name}</label>
      <span className="return-input">
        <input
          id={id}
          ref={(input) => handlers.register(index, input)}
          inputMode="decimal"
          autoComplete="off"
          readOnly={readOnly}
          disabled={draft.notApplicable}
          value={draft.notApplicable ? '' : draft.text}
          placeholder={draft.notApplicable ? t('returns.notApplicable') : ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          data-testid="return-input"
          onChange={(e) => handlers.change(metric.key, { text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              handlers.next(index)
            }
          }}
          onPaste={(e) => handlers.paste(index, e)}
        />
        <span className="return-unit">{unit}</span>
      </span>
      <span className="return-past"><small>{t('returns.lastMonth')}</small> <span data-testid="last-month">{asTyped(value.lastMonth, metric, locale)}</span></span>
      <span className="return-past"><small>{t('returns.lastYear')}</small> {asTyped(value.sameMonthLastYear, metric, locale)}</span>
      <label className="return-na">
        <input
          type="checkbox"
          checked={draft.notApplicable}
          disabled={readOnly}
          // Out of the Tab order, so Tab goes value to value; typing "/" in the value marks it too.
          tabIndex={-1}
          onChange={(e) => handlers.change(metric.key, { notApplicable: e.target.checked })}
          data-testid="return-na"
        />{' '}
        {t('returns.notApplicable')}
      </label>
      {(problem || warnings.length > 0) && (
        <div className="return-says" id={hintId}>
          {problem && <p className="return-problem" role="alert" data-testid="return-problem">{problem}</p>}
          {warnings.map((w) => <p key={w} className="return-warning" data-testid="return-warning">{w}</p>)}
        </div>
      )}
      {showNote && (
        <label className="return-note">
          <span>{draft.notApplicable ? t('returns.noteWhyNA') : t('returns.note')}</span>
          <input
            value={draft.note}
            readOnly={readOnly}
            maxLength={500}
            onChange={(e) => handlers.change(metric.key, { note: e.target.value })}
            // Enter goes on to the next value here too, rather than saving the form.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                handlers.next(index)
              }
            }}
            data-testid="return-note"
          />
        </label>
      )}
    </div>
  )
}
