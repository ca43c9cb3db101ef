// Heavy queries run on worker threads, so the main thread stays free to answer everything
// else; a query past its time is stopped by ending its thread, not merely abandoned.
import Piscina from 'piscina'
import type { QueryTask, QueryTaskResult } from './run-query.ts'

export interface QueryPool {
  run(task: QueryTask, signal: AbortSignal): Promise<QueryTaskResult>
  /** Tasks waiting for a thread. */
  readonly queued: number
  close(): Promise<void>
}

export function createQueryPool(threads: number, maxQueue = 200): QueryPool {
  const pool = new Piscina<QueryTask, QueryTaskResult>({
    filename: new URL('./query-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    // Not the parent's loader flags (Vitest's, or tsx's): the worker registers tsx itself.
    execArgv: [],
    // A worker holds a schema and a database connection: keep it rather than start anew.
    idleTimeout: 60_000,
  })
  return {
    run: (task, signal) => pool.run(task, { signal }),
    get queued() {
      return pool.queueSize
    },
    close: () => pool.close({ force: true }),
  }
}
