// The monthly return of one unit (月报): the clerk enters, saves and submits it; a leader
// approves or sends it back. Every write names the version read; a refusal is said where it
// applies (a metric's row, or a banner for the whole return).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useClient, useQuery } from 'urql'
import { Loading, QueryError } from '../components/QueryState.tsx'
import { readFragment } from '../graphql.ts'
import { ViewerQuery } from '../Shell.tsx'
import { ApproveReturn, RejectReturn, ReturnFields, ReturnQuery, SaveReturn, SubmitReturn, type MonthlyReturn } from '../returns/documents.ts'
import { ReturnEditor, type ValueInput } from '../returns/ReturnEditor.tsx'
import { ReturnBanner, ReturnFacts, ReturnHistory } from '../returns/ReturnHeader.tsx'
import { LeaderActions } from '../returns/LeaderActions.tsx'
import { outcomeOf, type Outcome } from '../returns/outcome.ts'
import { currentMonth, monthLabel } from '../returns/months.ts'
import './returns.css'

export default function ReturnScreen() {
  const { t, i18n } = useTranslation()
  const { orgUnit = '', month = '' } = useParams()
  const navigate = useNavigate()
  const client = useClient()
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [{ data: viewerData }] = useQuery({ query: ViewerQuery })
  const [{ data, error }, reexecute] = useQuery({ query: ReturnQuery, variables: { orgUnit, month, locale }, requestPolicy: 'cache-and-network' })
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)
  const [correcting, setCorrecting] = useState(false)
  // Bumped on a reload: the editor starts afresh even when the version read is the same.
  const [reloads, setReloads] = useState(0)

  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data) return <Loading />
  const r: MonthlyReturn = readFragment(ReturnFields, data.monthlyReturn)
  const role = viewerData?.viewer?.role
  const mayEnter = role === 'REPORTER' || role === 'ADMIN'
  const mayApprove = role === 'LEADER' || role === 'ADMIN'
  const editable = mayEnter && !r.locked && (r.state === 'OPEN' || r.state === 'REJECTED' || (r.state === 'APPROVED' && correcting))

  const reload = () => {
    setOutcome(null)
    setCorrecting(false)
    setReloads((n) => n + 1)
    reexecute({ requestPolicy: 'network-only' })
  }
  // Read afresh before saying it is done: the rows (and the warnings on them) are the saved ones.
  const refresh = () => client.query(ReturnQuery, { orgUnit, month, locale }, { requestPolicy: 'network-only' }).toPromise()
  const refused = (e: Parameters<typeof outcomeOf>[0]) => {
    setOutcome(outcomeOf(e))
    window.scrollTo({ top: 0 })
  }
  // One write after another: a save's new version is the submission's.
  const write = async (values: ValueInput[], reason: string | null, thenSubmit: boolean) => {
    setBusy(true)
    setOutcome(null)
    try {
      let version = r.version
      if (values.length) {
        const saved = await client.mutation(SaveReturn, { orgUnit, month, version, values, reason, locale }).toPromise()
        if (saved.error) return refused(saved.error)
        version = readFragment(ReturnFields, saved.data!.saveReturn).version
      }
      if (thenSubmit) {
        const submitted = await client.mutation(SubmitReturn, { orgUnit, month, version, locale }).toPromise()
        if (submitted.error) {
          await refresh()
          return refused(submitted.error)
        }
      }
      await refresh()
      setCorrecting(false)
      setOutcome({ code: 'OK', message: t(thenSubmit ? 'returns.submittedNote' : 'returns.savedNote'), problems: {} })
    } finally {
      setBusy(false)
    }
  }
  const decide = async (reason: string | null) => {
    setBusy(true)
    setOutcome(null)
    const vars = { orgUnit, month, version: r.version, locale }
    const result = reason === null ? await client.mutation(ApproveReturn, vars).toPromise() : await client.mutation(RejectReturn, { ...vars, reason }).toPromise()
    await refresh()
    setBusy(false)
    if (result.error) return refused(result.error)
    setOutcome({ code: 'OK', message: t(reason === null ? 'returns.approvedDone' : 'returns.rejectedDone'), problems: {} })
  }

  const problemCount = outcome ? Object.keys(outcome.problems).length : 0
  return (
    <div className="return-screen" data-testid="return" data-state={r.state} data-version={r.version}>
      <div className="return-title">
        <h2 className="screen-title">{t('returns.title', { unit: r.orgUnit.name, month: monthLabel(month, locale) })}</h2>
        <label className="return-month">
          {t('returns.month')}{' '}
          <input type="month" value={month} max={currentMonth()} onChange={(e) => e.target.value && navigate(`/returns/${orgUnit}/${e.target.value}`)} data-testid="return-month" />
        </label>
        {mayApprove && <Link className="btn" to="/approvals">{t('approvals.back')}</Link>}
      </div>
      <ReturnFacts r={r} />
      <ReturnBanner r={r} mayEdit={mayEnter} />
      {outcome && <OutcomeBanner outcome={outcome} problemCount={problemCount} onReload={reload} />}
      {mayEnter && r.state === 'APPROVED' && !r.locked && !correcting && (
        <p><button type="button" className="btn" onClick={() => setCorrecting(true)} data-testid="return-correct">{t('returns.correct')}</button> <span className="muted">{t('returns.correctHelp')}</span></p>
      )}
      {mayApprove && r.state === 'SUBMITTED' && !r.locked && <LeaderActions busy={busy} onApprove={() => void decide(null)} onReject={(reason) => void decide(reason)} />}
      <ReturnEditor
        key={`${r.version}-${r.state}-${reloads}-${correcting}`}
        r={r}
        readOnly={!editable}
        problems={outcome?.problems ?? {}}
        busy={busy}
        correcting={correcting}
        onSave={(values, reason) => void write(values, reason, false)}
        onSubmit={(values) => void write(values, null, true)}
      />
      <ReturnHistory r={r} />
    </div>
  )
}

/** The last write's outcome: done, or refused and why, with a reload where the return moved on. */
function OutcomeBanner({ outcome, problemCount, onReload }: { outcome: Outcome; problemCount: number; onReload: () => void }) {
  const { t } = useTranslation()
  if (outcome.code === 'OK') return <p className="banner return-done" role="status" data-testid="return-outcome" data-code="OK">{outcome.message}</p>
  const known = ['CONFLICT', 'BAD_INPUT', 'PERIOD_LOCKED', 'INVALID_STATE', 'FUTURE_PERIOD', 'FORBIDDEN'].includes(outcome.code) ? outcome.code : 'other'
  return (
    <div className="error-box return-outcome" role="alert" data-testid="return-outcome" data-code={outcome.code}>
      {/* The server's own sentence says what happened; ours only where it says nothing. */}
      <strong>{outcome.message || t(`returns.errors.${known}`, { count: problemCount })}</strong>
      {outcome.code === 'CONFLICT' && <p>{t('returns.conflictHelp')}</p>}
      {problemCount > 0 && (
        <>
          <p>{t('returns.problemsBelow')}</p>
          <ul className="return-problem-list">
            {Object.entries(outcome.problems).map(([metric, message]) => (
              <li key={metric}><a href={`#v-${metric}`}>{message}</a></li>
            ))}
          </ul>
        </>
      )}
      {(outcome.code === 'CONFLICT' || outcome.code === 'INVALID_STATE' || outcome.code === 'PERIOD_LOCKED') && (
        <button type="button" className="btn primary" onClick={onReload} data-testid="return-reload">{t('returns.reload')}</button>
      )}
    </div>
  )
}
