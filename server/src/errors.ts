import { createGraphQLError } from 'graphql-yoga'

/** Codes of the errors a user can cause; each message says what to fix. */
export const userErrorCodes = [
  'BAD_PERIOD', 'UNKNOWN_METRIC', 'UNKNOWN_AREA', 'UNKNOWN_ORG_UNIT', 'BAD_INPUT', 'QUERY_TOO_COMPLEX', 'TIMEOUT', 'BUSY',
  'UNAUTHENTICATED', 'FORBIDDEN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'WEAK_PASSWORD', 'NOT_FOUND', 'ALREADY_EXISTS', 'RATE_LIMITED',
  'CONFLICT', 'PERIOD_LOCKED', 'FUTURE_PERIOD', 'INVALID_STATE', 'READ_ONLY',
] as const
export type UserErrorCode = (typeof userErrorCodes)[number]

export function isUserErrorCode(code: unknown): code is UserErrorCode {
  return (userErrorCodes as readonly unknown[]).includes(code)
}

/**
 * An error shown to the caller as it is; any other error is masked by Yoga. Made through
 * Yoga so it is the GraphQLError class Yoga's masking knows, whichever copy of graphql
 * (ESM or CommonJS) the caller loaded.
 */
export function userError(code: UserErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { ...extensions, code } })
}

/** Messages quote at most this much of what the caller sent. */
export const quoteLimit = 40

/** A caller's text shortened for a message: never echo a whole hostile input back. */
export function quote(text: string): string {
  return text.length > quoteLimit ? `${text.slice(0, quoteLimit)}…` : text
}
