import { Card, Col, Flex, Row, Spin, Statistic, Switch, Tag, Typography } from 'antd'
import { startTransition, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { AreaTable, AreaTableRow } from '../components/AreaTable.tsx'
import { StatusTag, XlsxButton } from '../components/Cells.tsx'
import { Nothing, QueryError } from '../components/QueryState.tsx'
import { graphql, readFragment } from '../graphql.ts'
import { yearOf } from '../period.ts'
import { spanLabel } from '../period-label.ts'
import { dataThroughNote } from '../format.ts'
import { byUrgency, statusStyles, type Status } from '../status.ts'
import { useView } from '../view.ts'

const ScorecardQuery = graphql(
  `
  query Scorecard($period: PeriodInput!, $orgUnit: ID, $locale: String) {
    scorecard(period: $period, orgUnit: $orgUnit) {
      period from to score maxScore scoreOn100 status dataThrough
      orgUnit { key name(locale: $locale) }
      areas {
        area { key name(locale: $locale) }
        score maxScore status scored
        rows { status ...AreaTableRow }
      }
    }
  }
`,
  [AreaTableRow],
)

/** The leader's first screen: every area, its score and status, every metric against target. */
export function ScorecardScreen() {
  const { t } = useTranslation()
  const view = useView()
  const [onlyBehind, setOnlyBehind] = useState(false)
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ScorecardQuery,
    variables: { period: view.period, orgUnit: view.orgUnit || null, locale: view.locale },
  })
  // The first areas are drawn at once, the rest in a transition right after: a screen of
  // some twenty tables is readable before the last of them is laid out.
  const [showAll, setShowAll] = useState(false)
  useEffect(() => {
    if (data && !showAll) startTransition(() => setShowAll(true))
  }, [data, showAll])
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />
  const card = data.scorecard
  const statuses = card.areas.flatMap((a) => a.rows.map((r) => r.status))
  // Each status that occurs, the most urgent first.
  const counts = new Map<Status, number>()
  for (const s of [...statuses].sort(byUrgency)) counts.set(s, (counts.get(s) ?? 0) + 1)
  const empty = statuses.every((s) => s === 'NO_DATA')
  const areas = card.areas
    .map((a) => ({ ...a, rows: onlyBehind ? a.rows.filter((r) => r.status === 'BEHIND') : a.rows }))
    .filter((a) => !onlyBehind || a.rows.length > 0)
  const periodText = spanLabel(card.from, card.to, view.locale)

  return (
    <Spin spinning={fetching} delay={200}>
      <div data-testid="scorecard" data-period={card.period} data-org-unit={card.orgUnit.key}>
        <Card style={{ marginBottom: 16 }}>
          <Flex justify="space-between" align="center" wrap gap={16}>
            <div>
              <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="scorecard-heading">
                {card.orgUnit.name} · {periodText}
              </Typography.Title>
              {card.dataThrough && (
                <Typography.Text type="warning" data-testid="data-through" style={{ display: 'block', marginTop: 4 }}>
                  {dataThroughNote(card.from, card.dataThrough, view.locale)}
                </Typography.Text>
              )}
              <Flex gap={4} style={{ marginTop: 8 }} wrap>
                {[...counts].map(([s, n]) => (
                  <Tag key={s} color={statusStyles[s].tag}>{t(`status.${s}`)} {n}</Tag>
                ))}
              </Flex>
            </div>
            <Flex gap={24} align="center">
              <Statistic
                title={t('score.overall')}
                value={card.score ?? '—'}
                suffix={card.maxScore ? `/ ${card.maxScore}` : undefined}
                data-testid="overall-score"
              />
              <Flex vertical gap={4} align="start">
                <StatusTag status={card.status} />
                {card.maxScore !== null && card.maxScore !== 100 && card.scoreOn100 !== null && (
                  <Typography.Text type="secondary" data-testid="score-on-100" title={t('score.on100Tip')}>
                    {t('score.on100', { score: card.scoreOn100 })}
                  </Typography.Text>
                )}
              </Flex>
              <label className="no-print">
                <Flex gap={8} align="center">
                  <Switch checked={onlyBehind} onChange={setOnlyBehind} data-testid="only-behind" />
                  {t('actions.onlyBehind')}
                </Flex>
              </label>
              <XlsxButton
                fileName={`scorecard-${card.orgUnit.key}-${card.period}`}
                build={() => ({
                  ...card,
                  periodLabel: periodText,
                  note: card.dataThrough && dataThroughNote(card.from, card.dataThrough, view.locale),
                  areas: card.areas.map((a) => ({ ...a, rows: a.rows.map((r) => readFragment(AreaTableRow, r)) })),
                })}
              />
            </Flex>
          </Flex>
        </Card>
        {empty && <Nothing reason={t('empty.noScorecard')} />}
        {onlyBehind && areas.length === 0 && <Nothing reason={t('empty.nothingBehind')} />}
        <Row gutter={[16, 16]}>
          {(showAll ? areas : areas.slice(0, 2)).map((a) => (
            <Col span={24} key={a.area.key}>
              <Card
                data-testid={`area-${a.area.key}`}
                title={
                  <Flex gap={12} align="center">
                    <Link to={{ pathname: `/areas/${a.area.key}`, search: view.search }}>{a.area.name}</Link>
                    {a.scored ? <StatusTag status={a.status} /> : <Tag>{t('score.monitored')}</Tag>}
                  </Flex>
                }
                extra={
                  <Typography.Text strong data-testid={`area-score-${a.area.key}`}>
                    {a.maxScore ? `${t('score.area')} ${a.score} / ${a.maxScore}` : t('score.none')}
                  </Typography.Text>
                }
              >
                <AreaTable
                  rows={a.rows}
                  locale={view.locale}
                  year={yearOf(view.period)}
                  search={view.search}
                  fileName={`${a.area.key}-${card.orgUnit.key}-${card.period}`}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </Spin>
  )
}
