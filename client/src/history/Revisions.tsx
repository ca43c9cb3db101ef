// A trail of changes, newest first: when, who, what it did, old → new, why. The API gives
// them oldest first (Figure.history, Target.history).
import { useTranslation } from 'react-i18next'
import { formatValue, type Locale, type ValueKind } from '../format.ts'
import { graphql, readFragment, type FragmentOf } from '../graphql.ts'
import { spanLabel } from '../period-label.ts'
import { useView } from '../view.ts'

export const RevisionEntry = graphql(`
  fragment RevisionEntry on Revision { at by action old new reason }
`)

/** An instant as the reader's clock reads it, to the minute. */
export function when(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A month as the dashboard names it: 2024年7月, Jul 2024. */
export function monthLabel(year: number, month: number, locale: Locale): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return spanLabel(`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`, locale)
}

/** Who wrote a figure: the people's logins as they are; the system's own words for seeding. */
export function useWho() {
  const { t } = useTranslation()
  return (login: string | null | undefined) =>
    !login || login === 'unknown' ? t('history.who.unknown') : login === 'seed' || login === 'report' ? t(`history.who.${login}`) : login
}

export function Revisions({ entries, metric, none }: { entries: readonly FragmentOf<typeof RevisionEntry>[]; metric: ValueKind; none: string }) {
  const { t } = useTranslation()
  const { locale } = useView()
  const who = useWho()
  // An approval writes its figures with the server's fixed words (returns/write-return.ts).
  const reasonText = (reason: string) => {
    const approved = /^approved return (\d{4})-(\d{2})(?:: ([\s\S]*))?$/.exec(reason)
    if (!approved) return reason
    const month = t('history.approvedReturn', { month: monthLabel(Number(approved[1]), Number(approved[2]), locale) })
    const why = approved[3]
    if (!why) return month
    const notApplicable = /^not applicable \(([\s\S]*)\)$/.exec(why)
    return `${month}${locale === 'en' ? ': ' : '：'}${notApplicable ? t('history.notApplicable', { note: notApplicable[1] }) : why}`
  }
  const newestFirst = entries.map((e) => readFragment(RevisionEntry, e)).reverse()
  if (newestFirst.length === 0) return <p className="muted history-none">{none}</p>
  return (
    <ol className="history-trail" aria-label={t('history.changes')} data-testid="history-trail">
      {newestFirst.map((r, i) => (
        <li key={i} data-testid="history-revision" data-action={r.action}>
          <span className="nowrap">{when(r.at)}</span> · <strong>{who(r.by)}</strong> · {t(`history.actions.${r.action}`, { defaultValue: r.action })}
          <span className="history-change nowrap" data-testid="history-change">
            {r.old === null ? '—' : formatValue(r.old, metric, locale)} → {r.new === null ? '—' : formatValue(r.new, metric, locale)}
          </span>
          <div className={r.reason ? 'history-reason' : 'history-reason muted'}>
            {r.reason ? t('history.because', { reason: reasonText(r.reason) }) : t('history.noReason')}
          </div>
        </li>
      ))}
    </ol>
  )
}
