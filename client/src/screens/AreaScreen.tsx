import { Card, Col, Empty, Row, Spin, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AntdScope } from '../components/AntdScope.tsx'
import { Link, useParams } from 'react-router'
import { useQuery } from 'urql'
import { ExportButton, StatusTag } from '../components/Cells.tsx'
import { EChart } from '../components/EChart.tsx'
import { QueryError } from '../components/QueryState.tsx'
import { monthChartOption, yearChartOption } from '../charts.ts'
import { graphql, type ResultOf } from '../graphql.ts'
import { dataThroughNote } from '../format.ts'
import { seriesSpans, yearOf } from '../period.ts'
import { spanLabel } from '../period-label.ts'
import { ReturnsBannerFor } from '../summary/ReturnsBanner.tsx'
import { useView } from '../view.ts'

const AreaQuery = graphql(`
  query Area($key: ID!, $period: PeriodInput!, $orgUnit: ID, $locale: String,
             $yearsFrom: Date!, $to: Date!, $thisYear: Date!, $lastYear: Date!, $lastYearEnd: Date!) {
    period(period: $period) { from to dataThrough }
    area(key: $key) {
      key name(locale: $locale)
      breakdown(period: $period) { orgUnit { key name(locale: $locale) } rank score maxScore status behind met }
      metrics {
        key name(locale: $locale) unit kind
        years: series(granularity: YEAR, from: $yearsFrom, to: $to, orgUnit: $orgUnit) { period actual target }
        thisYear: series(granularity: MONTH, from: $thisYear, to: $to, orgUnit: $orgUnit) { period actual }
        lastYear: series(granularity: MONTH, from: $lastYear, to: $lastYearEnd, orgUnit: $orgUnit) { period actual }
      }
    }
  }
`)

type UnitScore = ResultOf<typeof AreaQuery>['area'] extends infer A ? (A extends { breakdown: (infer R)[] } ? R : never) : never

/** An area: each metric by year against target and this year against last, and the units ranked. */
function AreaScreenContent() {
  const { t } = useTranslation()
  const { areaKey = '' } = useParams()
  const view = useView()
  const year = yearOf(view.period)
  const [{ data, error }, reexecute] = useQuery({
    query: AreaQuery,
    variables: {
      key: areaKey, period: view.period, orgUnit: view.orgUnitArg, locale: view.locale,
      ...seriesSpans(year),
    },
    pause: !view.periodKnown,
  })
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data?.area) return <Spin style={{ display: 'block', margin: 48 }} />
  const area = data.area
  const labels = { actual: t('area.actual'), target: t('area.target'), thisYear: t('metric.thisYear', { year }), lastYear: t('metric.lastYear', { year: year - 1 }) }
  const columns = [
    { title: t('columns.rank'), key: 'rank', render: (_: unknown, r: UnitScore) => r.rank ?? '—', sorter: (a: UnitScore, b: UnitScore) => (a.rank ?? 99) - (b.rank ?? 99), defaultSortOrder: 'ascend' as const },
    { title: t('columns.orgUnit'), key: 'unit', render: (_: unknown, r: UnitScore) => (r.orgUnit.key === view.orgUnit ? <strong>{r.orgUnit.name}</strong> : r.orgUnit.name) },
    { title: t('columns.score'), key: 'score', align: 'right' as const, render: (_: unknown, r: UnitScore) => (r.maxScore ? `${r.score} / ${r.maxScore}` : '—') },
    { title: t('columns.status'), key: 'status', render: (_: unknown, r: UnitScore) => <StatusTag status={r.status} /> },
    { title: t('columns.behind'), dataIndex: 'behind', key: 'behind', align: 'right' as const },
    { title: t('columns.met'), dataIndex: 'met', key: 'met', align: 'right' as const },
  ]
  return (
    <div data-testid="area-screen" data-area={area.key}>
      <Typography.Title level={2} style={{ fontSize: 24 }}>{area.name}</Typography.Title>
      {data.period.dataThrough && (
        <Typography.Paragraph type="warning" data-testid="data-through">{dataThroughNote(data.period.from, data.period.dataThrough, view.locale)}</Typography.Paragraph>
      )}
      <ReturnsBannerFor period={view.period} orgUnit={view.orgUnitArg ?? undefined} locale={view.locale} />
      <Card title={`${t('area.stations')} · ${spanLabel(data.period.from, data.period.to, view.locale)}`} style={{ marginBottom: 16 }} extra={
        <ExportButton
          fileName={`${area.key}-units`}
          rows={area.breakdown}
          columns={[
            { title: t('columns.rank'), value: (r) => r.rank },
            { title: t('columns.orgUnit'), value: (r) => r.orgUnit.name },
            { title: t('columns.score'), value: (r) => r.score },
            { title: 'max', value: (r) => r.maxScore },
            { title: t('columns.behind'), value: (r) => r.behind },
            { title: t('columns.met'), value: (r) => r.met },
          ]}
        />
      }>
        <Table<UnitScore> size="small" rowKey={(r) => r.orgUnit.key} columns={columns} dataSource={area.breakdown} pagination={false} data-testid="area-breakdown" />
      </Card>
      <Typography.Title level={3} style={{ fontSize: 20 }}>{t('area.metrics')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {area.metrics.map((m) => (
          <Col xs={24} xl={12} key={m.key}>
            <Card size="small" title={<Link to={{ pathname: `/metrics/${m.key}`, search: view.search }}>{m.name}</Link>} data-testid={`metric-charts-${m.key}`}>
              {m.years.every((p) => p.actual === null) ? (
                <Empty description={t('empty.noData')} />
              ) : (
                <Row gutter={8}>
                  <Col span={12}>
                    <Typography.Text type="secondary">{t('area.byYear')}</Typography.Text>
                    <EChart option={yearChartOption(m.years, m, view.locale, labels)} height={220} />
                  </Col>
                  <Col span={12}>
                    <Typography.Text type="secondary">{t('area.byMonth', { year, last: year - 1 })}</Typography.Text>
                    <EChart option={monthChartOption(m.thisYear, m.lastYear, m, view.locale, labels)} height={220} />
                  </Col>
                </Row>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  )
}

export default function AreaScreen() {
  return (
    <AntdScope>
      <AreaScreenContent />
    </AntdScope>
  )
}
