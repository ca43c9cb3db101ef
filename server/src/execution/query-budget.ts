// Where and for how long an operation runs. Heavy operations (by measured cost) go to the
// worker pool; the rest run here. Either way an operation past the time limit is stopped
// and answered with TIMEOUT.
import { print } from 'graphql'
import { createGraphQLError, type Plugin } from 'graphql-yoga'
import type { Span } from '../engine/index.ts'
import { userError } from '../errors.ts'
import type { QueryPool } from './query-pool.ts'
import type { MeasuredContext } from './query-cost.ts'

export interface QueryBudget {
  timeoutMs: number
  /** Operations costing this much or more run on the pool. */
  heavyCost: number
  pool?: QueryPool
  /** What a worker needs to open its own connection and context. */
  databaseUrl: string
  asOf: string
  periodRange: Span
}

export interface BudgetedContext extends MeasuredContext {
  /** Aborted when the operation runs out of time: resolvers stop at their next read. */
  signal?: AbortSignal
}

const timeoutError = (ms: number) =>
  userError('TIMEOUT', `the query ran longer than ${ms / 1000} s and was stopped; ask for a shorter period or fewer fields`)

export function useQueryBudget(budget: QueryBudget): Plugin<BudgetedContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue
      const timer = new AbortController()
      const timeout = setTimeout(() => timer.abort(), budget.timeoutMs)
      const request = (context as { request?: Request }).request
      const signal = request?.signal ? AbortSignal.any([timer.signal, request.signal]) : timer.signal
      context.signal = signal
      const pool = budget.pool
      if (pool && (context.queryCost ?? 0) >= budget.heavyCost) {
        setExecuteFn(async () => {
          try {
            const result = await pool.run({
              databaseUrl: budget.databaseUrl, asOf: budget.asOf, periodRange: budget.periodRange,
              query: print(args.document), variables: (args.variableValues as Record<string, unknown>) ?? null,
              operationName: args.operationName ?? null,
            }, signal)
            return {
              data: result.data,
              errors: result.errors?.map((e) => createGraphQLError(e.message, { path: e.path, extensions: e.extensions })),
            }
          } catch (error) {
            if (timer.signal.aborted) return { errors: [timeoutError(budget.timeoutMs)] }
            if (error instanceof Error && /queue is at limit/i.test(error.message)) {
              return { errors: [userError('BUSY', 'the server is answering too many heavy queries; try again in a minute')] }
            }
            throw error
          } finally {
            clearTimeout(timeout)
          }
        })
        return
      }
      setExecuteFn(async (executeArgs) => {
        const stopped = new Promise<'timeout'>((resolve) => timer.signal.addEventListener('abort', () => resolve('timeout'), { once: true }))
        try {
          const result = await Promise.race([executeFn(executeArgs), stopped])
          return result === 'timeout' ? { errors: [timeoutError(budget.timeoutMs)] } : result
        } finally {
          clearTimeout(timeout)
        }
      })
    },
  }
}
