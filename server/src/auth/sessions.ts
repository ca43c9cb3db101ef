// Signing in, browser sessions and API tokens. A session's cookie and a token carry a random
// secret; the database keeps only its SHA-256, so a copy of the database signs no one in.
import type { Db } from '@msp/db'
import { AccountError, normalLogin } from './accounts.ts'
import { newSecret, passwordMatches, secretHash, spendPasswordCheck } from './secrets.ts'

export interface SessionLimits {
  /** A session unused this long ends. */
  idleMs: number
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number
}

/** A working day: 30 minutes idle, 12 hours at most. */
export const defaultSessionLimits: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }

/** Five failed sign-ins for a login within 15 minutes refuse it for 15 minutes. */
export const loginThrottle = { failures: 5, windowMs: 15 * 60_000 }

// Writes on every request would make each read a write: a session's or token's last use is
// recorded at most once a minute.
const touchEveryMs = 60_000

const wrongLogin = 'the login or the password is wrong'
const throttled = `too many failed sign-ins for this login: wait ${loginThrottle.windowMs / 60_000} minutes and try again`

/**
 * The account a login and password name, or LOGIN_FAILED (the same words whether the login is
 * unknown, disabled or the password wrong, and as slow) or LOGIN_THROTTLED (for any login,
 * known or not, after five failures within 15 minutes).
 */
export async function signIn(db: Db, login: string, password: string, now = new Date()) {
  const key = normalLogin(login).slice(0, 100)
  const since = new Date(now.getTime() - loginThrottle.windowMs)
  // The attempt is recorded before it is counted: guesses sent at once each see the others,
  // so no more than five are tried. A refused attempt takes its record back; a failed one
  // keeps it; success clears them all.
  const attempt = await db.loginFailure.create({ data: { login: key, at: now } })
  if ((await db.loginFailure.count({ where: { login: key, at: { gt: since } } })) > loginThrottle.failures) {
    await db.loginFailure.deleteMany({ where: { id: attempt.id } })
    throw new AccountError('LOGIN_THROTTLED', throttled)
  }
  const user = await db.user.findUnique({ where: { login: key }, include: { orgUnit: true } })
  const ok = user ? await passwordMatches(user.passwordHash, password) : (await spendPasswordCheck(password), false)
  if (!user || !ok || user.disabled) throw new AccountError('LOGIN_FAILED', wrongLogin)
  await db.loginFailure.deleteMany({ where: { login: key } })
  return user
}

/** A new session for a user: the secret for the cookie, and when it ends at the latest. */
export async function startSession(db: Db, userId: number, limits = defaultSessionLimits, now = new Date()) {
  const secret = newSecret('msp_s')
  const expiresAt = new Date(now.getTime() + limits.absoluteMs)
  await db.session.create({ data: { secretHash: secretHash(secret), userId, createdAt: now, lastSeenAt: now, expiresAt } })
  return { secret, expiresAt }
}

/** The user a session's secret belongs to while it lasts; an ended session is removed. */
export async function sessionUser(db: Db, secret: string, limits = defaultSessionLimits, now = new Date()) {
  return (await sessionLookup(db, secret, limits, now))?.user ?? null
}

/**
 * sessionUser, and until when the same lookup would give the same answer without writing
 * anything: before the session ends and before its last use is next recorded. Only a change
 * of sessions or accounts can change the answer sooner (readVersions' auth version). With
 * `write` false (a read replica) it writes nothing: neither the last use nor an ended session's removal.
 */
export async function sessionLookup(db: Db, secret: string, limits = defaultSessionLimits, now = new Date(), write = true) {
  const session = await db.session.findUnique({ where: { secretHash: secretHash(secret) }, include: { user: { include: { orgUnit: true } } } })
  if (!session) return null
  const ended = now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs || session.user.disabled
  if (ended) {
    if (write) await db.session.deleteMany({ where: { id: session.id } })
    return null
  }
  let lastSeen = session.lastSeenAt.getTime()
  // A read replica (write false) records no use: the session ends idle from its last use on the primary.
  if (!write) return { user: session.user, heldUntil: Math.min(session.expiresAt.getTime(), lastSeen + limits.idleMs) }
  if (now.getTime() - lastSeen >= touchEveryMs) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } })
    lastSeen = now.getTime()
  }
  return { user: session.user, heldUntil: Math.min(session.expiresAt.getTime(), lastSeen + Math.min(touchEveryMs, limits.idleMs)) }
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await db.session.deleteMany({ where: { secretHash: secretHash(secret) } })
}

/** Sessions past their end, removed at start. */
export async function removeEndedSessions(db: Db, limits = defaultSessionLimits, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - limits.idleMs) } }] },
  })
  await db.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - loginThrottle.windowMs) } } })
  return count
}

/**
 * A named token for a user's scripts, optionally expiring after 1 to 3,650 days. The secret is
 * returned once, here; only its hash is kept.
 */
export async function createApiToken(db: Db, input: { userId: number; name: string; expiresInDays?: number | null; by: string }, now = new Date()) {
  const name = input.name.trim()
  if (!name || [...name].length > 100) throw new AccountError('BAD_INPUT', 'name: 1 to 100 characters, to tell your tokens apart')
  const days = input.expiresInDays
  if (days !== undefined && days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    throw new AccountError('BAD_INPUT', `expiresInDays: a whole number of days from 1 to 3650, or none for a token that does not expire (not ${days})`)
  }
  const secret = newSecret('msp_t')
  const apiToken = await db.apiToken.create({
    data: {
      name, secretHash: secretHash(secret), userId: input.userId, createdBy: input.by, createdAt: now,
      expiresAt: days ? new Date(now.getTime() + days * 86_400_000) : null,
    },
  })
  return { secret, apiToken }
}

/** The user and token a bearer secret names, while the token is neither revoked nor expired. */
export async function tokenUser(db: Db, secret: string, now = new Date()) {
  const found = await tokenLookup(db, secret, now)
  return found && { user: found.user, token: found.token }
}

/** tokenUser, and until when the same lookup would give the same answer without writing (sessionLookup; `write` likewise). */
export async function tokenLookup(db: Db, secret: string, now = new Date(), write = true) {
  const token = await db.apiToken.findUnique({ where: { secretHash: secretHash(secret) }, include: { user: { include: { orgUnit: true } } } })
  if (!token || token.revokedAt || (token.expiresAt && now >= token.expiresAt) || token.user.disabled) return null
  // A read replica (write false) records no use; the token's last use is the primary's.
  if (!write) return { user: token.user, token, heldUntil: token.expiresAt?.getTime() ?? Infinity }
  let lastUsed = token.lastUsedAt?.getTime()
  if (lastUsed === undefined || now.getTime() - lastUsed >= touchEveryMs) {
    await db.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } })
    lastUsed = now.getTime()
  }
  return { user: token.user, token, heldUntil: Math.min(token.expiresAt?.getTime() ?? Infinity, lastUsed + touchEveryMs) }
}

/** Revokes a token at once: its next request is refused. */
export async function revokeApiToken(db: Db, id: number, now = new Date()) {
  const token = await db.apiToken.findUnique({ where: { id } })
  if (!token) throw new AccountError('NOT_FOUND', `no API token ${id}`)
  return token.revokedAt ? token : db.apiToken.update({ where: { id }, data: { revokedAt: now } })
}
