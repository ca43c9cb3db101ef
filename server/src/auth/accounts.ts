// Accounts: who may sign in, as what. Used by the `pnpm run user` CLI, the first start and (with
// the API's mutations) by administrators in the dashboard. Every function refuses what is wrong
// with an AccountError that says what to fix, and writes nothing then.
import type { Db } from '@msp/db'
import { generatePassword, hashPassword, weakPassword } from './secrets.ts'
import { isRole, roles, type Role } from './roles.ts'

export class AccountError extends Error {
  constructor(
    readonly code: 'BAD_INPUT' | 'WEAK_PASSWORD' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'LOGIN_FAILED' | 'LOGIN_THROTTLED',
    message: string,
  ) {
    super(message)
  }
}

export interface NewUser {
  login: string
  name: string
  password: string
  role: string
  /** A REPORTER's org unit key; none for the other roles. */
  orgUnit?: string | null | undefined
}

const loginPattern = /^[a-z0-9][a-z0-9._-]{1,39}$/

/** A login as stored: lower case, trimmed. */
export function normalLogin(login: string): string {
  return login.trim().toLowerCase()
}

export async function createUser(db: Db, input: NewUser, by: string) {
  const login = normalLogin(input.login)
  if (!loginPattern.test(login)) throw new AccountError('BAD_INPUT', `login '${login.slice(0, 40)}': 2 to 40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit`)
  const name = input.name.trim()
  if (!name || name.length > 100) throw new AccountError('BAD_INPUT', 'name: 1 to 100 characters')
  if (!isRole(input.role)) throw new AccountError('BAD_INPUT', `role '${input.role}': one of ${roles.join(', ')}`)
  const weak = weakPassword(input.password, login)
  if (weak) throw new AccountError('WEAK_PASSWORD', weak)
  let orgUnitId: number | null = null
  if (input.role === 'REPORTER') {
    if (!input.orgUnit) throw new AccountError('BAD_INPUT', 'a REPORTER needs an org unit (orgUnit): the unit whose figures they enter')
    const unit = await db.orgUnit.findUnique({ where: { key: input.orgUnit } })
    if (!unit) throw new AccountError('BAD_INPUT', `org unit '${input.orgUnit.slice(0, 60)}' does not exist`)
    orgUnitId = unit.id
  } else if (input.orgUnit) {
    throw new AccountError('BAD_INPUT', `only a REPORTER is bound to an org unit; a ${input.role} reads every unit`)
  }
  if (await db.user.findUnique({ where: { login } })) throw new AccountError('ALREADY_EXISTS', `login '${login}' is taken`)
  const passwordHash = await hashPassword(input.password)
  return db.user.create({ data: { login, name, role: input.role, orgUnitId, passwordHash, createdBy: by }, include: { orgUnit: true } })
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { login: 'asc' }, include: { orgUnit: true } })
}

async function existing(db: Db, login: string) {
  const user = await db.user.findUnique({ where: { login: normalLogin(login) }, include: { orgUnit: true } })
  if (!user) throw new AccountError('NOT_FOUND', `no account '${normalLogin(login).slice(0, 40)}'`)
  return user
}

/** Disables an account and ends its sessions and tokens at once. */
export async function disableUser(db: Db, login: string) {
  const user = await existing(db, login)
  return db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id } })
    await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } })
    return tx.user.update({ where: { id: user.id }, data: { disabled: true }, include: { orgUnit: true } })
  })
}

/** Lets a disabled account sign in again; its old sessions and tokens stay ended. */
export async function enableUser(db: Db, login: string) {
  const user = await existing(db, login)
  return db.user.update({ where: { id: user.id }, data: { disabled: false }, include: { orgUnit: true } })
}

/** Sets a new password (generated when none is given) and ends the account's sessions. */
export async function resetPassword(db: Db, login: string, password: string = generatePassword()) {
  const user = await existing(db, login)
  const weak = weakPassword(password, user.login)
  if (weak) throw new AccountError('WEAK_PASSWORD', weak)
  const passwordHash = await hashPassword(password)
  await db.$transaction([
    db.session.deleteMany({ where: { userId: user.id } }),
    db.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } }),
  ])
  return { user, password }
}

/**
 * On a database without accounts, the administrator's: `admin`, with MSP_ADMIN_PASSWORD when it
 * is set, otherwise a generated password returned once, for the console.
 */
export async function ensureAdmin(db: Db, configured: string | undefined): Promise<{ login: string; generated: string | null } | null> {
  if ((await db.user.count()) > 0) return null
  const password = configured || generatePassword()
  try {
    await createUser(db, { login: 'admin', name: '系统管理员', password, role: 'ADMIN' }, 'first start')
  } catch (error) {
    // Two servers starting at once on an empty database: the other made it.
    if (error instanceof AccountError && error.code === 'ALREADY_EXISTS') return null
    if ((error as { code?: unknown }).code === 'P2002') return null
    if (error instanceof AccountError) throw new AccountError(error.code, `MSP_ADMIN_PASSWORD: ${error.message}`)
    throw error
  }
  return { login: 'admin', generated: configured ? null : password }
}

export type { Role }
