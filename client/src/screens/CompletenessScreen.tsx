// Which units have sent which months' returns (issue 10): a unit a row, a month a column, each
// cell the return's state in words and colour; the units late now listed above; an ADMIN locks
// and unlocks months in the column headers.
import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { Loading, Nothing, QueryError } from '../components/QueryState.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { monthLabel } from '../returns/months.ts'
import { ViewerQuery } from '../Shell.tsx'
import { ShellContext } from '../view.ts'
import { LockControl } from '../completeness/LockControl.tsx'
import { cellWord, monthRuns } from '../completeness/cells.ts'
import './completeness.css'

const CompletenessQuery = graphql(`
  query Completeness($period: PeriodInput!, $locale: String) {
    completeness(period: $period) {
      orgUnit { key name(locale: $locale) }
      month state expected entered dueOn late locked
    }
    lockedMonths
  }
`)

type Row = ResultOf<typeof CompletenessQuery>['completeness'][number]

export default function CompletenessScreen() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const shell = useContext(ShellContext)
  const [params, setParams] = useSearchParams()
  const [{ data: viewerData }] = useQuery({ query: ViewerQuery })
  const role = viewerData?.viewer?.role
  // Default: the year of the last stored figures, as the scorecard opens on.
  const year = Number(params.get('year')) || Number(shell.lastDataDay.slice(0, 4))
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CompletenessQuery,
    variables: { period: { year }, locale },
    pause: !params.get('year') && !shell.ready,
    requestPolicy: 'cache-and-network',
  })
  const setYear = (y: number) => {
    const next = new URLSearchParams(params)
    next.set('year', String(y))
    setParams(next)
  }
  const thisYear = new Date().getFullYear()
  const years: number[] = []
  for (let y = thisYear; y >= 2022; y--) years.push(y)

  const picker = (
    <label className="completeness-year no-print">
      {t('completeness.year')}{' '}
      <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="completeness-year">
        {years.map((y) => <option key={y} value={y}>{locale === 'en' ? y : `${y}年`}</option>)}
      </select>
    </label>
  )
  const title = (
    <div className="return-title">
      <h2 className="screen-title">{t('completeness.title', { year })}</h2>
      {picker}
    </div>
  )
  if (error) return <>{title}<QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} /></>
  if (!data) return <>{title}<Loading /></>

  // Units in the server's (tree) order, months in order.
  const units = new Map<string, { name: string; cells: Map<string, Row> }>()
  const months = new Set<string>()
  for (const r of data.completeness) {
    months.add(r.month)
    const unit = units.get(r.orgUnit.key) ?? { name: r.orgUnit.name, cells: new Map() }
    unit.cells.set(r.month, r)
    units.set(r.orgUnit.key, unit)
  }
  const monthList = [...months]
  const locked = new Set(data.lockedMonths)
  const late = data.completeness.filter((r) => r.late)
  const lateByUnit = new Map<string, { name: string; months: string[] }>()
  for (const r of late) {
    const u = lateByUnit.get(r.orgUnit.key) ?? { name: r.orgUnit.name, months: [] }
    u.months.push(r.month)
    lateByUnit.set(r.orgUnit.key, u)
  }
  const short = (m: string) => (locale === 'en' ? monthLabel(m, 'en').slice(0, 3) : `${Number(m.slice(5))}月`)

  return (
    <div data-testid="completeness" data-year={year} aria-busy={fetching}>
      {title}
      <p className="completeness-legend" data-testid="completeness-legend">
        {(['APPROVED', 'SUBMITTED', 'OPEN', 'REJECTED', 'NONE'] as const).map((s) => (
          <span key={s} className="completeness-cell legend-cell" data-state={s}>{t(`completeness.states.${s}`)}</span>
        ))}
        <span className="completeness-cell legend-cell" data-state="NONE" data-late="true">{t('completeness.lateMark')}</span>
        <span className="tag lock-tag">{t('completeness.lockedMark')}</span>
      </p>
      {monthList.length === 0 ? (
        <Nothing reason={t('completeness.none')} />
      ) : (
        <>
          <section className="panel completeness-late" data-testid="completeness-late" aria-labelledby="late-heading">
            <header><h3 id="late-heading">{t('completeness.lateNow', { count: lateByUnit.size })}</h3></header>
            <div className="panel-body">
              {lateByUnit.size === 0 ? (
                <p className="empty">{t('completeness.noneLate')}</p>
              ) : (
                <ul>
                  {[...lateByUnit].map(([key, u]) => (
                    <li key={key} data-unit={key}>
                      <strong>{u.name}</strong>{locale === 'en' ? ': ' : '：'}
                      {monthRuns(u.months).map((run, i) => (
                        <span key={run[0]}>
                          {i > 0 && (locale === 'en' ? ', ' : '、')}
                          <Link to={`/returns/${key}/${run[0]}`}>{run.length === 1 ? short(run[0]!) : `${short(run[0]!)}${locale === 'en' ? '–' : '至'}${short(run.at(-1)!)}`}</Link>
                        </span>
                      ))}{' '}
                      <span className="muted">{t('completeness.monthsCount', { count: u.months.length })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
          <div className="completeness-scroll" data-testid="completeness-scroll" tabIndex={0} role="region" aria-label={t('completeness.matrix')}>
            <table className="completeness-matrix" data-testid="completeness-matrix">
              <thead>
                <tr>
                  <th scope="col" className="unit-col">{t('columns.orgUnit')}</th>
                  {monthList.map((m) => (
                    <th scope="col" key={m} data-month={m} data-locked={locked.has(m)}>
                      <span className="month-name">{short(m)}</span>
                      {locked.has(m) && <span className="tag lock-tag" data-testid="month-locked">{t('completeness.lockedMark')}</span>}
                      {role === 'ADMIN' && <LockControl month={m} locked={locked.has(m)} locale={locale} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...units].map(([key, u]) => (
                  <tr key={key} data-unit={key}>
                    <th scope="row" className="unit-col">{u.name}</th>
                    {monthList.map((m) => {
                      const c = u.cells.get(m)
                      if (!c) return <td key={m} />
                      const word = cellWord(c)
                      return (
                        <td key={m}>
                          <Link
                            className="completeness-cell"
                            to={`/returns/${key}/${m}`}
                            data-state={word}
                            data-late={c.late}
                            data-cell={`${key}/${m}`}
                            title={`${u.name} · ${monthLabel(m, locale)} · ${t(`completeness.states.${word}`)}${c.late ? ` · ${t('completeness.lateMark')}` : ''}`}
                          >
                            <span className="cell-state">{t(`completeness.states.${word}`)}</span>
                            <span className="cell-count">{c.entered}/{c.expected}</span>
                            {c.late && <span className="cell-late" aria-label={t('completeness.lateMark')}>!</span>}
                          </Link>
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}
