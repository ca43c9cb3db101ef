// A worker thread of the query pool. The server's sources are TypeScript: register tsx here,
// since a worker does not inherit the loader the main thread runs under (tsx or Vitest).
import { register } from 'tsx/esm/api'

register()
const { runQuery } = await import('./run-query.ts')
export default runQuery
