// The returns waiting for a leader, longest waiting first: which unit and month, who sent
// them and when, how many values moved from last month and how many the server questions.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, Nothing, QueryError } from '../components/QueryState.tsx'
import { ViewerQuery } from '../Shell.tsx'
import { ApprovalQueue } from '../returns/documents.ts'
import { when } from '../returns/ReturnHeader.tsx'
import { monthLabel } from '../returns/months.ts'
import { useQueueContext } from '../returns/queue.ts'
import './returns.css'

export default function ApprovalsScreen() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [{ data: viewerData }] = useQuery({ query: ViewerQuery })
  const role = viewerData?.viewer?.role
  const allowed = role === 'LEADER' || role === 'ADMIN'
  const [{ data, error }, reexecute] = useQuery({ query: ApprovalQueue, variables: { locale }, pause: !allowed, requestPolicy: 'cache-and-network', context: useQueueContext() })
  if (viewerData && !allowed) return <p className="banner warning-banner" role="note" data-testid="approvals-forbidden">{t('approvals.forbidden')}</p>
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data) return <Loading />
  const label = { unit: t('columns.orgUnit'), month: t('returns.month'), by: t('approvals.submittedBy'), changed: t('approvals.changed'), warnings: t('approvals.warnings') }
  return (
    <div data-testid="approvals">
      <h2 className="screen-title">{t('approvals.title')}</h2>
      {data.approvalQueue.length === 0 ? (
        <Nothing reason={t('approvals.empty')} />
      ) : (
        <section className="panel">
          <div className="panel-body">
            <table className="table cards">
              <thead>
                <tr>
                  <th scope="col">{label.unit}</th>
                  <th scope="col">{label.month}</th>
                  <th scope="col">{label.by}</th>
                  <th scope="col">{label.changed}</th>
                  <th scope="col">{label.warnings}</th>
                  <th scope="col"><span className="visually-hidden">{t('approvals.open')}</span></th>
                </tr>
              </thead>
              <tbody>
                {data.approvalQueue.map((r) => {
                  const changed = r.values.filter((v) => v.value !== null && v.value !== v.lastMonth).length
                  const warnings = r.values.reduce((n, v) => n + v.warnings.length, 0)
                  const to = `/returns/${r.orgUnit.key}/${r.month}`
                  return (
                    <tr key={`${r.orgUnit.key}-${r.month}`} data-return={`${r.orgUnit.key}/${r.month}`}>
                      <th scope="row" className="lead"><Link to={to}>{r.orgUnit.name}</Link></th>
                      <td data-label={label.month}>{monthLabel(r.month, locale)}</td>
                      <td data-label={label.by}>{r.submittedBy} · {when(r.submittedAt)}</td>
                      <td data-label={label.changed}>{t('approvals.changedCount', { count: changed, total: r.values.length })}</td>
                      <td data-label={label.warnings} data-testid="approvals-warnings">
                        {warnings > 0 ? <span className="tag return-late">{warnings}</span> : '0'}
                      </td>
                      <td><Link className="btn small" to={to} data-testid="approvals-open">{t('approvals.open')}</Link></td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  )
}
