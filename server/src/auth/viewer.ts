// Who is asking: from the session cookie of a browser, or a script's bearer token. Read once a
// request, on the main thread; a query run on a worker thread carries it there as plain data.
import type { Db } from '@msp/db'
import { LRUCache } from 'lru-cache'
import type { Role } from './roles.ts'
import { secretHash } from './secrets.ts'
import { sessionLookup, tokenLookup, type SessionLimits } from './sessions.ts'

export interface Viewer {
  userId: number
  login: string
  name: string
  role: Role
  /** A REPORTER's org unit: they read it and the units below it. */
  orgUnitKey: string | null
  /** The token the request came with, if by one. */
  apiTokenId: number | null
}

/** What the request's credentials came to. */
export interface Credentials {
  viewer: Viewer | null
  /** The session cookie's secret, so sign-out can end that session. */
  sessionSecret: string | null
  /** Why credentials that came did not sign anyone in: said in UNAUTHENTICATED errors. */
  problem: string | null
}

export const anonymous: Credentials = { viewer: null, sessionSecret: null, problem: null }

export const sessionCookie = 'msp_session'

/** A cookie's value from a Cookie header; the first of that name. */
export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null
  }
  return null
}

function viewerOfUser(user: { id: number; login: string; name: string; role: string; orgUnit: { key: string } | null }, apiTokenId: number | null): Viewer {
  return { userId: user.id, login: user.login, name: user.name, role: user.role as Role, orgUnitKey: user.orgUnit?.key ?? null, apiTokenId }
}

// Secrets are 52 characters; anything much longer is not one of ours and is not looked up.
const plausible = (secret: string, prefix: string) => secret.startsWith(prefix) && secret.length < 100

/**
 * The viewer a request's bearer token or session cookie names. A token, when sent, decides.
 * With `kept`, a secret looked up before is answered from memory while its lookup would give
 * the same answer (KeptCredentials). With `write` false (a read replica) a lookup records no
 * use and removes no ended session.
 */
export async function credentialsOf(db: Db, headers: Headers, limits: SessionLimits, kept?: { credentials: KeptCredentials; authVersion: string }, write = true): Promise<Credentials> {
  const find = (secret: string, load: () => Promise<Found | null>) => (kept ? kept.credentials.find(secret, kept.authVersion, load) : load().then((f) => f?.credentials ?? null))
  const authorization = headers.get('authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    if (!match) return { ...anonymous, problem: 'the Authorization header must be "Bearer <token>"' }
    const secret = match[1]!
    const found = plausible(secret, 'msp_t_')
      ? await find(secret, async () => {
          const token = await tokenLookup(db, secret, new Date(), write)
          return token && { credentials: { viewer: viewerOfUser(token.user, token.token.id), sessionSecret: null, problem: null }, heldUntil: token.heldUntil }
        })
      : null
    return found ?? { ...anonymous, problem: 'the API token is unknown, expired or revoked: make a new one' }
  }
  const secret = cookieValue(headers.get('cookie'), sessionCookie)
  if (!secret) return anonymous
  const found = plausible(secret, 'msp_s_')
    ? await find(secret, async () => {
        const session = await sessionLookup(db, secret, limits, new Date(), write)
        return session && { credentials: { viewer: viewerOfUser(session.user, null), sessionSecret: secret, problem: null }, heldUntil: session.heldUntil }
      })
    : null
  return found ?? { ...anonymous, problem: 'the session has ended: sign in again' }
}

interface Found {
  credentials: Credentials
  /** Until when (ms since the epoch) the same lookup would give the same answer and write nothing. */
  heldUntil: number
}

/**
 * Credentials looked up before, by their secret's hash. Reading them again took 1.9 ms of a
 * kept answer's 4. One is used while the sessions and accounts are as they were when it was
 * looked up (the auth version: a sign-out, a revoked token, a disabled account or a changed
 * role moves it, from this process or another) and while its lookup would write nothing (its
 * session has not ended and its last use need not be recorded yet). Refusals are not kept: a
 * flood of made-up secrets fills nothing.
 */
export class KeptCredentials {
  readonly #kept = new LRUCache<string, Found & { authVersion: string }>({ max: 10_000 })

  async find(secret: string, authVersion: string, load: () => Promise<Found | null>, now = Date.now()): Promise<Credentials | null> {
    const key = secretHash(secret)
    const known = this.#kept.get(key)
    if (known && known.authVersion === authVersion && now < known.heldUntil) return known.credentials
    const found = await load()
    if (found) this.#kept.set(key, { ...found, authVersion })
    else this.#kept.delete(key)
    return found?.credentials ?? null
  }
}
