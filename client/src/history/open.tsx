// Every actual and target on the scorecard, area and metric screens opens where it came from:
// a button on the number (keyboard reachable, named for a screen reader) and a drawer loaded on
// the first opening, so the scorecard's first screen carries only this file.
import { createContext, lazy, Suspense, useCallback, useContext, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueKind } from '../format.ts'
import type { PeriodInput } from '../period.ts'
import '../screens/history.css'

const HistoryDrawer = lazy(() => import('./HistoryDrawer.tsx'))

export type HistoryWhat = 'actual' | 'target'

export interface HistoryUnit {
  key: string
  name: string
}

/** The unit and span a screen shows: what its values are for. */
export interface HistoryScope {
  orgUnit: HistoryUnit
  from: string
  to: string
  period: PeriodInput
}

export interface HistoryRequest extends HistoryScope {
  what: HistoryWhat
  metric: ValueKind & { key: string; name: string }
  /** The value as the screen showed it, for the drawer's heading. */
  shown: string
}

interface Opener {
  scope: Partial<HistoryScope>
  open(request: HistoryRequest, from: HTMLElement): void
}

const HistoryContext = createContext<Opener | null>(null)

/**
 * Holds the open drawer for a screen. Within it a drawer may go on to a unit below or to a
 * rate's counts; Back returns, and closing gives the focus back to the number it opened from.
 */
export function HistoryProvider({ scope = {}, children }: { scope?: Partial<HistoryScope>; children: ReactNode }) {
  const [stack, setStack] = useState<HistoryRequest[]>([])
  const opener = useRef<HTMLElement | null>(null)
  const open = useCallback((request: HistoryRequest, from: HTMLElement) => {
    opener.current = from
    setStack([request])
  }, [])
  const close = useCallback(() => {
    setStack([])
    opener.current?.focus()
  }, [])
  const request = stack.at(-1)
  return (
    <HistoryContext.Provider value={{ scope, open }}>
      {children}
      {request && (
        <Suspense fallback={null}>
          <HistoryDrawer
            request={request}
            onClose={close}
            onOpen={(next) => setStack((s) => [...s, next])}
            onBack={stack.length > 1 ? () => setStack((s) => s.slice(0, -1)) : undefined}
          />
        </Suspense>
      )}
    </HistoryContext.Provider>
  )
}

/**
 * A value as a button that opens its drawer, for the screen's unit and span or those the cell
 * gives (a unit's row, a stored figure's span); plain text outside a HistoryProvider, or for a
 * metric the cell does not name.
 */
export function HistoryButton({ what, metric, text, scope }: {
  what: HistoryWhat
  metric: ValueKind & { key?: string | undefined; name?: string | undefined }
  text: string
  scope?: Partial<HistoryScope> | undefined
}) {
  const { t } = useTranslation()
  const history = useContext(HistoryContext)
  const { key, name } = metric
  const { orgUnit, from, to, period } = { ...history?.scope, ...scope }
  if (!history || !key || !name || !orgUnit || !from || !to || !period) return <>{text}</>
  const label = t('history.open', { value: text, what: t(`history.what.${what}`), metric: name })
  return (
    <button
      type="button"
      className="history-open"
      aria-label={label}
      title={t('history.tip')}
      aria-haspopup="dialog"
      data-testid={`history-${what}`}
      onClick={(e) => history.open({ orgUnit, from, to, period, what, metric: { ...metric, key, name }, shown: text }, e.currentTarget)}
    >
      {text}
    </button>
  )
}
