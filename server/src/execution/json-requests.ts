// What comes in and what goes out of /graphql. Queries arrive only as a JSON POST: a form, a
// multipart upload, a text/plain body or a GET can be sent by any page a bureau employee
// opens without a CORS preflight; refusing them (with Yoga's CSRF prevention beside) leaves
// no way to run a query across origins.
import type { ExecutionResult, GraphQLError } from 'graphql'
import { createGraphQLError, type Plugin } from 'graphql-yoga'
import { isUserErrorCode, quoteLimit } from '../errors.ts'

// The types Yoga's JSON parser reads, as it matches them (case and all).
const jsonTypes = ['application/json', 'application/graphql+json']

export function useJsonPostOnly(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST') {
        throw createGraphQLError(`send queries as POST with content-type application/json, not ${request.method.slice(0, 10)}`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 405, headers: { allow: 'POST' } } },
        })
      }
      const header = (request.headers.get('content-type') ?? '').split(',')[0]!
      if (!jsonTypes.some((type) => header === type || header.startsWith(`${type};`))) {
        throw createGraphQLError(`send queries with content-type application/json, not '${header.slice(0, 40) || 'none'}'`, {
          extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
        })
      }
    },
  }
}

/** GraphQL's own messages are cut past this; ours, which quote 40 characters of input, past 1,000. */
const messageLimit = 300
const userMessageLimit = 1_000

/**
 * GraphQL's and Yoga's own messages quote names, values and bodies as sent, so a 50 KB name
 * would come back whole: cut every message, and the parser's `originalError` (it repeats the
 * body; Yoga reads its presence for the status, so it stays, shortened).
 */
export function useShortMessages(): Plugin {
  const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit)}… (cut; quoted input is limited to ${quoteLimit} characters)` : text)
  const shorten = (error: GraphQLError) => {
    const limit = isUserErrorCode(error.extensions?.code) ? userMessageLimit : messageLimit
    const original = error.extensions?.originalError as { name?: string; message?: string } | undefined
    const originalTooLong = typeof original?.message === 'string' && original.message.length > quoteLimit
    if (error.message.length <= limit && !originalTooLong) return error
    const extensions = originalTooLong ? { ...error.extensions, originalError: { name: original!.name, message: cut(original!.message!, quoteLimit) } } : error.extensions
    return createGraphQLError(cut(error.message, limit), { path: error.path, extensions })
  }
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) return
      const { data, errors, extensions } = result as ExecutionResult
      // A new result: the one given may carry a cached serialiser of its own.
      if (errors?.some((e) => shorten(e) !== e)) setResult({ data, errors: errors.map(shorten), extensions })
    },
  }
}

/** Deeper than any real query: the dashboard's deepest nests about a dozen levels. */
const maxNesting = 50
const maxTokens = 5_000

/** How deeply braces, brackets and parentheses nest in a document, strings and comments aside. */
export function nestingDepth(source: string): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        // A block string ends at the first """ not escaped as \""".
        for (i += 3; i < source.length && !(source.startsWith('"""', i) && source[i - 1] !== '\\'); i++);
        i += 2
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth)
    } else if (c === '}' || c === ']' || c === ')') {
      depth--
    }
  }
  return deepest
}

/**
 * GraphQL's parser recurses once a level: thousands of nested brackets in a few KB exhaust its
 * stack. Refuse such a document before it is parsed, with a message that says why.
 */
export function useNestingLimit(): Plugin {
  return {
    onParse({ params, parseFn, setParseFn }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body
      // The parser stops at this many tokens; the dashboard's largest query has a few hundred.
      setParseFn((document, options) => parseFn(document, { ...options, maxTokens }))
      const depth = nestingDepth(source)
      if (depth > maxNesting) {
        throw createGraphQLError(`the query nests ${depth} levels of braces and brackets, above the limit of ${maxNesting}; write it with fewer levels`, {
          extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
        })
      }
    },
  }
}

/**
 * A browser names the page a request comes from in Origin. A query from a page of another
 * origin is refused outright, not only left unreadable, unless that origin is allowed by name.
 */
export function useSameOrigin(allowed: ReadonlySet<string>): Plugin {
  return {
    onRequestParse({ request }) {
      const origin = request.headers.get('origin')
      if (origin === null || allowed.has(origin)) return
      let host: string | null = null
      try {
        host = new URL(origin).host
      } catch {}
      if (host !== null && host === new URL(request.url).host) return
      throw createGraphQLError(`queries from pages of another origin ('${origin.slice(0, 40)}') are refused; an administrator can allow one in MSP_CORS_ORIGINS`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 403 } },
      })
    },
  }
}
