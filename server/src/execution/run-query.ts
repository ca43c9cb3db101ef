// Runs operations inside a worker thread, on the thread's own database connection, and
// returns results that cross threads as plain data, errors already masked.
import { execute, parse, type GraphQLError, type GraphQLFormattedError } from 'graphql'
import { maskError } from 'graphql-yoga'
import { openDatabase } from '@msp/db'
import type { InstallationDefinition } from '@msp/plugin-sdk'
import type { Credentials } from '../auth/viewer.ts'
import { createContext } from '../context.ts'
import type { Span } from '../engine/index.ts'
import { loadRegistry } from '../plugins.ts'
import { createRegistry } from '../registry.ts'
import { ranOutOfTime } from './query-budget.ts'
import { schema } from '../schema/index.ts'

/** What every thread of a pool shares: where the data is and what periods may be asked. */
export interface QueryWorkerData {
  databaseUrl: string
  periodRange: Span
  returnDueDay?: number
  returnsFrom?: string | null
  /** Time-progress stops here; today when empty. */
  asOf: string
  /** The installation file the server loaded. */
  configPath: string
}

export interface QueryTask {
  query: string
  variables: Record<string, unknown> | null
  operationName: string | null
  /** When the query runs out of time (ms since the epoch; threads share the clock). */
  deadline: number
  /** Who asked, as the main thread read it from the request. */
  credentials?: Credentials | undefined
  /** The language of the request's messages. */
  language?: 'zh-CN' | 'en' | undefined
}

export interface QueryTaskResult {
  data?: Record<string, unknown> | null
  errors?: GraphQLFormattedError[]
  /** The query stopped at its deadline. */
  timedOut?: boolean
}

/**
 * `installation`: the installation file's definition when it was compiled in with this code
 * (query-pool.ts), already validated by the main thread; else the file is loaded from its path.
 */
export async function openQueryRunner(workerData: QueryWorkerData, installation?: InstallationDefinition): Promise<(task: QueryTask) => Promise<QueryTaskResult>> {
  const { db } = await openDatabase(workerData.databaseUrl, { migrate: false })
  const registry = installation ? createRegistry(installation) : await loadRegistry(workerData.configPath)
  // A first read, so the thread's first real query finds the connection open.
  await db.orgUnit.count()
  return async (task) => {
    // The session or token was checked on the main thread; the secret itself stays there.
    const credentials = task.credentials && { ...task.credentials, sessionSecret: null }
    const context = createContext(db, registry, workerData.asOf || undefined, { periodRange: workerData.periodRange, returnDueDay: workerData.returnDueDay, returnsFrom: workerData.returnsFrom ?? null, credentials, language: task.language })
    context.deadline = task.deadline
    const result = await execute({
      schema,
      document: parse(task.query),
      variableValues: task.variables,
      operationName: task.operationName,
      contextValue: context,
    })
    if (ranOutOfTime(result.errors)) return { timedOut: true }
    return {
      data: result.data as Record<string, unknown> | null | undefined,
      errors: result.errors?.map((error) => {
        const masked = maskError(error, 'Unexpected error.', false) as GraphQLError
        if (masked !== error) console.error(error)
        return masked.toJSON()
      }),
    }
  }
}
