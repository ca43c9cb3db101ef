// Where a target came from: its source and reason, and every change of the stored targets it
// is worked out from (who set it, when, old → new, why); or that it is a plugin's default,
// which no leader has set.
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { SourceTag } from '../components/Cells.tsx'
import { QueryError } from '../components/QueryState.tsx'
import { formatValue } from '../format.ts'
import { graphql } from '../graphql.ts'
import { useView } from '../view.ts'
import type { HistoryRequest } from './open.tsx'
import { RevisionEntry, Revisions } from './Revisions.tsx'

const TargetHistoryQuery = graphql(
  `
  query TargetHistory($key: ID!, $period: PeriodInput!, $orgUnit: ID) {
    metric(key: $key) {
      key
      target(period: $period, orgUnit: $orgUnit) { value source reason history { ...RevisionEntry } }
    }
  }
`,
  [RevisionEntry],
)

export function TargetHistory({ request }: { request: HistoryRequest }) {
  const { t } = useTranslation()
  const { locale } = useView()
  const { metric, orgUnit, period } = request
  const [{ data, error }] = useQuery({ query: TargetHistoryQuery, variables: { key: metric.key, period, orgUnit: orgUnit.key } })
  if (error) return <QueryError error={error} />
  if (!data?.metric) return <p className="muted" role="status">{t('actions.loading')}</p>
  const target = data.metric.target
  if (!target) return <p className="muted">{t('history.noTarget')}</p>
  const pluginDefault = target.source === 'SAMPLE' && target.history.length === 0
  return (
    <section className="history-section" data-testid="history-target" data-source={target.source}>
      <dl className="history-facts">
        <div><dt>{t('history.what.target')}</dt><dd><strong>{formatValue(target.value, metric, locale)}</strong></dd></div>
        <div><dt>{t('history.source')}</dt><dd><SourceTag source={target.source} /></dd></div>
        {target.reason && <div><dt>{t('history.reason')}</dt><dd data-testid="history-target-reason">{target.reason}</dd></div>}
      </dl>
      {pluginDefault && <p className="history-sample" data-testid="history-plugin-default">{t('history.pluginDefault')}</p>}
      <h3>{t('history.changes')}</h3>
      <Revisions entries={target.history} metric={metric} none={t('history.targetNone')} />
    </section>
  )
}
