// Settings an installation may change through the environment, read and checked once at
// start. Each bound keeps one request or one import from holding the server.
import { availableParallelism } from 'node:os'
import { parseIsoDate } from '@msp/plugin-sdk'
import { today, type Span } from './engine/index.ts'

export interface Settings {
  /** Periods, series and imported figures must lie within this span. */
  periodRange: Span
  /** Origins allowed to call the API from a browser, besides the app's own. */
  corsOrigins: string[]
  /**
   * Host names the server answers to, besides localhost, IP addresses and this machine's name:
   * a page on a name the bureau does not own cannot reach it through DNS rebinding.
   */
  allowedHosts: string[]
  /** A request running longer is stopped and answered with TIMEOUT. */
  requestTimeoutMs: number
  /** The largest GraphQL request body accepted. */
  maxBodyBytes: number
  /** Threads that run heavy queries; 0 runs them on the main thread. */
  workers: number
  /** A browser session ends after this long unused, and this long after sign-in at most. */
  sessionIdleMinutes: number
  sessionHours: number
  /** Requests a session or an API token may make a minute (RATE_LIMITED beyond). */
  rateLimitPerMinute: number
  /** Query-log entries older than this many days are removed at start. */
  queryLogDays: number
  /** The day of the next month a monthly return is due (MSP_RETURN_DUE_DAY, default 5). */
  returnDueDay: number
  /**
   * The first month every unit owes a return (MSP_RETURNS_FROM, YYYY-MM): scorecards from it on
   * say how many are missing or unapproved. Unset: the month of the first return ever saved.
   */
  returnsFrom: string | null
  /** Megabytes of read answers kept while the data is unchanged (execution/response-cache.ts); 0 keeps none. */
  responseCacheMegabytes: number
  /** Session cookies are Secure (sent over HTTPS only) even when a request arrives over HTTP (behind a TLS proxy). */
  secureCookies: boolean
  /**
   * A read replica's server (MSP_READ_ONLY=1): it writes nothing, at start or per request, and
   * refuses sign-in and every mutation with READ_ONLY; the primary migrates and syncs.
   */
  readOnly: boolean
}

export class SettingsError extends Error {
  override name = 'SettingsError'
}

function date(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim()
  if (!value) return fallback
  const parsed = parseIsoDate(value)
  if ('problem' in parsed) throw new SettingsError(`${name}: ${parsed.problem}`)
  return parsed.date
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim()
  if (!value) return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new SettingsError(`${name}='${value.slice(0, 40)}' must be a whole number from ${min} to ${max}`)
  }
  return number
}

function month(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim()
  if (!value) return null
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new SettingsError(`${name}='${value.slice(0, 40)}' must be a month written YYYY-MM, e.g. 2024-07`)
  return value
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim()
  if (!value || value === '0') return false
  if (value === '1') return true
  throw new SettingsError(`${name}='${value.slice(0, 40)}' must be 1 or 0`)
}

/** The default range: 2000-01-01 to the end of next year. */
export function defaultPeriodRange(on: string = today()): Span {
  return { start: '2000-01-01', end: `${Number(on.slice(0, 4)) + 1}-12-31` }
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const range = defaultPeriodRange()
  const periodRange = { start: date(env, 'MSP_PERIOD_FROM', range.start), end: date(env, 'MSP_PERIOD_TO', range.end) }
  if (periodRange.start > periodRange.end) {
    throw new SettingsError(`MSP_PERIOD_FROM ${periodRange.start} is after MSP_PERIOD_TO ${periodRange.end}`)
  }
  const corsOrigins = (env.MSP_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean)
  for (const origin of corsOrigins) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {}
    if (!parsed || parsed.origin !== origin) {
      throw new SettingsError(`MSP_CORS_ORIGINS: '${origin.slice(0, 80)}' is not an origin; write it as https://host[:port], comma-separated`)
    }
  }
  const allowedHosts = (env.MSP_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)
  for (const host of allowedHosts) {
    if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
      throw new SettingsError(`MSP_ALLOWED_HOSTS: '${host.slice(0, 80)}' is not a host name; write names like msp.example.gov.cn or *.example.gov.cn, comma-separated`)
    }
  }
  return {
    periodRange,
    corsOrigins,
    allowedHosts,
    requestTimeoutMs: whole(env, 'MSP_REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    maxBodyBytes: whole(env, 'MSP_MAX_BODY_BYTES', 100_000, 1_000, 10_000_000),
    workers: whole(env, 'MSP_WORKERS', Math.max(1, Math.min(4, availableParallelism())), 0, 16),
    sessionIdleMinutes: whole(env, 'MSP_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionHours: whole(env, 'MSP_SESSION_HOURS', 12, 1, 24 * 30),
    secureCookies: flag(env, 'MSP_SECURE_COOKIES'),
    rateLimitPerMinute: whole(env, 'MSP_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    queryLogDays: whole(env, 'MSP_QUERY_LOG_DAYS', 180, 1, 3650),
    returnDueDay: whole(env, 'MSP_RETURN_DUE_DAY', 5, 1, 28),
    returnsFrom: month(env, 'MSP_RETURNS_FROM'),
    responseCacheMegabytes: whole(env, 'MSP_RESPONSE_CACHE_MB', 64, 0, 16_384),
    readOnly: flag(env, 'MSP_READ_ONLY'),
  }
}
