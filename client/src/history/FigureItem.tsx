// One stored figure in the drawer: its value, span and unit, its source (a report figure with
// its sentence verbatim, a sample said to be one), who entered it, and its changes.
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SourceTag } from '../components/Cells.tsx'
import { formatValue, type ValueKind } from '../format.ts'
import { graphql, readFragment, type FragmentOf } from '../graphql.ts'
import { spanLabel } from '../period-label.ts'
import { useView } from '../view.ts'
import { RevisionEntry, Revisions, useWho, when } from './Revisions.tsx'

export const FigureEntry = graphql(
  `
  fragment FigureEntry on Figure {
    id value periodStart periodEnd source note createdBy updatedAt
    orgUnit { key name(locale: $locale) }
    provenance { sentence stated report }
    history { ...RevisionEntry }
  }
`,
  [RevisionEntry],
)

/** A link inside the drawer leaves the screen: the drawer closes first. */
export const closeDrawer = (e: MouseEvent) => (e.currentTarget.closest('dialog') as HTMLDialogElement | null)?.close()

/** How a figure stands to the value the drawer was opened from. */
export type Counting = 'counts' | 'standsFor' | 'notUsed' | 'outside'

export function FigureItem({ figure, metric, counting, showUnit }: {
  figure: FragmentOf<typeof FigureEntry>
  metric: ValueKind
  counting: Counting
  showUnit: boolean
}) {
  const { t } = useTranslation()
  const { locale } = useView()
  const who = useWho()
  const f = readFragment(FigureEntry, figure)
  // A sample no one has touched is a line: its list says once what a sample is.
  if (f.source === 'SAMPLE' && f.history.length === 0) {
    return (
      <li className="history-figure compact" data-testid="history-figure" data-source={f.source} data-org-unit={f.orgUnit.key} data-period-start={f.periodStart}>
        <div className="history-figure-head">
          <strong className="history-value">{formatValue(f.value, metric, locale)}</strong>
          <span>{spanLabel(f.periodStart, f.periodEnd, locale)}</span>
          {showUnit && <span>{f.orgUnit.name}</span>}
          <SourceTag source={f.source} />
          <span className="muted">{t('history.sampleQuiet')}</span>
        </div>
        {counting !== 'counts' && <p className="history-note muted">{t(`history.${counting}`)}</p>}
      </li>
    )
  }
  // A month's entered figure came from that month's return, whose own trail has the clerk's reasons.
  const returnMonth = f.source === 'ENTERED' && f.periodStart.endsWith('-01') && f.periodEnd.slice(0, 7) === f.periodStart.slice(0, 7) ? f.periodStart.slice(0, 7) : null
  return (
    <li className="history-figure" data-testid="history-figure" data-source={f.source} data-org-unit={f.orgUnit.key} data-period-start={f.periodStart}>
      <div className="history-figure-head">
        <strong className="history-value">{formatValue(f.value, metric, locale)}</strong>
        <span>{spanLabel(f.periodStart, f.periodEnd, locale)}</span>
        {showUnit && <span>{f.orgUnit.name}</span>}
        <SourceTag source={f.source} />
      </div>
      {counting !== 'counts' && <p className={counting === 'standsFor' ? 'history-note' : 'history-note muted'}>{t(`history.${counting}`)}</p>}
      {f.provenance && (
        <figure className="history-quote">
          <figcaption>{t('history.sentence')}</figcaption>
          <blockquote data-testid="history-sentence">{f.provenance.sentence}</blockquote>
          <p className="muted">
            {f.provenance.stated && <>{t('history.stated')} “{f.provenance.stated}” · </>}
            {f.provenance.report}
          </p>
        </figure>
      )}
      {f.note && <p className="history-note">{f.note}</p>}
      <p className="muted history-meta">
        {t('history.enteredBy', { who: who(f.createdBy) })}
        {/* The report's and the sample's figures are rewritten at each start: their time says nothing. */}
        {(f.source === 'ENTERED' || f.source === 'IMPORTED') && <> · {t('history.changedAt', { at: when(f.updatedAt) })}</>}
      </p>
      <Revisions entries={f.history} metric={metric} none={t('history.noChanges')} />
      {returnMonth && (
        <p>
          <Link to={`/returns/${f.orgUnit.key}/${returnMonth}`} onClick={closeDrawer} data-testid="history-return-link">{t('history.openReturn', { month: spanLabel(f.periodStart, f.periodEnd, locale) })}</Link>
        </p>
      )}
    </li>
  )
}
