// pnpm bench:scale [-- --scales 1,10,100] [--years 4] [--postgres] [--seconds 10]
// The platform at city scale, as ratios from one run on this machine. For each scale (districts
// in the generated city, server/scale) it generates a new database, starts the server as
// `pnpm start` runs it (server/src/main.ts, on 127.0.0.1), and prints:
// - generate: the bulk write, figures a second;
// - uncached: the root's and a district's 2023 scorecard over HTTP (median, p95 of 20), the data's
//   version moved before each so nothing kept is reused, against the plain SQL it needs on the
//   same database (the year-to-date rows of both years, the latest figures and the targets, at the unit and
//   below), and against a GROUP BY of the figures of both years, timed on the connection the
//   server reads them on;
// - cached: the same scorecard answered from the response cache, one client (median, p95), and
//   its throughput under 10 connections (autocannon) against a Yoga hello-world's on the same
//   machine in the same run;
// - version: the statement asked on every request (dataVersion);
// - import: `pnpm run import` of 50,000 new monthly figures into the city, figures a second;
// - memory: the servers' resident set (VmRSS, and VmHWM: its peak) after the runs.
// --postgres runs every scale on a throwaway PostgreSQL cluster as well.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { createPostgresDatabase, freePort, openDatabase, startThrowawayPostgres, type Database, type Db, type ThrowawayPostgres } from '@msp/db'
import { importFigures } from '../src/import/import-figures.ts'
import { takesLatest } from '../src/engine/index.ts'
import { createRegistry } from '../src/registry.ts'
import { settingsFromEnv } from '../src/settings.ts'
import { startServerProcess, type ServerProcess } from '../src/server-process.ts'
import { dataVersion } from '../src/shared-reads.ts'
import { cityInstallation } from '../scale/city.ts'
import { generateCity } from '../scale/generate-city.ts'
import { benchReader } from './reader.ts'

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scales: { type: 'string', default: '1,10' },
    years: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    postgres: { type: 'boolean', default: false },
  },
})
const scales = values.scales.split(',').map(Number)
const years = Number(values.years)
const seconds = Number(values.seconds)
if (scales.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(years) || !(seconds > 0)) {
  console.error('usage: pnpm bench:scale [-- --scales 1,10,100] [--years 4] [--postgres] [--seconds 10]')
  process.exit(2)
}

const root = join(import.meta.dirname, '..', '..')
const cityConfig = join(root, 'server', 'scale', 'city.config.ts')
const runs = 20
const document = (unit: string) => JSON.stringify({
  query: `query ($orgUnit: ID) { scorecard(period: { year: 2023 }, orgUnit: $orgUnit) { period score maxScore scoreOn100
    areas { area { key name } score maxScore rows { metric { key name unit kind } actual target completion expected previous yoyChange yoyRate status points maxPoints sources } } } }`,
  variables: { orgUnit: unit },
})

const sorted = (s: number[]) => [...s].sort((a, b) => a - b)
const median = (s: number[]) => { const x = sorted(s); return (x[(x.length - 1) >> 1]! + x[x.length >> 1]!) / 2 }
const p95 = (s: number[]) => { const x = sorted(s); return x[Math.min(x.length - 1, Math.ceil(x.length * 0.95) - 1)]! }
const ms = (v: number) => `${v.toFixed(1)} ms`

/**
 * Moves the data's version (a target's updatedAt, in the future): the next request reads
 * afresh. Not a figure's: that would leave its year's year-to-date totals stale (changed
 * outside a write transaction), and the scorecard would read the figures instead.
 */
let bump = 0
async function moveVersion(db: Db) {
  const target = await db.target.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } })
  await db.target.update({ where: { id: target.id }, data: { updatedAt: new Date(Date.UTC(2040, 0, 1) + ++bump * 1000) } })
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  let started = performance.now()
  const send = () => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  // A kept-alive connection idle past the server's keep-alive time (5 s: the 100× baselines
  // between two requests take longer) is closed as the next request goes out: send it again,
  // on a new connection, and time that.
  const response = await send().catch((error: { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'UND_ERR_SOCKET') throw error
    started = performance.now()
    return send()
  })
  const answer = (await response.json()) as { errors?: unknown }
  if (answer.errors) throw new Error(JSON.stringify(answer.errors).slice(0, 500))
  return performance.now() - started
}

/**
 * The plain SQL a scorecard needs, both years, at the unit and below:
 * - `groupBy`: the figures grouped by metric, unit and source (what it read before the
 *   year-to-date totals, and what the issue measured against);
 * - `rollup`: what it needs now: the year-to-date rows of the year's last month, and the
 *   latest figures kept with them, of the metrics that take one.
 */
async function plainSql(database: Database, unitIds: number[] | null, targetUnitIds: number[]): Promise<{ groupBy: number; rollup: number }> {
  // Through the same connection the server reads on (the database's probe), not Prisma's client.
  const db = { $queryRawUnsafe: (sql: string, ...params: unknown[]) => database.probe.arrays(sql, params) }
  const postgres = database.provider === 'postgresql'
  const p = (n: number) => (postgres ? `$${n}` : '?')
  const within = unitIds ? ` AND "orgUnitId" IN (${unitIds.join(',')})` : ''
  let started = performance.now()
  for (const [start, end] of [['2023-01-01', '2023-12-31'], ['2022-01-01', '2022-12-31']]) {
    await db.$queryRawUnsafe(
      `SELECT "metricKey", "orgUnitId", "source", SUM("value") AS total, COUNT(*) AS n, MAX("periodEnd") AS latest FROM "Figure" ` +
        `WHERE "periodStart" >= ${p(1)} AND "periodEnd" <= ${p(2)}${within} GROUP BY "metricKey", "orgUnitId", "source"`,
      start, end,
    )
  }
  const groupBy = performance.now() - started
  const latestKeys = [...cityRegistry.metrics.values()].filter(takesLatest).map((m) => `'${m.key}'`).join(', ')
  started = performance.now()
  // The statements the server sends for a year (server/src/figure-summary-reads.ts), as arrays as it reads them.
  for (const year of [2023, 2022]) {
    await db.$queryRawUnsafe(`SELECT "metricKey", "orgUnitId", "source", "scaledSum", "count", "exact" FROM "FigureYearToDate" WHERE "year" = ${p(1)} AND "month" = 12${within}`, year)
    await db.$queryRawUnsafe(
      `SELECT "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source" FROM "FigureYearToDateLatest" WHERE "year" = ${p(1)} AND "month" = 12${within} AND "metricKey" IN (${latestKeys})`,
      year,
    )
  }
  // And the targets of both years of the units it judges (itself, its children) and above it.
  await db.$queryRawUnsafe(
    `SELECT "id", "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "reason" FROM "Target" WHERE "periodStart" <= ${p(1)} AND "periodEnd" >= ${p(2)} ` +
      `AND ("orgUnitId" IS NULL OR "orgUnitId" IN (${targetUnitIds.join(', ')})) ORDER BY "id"`,
    '2023-12-31', '2022-01-01',
  )
  return { groupBy, rollup: performance.now() - started }
}

function memory(server: ServerProcess): string {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
  const field = (name: string) => Math.round(Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(name)) ?? '')?.[1] ?? 0) / 1024)
  return `RSS ${field('VmRSS')} MiB (peak ${field('VmHWM')} MiB)`
}

async function throughput(url: string, body: string | undefined, headers: Record<string, string>) {
  const result = await autocannon({
    url: `${url}/graphql`, method: 'POST', connections: 10, duration: seconds, body,
    headers: { 'content-type': 'application/json', ...headers },
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

/** A Yoga hello-world in a process of its own, as the platform's server is. */
async function helloWorld(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(import.meta.dirname, 'hello-yoga.ts')], {
    env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') }
}

/** 50,000 monthly counts of Wuchang's stations before the generated years, as a file to import. */
function importFile(dir: string, firstYear: number): { path: string; rows: number } {
  const registry = createRegistry(cityInstallation(1))
  const metrics = [...registry.metrics.values()].filter((m) => m.kind === 'FLOW' && !m.numerator && m.enteredBy === 'STATION').map((m) => m.key)
  const stations = registry.orgUnits.filter((u) => u.kind === 'STATION' && u.parent === 'wuchang').map((u) => u.key)
  const lines = ['metric,org_unit,period_start,period_end,value,note']
  for (let year = firstYear - 1; lines.length <= 50_000; year--) {
    for (let month = 12; month >= 1 && lines.length <= 50_000; month--) {
      const mm = String(month).padStart(2, '0')
      const end = new Date(Date.UTC(year, month, 0)).getUTCDate()
      for (const metric of metrics) for (const station of stations) if (lines.length <= 50_000) lines.push(`${metric},${station},${year}-${mm}-01,${year}-${mm}-${end},${(year * 7 + month * 13) % 300},`)
    }
  }
  const path = join(dir, 'import.csv')
  writeFileSync(path, lines.join('\n'))
  return { path, rows: lines.length - 1 }
}

const summary: string[] = []
/** The plugins' metrics, the same at every scale. */
const cityRegistry = createRegistry(cityInstallation(1))

async function benchScale(label: string, url: string, districts: number, dir: string) {
  const tag = `${label} ×${districts}`
  const generated = await generateCity(url, { districts, years })
  console.log(`${tag} generate: ${generated.figures} figures, ${generated.units} units in ${generated.seconds.toFixed(1)} s: ${Math.round(generated.figures / generated.seconds)} figures a second`)
  const database = await openDatabase(url, { migrate: false })
  const db = database.db
  const reader = await benchReader(db)
  const units = await db.orgUnit.findMany({ select: { id: true, key: true, parentId: true } })
  const subtree = (key: string) => {
    const out = units.filter((u) => u.key === key)
    for (let i = 0; i < out.length; i++) out.push(...units.filter((u) => u.parentId === out[i]!.id))
    return out.map((u) => u.id)
  }
  const judgedAndAbove = (key: string) => {
    const unit = units.find((u) => u.key === key)!
    const ids = [unit.id, ...units.filter((u) => u.parentId === unit.id).map((u) => u.id)]
    for (let up = unit.parentId; up !== null; up = units.find((u) => u.id === up)!.parentId) ids.push(up)
    return ids
  }
  const env = { MSP_CONFIG: cityConfig, MSP_RATE_LIMIT_PER_MINUTE: '1000000', MSP_PERIOD_FROM: '1980-01-01' }

  // Uncached: no kept answers, and the data's version moved before every run.
  const uncachedServer = await startServerProcess(url, { ...env, MSP_RESPONSE_CACHE_MB: '0' })
  try {
    for (const [name, unit, ids] of [['root', 'city', null], ['district', 'wuchang', subtree('wuchang')]] as const) {
      const card: number[] = []
      const groupBy: number[] = []
      const rollup: number[] = []
      for (let i = 0; i < runs + 2; i++) {
        await moveVersion(db)
        const t = await post(uncachedServer.url, document(unit), reader)
        const s = await plainSql(database, ids, judgedAndAbove(unit))
        if (i >= 2) {
          card.push(t)
          groupBy.push(s.groupBy)
          rollup.push(s.rollup)
        }
      }
      const line = `${tag} uncached ${name} scorecard: median ${ms(median(card))}, p95 ${ms(p95(card))}; ` +
        `the SQL it needs (year-to-date rows, latest figures, targets) median ${ms(median(rollup))}: ${(median(card) / median(rollup)).toFixed(2)}×; ` +
        `a GROUP BY of the figures median ${ms(median(groupBy))}: ${(median(card) / median(groupBy)).toFixed(2)}×`
      console.log(line)
      summary.push(line)
    }
    console.log(`${tag} uncached server: ${memory(uncachedServer)}`)
  } catch (error) {
    // What the server said before it failed the request (or died).
    console.error(`${tag} uncached server (exit ${uncachedServer.child.exitCode ?? uncachedServer.child.signalCode ?? 'none'}):\n${uncachedServer.output().slice(-4000)}`)
    throw error
  } finally {
    await uncachedServer.stop()
  }

  const cachedServer = await startServerProcess(url, env)
  const hello = await helloWorld()
  try {
    const body = document('city')
    await post(cachedServer.url, body, reader)
    const single: number[] = []
    for (let i = 0; i < 50; i++) single.push(await post(cachedServer.url, body, reader))
    // The client's own cost (fetch over loopback) is in every figure: the hello-world's shows it.
    const helloBody = JSON.stringify({ query: '{ hello }' })
    const helloSingle: number[] = []
    for (let i = 0; i < 50; i++) helloSingle.push(await post(hello.url, helloBody, {}))
    const cached = await throughput(cachedServer.url, body, reader)
    const baseline = await throughput(hello.url, helloBody, {})
    const line = `${tag} cached root scorecard: one client median ${ms(median(single))}, p95 ${ms(p95(single))} (hello-world ${ms(median(helloSingle))}); 10 connections ${Math.round(cached.rps)} req/s ` +
      `(p50 ${cached.p50} ms, p99 ${cached.p99} ms, ${cached.errors} errors) against Yoga hello-world ${Math.round(baseline.rps)} req/s: ${((100 * cached.rps) / baseline.rps).toFixed(0)}%`
    console.log(line)
    summary.push(line)
    console.log(`${tag} cached server: ${memory(cachedServer)}`)
  } finally {
    hello.stop()
    await cachedServer.stop()
  }

  const version: number[] = []
  for (let i = 0; i < 30; i++) {
    const started = performance.now()
    await dataVersion(db)
    version.push(performance.now() - started)
  }
  summary.push(`${tag} data version (every request): median ${ms(median(version))}`)
  console.log(summary[summary.length - 1])

  const file = importFile(dir, 2024 - years + 1)
  const started = performance.now()
  const imported = await importFigures(database, createRegistry(cityInstallation(districts)), file.path, { by: 'bench', periodRange: { start: '1980-01-01', end: settingsFromEnv().periodRange.end } })
  const took = (performance.now() - started) / 1000
  if (!imported.ok) throw new Error(`the import was refused: ${JSON.stringify(imported).slice(0, 400)}`)
  summary.push(`${tag} import: ${file.rows} figures in ${took.toFixed(1)} s: ${Math.round(file.rows / took)} figures a second (generate: ${Math.round(generated.figures / generated.seconds)})`)
  console.log(summary[summary.length - 1])
  await database.close()
}

const dir = mkdtempSync(join(tmpdir(), 'msp-scale-'))
let cluster: ThrowawayPostgres | undefined
try {
  for (const districts of scales) await benchScale('sqlite', `file:${join(dir, `city-${districts}.db`)}`, districts, dir)
  if (values.postgres) {
    cluster = await startThrowawayPostgres()
    for (const districts of scales) await benchScale('postgresql', await createPostgresDatabase(cluster.url, `city_${districts}`), districts, dir)
  }
  console.log(`\nsummary (${new Date().toISOString().slice(0, 10)}, ${years} years):\n${summary.join('\n')}`)
} finally {
  await cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
}
process.exit()
