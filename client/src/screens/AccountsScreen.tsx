import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery, type CombinedError } from 'urql'
import { AccountError, OnceSecret, type Shown } from '../components/AccountParts.tsx'
import { NewAccountForm } from '../components/NewAccountForm.tsx'
import { Loading, QueryError } from '../components/QueryState.tsx'
import { graphql, type ResultOf } from '../graphql.ts'
import { useView } from '../view.ts'
import './accounts.css'

const AccountsQuery = graphql(`
  query Accounts($locale: String) {
    viewer { login }
    users { login name role orgUnit { key name(locale: $locale) } disabled createdAt createdBy }
    orgUnits { key name(locale: $locale) parent { key } }
  }
`)

const DisableUser = graphql(`
  mutation DisableUser($login: String!) { disableUser(login: $login) { login disabled } }
`)

const EnableUser = graphql(`
  mutation EnableUser($login: String!) { enableUser(login: $login) { login disabled } }
`)

const ResetPassword = graphql(`
  mutation ResetPassword($login: String!) { resetPassword(login: $login) }
`)

const CreateTokenFor = graphql(`
  mutation CreateTokenFor($name: String!, $days: Int, $login: String!) {
    createApiToken(name: $name, expiresInDays: $days, login: $login) { token apiToken { id } }
  }
`)

type Account = ResultOf<typeof AccountsQuery>['users'][number]

/**
 * The administrator's page: every account, a form for a new one, and per account disable or
 * enable, a new password and an API token, each secret shown once to hand over. Anyone else
 * is told who to ask: the server refuses them the list (FORBIDDEN).
 */
export default function AccountsScreen() {
  const { t } = useTranslation()
  const view = useView()
  const [{ data, error }, refetch] = useQuery({ query: AccountsQuery, variables: { locale: view.locale } })
  const [shown, setShown] = useState<Shown | null>(null)
  const [tokenFor, setTokenFor] = useState<Account | null>(null)
  const [actionError, setActionError] = useState<CombinedError | undefined>()
  const [, disable] = useMutation(DisableUser)
  const [, enable] = useMutation(EnableUser)
  const [, reset] = useMutation(ResetPassword)
  const title = <h2 className="screen-title">{t('accounts.title')}</h2>
  if (error?.graphQLErrors[0]?.extensions?.code === 'FORBIDDEN') {
    return (
      <div data-testid="accounts">
        {title}
        <p className="error-box notice" role="alert" data-testid="accounts-forbidden">{t('accounts.forbidden')}</p>
      </div>
    )
  }
  if (error) return <QueryError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
  if (!data) return <Loading />

  const reload = () => refetch({ requestPolicy: 'network-only' })
  /** Runs a row's action; a refusal shows above the list, a success clears the last one. */
  const act = async (run: () => Promise<{ error?: CombinedError | undefined }>) => {
    const result = await run()
    setActionError(result.error)
    if (!result.error) reload()
    return !result.error
  }
  const onDisable = (a: Account) => {
    if (window.confirm(t('accounts.confirmDisable', { name: a.name, login: a.login }))) void act(() => disable({ login: a.login }))
  }
  const onReset = async (a: Account) => {
    if (!window.confirm(t('accounts.confirmReset', { name: a.name, login: a.login }))) return
    const result = await reset({ login: a.login })
    setActionError(result.error)
    if (result.data) setShown({ kind: 'newPassword', login: a.login, secret: result.data.resetPassword })
  }
  const label = {
    name: t('accounts.name'), role: t('accounts.role'), orgUnit: t('accounts.orgUnit'), state: t('accounts.state'),
    created: t('accounts.created'), actions: t('accounts.actions'),
  }
  return (
    <div data-testid="accounts">
      {title}
      <section className="panel" aria-labelledby="new-account">
        <header><h3 id="new-account">{t('accounts.new')}</h3></header>
        <NewAccountForm
          units={data.orgUnits}
          onMade={(login, secret) => {
            setShown({ kind: 'madeAccount', login, secret })
            reload()
          }}
        />
      </section>
      <section className="panel" aria-labelledby="all-accounts">
        <header><h3 id="all-accounts">{t('accounts.list')}</h3></header>
        {shown && <OnceSecret shown={shown} onDismiss={() => setShown(null)} />}
        {tokenFor && (
          <TokenForm
            account={tokenFor}
            onCancel={() => setTokenFor(null)}
            onMade={(secret) => {
              setShown({ kind: 'newToken', login: tokenFor.login, secret })
              setTokenFor(null)
            }}
          />
        )}
        {actionError && <div className="panel-body"><AccountError error={actionError} testId="account-action-error" /></div>}
        <div className="panel-body">
          <table className="table cards accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.login')}</th>
                <th scope="col">{label.name}</th>
                <th scope="col">{label.role}</th>
                <th scope="col">{label.orgUnit}</th>
                <th scope="col">{label.state}</th>
                <th scope="col">{label.created}</th>
                <th scope="col">{label.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((a) => (
                <AccountRow
                  key={a.login}
                  account={a}
                  // The server refuses an administrator's disabling or resetting their own account.
                  self={a.login === data.viewer?.login}
                  label={label}
                  onEnable={() => void act(() => enable({ login: a.login }))}
                  onDisable={() => onDisable(a)}
                  onReset={() => void onReset(a)}
                  onToken={() => setTokenFor(a)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

interface RowProps {
  account: Account
  self: boolean
  label: Record<'name' | 'role' | 'orgUnit' | 'state' | 'created' | 'actions', string>
  onEnable: () => void
  onDisable: () => void
  onReset: () => void
  onToken: () => void
}

/** One account: a row on a screen, a card on a phone (each cell beside its label). */
function AccountRow({ account: a, self, label, onEnable, onDisable, onReset, onToken }: RowProps) {
  const { t } = useTranslation()
  return (
    <tr data-account={a.login} data-disabled={a.disabled}>
      <th scope="row" className="lead">
        <code>{a.login}</code>
        {self && <span className="tag plain you">{t('accounts.you')}</span>}
      </th>
      <td data-label={label.name}>{a.name}</td>
      <td data-label={label.role}>{t(`role.${a.role}`)}</td>
      <td data-label={label.orgUnit} className={a.orgUnit ? undefined : 'muted'}>{a.orgUnit?.name ?? t('accounts.everyUnit')}</td>
      <td data-label={label.state}>
        <span className="tag account-state" data-state={a.disabled ? 'disabled' : 'enabled'} data-testid="account-state">
          {a.disabled ? t('accounts.disabled') : t('accounts.enabled')}
        </span>
      </td>
      <td data-label={label.created}>
        <span className="nowrap">{a.createdAt.slice(0, 10)}</span>
        {a.createdBy && <span className="muted"> {a.createdBy === 'first start' ? t('accounts.firstStart') : t('accounts.by', { login: a.createdBy })}</span>}
      </td>
      <td data-label={label.actions}>
        <span className="account-actions">
          {!self && a.disabled && <button type="button" className="btn small" onClick={onEnable} data-testid="account-enable">{t('accounts.enable')}</button>}
          {!self && !a.disabled && <button type="button" className="btn small" onClick={onDisable} data-testid="account-disable">{t('accounts.disable')}</button>}
          {!self && <button type="button" className="btn small" onClick={onReset} data-testid="account-reset">{t('accounts.reset')}</button>}
          {!a.disabled && <button type="button" className="btn small" onClick={onToken} data-testid="account-token">{t('accounts.token')}</button>}
        </span>
      </td>
    </tr>
  )
}

/** A token for someone else's scripts (a committee member's, say), named and expiring. */
function TokenForm({ account, onMade, onCancel }: { account: Account; onMade: (secret: string) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const [made, create] = useMutation(CreateTokenFor)
  const [name, setName] = useState(() => t('accounts.tokenDefault'))
  const [days, setDays] = useState('365')
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const result = await create({ name, days: days ? Number(days) : null, login: account.login })
    if (result.data) onMade(result.data.createApiToken.token)
  }
  return (
    <form className="panel-body token-form" onSubmit={(e) => void submit(e)} aria-labelledby="token-for" data-testid="account-token-form">
      <p id="token-for" className="form-title">{t('accounts.tokenFor', { name: account.name, login: account.login })}</p>
      <label>{t('accounts.tokenName')} <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="account-token-name" /></label>
      <label>{t('tokens.days')} <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} /></label>
      <button type="submit" className="btn primary" disabled={made.fetching} data-testid="account-token-create">{t('tokens.create')}</button>
      <button type="button" className="btn" onClick={onCancel}>{t('accounts.cancel')}</button>
      <AccountError error={made.error} testId="account-token-error" />
    </form>
  )
}
