import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from 'urql'
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx'
import { Loading, QueryError } from '../components/QueryState.tsx'
import { graphql } from '../graphql.ts'

const TokensQuery = graphql(`
  query Tokens {
    apiTokens { id name createdAt expiresAt lastUsedAt revokedAt user { login } }
  }
`)

const CreateToken = graphql(`
  mutation CreateToken($name: String!, $days: Int) {
    createApiToken(name: $name, expiresInDays: $days) { token apiToken { id } }
  }
`)

const RevokeToken = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeApiToken(id: $id) { id revokedAt }
  }
`)

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—')

/** A user's API tokens for scripts: made here, shown once, revoked at once. */
export default function TokensScreen() {
  const { t } = useTranslation()
  const [{ data, error }, refetch] = useQuery({ query: TokensQuery })
  const [made, create] = useMutation(CreateToken)
  const [, revoke] = useMutation(RevokeToken)
  const [name, setName] = useState('')
  const [days, setDays] = useState('365')
  const [secret, setSecret] = useState<string | null>(null)
  if (error) return <QueryError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
  if (!data) return <Loading />
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const result = await create({ name, days: days ? Number(days) : null })
    if (result.data) {
      setSecret(result.data.createApiToken.token)
      setName('')
      refetch({ requestPolicy: 'network-only' })
    }
  }
  const label = { name: t('tokens.name'), created: t('tokens.created'), lastUsed: t('tokens.lastUsed'), expires: t('tokens.expires'), state: t('tokens.state') }
  return (
    <div data-testid="tokens">
      <h2 style={{ fontSize: 20, marginBottom: 12 }}>{t('tokens.title')}</h2>
      <section className="panel" aria-labelledby="new-token">
        <header><h3 id="new-token">{t('tokens.new')}</h3></header>
        <form className="panel-body token-form" onSubmit={(e) => void submit(e)}>
          <label>{label.name} <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" /></label>
          <label>{t('tokens.days')} <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} data-testid="token-days" /></label>
          <button type="submit" className="btn primary" disabled={made.fetching} data-testid="token-create">{t('tokens.create')}</button>
          {made.error && <p className="error-box" role="alert">{made.error.graphQLErrors[0]?.message}</p>}
        </form>
        {secret && (
          <div className="panel-body" role="status" data-testid="token-secret">
            <p className="warning">{t('tokens.once')}</p>
            <code className="secret">{secret}</code>{' '}
            <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(secret)}>{t('tokens.copy')}</button>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="my-tokens">
        <header><h3 id="my-tokens">{t('tokens.list')}</h3></header>
        <div className="panel-body">
          <table className="table cards">
            <thead>
              <tr>
                <th scope="col">{label.name}</th>
                <th scope="col">{label.created}</th>
                <th scope="col">{label.lastUsed}</th>
                <th scope="col">{label.expires}</th>
                <th scope="col">{label.state}</th>
                <th scope="col"><span className="visually-hidden">{t('tokens.revoke')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.apiTokens.map((token) => (
                <tr key={token.id} data-token={token.name}>
                  <th scope="row" className="lead">{token.name}</th>
                  <td data-label={label.created}>{day(token.createdAt)}</td>
                  <td data-label={label.lastUsed}>{day(token.lastUsedAt)}</td>
                  <td data-label={label.expires}>{token.expiresAt ? day(token.expiresAt) : t('tokens.never')}</td>
                  <td data-label={label.state}>{token.revokedAt ? t('tokens.revoked') : t('tokens.active')}</td>
                  <td>
                    {!token.revokedAt && (
                      <button type="button" className="btn small" data-testid="token-revoke" onClick={() => void revoke({ id: token.id }).then(() => refetch({ requestPolicy: 'network-only' }))}>
                        {t('tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ChangePasswordForm />
    </div>
  )
}
