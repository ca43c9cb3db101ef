import { DatePicker, Select, Space } from 'antd'
import dayjs from 'dayjs'
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

  return (
    <Space.Compact data-testid="period-picker" role="group" aria-label={t('period.label')}>
      <Select
        data-testid="period-mode"
        aria-label={t('period.label')}
        value={mode}
        style={{ width: 116 }}
        onChange={switchMode}
        options={modes.map((m) => ({ value: m, label: t(`period.${m}`) }))}
      />
      {mode !== 'CUSTOM' && mode !== 'AS_OF' && (
        <Select
          data-testid="period-year"
          aria-label={t('period.YEAR')}
          value={year}
          style={{ width: 100 }}
          onChange={(y: number) => setPeriod({ ...period, year: y })}
          options={years.map((y) => ({ value: y, label: t('period.year', { n: y }) }))}
        />
      )}
      {mode === 'HALF' && (
        <Select
          data-testid="period-part"
          aria-label={t('period.HALF')}
          value={period.half}
          style={{ width: 100 }}
          onChange={(half: number) => setPeriod({ year, half })}
          options={[1, 2].map((n) => ({ value: n, label: (t('period.halves', { returnObjects: true }) as string[])[n - 1] }))}
        />
      )}
      {mode === 'QUARTER' && (
        <Select
          data-testid="period-part"
          aria-label={t('period.QUARTER')}
          value={period.quarter}
          style={{ width: 110 }}
          onChange={(quarter: number) => setPeriod({ year, quarter })}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('period.quarter', { n }) }))}
        />
      )}
      {mode === 'MONTH' && (
        <Select
          data-testid="period-part"
          aria-label={t('period.MONTH')}
          value={period.month}
          style={{ width: 96 }}
          onChange={(month: number) => setPeriod({ year, month })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('period.month', { n: i + 1 }) }))}
        />
      )}
      {mode === 'AS_OF' && (
        <DatePicker
          data-testid="period-as-of"
          aria-label={t('period.AS_OF')}
          value={dayjs(period.to)}
          allowClear={false}
          onChange={(day) => day && setPeriod({ from: `${day.year()}-01-01`, to: day.format('YYYY-MM-DD') })}
        />
      )}
      {mode === 'CUSTOM' && (
        <DatePicker.RangePicker
          data-testid="period-range"
          aria-label={t('period.CUSTOM')}
          value={[dayjs(period.from), dayjs(period.to)]}
          allowClear={false}
          onChange={(days) => days?.[0] && days[1] && setPeriod({ from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') })}
        />
      )}
    </Space.Compact>
  )
}
