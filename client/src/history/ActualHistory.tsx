// Where an actual came from, in one request: the unit's own stored figures (a reported total
// with its sentence), the units' below it counted by unit, and the latest entries and
// corrections among them, each with its trail. A year of 13 stations' months is 156 figures:
// they are grouped by unit, each unit opening its own list, never all drawn at once.
import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { SourceTag } from '../components/Cells.tsx'
import { QueryError } from '../components/QueryState.tsx'
import { graphql, readFragment } from '../graphql.ts'
import { spanLabel } from '../period-label.ts'
import { ShellContext, useView } from '../view.ts'
import { closeDrawer, FigureEntry, FigureItem, type Counting } from './FigureItem.tsx'
import { unitsBelow, within } from './figures.ts'
import type { HistoryRequest } from './open.tsx'

/** The unit's own figures drawn in full, by period (the query's limit); more are counted and left to the metric page. */
const ownShown = 24
/** The figures below the unit counted by unit (the query's limit): a longer span says "500+". */
const belowListed = 500
/** The latest entries and corrections below the unit (the query's limit). */
const latestShown = 10

const ValueFiguresQuery = graphql(
  `
  query ValueFigures($key: ID!, $orgUnit: ID!, $from: Date!, $to: Date!, $locale: String) {
    metric(key: $key) {
      key
      numerator { key name(locale: $locale) unit kind }
      denominator { key name(locale: $locale) unit kind }
      own: figures(orgUnit: $orgUnit, from: $from, to: $to, limit: 24) { ...FigureEntry }
      below: figures(orgUnit: $orgUnit, from: $from, to: $to, below: true, limit: 500) {
        id periodStart periodEnd source orgUnit { key name(locale: $locale) }
      }
      latest: figures(orgUnit: $orgUnit, from: $from, to: $to, below: true, latestFirst: true, limit: 10) { ...FigureEntry }
    }
  }
`,
  [FigureEntry],
)

export function ActualHistory({ request, onOpen }: { request: HistoryRequest; onOpen: (next: HistoryRequest) => void }) {
  const { t } = useTranslation()
  const view = useView()
  const { rootKey } = useContext(ShellContext)
  const { metric, orgUnit, from, to } = request
  const [{ data, error }] = useQuery({ query: ValueFiguresQuery, variables: { key: metric.key, orgUnit: orgUnit.key, from, to, locale: view.locale } })
  if (error) return <QueryError error={error} />
  if (!data?.metric) return <p className="muted" role="status">{t('actions.loading')}</p>
  const { own, below, latest, numerator, denominator } = data.metric
  // The units' lines count what counts for the period; the rest is said in one line.
  const units = unitsBelow(below.filter((f) => within(f, from, to)), orgUnit.key, view.locale)
  const outsideBelow = below.filter((f) => f.orgUnit.key !== orgUnit.key && !within(f, from, to)).length
  const ownCount = below.filter((f) => f.orgUnit.key === orgUnit.key).length
  // A count's total stored at a unit for exactly the period is the value; any other of its own totals gives
  // way to the units below (the engine's flow rule); a figure running past the period counts for nothing.
  const counting = (f: { periodStart: string; periodEnd: string }): Counting => {
    if (!within(f, from, to)) return 'outside'
    if (units.length === 0 || metric.kind !== 'FLOW') return 'counts'
    return f.periodStart === from && f.periodEnd === to ? 'standsFor' : 'notUsed'
  }
  const changed = latest.filter((f) => readFragment(FigureEntry, f).history.length > 0 && readFragment(FigureEntry, f).orgUnit.key !== orgUnit.key)
  const searchFor = (key: string) => {
    const params = new URLSearchParams(view.search)
    if (key === rootKey) params.delete('org')
    else params.set('org', key)
    return params.toString() ? `?${params.toString()}` : ''
  }
  const part = (p: NonNullable<typeof numerator>) => (
    <button type="button" className="btn small" onClick={() => onOpen({ ...request, metric: { key: p.key, name: p.name, unit: p.unit, kind: p.kind }, shown: '' })}>
      {t('history.openPart', { metric: p.name })}
    </button>
  )

  return (
    <>
      {numerator && denominator && (
        <section className="history-section" data-testid="history-derived">
          <p>{t('history.derived', { numerator: numerator.name, denominator: denominator.name })}</p>
          <p className="history-actions">{part(numerator)} {part(denominator)}</p>
        </section>
      )}
      {metric.kind === 'STOCK' && <p className="muted">{t('history.stock')}</p>}

      <section className="history-section" aria-labelledby="history-own" data-testid="history-own">
        <h3 id="history-own">{t('history.own', { unit: orgUnit.name })}</h3>
        {own.length === 0 ? (
          <p className="muted">{t('history.ownNone', { unit: orgUnit.name })}</p>
        ) : (
          <>
            {ownCount > own.length && <p className="muted">{t('history.ownCapped', { shown: ownShown, count: ownCount })}</p>}
            {own.some((f) => readFragment(FigureEntry, f).source === 'SAMPLE') && <p className="history-sample" data-testid="history-sample">{t('history.sample')}</p>}
            <ul className="history-figures">
              {own.map((f) => {
                const shape = readFragment(FigureEntry, f)
                return <FigureItem key={shape.id} figure={f} metric={metric} counting={counting(shape)} showUnit={false} />
              })}
            </ul>
          </>
        )}
      </section>

      {units.length > 0 && (
        <section className="history-section" aria-labelledby="history-below" data-testid="history-below">
          <h3 id="history-below">{t('history.below', { count: below.length - ownCount - outsideBelow, units: units.length })}{below.length >= belowListed && '+'}</h3>
          <p className="muted">{t(own.some((f) => counting(readFragment(FigureEntry, f)) === 'standsFor') ? 'history.belowCheck' : 'history.belowHint')}</p>
          <table className="table history-units">
            <tbody>
              {units.map((u) => (
                <tr key={u.key} data-org-unit={u.key}>
                  <th scope="row">
                    <button type="button" className="history-unit" data-testid="history-unit" onClick={() => onOpen({ ...request, orgUnit: { key: u.key, name: u.name }, shown: '' })}>
                      {u.name}
                    </button>
                  </th>
                  <td className="nowrap">{t('history.figures', { count: u.count })}</td>
                  <td>{spanLabel(u.first, u.last, view.locale)}</td>
                  <td>{u.sources.map((s) => <SourceTag key={s} source={s} />)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outsideBelow > 0 && <p className="muted">{t('history.outsideBelow', { count: outsideBelow })}</p>}
          <h3>{t('history.latest')}</h3>
          {changed.length === 0 ? (
            <p className="muted">{t('history.latestNone')}</p>
          ) : (
            <ul className="history-figures" data-testid="history-latest">
              {changed.slice(0, latestShown).map((f) => {
                const shape = readFragment(FigureEntry, f)
                return <FigureItem key={shape.id} figure={f} metric={metric} counting={counting(shape)} showUnit />
              })}
            </ul>
          )}
        </section>
      )}

      <p className="history-actions">
        <Link to={{ pathname: `/metrics/${metric.key}`, search: searchFor(orgUnit.key) }} onClick={closeDrawer} data-testid="history-metric-link">
          {t('history.allOnMetric')}
        </Link>
        {orgUnit.key !== view.orgUnit && (
          <Link to={{ pathname: '/', search: searchFor(orgUnit.key) }} onClick={closeDrawer}>{t('history.drill', { unit: orgUnit.name })}</Link>
        )}
      </p>
    </>
  )
}
