import { Alert, Button, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'

/** A failed query: what went wrong, in the user's words where the server gave them, and a retry. */
export function QueryError({ error, retry }: { error?: CombinedError | undefined; retry?: () => void }) {
  const { t } = useTranslation()
  const message = error?.graphQLErrors[0]?.message ?? (error?.networkError ? t('error.network') : error?.message)
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.title')}
      description={message}
      action={retry && <Button onClick={retry}>{t('actions.retry')}</Button>}
      style={{ margin: 24 }}
      data-testid="query-error"
    />
  )
}

export function Nothing({ reason }: { reason: string }) {
  return <Empty description={reason} data-testid="empty" />
}
