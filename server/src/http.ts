// The HTTP front: GraphQL at /graphql, the built client (client/dist) everywhere else, and
// security headers on every response. No path, however odd, stops the process.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import helmet from 'helmet'
import sirv from 'sirv'
import { hostAllowed } from './host-check.ts'
import { graphiqlPage, type App } from './yoga.ts'

const clientDist = join(import.meta.dirname, '..', '..', 'client', 'dist')

/** Security headers (helmet), with the scripts a page may run; no framing, no plugins. */
function securityHeaders(scriptSrc: string[]) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc,
        // Ant Design (and GraphiQL) write their styles at run time.
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
}

/** The dashboard runs its own scripts only. */
const appHeaders = securityHeaders(["'self'"])
/** GraphiQL is one page of inline script, with editor workers from blobs. */
const graphiqlHeaders = securityHeaders(["'self'", "'unsafe-inline'", 'blob:'])

const notBuilt = '<!doctype html><meta charset="utf-8"><title>市场监管绩效</title><p>The client is not built yet (pnpm build). GraphQL: <a href="/graphql">/graphql</a></p>'

function staticFiles() {
  if (!existsSync(join(clientDist, 'index.html'))) return null
  // Files are listed once at start (no file system look-up per request); unknown routes get
  // index.html, unknown assets 404; precompressed .br/.gz siblings (made at build) are served
  // when accepted.
  return sirv(clientDist, {
    single: true,
    ignores: ['^/assets/'],
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(response, pathname) {
      response.setHeader('cache-control', /^\/assets\/[^/]+\.[a-z0-9]+$/i.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** The encodings a client accepts, those it refuses with q=0 left out: sirv reads no q-values. */
function acceptedEncodings(header: string | undefined): string[] {
  return (header ?? '').split(',').flatMap((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return name && !(q && Number(q.slice(2)) === 0) ? [name] : []
  })
}

interface CompressedPage {
  identity: Buffer
  br: Buffer
  gzip: Buffer
  etag: string
}
let graphiql: CompressedPage | undefined

/** GraphiQL's page is 9 MB of script: compressed once, revalidated by ETag. */
async function serveGraphiQL(request: IncomingMessage, response: ServerResponse) {
  if (!graphiql) {
    const identity = Buffer.from(await graphiqlPage())
    graphiql ??= {
      identity,
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip: gzipSync(identity),
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    }
  }
  const encodings = acceptedEncodings(request.headers['accept-encoding'])
  const encoding = encodings.includes('br') ? 'br' : encodings.includes('gzip') ? 'gzip' : 'identity'
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', etag: graphiql.etag, vary: 'Accept-Encoding' }
  const tags = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''))
  if (tags.includes(graphiql.etag) || tags.includes('*')) {
    response.writeHead(304, headers).end()
    return
  }
  const body = graphiql[encoding]
  response.writeHead(200, { ...headers, 'content-length': body.length, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }) })
  response.end(request.method === 'HEAD' ? undefined : body)
}

export function createRequestHandler(app: App, allowedHosts: readonly string[] = []) {
  const files = staticFiles()
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!
    const isGraphQL = path === '/graphql' || path.startsWith('/graphql/')
    const headers = isGraphQL ? graphiqlHeaders : appHeaders
    headers(request, response, () => {
      try {
        if (!hostAllowed(request.headers.host, allowedHosts)) {
          response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
          response.end(`this server does not answer to the host name '${String(request.headers.host).slice(0, 60)}'; an administrator can add it to MSP_ALLOWED_HOSTS`)
          return
        }
        if (isGraphQL) {
          const method = request.method
          if ((method === 'GET' || method === 'HEAD') && request.headers.accept?.includes('text/html')) {
            serveGraphiQL(request, response).catch(() => {
              if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
              response.end('GraphiQL could not be loaded')
            })
          }
          else void app(request, response)
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
        // The compressed copies are served in place of their file, never by their own name.
        if (/\.(br|gz)\/?$/i.test(decodedPath(path))) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
          return
        }
        request.headers['accept-encoding'] = acceptedEncodings(request.headers['accept-encoding']).join(', ')
        const notFound = () => {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
        }
        files(request, response, () => {
          // sirv takes a route ending in '.word' for a file (/metrics/food.incidents): a page a
          // browser navigates to is the dashboard's, whatever its last segment; assets are not.
          if (path.startsWith('/assets/') || !request.headers.accept?.includes('text/html')) return notFound()
          request.url = '/'
          files(request, response, notFound)
        })
      } catch (error) {
        console.error(error)
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        response.end('bad request')
      }
    })
  }
}
