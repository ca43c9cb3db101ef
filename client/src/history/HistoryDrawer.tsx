// The drawer a value opens (issue 10): a modal <dialog> at the side of the page (the whole
// width on a phone). The browser keeps the focus inside it and closes it on Escape; a click on
// the shade outside closes it too.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { spanLabel } from '../period-label.ts'
import { useView } from '../view.ts'
import { ActualHistory } from './ActualHistory.tsx'
import type { HistoryRequest } from './open.tsx'
import { TargetHistory } from './TargetHistory.tsx'

export default function HistoryDrawer({ request, onClose, onOpen, onBack }: {
  request: HistoryRequest
  onClose: () => void
  onOpen: (next: HistoryRequest) => void
  onBack: (() => void) | undefined
}) {
  const { t } = useTranslation()
  const { locale } = useView()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  // A new layer (a unit below, a rate's count) starts at its top.
  useEffect(() => {
    dialog.current?.querySelector('.history-body')?.scrollTo(0, 0)
    dialog.current?.querySelector<HTMLElement>('h2')?.focus()
  }, [request])
  const what = t(`history.what.${request.what}`)
  return (
    <dialog
      ref={dialog}
      className="history-drawer"
      aria-labelledby="history-title"
      data-testid="history-drawer"
      data-what={request.what}
      data-metric={request.metric.key}
      data-org-unit={request.orgUnit.key}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && dialog.current?.close()}
    >
      <header className="history-head">
        <div>
          <h2 id="history-title" tabIndex={-1}>{t('history.title', { what })}</h2>
          <p className="history-subject">
            <strong>{request.metric.name}</strong> · {request.orgUnit.name} · <span className="nowrap">{spanLabel(request.from, request.to, locale)}</span>
          </p>
          {request.shown && (
            <p className="history-shown">
              <span className="history-what">{what}</span> <strong data-testid="history-shown">{request.shown}</strong>
            </p>
          )}
        </div>
        <div className="history-head-actions">
          {onBack && (
            <button type="button" className="btn small" onClick={onBack} data-testid="history-back">
              {t('history.back')}
            </button>
          )}
          <button type="button" className="btn small" onClick={() => dialog.current?.close()} data-testid="history-close">
            {t('history.close')}
          </button>
        </div>
      </header>
      <div className="history-body">
        {request.what === 'actual' ? <ActualHistory request={request} onOpen={onOpen} /> : <TargetHistory request={request} />}
      </div>
    </dialog>
  )
}
