// Requests a session or a token may make a minute (issue 9), on top of the limits on each
// query's size and cost: one script in a loop cannot take the server from everyone else.
// Counted in memory, in the process that answers: a restart starts the counts afresh.
import type { Plugin } from 'graphql-yoga'
import type { Credentials } from '../auth/viewer.ts'
import { userError } from '../errors.ts'
import { secretHash } from '../auth/secrets.ts'

export class RateLimiter {
  // Per key: the start of its current minute and the requests in it, and in the minute before.
  readonly #windows = new Map<string, { start: number; count: number; previous: number }>()

  constructor(readonly perMinute: number) {}

  /**
   * Whether one more request is allowed now. A sliding window: the previous minute's count,
   * weighted by how much of it the last 60 s still cover, plus this minute's.
   */
  allow(key: string, now = Date.now()): boolean {
    const minute = 60_000
    let window = this.#windows.get(key)
    if (!window || now - window.start >= 2 * minute) window = { start: now, count: 0, previous: 0 }
    else if (now - window.start >= minute) window = { start: window.start + minute, count: 0, previous: window.count }
    const estimate = window.previous * (1 - (now - window.start) / minute) + window.count
    this.#windows.set(key, window)
    if (estimate >= this.perMinute) return false
    window.count++
    // Keys of sessions long gone: dropped now and then.
    if (this.#windows.size > 10_000) for (const [k, w] of this.#windows) if (now - w.start >= 2 * minute) this.#windows.delete(k)
    return true
  }
}

export function useRateLimit(limiter: RateLimiter): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const credentials = (args.contextValue as { credentials?: Credentials }).credentials
      const viewer = credentials?.viewer
      if (!viewer) return
      const key = viewer.apiTokenId !== null ? `token:${viewer.apiTokenId}` : `session:${secretHash(credentials!.sessionSecret ?? `user:${viewer.userId}`)}`
      if (!limiter.allow(key)) {
        setResultAndStopExecution({
          errors: [userError('RATE_LIMITED', `more than ${limiter.perMinute} requests a minute from this ${viewer.apiTokenId !== null ? 'token' : 'session'}; wait a minute`)],
        })
      }
    },
  }
}
