// Fills a new database with the generated city (city.ts): the seed writes the units, the
// catalogue, Wuchang's report and Wuchang's sample, as on any first start; this adds every other
// district's sample, years before the sample's first (2021) for all, and the city's own count
// targets. Deterministic: the same arguments give the same figures on every machine. Everything
// it writes is SAMPLE. Rows go in multi-row INSERTs, a district a transaction.
import { openDatabase, writeTransaction, type Cell, type Db } from '@msp/db'
import { lastDayOfMonth, parts } from '../src/engine/dates.ts'
import { createRegistry } from '../src/registry.ts'
import { createRandom } from '../src/seed/random.ts'
import { generateSample, sampleRange, type SampleFigure, type SampleTarget } from '../src/seed/sample.ts'
import { seedIfEmpty } from '../src/seed/seed.ts'
import { cityInstallation, districtKeys } from './city.ts'

export interface CityOptions {
  districts: number
  /** Calendar years of monthly figures, ending with the sample's last (2024, through June). */
  years: number
  log?: (line: string) => void
}

export interface GeneratedCity {
  figures: number
  targets: number
  units: number
  seconds: number
}

const lastYear = Number(sampleRange.to.slice(0, 4))
const firstSampleYear = Number(sampleRange.from.slice(0, 4))
/** The sample's full years (2021–2023 here) are what earlier years are drawn from. */
const baseYear = firstSampleYear
/** Each year before the sample's runs a little lower than the one after it. */
const yearlyGrowth = 1.05

export const minYears = lastYear - firstSampleYear + 1

const figureColumns = ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'createdBy', 'createdAt', 'updatedAt']
const targetColumns = ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'reason', 'createdBy', 'createdAt', 'updatedAt']

export async function generateCity(url: string, options: CityOptions): Promise<GeneratedCity> {
  const { districts, years } = options
  const log = options.log ?? (() => {})
  if (!Number.isInteger(years) || years < minYears || years > 40) {
    throw new Error(`--years must be a whole number from ${minYears} to 40 (the sample covers ${sampleRange.from}..${sampleRange.to}; more years are added before it), not ${years}`)
  }
  const started = performance.now()
  const registry = createRegistry(cityInstallation(districts))
  const database = await openDatabase(url)
  try {
    const db = database.db
    if ((await db.figure.count({ where: { source: { not: 'REPORT' } } })) > 0 || (await db.orgUnit.count()) > 0) {
      throw new Error('the database already has org units or figures: generate:scale fills a new, empty database')
    }
    // Units, catalogue, Wuchang's report, plugin defaults and Wuchang's sample, as any first start.
    const seeded = await seedIfEmpty(db, registry)
    log(`seeded Wuchang: ${seeded.figures} figures, ${seeded.targets} targets`)
    const units = await db.orgUnit.findMany({ select: { id: true, key: true, kind: true, parentId: true }, orderBy: { sortOrder: 'asc' } })
    const idOf = new Map(units.map((u) => [u.key, u.id]))
    const now = new Date()
    const firstYear = lastYear - years + 1
    // As the engine's resolveTarget (engine/targets.ts): intensive targets hold below their unit.
    const carriesDown = (key: string) => {
      const metric = registry.metrics.get(key)!
      return metric.kind === 'RATE' || metric.kind === 'RANK' || metric.targetRule !== 'AT_LEAST'
    }
    let figures = seeded.figures
    let targets = seeded.targets
    // The city's count targets: the sum of its districts' own, in the metric's smallest unit.
    const cityTargets = new Map<string, number>()
    const addToCity = (t: SampleTarget) => {
      const scale = 10 ** registry.metrics.get(t.metricKey)!.decimals
      const key = `${t.metricKey}|${t.year}`
      cityTargets.set(key, (cityTargets.get(key) ?? 0) + Math.round(t.value * scale))
    }

    for (let d = 1; d <= districts; d++) {
      const wuchang = d === 1
      const bureau = wuchang ? registry.reportUnit : districtKeys(d).bureau
      const below = (kind: string) => units.filter((u) => u.parentId === idOf.get(bureau) && u.kind === kind).map((u) => u.key)
      // Drawn as the seed draws Wuchang's (the same seed for Wuchang: the same figures).
      const sample = generateSample(registry, { STATION: below('STATION'), OFFICE: below('OFFICE') }, wuchang ? 'wuchang' : bureau)
      // A district's size: the same for every count of it, so its rates stay its own.
      const size = wuchang ? 1 : 0.6 + createRandom(`city:${bureau}`)() * 0.8
      const bureauId = idOf.get(bureau)!
      const figureRows: Cell[][] = []
      const targetRows: Cell[][] = []
      const emitFigure = (f: SampleFigure, factor: number) => {
        const metric = registry.metrics.get(f.metricKey)!
        const counted = metric.kind === 'FLOW' || metric.kind === 'STOCK'
        const value = counted ? scaled(f.value, factor, metric.decimals) : f.value
        figureRows.push([f.metricKey, f.orgUnitKey ? idOf.get(f.orgUnitKey)! : bureauId, f.start, f.end, value, 'SAMPLE', 'generate:scale', now, now])
      }
      const emitTarget = (t: SampleTarget, factor: number, reason: string) => {
        const metric = registry.metrics.get(t.metricKey)!
        const value = scaled(t.value, factor, metric.decimals)
        targetRows.push([t.metricKey, t.orgUnitKey ? idOf.get(t.orgUnitKey)! : bureauId, `${t.year}-01-01`, `${t.year}-12-31`, value, 'SAMPLE', reason, 'generate:scale', now, now])
        if (t.orgUnitKey === null) addToCity({ ...t, value })
      }
      // The targets the plugins ship are Wuchang's (the seed stored them there): another district
      // gets a count's at its size; a rate's, rank's or ceiling's is the city's (below).
      for (const t of registry.targets) {
        if (t.orgUnit !== undefined || carriesDown(t.metric)) continue
        const target = { metricKey: t.metric, orgUnitKey: null, year: t.year, value: t.value, reason: t.reason }
        if (wuchang) addToCity(target)
        else emitTarget(target, size, `Sample: Wuchang's plugin target at this sample district's size`)
      }
      const all = [...sample.figures, ...sample.districtFigures]
      // Where the report states a rate or rank (Wuchang's own, at Wuchang), another district
      // states its own for the same span: the same rate, a rank of its own.
      if (!wuchang) {
        const random = createRandom(`city:${bureau}:reported`)
        for (const f of registry.reportFigures) {
          const metric = registry.metrics.get(f.metric)!
          if (metric.kind !== 'RANK' && !(metric.kind === 'RATE' && !metric.numerator)) continue
          const value = metric.kind === 'RANK' ? 1 + Math.floor(random() * 3) : f.value
          all.push({ metricKey: f.metric, orgUnitKey: '', start: f.from, end: f.to, value })
        }
      }
      // Wuchang's sample is the seed's, already written; another district's is drawn the same way, at its size.
      if (!wuchang) for (const f of all) emitFigure(f, size)
      if (!wuchang) for (const t of sample.targets) emitTarget(t, size, `${t.reason}, at this sample district's size`)
      else for (const t of sample.targets) if (t.orgUnitKey === null) addToCity(t)
      // Years before the sample's: its first full year again, a little lower each year back.
      for (let year = baseYear - 1; year >= firstYear; year--) {
        const factor = size / yearlyGrowth ** (baseYear - year)
        for (const f of all) {
          if (parts(f.start).year !== baseYear || parts(f.end).year !== baseYear) continue
          emitFigure({ ...f, start: inYear(f.start, year), end: inYear(f.end, year) }, factor)
        }
        for (const t of sample.targets) {
          if (t.year !== baseYear + 1) continue
          emitTarget({ ...t, year: year + 1 }, (wuchang ? 1 : size) / yearlyGrowth ** (baseYear - year), `Sample: ${year + 1}'s target drawn from ${baseYear + 1}'s by pnpm generate:scale`)
        }
      }
      await writeTransaction(database, async (_tx, writer) => {
        await writer.insert('Figure', figureColumns, figureRows)
        await writer.insert('Target', targetColumns, targetRows)
      }, { timeoutMs: 30 * 60_000 })
      figures += figureRows.length
      targets += targetRows.length
      log(`district ${d}/${districts} (${bureau}): ${figureRows.length} figures, ${targetRows.length} targets`)
    }

    const cityRows: Cell[][] = [...cityTargets].map(([key, total]) => {
      const [metricKey, year] = key.split('|') as [string, string]
      const value = total / 10 ** registry.metrics.get(metricKey)!.decimals
      return [metricKey, null, `${year}-01-01`, `${year}-12-31`, value, 'SAMPLE', "Sample: the sum of the districts' sample targets", 'generate:scale', now, now]
    })
    // A rate's, rank's or ceiling's target holds for every unit below the one that sets it:
    // Wuchang's, set for the city, holds for the sample districts (Wuchang keeps its own).
    for (const t of registry.targets) {
      if (t.orgUnit !== undefined || !carriesDown(t.metric)) continue
      cityRows.push([t.metric, null, `${t.year}-01-01`, `${t.year}-12-31`, t.value, 'SAMPLE', "Sample: Wuchang's plugin target, set for the city", 'generate:scale', now, now])
    }
    await writeTransaction(database, (_tx, writer) => writer.insert('Target', targetColumns, cityRows))
    targets += cityRows.length
    await analyze(db, database.provider)
    return { figures, targets, units: units.length, seconds: (performance.now() - started) / 1000 }
  } finally {
    await database.close()
  }
}

/** A count at a district's size, at the metric's precision; rounding keeps a part within its whole. */
function scaled(value: number, factor: number, decimals: number): number {
  const scale = 10 ** decimals
  return Math.round(value * factor * scale) / scale
}

/** The same day in another year; a month's last day stays its month's last (28 February → 29th in a leap year). */
export function inYear(date: string, year: number): string {
  const { year: from, month, day } = parts(date)
  if (date === lastDayOfMonth(from, month)) return lastDayOfMonth(year, month)
  const last = Number(lastDayOfMonth(year, month).slice(8))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`
}

/** Fresh statistics, so the planner knows the tables' new size. */
async function analyze(db: Db, provider: 'sqlite' | 'postgresql') {
  await db.$executeRawUnsafe(provider === 'sqlite' ? 'ANALYZE' : 'ANALYZE "Figure"')
}
