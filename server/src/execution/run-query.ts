// Runs one operation inside a worker thread, on the worker's own database connection, and
// returns a result that crosses threads as plain data, errors already masked.
import { execute, parse, type GraphQLError, type GraphQLFormattedError } from 'graphql'
import { maskError } from 'graphql-yoga'
import { openDatabase, type Database } from '@msp/db'
import { createContext } from '../context.ts'
import type { Span } from '../engine/index.ts'
import { loadRegistry } from '../plugins.ts'
import { schema } from '../schema/index.ts'

export interface QueryTask {
  databaseUrl: string
  asOf: string
  periodRange: Span
  query: string
  variables: Record<string, unknown> | null
  operationName: string | null
}

export interface QueryTaskResult {
  data?: Record<string, unknown> | null
  errors?: GraphQLFormattedError[]
}

const databases = new Map<string, Promise<Database>>()

export async function runQuery(task: QueryTask): Promise<QueryTaskResult> {
  let database = databases.get(task.databaseUrl)
  if (!database) databases.set(task.databaseUrl, (database = openDatabase(task.databaseUrl, { migrate: false })))
  const context = createContext((await database).db, loadRegistry(), task.asOf || undefined, { periodRange: task.periodRange })
  const result = await execute({
    schema,
    document: parse(task.query),
    variableValues: task.variables,
    operationName: task.operationName,
    contextValue: context,
  })
  return {
    data: result.data as Record<string, unknown> | null | undefined,
    errors: result.errors?.map((error) => {
      const masked = maskError(error, 'Unexpected error.', false) as GraphQLError
      if (masked !== error) console.error(error)
      return masked.toJSON()
    }),
  }
}
