// What a return is at a glance: its state, version, due day and lateness; why it cannot be
// edited (locked, waiting, approved) or why it came back; and its history, folded away.
import { useTranslation } from 'react-i18next'
import type { Locale } from '../format.ts'
import type { MonthlyReturn } from './documents.ts'
import { asTyped } from './ReturnRows.tsx'

/** An ISO instant as the clerk's clock reads it, to the minute. */
export const when = (iso: string | null | undefined) => {
  if (!iso) return '—'
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function ReturnFacts({ r }: { r: MonthlyReturn }) {
  const { t } = useTranslation()
  return (
    <dl className="return-facts" data-testid="return-facts">
      <div><dt>{t('returns.state')}</dt><dd><span className="tag return-state" data-state={r.state} data-testid="return-state">{t(`returns.states.${r.state}`)}</span></dd></div>
      <div><dt>{t('returns.version')}</dt><dd data-testid="return-version">{r.version}</dd></div>
      <div><dt>{t('returns.dueOn')}</dt><dd>{r.dueOn}{r.late && <span className="tag return-late" data-testid="return-late">{t('returns.late')}</span>}</dd></div>
      {r.submittedBy && <div><dt>{t('returns.submitted')}</dt><dd>{r.submittedBy} · {when(r.submittedAt)}</dd></div>}
      {r.approvedBy && <div><dt>{t('returns.approved')}</dt><dd>{r.approvedBy} · {when(r.approvedAt)}</dd></div>}
    </dl>
  )
}

/** Why the return reads as it does: one banner, the most important first. */
export function ReturnBanner({ r, mayEdit }: { r: MonthlyReturn; mayEdit: boolean }) {
  const { t } = useTranslation()
  if (r.locked) return <p className="banner warning-banner" role="status" data-testid="return-locked">{t('returns.locked')}</p>
  if (r.state === 'REJECTED') {
    return (
      <div className="banner warning-banner return-rejected" role="status" data-testid="return-rejected">
        <strong>{t('returns.rejectedTitle')}</strong>
        <p>{r.rejectedReason}</p>
        {mayEdit && <small>{t('returns.rejectedHelp')}</small>}
      </div>
    )
  }
  if (r.state === 'SUBMITTED') return <p className="banner" role="status" data-testid="return-waiting">{t('returns.waiting')}</p>
  if (r.state === 'APPROVED') return <p className="banner" role="status" data-testid="return-approved">{t('returns.approvedNote')}</p>
  return null
}

export function ReturnHistory({ r }: { r: MonthlyReturn }) {
  const { t, i18n } = useTranslation()
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <details className="panel return-history" data-testid="return-history">
      <summary>{t('returns.history', { count: r.history.length })}</summary>
      {r.history.length === 0 ? (
        <p className="panel-body muted">{t('returns.noHistory')}</p>
      ) : (
        <div className="panel-body">
          <table className="table cards">
            <thead>
              <tr>
                <th scope="col">{t('returns.at')}</th>
                <th scope="col">{t('returns.by')}</th>
                <th scope="col">{t('returns.action')}</th>
                <th scope="col">{t('columns.metric')}</th>
                <th scope="col">{t('returns.oldNew')}</th>
                <th scope="col">{t('returns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...r.history].reverse().map((h, i) => (
                <tr key={i}>
                  <td data-label={t('returns.at')} className="nowrap">{when(h.at)}</td>
                  <td data-label={t('returns.by')}>{h.by}</td>
                  <td data-label={t('returns.action')}>{t(`returns.actions.${h.action}`, { defaultValue: h.action })}</td>
                  <td data-label={t('columns.metric')}>{h.metric?.name ?? '—'}</td>
                  <td data-label={t('returns.oldNew')}>
                    {h.metric ? `${asTyped(h.old, h.metric, locale)} → ${asTyped(h.new, h.metric, locale)}` : '—'}
                  </td>
                  <td data-label={t('returns.reason')}>{h.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  )
}
