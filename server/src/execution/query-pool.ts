// Heavy queries run on worker threads, so the main thread stays free to answer everything
// else; a query past its time is stopped by ending its thread, not merely abandoned.
import Piscina from 'piscina'
import type { QueryTask, QueryTaskResult, QueryWorkerData } from './run-query.ts'

export interface QueryPool {
  run(task: QueryTask, signal: AbortSignal): Promise<QueryTaskResult>
  /** Resolves when every thread has loaded the schema and opened the database. */
  ready(): Promise<void>
  /** Threads started so far: more than the pool's size means some were ended. */
  readonly threadsStarted: number
  close(): Promise<void>
}

export function createQueryPool(threads: number, workerData: QueryWorkerData, maxQueue = 200): QueryPool {
  const pool = new Piscina<QueryTask, QueryTaskResult>({
    filename: new URL('./query-worker.mjs', import.meta.url).href,
    workerData,
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    // Not the parent's loader flags (Vitest's, or tsx's): the worker registers tsx itself.
    execArgv: [],
    // A thread holds a schema and a connection: keep it rather than start anew.
    idleTimeout: Number.MAX_SAFE_INTEGER,
  })
  let threadsStarted = 0
  pool.on('workerCreate', () => threadsStarted++)
  return {
    run: (task, signal) => pool.run(task, { signal }),
    get threadsStarted() {
      return threadsStarted
    },
    ready: async () => {
      await Promise.all(Array.from({ length: threads }, () => pool.run({ query: '{ __typename }', variables: null, operationName: null, deadline: Date.now() + 60_000 })))
    },
    close: () => pool.close({ force: true }),
  }
}
