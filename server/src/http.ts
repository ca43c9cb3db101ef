// The HTTP front: GraphQL at /graphql, the built client (client/dist) everywhere else.
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { App } from './yoga.ts'

const clientDist = join(import.meta.dirname, '..', '..', 'client', 'dist')

export function createRequestHandler(app: App) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!
    if (path === '/graphql' || path.startsWith('/graphql/')) {
      void app(request, response)
      return
    }
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      return
    }
    serveClient(path, response)
  }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

function serveClient(path: string, response: ServerResponse) {
  const index = join(clientDist, 'index.html')
  if (!existsSync(index)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><meta charset="utf-8"><title>市场监管绩效</title><p>The client is not built yet. GraphQL: <a href="/graphql">/graphql</a></p>')
    return
  }
  const file = join(clientDist, path)
  // Hashed assets are served as they are; every other path is a client route.
  if (file.startsWith(clientDist) && path.includes('.') && existsSync(file)) {
    const ext = path.slice(path.lastIndexOf('.'))
    response.writeHead(200, {
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    response.end(readFileSync(file))
    return
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
  response.end(readFileSync(index))
}
