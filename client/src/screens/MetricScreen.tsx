import { Card, Col, Descriptions, Empty, List, Row, Spin, Table, Tag, Typography } from 'antd'
import { useContext, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AntdScope } from '../components/AntdScope.tsx'
import { Link, useLocation, useParams } from 'react-router'
import { useQuery } from 'urql'
import { ExportButton, markColors, ReportMark, SourceTag, StatusTag, ValueCell } from '../components/Cells.tsx'
import { EChart } from '../components/EChart.tsx'
import { QueryError } from '../components/QueryState.tsx'
import { monthChartOption, yearChartOption } from '../charts.ts'
import { dataThroughNote, formatPercent, formatValue } from '../format.ts'
import { graphql, type ResultOf } from '../graphql.ts'
import { HistoryProvider } from '../history/open.tsx'
import { seriesSpans, yearOf } from '../period.ts'
import { spanLabel } from '../period-label.ts'
import { ReturnsBannerFor } from '../summary/ReturnsBanner.tsx'
import { ShellContext, useView } from '../view.ts'

const MetricQuery = graphql(`
  query Metric($key: ID!, $period: PeriodInput!, $orgUnit: ID, $locale: String,
               $yearsFrom: Date!, $to: Date!, $thisYear: Date!, $lastYear: Date!, $lastYearEnd: Date!) {
    period(period: $period) { label from to dataThrough }
    metric(key: $key) {
      key name(locale: $locale) unit unitName(locale: $locale) kind direction targetRule granularity weight scoringRule
      area { key name(locale: $locale) }
      numerator {
        key name(locale: $locale) unit kind
        reported: figures(source: REPORT) { id value periodStart periodEnd orgUnit { name(locale: $locale) } provenance { sentence } }
      }
      denominator {
        key name(locale: $locale) unit kind
        reported: figures(source: REPORT) { id value periodStart periodEnd orgUnit { name(locale: $locale) } provenance { sentence } }
      }
      reported: figures(source: REPORT) {
        id value unitsTotal periodStart periodEnd orgUnit { name(locale: $locale) }
        provenance { section sentence stated qualifier report spanAssumption(locale: $locale) }
      }
      breakdown(period: $period) { orgUnit { key name(locale: $locale) } rank actual target completion status actualSources targetSources }
      years: series(granularity: YEAR, from: $yearsFrom, to: $to, orgUnit: $orgUnit) { period actual target }
      thisYear: series(granularity: MONTH, from: $thisYear, to: $to, orgUnit: $orgUnit) { period actual }
      lastYear: series(granularity: MONTH, from: $lastYear, to: $lastYearEnd, orgUnit: $orgUnit) { period actual }
    }
  }
`)

const FiguresQuery = graphql(`
  query MetricFigures($key: ID!, $orgUnit: ID, $from: Date, $to: Date, $locale: String) {
    metric(key: $key) {
      key
      figures(orgUnit: $orgUnit, from: $from, to: $to) {
        id value periodStart periodEnd source note orgUnit { key name(locale: $locale) }
      }
    }
  }
`)

type Metric = NonNullable<ResultOf<typeof MetricQuery>['metric']>
type UnitRow = Metric['breakdown'][number]

/** A metric: its definition, its report sentence, its series, its units, every stored figure. */
function MetricScreenContent() {
  const { t } = useTranslation()
  const { metricKey = '' } = useParams()
  const view = useView()
  const year = yearOf(view.period)
  const [{ data, error }, reexecute] = useQuery({
    query: MetricQuery,
    variables: {
      key: metricKey, period: view.period, orgUnit: view.orgUnitArg, locale: view.locale,
      ...seriesSpans(year),
    },
    pause: !view.periodKnown,
  })
  // A 报告 mark links here with #report-figures: the report's sentence, once it is drawn.
  const { hash } = useLocation()
  const loaded = !!data?.metric
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView()
  }, [loaded, hash])
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data?.metric) return <Spin style={{ display: 'block', margin: 48 }} />
  const { metric, period } = data
  const labels = { actual: t('area.actual'), target: t('area.target'), thisYear: t('metric.thisYear', { year }), lastYear: t('metric.lastYear', { year: year - 1 }) }
  const dash = '—'
  // Each unit's actual and target, and each stored figure, open where they came from (history/).
  const span = { from: period.from, to: period.to, period: view.period }
  // A rate the report gives only as its counts: computed from them, not "no data".
  const derivedFromReport = metric.kind === 'RATE' && !!metric.numerator?.reported.length && !!metric.denominator?.reported.length

  return (
    <div data-testid="metric-screen" data-metric={metric.key}>
      <Typography.Title level={2} style={{ fontSize: 24 }} data-testid="metric-name">
        <Link to={{ pathname: `/areas/${metric.area.key}`, search: view.search }}>{metric.area.name}</Link> / {metric.name}
      </Typography.Title>
      {period.dataThrough && (
        <Typography.Paragraph type="warning" data-testid="data-through">{dataThroughNote(period.from, period.dataThrough, view.locale)}</Typography.Paragraph>
      )}
      <ReturnsBannerFor period={view.period} orgUnit={view.orgUnitArg ?? undefined} locale={view.locale} />

      <Card title={t('metric.fromReport')} style={{ marginBottom: 16 }} data-testid="report-figures" id="report-figures">
        {metric.reported.length === 0 && derivedFromReport ? (
          <div data-testid="report-derived">
            <Typography.Paragraph title={t('report.fromCountsTip')}>
              <Tag variant="outlined" style={{ ...markColors.REPORT, marginInlineEnd: 8 }}>{t('report.tag')}</Tag>
              {t('report.fromCounts')}
            </Typography.Paragraph>
            {metric.numerator!.reported.map((n) => {
              const d = metric.denominator!.reported.find((f) => f.periodStart === n.periodStart && f.periodEnd === n.periodEnd && f.orgUnit.name === n.orgUnit.name)
              return d && d.value !== 0 ? (
                <Typography.Paragraph key={n.id} strong data-testid="report-derived-value">
                  {formatValue(n.value, metric.numerator!, view.locale)} ÷ {formatValue(d.value, metric.denominator!, view.locale)} = {formatValue(n.value / d.value, metric, view.locale)}
                  {' · '}{spanLabel(n.periodStart, n.periodEnd, view.locale)}
                </Typography.Paragraph>
              ) : null
            })}
            {[metric.numerator, metric.denominator].map((part) => part && (
              <div key={part.key} style={{ marginBottom: 8 }}>
                <Typography.Text strong>
                  {t(part === metric.numerator ? 'metric.numerator' : 'metric.denominator')}:{' '}
                  <Link to={{ pathname: `/metrics/${part.key}`, search: view.search }}>{part.name}</Link>
                </Typography.Text>
                {part.reported.map((f) => (
                  <div key={f.id} data-testid="report-part">
                    {formatValue(f.value, part, view.locale)} · {spanLabel(f.periodStart, f.periodEnd, view.locale)} · {f.orgUnit.name}
                    {f.provenance && (
                      <blockquote style={{ margin: '4px 0', paddingLeft: 12, borderLeft: '3px solid #1d4f91', color: '#262626' }}>{f.provenance.sentence}</blockquote>
                    )}
                  </div>
                ))}
              </div>
            ))}
          </div>
        ) : metric.reported.length === 0 ? (
          <Empty description={t('empty.noData')} />
        ) : (
          <List
            dataSource={metric.reported}
            renderItem={(f) => (
              <List.Item key={f.id}>
                {/* The figure leads its item as bold text, not as List.Item.Meta's title: that is an h4,
                    which would skip a heading level under the screen's h2. */}
                <List.Item.Meta
                  description={
                    <>
                    <div data-testid="report-value" style={{ fontWeight: 600, color: '#262626' }}>
                      <ReportMark sources={['REPORT']} />{' '}
                      {formatValue(f.value, metric, view.locale)} · {spanLabel(f.periodStart, f.periodEnd, view.locale)} · {f.orgUnit.name}
                      {f.provenance?.qualifier && <Typography.Text type="secondary"> {t(`qualifier.${f.provenance.qualifier}`)}</Typography.Text>}
                    </div>
                    {f.provenance && (
                      <>
                        <blockquote style={{ margin: '4px 0', paddingLeft: 12, borderLeft: '3px solid #1d4f91', color: '#262626' }} data-testid="report-sentence">
                          {f.provenance.sentence}
                        </blockquote>
                        <Typography.Text type="secondary">
                          {t('metric.stated')}: “{f.provenance.stated}” · {f.provenance.section && `${t('metric.section')}: ${f.provenance.section} · `}{f.provenance.report}
                        </Typography.Text>
                        {f.provenance.spanAssumption && (
                          <div data-testid="span-assumption">
                            <Typography.Text type="secondary">{t('metric.spanAssumed')}: {f.provenance.spanAssumption}</Typography.Text>
                          </div>
                        )}
                        {f.unitsTotal !== null && (
                          <div data-testid="units-total">
                            <Typography.Text type={f.unitsTotal === f.value ? 'success' : 'warning'}>
                              {f.unitsTotal === f.value
                                ? t('metric.unitsAgree', { total: formatValue(f.unitsTotal, metric, view.locale) })
                                : t('metric.unitsDiffer', { total: formatValue(f.unitsTotal, metric, view.locale) })}
                            </Typography.Text>
                          </div>
                        )}
                      </>
                    )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('metric.definition')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" data-testid="metric-definition">
              <Descriptions.Item label={t('metric.kind')}>{t(`kind.${metric.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('columns.unit')}>{metric.unit === '%' ? '%' : `${metric.unit} (${metric.unitName})`}</Descriptions.Item>
              <Descriptions.Item label={t('metric.direction')}>{t(`direction.${metric.direction}`)}</Descriptions.Item>
              <Descriptions.Item label={t('metric.targetRule')}>{t(`targetRule.${metric.targetRule}`)}</Descriptions.Item>
              <Descriptions.Item label={t('metric.weight')}>{metric.weight ?? t('metric.unscored')}</Descriptions.Item>
              <Descriptions.Item label={t('metric.scoringRule')}>{metric.scoringRule ? t(`scoringRule.${metric.scoringRule}`) : dash}</Descriptions.Item>
              {metric.numerator && (
                <Descriptions.Item label={t('metric.numerator')}>
                  <Link to={{ pathname: `/metrics/${metric.numerator.key}`, search: view.search }}>{metric.numerator.name}</Link>
                </Descriptions.Item>
              )}
              {metric.denominator && (
                <Descriptions.Item label={t('metric.denominator')}>
                  <Link to={{ pathname: `/metrics/${metric.denominator.key}`, search: view.search }}>{metric.denominator.name}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('metric.series')} style={{ marginBottom: 16 }}>
            <Row gutter={8}>
              <Col span={12}><EChart option={yearChartOption(metric.years, metric, view.locale, labels)} height={240} testId="chart-years" /></Col>
              <Col span={12}><EChart option={monthChartOption(metric.thisYear, metric.lastYear, metric, view.locale, labels)} height={240} testId="chart-months" /></Col>
            </Row>
          </Card>
        </Col>
      </Row>

      <Card
        title={`${t('metric.stations')} · ${spanLabel(period.from, period.to, view.locale)}`}
        style={{ marginBottom: 16 }}
        extra={
          <ExportButton
            fileName={`${metric.key}-units-${period.label}`}
            metric={metric}
            rows={metric.breakdown}
            columns={[
              { title: t('columns.rank'), value: (r) => r.rank },
              { title: t('columns.orgUnit'), value: (r) => r.orgUnit.name },
              { title: t('columns.actual'), value: (r) => r.actual },
              { title: t('columns.target'), value: (r) => r.target },
              { title: t('columns.completion'), value: (r) => r.completion },
              { title: t('columns.status'), value: (r) => t(`status.${r.status}`) },
            ]}
          />
        }
      >
        {/* On a phone the table scrolls inside its box, not the page. */}
        <div style={{ overflowX: 'auto' }}>
          <Table<UnitRow>
            size="small"
            rowKey={(r) => r.orgUnit.key}
            pagination={false}
            dataSource={metric.breakdown}
            data-testid="metric-breakdown"
            columns={[
              { title: t('columns.rank'), key: 'rank', render: (_, r) => r.rank ?? dash, sorter: (a, b) => (a.rank ?? 99) - (b.rank ?? 99), defaultSortOrder: 'ascend' },
              { title: t('columns.orgUnit'), key: 'unit', render: (_, r) => (r.orgUnit.key === view.orgUnit ? <strong>{r.orgUnit.name}</strong> : r.orgUnit.name) },
              { title: t('columns.actual'), key: 'actual', align: 'right', render: (_, r) => <ValueCell value={r.actual} metric={metric} locale={view.locale} sources={r.actualSources} history="actual" scope={{ ...span, orgUnit: r.orgUnit }} /> },
              { title: t('columns.target'), key: 'target', align: 'right', render: (_, r) => <ValueCell value={r.target} metric={metric} locale={view.locale} sources={r.targetSources} history="target" scope={{ ...span, orgUnit: r.orgUnit }} /> },
              { title: t('columns.completion'), key: 'completion', align: 'right', render: (_, r) => (r.completion === null ? dash : formatPercent(r.completion, view.locale)) },
              { title: t('columns.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
            ]}
          />
        </div>
      </Card>

      <StoredFigures metric={metric} from={period.from} to={period.to} />
    </div>
  )
}

function StoredFigures({ metric, from, to }: { metric: Metric; from: string; to: string }) {
  const { t } = useTranslation()
  const view = useView()
  const { rootKey } = useContext(ShellContext)
  // At the district, every unit's figures: the ledger the district totals are computed from.
  const orgUnit = view.orgUnit && view.orgUnit !== rootKey ? view.orgUnit : null
  const [{ data, error }] = useQuery({ query: FiguresQuery, variables: { key: metric.key, orgUnit, from, to, locale: view.locale } })
  type Figure = NonNullable<ResultOf<typeof FiguresQuery>['metric']>['figures'][number]
  const figures = data?.metric?.figures ?? []
  return (
    <Card
      title={`${t('metric.figures')} · ${spanLabel(from, to, view.locale)}`}
      extra={
        <ExportButton
          fileName={`${metric.key}-figures-${from}-${to}`}
          metric={metric}
          rows={figures}
          columns={[
            { title: t('columns.orgUnit'), value: (f) => f.orgUnit.name },
            { title: 'period_start', value: (f) => f.periodStart },
            { title: 'period_end', value: (f) => f.periodEnd },
            { title: t('columns.value'), value: (f) => f.value },
            { title: t('columns.source'), value: (f) => f.source },
            { title: t('columns.note'), value: (f) => f.note },
          ]}
        />
      }
    >
      {error ? (
        <QueryError error={error} />
      ) : (
        <Table<Figure>
          size="small"
          loading={!data}
          rowKey={(f) => f.id}
          dataSource={figures}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('empty.noFigures') }}
          data-testid="stored-figures"
          columns={[
            { title: t('columns.orgUnit'), key: 'unit', render: (_, f) => f.orgUnit.name },
            { title: t('columns.period'), key: 'period', render: (_, f) => spanLabel(f.periodStart, f.periodEnd, view.locale), sorter: (a, b) => a.periodStart.localeCompare(b.periodStart) },
            { title: t('columns.value'), key: 'value', align: 'right', render: (_, f) => <ValueCell value={f.value} metric={metric} locale={view.locale} history="actual" scope={{ orgUnit: f.orgUnit, from: f.periodStart, to: f.periodEnd, period: { from: f.periodStart, to: f.periodEnd } }} />, sorter: (a, b) => a.value - b.value },
            { title: t('columns.source'), key: 'source', render: (_, f) => <SourceTag source={f.source} /> },
            { title: t('columns.note'), dataIndex: 'note', key: 'note' },
          ]}
        />
      )}
    </Card>
  )
}

export default function MetricScreen() {
  return (
    <AntdScope>
      <HistoryProvider>
        <MetricScreenContent />
      </HistoryProvider>
    </AntdScope>
  )
}
