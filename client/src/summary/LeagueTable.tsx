import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SampleMark } from '../components/Cells.tsx'
import { formatChange, formatNumber, type Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf } from '../graphql.ts'

export const LeagueFragment = graphql(`
  fragment League on Scorecard {
    areas { area { key name(locale: $locale) } scored }
    league {
      orgUnit { key name(locale: $locale) }
      rank previousRank rankChange trend scoreOn100 status areasBehind metricsBehind sources
      areas { area { key } status scoreOn100 scored }
    }
  }
`)

/** The same view, for another org unit: the grid's cells open a unit's own scorecard. */
export function searchFor(search: string, orgUnitKey: string): string {
  const params = new URLSearchParams(search)
  params.set('org', orgUnitKey)
  return `?${params.toString()}`
}

/**
 * The units below ranked by their score on 100, with the change in rank on the same span last
 * year, and each scored area's status as a coloured cell (as DHIS2's scorecards do), each a
 * link to that unit's scorecard at that area.
 */
export function LeagueTable({ data, locale, search }: { data: FragmentOf<typeof LeagueFragment>; locale: Locale; search: string }) {
  const { t } = useTranslation()
  const card = readFragment(LeagueFragment, data)
  if (card.league.length === 0) return null
  const areas = card.areas.filter((a) => a.scored).map((a) => a.area)
  const label = { rank: t('columns.rank'), orgUnit: t('columns.orgUnit'), score: t('summary.scoreOn100'), rankChange: t('summary.rankChange'), areasBehind: t('summary.areasBehind') }
  return (
    <section className="panel" aria-labelledby="league-heading" data-testid="league">
      <header>
        <h3 id="league-heading">
          {t('summary.league')}
          {/* The units' numbers are, here, a sample split of the district's: the ranking is sample too. */}
          <SampleMark sources={[...new Set(card.league.flatMap((u) => u.sources))]} />
        </h3>
        <span className="muted">{t('summary.leagueNote')}</span>
      </header>
      <div className="panel-body">
        <table className="table cards league">
          <thead>
            <tr>
              <th scope="col" className="num">{label.rank}</th>
              <th scope="col">{label.orgUnit}</th>
              <th scope="col" className="num">{label.score}</th>
              <th scope="col" className="num">{label.rankChange}</th>
              <th scope="col" className="num">{label.areasBehind}</th>
              {areas.map((a) => (
                <th key={a.key} scope="col" className="area">{a.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {card.league.map((u) => {
              const unitSearch = searchFor(search, u.orgUnit.key)
              const statusOf = new Map(u.areas.map((a) => [a.area.key, a]))
              return (
                <tr key={u.orgUnit.key} data-org-unit={u.orgUnit.key} data-status={u.status}>
                  <td className="num" data-label={label.rank}>{u.rank ?? '—'}</td>
                  <th scope="row" className="lead">
                    <Link to={{ pathname: '/', search: unitSearch }}>{u.orgUnit.name}</Link>
                  </th>
                  <td className="num" data-label={label.score} data-testid="league-score">{u.scoreOn100 === null ? '—' : formatNumber(u.scoreOn100, locale, 1)}</td>
                  <td className="num" data-label={label.rankChange} data-testid="rank-change">
                    {u.rankChange === null || !u.trend ? (
                      '—'
                    ) : (
                      <span className={`trend-${u.trend}`} data-trend={u.trend} title={t('summary.previousRank', { rank: u.previousRank })}>
                        {u.rankChange !== 0 && <span aria-hidden="true">{u.rankChange > 0 ? '▲ ' : '▼ '}</span>}
                        {formatChange(-u.rankChange, { kind: 'RANK', unit: '' }, locale)}
                      </span>
                    )}
                  </td>
                  <td className="num" data-label={label.areasBehind}>{u.areasBehind}</td>
                  {areas.map((a) => {
                    const cell = statusOf.get(a.key)
                    const status = cell?.status ?? 'NO_DATA'
                    const score = cell?.scoreOn100 === null || cell?.scoreOn100 === undefined ? '' : ` ${formatNumber(cell.scoreOn100, locale, 0)}`
                    return (
                      <td key={a.key} className="area-cell" data-label={a.name}>
                        <Link
                          className="grid-cell"
                          data-status={status}
                          data-testid={`grid-${u.orgUnit.key}-${a.key}`}
                          to={{ pathname: '/', search: unitSearch, hash: `#area-${a.key}` }}
                          aria-label={`${u.orgUnit.name} · ${a.name}: ${t(`status.${status}`)}${score}`}
                        >
                          {t(`status.${status}`)}{score}
                        </Link>
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
