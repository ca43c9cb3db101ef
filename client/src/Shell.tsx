import { Alert, Button, Flex, Layout, Segmented, Spin, Typography } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useQuery } from 'urql'
import { OrgUnitPicker } from './components/OrgUnitPicker.tsx'
import { PeriodPicker } from './components/PeriodPicker.tsx'
import { QueryError } from './components/QueryState.tsx'
import { graphql } from './graphql.ts'
import { ShellContext, useView } from './view.ts'

const ShellQuery = graphql(`
  query Shell {
    dataRange { to }
    orgUnits { key parent { key } }
  }
`)

export function Shell() {
  const { t } = useTranslation()
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ShellQuery })
  if (fetching && !data) return <Spin fullscreen />
  if (error || !data) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  const shell = {
    lastDataDay: data.dataRange.to ?? new Date().toISOString().slice(0, 10),
    rootKey: data.orgUnits.find((u) => u.parent === null)?.key ?? '',
  }
  return (
    <ShellContext.Provider value={shell}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ background: '#1d4f91', height: 'auto', lineHeight: 1.4, padding: '12px 24px' }}>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Link to={{ pathname: '/', search: window.location.search }}>
              {/* The one h1 of every page: the screens' own titles are h2 and below. */}
              <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 24 }} data-testid="app-title">
                {t('app.title')}
              </Typography.Title>
            </Link>
            <Toolbar />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: '16px 24px', maxWidth: 1600, width: '100%', margin: '0 auto' }}>
          <Alert className="no-print" type="info" showIcon title={t('sample.banner')} style={{ marginBottom: 16 }} />
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </ShellContext.Provider>
  )
}

function Toolbar() {
  const { t } = useTranslation()
  const view = useView()
  return (
    <Flex className="no-print" gap={8} wrap align="center">
      <PeriodPicker />
      <OrgUnitPicker />
      <Segmented
        data-testid="language"
        value={view.locale}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        onChange={(value) => view.setLocale(value as 'zh-CN' | 'en')}
      />
      <Button onClick={() => window.print()}>{t('actions.print')}</Button>
    </Flex>
  )
}
