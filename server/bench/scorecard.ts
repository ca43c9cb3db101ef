// pnpm bench: times the 2023 scorecard query for the district and for one station,
// through yoga.fetch on a freshly seeded database, and prints the median of 20 runs.
// `pnpm bench -- --postgres` runs it on a throwaway PostgreSQL cluster as well.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startThrowawayPostgres } from '@msp/db'
import { openPlatform } from '../src/app.ts'
import { credentialsOf } from '../src/auth/viewer.ts'
import { authSettings, createApp, type App } from '../src/yoga.ts'
import { benchReader } from './reader.ts'

const runs = 20
const document = `query ($orgUnit: ID) {
  scorecard(period: { year: 2023 }, orgUnit: $orgUnit) {
    period score maxScore
    areas { area { key name } score maxScore
      rows { metric { key name unit kind } actual target completion expected previous yoyChange yoyRate status points maxPoints sources } }
  }
}`

async function time(app: App, orgUnit: string | null, reader: Record<string, string>): Promise<number[]> {
  const once = async () => {
    const started = performance.now()
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reader },
      body: JSON.stringify({ query: document, variables: { orgUnit } }),
    })
    const body = (await response.json()) as { errors?: unknown }
    if (body.errors) throw new Error(JSON.stringify(body.errors))
    return performance.now() - started
  }
  for (let i = 0; i < 3; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  return samples.sort((a, b) => a - b)
}

const median = (sorted: number[]) => (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function bench(label: string, url: string) {
  const platform = await openPlatform(url)
  const figures = await platform.database.db.figure.count()
  const reader = await benchReader(platform.database.db)
  for (const [name, unit] of [['district', null], ['station', 'station-nanhu']] as const) {
    const samples = await time(platform.app, unit, reader)
    console.log(`${label.padEnd(10)} ${name.padEnd(8)} 2023 scorecard: median ${fmt(median(samples))}  (min ${fmt(samples[0]!)}, max ${fmt(samples[samples.length - 1]!)}, ${runs} runs, ${figures} figures)`)
  }
  // The cost of authentication, in the same run: the same query with the token looked up
  // (and its rules checked), and on an app given the viewer, which looks nothing up. The
  // rules themselves (scope-auth) run in both: they are in-memory checks of the viewer.
  const viewer = await credentialsOf(platform.database.db, new Headers(reader), authSettings(platform.settings).limits)
  const given = createApp({ db: platform.database.db, registry: platform.registry, settings: platform.settings, credentials: async () => viewer })
  const rounds: { token: number[]; given: number[] } = { token: [], given: [] }
  // Interleaved, so both see the same machine.
  for (let i = 0; i < 3; i++) {
    rounds.token.push(...(await time(platform.app, null, reader)))
    rounds.given.push(...(await time(given, null, {})))
  }
  const token = median(rounds.token.sort((a, b) => a - b))
  const none = median(rounds.given.sort((a, b) => a - b))
  console.log(`${label.padEnd(10)} district 2023 scorecard, with a token: median ${fmt(token)}; with the viewer given (no lookup): median ${fmt(none)}; authentication ${fmt(token - none)} (${3 * runs} runs each)`)
  await platform.close()
}

const dir = mkdtempSync(join(tmpdir(), 'msp-bench-'))
try {
  await bench('sqlite', `file:${join(dir, 'bench.db')}`)
  if (process.argv.includes('--postgres')) {
    const cluster = await startThrowawayPostgres()
    try {
      await bench('postgresql', cluster.url)
    } finally {
      await cluster.stop()
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit()
