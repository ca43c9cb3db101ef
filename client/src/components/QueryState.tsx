import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'

/** A failed query: what went wrong, in the user's words where the server gave them, and a retry. */
export function QueryError({ error, retry }: { error?: CombinedError | undefined; retry?: () => void }) {
  const { t } = useTranslation()
  const message = error?.graphQLErrors[0]?.message ?? (error?.networkError ? t('error.network') : error?.message)
  // A session that ended while the page was open: a new page shows the sign-in form.
  if (error?.graphQLErrors[0]?.extensions?.code === 'UNAUTHENTICATED') {
    return (
      <div className="error-box" role="alert" data-testid="query-error">
        <strong>{t('login.signInAgain')}</strong>{' '}
        <button type="button" className="btn" onClick={() => window.location.reload()}>{t('login.submit')}</button>
      </div>
    )
  }
  return (
    <div className="error-box" role="alert" data-testid="query-error">
      <strong>{t('error.title')}</strong>
      {message && <p style={{ margin: '4px 0 8px' }}>{message}</p>}
      {retry && (
        <button type="button" className="btn" onClick={retry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  )
}

export function Nothing({ reason }: { reason: string }) {
  return (
    <p className="empty" data-testid="empty">
      {reason}
    </p>
  )
}

/** Waiting for the server: a line a screen reader announces, not a spinner alone. */
export function Loading() {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status" data-testid="loading">
      {t('actions.loading')}
    </p>
  )
}
