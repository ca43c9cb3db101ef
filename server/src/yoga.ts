// The GraphQL app, with no port: main.ts listens, tests call yoga.fetch.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { createYoga, maskError, type Plugin } from 'graphql-yoga'
import { LRUCache } from 'lru-cache'
import { getOperationAST, type DocumentNode } from 'graphql'
import type { Db } from '@msp/db'
import { useCookies } from '@whatwg-node/server-plugin-cookies'
import { credentialsOf, KeptCredentials, type Credentials } from './auth/viewer.ts'
import { createContext, languageOf, type AuthSettings } from './context.ts'
import { userError } from './errors.ts'
import { useJsonPostOnly, useNestingLimit, useSameOrigin, useShortMessages } from './execution/json-requests.ts'
import { useQueryBudget } from './execution/query-budget.ts'
import { useQueryLimits } from './execution/query-cost.ts'
import type { QueryPool } from './execution/query-pool.ts'
import { useQueryLog, type QueryLog } from './execution/query-log.ts'
import { RateLimiter, useRateLimit } from './execution/rate-limit.ts'
import { useResponseCache } from './execution/response-cache.ts'
import type { Registry } from './registry.ts'
import { schema } from './schema/index.ts'
import type { Settings } from './settings.ts'
import { readVersions } from './shared-reads.ts'

export interface AppOptions {
  db: Db
  registry: Registry
  settings: Settings
  /** Runs heavy queries off the main thread; without it every query runs here. */
  pool?: QueryPool
  /** Time-progress stops here; today when omitted. */
  asOf?: string
  /** Where every operation is recorded; none in a test that does not ask for one. */
  queryLog?: QueryLog
  /**
   * Who is asking, from a request's headers: the session cookie or bearer token by default.
   * `pnpm bench` gives a fixed viewer to time a query without the lookup.
   */
  credentials?: (headers: Headers) => Promise<Credentials>
}

export function authSettings(settings: Settings): AuthSettings {
  return {
    limits: { idleMs: settings.sessionIdleMinutes * 60_000, absoluteMs: settings.sessionHours * 3_600_000 },
    secureCookies: settings.secureCookies,
  }
}

/** Operations costing this much run on the pool even when they read no figures (introspection). */
export const heavyQueryCost = 100

export function createApp({ db, registry, settings, pool, asOf, queryLog, credentials: credentialsFrom }: AppOptions) {
  const allowed = new Set(settings.corsOrigins)
  const limiter = new RateLimiter(settings.rateLimitPerMinute)
  const keptCredentials = new KeptCredentials()
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: graphiqlOptions,
    // GraphiQL from the package, not a CDN: the bureau's network may not reach one. The page
    // is 9 MB: made once. (http.ts serves it compressed; this serves yoga.fetch.)
    renderGraphiQL: () => graphiqlPage(),
    // Who is asking, from the session cookie or the bearer token. The versions are read first,
    // once a request: a secret looked up before is taken from memory while the sign-ins are
    // unchanged, and the response cache keys its answers to the data's.
    context: async ({ request }) => {
      const auth = authSettings(settings)
      const versions = await readVersions(db)
      const credentials = credentialsFrom
        ? await credentialsFrom(request.headers)
        : await credentialsOf(db, request.headers, auth.limits, { credentials: keptCredentials, authVersion: versions.auth }, !settings.readOnly)
      const context = createContext(db, registry, asOf, { periodRange: settings.periodRange, returnDueDay: settings.returnDueDay, returnsFrom: settings.returnsFrom, credentials, auth, language: languageOf(request.headers) })
      context.versions = versions
      return context
    },
    // Same origin only, unless an origin is allowed by name (MSP_CORS_ORIGINS).
    cors: (request) => {
      const origin = request.headers.get('origin')
      return origin && allowed.has(origin)
        ? { origin, credentials: true, methods: ['POST'], allowedHeaders: ['content-type', 'x-graphql-yoga-csrf'], maxAge: 600 }
        : false
    },
    maxRequestBodySize: settings.maxBodyBytes,
    // Parsed documents are cached by their text; a large one parses to megabytes, so only
    // documents of the size people write are kept.
    parserAndValidationCache: { documentCache: smallDocumentCache<DocumentNode>(), errorCache: smallDocumentCache<object>() },
    multipart: false,
    batching: false,
    // Errors a user caused (GraphQLError with a code) pass through; anything else is masked.
    maskedErrors: { maskError: (error, message) => maskError(error, message, false) },
    landingPage: false,
    plugins: [
      // Sign-in and sign-out set and clear the session cookie through request.cookieStore.
      useCookies(),
      useShortMessages(),
      useJsonPostOnly(),
      useSameOrigin(allowed),
      useCSRFPrevention(),
      useNestingLimit(),
      // Every operation is logged and counted against its caller's rate, a kept answer too.
      ...(queryLog ? [useQueryLog(queryLog)] : []),
      useRateLimit(limiter),
      ...(settings.readOnly ? [useReadOnly()] : []),
      // Before the cost limits: a kept answer's query passed them when it was first answered
      // (measuring it again took 0.7 ms of a hit's 4); before the pool: it needs no thread.
      ...(settings.responseCacheMegabytes > 0 ? [useResponseCache({ db, maxBytes: settings.responseCacheMegabytes * 1024 * 1024 })] : []),
      useQueryLimits(),
      useQueryBudget({ timeoutMs: settings.requestTimeoutMs, heavyCost: heavyQueryCost, pool }),
    ],
  })
}

export type App = ReturnType<typeof createApp>

export const readOnlyMessage =
  "this server is a read replica and writes nothing: sign in, save and change things at the primary's address (this one answers queries, with an API token)"

/**
 * A read replica's server (MSP_READ_ONLY=1) refuses every mutation, signing in too (it makes
 * a session), before it runs: on a hot standby the write would fail anyway, less clearly.
 */
export function useReadOnly(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return
      setResultAndStopExecution({ errors: [userError('READ_ONLY', readOnlyMessage)] })
    },
  }
}

/** An LRU cache of parsed documents whose text is at most 8 KB. */
export function smallDocumentCache<T extends {}>() {
  const cache = new LRUCache<string, T>({ max: 500, ttl: 3_600_000 })
  return {
    get: (key: string) => cache.get(key),
    set: (key: string, value: T) => {
      if (key.length <= 8_192) cache.set(key, value)
    },
  }
}

let page: Promise<string> | undefined
/**
 * GraphiQL's page, made once, when first asked for: its package holds some 28 MB of script in
 * memory, which a server nobody opens GraphiQL on need not keep.
 */
export function graphiqlPage(): Promise<string> {
  page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(graphiqlOptions))
  return page
}

const exampleQuery = `# The 2023 scorecard of the district
query Scorecard {
  scorecard(period: { year: 2023 }) {
    period score maxScore
    areas {
      area { key name }
      score maxScore
      rows { metric { key name unit } actual target completion expected previous yoyRate status points sources }
    }
  }
}
`

const graphiqlOptions = { title: '武昌区市场监管绩效 GraphQL', defaultQuery: exampleQuery }
