// npx tsx server/bench/scorecard-sql.ts [--districts N] [--postgres] [--no-sqlite] [--index]
// npx tsx server/bench/scorecard-sql.ts --database URL [--config server/scale/city.config.ts]: on
// a database made already (pnpm generate:scale), its root, Wuchang and a station.
// A scorecard against the SQL it needs (issue 11, item 3). On a freshly seeded database (1x:
// the Wuchang district, some 30,000 figures), then on a bigger one (a city over the district
// and N copies of it, default 10, its stations' figures copied under each), for the root and a
// station, and the district on the bigger one, it times, 20 runs each, uncached (the data's
// version is moved before every run, so no shared read or kept answer is reused):
// - sql: the grouped statements the scorecard sends for its spans, through the same client;
// - scorecard: the 2023 scorecard (every row with last year's value), over HTTP in-process
//   (yoga.fetch); with last year's score, the league and the gaps; and with the monthly points
//   too (beside the SQL of their spans as well);
// - raw: the engine as it was, reading every raw figure of both years and aggregating in JS.
// --index adds a covering index on Figure (periodStart, periodEnd, metricKey, orgUnitId, source, value) to compare.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { databaseOf, startThrowawayPostgres, type Db } from '@msp/db'
import { openPlatform, type Platform } from '../src/app.ts'
import { createContext, engineInput } from '../src/context.ts'
import { buildScorecard, monthlySpans, previousScorecard, previousYear, scorecardSpans, type Span, type SpanRead } from '../src/engine/index.ts'
import { readNestedSummaries, readSpanSummary } from '../src/figure-summary-reads.ts'
import { benchReader } from './reader.ts'

const runs = 20
const asOf = '2026-11-27'
const year: Span = { start: '2023-01-01', end: '2023-12-31' }
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1]
const districts = process.argv.includes('--districts') ? Number(argument('--districts')) : 10

// `pnpm bench`'s scorecard: every area's rows with last year's value.
const cardFields = `period score maxScore
  areas { area { key name } score maxScore rows { metric { key name unit kind } actual target completion expected previous yoyChange yoyRate status points maxPoints sources } }`
// The summary the dashboard opens on adds last year's score, the units below ranked, the gaps.
const landingFields = `${cardFields} scoreOn100 previousScoreOn100
  league { orgUnit { key } rank previousRank scoreOn100 areasBehind areas { status } }
  gaps(limit: 5) { metric { key } orgUnit { key } shortfall share }`
const documentOf = (fields: string) => `query ($orgUnit: ID) { scorecard(period: { year: 2023 }, orgUnit: $orgUnit) { ${fields} } }`
const scorecard = documentOf(cardFields)
const landing = documentOf(landingFields)
const withMonthly = documentOf(`${landingFields} monthly { scoreOn100 }`)

const sortedMs = (samples: number[]) => samples.sort((a, b) => a - b)
const median = (s: number[]) => (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2
const p95 = (s: number[]) => s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`

/** Moves the data's version (a figure's updatedAt): the next request reads everything afresh. */
let bump = 0
async function moveVersion(db: Db) {
  const figure = await db.figure.findFirstOrThrow({ orderBy: { id: 'asc' } })
  await db.figure.update({ where: { id: figure.id }, data: { updatedAt: new Date(Date.UTC(2030, 0, 1) + ++bump * 1000) } })
}

async function timed(db: Db, n: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < n + 2; i++) {
    await moveVersion(db)
    const started = performance.now()
    await run()
    if (i >= 2) samples.push(performance.now() - started)
  }
  return sortedMs(samples)
}

async function ask(platform: Platform, document: string, orgUnit: string, reader: Record<string, string>) {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reader },
    body: JSON.stringify({ query: document, variables: { orgUnit } }),
  })
  const body = (await response.json()) as { errors?: unknown }
  if (body.errors) throw new Error(JSON.stringify(body.errors))
}

/** The statements the scorecard sends for these spans (and the monthly points' ends), at the unit and below, timed alone. */
async function groupedSql(platform: Platform, unit: string, reads: readonly SpanRead[], monthlyEnds: readonly string[] = []) {
  const { db } = platform.database
  const context = createContext(db, platform.registry, asOf)
  const { byId, byKey, tree } = await context.orgUnits()
  const ids = unit === tree.root ? undefined : tree.subtree(unit).map((k) => byKey.get(k)!.id)
  const read = (sql: string, params: unknown[]) => databaseOf(db).probe.arrays(sql, params)
  for (const { span, kinds } of reads) {
    const metrics = [...platform.registry.metrics.values()].filter((m) => !kinds || kinds.includes(m.kind))
    await readSpanSummary(read, databaseOf(db).provider, { span, metrics, every: kinds === null, orgUnitIds: ids }, (id) => byId.get(id)!.key)
  }
  const metrics = [...platform.registry.metrics.values()]
  if (monthlyEnds.length > 0) await readNestedSummaries(read, databaseOf(db).provider, { start: year.start, ends: monthlyEnds, metrics, orgUnitIds: ids }, (id) => byId.get(id)!.key)
}

/** The engine before figure summaries: every raw figure of both years, then the scorecard, last year's and the units'. */
async function rawEngine(platform: Platform, unit: string) {
  const context = createContext(platform.database.db, platform.registry, asOf)
  const input = { ...(await engineInput(context, { start: previousYear(year).start, end: year.end }, unit)), areas: platform.registry.areas, orgUnitKey: unit, span: year }
  for (const key of [unit, ...input.context.tree.children(unit)]) {
    buildScorecard({ ...input, orgUnitKey: key })
    previousScorecard({ ...input, orgUnitKey: key })
  }
}

async function benchUnit(label: string, platform: Platform, unit: string, reader: Record<string, string>, rawRuns: number) {
  const { db } = platform.database
  const lastFigureDay = (await db.figure.aggregate({ _max: { periodEnd: true } }))._max.periodEnd ?? null
  const reads = scorecardSpans(year, lastFigureDay, asOf)
  const monthlyEnds = monthlySpans(year, lastFigureDay, asOf).map((span) => span.end)
  const sql = await timed(db, runs, () => groupedSql(platform, unit, reads))
  const card = await timed(db, runs, () => ask(platform, scorecard, unit, reader))
  const summary = await timed(db, runs, () => ask(platform, landing, unit, reader))
  const sqlMonthly = await timed(db, runs, () => groupedSql(platform, unit, reads, monthlyEnds))
  const cardMonthly = await timed(db, runs, () => ask(platform, withMonthly, unit, reader))
  const raw = await timed(db, rawRuns, () => rawEngine(platform, unit))
  const line = (name: string, s: number[]) => `${name.padEnd(22)} median ${fmt(median(s))}  p95 ${fmt(p95(s))}`
  console.log(`\n${label}, 2023 scorecard of ${unit} (${runs} runs, uncached)`)
  console.log(line('sql it needs', sql))
  console.log(`${line('scorecard', card)}   ratio ${(median(card) / median(sql)).toFixed(2)}x the sql`)
  console.log(`${line('+ league, gaps', summary)}   ratio ${(median(summary) / median(sql)).toFixed(2)}x the sql`)
  console.log(line('sql with monthly', sqlMonthly))
  console.log(`${line('+ monthly points', cardMonthly)}   ratio ${(median(cardMonthly) / median(sqlMonthly)).toFixed(2)}x the sql`)
  console.log(`${line(`raw engine (${rawRuns} runs)`, raw)}   (every figure of 2022-2023 read, then aggregated in JS)`)
}

/**
 * A city over the district: a new root, and `copies` districts beside Wuchang, each with its
 * offices and stations and a copy of all their figures (raw SQL, the same on both databases).
 */
async function growToCity(db: Db, copies: number) {
  const units = await db.orgUnit.findMany({ orderBy: { id: 'asc' } })
  const district = units.find((u) => u.parentId === null)!
  const city = await db.orgUnit.create({ data: { key: 'bench-city', nameZh: '市局', nameEn: 'City bureau', kind: 'BUREAU', sortOrder: -1 } })
  await db.orgUnit.update({ where: { id: district.id }, data: { parentId: city.id } })
  for (let copy = 1; copy <= copies; copy++) {
    const ids = new Map<number, number>()
    for (const unit of units) {
      const made = await db.orgUnit.create({
        data: { key: `${unit.key}-copy${copy}`, nameZh: `${unit.nameZh}${copy}`, nameEn: `${unit.nameEn} ${copy}`, kind: unit.kind, sortOrder: unit.sortOrder, parentId: unit.parentId === null ? city.id : ids.get(unit.parentId)! },
      })
      ids.set(unit.id, made.id)
    }
    const mapping = [...ids].map(([from, to]) => `WHEN ${from} THEN ${to}`).join(' ')
    await db.$executeRawUnsafe(
      'INSERT INTO "Figure" ("metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "createdAt", "updatedAt") ' +
        `SELECT "metricKey", CASE "orgUnitId" ${mapping} END, "periodStart", "periodEnd", "value", "source", "createdAt", "updatedAt" FROM "Figure" ` +
        `WHERE "orgUnitId" IN (${[...ids.keys()].join(', ')})`,
    )
  }
  return { city: city.key, district: district.key }
}

async function bench(label: string, url: string) {
  const platform = await openPlatform(url, { asOf })
  const { db } = platform.database
  if (process.argv.includes('--index')) {
    await db.$executeRawUnsafe('CREATE INDEX IF NOT EXISTS "Figure_bench_cover" ON "Figure" ("periodStart", "periodEnd", "metricKey", "orgUnitId", "source", "value")')
  }
  const reader = await benchReader(db)
  const analyze = () => db.$executeRawUnsafe(databaseOf(db).provider === 'sqlite' ? 'ANALYZE' : 'ANALYZE "Figure"')
  await analyze()
  console.log(`\n== ${label} 1x: ${await db.figure.count()} figures${process.argv.includes('--index') ? ', with the covering index' : ''}`)
  await benchUnit(`${label} 1x`, platform, 'wuchang', reader, runs)
  await benchUnit(`${label} 1x`, platform, 'station-nanhu', reader, runs)
  const { city, district } = await growToCity(db, districts)
  await analyze()
  console.log(`\n== ${label} city: ${districts + 1} districts, ${await db.figure.count()} figures`)
  await benchUnit(`${label} city`, platform, city, reader, 5)
  await benchUnit(`${label} city`, platform, district, reader, 5)
  await benchUnit(`${label} city`, platform, 'station-nanhu', reader, 5)
  await platform.close()
}

/** A database made already, such as pnpm generate:scale's city: its root, Wuchang and a station. */
async function benchExisting(url: string, config: string | undefined) {
  const platform = await openPlatform(url, { asOf, config })
  const reader = await benchReader(platform.database.db)
  const root = (await platform.database.db.orgUnit.findFirstOrThrow({ where: { parentId: null } })).key
  const label = `${databaseOf(platform.database.db).provider} ${await platform.database.db.figure.count()} figures`
  for (const unit of [root, 'wuchang', 'station-nanhu']) await benchUnit(label, platform, unit, reader, 3)
  await platform.close()
}

if (process.argv.includes('--database')) {
  await benchExisting(argument('--database')!, process.argv.includes('--config') ? argument('--config') : undefined)
  process.exit()
}

const dir = mkdtempSync(join(tmpdir(), 'msp-bench-sql-'))
try {
  if (!process.argv.includes('--no-sqlite')) await bench('sqlite', `file:${join(dir, 'bench.db')}`)
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
