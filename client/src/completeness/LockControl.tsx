// An ADMIN's lock on a month, in its column header: locking is one click (it can be undone);
// unlocking lets figures change again, so it asks why. The server's refusal is shown in words.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import type { Locale } from '../format.ts'
import { graphql } from '../graphql.ts'
import { monthLabel } from '../returns/months.ts'
import { outcomeOf } from '../returns/outcome.ts'

const LockMonth = graphql(`
  mutation LockMonth($month: String!) { lockMonth(month: $month) }
`)
const UnlockMonth = graphql(`
  mutation UnlockMonth($month: String!, $reason: String!) { unlockMonth(month: $month, reason: $reason) }
`)

export function LockControl({ month, locked, locale, onChanged }: { month: string; locked: boolean; locale: Locale; onChanged: () => void }) {
  const { t } = useTranslation()
  const [lockState, lock] = useMutation(LockMonth)
  const [unlockState, unlock] = useMutation(UnlockMonth)
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const busy = lockState.fetching || unlockState.fetching
  const label = monthLabel(month, locale)

  const done = (error: Parameters<typeof outcomeOf>[0] | undefined) => {
    if (error) {
      const o = outcomeOf(error)
      setRefusal(`${t(`completeness.errors.${o.code}`, { defaultValue: t('completeness.errors.other') })}：${o.message}`)
      return
    }
    setRefusal(null)
    setAsking(false)
    setReason('')
    onChanged()
  }

  return (
    <div className="lock-control no-print" data-testid="lock-control" data-month={month}>
      {locked ? (
        asking ? (
          <form
            className="unlock-form"
            onSubmit={(e) => {
              e.preventDefault()
              void unlock({ month, reason: reason.trim() }).then((r) => done(r.error))
            }}
          >
            <label>
              <span className="visually-hidden">{t('completeness.unlockReason', { month: label })}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('completeness.reasonShort')} aria-required="true" data-testid="unlock-reason" />
            </label>
            <button type="submit" className="btn small" disabled={busy} data-testid="unlock-confirm">{t('completeness.unlockConfirm')}</button>
            <button type="button" className="btn small" onClick={() => { setAsking(false); setRefusal(null) }}>{t('completeness.cancel')}</button>
          </form>
        ) : (
          <button type="button" className="btn small" disabled={busy} onClick={() => setAsking(true)} aria-label={t('completeness.unlockMonth', { month: label })} data-testid="unlock">
            {t('completeness.unlock')}
          </button>
        )
      ) : (
        <button type="button" className="btn small" disabled={busy} onClick={() => void lock({ month }).then((r) => done(r.error))} aria-label={t('completeness.lockMonth', { month: label })} data-testid="lock">
          {t('completeness.lock')}
        </button>
      )}
      {refusal && <p className="lock-refusal" role="alert" data-testid="lock-refusal">{refusal}</p>}
    </div>
  )
}
