import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { modeOf, type PeriodInput, type PeriodMode } from '../period.ts'
import { ShellContext, useView } from '../view.ts'

const modes: PeriodMode[] = ['YEAR', 'HALF', 'QUARTER', 'MONTH', 'AS_OF', 'CUSTOM']

/** Year; half, quarter or month; year to date as of a day; or any span, such as the report's "since 2022". */
export function PeriodPicker() {
  const { t } = useTranslation()
  const { period, setPeriod } = useView()
  const { lastDataDay } = useContext(ShellContext)
  const mode = modeOf(period)
  const year = period.year ?? Number((period.to ?? lastDataDay).slice(0, 4))
  const lastYear = Number(lastDataDay.slice(0, 4))
  const years = Array.from({ length: lastYear - 2021 + 2 }, (_, i) => 2021 + i)

  const switchMode = (next: PeriodMode) => {
    const base: Record<PeriodMode, PeriodInput> = {
      YEAR: { year },
      HALF: { year, half: 1 },
      QUARTER: { year, quarter: 1 },
      MONTH: { year, month: 1 },
      AS_OF: { from: `${year}-01-01`, to: year === lastYear ? lastDataDay : `${year}-12-31` },
      CUSTOM: { from: '2022-01-01', to: '2023-09-26' },
    }
    setPeriod(base[next])
  }

  const select = (testId: string, label: string, value: number | string | undefined, options: { value: number | string; label: string }[], onChange: (value: string) => void) => (
    <select data-testid={testId} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  )
  // A date typed in part is not a period yet: only a whole day moves the view.
  const day = (testId: string, label: string, value: string | undefined, onChange: (day: string) => void) => (
    <input type="date" data-testid={testId} aria-label={label} value={value ?? ''} min="2000-01-01" max="2099-12-31" required
      onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && onChange(e.target.value)} />
  )

  return (
    <div className="control-group" data-testid="period-picker" role="group" aria-label={t('period.label')}>
      {select('period-mode', t('period.label'), mode, modes.map((m) => ({ value: m, label: t(`period.${m}`) })), (m) => switchMode(m as PeriodMode))}
      {mode !== 'CUSTOM' && mode !== 'AS_OF' &&
        select('period-year', t('period.YEAR'), year, years.map((y) => ({ value: y, label: t('period.year', { n: y }) })), (y) => setPeriod({ ...period, year: Number(y) }))}
      {mode === 'HALF' &&
        select('period-part', t('period.HALF'), period.half, [1, 2].map((n) => ({ value: n, label: (t('period.halves', { returnObjects: true }) as string[])[n - 1]! })), (n) => setPeriod({ year, half: Number(n) }))}
      {mode === 'QUARTER' &&
        select('period-part', t('period.QUARTER'), period.quarter, [1, 2, 3, 4].map((n) => ({ value: n, label: t('period.quarter', { n }) })), (n) => setPeriod({ year, quarter: Number(n) }))}
      {mode === 'MONTH' &&
        select('period-part', t('period.MONTH'), period.month, Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('period.month', { n: i + 1 }) })), (n) => setPeriod({ year, month: Number(n) }))}
      {mode === 'AS_OF' && day('period-as-of', t('period.AS_OF'), period.to, (to) => setPeriod({ from: `${to.slice(0, 4)}-01-01`, to }))}
      {mode === 'CUSTOM' && (
        <>
          {day('period-from', t('period.from'), period.from, (from) => setPeriod({ from, to: period.to && period.to >= from ? period.to : from }))}
          <span aria-hidden="true">—</span>
          {day('period-to', t('period.to'), period.to, (to) => setPeriod({ from: period.from && period.from <= to ? period.from : to, to }))}
        </>
      )}
    </div>
  )
}
