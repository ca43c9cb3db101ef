// Answers to read queries, kept while the data has not changed. The key is the query, its
// variables, who may see what (the viewer's role and org unit: two committee members share
// answers, a station clerk never sees the district's), the language, the day time-progress
// stops at, and the data's version, asked of the database when the request came (one cheap
// statement on a connection of its own, shared-reads.ts). So a write acknowledged to anyone, from this process or another
// (an import), changes the version, and no answer from before it is served again.
import { createHash } from 'node:crypto'
import { getOperationAST, Kind, print, type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { LRUCache } from 'lru-cache'
import type { Db } from '@msp/db'
import type { Viewer } from '../auth/viewer.ts'
import { dataVersion, type Versions } from '../shared-reads.ts'

/**
 * Root query fields whose answer depends only on the data and the viewer's scope. The others
 * answer about the viewer themself (viewer, users, apiTokens, queryLog) or check values sent
 * with the query (checkReturn): they are never kept. A new root field must be put in one list
 * (a test checks every field is).
 */
export const cachedRootFields: ReadonlySet<string> = new Set([
  'scorecard', 'metric', 'area', 'areas', 'orgUnit', 'orgUnits', 'period', 'dataRange',
  'completeness', 'returnsCoverage', 'lockedMonths', 'approvalQueue', 'monthlyReturn', 'targetSheet', 'installation',
])
export const uncachedRootFields: ReadonlySet<string> = new Set(['viewer', 'users', 'apiTokens', 'queryLog', 'checkReturn'])

export interface ResponseCacheOptions {
  db: Db
  /** How much the kept answers may take, measured as their JSON's length. */
  maxBytes?: number
}

interface CachedContext {
  /** Read when the request came (yoga.ts); asked here when absent. */
  versions?: Versions
  viewer?: Viewer | null
  language?: string
  asOf?: string
  params?: { query?: string }
  request?: Request
}

/** What the cache did for each request, for its response's header (x-response-cache). */
const outcomes = new WeakMap<Request, 'HIT' | 'MISS'>()

export function useResponseCache({ db, maxBytes = 64 * 1024 * 1024 }: ResponseCacheOptions): Plugin<CachedContext> & { stats: { hits: number; misses: number } } {
  const kept = new LRUCache<string, KeptResult>({
    maxSize: maxBytes,
    sizeCalculation: (result) => Math.max(1, result.json.length),
  })
  let version: { value: string; at: number } | undefined
  const stats = { hits: 0, misses: 0 }
  return {
    stats,
    async onExecute({ args, setResultAndStopExecution }) {
      const fields = rootFields(args.document, args.operationName)
      if (!fields || !fields.every((f) => cachedRootFields.has(f) || f === '__typename')) return
      const context = args.contextValue
      const current = context.versions?.data ?? (await dataVersion(db))
      // An old version's answers can never be asked for again: let them go at once.
      if (version && version.value !== current) kept.clear()
      version = { value: current, at: Date.now() }
      const viewer = context.viewer
      const key = createHash('sha256').update(JSON.stringify([
        context.params?.query ?? print(args.document), args.operationName ?? null, args.variableValues ?? null,
        viewer ? `${viewer.role}:${viewer.orgUnitKey ?? ''}` : null, context.language ?? null, context.asOf ?? null, current,
      ])).digest('base64url')
      const known = kept.get(key)
      if (known) {
        stats.hits++
        if (context.request) outcomes.set(context.request, 'HIT')
        setResultAndStopExecution(known)
        return
      }
      stats.misses++
      if (context.request) outcomes.set(context.request, 'MISS')
      return {
        onExecuteDone({ result }) {
          // Only whole answers: an error may be the moment's (a timeout, a busy server).
          if (!isAsyncIterable(result) && !result.errors?.length && result.data && version?.value === current) kept.set(key, keep(result))
        },
      }
    },
    onResponse({ request, response }) {
      const outcome = outcomes.get(request)
      if (outcome) response.headers.set('x-response-cache', outcome)
    },
  }
}

/**
 * An answer with its JSON, made once. Yoga writes a result out with the result's own
 * `stringify` when it has one: a kept answer is not serialised again on every hit (it was a
 * sixth of a hit's time for a 26 KB scorecard).
 */
interface KeptResult extends ExecutionResult {
  json: string
  stringify: () => string
}

function keep(result: ExecutionResult): KeptResult {
  const json = JSON.stringify(result)
  const kept = { ...result } as KeptResult
  // Not enumerable: the JSON is the answer's, not part of it.
  Object.defineProperty(kept, 'json', { value: json })
  Object.defineProperty(kept, 'stringify', { value: () => json })
  return kept
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/** The root fields a query operation selects, through its fragments; null for a mutation or subscription. */
function rootFields(document: DocumentNode, operationName: string | null | undefined): string[] | null {
  const operation = getOperationAST(document, operationName)
  if (!operation || operation.operation !== 'query') return null
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const names: string[] = []
  const seen = new Set<string>()
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value)
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet)
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value)
        const fragment = fragments.get(s.name.value)
        if (fragment) visit(fragment.selectionSet)
      }
    }
  }
  visit(operation.selectionSet)
  return names
}
