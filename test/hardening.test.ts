// No request stops the server or holds it: what a careless caller or an attacker can send
// to /graphql, through yoga.fetch as a client over HTTP would.
import { getIntrospectionQuery, parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { openTestPlatform, query, type GraphQLResponse } from './support/platform.ts'

let platform: Platform
beforeAll(async () => {
  platform = await openTestPlatform({ settings: { corsOrigins: ['https://committee.example.gov.cn'] } })
})
afterAll(() => platform.close())

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  platform.app.fetch('http://localhost/graphql', { method: 'POST', headers, body })

const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code

describe('how a query may arrive', () => {
  it('runs a JSON POST', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } })
  })

  it('refuses a GET, so a link or an <img> cannot run a query', async () => {
    const response = await platform.app.fetch(`http://localhost/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    })
    expect(response.status).toBe(405)
    expect(JSON.stringify(await response.json())).toContain('send queries as POST with content-type application/json')
  })

  it('refuses forms, multipart and text bodies, which a page on another site can post without a preflight', async () => {
    const form = await post(new URLSearchParams({ query: '{ __typename }' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(415)
    const data = new FormData()
    data.set('operations', JSON.stringify({ query: '{ __typename }' }))
    const multipart = await platform.app.fetch('http://localhost/graphql', { method: 'POST', body: data })
    expect(multipart.status).toBe(415)
    const text = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    const none = await post(JSON.stringify({ query: '{ __typename }' }), {})
    expect([403, 415]).toContain(none.status)
  })

  it('names the type to send when the content type is near but not what the parser reads', async () => {
    for (const type of ['application/JSON', 'application/graphql-response+json', 'application/json ;charset=utf-8']) {
      const response = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': type })
      expect(response.status, type).toBe(415)
      expect(JSON.stringify(await response.json()), type).toContain('send queries with content-type application/json')
    }
  })

  it('refuses a query sent from a page of another origin, and runs one from its own or an allowed one', async () => {
    const from = (origin: string) => post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin })
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const response = await from(origin)
      expect(response.status, origin).toBe(403)
      expect(JSON.stringify(await response.json())).toContain('queries from pages of another origin')
    }
    expect((await from('http://localhost')).status).toBe(200)
    expect((await from('https://committee.example.gov.cn')).status).toBe(200)
  })

  it('reflects no foreign origin, and allows one named in the settings', async () => {
    const foreign = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull()
    const preflight = await platform.app.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin: 'https://committee.example.gov.cn' })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://committee.example.gov.cn')
  })

  it('refuses a body above the limit before reading it all', async () => {
    const padding = 'x'.repeat(platform.settings.maxBodyBytes + 10)
    const response = await post(JSON.stringify({ query: `{ __typename } # ${padding}` }))
    expect(response.status).toBe(413)
  })

  it('answers malformed JSON and wrong shapes with 400, not a crash', async () => {
    for (const body of ['{', 'null', '"text"', '[]', '{"query": 5}', '{"query": "{ __typename }", "variables": "x"}', '\u0000\u0001']) {
      const response = await post(body)
      expect(response.status, body).toBeGreaterThanOrEqual(400)
      expect(response.status, body).toBeLessThan(500)
    }
  })
})

describe('bounded work', () => {
  it('refuses periods outside the supported range with what the range is', async () => {
    const range = platform.settings.periodRange
    for (const period of ['{ year: 9999 }', '{ year: 1900 }', '{ from: "0000-01-01", to: "9999-12-31" }', `{ from: "${range.start}", to: "${Number(range.end.slice(0, 4)) + 1}-01-01" }`]) {
      const result = await query(platform, `{ scorecard(period: ${period}) { score } }`)
      expect(code(result), period).toBe('BAD_PERIOD')
      expect(result.errors![0]!.message, period).toContain(`supported range ${range.start}..${range.end}`)
    }
    const figures = await query(platform, '{ metric(key: "food.incidents") { figures(from: "1970-01-01") { value } } }')
    expect(code(figures)).toBe('BAD_PERIOD')
  })

  it('refuses a series of more points than a chart can show', async () => {
    const result = await query(platform, '{ metric(key: "prices.operators-checked") { series(granularity: MONTH, from: "2000-01-01", to: "2027-12-31") { period } } }')
    expect(code(result)).toBe('BAD_PERIOD')
    expect(result.errors![0]!.message).toContain('a series has at most 240 points, not 336')
  })

  it('counts the span of a field in its cost: 130 long series in one request are refused before they run', async () => {
    const alias = (i: number) => `a${i}: metric(key: "prices.operators-checked") { series(granularity: QUARTER, from: "2000-01-01", to: "2027-12-31") { period } }`
    const result = await query(platform, `{ ${Array.from({ length: 130 }, (_, i) => alias(i)).join(' ')} }`)
    expect(code(result)).toBe('QUERY_TOO_COMPLEX')
    expect(result.data).toBeUndefined()
    const oneYear = await query(platform, '{ metric(key: "prices.operators-checked") { series(granularity: QUARTER, from: "2023-01-01", to: "2023-12-31") { period } } }')
    expect(oneYear.errors).toBeUndefined()
  })

  it("refuses every area's breakdown over the whole range, and allows it for a year", async () => {
    const long = await query(platform, '{ areas { breakdown(period: { from: "2000-01-01", to: "2027-12-31" }) { score } } }')
    expect(code(long)).toBe('QUERY_TOO_COMPLEX')
    const year = await query(platform, '{ areas { breakdown(period: { year: 2023 }) { score } } }')
    expect(year.errors).toBeUndefined()
  })

  it('counts introspection: GraphiQL\'s schema query runs, a thousand copies of it do not', async () => {
    const one = await query(platform, getIntrospectionQuery())
    expect(one.errors).toBeUndefined()
    // A thousand copies are more tokens than the parser reads; refused before they run.
    const many = await query(platform, `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`)
    expect(many.errors![0]!.message).toMatch(/more tha[nt] 5000 tokens/)
    expect(many.data).toBeUndefined()
    const eleven = await query(platform, `{ ${Array.from({ length: 11 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`)
    expect(code(eleven)).toBe('QUERY_TOO_COMPLEX')
    expect(eleven.errors![0]!.message).toMatch(/cost is \d+, above the limit of 10000/)
  })

  it('counts what introspection returns: a few aliases a level through fragments are refused, not run', async () => {
    // Under graphql's own introspection depth rule, each level multiplies the answer by K.
    const K = 6
    const aliases = (field: string, fragment: string) => Array.from({ length: K }, (_, i) => `${field[0]}${i}: ${field} { ...${fragment} }`).join(' ')
    const fragments = [
      `fragment A on __Type { name ${aliases('fields', 'B')} }`,
      `fragment B on __Field { name ${aliases('type', 'C')} ${aliases('args', 'D')} }`,
      `fragment C on __Type { name kind ofType { name ofType { name } } ${aliases('fields', 'E')} }`,
      `fragment D on __InputValue { name ${aliases('type', 'F')} }`,
      'fragment F on __Type { name kind ofType { name ofType { name } } }',
      `fragment E on __Field { name ${aliases('args', 'D')} ${aliases('type', 'F')} }`,
    ].join(' ')
    for (const root of ['__type(name: "Query") { ...A }', '__schema { queryType { ...A } }']) {
      const started = Date.now()
      const result = await query(platform, `{ ${root} } ${fragments}`)
      expect(code(result), root).toBe('QUERY_TOO_COMPLEX')
      expect(Date.now() - started, 'measured without walking every alias').toBeLessThan(2_000)
    }
  })

  it('refuses a document of more tokens than any real query, and a block string cannot hide brackets', async () => {
    const many = await query(platform, `{ ${Array.from({ length: 2_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`)
    expect(many.errors![0]!.message).toMatch(/more tha[nt] 5000 tokens/)
    const blockString = '"""x\\""" """'
    const hidden = await post(JSON.stringify({ query: `{ a: metric(key: ${blockString}) { key } b: metric(key: ${'['.repeat(5000)}"k"${']'.repeat(5000)}) { key } }` }))
    expect(hidden.status).toBeLessThan(500)
    expect(code((await hidden.json()) as GraphQLResponse)).toBe('QUERY_TOO_COMPLEX')
  })

  it('counts a scorecard by what it computes: a hundred of them in one request are refused', async () => {
    const scorecards = Array.from({ length: 98 }, (_, i) => `s${i}: scorecard(period: { from: "2023-01-01", to: "2023-12-${String((i % 28) + 1).padStart(2, '0')}" }) { score }`)
    expect(code(await query(platform, `{ ${scorecards.join(' ')} }`))).toBe('QUERY_TOO_COMPLEX')
    expect(code(await query(platform, `{ ${scorecards.slice(0, 3).join(' ')} }`))).toBeUndefined()
  })

  it('keeps only documents of the size people write in the parse cache', async () => {
    const { smallDocumentCache } = await import('@msp/server/yoga')
    const cache = smallDocumentCache<object>()
    const long = `{ __typename } # ${'x'.repeat(9_000)}`
    cache.set('{ __typename }', { kind: 'Document' })
    cache.set(long, { kind: 'Document' })
    expect(cache.get('{ __typename }')).toEqual({ kind: 'Document' })
    expect(cache.get(long)).toBeUndefined()
  })

  it('counts introspection reached through fragments too', async () => {
    const fragments = `fragment S on Query { ${Array.from({ length: 11 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`
    const result = await query(platform, `query { ...S } ${fragments}`)
    expect(code(result)).toBe('QUERY_TOO_COMPLEX')
  })

  it('refuses a chain of fragments too deep to measure, rather than running it unmeasured', async () => {
    // Short fragments, each one level deeper than the last: small to send, deep to walk.
    const links = 400
    const fragments = Array.from({ length: links }, (_, i) => `fragment F${i} on OrgUnit { parent { ${i + 1 < links ? `...F${i + 1}` : 'key'} } }`).join(' ')
    const result = await query(platform, `{ s: scorecard(period: { year: 2023 }) { score } orgUnit(key: "station-nanhu") { ...F0 } } ${fragments}`)
    expect(code(result)).toBe('QUERY_TOO_COMPLEX')
    expect(result.data).toBeUndefined()
    // And a chain too deep for the walk itself (built as a document, past the parser's limits).
    const { measureQuery } = await import('@msp/server/execution/query-cost')
    const { schema } = await import('@msp/server/schema/index')
    const deep = parse(`{ orgUnit(key: "x") { ...F0 } } ${Array.from({ length: 20_000 }, (_, i) => `fragment F${i} on OrgUnit { parent { ...F${i + 1} } }`).join(' ')} fragment F20000 on OrgUnit { key }`, { maxTokens: 1e7 })
    expect(measureQuery(schema, deep, null, null, platform.app)).toBe('unmeasurable')
  })

  it('refuses thousands of nested brackets with a message, not a crash of the parser', async () => {
    for (const document of [
      `{ metric(key: ${'['.repeat(2000)}"x"${']'.repeat(2000)}) { key } }`,
      `{ ${'a { '.repeat(5000)}b${' }'.repeat(5000)} }`,
      `{ ${'... on Query { '.repeat(3000)}__typename${' }'.repeat(3000)} }`,
      `query ($p: PeriodInput = ${'{ year: '.repeat(2000)}1${' }'.repeat(2000)}) { __typename }`,
    ]) {
      const response = await post(JSON.stringify({ query: document }))
      expect(response.status, document.slice(0, 40)).toBeLessThan(500)
      const result = (await response.json()) as GraphQLResponse
      expect(code(result), document.slice(0, 40)).toBe('QUERY_TOO_COMPLEX')
      expect(result.errors![0]!.message).toMatch(/nests \d+ levels/)
    }
    // Braces inside strings and comments do not count.
    const quoted = await query(platform, `{ metric(key: "${'{'.repeat(200)}") { key } } # ${'('.repeat(200)}`)
    expect(code(quoted)).toBe('UNKNOWN_METRIC')
  })

  it('measures the operation that runs, not the first in the document', async () => {
    const heavy = `query Heavy { ${Array.from({ length: 130 }, (_, i) => `a${i}: metric(key: "prices.operators-checked") { series(granularity: QUARTER, from: "2000-01-01", to: "2027-12-31") { period } }`).join(' ')} }`
    const light = 'query Light { __typename }'
    const response = await post(JSON.stringify({ query: `${light} ${heavy}`, operationName: 'Heavy' }))
    expect(code((await response.json()) as GraphQLResponse)).toBe('QUERY_TOO_COMPLEX')
  })
})

describe('what an error may quote', () => {
  it('quotes at most a short prefix of what was sent', async () => {
    const long = 'x'.repeat(50_000)
    const unit = await query(platform, 'query ($u: ID) { scorecard(period: { year: 2023 }, orgUnit: $u) { score } }', { u: long })
    expect(code(unit)).toBe('UNKNOWN_ORG_UNIT')
    expect(unit.errors![0]!.message.length).toBeLessThan(600)
    const metric = await query(platform, `{ metric(key: "${long}") { key } }`)
    expect(metric.errors![0]!.message.length).toBeLessThan(400)
    const field = await query(platform, `{ ${long} }`)
    expect(field.errors![0]!.message.length).toBeLessThan(400)
    const variable = await query(platform, 'query ($p: PeriodInput!) { scorecard(period: $p) { score } }', { p: { year: long } })
    expect(variable.errors![0]!.message.length).toBeLessThan(400)
    const date = await query(platform, `{ metric(key: "food.incidents") { figures(from: "${long}") { value } } }`)
    expect(date.errors![0]!.message.length).toBeLessThan(200)
    const orgUnit = await query(platform, `{ orgUnit(key: "${long}") { key } }`)
    expect(code(orgUnit)).toBe('UNKNOWN_ORG_UNIT')
    expect(orgUnit.errors![0]!.message.length).toBeLessThan(200)
  })

  it('does not repeat a malformed body back', async () => {
    const response = await post(`{"query": "${'x'.repeat(90_000)}`)
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text.length).toBeLessThan(1_000)
    expect(text).not.toContain('x'.repeat(100))
  })
})

describe('time limit', () => {
  it('stops a query that runs past the limit and answers TIMEOUT, then answers the next one', async () => {
    const slow = await openTestPlatform({ settings: { requestTimeoutMs: 100 } })
    try {
      // Every area's breakdown for five years, on the main thread: far longer than 100 ms.
      const result = await query(slow, '{ areas { breakdown(period: { from: "2020-01-01", to: "2024-12-31" }) { score } } }')
      expect(code(result)).toBe('TIMEOUT')
      expect(result.errors![0]!.message).toContain('ran longer than 0.1 s and was stopped')
      expect((await query(slow, '{ __typename }')).data).toEqual({ __typename: 'Query' })
    } finally {
      await slow.close()
    }
  })

  it('on the worker threads, stops a query at its deadline without ending the thread', async () => {
    const slow = await openTestPlatform({ queryThreads: true, settings: { requestTimeoutMs: 500, workers: 1 } })
    try {
      const spans = ['2020', '2021', '2022', '2023'].map((y, i) => `b${i}: areas { breakdown(period: { from: "${y}-01-01", to: "2024-12-31" }) { score } }`)
      const result = await query(slow, `{ ${spans.join(' ')} }`)
      expect(code(result)).toBe('TIMEOUT')
      // The thread stopped the query itself: it answers the next one at once.
      const next = await query(slow, '{ scorecard(period: { year: 2023, month: 3 }) { score maxScore } }')
      expect(next).toEqual(await query(platform, '{ scorecard(period: { year: 2023, month: 3 }) { score maxScore } }'))
      expect(slow.pool!.threadsStarted).toBe(1)
    } finally {
      await slow.close()
    }
  })

  it('lets a heavy query run out when its caller goes away, rather than end a thread that takes seconds to replace', async () => {
    const threaded = await openTestPlatform({ queryThreads: true, settings: { workers: 1 } })
    try {
      const gone = new AbortController()
      const request = Promise.resolve(threaded.app.fetch('http://localhost/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json' }, signal: gone.signal,
        body: JSON.stringify({ query: '{ scorecard(period: { year: 2023 }) { score } }' }),
      })).catch(() => null)
      setTimeout(() => gone.abort(), 20)
      await request
      const next = await query(threaded, '{ scorecard(period: { year: 2023, quarter: 1 }) { score } }')
      expect(next.errors).toBeUndefined()
      expect(threaded.pool!.threadsStarted).toBe(1)
    } finally {
      await threaded.close()
    }
  })
})
