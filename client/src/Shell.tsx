import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useQuery } from 'urql'
import { OrgUnitPicker } from './components/OrgUnitPicker.tsx'
import { PeriodPicker } from './components/PeriodPicker.tsx'
import { Loading, QueryError } from './components/QueryState.tsx'
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
  const [{ data, error }, reexecute] = useQuery({ query: ShellQuery })
  // The page is drawn at once: a screen whose period the URL names asks for its data beside
  // this query, not after it (view.ts: periodKnown).
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  const shell = {
    lastDataDay: data?.dataRange.to ?? new Date().toISOString().slice(0, 10),
    rootKey: data?.orgUnits.find((u) => u.parent === null)?.key ?? '',
    ready: data !== undefined,
  }
  return (
    <ShellContext.Provider value={shell}>
      <header className="app-header">
        {/* The one h1 of every page: the screens' own titles are h2 and below. */}
        <h1 data-testid="app-title">
          <Link to={{ pathname: '/', search: window.location.search }}>{t('app.title')}</Link>
        </h1>
        <Toolbar />
      </header>
      <main className="app-main">
        <p className="banner no-print" role="note">{t('sample.banner')}</p>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </ShellContext.Provider>
  )
}

function Toolbar() {
  const { t } = useTranslation()
  const view = useView()
  return (
    <div className="toolbar no-print">
      <PeriodPicker />
      <OrgUnitPicker />
      <div className="control-group" role="group" aria-label={t('app.language')} data-testid="language">
        {(['zh-CN', 'en'] as const).map((locale) => (
          <button key={locale} type="button" className="btn" lang={locale} aria-pressed={view.locale === locale} onClick={() => view.setLocale(locale)}>
            {locale === 'en' ? 'English' : '中文'}
          </button>
        ))}
      </div>
      <button type="button" className="btn" onClick={() => window.print()}>{t('actions.print')}</button>
    </div>
  )
}
