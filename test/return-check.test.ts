// checkReturn: what a save would refuse and question, without saving; the clerk's screen asks
// it as they type. It must say what the save says, and write nothing. On both databases.
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

const unit = 'station-nanhu'
const month = '2024-06'
type Entry = { metric: string; value?: number | null; notApplicable?: boolean; note?: string | null }
const CHECK = `query($u: ID!, $m: String!, $values: [ReturnValueInput!]!) {
  checkReturn(orgUnit: $u, month: $m, values: $values) { errors { metric message } warnings { metric message } }
}`
const SAVE = `mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!) { saveReturn(orgUnit: $u, month: $m, version: $v, values: $values) { version } }`

const ask = (as: Asker, document: string, variables: Record<string, unknown>, extra: Record<string, string> = {}) => query(platform, document, variables, { ...headers[as], ...extra })
const code = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.[0]?.extensions?.code ?? 'OK'
async function check(values: Entry[], as: Asker = 'REPORTER', extra: Record<string, string> = {}) {
  const answer = await ask(as, CHECK, { u: unit, m: month, values }, extra)
  if (answer.errors) throw new Error(JSON.stringify(answer.errors))
  return answer.data!.checkReturn as { errors: { metric: string; message: string }[]; warnings: { metric: string; message: string }[] }
}
const stored = async () => {
  const r = (await ask('REPORTER', `{ monthlyReturn(orgUnit: "${unit}", month: "${month}") { version values { metric { key } value lastMonth } } }`, {})).data!.monthlyReturn
  return r as { version: number; values: { metric: { key: string }; value: number | null; lastMonth: number | null }[] }
}

describe('checking a return before saving', () => {
  it('finds what the save refuses, value by value, in the same words, and writes nothing', async () => {
    const values = [
      { metric: 'fishing-ban.anglers-checked', value: 12.5 },
      { metric: 'food.incidents', notApplicable: true },
      { metric: 'no.such-metric', value: 1 },
      { metric: 'fishing-ban.persuaded-to-leave', value: 3 },
    ]
    const checked = await check(values)
    expect(checked.errors.map((e) => e.metric)).toEqual(['fishing-ban.anglers-checked', 'food.incidents', 'no.such-metric'])
    const saved = await ask('REPORTER', SAVE, { u: unit, m: month, v: 0, values })
    expect(code(saved)).toBe('BAD_INPUT')
    expect((saved.errors![0]!.extensions as { problems: unknown[] }).problems).toEqual(checked.errors)
    expect((await stored()).version).toBe(0)
  })

  it('checks the rules against the values stored: persuaded to leave cannot outnumber anglers checked', async () => {
    expect(code(await ask('REPORTER', SAVE, { u: unit, m: month, v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 10 }] }))).toBe('OK')
    expect((await check([{ metric: 'fishing-ban.persuaded-to-leave', value: 12 }])).errors).toEqual([
      { metric: 'fishing-ban.persuaded-to-leave', message: expect.stringContaining('劝离人次不能多于检查垂钓人员人次') },
    ])
    // Raising the checked count in the same check makes it fine.
    expect((await check([{ metric: 'fishing-ban.anglers-checked', value: 20 }, { metric: 'fishing-ban.persuaded-to-leave', value: 12 }])).errors).toEqual([])
    expect((await stored()).values.find((v) => v.metric.key === 'fishing-ban.anglers-checked')!.value).toBe(10)
  })

  it("questions a value far from the unit's usual months, and not a usual one", async () => {
    // The station's busiest count: far above any threshold of small numbers.
    const usual = (await stored()).values.filter((v) => v.metric.key !== 'fishing-ban.anglers-checked').sort((a, b) => (b.lastMonth ?? 0) - (a.lastMonth ?? 0))[0]!
    const key = usual.metric.key
    expect(usual.lastMonth).toBeGreaterThan(10)
    expect((await check([{ metric: key, value: usual.lastMonth }])).warnings.filter((w) => w.metric === key)).toEqual([])
    const far = await check([{ metric: key, value: usual.lastMonth! * 40 }])
    expect(far.errors).toEqual([])
    expect(far.warnings.filter((w) => w.metric === key)).toEqual([{ metric: key, message: expect.stringContaining('超过近12个月中位数') }])
    const english = await check([{ metric: key, value: usual.lastMonth! * 40 }], 'REPORTER', { 'accept-language': 'en' })
    expect(english.warnings.find((w) => w.metric === key)!.message).toContain('more than 3 times the median')
  })

  it('refuses a month not begun, before the supported range, locked, or a return waiting for approval, and a unit that files none, as a save would', async () => {
    expect(code(await ask('REPORTER', CHECK, { u: unit, m: '2031-01', values: [] }))).toBe('FUTURE_PERIOD')
    for (const month of ['1999-12', '0000-05']) {
      expect(code(await ask('REPORTER', CHECK, { u: unit, m: month, values: [] }))).toBe('BAD_PERIOD')
      expect(code(await ask('REPORTER', SAVE, { u: unit, m: month, v: 0, values: [{ metric: 'fishing-ban.anglers-checked', value: 1 }] }))).toBe('BAD_PERIOD')
    }
    expect(code(await ask('ADMIN', 'mutation { lockMonth(month: "2024-01") }', {}))).toBe('OK')
    expect(code(await ask('REPORTER', CHECK, { u: unit, m: '2024-01', values: [{ metric: 'fishing-ban.anglers-checked', value: 1 }] }))).toBe('PERIOD_LOCKED')
    expect(code(await ask('ADMIN', 'mutation { unlockMonth(month: "2024-01", reason: "test") }', {}))).toBe('OK')
    expect(code(await ask('ADMIN', CHECK, { u: 'wuchang', m: month, values: [] }))).toBe('BAD_INPUT')
  })

  it.each([
    ['ADMIN', 'OK'], ['REPORTER', 'OK'], ['OTHER_REPORTER', 'FORBIDDEN'], ['LEADER', 'FORBIDDEN'], ['COMMITTEE', 'FORBIDDEN'], ['NOBODY', 'UNAUTHENTICATED'],
  ] as const)('is for those who may write the return: %s gets %s', async (as, expected) => {
    expect(code(await ask(as, CHECK, { u: unit, m: month, values: [{ metric: 'fishing-ban.anglers-checked', value: 1 }] }))).toBe(expected)
  })
})
