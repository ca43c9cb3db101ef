// Fills a new database: the org units, the plugins' catalogue, the report's figures with
// their sentences, the plugins' default targets, and the sample data. The catalogue, the
// report's figures and the plugins' default targets are synced on every start (plugins are
// their source of truth), never overwriting what people entered; the sample is written
// once, into an empty database.
//
// Several processes may start at once on one database (the server and an import, two
// imports). Each first checks, reading only, whether anything needs writing: on a normal start
// nothing does, and no lock is taken, so a start never waits for an import. When something
// does, all of it is written in one transaction that holds the write lock from its first
// statement and checks again inside: the first process seeds, the others wait and then find
// it seeded.
import { writeTransaction, type Db, type DbTx, type SqlWriter } from '@msp/db'
import type { EnteringUnitKind } from '@msp/plugin-sdk'
import type { Registry } from '../registry.ts'
import { generateSample, type UnitsByKind } from './sample.ts'

/**
 * Areas and metrics, as the plugins define them now. Returns how many differ from what is
 * stored; writes them only when `write` is set.
 */
export async function syncCatalog(db: DbTx, registry: Registry, write = true): Promise<number> {
  const storedAreas = new Map((await db.area.findMany()).map((a) => [a.key, a]))
  const storedMetrics = new Map((await db.metric.findMany()).map((m) => [m.key, m]))
  const differs = <T extends object>(stored: T | undefined, data: Partial<T>) =>
    !stored || (Object.keys(data) as (keyof T)[]).some((k) => stored[k] !== data[k])
  let changes = 0
  for (const [sortOrder, area] of registry.areas.entries()) {
    const data = { nameZh: area.name['zh-CN'], nameEn: area.name.en, sortOrder }
    if (!differs(storedAreas.get(area.key), data)) continue
    changes++
    if (write) await db.area.upsert({ where: { key: area.key }, create: { key: area.key, ...data }, update: data })
  }
  let sortOrder = 0
  for (const area of registry.areas) {
    for (const metric of area.metrics) {
      const data = {
        areaKey: area.key,
        nameZh: metric.name['zh-CN'],
        nameEn: metric.name.en,
        unit: metric.unit,
        kind: metric.kind,
        direction: metric.direction,
        targetRule: metric.targetRule,
        granularity: metric.granularity,
        numeratorKey: metric.numerator,
        denominatorKey: metric.denominator,
        weight: metric.scoring?.weight ?? null,
        scoringRule: metric.scoring?.rule ?? null,
        enteredBy: metric.enteredBy,
        sortOrder: sortOrder++,
        decimals: metric.decimals,
      }
      const stored = storedMetrics.get(metric.key)
      if (!differs(stored, data)) continue
      changes++
      if (!write) continue
      await db.metric.upsert({ where: { key: metric.key }, create: { key: metric.key, ...data }, update: data })
      // Its figures are added up at other decimals, or it takes its latest figure where it did
      // not: their year-to-date totals are made anew when this transaction ends
      // (prisma/src/year-to-date.ts).
      const kept = ['decimals', 'kind', 'numeratorKey', 'denominatorKey'] as const
      if (stored && kept.some((k) => stored[k] !== data[k])) {
        await db.$executeRawUnsafe(
          'INSERT INTO "FigureYearToDateStale" ("orgUnitId", "year") SELECT DISTINCT "orgUnitId", CAST(substr("periodStart", 1, 4) AS INTEGER) AS "year" FROM "Figure" AS "f" ' +
            `WHERE "metricKey" = '${metric.key.replaceAll("'", "''")}' AND NOT EXISTS (SELECT 1 FROM "FigureYearToDateStale" AS "s" WHERE "s"."orgUnitId" = "f"."orgUnitId" AND "s"."year" = CAST(substr("f"."periodStart", 1, 4) AS INTEGER))`,
        )
      }
    }
  }
  return changes
}

/** The org units, into a database that has none; returns whether it had none. */
export async function seedOrgUnits(db: DbTx, registry: Registry, write = true): Promise<boolean> {
  if ((await db.orgUnit.count()) > 0) return false
  if (!write) return true
  const ids = new Map<string, number>()
  for (const [sortOrder, unit] of registry.orgUnits.entries()) {
    const created = await db.orgUnit.create({
      data: {
        key: unit.key, nameZh: unit.name['zh-CN'], nameEn: unit.name.en, kind: unit.kind, note: unit.note ?? null, sortOrder,
        parentId: unit.parent ? ids.get(unit.parent)! : null,
      },
    })
    ids.set(unit.key, created.id)
  }
  return true
}

/**
 * The report's figures, as the plugins quote them: created where missing, corrected where a
 * plugin's quote or value changed. Figures from any other source are never touched. Returns
 * how many differ; writes them only when `write` is set.
 */
export async function syncReportFigures(db: DbTx, registry: Registry, write = true): Promise<number> {
  const root = await db.orgUnit.findUnique({ where: { key: registry.reportUnit } })
  if (!root) return registry.reportFigures.length
  const stored = await db.figure.findMany({ where: { orgUnitId: root.id, metricKey: { in: [...registry.metrics.keys()] } } })
  const byKey = new Map(stored.map((f) => [`${f.metricKey}|${f.periodStart}|${f.periodEnd}`, f]))
  const missing = []
  let written = 0
  for (const f of registry.reportFigures) {
    const passage = f.report.locate(f.quote ?? f.stated)!
    const data = {
      value: f.value, source: 'REPORT', reportSection: passage.section, reportSentence: passage.sentence,
      reportStated: f.stated, qualifier: f.qualifier ?? null,
    }
    const existing = byKey.get(`${f.metric}|${f.from}|${f.to}`)
    if (!existing) {
      missing.push({ ...data, metricKey: f.metric, orgUnitId: root.id, periodStart: f.from, periodEnd: f.to, createdBy: 'report' })
    } else if (existing.source === 'REPORT' && (Object.keys(data) as (keyof typeof data)[]).some((k) => existing[k] !== data[k])) {
      if (write) await db.figure.update({ where: { id: existing.id }, data })
      written++
    }
  }
  if (missing.length && write) await db.figure.createMany({ data: missing })
  return written + missing.length
}

/** How a target a plugin ships is labelled: a default, until someone sets the bureau's own. */
function pluginDefaultReason(reason: string): string {
  return /^plugin default\b/i.test(reason) ? reason : `Plugin default: ${reason}`
}

/**
 * The targets the plugins ship: created where missing, updated where a plugin changed one
 * (with a revision saying so). Only the plugins' own (source SAMPLE) are ever written: where
 * a target someone entered or imported is stored for the same metric, unit and span, it
 * stands and no default joins it. Returns how many differ; writes them only when `write` is set.
 */
export async function syncPluginTargets(db: DbTx, registry: Registry, write = true): Promise<number> {
  if (registry.targets.length === 0) return 0
  const units = await db.orgUnit.findMany({ select: { id: true, key: true } })
  if (units.length === 0) return registry.targets.length
  const idOf = new Map(units.map((u) => [u.key, u.id]))
  const reportBureau = await db.orgUnit.findUnique({ where: { key: registry.reportUnit }, select: { id: true, parentId: true } })
  const reportUnitId = reportBureau && reportBureau.parentId !== null ? reportBureau.id : null
  const stored = await db.target.findMany({ where: { metricKey: { in: [...new Set(registry.targets.map((t) => t.metric))] } } })
  const keyOf = (t: { metricKey: string; orgUnitId: number | null; periodStart: string; periodEnd: string }) =>
    `${t.metricKey}|${t.orgUnitId}|${t.periodStart}|${t.periodEnd}`
  const byKey = new Map<string, typeof stored>()
  for (const t of stored) byKey.set(keyOf(t), [...(byKey.get(keyOf(t)) ?? []), t])
  const missing = []
  const seen = new Set<string>()
  let changes = 0
  for (const t of registry.targets) {
    // A unit the installation added after the database was seeded has no row yet: no target for
    // it. A target for no unit is the reports' bureau's: the root's (no unit), or a district's in a city.
    const orgUnitId = t.orgUnit === undefined ? reportUnitId : idOf.get(t.orgUnit)
    if (orgUnitId === undefined) continue
    const row = { metricKey: t.metric, orgUnitId, periodStart: `${t.year}-01-01`, periodEnd: `${t.year}-12-31` }
    const data = { value: t.value, reason: pluginDefaultReason(t.reason) }
    const existing = byKey.get(keyOf(row)) ?? []
    if (seen.has(keyOf(row)) || existing.some((e) => e.source !== 'SAMPLE')) continue
    seen.add(keyOf(row))
    const own = existing[0]
    if (!own) {
      missing.push({ ...row, ...data, source: 'SAMPLE', createdBy: 'seed' })
      changes++
    } else if (own.value !== data.value || own.reason !== data.reason) {
      changes++
      if (!write) continue
      await db.target.update({ where: { id: own.id }, data })
      if (own.value !== data.value) {
        await db.targetRevision.create({
          data: { targetId: own.id, action: 'UPDATE', value: data.value, previousValue: own.value, reason: "the plugin's default changed", changedBy: 'seed' },
        })
      }
    }
  }
  if (missing.length && write) await db.target.createMany({ data: missing })
  return changes
}

/** A unit and every unit below it. */
function subtreeOf<T extends { id: number; parentId: number | null }>(units: readonly T[], id: number): T[] {
  const out = units.filter((u) => u.id === id)
  for (let i = 0; i < out.length; i++) out.push(...units.filter((u) => u.parentId === out[i]!.id))
  return out
}

/** Whether the sample figures and targets are missing: nothing but the report's own is stored. */
async function sampleMissing(db: DbTx): Promise<boolean> {
  return (await db.figure.count({ where: { source: { not: 'REPORT' } } })) === 0 && (await db.target.count()) === 0
}

/**
 * Brings a database up to date with the plugins and seeds it when it is empty; returns
 * whether it seeded. Safe when several processes start at once (see the top of this file).
 */
export async function seedIfEmpty(db: Db, registry: Registry): Promise<{ seeded: boolean; figures: number; targets: number }> {
  const stale =
    (await seedOrgUnits(db, registry, false)) ||
    (await syncCatalog(db, registry, false)) > 0 ||
    (await syncReportFigures(db, registry, false)) > 0 ||
    (await syncPluginTargets(db, registry, false)) > 0 ||
    (await sampleMissing(db))
  if (!stale) return { seeded: false, figures: 0, targets: 0 }
  return writeTransaction(db, (tx, writer) => seedLocked(tx, registry, writer), { timeoutMs: 10 * 60_000 })
}

/** Everything seedIfEmpty writes, inside the write transaction, checking again first. */
async function seedLocked(tx: DbTx, registry: Registry, writer: SqlWriter): Promise<{ seeded: boolean; figures: number; targets: number }> {
  await seedOrgUnits(tx, registry)
  await syncCatalog(tx, registry)
  const reported = await syncReportFigures(tx, registry)
  // Asked before the defaults are written, so a fresh database still counts as lacking its sample.
  const sampleNeeded = await sampleMissing(tx)
  const defaults = await syncPluginTargets(tx, registry)
  if (!sampleNeeded) return { seeded: false, figures: reported, targets: defaults }

  // The sample is drawn for the bureau the report speaks for and its units, to add up to the
  // report's totals; a city's other districts have none (pnpm generate:scale fills them).
  const all = await tx.orgUnit.findMany()
  const idOf = new Map(all.map((u) => [u.key, u.id]))
  const root = all.find((u) => u.key === registry.reportUnit)!
  const units = subtreeOf(all, root.id)
  const keysOf = (kind: EnteringUnitKind) => units.filter((u) => u.kind === kind).sort((a, b) => a.sortOrder - b.sortOrder).map((u) => u.key)
  const sample = generateSample(registry, { STATION: keysOf('STATION'), OFFICE: keysOf('OFFICE') } satisfies UnitsByKind)

  // Multi-row INSERTs (see SqlWriter) rather than createMany, whose client-side cost (about
  // half a millisecond a row) kept the write lock for 20 s while other processes waited.
  const now = new Date()
  // A bureau's own target is stored without a unit at the root, with its unit below it.
  const ownTarget = root.parentId === null ? null : root.id
  const sampleRows = [...sample.figures, ...sample.districtFigures].map((f) => [
    f.metricKey, f.orgUnitKey ? idOf.get(f.orgUnitKey)! : root.id, f.start, f.end, f.value, 'SAMPLE', 'seed', now, now,
  ])
  const targetRows = sample.targets.map((t) => [
    t.metricKey, t.orgUnitKey ? idOf.get(t.orgUnitKey)! : ownTarget, `${t.year}-01-01`, `${t.year}-12-31`, t.value, 'SAMPLE', t.reason, 'seed', now, now,
  ])
  await writer.insert('Figure', ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'createdBy', 'createdAt', 'updatedAt'], sampleRows)
  await writer.insert('Target', ['metricKey', 'orgUnitId', 'periodStart', 'periodEnd', 'value', 'source', 'reason', 'createdBy', 'createdAt', 'updatedAt'], targetRows)
  return { seeded: true, figures: reported + sampleRows.length, targets: defaults + targetRows.length }
}
