// The HTTP front as `pnpm start` serves it: static files, odd paths, headers on every answer,
// and heavy queries that do not starve light ones.
import { bearer } from './support/accounts.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/browser.ts'
import { get, rawRequest } from './support/raw-http.ts'

let app: RunningApp
let port: number
beforeAll(async () => {
  app = await startApp()
  port = Number(new URL(app.url).port)
})
afterAll(() => app?.stop())

const healthy = async () => (await fetch(`${app.url}/health`)).status

describe('static files', () => {
  it('answers every odd path with a status and stays up', async () => {
    const paths = [
      '/assets/.', '/.', '/..', '/assets/..', '/%', '/%ZZ', '/assets/%2e%2e/%2e%2e/package.json', '/../../../../etc/passwd',
      '/assets/../../server/src/main.ts', '//etc/passwd', '/assets/', '/assets', '/index.html/', '/\u00e9', '/a%00b',
      `/${'a/'.repeat(2000)}`, `/${'%2e%2e/'.repeat(300)}`, '/assets/missing.js', '/.git/config', '/client/dist/index.html',
      '*', 'http://example.com/', '/?%', '/#frag',
    ]
    for (const path of paths) {
      const response = await rawRequest(port, get(path))
      expect(response.status, path).toBeGreaterThanOrEqual(200)
      expect(response.status, path).toBeLessThan(500)
      expect(response.body.toString('latin1'), path).not.toMatch(/root:|"name": "@msp|import \{/)
    }
    expect(await healthy()).toBe(200)
  })

  it('survives malformed ranges, methods and headers', async () => {
    const requests = [
      get('/', 'Range: bytes=5-2\r\n'), get('/', 'Range: bytes=999999999-\r\n'), get('/', 'Range: lines=1-2\r\n'),
      get('/', 'Accept-Encoding: br, gzip, ' + 'x'.repeat(6000) + '\r\n'), get('/', 'If-None-Match: ' + '"'.repeat(500) + '\r\n'),
      'DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'PUT /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
      'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', 'BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'GARBAGE\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n',
    ]
    for (const request of requests) {
      const response = await rawRequest(port, request)
      expect(response.status, request.slice(0, 60)).toBeLessThan(500)
    }
    expect(await healthy()).toBe(200)
  })

  it('serves hashed assets precompressed, cached for good, and the page itself revalidated', async () => {
    const page = await fetch(`${app.url}/`)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const html = await page.text()
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!
    const brotli = await rawRequest(port, get(script, 'Accept-Encoding: gzip, deflate, br\r\n'))
    expect(brotli.head).toMatch(/content-encoding: br/i)
    expect(brotli.head).toMatch(/cache-control: public, max-age=31536000, immutable/i)
    expect(brotli.head).toMatch(/content-type: text\/javascript/i)
    const gzip = await rawRequest(port, get(script, 'Accept-Encoding: gzip\r\n'))
    expect(gzip.head).toMatch(/content-encoding: gzip/i)
    const plain = await rawRequest(port, get(script))
    expect(plain.head).not.toMatch(/content-encoding/i)
    expect(plain.body.length).toBeGreaterThan(brotli.body.length * 2)
    // A client route is the app; an unknown asset is not, nor is the folder, nor a compressed copy by name.
    expect((await fetch(`${app.url}/area/food`)).status).toBe(200)
    // A route whose last segment looks like a file name is still the app when a browser navigates to it.
    const navigating = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } }
    for (const route of ['/metrics/food.incidents', '/metrics/enforcement.fines?year=2023', '/metrics/motions.handled']) {
      const answer = await fetch(`${app.url}${route}`, navigating)
      expect(answer.status, route).toBe(200)
      expect(await answer.text(), route).toContain('<div id="root">')
    }
    expect((await fetch(`${app.url}/assets/missing.js`, navigating)).status).toBe(404)
    expect((await fetch(`${app.url}/assets/nothing-here.js`)).status).toBe(404)
    expect((await fetch(`${app.url}/assets/`)).status).toBe(404)
    expect((await fetch(`${app.url}/assets/no-extension`)).status).toBe(404)
    expect((await fetch(`${app.url}${script}.br`)).status).toBe(404)
    // An encoding refused with q=0 is not sent.
    const refused = await rawRequest(port, get(script, 'Accept-Encoding: br;q=0, gzip\r\n'))
    expect(refused.head).toMatch(/content-encoding: gzip/i)
  })
})

describe('headers on every answer', () => {
  it('forbids framing and sniffing, and sets a content security policy', async () => {
    for (const path of ['/', '/assets/nothing.js', '/graphql', '/health', '/area/food']) {
      const response = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } })
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy, path).toContain("frame-ancestors 'none'")
      expect(policy, path).toContain("object-src 'none'")
    }
    const app_ = (await fetch(`${app.url}/`)).headers.get('content-security-policy')!
    expect(app_).toContain("script-src 'self'")
    expect(app_).not.toContain("script-src 'self' 'unsafe-inline'")
  })

  it('refuses host names it does not know, so a rebound DNS name cannot read it', async () => {
    const query = JSON.stringify({ query: '{ __typename }' })
    const post = (host: string) => rawRequest(port, `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${query.length}\r\nConnection: close\r\n\r\n${query}`)
    const rebound = await post(`attacker.example:${port}`)
    expect(rebound.status).toBe(403)
    expect(rebound.body.toString()).toContain('MSP_ALLOWED_HOSTS')
    expect((await rawRequest(port, get('/', ''))).status).toBe(200)
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) expect((await post(host)).status, host).toBe(200)
  })

  it('serves GraphiQL from the package to a browser, compressed and revalidated, and no query by GET', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    const compressed = await rawRequest(port, get('/graphql', 'Accept: text/html\r\nAccept-Encoding: br, gzip\r\n'))
    expect(compressed.head).toMatch(/content-encoding: br/i)
    expect(compressed.body.length).toBeLessThan(4_000_000)
    const etag = /etag: (\S+)/i.exec(compressed.head)![1]!
    expect((await rawRequest(port, get('/graphql', `Accept: text/html\r\nIf-None-Match: ${etag}\r\n`))).status).toBe(304)
    const byGet = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } })
    expect(byGet.status).toBe(405)
  })
})

describe('heavy queries beside light ones', () => {
  it('answers {__typename} while the heaviest legal queries run', async () => {
    const breakdowns = `{ ${['2021', '2022', '2023'].map((y, i) => `b${i}: areas { breakdown(period: { year: ${y} }) { score } }`).join(' ')} scorecard(period: { year: 2023 }) { score } }`
    // Cheap by cost, but each value reads figures: these run on the threads too.
    const values = `{ ${Array.from({ length: 19 }, (_, i) => `v${i}: metric(key: "prices.operators-checked") { value(period: { from: "2023-01-${String(i + 1).padStart(2, '0')}", to: "2023-12-31" }) }`).join(' ')} }`
    const post = (q: string) => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer }, body: JSON.stringify({ query: q }) })
    const finished: string[] = []
    const heavies = Array.from({ length: 6 }, (_, i) => post(i % 2 ? values : breakdowns).then(async (r) => {
      expect((await r.json()).errors).toBeUndefined()
      finished.push(`heavy ${i}`)
    }))
    await new Promise((r) => setTimeout(r, 50))
    const light = await post('{ __typename }')
    finished.push('light')
    expect(await light.json()).toEqual({ data: { __typename: 'Query' } })
    await Promise.all(heavies)
    // The light query did not queue behind the heavy ones.
    expect(finished.indexOf('light')).toBeLessThan(3)
  })
})
