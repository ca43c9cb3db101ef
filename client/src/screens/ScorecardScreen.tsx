import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useQuery } from 'urql'
import { AreaTable, AreaTableRow } from '../components/AreaTable.tsx'
import { StatusTag, XlsxButton } from '../components/Cells.tsx'
import { PrintMargins } from '../components/PrintMargins.tsx'
import { Loading, Nothing, QueryError } from '../components/QueryState.tsx'
import { dataThroughNote } from '../format.ts'
import { graphql, readFragment } from '../graphql.ts'
import { HistoryProvider } from '../history/open.tsx'
import { yearOf } from '../period.ts'
import { spanLabel } from '../period-label.ts'
import { byUrgency, type Status } from '../status.ts'
import { GapsFragment, GapsTable } from '../summary/GapsTable.tsx'
import { LeagueFragment, LeagueTable } from '../summary/LeagueTable.tsx'
import { ReturnsBanner, ReturnsBannerFragment } from '../summary/ReturnsBanner.tsx'
import { ScoreTiles, ScoreTilesFragment, type MonthlyScores } from '../summary/ScoreTiles.tsx'
import { useAppTitle } from '../Shell.tsx'
import { useView } from '../view.ts'

const ScorecardQuery = graphql(
  `
  query Scorecard($period: PeriodInput!, $orgUnit: ID, $locale: String) {
    scorecard(period: $period, orgUnit: $orgUnit) {
      period from to score maxScore scoreOn100 status dataThrough
      orgUnit { key name(locale: $locale) }
      ...ScoreTiles ...League ...Gaps ...ReturnsBanner
      areas {
        area { key name(locale: $locale) }
        score maxScore status scored
        rows { status ...AreaTableRow }
      }
    }
  }
`,
  [AreaTableRow, ScoreTilesFragment, LeagueFragment, GapsFragment, ReturnsBannerFragment],
)

// The sparklines' months: asked for once the scorecard is drawn, so they never hold it up.
const MonthlyQuery = graphql(`
  query ScorecardMonthly($period: PeriodInput!, $orgUnit: ID) {
    scorecard(period: $period, orgUnit: $orgUnit) {
      monthly { scoreOn100 }
      areas { area { key } monthly { scoreOn100 } }
    }
  }
`)

/**
 * The leader's first screen. A summary first (the overall score and each area's, the units
 * ranked with their areas' statuses, the largest gaps against time-progress); then every
 * scored area's metrics; the areas monitored without a target folded at the end.
 */
export function ScorecardScreen() {
  const { t } = useTranslation()
  const appTitle = useAppTitle()
  const view = useView()
  const { hash } = useLocation()
  const [onlyBehind, setOnlyBehind] = useState(false)
  const [monitoredOpen, setMonitoredOpen] = useState(false)
  const variables = { period: view.period, orgUnit: view.orgUnitArg, locale: view.locale }
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ScorecardQuery, variables, pause: !view.periodKnown })
  // The sparklines are asked for once the browser is idle after drawing the scorecard.
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    if (!data || idle) return
    if (typeof requestIdleCallback !== 'function') return void setIdle(true)
    const id = requestIdleCallback(() => setIdle(true), { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }, [data, idle])
  const [monthlyResult] = useQuery({ query: MonthlyQuery, variables: { period: view.period, orgUnit: view.orgUnitArg }, pause: !idle })
  const monthly = useMemo<MonthlyScores | null>(() => {
    const card = monthlyResult.data?.scorecard
    if (!card) return null
    return new Map([['', card.monthly.map((p) => p.scoreOn100)], ...card.areas.map((a) => [a.area.key, a.monthly.map((p) => p.scoreOn100)] as const)])
  }, [monthlyResult.data])

  // A tile or a grid cell links to an area on this screen: scroll to it once it is drawn.
  useEffect(() => {
    if (!data || !hash) return
    const target = document.getElementById(decodeURIComponent(hash.slice(1)))
    if (target?.closest('details')) setMonitoredOpen(true)
    target?.scrollIntoView({ block: 'start' })
  }, [data, hash])
  // Paper shows every area: the folded ones open for printing.
  useEffect(() => {
    const open = () => setMonitoredOpen(true)
    window.addEventListener('beforeprint', open)
    return () => window.removeEventListener('beforeprint', open)
  }, [])

  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data) return <Loading />
  const card = data.scorecard
  const statuses = card.areas.flatMap((a) => a.rows.map((r) => r.status))
  // Each status that occurs, the most urgent first.
  const counts = new Map<Status, number>()
  for (const s of [...statuses].sort(byUrgency)) counts.set(s, (counts.get(s) ?? 0) + 1)
  const empty = statuses.every((s) => s === 'NO_DATA')
  const areas = card.areas
    .map((a) => ({ ...a, rows: onlyBehind ? a.rows.filter((r) => r.status === 'BEHIND') : a.rows }))
    .filter((a) => !onlyBehind || a.rows.length > 0)
  const scored = areas.filter((a) => a.scored)
  const monitored = areas.filter((a) => !a.scored)
  const periodText = spanLabel(card.from, card.to, view.locale)
  const note = card.dataThrough && dataThroughNote(card.from, card.dataThrough, view.locale)
  const year = yearOf(view.period)

  const areaPanel = (a: (typeof areas)[number]) => (
    <section className="panel" key={a.area.key} id={`area-${a.area.key}`} data-testid={`area-${a.area.key}`} aria-labelledby={`area-heading-${a.area.key}`}>
      <header>
        <h3 id={`area-heading-${a.area.key}`} data-testid="area-heading">
          <Link to={{ pathname: `/areas/${a.area.key}`, search: view.search }}>{a.area.name}</Link>
          {a.scored ? <StatusTag status={a.status} /> : <span className="tag plain">{t('score.monitored')}</span>}
        </h3>
        <strong data-testid={`area-score-${a.area.key}`}>
          {a.maxScore ? `${t('score.area')} ${a.score} / ${a.maxScore}` : a.scored ? t('score.noTargetYet') : t('score.none')}
        </strong>
      </header>
      <div className="panel-body">
        <AreaTable rows={a.rows} locale={view.locale} year={year} search={view.search} fileName={`${a.area.key}-${card.orgUnit.key}-${card.period}`} />
      </div>
    </section>
  )

  return (
    <div data-testid="scorecard" data-period={card.period} data-org-unit={card.orgUnit.key} aria-busy={fetching}>
      <PrintMargins title={`${appTitle} · ${card.orgUnit.name} · ${periodText}`} />
      <section className="summary" data-testid="summary">
        <div className="summary-head">
          <div>
            <h2 data-testid="scorecard-heading">{card.orgUnit.name} · {periodText}</h2>
            {note && <p className="warning" data-testid="data-through" style={{ margin: '4px 0 0' }}>{note}</p>}
            <ReturnsBanner data={card} locale={view.locale} />
            <div className="legend" style={{ marginTop: 6 }} data-testid="legend">
              <span>{t('summary.metricStatuses')}</span>
              {[...counts].map(([s, n]) => (
                <span key={s} className="tag" data-status={s}>{t(`status.${s}`)} {n}</span>
              ))}
              <span><span className="tag mark sample">{t('sample.tag')}</span> {t('legend.sample')}</span>
              <span><span className="tag mark report">{t('report.tag')}</span> {t('legend.report')}</span>
            </div>
          </div>
          <div className="summary-actions no-print">
            <label className="nowrap">
              <input type="checkbox" role="switch" checked={onlyBehind} onChange={(e) => setOnlyBehind(e.target.checked)} data-testid="only-behind" />{' '}
              {t('actions.onlyBehind')}
            </label>
            <XlsxButton
              fileName={`scorecard-${card.orgUnit.key}-${card.period}`}
              build={() => ({
                ...card,
                periodLabel: periodText,
                note,
                areas: card.areas.map((a) => ({ ...a, rows: a.rows.map((r) => readFragment(AreaTableRow, r)) })),
              })}
            />
          </div>
        </div>
        {/* A period without figures has nothing to sum up: it says so instead. */}
        {empty ? (
          <Nothing reason={t('empty.noScorecard')} />
        ) : (
          <>
            <ScoreTiles data={card} monthly={monthly} locale={view.locale} search={view.search} />
            <div className="panel-grid summary-tables">
              <LeagueTable data={card} locale={view.locale} search={view.search} />
              <GapsTable data={card} locale={view.locale} search={view.search} />
            </div>
          </>
        )}
      </section>
      {onlyBehind && areas.length === 0 && <Nothing reason={t('empty.nothingBehind')} />}
      {/* Each actual and target opens where it came from, for this unit and span. */}
      <HistoryProvider scope={{ orgUnit: card.orgUnit, from: card.from, to: card.to, period: view.period }}>
        <section className="areas" aria-label={t('summary.areas')}>
          {scored.map(areaPanel)}
          {monitored.length > 0 && (
            <details className="panel monitored" open={monitoredOpen} onToggle={(e) => setMonitoredOpen(e.currentTarget.open)} data-testid="monitored">
              <summary>{t('summary.monitored', { count: monitored.length })}</summary>
              <div className="panel-body">{monitored.map(areaPanel)}</div>
            </details>
          )}
        </section>
      </HistoryProvider>
    </div>
  )
}
