// Queries arrive only as a JSON POST. A form, a multipart upload, a text/plain body or a GET
// can be sent by any page a bureau employee opens without a CORS preflight; refusing them
// (with Yoga's CSRF prevention beside) leaves no way to run a query across origins.
import { createGraphQLError, type Plugin } from 'graphql-yoga'

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
