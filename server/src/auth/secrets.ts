// Passwords and the secrets of sessions and API tokens. Passwords are hashed with argon2id
// (OWASP's parameters: 19 MiB, 2 passes; some 100 ms here), secrets with SHA-256: a secret is
// 32 random bytes, so nothing slower is needed, and a request can be checked in microseconds.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** Why a password is refused, or null when it is acceptable. */
export function weakPassword(password: string, login: string): string | null {
  if ([...password].length < 10) return 'a password needs at least 10 characters'
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) return 'a password may not be the login'
  if ([...password].length > 200) return 'a password may have at most 200 characters'
  return null
}

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * A hash made once at start, verified against when a login is unknown: an unknown login costs
 * as long as a known one, so the time of an answer does not tell whether a login exists.
 */
let decoy: Promise<string> | undefined
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('not a password of anyone')
  await passwordMatches(await decoy, password)
}

/** A new secret for a cookie or a token: 32 random bytes, base64url, with a prefix saying what it is. */
export function newSecret(prefix: 'msp_s' | 'msp_t'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** A generated password: 18 characters from an alphabet without look-alikes (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 18 }, () => alphabet[randomInt(alphabet.length)]).join('')
}
