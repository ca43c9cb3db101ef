// The approval queue reads its returns together, in a few reads however many wait: each must
// still be the return its unit sent, with its own last months and warnings, as the return's
// own page shows it. On SQLite and PostgreSQL (vitest.config.ts).
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

const FIELDS = `orgUnit { key } month state version dueOn late
  values { metric { key name area { key } } value notApplicable note lastMonth sameMonthLastYear warnings }
  history { action metric { key area { key } } }`

async function ask(document: string, variables: Record<string, unknown> = {}) {
  const answer = await query(platform, document, variables, headers.ADMIN)
  if (answer.errors) throw new Error(JSON.stringify(answer.errors))
  return answer.data!
}
const read = async (unit: string, month: string) =>
  (await ask(`query($u: ID!, $m: String!) { monthlyReturn(orgUnit: $u, month: $m) { ${FIELDS} } }`, { u: unit, m: month })).monthlyReturn

/** Saves every value (last month's, scaled so units and months differ), notes where asked, and submits. */
async function send(unit: string, month: string, scale: number) {
  const draft = await read(unit, month)
  const values = draft.values.map((v: any) => ({ metric: v.metric.key, value: v.lastMonth === null ? 0 : v.metric.key.endsWith('rate') ? v.lastMonth : Math.round(v.lastMonth * scale) }))
  const saved = await query(platform, 'mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!) { saveReturn(orgUnit: $u, month: $m, version: $v, values: $values) { version values { metric { key } value warnings } } }',
    { u: unit, m: month, v: draft.version, values }, headers.ADMIN)
  if (saved.errors) throw new Error(JSON.stringify(saved.errors))
  const notes = saved.data!.saveReturn.values.filter((v: any) => v.warnings.length).map((v: any) => ({ metric: v.metric.key, value: v.value, note: '已核实' }))
  let version = saved.data!.saveReturn.version
  if (notes.length) {
    version = (await ask('mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!) { saveReturn(orgUnit: $u, month: $m, version: $v, values: $values) { version } }',
      { u: unit, m: month, v: version, values: notes })).saveReturn.version
  }
  await ask('mutation($u: ID!, $m: String!, $v: Int!) { submitReturn(orgUnit: $u, month: $m, version: $v) { state } }', { u: unit, m: month, v: version })
}

describe('the approval queue', () => {
  it('gives every waiting return as its own page does, the longest waiting first, with no values crossed between units or months', async () => {
    const sent = [['station-nanhu', '2024-05', 1], ['station-ziyang', '2024-05', 3], ['station-nanhu', '2024-06', 5], ['district-offices', '2024-05', 1]] as const
    for (const [unit, month, scale] of sent) await send(unit, month, scale)
    const queue = (await ask(`{ approvalQueue { ${FIELDS} } }`)).approvalQueue
    expect(queue.map((r: any) => `${r.orgUnit.key}/${r.month}`)).toEqual(sent.map(([unit, month]) => `${unit}/${month}`))
    for (const [unit, month] of sent) {
      const own = await read(unit, month)
      expect(queue.find((r: any) => r.orgUnit.key === unit && r.month === month)).toEqual(own)
    }
    // The batch read each unit's own months: nanhu's June return has its May as last month.
    const nanhuMay = queue[0].values.find((v: any) => v.metric.key === 'fishing-ban.anglers-checked')
    const nanhuJune = queue[2].values.find((v: any) => v.metric.key === 'fishing-ban.anglers-checked')
    expect(nanhuMay.value).not.toBeNull()
    expect(queue[1].values.length).toBe(queue[0].values.length)
    expect(queue[3].values.length).toBeLessThan(queue[0].values.length)
    expect(nanhuJune.value).toBe(Math.round(nanhuJune.lastMonth * 5))
  })

  it('is empty once they are approved', async () => {
    const queue = (await ask('{ approvalQueue { orgUnit { key } month version } }')).approvalQueue
    for (const r of queue) {
      await ask('mutation($u: ID!, $m: String!, $v: Int!) { approveReturn(orgUnit: $u, month: $m, version: $v) { state } }', { u: r.orgUnit.key, m: r.month, v: r.version })
    }
    expect((await ask('{ approvalQueue { month } }')).approvalQueue).toEqual([])
  })
})
