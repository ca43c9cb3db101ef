// Where a value came from (issue 10, the dashboard's history drawer): a unit's figures and those
// of the units under it (`below`), the latest written or corrected first (`latestFirst`), cut to
// a few (`limit`), each with its history, in one request; a REPORTER still reads only their
// subtree, and the query-cost budget still refuses a huge request.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import { openTestPlatform, query } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

const metric = 'fishing-ban.anglers-checked'
const dir = mkdtempSync(join(tmpdir(), 'msp-figure-history-'))
const csv = (...lines: string[]) => {
  const path = join(dir, `figures-${lines.length}-${Date.now()}.csv`)
  writeFileSync(path, ['metric,org_unit,period_start,period_end,value,note', ...lines].join('\n'))
  return path
}

let platform: Platform
let headers: Record<Asker, Record<string, string>>
const statements: string[] = []
beforeAll(async () => {
  platform = await openTestPlatform({ onQuery: (sql) => statements.push(sql) })
  headers = await roleHeaders(platform.database.db)
})
afterAll(() => platform.close())

interface Listed { id: string; value: number; source: string; periodStart: string; orgUnit: { key: string }; history: { by: string; action: string; old: number | null; new: number | null; reason: string | null }[] }
const figures = async (args: string, as: Asker = 'LEADER', fields = 'id value source periodStart orgUnit { key }') => {
  const answer = await query<{ metric: { figures: Listed[] } | null }>(platform, `{ metric(key: "${metric}") { figures(${args}) { ${fields} } } }`, {}, headers[as])
  return { list: answer.data?.metric?.figures, code: answer.errors?.[0]?.extensions?.code ?? 'OK' }
}
const span = 'from: "2023-01-01", to: "2023-09-26"'

describe('Metric.figures for the history drawer', () => {
  it("with below, lists the district's own figure and every unit's under it; without, the district's only", async () => {
    const own = (await figures(`orgUnit: "wuchang", ${span}`)).list!
    expect(own.map((f) => [f.orgUnit.key, f.source])).toContainEqual(['wuchang', 'REPORT'])
    expect(new Set(own.map((f) => f.orgUnit.key))).toEqual(new Set(['wuchang']))
    const below = (await figures(`orgUnit: "wuchang", below: true, ${span}`)).list!
    const units = new Set(below.map((f) => f.orgUnit.key))
    expect(units.has('wuchang') && units.has('station-nanhu') && units.size).toBeGreaterThan(10)
    // Every unit's figures: what the unfiltered list holds.
    expect(below.length).toBe((await figures(span)).list!.length)
    // A station has no units under it: below changes nothing.
    expect((await figures(`orgUnit: "station-nanhu", below: true, ${span}`)).list).toEqual((await figures(`orgUnit: "station-nanhu", ${span}`)).list)
  })

  it('gives the latest written or corrected first, cut to the limit, each with who, old, new and why', async () => {
    const before = (await figures(`orgUnit: "station-nanhu", ${span}`)).list!.find((f) => f.periodStart === '2023-03-01')!
    const corrected = await importFigures(platform.database, platform.registry, csv(`${metric},station-nanhu,2023-03-01,2023-03-31,${before.value + 5},夜查补录`), { by: 'r.leader', reason: '台账复核' })
    expect(corrected).toMatchObject({ ok: true, corrected: 1 })
    const { list, code } = await figures(`orgUnit: "wuchang", below: true, latestFirst: true, limit: 3, ${span}`, 'LEADER', 'id value source periodStart orgUnit { key } history { by action old new reason }')
    expect(code).toBe('OK')
    expect(list).toHaveLength(3)
    expect(list![0]).toMatchObject({ id: before.id, value: before.value + 5, source: 'IMPORTED', orgUnit: { key: 'station-nanhu' } })
    expect(list![0]!.history).toEqual([{ by: 'r.leader', action: 'UPDATE', old: before.value, new: before.value + 5, reason: '台账复核' }])
    // Without latestFirst, by span as before.
    const bySpan = (await figures(`orgUnit: "station-nanhu", limit: 2, ${span}`)).list!
    expect(bySpan.map((f) => f.periodStart)).toEqual(['2023-01-01', '2023-02-01'])
  })

  it('refuses a limit out of range', async () => {
    expect((await figures('limit: 0')).code).toBe('BAD_INPUT')
    expect((await figures('limit: 501')).code).toBe('BAD_INPUT')
  })

  it("keeps a REPORTER to their unit's subtree", async () => {
    expect((await figures(`orgUnit: "wuchang", below: true, ${span}`, 'REPORTER')).code).toBe('FORBIDDEN')
    expect((await figures(`orgUnit: "station-ziyang", below: true, ${span}`, 'REPORTER')).code).toBe('FORBIDDEN')
    const theirs = await figures(`orgUnit: "station-nanhu", below: true, latestFirst: true, limit: 20, ${span}`, 'REPORTER')
    expect(theirs.code).toBe('OK')
    expect(new Set(theirs.list!.map((f) => f.orgUnit.key))).toEqual(new Set(['station-nanhu']))
  })

  it('costs what it may return: every figure of the whole range with its history, many times over, is refused; a limit bounds it', async () => {
    const all = `orgUnit: "wuchang", below: true`
    const many = (args: string) => `{ ${Array.from({ length: 5 }, (_, i) => `m${i}: metric(key: "${metric}") { figures(${args}) { value history { by old new reason } } }`).join(' ')} }`
    const huge = await query(platform, many(all), {}, headers.LEADER)
    expect(huge.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX')
    expect(huge.data).toBeUndefined()
    const capped = await query(platform, many(`${all}, latestFirst: true, limit: 12`), {}, headers.LEADER)
    expect(capped.errors).toBeUndefined()
  })
})

describe('reading the history of many figures', () => {
  it('reads every figure\'s history in the same few queries, however many figures there are', async () => {
    // The data's version, asked on every request, reads the latest revision's id, not revisions.
    const isDataVersion = (sql: string) => sql.includes('max("id") FROM "FigureRevision"')
    const ask = async (limit: number) => {
      statements.length = 0
      const answer = await query(platform, `{ metric(key: "${metric}") { figures(below: true, limit: ${limit}) { id history { action new } } } }`, {}, headers.LEADER)
      expect(answer.errors).toBeUndefined()
      return { figures: answer.data!.metric.figures.length as number, revisionQueries: statements.filter((sql) => /FigureRevision/.test(sql) && !isDataVersion(sql)).length }
    }
    const few = await ask(5)
    const many = await ask(200)
    expect(many.figures).toBe(200)
    expect(many.revisionQueries).toBe(few.revisionQueries)
    expect(many.revisionQueries).toBeLessThanOrEqual(1)
  })
})
