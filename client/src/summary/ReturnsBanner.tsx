// One line above the score while the span's monthly returns are not all approved: the figures
// below may still change, and a leader should know how far the units' returns have come.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import type { Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf, type ResultOf, type VariablesOf } from '../graphql.ts'
import { ViewerQuery } from '../Shell.tsx'

export const ReturnsBannerFragment = graphql(`
  fragment ReturnsBanner on Scorecard {
    returns { firstMonth lastMonth expected approved submitted open missing late complete }
  }
`)

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2024年7月至12月", "July to December 2024": a span of months as one reads it. */
export function monthSpan(from: string, to: string, locale: Locale): string {
  const [y1, m1] = from.split('-').map(Number) as [number, number]
  const [y2, m2] = to.split('-').map(Number) as [number, number]
  if (locale === 'en') {
    if (from === to) return `${monthsEn[m1 - 1]} ${y1}`
    return y1 === y2 ? `${monthsEn[m1 - 1]} to ${monthsEn[m2 - 1]} ${y1}` : `${monthsEn[m1 - 1]} ${y1} to ${monthsEn[m2 - 1]} ${y2}`
  }
  if (from === to) return `${y1}年${m1}月`
  return y1 === y2 ? `${y1}年${m1}月至${m2}月` : `${y1}年${m1}月至${y2}年${m2}月`
}

export function ReturnsBanner({ data, locale }: { data: FragmentOf<typeof ReturnsBannerFragment>; locale: Locale }) {
  const { returns } = readFragment(ReturnsBannerFragment, data)
  return returns ? <ReturnsLine returns={returns} locale={locale} /> : null
}

const ReturnsCoverageQuery = graphql(`
  query ReturnsCoverage($period: PeriodInput!, $orgUnit: ID) {
    returnsCoverage(period: $period, orgUnit: $orgUnit) { firstMonth lastMonth expected approved submitted open missing late complete }
  }
`)

/** The same line on a screen without the scorecard (an area's, a metric's): asked for on its own. */
export function ReturnsBannerFor({ period, orgUnit, locale }: { period: VariablesOf<typeof ReturnsCoverageQuery>['period']; orgUnit: string | undefined; locale: Locale }) {
  const [{ data }] = useQuery({ query: ReturnsCoverageQuery, variables: { period, orgUnit } })
  return data?.returnsCoverage ? <ReturnsLine returns={data.returnsCoverage} locale={locale} /> : null
}

type Coverage = NonNullable<ResultOf<typeof ReturnsCoverageQuery>['returnsCoverage']>

function ReturnsLine({ returns, locale }: { returns: Coverage; locale: Locale }) {
  const { t } = useTranslation()
  const [{ data: viewer }] = useQuery({ query: ViewerQuery })
  if (returns.complete) return null
  const role = viewer?.viewer?.role
  const year = returns.firstMonth.slice(0, 4)
  return (
    <p className="banner warning-banner returns-banner" role="note" data-testid="returns-banner">
      {t('completeness.banner', { ...returns, span: monthSpan(returns.firstMonth, returns.lastMonth, locale) })}
      {(role === 'LEADER' || role === 'ADMIN' || role === 'COMMITTEE') && (
        <>
          {' '}
          <Link className="no-print" to={`/completeness?year=${year}${locale === 'en' ? '&lang=en' : ''}`} data-testid="returns-banner-link">{t('completeness.see')}</Link>
        </>
      )}
    </p>
  )
}
