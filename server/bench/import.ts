// pnpm bench:import [--rows N]: how a large import runs beside the server.
//
// Generates a valid CSV of N monthly figures (default 500,000): the count (FLOW) metrics over
// the 13 stations, month by month, outside the sample data's 2021-01..2024-06 (from 1980,
// with MSP_PERIOD_FROM=1980-01-01 for both processes, so that half a million distinct cells
// exist). Seeds a fresh SQLite database, starts the server on it (server/src/main.ts, on a
// free port on 127.0.0.1), and while the import CLI (what `pnpm run import` runs) loads the
// file in a child process, asks the server for the district's 2023 scorecard over HTTP in a
// loop. Prints the import's duration, figures a second and peak RSS (measured by the CLI
// itself, MSP_REPORT_RSS=1), and the scorecard's latency and errors before and during it.
// Every loop is bounded in count and time; the script stops by itself.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { openDatabase } from '@msp/db'
import { startServerProcess } from '../src/server-process.ts'
import { openPlatform } from '../src/app.ts'
import { benchReader } from './reader.ts'
import { loadRegistry } from '../src/plugins.ts'

// `pnpm bench:import -- --rows N` passes the `--` along.
let rowsOption: string
try {
  rowsOption = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { rows: { type: 'string', default: '500000' } } }).values.rows
} catch (error) {
  console.error(`${(error as Error).message}\nusage: pnpm bench:import [-- --rows N]`)
  process.exit(2)
}
const rows = Number(rowsOption)
if (!Number.isInteger(rows) || rows < 1 || rows > 2_000_000) {
  console.error('--rows must be a whole number from 1 to 2000000')
  process.exit(2)
}

const root = join(import.meta.dirname, '..', '..')
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const periodFrom = '1980-01-01'
const env: Record<string, string | undefined> = { ...process.env, MSP_PERIOD_FROM: periodFrom, MSP_DEBUG: '' }
const scorecard = JSON.stringify({
  query: `{ scorecard(period: { year: 2023 }) { score maxScore areas { area { key } score rows { metric { key } actual target completion expected previous yoyChange status points } } } }`,
})

/** Months outside the sample data, oldest first, as far as the default range's end. */
function months(): { start: string; end: string }[] {
  const out = []
  const last = new Date().getUTCFullYear() + 1
  for (let y = 1980; y <= last; y++) {
    for (let m = 1; m <= 12; m++) {
      if (y > 2020 && (y < 2024 || (y === 2024 && m <= 6))) continue
      const end = new Date(Date.UTC(y, m, 0)).getUTCDate()
      const mm = String(m).padStart(2, '0')
      out.push({ start: `${y}-${mm}-01`, end: `${y}-${mm}-${end}` })
    }
  }
  return out
}

async function writeCsv(path: string): Promise<number> {
  const registry = await loadRegistry()
  const metrics = [...registry.metrics.values()].filter((m) => m.kind === 'FLOW' && !m.numerator).map((m) => m.key)
  const stations = registry.orgUnits.filter((u) => u.kind === 'STATION').map((u) => u.key)
  const spans = months()
  if (metrics.length * stations.length * spans.length < rows) {
    throw new Error(`only ${metrics.length * stations.length * spans.length} distinct cells; ask for fewer --rows`)
  }
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('metric,org_unit,period_start,period_end,value,note\n')
  let seed = 42
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  // The plugins' rules hold: a count held at most another (persuaded to leave ≤ anglers
  // checked, a rate's numerator ≤ its denominator) is drawn no larger than it.
  const index = new Map(metrics.map((key, m) => [key, m]))
  const atMost = registry.validation.flatMap((r) => {
    const small = index.get(r.metric)
    const large = r.atMost === undefined ? undefined : index.get(r.atMost)
    return small === undefined || large === undefined ? [] : [[small, large] as const]
  })
  let n = 0
  let buffer = ''
  outer: for (const span of spans) {
    const values = metrics.map(() => stations.map(() => Math.floor(random() * 3000)))
    for (let pass = 0; pass < atMost.length; pass++) {
      for (const [small, large] of atMost) for (let s = 0; s < stations.length; s++) values[small]![s] = Math.min(values[small]![s]!, values[large]![s]!)
    }
    for (const [m, metric] of metrics.entries()) {
      for (const [s, station] of stations.entries()) {
        if (n++ === rows) break outer
        const value = values[m]![s]!
        // Thousands written as Excel writes them, quoted; now and then a note in Chinese.
        const text = value >= 1000 ? `"${value.toLocaleString('en-US')}"` : String(value)
        buffer += `${metric},${station},${span.start},${span.end},${text},${n % 50 === 0 ? '夜查' : ''}\n`
        if (buffer.length > 1 << 16) {
          await write(buffer)
          buffer = ''
        }
      }
    }
  }
  await write(buffer)
  out.end()
  await once(out, 'finish')
  return Math.min(n, rows)
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN
}

/** The signed-in reader's header (bench/reader.ts), once the database is seeded. */
let reader: { authorization: string } = { authorization: '' }

async function ask(url: string): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now()
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...reader },
      body: scorecard,
      signal: AbortSignal.timeout(10_000),
    })
    const body = (await response.json()) as { data?: { scorecard?: unknown }; errors?: unknown[] }
    return { ms: performance.now() - started, ok: response.ok && !body.errors && !!body.data?.scorecard }
  } catch {
    return { ms: performance.now() - started, ok: false }
  }
}

/** Asks for the scorecard until `stop` says so, at most `max` times and `seconds` long. */
async function sample(url: string, stop: () => boolean, max: number, seconds: number) {
  const latencies: number[] = []
  let errors = 0
  const deadline = Date.now() + seconds * 1000
  for (let i = 0; i < max && !stop() && Date.now() < deadline; i++) {
    const { ms, ok } = await ask(url)
    if (ok) latencies.push(ms)
    else errors++
  }
  return { latencies: latencies.sort((a, b) => a - b), errors }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = once(child, 'exit').then(() => undefined)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  return exited.finally(() => clearTimeout(timer))
}

const dir = mkdtempSync(join(tmpdir(), 'msp-bench-import-'))
const children: ChildProcess[] = []
try {
  const csv = join(dir, 'figures.csv')
  let t = performance.now()
  const written = await writeCsv(csv)
  console.log(`generated ${written.toLocaleString('en-US')} rows, ${(statSync(csv).size / 1024 / 1024).toFixed(1)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const url = `file:${join(dir, 'bench.db')}`
  t = performance.now()
  const seeded = await openPlatform(url)
  const before = await seeded.database.db.figure.count()
  reader = await benchReader(seeded.database.db)
  await seeded.close()
  console.log(`seeded a fresh SQLite database: ${before.toLocaleString('en-US')} figures, in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const server = await startServerProcess(url, { MSP_PERIOD_FROM: periodFrom, MSP_DEBUG: '' })
  children.push(server.child)
  const base = server.url
  await sample(base, () => false, 5, 30) // warm up
  const idle = await sample(base, () => false, 30, 60)
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`
  console.log(`scorecard before the import: p50 ${fmt(percentile(idle.latencies, 50))}, p99 ${fmt(percentile(idle.latencies, 99))} (${idle.latencies.length} requests, ${idle.errors} errors)`)

  t = performance.now()
  const cli = spawn(process.execPath, [tsx, join(root, 'server', 'src', 'cli', 'import.ts'), csv, '--by', 'bench'], {
    env: { ...env, DATABASE_URL: url, MSP_REPORT_RSS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(cli)
  let cliOutput = ''
  cli.stdout!.on('data', (d) => (cliOutput += d))
  cli.stderr!.on('data', (d) => (cliOutput += d))
  let finished = false
  const exit = once(cli, 'exit').then(([code]) => {
    finished = true
    return code as number | null
  })
  const killer = setTimeout(() => cli.kill('SIGKILL'), 15 * 60_000)
  const during = await sample(base, () => finished, 1_000_000, 15 * 60)
  const code = await exit
  clearTimeout(killer)
  const seconds = (performance.now() - t) / 1000

  console.log(cliOutput.trim().split('\n').map((line) => `  import: ${line}`).join('\n'))
  if (code !== 0) throw new Error(`the import exited with ${code}`)
  const database = await openDatabase(url, { migrate: false })
  const after = await database.db.figure.count()
  await database.close()
  const rss = /peak RSS: (\d+) MB/.exec(cliOutput)?.[1]
  console.log(`import: ${written.toLocaleString('en-US')} figures in ${seconds.toFixed(1)} s (the whole process: start, read, check, write, commit), ${Math.round(written / seconds).toLocaleString('en-US')} figures/s, peak RSS ${rss ?? '?'} MB; stored figures ${before.toLocaleString('en-US')} -> ${after.toLocaleString('en-US')}`)
  console.log(`scorecard during the import: p50 ${fmt(percentile(during.latencies, 50))}, p99 ${fmt(percentile(during.latencies, 99))}, max ${fmt(during.latencies.at(-1) ?? Number.NaN)} (${during.latencies.length} requests, ${during.errors} errors)`)
} finally {
  for (const child of children.reverse()) await stopChild(child)
  rmSync(dir, { recursive: true, force: true })
}
process.exit()
