import { GraphQLError } from 'graphql'

/** Codes of the errors a user can cause; each message says what to fix. */
export type UserErrorCode = 'BAD_PERIOD' | 'UNKNOWN_METRIC' | 'UNKNOWN_AREA' | 'UNKNOWN_ORG_UNIT' | 'BAD_INPUT'

/** An error shown to the caller as it is; any other error is masked by Yoga. */
export function userError(code: UserErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } })
}
