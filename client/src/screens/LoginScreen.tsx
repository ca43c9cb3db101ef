import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql } from '../graphql.ts'

const LoginMutation = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) { login name role }
  }
`)

/** Signing in: the first screen for anyone without a session. Chinese first, as every screen. */
export function LoginScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [{ fetching, error }, signIn] = useMutation(LoginMutation)
  const code = error?.graphQLErrors[0]?.extensions?.code
  const message = code === 'LOGIN_THROTTLED' ? t('login.throttled') : code === 'LOGIN_FAILED' ? t('login.failed') : error ? (error.graphQLErrors[0]?.message ?? t('error.network')) : null
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const result = await signIn({ login, password })
    if (result.data?.login) onSignedIn()
  }
  return (
    <section className="panel login" aria-labelledby="login-heading" data-testid="login">
      <header>
        <h2 id="login-heading">{t('login.title')}</h2>
      </header>
      <form className="panel-body" onSubmit={(e) => void submit(e)}>
        <label>
          {t('login.login')}
          <input name="username" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} data-testid="login-name" />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        {message && <p className="error-box" role="alert" data-testid="login-error">{message}</p>}
        <button type="submit" className="btn primary" disabled={fetching} data-testid="login-submit">{t('login.submit')}</button>
        <p className="muted">{t('login.help')}</p>
      </form>
    </section>
  )
}
