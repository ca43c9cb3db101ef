// The HTTP front: GraphQL at /graphql, the built client (client/dist) everywhere else, and
// security headers on every response. No path, however odd, stops the process.
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import helmet from 'helmet'
import sirv from 'sirv'
import type { App } from './yoga.ts'

const clientDist = join(import.meta.dirname, '..', '..', 'client', 'dist')

/** The dashboard: its own scripts; inline styles (Ant Design writes them at run time); no framing. */
const appHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // Served over plain HTTP inside the bureau's network as often as behind TLS.
  strictTransportSecurity: false,
})

/** GraphiQL is one page of inline script and styles, with editor workers from blobs. */
const graphiqlHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  strictTransportSecurity: false,
})

const notBuilt = '<!doctype html><meta charset="utf-8"><title>市场监管绩效</title><p>The client is not built yet (pnpm build). GraphQL: <a href="/graphql">/graphql</a></p>'

function staticFiles() {
  if (!existsSync(join(clientDist, 'index.html'))) return null
  // Files are listed once at start (no file system look-up per request); unknown routes get
  // index.html; precompressed .br/.gz siblings (made at build) are served when accepted.
  return sirv(clientDist, {
    single: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(response, pathname) {
      response.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
}

export function createRequestHandler(app: App) {
  const files = staticFiles()
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!
    const isGraphQL = path === '/graphql' || path.startsWith('/graphql/')
    const headers = isGraphQL ? graphiqlHeaders : appHeaders
    headers(request, response, () => {
      try {
        if (isGraphQL) {
          void app(request, response)
          return
        }
        if (path === '/health') {
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('ok')
          return
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed')
          return
        }
        if (!files) {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(notBuilt)
          return
        }
        // Byte ranges are of no use for these files, and a malformed one throws inside sirv.
        delete request.headers.range
        files(request, response, () => {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
        })
      } catch (error) {
        console.error(error)
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        response.end('bad request')
      }
    })
  }
}
