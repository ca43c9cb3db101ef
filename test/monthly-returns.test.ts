// The monthly return through the API (issue 10): a clerk saves, submits and corrects; a leader
// approves or rejects; an administrator locks a month. Every move, allowed and refused, every
// role, every check; on SQLite and PostgreSQL (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { openTestPlatform, query } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

let platform: Platform
let headers: Record<Asker, Record<string, string>>
beforeAll(async () => {
  platform = await openTestPlatform()
  headers = await roleHeaders(platform.database.db)
})
afterAll(() => platform.close())

const READ = `query($u: ID!, $m: String!) { monthlyReturn(orgUnit: $u, month: $m) {
  state version dueOn late locked rejectedReason submittedBy approvedBy
  values { metric { key kind } value notApplicable note lastMonth sameMonthLastYear warnings }
  history { action by metric { key } old new reason }
} }`
const SAVE = `mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!, $reason: String) {
  saveReturn(orgUnit: $u, month: $m, version: $v, values: $values, reason: $reason) { state version }
}`
const move = (name: string, extra = '') => `mutation($u: ID!, $m: String!, $v: Int!${extra ? ', $reason: String!' : ''}) {
  ${name}(orgUnit: $u, month: $m, version: $v${extra}) { state version rejectedReason }
}`
const SUBMIT = move('submitReturn')
const APPROVE = move('approveReturn')
const REJECT = move('rejectReturn', ', reason: $reason')

type Entry = { metric: string; value?: number | null; notApplicable?: boolean; note?: string | null }

async function ask(as: Asker, document: string, variables: Record<string, unknown>, extra: Record<string, string> = {}) {
  return query(platform, document, variables, { ...headers[as], ...extra })
}
const code = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code ?? 'OK'
const problems = (answer: { errors?: { extensions?: Record<string, any> }[] }) => answer.errors?.[0]?.extensions?.problems as { metric: string; message: string }[]
async function read(unit: string, month: string, as: Asker = 'REPORTER') {
  const answer = await ask(as, READ, { u: unit, m: month })
  if (answer.errors) throw new Error(JSON.stringify(answer.errors))
  return answer.data!.monthlyReturn
}
const version = async (unit: string, month: string, as: Asker = 'REPORTER'): Promise<number> => (await read(unit, month, as)).version
/** Every value of a return, as last month's (0 where there is none): a complete, plausible return. */
async function complete(unit: string, month: string, as: Asker = 'REPORTER'): Promise<Entry[]> {
  return (await read(unit, month, as)).values.map((v: { metric: { key: string }; lastMonth: number | null }) => ({ metric: v.metric.key, value: v.lastMonth ?? 0 }))
}
/** Notes on every value the return questions (sample data has its odd months too), but `except`. */
async function explainWarnings(unit: string, month: string, as: Asker, except?: string) {
  const r = await read(unit, month, as)
  const notes = r.values.filter((v: any) => v.warnings.length && v.metric.key !== except).map((v: any) => ({ metric: v.metric.key, value: v.value, note: '已核实' }))
  const saved = await ask(as, SAVE, { u: unit, m: month, v: r.version, values: notes })
  if (saved.errors) throw new Error(JSON.stringify(saved.errors))
}

describe('reading a return', () => {
  it('reads a return never saved as OPEN, version 0, with every metric the station enters beside its last month', async () => {
    const r = await read('station-nanhu', '2024-07')
    expect(r).toMatchObject({ state: 'OPEN', version: 0, dueOn: '2024-08-05', late: true, locked: false, history: [] })
    expect(r.values.length).toBe(61)
    expect(r.values.every((v: { value: null }) => v.value === null)).toBe(true)
    expect(r.values.filter((v: { lastMonth: number | null }) => v.lastMonth !== null).length).toBeGreaterThan(40)
    // Derived rates are computed, not typed; the offices' metrics are not a station's.
    const keys = r.values.map((v: { metric: { key: string } }) => v.metric.key)
    expect(keys).toContain('fishing-ban.anglers-checked')
    expect(keys).not.toContain('motions.handled')
  })

  it("refuses the district (its figures are its units' sums), a month not written YYYY-MM, and a month not begun", async () => {
    expect(code(await ask('LEADER', READ, { u: 'wuchang', m: '2024-07' }))).toBe('BAD_INPUT')
    const bad = await ask('LEADER', READ, { u: 'station-nanhu', m: '2024-7' })
    expect([code(bad), bad.errors![0]!.message]).toEqual(['BAD_INPUT', '月份应写作YYYY-MM，如2024-03，而不是“2024-7”'])
    // Before the supported range (MSP_PERIOD_FROM): refused, not owed from then on, no crash for year 0.
    for (const month of ['1999-12', '0000-05']) expect(code(await ask('LEADER', READ, { u: 'station-nanhu', m: month }))).toBe('BAD_PERIOD')
    expect(code(await ask('ADMIN', 'mutation { lockMonth(month: "1970-01") }', {}))).toBe('BAD_PERIOD')
    const future = await ask('LEADER', READ, { u: 'station-nanhu', m: '2026-12' }, { 'accept-language': 'en-US,en;q=0.9' })
    expect([code(future), future.errors![0]!.message]).toEqual(['FUTURE_PERIOD', '2026-12 has not begun: it has no figures yet'])
  })
})

describe('saving', () => {
  it('saves a draft, counts versions, keeps a trail, and refuses a stale version with CONFLICT, writing nothing', async () => {
    const first = await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-05', v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 40 }] })
    expect(first.data?.saveReturn).toEqual({ state: 'OPEN', version: 1 })
    const second = await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-05', v: 1, values: [{ metric: 'fishing-ban.anglers-checked', value: 42 }] })
    expect(second.data?.saveReturn).toEqual({ state: 'OPEN', version: 2 })
    const stale = await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-05', v: 1, values: [{ metric: 'fishing-ban.anglers-checked', value: 99 }] })
    expect([code(stale), stale.errors![0]!.message]).toEqual(['CONFLICT', '该月报已被他人修改（现为第2版，您的是第1版），请刷新后重新填写'])
    const r = await read('station-nanhu', '2024-05')
    expect(r.version).toBe(2)
    expect(r.values.find((v: { metric: { key: string } }) => v.metric.key === 'fishing-ban.anglers-checked').value).toBe(42)
    expect(r.history.map((h: any) => [h.action, h.by, h.metric.key, h.old, h.new])).toEqual([
      ['SAVE', 'r.nanhu', 'fishing-ban.anglers-checked', null, 40],
      ['SAVE', 'r.nanhu', 'fishing-ban.anglers-checked', 40, 42],
    ])
  })

  it('lets one of two writers saving the same version at once win; the other gets CONFLICT', async () => {
    const save = (as: Asker, value: number) => ask(as, SAVE, { u: 'station-ziyang', m: '2024-05', v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value }] })
    const [a, b] = await Promise.all([save('ADMIN', 7), save('OTHER_REPORTER', 8)])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    const r = await read('station-ziyang', '2024-05', 'LEADER')
    expect(r.version).toBe(1)
    expect(r.history.length).toBe(1)
  })

  it('refuses values that break their kind or unit, each problem naming its metric, and writes none of the batch', async () => {
    const answer = await ask('REPORTER', SAVE, {
      u: 'station-nanhu', m: '2024-04', v: 0,
      values: [
        { metric: 'fishing-ban.anglers-checked', value: 12.5 },
        { metric: 'special-equipment.units-inspected', value: -3 },
        { metric: 'fishing-ban.satisfaction-rate', value: 98 },
        { metric: 'food.incidents', notApplicable: true },
        { metric: 'motions.handled', value: 1 },
        { metric: 'drugs.dealer-inspections', value: 5 },
        { metric: 'drugs.dealer-inspections', value: 6 },
        { metric: 'prices.officers-deployed', value: 10 },
      ],
    })
    expect(code(answer)).toBe('BAD_INPUT')
    expect(answer.errors![0]!.message).toBe('有6处需要更正，未保存任何内容')
    expect(problems(answer).map((p) => p.metric)).toEqual([
      'fishing-ban.anglers-checked', 'special-equipment.units-inspected', 'fishing-ban.satisfaction-rate', 'food.incidents', 'motions.handled', 'drugs.dealer-inspections',
    ])
    expect(problems(answer)[0]!.message).toMatch(/^检查垂钓人员.*：应为整数（人次），不是12.5$/)
    expect(await version('station-nanhu', '2024-04')).toBe(0)
    // In English when the request prefers it.
    const english = await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-04', v: 0, values: [{ metric: 'fishing-ban.satisfaction-rate', value: 98 }] }, { 'accept-language': 'en' })
    expect(problems(english)[0]!.message).toMatch(/: a rate lies from 0 to 1 \(100% is 1\), not 98$/)
  })

  it("refuses a value that breaks a plugin's rule against another metric of the return", async () => {
    const answer = await ask('REPORTER', SAVE, {
      u: 'station-nanhu', m: '2024-04', v: 0,
      values: [{ metric: 'fishing-ban.anglers-checked', value: 10 }, { metric: 'fishing-ban.persuaded-to-leave', value: 11 }],
    }, { 'accept-language': 'en' })
    expect(code(answer)).toBe('BAD_INPUT')
    expect(problems(answer)).toEqual([{ metric: 'fishing-ban.persuaded-to-leave', message: expect.stringMatching(/\(11\) cannot be more than .*\(10\)/) }])
  })
})

describe('submitting, approving, rejecting, correcting', () => {
  const valueAt = async (metric: string, unit: string) =>
    (await ask('LEADER', `{ metric(key: "${metric}") { value(period: { year: 2024, month: 7 }, orgUnit: "${unit}") figures(orgUnit: "${unit}", from: "2024-07-01", to: "2024-07-31") { value source } } }`, {})).data?.metric

  it('takes a return from draft to approved figures, refusing every move out of turn', async () => {
    const unit = 'station-nanhu'
    const month = '2024-07'
    const v = () => version(unit, month)
    const values = await complete(unit, month)
    // Incomplete: every empty value is named.
    await ask('REPORTER', SAVE, { u: unit, m: month, v: 0, values: values.slice(0, 10) })
    const early = await ask('REPORTER', SUBMIT, { u: unit, m: month, v: await v() })
    expect(code(early)).toBe('BAD_INPUT')
    expect(problems(early).length).toBe(values.length - 10)
    expect(problems(early)[0]!.message).toContain('未填写；如本月不适用，请标为“不适用”并说明')

    // An outlier needs a note; not applicable needs one too.
    const odd = values.find((e) => (e.value ?? 0) >= 5 && e.metric.startsWith('special-equipment.'))!
    const big = (odd.value ?? 0) * 20
    const rest = values.slice(10).map((e) => (e.metric === odd.metric ? { ...e, value: big } : e))
    expect(code(await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: rest }))).toBe('OK')
    await explainWarnings(unit, month, 'REPORTER', odd.metric)
    const unexplained = await ask('REPORTER', SUBMIT, { u: unit, m: month, v: await v() })
    expect(problems(unexplained)).toEqual([{ metric: odd.metric, message: expect.stringContaining('请核实并说明') }])
    expect((await read(unit, month)).values.find((e: any) => e.metric.key === odd.metric).warnings).toEqual([expect.stringContaining('超过近12个月中位数')])
    await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: [{ metric: odd.metric, value: big, note: '专项检查月' }, { metric: 'food.incidents', notApplicable: true, note: '本月无此项' }] })

    const submitted = await ask('REPORTER', SUBMIT, { u: unit, m: month, v: await v() })
    expect(submitted.data?.submitReturn).toMatchObject({ state: 'SUBMITTED' })
    // Waiting: no saves, no second submission; the clerk cannot approve their own.
    expect(code(await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: [] }))).toBe('INVALID_STATE')
    expect(code(await ask('REPORTER', SUBMIT, { u: unit, m: month, v: await v() }))).toBe('INVALID_STATE')
    expect(code(await ask('REPORTER', APPROVE, { u: unit, m: month, v: await v() }))).toBe('FORBIDDEN')
    expect(code(await ask('COMMITTEE', APPROVE, { u: unit, m: month, v: await v() }))).toBe('FORBIDDEN')
    const queue = await ask('LEADER', '{ approvalQueue { orgUnit { key } month state } }', {})
    expect(queue.data?.approvalQueue).toContainEqual({ orgUnit: { key: unit }, month, state: 'SUBMITTED' })

    // Rejected with a reason, edited, submitted again.
    expect(code(await ask('LEADER', REJECT, { u: unit, m: month, v: await v(), reason: '  ' }))).toBe('BAD_INPUT')
    const rejected = await ask('LEADER', REJECT, { u: unit, m: month, v: await v(), reason: '请核对特种设备数据' })
    expect(rejected.data?.rejectReturn).toMatchObject({ state: 'REJECTED', rejectedReason: '请核对特种设备数据' })
    expect(code(await ask('LEADER', APPROVE, { u: unit, m: month, v: await v() }))).toBe('INVALID_STATE')
    expect((await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: [{ metric: odd.metric, value: big, note: '已核对：专项检查月' }] })).data?.saveReturn).toMatchObject({ state: 'OPEN' })
    await ask('REPORTER', SUBMIT, { u: unit, m: month, v: await v() })

    // Approved: the values are the station's figures for July, and the scorecard reads them.
    expect((await valueAt(odd.metric, unit)).value).toBeNull()
    expect((await ask('LEADER', APPROVE, { u: unit, m: month, v: await v() })).data?.approveReturn).toMatchObject({ state: 'APPROVED' })
    expect(await valueAt(odd.metric, unit)).toEqual({ value: big, figures: [{ value: big, source: 'ENTERED' }] })
    const r = await read(unit, month, 'LEADER')
    expect(r).toMatchObject({ state: 'APPROVED', submittedBy: 'r.nanhu', approvedBy: 'r.leader', late: false })
    expect(r.history.filter((h: any) => h.metric === null).map((h: any) => h.action)).toEqual(['SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE'])

    // A correction needs a reason and goes back for approval; the figure stays until then.
    expect(code(await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: [{ metric: odd.metric, value: 1 }] }))).toBe('INVALID_STATE')
    const corrected = await ask('REPORTER', SAVE, { u: unit, m: month, v: await v(), values: [{ metric: odd.metric, value: odd.value, note: '原数据多录一位' }], reason: '录入错误更正' })
    expect(corrected.data?.saveReturn).toMatchObject({ state: 'SUBMITTED' })
    expect((await valueAt(odd.metric, unit)).value).toBe(big)
    await ask('LEADER', APPROVE, { u: unit, m: month, v: await v() })
    expect((await valueAt(odd.metric, unit)).value).toBe(odd.value)
    expect((await read(unit, month)).history.filter((h: any) => h.action === 'CORRECT')).toEqual([
      { action: 'CORRECT', by: 'r.nanhu', metric: { key: odd.metric }, old: big, new: odd.value, reason: '录入错误更正' },
    ])
    // The figure's trail says why at each approval: first the clerk's note, then the correction's reason.
    const figure = await ask('LEADER', `{ metric(key: "${odd.metric}") { figures(orgUnit: "${unit}", from: "2024-07-01", to: "2024-07-31") { history { action old new reason } } } }`, {})
    expect(figure.data?.metric.figures[0].history.map((h: any) => h.reason)).toEqual(['approved return 2024-07: 已核对：专项检查月', 'approved return 2024-07: 录入错误更正'])
  })

  it('replaces a sample figure on approval, removes one marked not applicable, and never overwrites a report figure', async () => {
    const unit = 'station-ziyang'
    const month = '2024-06'
    const db = platform.database.db
    const station = await db.orgUnit.findUniqueOrThrow({ where: { key: unit } })
    const values = await complete(unit, month, 'OTHER_REPORTER')
    const counted = values.filter((e) => (e.value ?? 0) > 0)
    const sample = await db.figure.findFirstOrThrow({ where: { orgUnitId: station.id, metricKey: counted[0]!.metric, periodStart: '2024-06-01', source: 'SAMPLE' } })
    const gone = await db.figure.findFirstOrThrow({ where: { orgUnitId: station.id, metricKey: counted[1]!.metric, periodStart: '2024-06-01', source: 'SAMPLE' } })
    const kept = await db.figure.findFirstOrThrow({ where: { orgUnitId: station.id, metricKey: counted[2]!.metric, periodStart: '2024-06-01' } })
    await db.figure.update({ where: { id: kept.id }, data: { source: 'REPORT' } })
    const entries = values.map((e) =>
      e.metric === sample.metricKey ? { ...e, value: sample.value + 1 } : e.metric === gone.metricKey ? { metric: e.metric, notApplicable: true, note: '本月不适用' } : e.metric === kept.metricKey ? { ...e, value: kept.value + 1 } : e,
    )
    await ask('OTHER_REPORTER', SAVE, { u: unit, m: month, v: 0, values: entries })
    await explainWarnings(unit, month, 'OTHER_REPORTER')
    expect(code(await ask('OTHER_REPORTER', SUBMIT, { u: unit, m: month, v: await version(unit, month, 'OTHER_REPORTER') }))).toBe('OK')
    expect(code(await ask('ADMIN', APPROVE, { u: unit, m: month, v: await version(unit, month, 'OTHER_REPORTER') }))).toBe('OK')
    expect(await db.figure.findUnique({ where: { id: sample.id } })).toMatchObject({ value: sample.value + 1, source: 'ENTERED' })
    expect(await db.figure.findUnique({ where: { id: gone.id } })).toBeNull()
    expect(await db.figure.findUnique({ where: { id: kept.id } })).toMatchObject({ value: kept.value, source: 'REPORT' })
    const trail = await db.figureRevision.findMany({ where: { figureId: sample.id }, orderBy: { id: 'asc' } })
    expect(trail.at(-1)).toMatchObject({ action: 'UPDATE', previousValue: sample.value, previousSource: 'SAMPLE', value: sample.value + 1, source: 'ENTERED', changedBy: 'r.admin' })
    expect(await db.figureRevision.count({ where: { metricKey: gone.metricKey, orgUnitId: station.id, action: 'DELETE' } })).toBe(1)
    // The figure's trail in the API, as its history drawer shows it.
    const history = await ask('LEADER', `{ metric(key: "${sample.metricKey}") { figures(orgUnit: "${unit}", from: "2024-06-01", to: "2024-06-30") { source history { action by old new reason } } } }`, {})
    expect(history.data?.metric.figures).toEqual([{ source: 'ENTERED', history: [{ action: 'UPDATE', by: 'r.admin', old: sample.value, new: sample.value + 1, reason: 'approved return 2024-06' }] }])
  })
})

describe('locked months', () => {
  it('refuses every write to a locked month with PERIOD_LOCKED until an administrator unlocks it with a reason', async () => {
    const lock = 'mutation($m: String!) { lockMonth(month: $m) }'
    const unlock = 'mutation($m: String!, $r: String!) { unlockMonth(month: $m, reason: $r) }'
    expect(code(await ask('LEADER', lock, { m: '2024-03' }))).toBe('FORBIDDEN')
    expect((await ask('ADMIN', lock, { m: '2024-03' })).data?.lockMonth).toBe(true)
    expect((await ask('ADMIN', lock, { m: '2024-03' })).data?.lockMonth).toBe(false)
    expect(code(await ask('ADMIN', lock, { m: '2031-01' }))).toBe('FUTURE_PERIOD')
    const refused = await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-03', v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 1 }] })
    expect([code(refused), refused.errors![0]!.message]).toEqual(['PERIOD_LOCKED', '2024-03已锁定，不能再修改；如需更正请管理员解锁'])
    expect((await read('station-nanhu', '2024-03')).locked).toBe(true)
    expect((await ask('LEADER', '{ lockedMonths }', {})).data?.lockedMonths).toContain('2024-03')
    expect(code(await ask('ADMIN', unlock, { m: '2024-03', r: '' }))).toBe('BAD_INPUT')
    expect((await ask('ADMIN', unlock, { m: '2024-03', r: '南湖所补报' })).data?.unlockMonth).toBe(true)
    expect(code(await ask('REPORTER', SAVE, { u: 'station-nanhu', m: '2024-03', v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 1 }] }))).toBe('OK')
    expect(await platform.database.db.monthLockRevision.findMany({ where: { month: '2024-03' }, select: { action: true, reason: true, changedBy: true }, orderBy: { id: 'asc' } })).toEqual([
      { action: 'LOCK', reason: null, changedBy: 'r.admin' },
      { action: 'UNLOCK', reason: '南湖所补报', changedBy: 'r.admin' },
    ])
  })
})

describe('who may', () => {
  const write = { u: 'station-nanhu', m: '2024-02', v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 3 }] }
  const matrix: [string, string, Record<string, unknown>, Record<Asker, string>][] = [
    ["read 南湖's return", READ, { u: 'station-nanhu', m: '2024-02' }, { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ["write 南湖's return", SAVE, write, { ADMIN: 'CONFLICT', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'OK', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['submit it', SUBMIT, { u: 'station-nanhu', m: '2024-02', v: 99 }, { ADMIN: 'CONFLICT', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'CONFLICT', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['approve it', APPROVE, { u: 'station-nanhu', m: '2024-02', v: 99 }, { ADMIN: 'CONFLICT', LEADER: 'CONFLICT', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['reject it', REJECT, { u: 'station-nanhu', m: '2024-02', v: 99, reason: 'x' }, { ADMIN: 'CONFLICT', LEADER: 'CONFLICT', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['see the approval queue', '{ approvalQueue { month } }', {}, { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ["see the district's completeness", '{ completeness(period: { year: 2024, month: 1 }, orgUnit: "wuchang") { month } }', {}, { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['lock a month', 'mutation { lockMonth(month: "2023-01") }', {}, { ADMIN: 'OK', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['unlock a month', 'mutation { unlockMonth(month: "2024-01", reason: "x") }', {}, { ADMIN: 'OK', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', OTHER_REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
  ]
  for (const [what, document, variables, expected] of matrix) {
    it(what, async () => {
      const got: Record<string, string> = {}
      // In this order: the REPORTER's save comes before the ADMIN's, which then names a stale version.
      for (const as of ['REPORTER', 'ADMIN', 'LEADER', 'COMMITTEE', 'OTHER_REPORTER', 'NOBODY'] as Asker[]) got[as] = code(await ask(as, document, variables))
      expect(got).toEqual(expected)
    })
  }

  it("gives a clerk their own station's completeness by default, and a leader every unit's", async () => {
    const rows = (await ask('REPORTER', '{ completeness(period: { year: 2024, quarter: 1 }) { orgUnit { key } month state expected } }', {})).data?.completeness
    // From the first month any return was saved (2024-02, above): before it, none was owed.
    expect(rows.map((r: any) => `${r.orgUnit.key} ${r.month}`)).toEqual(['station-nanhu 2024-02', 'station-nanhu 2024-03'])
    const district = (await ask('LEADER', '{ completeness(period: { year: 2024, month: 2 }) { orgUnit { key kind } state expected entered late } }', {})).data?.completeness
    expect(district.length).toBe(14)
    expect(district.find((r: any) => r.orgUnit.key === 'district-offices')).toMatchObject({ expected: 40, late: true })
    expect(district.find((r: any) => r.orgUnit.key === 'station-nanhu')).toMatchObject({ state: 'OPEN', expected: 61, entered: 1 })
  })
})
