// pnpm bench:load: the server as `pnpm start` runs it, on a freshly seeded SQLite database,
// under 10 clients sending the heaviest legal query back to back for 20 s, while one more
// asks `{ __typename }` every 50 ms. Prints the latencies of both, and of `{ __typename }`
// alone before the load. Only 127.0.0.1; every loop stops by itself.
//   --seconds N   length of the loaded phase (default 20)
//   --clients N   heavy clients (default 10)
//   --workers N   query threads of the server (default: the server's own default)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openPlatform } from '../src/app.ts'
import { benchReader } from './reader.ts'
import { measureQuery, queryLimits, type QueryMeasure } from '../src/execution/query-cost.ts'
import { parse } from 'graphql'
import { createContext } from '../src/context.ts'
import { schema } from '../src/schema/index.ts'
import { startServerProcess } from '../src/server-process.ts'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, clients: { type: 'string', default: '10' }, workers: { type: 'string' } } })
const seconds = Number(values.seconds)
const clients = Number(values.clients)

const dir = mkdtempSync(join(tmpdir(), 'msp-load-'))
const url = `file:${join(dir, 'load.db')}`
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))

// The heaviest legal query: every area broken down by unit over two years, as many times
// over as the cost limit allows.
const seeded = await openPlatform(url)
const alias = (i: number) => `b${i}: areas { key breakdown(period: { from: "2022-01-01", to: "2023-12-31" }) { score rank } }`
let aliases = 1
const costOf = (n: number) =>
  (measureQuery(schema, parse(`{ ${Array.from({ length: n }, (_, i) => alias(i)).join(' ')} }`), null, null, createContext(seeded.database.db, seeded.registry, undefined, { periodRange: seeded.settings.periodRange })) as QueryMeasure).cost
while (costOf(aliases + 1) <= queryLimits.cost) aliases++
const heavy = `{ ${Array.from({ length: aliases }, (_, i) => alias(i)).join(' ')} }`
const heavyCost = costOf(aliases)
const reader = await benchReader(seeded.database.db)
await seeded.close()

const server = await startServerProcess(url, values.workers ? { MSP_WORKERS: values.workers } : {})
const base = server.url

async function post(query: string): Promise<{ ms: number; code: string }> {
  const started = performance.now()
  try {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...reader }, body: JSON.stringify({ query }) })
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] }
    return { ms: performance.now() - started, code: body.errors?.[0]?.extensions?.code ?? (response.ok ? 'OK' : String(response.status)) }
  } catch (error) {
    return { ms: performance.now() - started, code: `network: ${(error as Error).message}` }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function probe(untilMs: number): Promise<number[]> {
  const samples: number[] = []
  while (performance.now() < untilMs && samples.length < 2_000) {
    const { ms, code } = await post('{ __typename }')
    if (code !== 'OK') throw new Error(`{ __typename } answered ${code}`)
    samples.push(ms)
    await sleep(50)
  }
  return samples
}

const quantile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const line = (label: string, samples: number[]) =>
  `${label.padEnd(34)} n=${String(samples.length).padStart(4)}  p50 ${quantile(samples, 0.5).toFixed(1).padStart(7)} ms  p99 ${quantile(samples, 0.99).toFixed(1).padStart(7)} ms  max ${Math.max(...samples).toFixed(1).padStart(7)} ms`

try {
  console.log(server.output().trim().split('\n').filter((l) => l.startsWith('query threads')).join('\n'))
  console.log(`heavy query: ${aliases} aliases of every area's breakdown over 2022-2023, cost ${heavyCost} of ${queryLimits.cost}`)
  const idle = await probe(performance.now() + 5_000)

  const until = performance.now() + seconds * 1000
  const heavyResults: { ms: number; code: string }[] = []
  const heavyClients = Array.from({ length: clients }, async () => {
    while (performance.now() < until && heavyResults.length < 100_000) heavyResults.push(await post(heavy))
  })
  await sleep(200)
  const loaded = await probe(until)
  await Promise.all(heavyClients)

  console.log(line('{ __typename }, idle', idle))
  console.log(line(`{ __typename }, beside ${clients} heavy clients`, loaded))
  console.log(line('heavy query', heavyResults.map((r) => r.ms)))
  const codes = new Map<string, number>()
  for (const r of heavyResults) codes.set(r.code, (codes.get(r.code) ?? 0) + 1)
  console.log(`heavy answers in ${seconds} s: ${[...codes].map(([c, n]) => `${n} ${c}`).join(', ')}`)
} finally {
  await server.stop()
}
