// Writes a validated import in one transaction: new figures are created, figures for the
// same metric, org unit and span are corrected, and every change leaves a revision.
import type { Db } from '@msp/db'
import type { Registry } from '../registry.ts'
import { readImportFile } from './read-rows.ts'
import { validateImport, type RowError } from './validate.ts'

export interface ImportResult {
  ok: boolean
  errors: RowError[]
  created: number
  corrected: number
  unchanged: number
  batchId: number | null
}

export async function importFigures(db: Db, registry: Registry, path: string, options: { by?: string; dryRun?: boolean } = {}): Promise<ImportResult> {
  const rows = await readImportFile(path)
  const units = await db.orgUnit.findMany({ select: { id: true, key: true } })
  const idOf = new Map(units.map((u) => [u.key, u.id]))
  const keyOf = new Map(units.map((u) => [u.id, u.key]))
  const metricKeys = [...new Set(rows.map((r) => r.cells.metric))]
  const stored = await db.figure.findMany({
    where: { metricKey: { in: metricKeys } },
    select: { id: true, metricKey: true, orgUnitId: true, periodStart: true, periodEnd: true, source: true, value: true },
  })
  const { figures, errors } = validateImport(rows, {
    metrics: registry.metrics,
    orgUnitKeys: new Set(idOf.keys()),
    stored: stored.map((s) => ({ metricKey: s.metricKey, orgUnitKey: keyOf.get(s.orgUnitId)!, start: s.periodStart, end: s.periodEnd, source: s.source })),
  })
  const result: ImportResult = { ok: errors.length === 0, errors, created: 0, corrected: 0, unchanged: 0, batchId: null }
  if (rows.length === 0) {
    result.ok = false
    result.errors = [{ line: 2, message: 'the file has no rows below its header' }]
  }
  if (!result.ok || options.dryRun) return result

  const existing = new Map(stored.map((s) => [`${s.metricKey}|${s.orgUnitId}|${s.periodStart}|${s.periodEnd}`, s]))
  const by = options.by ?? null
  await db.$transaction(async (tx) => {
    const batch = await tx.importBatch.create({ data: { fileName: path.split('/').pop()!, rowCount: figures.length, createdBy: by } })
    result.batchId = batch.id
    for (const f of figures) {
      const orgUnitId = idOf.get(f.orgUnitKey)!
      const before = existing.get(`${f.metricKey}|${orgUnitId}|${f.start}|${f.end}`)
      if (before && before.value === f.value) {
        result.unchanged++
        continue
      }
      const fields = { value: f.value, source: 'IMPORTED', note: f.note, importBatchId: batch.id }
      if (before) {
        await tx.figure.update({ where: { id: before.id }, data: fields })
        await tx.figureRevision.create({
          data: { figureId: before.id, action: 'UPDATE', value: f.value, previousValue: before.value, source: 'IMPORTED', note: f.note, changedBy: by },
        })
        result.corrected++
      } else {
        const created = await tx.figure.create({
          data: { ...fields, metricKey: f.metricKey, orgUnitId, periodStart: f.start, periodEnd: f.end, createdBy: by },
        })
        await tx.figureRevision.create({
          data: { figureId: created.id, action: 'CREATE', value: f.value, source: 'IMPORTED', note: f.note, changedBy: by },
        })
        result.created++
      }
    }
  }, { timeout: 120_000 })
  return result
}
