// A worker thread of the query pool. The server's sources are TypeScript: register tsx here,
// since a worker does not inherit the loader the main thread runs under (tsx or Vitest).
// The thread reports ready only once its schema is loaded and its database open.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { openQueryRunner } = await import('./run-query.ts')
export default await openQueryRunner(workerData)
