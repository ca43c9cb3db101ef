// Fills a new database: the org units, the plugins' catalogue, the report's figures with
// their sentences, and the sample data. The catalogue is synced on every start (plugins
// are its source of truth); everything else is written once, into an empty database.
import type { Db } from '@msp/db'
import type { Registry } from '../registry.ts'
import { orgUnits } from './org-units.ts'
import { generateSample } from './sample.ts'

/** Areas and metrics, as the plugins define them now. */
export async function syncCatalog(db: Db, registry: Registry): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [sortOrder, area] of registry.areas.entries()) {
      const data = { nameZh: area.name['zh-CN'], nameEn: area.name.en, sortOrder }
      await tx.area.upsert({ where: { key: area.key }, create: { key: area.key, ...data }, update: data })
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
        }
        await tx.metric.upsert({ where: { key: metric.key }, create: { key: metric.key, ...data }, update: data })
      }
    }
  })
}

export async function seedOrgUnits(db: Db): Promise<void> {
  if ((await db.orgUnit.count()) > 0) return
  const ids = new Map<string, number>()
  for (const [sortOrder, unit] of orgUnits.entries()) {
    const created = await db.orgUnit.create({
      data: {
        key: unit.key, nameZh: unit.nameZh, nameEn: unit.nameEn, kind: unit.kind, note: unit.note ?? null, sortOrder,
        parentId: unit.parentKey ? ids.get(unit.parentKey)! : null,
      },
    })
    ids.set(unit.key, created.id)
  }
}

/**
 * The report's figures, as the plugins quote them: created where missing, corrected where a
 * plugin's quote or value changed. Figures from any other source are never touched.
 */
export async function syncReportFigures(db: Db, registry: Registry): Promise<number> {
  const root = await db.orgUnit.findFirstOrThrow({ where: { parentId: null } })
  const stored = await db.figure.findMany({ where: { orgUnitId: root.id, metricKey: { in: [...registry.metrics.keys()] } } })
  const byKey = new Map(stored.map((f) => [`${f.metricKey}|${f.periodStart}|${f.periodEnd}`, f]))
  const missing = []
  let written = 0
  for (const f of registry.reportFigures) {
    const passage = registry.report.locate(f.quote ?? f.stated)!
    const data = {
      value: f.value, source: 'REPORT', reportSection: passage.section, reportSentence: passage.sentence,
      reportStated: f.stated, qualifier: f.qualifier ?? null,
    }
    const existing = byKey.get(`${f.metric}|${f.from}|${f.to}`)
    if (!existing) {
      missing.push({ ...data, metricKey: f.metric, orgUnitId: root.id, periodStart: f.from, periodEnd: f.to, createdBy: 'report' })
    } else if (existing.source === 'REPORT' && (Object.keys(data) as (keyof typeof data)[]).some((k) => existing[k] !== data[k])) {
      await db.figure.update({ where: { id: existing.id }, data })
      written++
    }
  }
  if (missing.length) await db.figure.createMany({ data: missing })
  return written + missing.length
}

/** Seeds the sample figures and targets of a database that has none; returns whether it did. */
export async function seedIfEmpty(db: Db, registry: Registry): Promise<{ seeded: boolean; figures: number; targets: number }> {
  await seedOrgUnits(db)
  await syncCatalog(db, registry)
  const reported = await syncReportFigures(db, registry)
  const sampled = await db.figure.count({ where: { source: { not: 'REPORT' } } })
  if (sampled > 0 || (await db.target.count()) > 0) return { seeded: false, figures: reported, targets: 0 }

  const units = await db.orgUnit.findMany()
  const idOf = new Map(units.map((u) => [u.key, u.id]))
  const root = units.find((u) => u.parentId === null)!
  const keysOf = (kind: string) => units.filter((u) => u.kind === kind).sort((a, b) => a.sortOrder - b.sortOrder).map((u) => u.key)
  const sample = generateSample(registry, { STATION: keysOf('STATION'), OFFICE: keysOf('OFFICE') })

  const sampleRows = [...sample.figures, ...sample.districtFigures].map((f) => ({
    metricKey: f.metricKey, orgUnitId: f.orgUnitKey ? idOf.get(f.orgUnitKey)! : root.id,
    periodStart: f.start, periodEnd: f.end, value: f.value, source: 'SAMPLE', createdBy: 'seed',
  }))
  const targetRows = sample.targets.map((t) => ({
    metricKey: t.metricKey, orgUnitId: t.orgUnitKey ? idOf.get(t.orgUnitKey)! : null,
    periodStart: `${t.year}-01-01`, periodEnd: `${t.year}-12-31`, value: t.value, source: 'SAMPLE', reason: t.reason, createdBy: 'seed',
  }))

  await db.$transaction(async (tx) => {
    for (let i = 0; i < sampleRows.length; i += 1000) await tx.figure.createMany({ data: sampleRows.slice(i, i + 1000) })
    for (let i = 0; i < targetRows.length; i += 1000) await tx.target.createMany({ data: targetRows.slice(i, i + 1000) })
  }, { timeout: 120_000 })
  return { seeded: true, figures: reported + sampleRows.length, targets: targetRows.length }
}
