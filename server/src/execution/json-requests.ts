// What comes in and what goes out of /graphql. Queries arrive only as a JSON POST. A form, a multipart upload, a text/plain body or a GET
// can be sent by any page a bureau employee opens without a CORS preflight; refusing them
// (with Yoga's CSRF prevention beside) leaves no way to run a query across origins.
import type { ExecutionResult, GraphQLError } from 'graphql'
import { createGraphQLError, type Plugin } from 'graphql-yoga'
import { isUserErrorCode, quoteLimit } from '../errors.ts'

const jsonTypes = ['application/json', 'application/graphql-response+json', 'application/graphql+json']

export function useJsonPostOnly(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') {
        throw createGraphQLError(`send queries as POST with content-type application/json, not ${request.method.slice(0, 10)}`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 405, headers: { allow: 'POST' } } },
        })
      }
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (!jsonTypes.includes(type)) {
        throw createGraphQLError(`send queries with content-type application/json, not '${type.slice(0, 40) || 'none'}'`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
        })
      }
    },
  }
}

/** A message longer than this is cut. */
const messageLimit = 300

/**
 * GraphQL's own messages (syntax, validation, variables) quote names and values as sent, so a
 * 50 KB name would come back whole; ours quote 40 characters and are left as they are.
 */
export function useShortMessages(): Plugin {
  const shorten = (error: GraphQLError) =>
    error.message.length > messageLimit && !isUserErrorCode(error.extensions?.code)
      ? createGraphQLError(`${error.message.slice(0, messageLimit)}… (cut; quoted input is limited to ${quoteLimit} characters)`, {
          path: error.path, extensions: error.extensions,
        })
      : error
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) return
      const { data, errors, extensions } = result as ExecutionResult
      // A new result: the one given may carry a cached serialiser of its own.
      if (errors?.some((e) => shorten(e) !== e)) setResult({ data, errors: errors.map(shorten), extensions })
    },
  }
}
