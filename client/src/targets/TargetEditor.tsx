// A year's targets as a leader edits them: drafts kept here until saved, a reason for each
// changed metric (or one for the batch), one setTargets call for every change, all or none.
// The server's refusals are shown beside their rows in the language on screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { outcomeOf } from '../returns/outcome.ts'
import { SetTargets, type Sheet } from './documents.ts'
import { changesOf, pastedBlock, pasteInto, type Drafts } from './grid.ts'
import { TargetGrid, type GridHandlers } from './TargetGrid.tsx'
import { useLeaveWarning } from '../components/useLeaveWarning.ts'

interface Props {
  sheet: Sheet
  readOnly: boolean
  /** Asks for the sheet again after a save; the drafts go when it comes. */
  refresh: () => void
  onUnsaved: (unsaved: boolean) => void
}

type Message = { kind: 'refused' | 'saved' | 'pasted'; text: string; warnings?: { metric: string; text: string }[] }

export function TargetEditor({ sheet, readOnly, refresh, onUnsaved }: Props) {
  const { t, i18n } = useTranslation()
  const [drafts, setDrafts] = useState<Drafts>({})
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [batchReason, setBatchReason] = useState('')
  const [checked, setChecked] = useState<Record<string, string[]>>({})
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<Message | null>(null)
  const [{ fetching: saving }, setTargets] = useMutation(SetTargets)
  const rows = useMemo(() => sheet.areas.flatMap((a) => a.rows), [sheet])
  const keys = useMemo(() => sheet.orgUnits.map((u) => u.key), [sheet])
  const inputs = useRef(new Map<string, HTMLInputElement>())
  const clearOnNextSheet = useRef(false)

  const changes = useMemo(() => changesOf(rows, keys, drafts, reasons, batchReason), [rows, keys, drafts, reasons, batchReason])
  const unsaved = changes.changed.length > 0 && !readOnly
  useEffect(() => onUnsaved(unsaved), [unsaved, onUnsaved])
  useLeaveWarning(unsaved)
  // After a save the sheet is read again: the drafts give way to what was stored.
  useEffect(() => {
    if (!clearOnNextSheet.current) return
    clearOnNextSheet.current = false
    setDrafts({})
    setReasons({})
    setBatchReason('')
  }, [sheet])

  // Stable, so a memoized row redraws only when its own drafts change.
  const state = useRef({ rows, drafts })
  state.current = { rows, drafts }
  const handlers = useMemo<GridHandlers>(() => {
    const focus = (row: number, column: number) => {
      const input = inputs.current.get(`${row}|${column}`)
      input?.focus()
      input?.select()
      return input !== undefined
    }
    return {
      type: (metric, column, text) => setDrafts((all) => ({ ...all, [metric]: { ...all[metric], [column]: text } })),
      reason: (metric, text) => setReasons((all) => ({ ...all, [metric]: text })),
      move: (row, column, step) => {
        for (let r = row + step; r >= 0 && r < state.current.rows.length; r += step) if (focus(r, column)) return
      },
      register: (row, column, input) => {
        if (input) inputs.current.set(`${row}|${column}`, input)
        else inputs.current.delete(`${row}|${column}`)
      },
      paste: (row, column, event) => {
        const block = pastedBlock(event.clipboardData.getData('text/plain'))
        if (!block) return
        event.preventDefault()
        const pasted = pasteInto(state.current.rows, state.current.drafts, block, row, column)
        setDrafts(pasted.drafts)
        setMessage({ kind: 'pasted', text: t('targets.pasted', { count: pasted.filled }) + (pasted.skipped ? t('targets.skipped', { count: pasted.skipped }) : '') })
      },
    }
  }, [t])

  const focusRow = (metric: string) => {
    const row = document.querySelector<HTMLElement>(`.targets-grid tr[data-metric="${CSS.escape(metric)}"]`)
    const target = row?.querySelector<HTMLInputElement>('[data-testid=row-reason]') ?? row?.querySelector<HTMLInputElement>('input')
    target?.focus()
  }

  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    setServerProblems({})
    const wrong = Object.entries(changes.problems)
    if (wrong.length) {
      setChecked(Object.fromEntries(wrong.map(([metric, kinds]) => [metric, kinds.map((k) => t(`targets.problems.${k}`))])))
      const onlyReasons = wrong.every(([, kinds]) => kinds.length === 1 && kinds[0] === 'reason')
      setMessage({ kind: 'refused', text: onlyReasons ? t('targets.needReasons', { count: wrong.length }) : t('targets.fixFirst', { count: wrong.length }) })
      focusRow(wrong[0]![0])
      return
    }
    setChecked({})
    const sent = changes.send
    const result = await setTargets({ year: sheet.year, rows: sent })
    if (result.error) {
      const outcome = outcomeOf(result.error)
      setServerProblems(outcome.problems)
      // The server says itself that nothing was set when it names the rows; otherwise it is said here.
      const named = Object.keys(outcome.problems).length > 0
      setMessage({ kind: 'refused', text: named ? outcome.message : `${t('targets.refused')}${i18n.language === 'en' ? ': ' : '：'}${outcome.message}` })
      const first = Object.keys(outcome.problems)[0]
      if (first) focusRow(first)
      return
    }
    const names = new Map(rows.map((r) => [r.metric.key, r.metric.name]))
    const warnings = (result.data?.setTargets ?? []).flatMap((target, i) => (target.splitWarning ? [{ metric: names.get(sent[i]!.metric) ?? sent[i]!.metric, text: target.splitWarning }] : []))
    setMessage({ kind: 'saved', text: t('targets.saved', { count: sent.length }), warnings })
    clearOnNextSheet.current = true
    refresh()
  }
  const discard = () => {
    setDrafts({})
    setReasons({})
    setChecked({})
    setServerProblems({})
    setMessage(null)
  }

  // What each row is told: the checks made here while they stand, the server's last refusal.
  const problems = useMemo(() => {
    const all: Record<string, string[]> = {}
    for (const [metric, list] of Object.entries(checked)) if (changes.problems[metric]) all[metric] = list
    for (const [metric, text] of Object.entries(serverProblems)) all[metric] = [...(all[metric] ?? []), text]
    return all
  }, [checked, serverProblems, changes.problems])
  const onBatch = useCallback((e: React.ChangeEvent<HTMLInputElement>) => setBatchReason(e.target.value), [])

  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="targets-form">
      {readOnly ? (
        <p className="banner" role="note" data-testid="targets-read-only">{t('targets.readOnly')}</p>
      ) : (
        <p className="muted targets-help">{t('targets.help')}</p>
      )}
      {/* The reason, the save button and what became of the last save stay in view while the table scrolls by. */}
      <div className={readOnly ? undefined : 'targets-bar'}>
        {!readOnly && (
          <div className="targets-actions" data-testid="targets-actions">
            <label className="batch-reason">
              <span>{t('targets.batchReason')}</span>
              <input value={batchReason} onChange={onBatch} maxLength={500} data-testid="batch-reason" />
            </label>
            <span className="muted" data-testid="targets-changed">{changes.changed.length ? t('targets.changed', { count: changes.changed.length }) : t('targets.unchanged')}</span>
            <button type="button" className="btn" onClick={discard} disabled={saving || changes.changed.length === 0} data-testid="targets-discard">{t('targets.discard')}</button>
            <button type="submit" className="btn primary" disabled={saving || changes.changed.length === 0} data-testid="targets-save">{saving ? t('targets.saving') : t('targets.save')}</button>
          </div>
        )}
        {message && (
          <div className="targets-message" role={message.kind === 'refused' ? 'alert' : 'status'} data-testid="targets-message" data-kind={message.kind}>
            <p>{message.text}</p>
            {message.warnings?.length ? (
              <>
                <p>{t('targets.splitWarnings')}</p>
                <ul data-testid="split-warnings">
                  {message.warnings.map((w) => <li key={w.metric}><strong>{w.metric}</strong>{i18n.language === 'en' ? ': ' : '：'}{w.text}</li>)}
                </ul>
              </>
            ) : null}
          </div>
        )}
      </div>
      <TargetGrid sheet={sheet} drafts={drafts} reasons={reasons} batchReason={batchReason} problems={problems} readOnly={readOnly} handlers={handlers} />
    </form>
  )
}
