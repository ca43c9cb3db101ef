// pnpm bench:returns: how many monthly-return saves a second the server takes from the 13
// stations' clerks at once, each saving their whole return (every value) again and again, as
// `pnpm start` runs it on SQLite. Three runs on fresh copies of one seeded database; prints
// each run and the median.
//   --saves N     saves per clerk and run (default 30)
//   --postgres    on a throwaway PostgreSQL cluster instead (Debian's postgresql package)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { copyPostgresDatabase, createPostgresDatabase, startThrowawayPostgres } from '@msp/db'
import { openPlatform } from '../src/app.ts'
import { returnMetrics } from '../src/returns/return-metrics.ts'
import { startServerProcess } from '../src/server-process.ts'
import { saveOver, stationClerks } from './clerks.ts'

const { values: args } = parseArgs({ options: { saves: { type: 'string', default: '30' }, postgres: { type: 'boolean', default: false } } })
const savesEach = Number(args.saves)
const dir = mkdtempSync(join(tmpdir(), 'msp-returns-bench-'))
const cluster = args.postgres ? await startThrowawayPostgres() : null
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const seededFile = join(dir, 'seeded.db')
const seededUrl = cluster ? await createPostgresDatabase(cluster.url, 'msp_seeded') : `file:${seededFile}`
const seeded = await openPlatform(seededUrl)
const clerks = await stationClerks(seeded.database.db)
const metrics = returnMetrics(seeded.registry, 'STATION')
await seeded.close()

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const runs: number[] = []
for (let run = 1; run <= 3; run++) {
  const file = join(dir, `run${run}.db`)
  if (!cluster) copyFileSync(seededFile, file)
  const url = cluster ? await copyPostgresDatabase(cluster.url, 'msp_seeded') : `file:${file}`
  const server = await startServerProcess(url, { MSP_RATE_LIMIT_PER_MINUTE: '1000000' })
  const latencies: number[] = []
  const failures: string[] = []
  const started = performance.now()
  await Promise.all(clerks.map(async (clerk) => {
    let version = 0
    for (let i = 0; i < savesEach; i++) {
      // Every value changes at every save: the whole return is written each time. The same
      // count everywhere keeps every part at most its whole (the plugins' rules).
      const values = metrics.map((m) => ({ metric: m.key, value: m.kind === 'RATE' ? 0.5 + i / 1000 : 10 + i }))
      const saved = await saveOver(server.url, clerk, '2024-07', version, values)
      latencies.push(saved.ms)
      if (saved.version === undefined) failures.push(saved.code!)
      else version = saved.version
    }
  }))
  const seconds = (performance.now() - started) / 1000
  await server.stop()
  const rate = (clerks.length * savesEach) / seconds
  runs.push(rate)
  console.log(`run ${run}: ${clerks.length} clerks × ${savesEach} saves of ${metrics.length} values in ${seconds.toFixed(1)} s: ${rate.toFixed(1)} saves/s; latency median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; failed ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}`)
}
console.log(`median of 3 runs: ${median(runs).toFixed(1)} saves/s (13 clerks at once, whole returns of ${metrics.length} values, ${cluster ? 'PostgreSQL' : 'SQLite'})`)
await cluster?.stop()
