import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SampleMark } from '../components/Cells.tsx'
import { formatPercent, formatValue, type Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf } from '../graphql.ts'

export const GapsFragment = graphql(`
  fragment Gaps on Scorecard {
    gaps(limit: 8) {
      metric { key name(locale: $locale) unit kind }
      orgUnit { key name(locale: $locale) }
      actual expected shortfall share sources
    }
  }
`)

/** The largest shortfalls against time-progress, the district's and its units', worst first. */
export function GapsTable({ data, locale, search }: { data: FragmentOf<typeof GapsFragment>; locale: Locale; search: string }) {
  const { t } = useTranslation()
  const { gaps } = readFragment(GapsFragment, data)
  const label = { metric: t('columns.metric'), orgUnit: t('columns.orgUnit'), actual: t('columns.actual'), expected: t('columns.expected'), shortfall: t('summary.shortfall'), share: t('summary.share') }
  return (
    <section className="panel" aria-labelledby="gaps-heading" data-testid="gaps">
      <header>
        <h3 id="gaps-heading">{t('summary.gaps')}</h3>
      </header>
      <div className="panel-body">
        {gaps.length === 0 ? (
          <p className="empty" data-testid="empty">{t('empty.nothingBehind')}</p>
        ) : (
          <table className="table cards">
            <thead>
              <tr>
                <th scope="col">{label.metric}</th>
                <th scope="col">{label.orgUnit}</th>
                <th scope="col" className="num">{label.actual}</th>
                <th scope="col" className="num">{label.expected}</th>
                <th scope="col" className="num">{label.shortfall}</th>
                <th scope="col" className="num">{label.share}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={`${g.metric.key}@${g.orgUnit.key}`} data-metric={g.metric.key} data-org-unit={g.orgUnit.key}>
                  <th scope="row" className="lead">
                    <Link to={{ pathname: `/metrics/${g.metric.key}`, search }}>{g.metric.name}</Link>
                  </th>
                  <td data-label={label.orgUnit}>{g.orgUnit.name}</td>
                  <td className="num" data-label={label.actual}>
                    {formatValue(g.actual, g.metric, locale)}
                    <SampleMark sources={g.sources} />
                  </td>
                  <td className="num" data-label={label.expected}>{formatValue(g.expected, g.metric, locale)}</td>
                  <td className="num trend-WORSE" data-label={label.shortfall}>{formatValue(g.shortfall, g.metric, locale)}</td>
                  <td className="num trend-WORSE" data-label={label.share}>{formatPercent(g.share, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}
