// A worker thread of the query pool. It loads the worker's code precompiled into one module
// (query-pool.ts, compileQueryWorker): a thread that registers tsx runs tsx's loader on a
// thread of its own and keeps what it compiled, some 50 MiB more a worker. Without that module
// (it could not be built, or it is gone) the thread registers tsx and loads the TypeScript,
// since a worker does not inherit the loader the main thread runs under (tsx or Vitest).
// The thread reports ready only once its schema is loaded and its database open.
import { workerData } from 'node:worker_threads'

const { compiled, ...data } = workerData
const code = (compiled && (await import(compiled).catch(missing))) || (await typescript())
export default await code.openQueryRunner(data, code.installation)

/** The compiled module, or a package it names, is gone (a new install): undefined. */
function missing(error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  return undefined
}

async function typescript() {
  const { register } = await import('tsx/esm/api')
  register()
  return import('./run-query.ts')
}
