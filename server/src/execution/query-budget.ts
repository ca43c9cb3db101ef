// Where and for how long an operation runs. Operations that read figures or cost much go to
// the worker pool; the rest (the catalogue, `{ __typename }`) run here. Either way an
// operation past the time limit is stopped and answered with TIMEOUT.
import { getOperationAST, print, type GraphQLError } from 'graphql'
import { createGraphQLError, type Plugin } from 'graphql-yoga'
import { userError } from '../errors.ts'
import type { QueryPool } from './query-pool.ts'
import type { QueryTask } from './run-query.ts'
import type { MeasuredContext } from './query-cost.ts'

export interface QueryBudget {
  timeoutMs: number
  /** Operations costing this much or more run on the pool, whether or not they read figures. */
  heavyCost: number
  pool?: QueryPool
}

export interface BudgetedContext extends MeasuredContext {
  /** Aborted when the caller goes away. */
  signal?: AbortSignal
  /** When the operation runs out of time (ms since the epoch): resolvers stop at their next read. */
  deadline?: number
}

export class QueryTimeout extends Error {
  override name = 'QueryTimeout'
}

/** Called by resolvers before each read: work on this thread cannot be interrupted, only stopped between steps. */
export function checkBudget(context: BudgetedContext): void {
  context.signal?.throwIfAborted()
  if (context.deadline !== undefined && Date.now() > context.deadline) throw new QueryTimeout()
}

/** Whether a resolver stopped the operation at its deadline. */
export function ranOutOfTime(errors: readonly GraphQLError[] | undefined): boolean {
  return !!errors?.some((e) => e.originalError instanceof QueryTimeout)
}

const timeoutError = (ms: number) =>
  userError('TIMEOUT', `the query ran longer than ${ms / 1000} s and was stopped; ask for a shorter period or fewer fields`)

function credentialsFor(credentials: QueryTask['credentials']): QueryTask['credentials'] {
  return credentials && { ...credentials, sessionSecret: null }
}

export function useQueryBudget(budget: QueryBudget): Plugin<BudgetedContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue
      const request = (context as { request?: Request }).request
      context.signal = request?.signal
      context.deadline = Date.now() + budget.timeoutMs
      const pool = budget.pool
      const measure = context.queryMeasure
      // Whatever reads figures runs on the pool, however cheap it looks; so does anything costly.
      // Mutations stay here: they set cookies and write through this thread's connection.
      const mutation = getOperationAST(args.document, args.operationName)?.operation === 'mutation'
      if (pool && measure && !mutation && (measure.readsFigures || measure.cost >= budget.heavyCost)) {
        setExecuteFn(async () => {
          // The thread stops the query itself at its deadline, between reads. Ending the thread
          // is the backstop for work that does not reach a read in time: a new one takes seconds
          // to load, so a caller who goes away does not end it; the query runs out its time.
          const backstop = AbortSignal.timeout(budget.timeoutMs + Math.min(5_000, Math.max(500, budget.timeoutMs / 5)))
          try {
            const result = await pool.run({
              query: print(args.document), variables: (args.variableValues as Record<string, unknown>) ?? null,
              operationName: args.operationName ?? null, deadline: context.deadline!,
              // Who asked, but not the session's secret: it stays on this thread.
              credentials: credentialsFor((context as { credentials?: QueryTask['credentials'] }).credentials),
              language: (context as { language?: QueryTask['language'] }).language,
            }, backstop)
            if (result.timedOut) return { errors: [timeoutError(budget.timeoutMs)] }
            return {
              data: result.data,
              errors: result.errors?.map((e) => createGraphQLError(e.message, { path: e.path, extensions: e.extensions })),
            }
          } catch (error) {
            if (backstop.aborted) return { errors: [timeoutError(budget.timeoutMs)] }
            if (error instanceof Error && /queue is at limit/i.test(error.message)) {
              return { errors: [userError('BUSY', 'the server is answering too many heavy queries; try again in a minute')] }
            }
            throw error
          }
        })
        return
      }
      setExecuteFn(async (executeArgs) => {
        const result = await executeFn(executeArgs)
        return 'errors' in result && ranOutOfTime(result.errors) ? { errors: [timeoutError(budget.timeoutMs)] } : result
      })
    },
  }
}
