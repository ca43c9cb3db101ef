// The return's values as the clerk edits them: drafts kept here until saved, only the changed
// ones sent, with the version read. Keyed by that version: a new version starts afresh.
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonthlyReturn } from './documents.ts'
import { meansNotApplicable, pastedCells, textToValue, valueToText } from './entry.ts'
import { ReturnRows, type Draft, type RowHandlers } from './ReturnRows.tsx'
import { useReturnCheck } from './useReturnCheck.ts'
import { useLeaveWarning } from '../components/useLeaveWarning.ts'

export interface ValueInput {
  metric: string
  value: number | null
  notApplicable: boolean
  note: string | null
}

interface Props {
  r: MonthlyReturn
  readOnly: boolean
  /** Problems the server gave for the last write, by metric key. */
  problems: Record<string, string>
  busy: boolean
  /** A correction of an approved return: its reason is asked for. */
  correcting: boolean
  onSave: (values: ValueInput[], reason: string | null) => void
  onSubmit: (values: ValueInput[]) => void
}

const initial = (r: MonthlyReturn) =>
  Object.fromEntries(r.values.map((v) => [v.metric.key, { text: valueToText(v.value, v.metric), notApplicable: v.notApplicable, note: v.note ?? '' }]))

export function ReturnEditor({ r, readOnly, problems, busy, correcting, onSave, onSubmit }: Props) {
  const { t, i18n } = useTranslation()
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => initial(r))
  const [pasted, setPasted] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const inputs = useRef<(HTMLInputElement | null)[]>([])

  // What differs from the return as read: only these are sent.
  const { changed, notNumbers } = useMemo(() => {
    const changed = new Set<string>()
    const notNumbers: Record<string, string> = {}
    for (const v of r.values) {
      const d = drafts[v.metric.key]!
      const value = d.notApplicable ? null : textToValue(d.text, v.metric)
      if (value !== null && Number.isNaN(value)) notNumbers[v.metric.key] = t('returns.notANumber', { text: d.text })
      if (value !== v.value || d.notApplicable !== v.notApplicable || d.note !== (v.note ?? '')) changed.add(v.metric.key)
    }
    return { changed, notNumbers }
  }, [drafts, r, t])

  useLeaveWarning(changed.size > 0 && !readOnly)

  const change = (key: string, next: Partial<Draft>) => {
    setDrafts((all) => {
      const draft = { ...all[key]!, ...next }
      if (next.text !== undefined && meansNotApplicable(next.text)) Object.assign(draft, { text: '', notApplicable: true })
      return { ...all, [key]: draft }
    })
  }
  const focusFrom = (index: number) => {
    for (let i = index; i < inputs.current.length; i++) {
      const input = inputs.current[i]
      if (input && !input.disabled) {
        input.focus()
        input.select()
        return
      }
    }
  }
  const handlers: RowHandlers = {
    change,
    next: (index) => focusFrom(index + 1),
    register: (index, input) => {
      inputs.current[index] = input
    },
    paste: (index, event) => {
      const cells = pastedCells(event.clipboardData.getData('text/plain'))
      if (!cells || readOnly) return
      event.preventDefault()
      const filled = r.values.slice(index, index + cells.length)
      setDrafts((all) => {
        const next = { ...all }
        filled.forEach((v, i) => {
          next[v.metric.key] = { ...next[v.metric.key]!, text: cells[i]!, notApplicable: false }
        })
        return next
      })
      setPasted(t('returns.pasted', { count: filled.length, from: index + 1, to: index + filled.length, left: cells.length - filled.length }))
    },
  }
  // The changed values as they would be sent; null while one is not a number.
  const pending = useMemo((): ValueInput[] | null => {
    if (Object.keys(notNumbers).length) return null
    return r.values.filter((v) => changed.has(v.metric.key)).map((v) => {
      const d = drafts[v.metric.key]!
      return { metric: v.metric.key, value: d.notApplicable ? null : textToValue(d.text, v.metric), notApplicable: d.notApplicable, note: d.note.trim() || null }
    })
  }, [r, drafts, changed, notNumbers])
  const check = useReturnCheck(r.orgUnit.key, r.month, readOnly ? null : pending, i18n.language)
  const toSend = (): ValueInput[] | null => {
    if (!pending) focusFrom(r.values.findIndex((v) => notNumbers[v.metric.key]))
    return pending
  }
  const save = (event: React.FormEvent) => {
    event.preventDefault()
    const values = toSend()
    if (values) onSave(values, correcting ? reason.trim() : null)
  }
  const submit = () => {
    const values = toSend()
    if (values) onSubmit(values)
  }
  // A changed value's last refusal gives way to the check of it as typed now.
  const earlier = check ? Object.fromEntries(Object.entries(problems).filter(([key]) => !changed.has(key))) : problems
  const shown = { ...earlier, ...check?.errors, ...notNumbers }

  return (
    <form onSubmit={save} data-testid="return-form" noValidate>
      {!readOnly && <p className="muted return-help">{t('returns.help')}</p>}
      {pasted && <p className="return-pasted" role="status" data-testid="return-pasted">{pasted}</p>}
      <ReturnRows values={r.values} drafts={drafts} changed={changed} problems={shown} warnings={check?.warnings ?? null} readOnly={readOnly} handlers={handlers} />
      {!readOnly && (
        <div className="return-actions">
          {correcting && (
            <label className="return-reason">
              {t('returns.correctionReason')}
              <input required value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="return-reason" />
            </label>
          )}
          <span className="muted" data-testid="return-changed">{changed.size ? t('returns.changed', { count: changed.size }) : t('returns.unchanged')}</span>
          <button type="submit" className="btn" disabled={busy || changed.size === 0 || (correcting && !reason.trim())} data-testid="return-save">
            {correcting ? t('returns.saveCorrection') : t('returns.save')}
          </button>
          {!correcting && (
            <button type="button" className="btn primary" disabled={busy} onClick={submit} data-testid="return-submit">{t('returns.submit')}</button>
          )}
        </div>
      )}
    </form>
  )
}
