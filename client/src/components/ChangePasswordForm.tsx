import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql } from '../graphql.ts'

const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(current: $current, next: $next)
  }
`)

/**
 * One's own password: the current one, then the new one twice. A password an administrator
 * handed over (a new account, a reset) is changed here. Other sessions end; this one stays.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation()
  const [result, change] = useMutation(ChangePassword)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [done, setDone] = useState(false)
  const mismatch = again !== '' && next !== again
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (mismatch) return
    setDone(false)
    const answer = await change({ current, next })
    if (answer.data?.changePassword) {
      setDone(true)
      setCurrent('')
      setNext('')
      setAgain('')
    }
  }
  const error = result.error?.graphQLErrors[0]
  const code = error?.extensions?.code as string | undefined
  return (
    <section className="panel" aria-labelledby="change-password">
      <header><h3 id="change-password">{t('password.title')}</h3></header>
      <form className="panel-body token-form" onSubmit={(e) => void submit(e)} data-testid="change-password">
        <label>{t('password.current')} <input type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" /></label>
        <label>{t('password.next')} <input type="password" required minLength={10} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} data-testid="password-next" /></label>
        <label>{t('password.again')} <input type="password" required autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch} data-testid="password-again" /></label>
        <button type="submit" className="btn primary" disabled={result.fetching || mismatch} data-testid="password-submit">{t('password.submit')}</button>
        {mismatch && <p className="error-box" role="alert">{t('password.mismatch')}</p>}
        {error && !mismatch && (
          <p className="error-box" role="alert">{code === 'LOGIN_FAILED' ? t('password.wrongCurrent') : code === 'WEAK_PASSWORD' ? `${t('password.weak')}：${error.message}` : error.message}</p>
        )}
        {done && <p role="status" data-testid="password-done">{t('password.done')}</p>}
      </form>
    </section>
  )
}
