// A leader's decision on a submitted return: approve it, or send it back saying why.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export function LeaderActions({ busy, onApprove, onReject }: { busy: boolean; onApprove: () => void; onReject: (reason: string) => void }) {
  const { t } = useTranslation()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <section className="panel return-decision" aria-labelledby="return-decision">
      <header><h3 id="return-decision">{t('approvals.decide')}</h3></header>
      <div className="panel-body">
        {!rejecting ? (
          <div className="return-decision-buttons">
            <button type="button" className="btn primary" disabled={busy} onClick={onApprove} data-testid="return-approve">{t('approvals.approve')}</button>
            <button type="button" className="btn" disabled={busy} onClick={() => setRejecting(true)} data-testid="return-reject">{t('approvals.reject')}</button>
          </div>
        ) : (
          <form
            className="return-reject-form"
            onSubmit={(e) => {
              e.preventDefault()
              if (reason.trim()) onReject(reason.trim())
            }}
          >
            <label>
              {t('approvals.rejectReason')}
              <textarea required rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reject-reason" />
            </label>
            <span className="return-decision-buttons">
              <button type="submit" className="btn primary" disabled={busy || !reason.trim()} data-testid="return-reject-send">{t('approvals.rejectSend')}</button>
              <button type="button" className="btn" onClick={() => setRejecting(false)}>{t('accounts.cancel')}</button>
            </span>
          </form>
        )}
      </div>
    </section>
  )
}
