import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from 'urql'
import { graphql, type EnumOf } from '../graphql.ts'
import { generatePassword } from '../password.ts'
import { AccountError } from './AccountParts.tsx'

type Role = EnumOf<'Role'>

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { login }
  }
`)

/** Roles in the order a bureau thinks of them: the clerks it opens most accounts for first. */
const roles: Role[] = ['REPORTER', 'LEADER', 'COMMITTEE', 'ADMIN']

export interface Unit {
  key: string
  name: string
  parent: { key: string } | null
}

/**
 * A new account: a clerk (REPORTER) needs the unit whose figures they enter; the first password
 * is typed or generated here and stays visible, for the administrator to hand over.
 */
export function NewAccountForm({ units, onMade }: { units: Unit[]; onMade: (login: string, password: string) => void }) {
  const { t } = useTranslation()
  const [made, create] = useMutation(CreateUser)
  const [login, setLogin] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('REPORTER')
  const [orgUnit, setOrgUnit] = useState('')
  const [password, setPassword] = useState('')
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const input = { login, name, password, role, orgUnit: role === 'REPORTER' ? orgUnit : null }
    const result = await create({ input })
    if (result.data) {
      onMade(result.data.createUser.login, password)
      setLogin('')
      setName('')
      setPassword('')
    }
  }
  return (
    <form className="panel-body account-form" onSubmit={(e) => void submit(e)} data-testid="account-form">
      <label>
        {t('accounts.login')}
        <input required minLength={2} maxLength={40} autoComplete="off" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} aria-describedby="login-hint" data-testid="account-login" />
        <small id="login-hint" className="muted">{t('accounts.loginHint')}</small>
      </label>
      <label>
        {t('accounts.name')}
        <input required maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="account-name" />
      </label>
      <label>
        {t('accounts.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="account-role">
          {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </label>
      {role === 'REPORTER' && (
        <label>
          {t('accounts.orgUnit')}
          <select required value={orgUnit} onChange={(e) => setOrgUnit(e.target.value)} aria-describedby="unit-hint" data-testid="account-unit">
            <option value="">{t('accounts.chooseUnit')}</option>
            {units.map((u) => <option key={u.key} value={u.key}>{u.parent ? `\u3000${u.name}` : u.name}</option>)}
          </select>
          <small id="unit-hint" className="muted">{t('accounts.unitHint')}</small>
        </label>
      )}
      {/* Not one label around both: the button is not the password's label. */}
      <div className="password-field">
        <label htmlFor="account-password">{t('accounts.password')}</label>
        <span className="with-button">
          {/* Shown, not masked: the administrator reads it out or copies it to the new user. */}
          <input id="account-password" required minLength={10} autoComplete="new-password" spellCheck={false} value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-hint" data-testid="account-password" />
          <button type="button" className="btn" onClick={() => setPassword(generatePassword())} data-testid="account-generate">{t('accounts.generate')}</button>
        </span>
        <small id="password-hint" className="muted">{t('accounts.passwordHint')}</small>
      </div>
      <button type="submit" className="btn primary" disabled={made.fetching} data-testid="account-create">{t('accounts.create')}</button>
      <AccountError error={made.error} testId="account-form-error" />
    </form>
  )
}
