// Targets a leader sets (issue 10): each with a reason and a revision; a plugin's default
// replaced for good; a district split whose units do not add up is flagged; all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { syncPluginTargets } from '@msp/server/seed/seed'
import { openTestPlatform, query } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

let platform: Platform
let headers: Record<Asker, Record<string, string>>
beforeAll(async () => {
  platform = await openTestPlatform()
  headers = await roleHeaders(platform.database.db)
})
afterAll(() => platform.close())

const SET = 'mutation($y: Int!, $rows: [TargetInput!]!) { setTargets(year: $y, rows: $rows) { value expected progress source reason splitWarning } }'
const ask = (as: Asker, variables: Record<string, unknown>, extra: Record<string, string> = {}) => query(platform, SET, variables, { ...headers[as], ...extra })
const code = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code ?? 'OK'
const targetOf = async (metric: string, orgUnit: string, year: number) =>
  (await query(platform, `{ metric(key: "${metric}") { target(period: { year: ${year} }, orgUnit: "${orgUnit}") { value source reason } } }`, {}, headers.LEADER)).data?.metric.target

describe('setTargets', () => {
  it('sets a district target over a plugin default, keeps the revision, and the default never comes back', async () => {
    const db = platform.database.db
    const sample = await db.target.findFirstOrThrow({ where: { source: 'SAMPLE', orgUnitId: null, periodStart: '2024-01-01', value: { gt: 1 } } })
    const answer = await ask('LEADER', { y: 2024, rows: [{ metric: sample.metricKey, value: sample.value + 10, reason: '区局2024年工作要点' }] })
    expect(answer.data?.setTargets).toEqual([expect.objectContaining({ value: sample.value + 10, source: 'ENTERED', reason: '区局2024年工作要点', progress: 1 })])
    expect(await targetOf(sample.metricKey, 'wuchang', 2024)).toEqual({ value: sample.value + 10, source: 'ENTERED', reason: '区局2024年工作要点' })
    expect(await db.targetRevision.findMany({ where: { targetId: sample.id }, select: { action: true, value: true, previousValue: true, reason: true, changedBy: true } })).toEqual([
      { action: 'UPDATE', value: sample.value + 10, previousValue: sample.value, reason: '区局2024年工作要点', changedBy: 'r.leader' },
    ])
    // Its history in the API, as the target editor's drawer shows it.
    const history = await query(platform, `{ metric(key: "${sample.metricKey}") { target(period: { year: 2024 }) { history { action by old new reason } } } }`, {}, headers.LEADER)
    expect(history.data?.metric.target.history).toEqual([{ action: 'UPDATE', by: 'r.leader', old: sample.value, new: sample.value + 10, reason: '区局2024年工作要点' }])
    // The mutation's own answer carries the same history.
    const again = await query(platform, 'mutation($rows: [TargetInput!]!) { setTargets(year: 2024, rows: $rows) { value history { action old new reason } } }',
      { rows: [{ metric: sample.metricKey, value: sample.value + 11, reason: '再调一次' }] }, headers.LEADER)
    expect(again.data?.setTargets[0].history.map((h: { reason: string }) => h.reason)).toEqual(['区局2024年工作要点', '再调一次'])
    // A restart syncs the plugins' defaults: the leader's target stands.
    await syncPluginTargets(db, platform.registry)
    expect(await targetOf(sample.metricKey, 'wuchang', 2024)).toMatchObject({ value: sample.value + 11, source: 'ENTERED' })
  })

  it('refuses a target where the metric is not measured, a rank for a unit, and a zero-tolerance target above 0; nothing is set', async () => {
    const before = await platform.database.db.targetRevision.count()
    const answer = await ask('LEADER', { y: 2024, rows: [
      { metric: 'food.incidents', orgUnit: 'district-offices', value: 0, reason: '科室' },
      { metric: 'food.satisfaction-rank', orgUnit: 'station-nanhu', value: 1, reason: '名次' },
      { metric: 'food.incidents', value: 3, reason: '全区' },
      { metric: 'fishing-ban.anglers-checked', orgUnit: 'station-nanhu', value: 300, reason: '南湖所' },
    ] })
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_INPUT')
    expect(((answer.errors?.[0]?.extensions as { problems?: { message: string }[] } | undefined)?.problems ?? []).map((p) => p.message)).toEqual([
      expect.stringContaining('district-offices不填报此指标（由基层所填报）'),
      expect.stringContaining('名次是全区的'),
      expect.stringContaining('零容忍指标的目标只能是0'),
    ])
    expect(await platform.database.db.targetRevision.count()).toBe(before)
  })

  it("flags a district count whose units' targets do not add up to it", async () => {
    const metric = 'fishing-ban.anglers-checked'
    const rows = [
      { metric, value: 1000, reason: '全区' },
      { metric, orgUnit: 'station-nanhu', value: 300, reason: '南湖所' },
      { metric, orgUnit: 'station-ziyang', value: 200, reason: '紫阳所' },
    ]
    const answer = await ask('ADMIN', { y: 2025, rows })
    expect(answer.data?.setTargets.map((t: { splitWarning: string | null }) => t.splitWarning)).toEqual(['2个单位的目标合计500，与全区目标1000不符', null, null])
    const english = await ask('ADMIN', { y: 2025, rows: [{ metric, value: 500, reason: '全区，按所合计' }] }, { 'accept-language': 'en' })
    expect(english.data?.setTargets[0].splitWarning).toBeNull()
    expect(await targetOf(metric, 'station-nanhu', 2025)).toEqual({ value: 300, source: 'ENTERED', reason: '南湖所' })
  })

  it('refuses the whole batch when one row is wrong, saying which and why, and sets nothing', async () => {
    const before = await platform.database.db.target.count()
    const answer = await ask('LEADER', {
      y: 2025,
      rows: [
        { metric: 'fishing-ban.anglers-checked', orgUnit: 'station-baishazhou', value: 10, reason: '白沙洲所' },
        { metric: 'fishing-ban.anglers-checked', orgUnit: 'station-baishazhou', value: 11, reason: '又一次' },
        { metric: 'fishing-ban.satisfaction-rate', value: 95, reason: '满意度' },
        { metric: 'fishing-ban.persuaded-to-leave', value: 5, reason: ' ' },
        { metric: 'no.such-metric', value: 1, reason: 'x' },
        { metric: 'fishing-ban.anglers-checked', orgUnit: 'station-atlantis', value: 1, reason: 'x' },
      ],
    })
    expect(code(answer)).toBe('BAD_INPUT')
    expect((answer.errors![0]!.extensions as { problems: { metric: string }[] }).problems.map((p) => p.metric)).toEqual([
      'fishing-ban.anglers-checked', 'fishing-ban.satisfaction-rate', 'fishing-ban.persuaded-to-leave', 'no.such-metric', 'fishing-ban.anglers-checked',
    ])
    expect(await platform.database.db.target.count()).toBe(before)
    expect(code(await ask('LEADER', { y: 1990, rows: [{ metric: 'fishing-ban.anglers-checked', value: 1, reason: 'x' }] }))).toBe('BAD_INPUT')
    expect(code(await ask('LEADER', { y: 2025, rows: [] }))).toBe('BAD_INPUT')
  })

  it('is for leaders and administrators only', async () => {
    const variables = { y: 2025, rows: [{ metric: 'fishing-ban.anglers-checked', value: 1, reason: 'x' }] }
    const got = Object.fromEntries(await Promise.all((['ADMIN', 'LEADER', 'COMMITTEE', 'REPORTER', 'NOBODY'] as Asker[]).map(async (as) => [as, code(await ask(as, variables))])))
    expect(got).toEqual({ ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' })
  })
})
