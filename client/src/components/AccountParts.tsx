// Pieces of the accounts page: a secret shown once, and a refusal in the user's words.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedError } from 'urql'

const knownCodes = ['WEAK_PASSWORD', 'ALREADY_EXISTS', 'BAD_INPUT', 'NOT_FOUND'] as const

/** What the server refused: our words for its code, then its own message, which says what to fix. */
export function AccountError({ error, testId }: { error: CombinedError | undefined; testId: string }) {
  const { t } = useTranslation()
  if (!error) return null
  const first = error.graphQLErrors[0]
  const code = first?.extensions?.code
  const known = knownCodes.find((c) => c === code)
  return (
    <div className="error-box account-error" role="alert" data-testid={testId} data-code={known ?? code ?? ''}>
      <strong>{known ? t(`accounts.errors.${known}`) : t('accounts.errors.other')}</strong>
      <p style={{ margin: '4px 0 0' }}>{first?.message ?? t('error.network')}</p>
    </div>
  )
}

export interface Shown {
  /** What the secret is: a new account's first password, a reset password, a token. */
  kind: 'madeAccount' | 'newPassword' | 'newToken'
  login: string
  secret: string
}

/** A password or token the administrator hands over: on screen until dismissed, never again. */
export function OnceSecret({ shown, onDismiss }: { shown: Shown; onDismiss: () => void }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  // Made from a row far down the list, it would be off screen on a phone: bring it into view.
  useEffect(() => {
    setCopied(false)
    box.current?.scrollIntoView({ block: 'nearest' })
    box.current?.focus()
  }, [shown])
  const copy = async () => {
    await navigator.clipboard?.writeText(shown.secret)
    setCopied(true)
  }
  return (
    <div className="panel-body once-secret" role="status" tabIndex={-1} ref={box} data-testid="account-secret" data-kind={shown.kind} data-login={shown.login}>
      <p className="warning">{t(`accounts.${shown.kind}`, { login: shown.login })}</p>
      <code className="secret" data-testid="account-secret-value">{shown.secret}</code>
      <span className="once-secret-actions">
        <button type="button" className="btn" onClick={() => void copy()}>{copied ? t('accounts.copied') : t('accounts.copy')}</button>
        <button type="button" className="btn" onClick={onDismiss} data-testid="account-secret-dismiss">{t('accounts.dismiss')}</button>
      </span>
    </div>
  )
}
