import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SampleMark, StatusTag } from '../components/Cells.tsx'
import { formatNumber, type Locale } from '../format.ts'
import { graphql, readFragment, type FragmentOf } from '../graphql.ts'
import type { Trend } from '../status.ts'
import { Sparkline } from './Sparkline.tsx'

export const ScoreTilesFragment = graphql(`
  fragment ScoreTiles on Scorecard {
    score maxScore scoreOn100 previousScoreOn100 scoreTrend status
    areas {
      area { key name(locale: $locale) } score maxScore scoreOn100 previousScoreOn100 scoreTrend status scored
      rows { sources }
    }
  }
`)

/** Month-by-month scores on 100, by area key ('' for the whole scorecard); absent until loaded. */
export type MonthlyScores = ReadonlyMap<string, readonly (number | null)[]>

/** A change of a score on 100, in points: '▲ 3.2', coloured by the API's trend. */
function ScoreChange({ now, before, trend, locale }: { now: number | null; before: number | null; trend: Trend | null; locale: Locale }) {
  const { t } = useTranslation()
  if (now === null || before === null || !trend) return <span className="muted">{t('summary.noPrevious')}</span>
  const change = Math.round((now - before) * 10) / 10
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : ''
  return (
    <span className={`nowrap trend-${trend}`} data-trend={trend} title={t('summary.previousTip', { score: formatNumber(before, locale, 1) })}>
      {t('summary.vsLastYear')} {arrow && <span aria-hidden="true">{arrow} </span>}
      {change === 0 ? t('trend.SAME') : `${change > 0 ? '+' : '−'}${formatNumber(Math.abs(change), locale, 1)}`}
    </span>
  )
}

/**
 * The overall score and one tile a scored area: the score on 100 (comparable across areas of
 * different weights), its status, its change on the same span last year and its course by month.
 */
export function ScoreTiles({ data, monthly, locale, search }: { data: FragmentOf<typeof ScoreTilesFragment>; monthly: MonthlyScores | null; locale: Locale; search: string }) {
  const { t } = useTranslation()
  const card = readFragment(ScoreTilesFragment, data)
  const scored = card.areas.filter((a) => a.scored)
  const on100 = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, 1))
  // A score computed from any sample number (a target, a station's split) is marked as sample.
  const sourcesOf = (areas: typeof card.areas) => [...new Set(areas.flatMap((a) => a.rows.flatMap((r) => r.sources)))]
  return (
    <section aria-labelledby="tiles-heading">
      <h3 id="tiles-heading" className="visually-hidden">{t('summary.tiles')}</h3>
      <div className="tiles" data-testid="score-tiles">
        <div className="tile overall" data-status={card.status} data-testid="tile-overall">
          <div className="tile-name">
            <span>{t('score.overall')}</span>
            <StatusTag status={card.status} />
          </div>
          <div className="tile-score">
            <span data-testid="overall-score">{on100(card.scoreOn100)} <small>/ 100</small></span>
            {card.scoreOn100 !== null && <SampleMark sources={sourcesOf(scored)} />}
          </div>
          <div className="tile-foot">
            <ScoreChange now={card.scoreOn100} before={card.previousScoreOn100} trend={card.scoreTrend} locale={locale} />
            <Sparkline points={monthly?.get('') ?? []} label={t('summary.sparkline', { name: t('score.overall') })} />
          </div>
          {card.maxScore !== null && card.maxScore !== 100 && (
            <div className="muted tile-points" data-testid="score-points">{t('summary.points', { score: card.score ?? '—', max: card.maxScore })}</div>
          )}
        </div>
        {scored.map((a) => (
          <Link key={a.area.key} className="tile" data-status={a.status} data-testid={`tile-${a.area.key}`} to={{ pathname: '/', search, hash: `#area-${a.area.key}` }}>
            <div className="tile-name">
              <span>{a.area.name}</span>
              <StatusTag status={a.status} />
            </div>
            <div className="tile-score">
              <span>{on100(a.scoreOn100)}</span>
              {a.scoreOn100 !== null && <SampleMark sources={sourcesOf([a])} />}
            </div>
            <div className="muted tile-points">{a.maxScore ? t('summary.points', { score: a.score ?? '—', max: a.maxScore }) : t('status.NO_TARGET')}</div>
            <div className="tile-foot">
              <ScoreChange now={a.scoreOn100} before={a.previousScoreOn100} trend={a.scoreTrend} locale={locale} />
              <Sparkline points={monthly?.get(a.area.key) ?? []} label={t('summary.sparkline', { name: a.area.name })} />
            </div>
          </Link>
        ))}
      </div>
    </section>
  )
}
