import { Suspense, useContext, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { useMutation, useQuery } from 'urql'
import { OrgUnitPicker } from './components/OrgUnitPicker.tsx'
import { PeriodPicker } from './components/PeriodPicker.tsx'
import { Loading, QueryError } from './components/QueryState.tsx'
import { graphql, type ResultOf } from './graphql.ts'
import { LoginScreen } from './screens/LoginScreen.tsx'
import { ShellContext, useView } from './view.ts'
import { ApprovalQueue } from './returns/documents.ts'
import { monthAfter } from './returns/months.ts'
import { useQueueContext } from './returns/queue.ts'

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { login name role orgUnit { key } }
    installation { zh: name en: name(locale: "en") }
  }
`)

/** The installation's name in the page's language (a city's platform is titled after its city); the app's own while it loads. */
export function useAppTitle(): string {
  const { t, i18n } = useTranslation()
  const [{ data }] = useQuery({ query: ViewerQuery })
  const names = data?.installation
  const title = names ? (i18n.language === 'en' ? names.en : names.zh) : t('app.title')
  // The tab's title too: index.html's is the default installation's.
  useEffect(() => {
    if (names) document.title = title
  }, [names, title])
  return title
}

const ShellQuery = graphql(`
  query Shell {
    dataRange { to }
    orgUnits { key parent { key } }
  }
`)

const LogoutMutation = graphql(`
  mutation Logout { logout }
`)

type Viewer = NonNullable<ResultOf<typeof ViewerQuery>['viewer']>

/** Who is signed in decides the page: the sign-in form for no one, the dashboard otherwise. */
export function Shell() {
  const title = useAppTitle()
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ViewerQuery })
  if (fetching && !data) return <Loading />
  if (error || !data) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data.viewer) {
    return (
      <>
        <header className="app-header">
          <h1 data-testid="app-title">{title}</h1>
          <LanguageSwitch />
        </header>
        {/* A new page after signing in: nothing read before it is kept. */}
        <main className="app-main"><LoginScreen onSignedIn={() => window.location.reload()} /></main>
      </>
    )
  }
  return <SignedIn viewer={data.viewer} />
}

function SignedIn({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation()
  const title = useAppTitle()
  const [{ data, error }, reexecute] = useQuery({ query: ShellQuery })
  // The page is drawn at once: a screen whose period the URL names asks for its data beside
  // this query, not after it (view.ts: periodKnown).
  if (error) return <QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
  const shell = {
    lastDataDay: data?.dataRange.to ?? new Date().toISOString().slice(0, 10),
    // A REPORTER's dashboard opens on their own unit and offers no other.
    rootKey: viewer.orgUnit?.key ?? data?.orgUnits.find((u) => u.parent === null)?.key ?? '',
    ready: data !== undefined,
    // Until the shell's list answers, a REPORTER reaches their own unit: no FORBIDDEN asked for.
    reach: viewer.orgUnit ? new Set(data?.orgUnits.map((u) => u.key) ?? [viewer.orgUnit.key]) : null,
  }
  return (
    <ShellContext.Provider value={shell}>
      <header className="app-header">
        {/* The one h1 of every page: the screens' own titles are h2 and below. */}
        <h1 data-testid="app-title">
          <Link to={{ pathname: '/', search: window.location.search }}>{title}</Link>
        </h1>
        <Toolbar viewer={viewer} />
      </header>
      <main className="app-main">
        <p className="banner no-print" role="note">{t('sample.banner')}</p>
        <OutOfReachNote />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </ShellContext.Provider>
  )
}

/** Says why a REPORTER sees their own unit and not the one the link named; one click tidies the link. */
function OutOfReachNote() {
  const { t } = useTranslation()
  const view = useView()
  const shell = useContext(ShellContext)
  if (!view.outOfReach || !shell.ready) return null
  return (
    <p className="banner warning-banner no-print" role="status" data-testid="out-of-reach">
      {t('orgUnit.outOfReach')}{' '}
      <button type="button" className="btn small" onClick={() => view.setOrgUnit(shell.rootKey)}>{t('orgUnit.ownUnit')}</button>
    </p>
  )
}

function LanguageSwitch() {
  const { t } = useTranslation()
  const view = useView()
  return (
    <div className="control-group no-print" role="group" aria-label={t('app.language')} data-testid="language">
      {(['zh-CN', 'en'] as const).map((locale) => (
        <button key={locale} type="button" className="btn" lang={locale} aria-pressed={view.locale === locale} onClick={() => view.setLocale(locale)}>
          {locale === 'en' ? 'English' : '中文'}
        </button>
      ))}
    </div>
  )
}

function Toolbar({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation()
  const [, logout] = useMutation(LogoutMutation)
  const entering = /^\/(returns|approvals|completeness|targets)(\/|$)/.test(useLocation().pathname)
  const signOut = async () => {
    await logout({})
    window.location.assign('/')
  }
  return (
    <div className="toolbar no-print">
      {/* A return and the queue name their own unit and month: the dashboard's pickers would mislead there. */}
      {!entering && <PeriodPicker />}
      {!entering && <OrgUnitPicker />}
      <LanguageSwitch />
      <button type="button" className="btn" onClick={() => window.print()}>{t('actions.print')}</button>
      <span className="viewer" data-testid="viewer">
        <span>{viewer.name} · {t(`role.${viewer.role}`)}</span>
        {/* Only an administrator may open it; the page says so to anyone else who finds it. */}
        {viewer.role === 'ADMIN' && <Link className="btn" to="/accounts" data-testid="accounts-link">{t('accounts.link')}</Link>}
        {viewer.role === 'REPORTER' && viewer.orgUnit && <ReturnLink unit={viewer.orgUnit.key} />}
        {(viewer.role === 'LEADER' || viewer.role === 'ADMIN') && <ApprovalsLink />}
        {(viewer.role === 'LEADER' || viewer.role === 'ADMIN') && <Link className="btn" to="/targets" data-testid="targets-link">{t('targets.link')}</Link>}
        {viewer.role !== 'REPORTER' && <Link className="btn" to="/completeness" data-testid="completeness-link">{t('completeness.link')}</Link>}
        <Link className="btn" to="/tokens" data-testid="tokens-link">{t('tokens.link')}</Link>
        <button type="button" className="btn" onClick={() => void signOut()} data-testid="logout">{t('login.logout')}</button>
      </span>
    </div>
  )
}

/** A clerk's own unit's return, for the month after the last with figures (the screen picks others). */
function ReturnLink({ unit }: { unit: string }) {
  const { t } = useTranslation()
  const shell = useContext(ShellContext)
  // Its month comes from the last day with figures: not offered before that is known.
  if (!shell.ready) return null
  return <Link className="btn" to={`/returns/${unit}/${monthAfter(shell.lastDataDay)}`} data-testid="returns-link">{t('returns.link')}</Link>
}

/** The approval queue, with how many returns wait in it. */
function ApprovalsLink() {
  const { t, i18n } = useTranslation()
  const [{ data }] = useQuery({ query: ApprovalQueue, variables: { locale: i18n.language === 'en' ? 'en' : 'zh-CN' }, context: useQueueContext() })
  const count = data?.approvalQueue.length ?? 0
  return (
    <Link className="btn" to="/approvals" data-testid="approvals-link">
      {t('approvals.link')}
      {count > 0 && <span className="count-badge" data-testid="approvals-count">{count}</span>}
    </Link>
  )
}
