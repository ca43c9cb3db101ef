// Generated requests, as many and as odd as a fuzzer makes them: documents near and far from
// the schema, variables of any shape, bodies and headers of any kind, raw paths. Whatever
// arrives, the process stays up, nothing answers 5xx, and no internal error reaches the caller.
import fc from 'fast-check'
import { bearer } from './support/accounts.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { startApp, type RunningApp } from './support/browser.ts'
import { openTestPlatform } from './support/platform.ts'
import { get, rawRequest } from './support/raw-http.ts'

const metricKeys = ['food.incidents', 'fishing-ban.anglers-checked', 'fishing-ban.persuasion-rate', 'prices.operators-checked', 'intellectual-property.valid-trademarks']
const unitKeys = ['wuchang', 'station-nanhu', 'district-offices']

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '0000-01-01', '9999-12-31', '2023-02-29', '2024-02-29', '2023-13-01', ' 2023-01-01', '2023-1-1', '\u0000', '"', '\\', '}{'))
const number = fc.oneof(fc.integer({ min: -5, max: 13 }), fc.integer(), fc.constantFrom(2021, 2022, 2023, 2024, 2027, 2028, 1999, 0, -1, 2 ** 31 - 1))
const date = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  text,
)
const year = fc.integer({ min: 2019, max: 2025 })
const period = fc.oneof(
  { weight: 3, arbitrary: fc.record({ year }) },
  { weight: 2, arbitrary: fc.oneof(fc.record({ year, month: fc.integer({ min: 1, max: 12 }) }), fc.record({ year, quarter: fc.integer({ min: 1, max: 4 }) })) },
  { weight: 2, arbitrary: fc.tuple(year, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 900 })).map(([y, a, b]) => {
    const from = new Date(Date.UTC(y, 0, 1 + a))
    return { from: from.toISOString().slice(0, 10), to: new Date(from.getTime() + b * 86_400_000).toISOString().slice(0, 10) }
  }) },
  { weight: 1, arbitrary: fc.record({ year: number, half: number, quarter: number, month: number, from: date, to: date }, { requiredKeys: [] }) },
)
const literal = (value: unknown): string =>
  value !== null && typeof value === 'object'
    ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`
    : JSON.stringify(value)

const rowFields = fc.subarray(['actual', 'target', 'completion', 'expected', 'previous', 'yoyChange', 'yoyRate', 'status', 'points', 'maxPoints', 'sources', 'metric { key unit }'], { minLength: 1 })
const metricFields = fc.oneof(
  fc.tuple(period, fc.option(fc.constantFrom(...unitKeys, 'mars'))).map(([p, u]) => `value(period: ${literal(p)}${u ? `, orgUnit: "${u}"` : ''})`),
  fc.tuple(period).map(([p]) => `breakdown(period: ${literal(p)}) { orgUnit { key } actual rank status }`),
  fc.tuple(fc.constantFrom('MONTH', 'QUARTER', 'YEAR', 'WEEK'), date, date).map(([g, f, t]) => `series(granularity: ${g}, from: ${JSON.stringify(f)}, to: ${JSON.stringify(t)}) { period actual target }`),
  fc.tuple(fc.option(date), fc.option(date), fc.option(fc.constantFrom('REPORT', 'SAMPLE', 'NOPE'))).map(([f, t, s]) => {
    const args = [f && `from: ${JSON.stringify(f)}`, t && `to: ${JSON.stringify(t)}`, s && `source: ${s}`].filter(Boolean)
    return `figures${args.length ? `(${args.join(', ')})` : ''} { value periodStart unitsTotal provenance { sentence } }`
  }),
  fc.constantFrom('key name unit kind', 'name(locale: "en") unitName(locale: "fr")', 'target(period: { year: 2023 }) { value }', 'numerator { key } denominator { key }'),
)
const rootField = fc.oneof(
  fc.tuple(period, fc.option(fc.constantFrom(...unitKeys, 'x'.repeat(200))), rowFields).map(([p, u, fields]) =>
    `scorecard(period: ${literal(p)}${u ? `, orgUnit: ${JSON.stringify(u)}` : ''}) { period score maxScore areas { area { key } score rows { ${fields.join(' ')} } } }`),
  fc.tuple(fc.oneof(fc.constantFrom(...metricKeys), fc.string({ maxLength: 20 })), fc.array(metricFields, { minLength: 1, maxLength: 3 })).map(([k, fields]) => `metric(key: ${JSON.stringify(k)}) { ${fields.map((f, i) => `m${i}: ${f}`).join(' ')} }`),
  fc.tuple(period).map(([p]) => `areas { key breakdown(period: ${literal(p)}) { score rank } }`),
  fc.tuple(period).map(([p]) => `period(period: ${literal(p)}) { label from to }`),
  fc.constantFrom('dataRange { from to }', 'orgUnits { key kind children { key } }', '__typename', '__schema { types { name } }', '__type(name: "Metric") { fields { name } }', 'area(key: "nope") { key }'),
  fc.string({ maxLength: 40 }).map((name) => name.replace(/[^_A-Za-z0-9]/g, '') || '__typename'),
)
const document = fc.oneof(
  { weight: 14, arbitrary: fc.array(rootField, { minLength: 1, maxLength: 4 }).map((fields) => `{ ${fields.map((f, i) => `f${i}: ${f}`).join(' ')} }`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('query ($p: PeriodInput!) { scorecard(period: $p) { score } }', 'query Q { __typename } query R { __typename }', 'mutation { x }', 'subscription { x }', '{ ...F } fragment F on Query { ...F }', `{ ${'{'.repeat(500)} }`, 'query ($x: Int = "a") { __typename }') },
)
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 8, arbitrary: usual }, { weight: 2, arbitrary: odd })
const variables = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ p: fc.oneof(period, fc.jsonValue({ maxDepth: 2 })) }))
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json, text/html', 'APPLICATION/JSON')
const body = fc.oneof(
  { weight: 12, arbitrary: document.map((query) => JSON.stringify({ query })) },
  { weight: 2, arbitrary: fc.tuple(document, variables).map(([query, vars]) => JSON.stringify({ query, variables: vars })) },
  { weight: 1, arbitrary: fc.tuple(document, fc.string({ maxLength: 10 })).map(([query, operationName]) => JSON.stringify({ query, operationName })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
)
const extras = {
  origin: fc.option(fc.constantFrom('https://evil.example', 'null', 'http://localhost')),
  accept: fc.option(fc.constantFrom('application/json', 'text/html', 'text/event-stream', 'multipart/mixed', '*/*', 'application/graphql-response+json')),
  csrf: fc.boolean(),
}
const request = fc.oneof(
  // Mostly what a client sends, so that most requests reach the resolvers...
  { weight: 7, arbitrary: fc.record({ method: fc.constant('POST'), contentType: fc.constant('application/json'), body, ...extras, origin: mostly(fc.constant(null), extras.origin), accept: mostly(fc.constant(null), extras.accept) }) },
  // ...and the rest anything at all.
  { weight: 3, arbitrary: fc.record({ method: fc.constantFrom('POST', 'GET', 'PUT', 'OPTIONS', 'DELETE'), contentType, body, ...extras }) },
)

/** An answer that betrays the server: a crash, or an internal error shown or masked. */
function problems(status: number, type: string, text: string): string[] {
  const found: string[] = []
  if (status >= 500) found.push(`status ${status}`)
  // GraphiQL's page is a bundle of minified script; only answers with data are read.
  if (type.startsWith('text/html')) return found
  if (/\bat [^\n]+\.(ts|js|mjs):\d+:\d+|node_modules|\/work\//.test(text)) found.push('a stack trace or a path')
  if (/Unexpected error\.|INTERNAL_SERVER_ERROR/.test(text)) found.push('an internal error')
  return found
}

/** Whether an answer carries data from at least one resolver. */
function ranResolvers(text: string): boolean {
  try {
    const data = (JSON.parse(text) as { data?: Record<string, unknown> | null }).data
    return !!data && Object.values(data).some((v) => v !== null)
  } catch {
    return false
  }
}

describe('fuzzing /graphql', () => {
  let platform: Platform
  beforeAll(async () => {
    platform = await openTestPlatform({ settings: { requestTimeoutMs: 3_000 } })
  })
  afterAll(() => platform.close())

  it('answers 1,000 generated requests without a 5xx or an internal error', async () => {
    let sent = 0
    let answered = 0
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        // As a signed-in reader, so the requests reach the resolvers (support/accounts.ts).
        const headers: Record<string, string> = { ...bearer }
        if (r.contentType) headers['content-type'] = r.contentType
        if (r.origin) headers.origin = r.origin
        if (r.accept) headers.accept = r.accept
        if (r.csrf) headers['x-graphql-yoga-csrf'] = '1'
        const withBody = r.method !== 'GET' && r.method !== 'OPTIONS'
        const url = withBody ? 'http://localhost/graphql' : `http://localhost/graphql?query=${encodeURIComponent(r.body.slice(0, 500))}`
        const response = await platform.app.fetch(url, { method: r.method, headers, body: withBody ? r.body : undefined })
        const text = await response.text()
        sent++
        if (ranResolvers(text)) answered++
        expect(problems(response.status, response.headers.get('content-type') ?? '', text), `${r.method} ${r.contentType} ${r.body.slice(0, 300)}\n→ ${response.status} ${text.slice(0, 300)}`).toEqual([])
      }),
      { numRuns: 1_000 },
    )
    expect(sent).toBeGreaterThanOrEqual(1_000)
    // Enough of them ran resolvers and returned data for the property to mean something.
    expect(answered).toBeGreaterThan(100)
  })
})

describe('fuzzing the HTTP front', () => {
  let app: RunningApp
  let port: number
  beforeAll(async () => {
    app = await startApp()
    port = Number(new URL(app.url).port)
  })
  afterAll(() => app?.stop())

  const segment = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('.', '..', '%2e%2e', '%', '%00', 'assets', 'index.html', 'graphql', '%ff%fe', '\u00e9', ';', '?', '#', '//'))
  const path = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`.replace(/[\r\n ]/g, '_'))
  const header = fc.constantFrom('Range: bytes=5-2', 'Range: bytes=-', 'Accept-Encoding: br', 'Accept-Encoding: gzip', 'If-None-Match: *', 'Content-Length: 5', 'Transfer-Encoding: chunked', 'Expect: 100-continue', 'Cookie: a=b', 'X-Forwarded-For: 1.1.1.1')

  it('answers 300 raw requests with odd paths and headers, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'PATCH'), path, fc.subarray(['a', 'b', 'c']), fc.array(header, { maxLength: 3 }), async (method, p, _, headers) => {
        const extra = headers.map((h) => `${h}\r\n`).join('')
        const raw = method === 'GET' ? get(p, extra) : `${method} ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`
        const response = await rawRequest(port, raw, 15_000)
        expect(response.status, raw).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
    expect((await fetch(`${app.url}/health`)).status).toBe(200)
  })
})
