// Who is asking: from the session cookie of a browser, or a script's bearer token. Read once a
// request, on the main thread; a query run on a worker thread carries it there as plain data.
import type { Db } from '@msp/db'
import type { Role } from './roles.ts'
import { sessionUser, tokenUser, type SessionLimits } from './sessions.ts'

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

/** The viewer a request's bearer token or session cookie names. A token, when sent, decides. */
export async function credentialsOf(db: Db, headers: Headers, limits: SessionLimits): Promise<Credentials> {
  const authorization = headers.get('authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    if (!match) return { ...anonymous, problem: 'the Authorization header must be "Bearer <token>"' }
    const found = plausible(match[1]!, 'msp_t_') ? await tokenUser(db, match[1]!) : null
    if (!found) return { ...anonymous, problem: 'the API token is unknown, expired or revoked: make a new one' }
    return { viewer: viewerOfUser(found.user, found.token.id), sessionSecret: null, problem: null }
  }
  const secret = cookieValue(headers.get('cookie'), sessionCookie)
  if (!secret) return anonymous
  const user = plausible(secret, 'msp_s_') ? await sessionUser(db, secret, limits) : null
  if (!user) return { ...anonymous, problem: 'the session has ended: sign in again' }
  return { viewer: viewerOfUser(user, null), sessionSecret: secret, problem: null }
}
