// The response cache (server/src/execution/response-cache.ts): a repeated read is answered from
// memory; after any acknowledged write (an import, a return approved, a target, a lock) the
// next read is computed afresh; one viewer's answer is never another scope's. On SQLite and
// PostgreSQL (vitest.config.ts).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { cachedRootFields, uncachedRootFields } from '@msp/server/execution/response-cache'
import { importFigures } from '@msp/server/import/import-figures'
import { schema } from '@msp/server/schema/index'
import { openTestPlatform } from './support/platform.ts'
import { roleHeaders, type Asker } from './support/roles.ts'

let platform: Platform
let headers: Record<Asker, Record<string, string>>
beforeAll(async () => {
  platform = await openTestPlatform()
  headers = await roleHeaders(platform.database.db)
})
afterAll(() => platform.close())

async function ask(as: Asker, document: string, variables: Record<string, unknown> = {}) {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers[as] },
    body: JSON.stringify({ query: document, variables }),
  })
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }
  return { ...body, cache: response.headers.get('x-response-cache') }
}

const JULY = '{ scorecard(period: { year: 2024, month: 7 }) { areas { rows { metric { key } actual } } } }'
const anglers = async (as: Asker = 'LEADER') => {
  const answer = await ask(as, JULY)
  if (answer.errors) throw new Error(JSON.stringify(answer.errors))
  const row = answer.data.scorecard.areas.flatMap((a: any) => a.rows).find((r: any) => r.metric.key === 'fishing-ban.anglers-checked')
  return { actual: row.actual as number | null, cache: answer.cache }
}

const dir = mkdtempSync(join(tmpdir(), 'msp-response-cache-'))
let files = 0
function importCsv(line: string, options: { delete?: boolean; reason?: string } = {}) {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, ['metric,org_unit,period_start,period_end,value,note', line].join('\n'))
  return importFigures(platform.database, platform.registry, path, { by: 'tester', ...options })
}

describe('the response cache', () => {
  it('answers a repeated read from memory, the same answer', async () => {
    const first = await ask('COMMITTEE', '{ scorecard(period: { year: 2023 }) { score areas { score } } }')
    const second = await ask('COMMITTEE', '{ scorecard(period: { year: 2023 }) { score areas { score } } }')
    expect(second.cache).toBe('HIT')
    expect(second.data).toEqual(first.data)
    // A leader asking the same is answered the same, from their own scope's entry.
    expect((await ask('LEADER', '{ scorecard(period: { year: 2023 }) { score areas { score } } }')).data).toEqual(first.data)
  })

  it('never serves an answer from before an acknowledged import, correction or deletion', async () => {
    expect((await anglers()).actual).toBeNull()
    expect((await anglers()).cache).toBe('HIT')
    expect(await importCsv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,120,')).toMatchObject({ ok: true, created: 1 })
    expect(await anglers()).toEqual({ actual: 120, cache: 'MISS' })
    expect(await importCsv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,121,recount')).toMatchObject({ ok: true, corrected: 1 })
    expect((await anglers()).actual).toBe(121)
    expect(await importCsv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,,', { delete: true, reason: 'entered twice' })).toMatchObject({ ok: true })
    expect((await anglers()).actual).toBeNull()
  })

  it('never serves an answer from before a return is saved, submitted or approved, or a month locked', async () => {
    const READ = 'query($u: ID!, $m: String!) { monthlyReturn(orgUnit: $u, month: $m) { state version values { metric { key kind } value } } }'
    const read = async () => (await ask('LEADER', READ, { u: 'station-ziyang', m: '2024-08' })).data.monthlyReturn
    const before = await read()
    expect(before.version).toBe(0)
    const value = before.values.find((v: any) => v.metric.kind === "FLOW")
    const saved = await ask('OTHER_REPORTER', `mutation($v: [ReturnValueInput!]!) { saveReturn(orgUnit: "station-ziyang", month: "2024-08", version: 0, values: $v) { version } }`, {
      v: [{ metric: value.metric.key, value: 3, note: '核对' }],
    })
    expect(saved.errors).toBeUndefined()
    const after = await read()
    expect(after.version).toBe(1)
    expect(after.values.find((v: any) => v.metric.key === value.metric.key).value).toBe(3)

    const locked = async () => (await ask('LEADER', '{ lockedMonths }')).data.lockedMonths as string[]
    expect(await locked()).not.toContain('2024-05')
    expect((await ask('ADMIN', 'mutation { lockMonth(month: "2024-05") }')).errors).toBeUndefined()
    expect(await locked()).toContain('2024-05')
  })

  it('never serves an answer from before a target is set', async () => {
    const TARGET = '{ metric(key: "prices.officers-deployed") { target(period: { year: 2023 }) { value } } }'
    const target = async () => (await ask('LEADER', TARGET)).data.metric.target?.value
    const before = await target()
    const set = await ask('LEADER', `mutation { setTargets(year: 2023, rows: [{ metric: "prices.officers-deployed", value: ${(before ?? 0) + 7}, reason: "raised by the director" }]) { value } }`)
    expect(set.errors).toBeUndefined()
    expect(await target()).toBe((before ?? 0) + 7)
  })

  it("keeps each scope's answers apart: a clerk's default unit is their own, and a refusal is never cached", async () => {
    const DEFAULT = '{ scorecard(period: { year: 2023 }) { orgUnit { key } } }'
    expect((await ask('LEADER', DEFAULT)).data.scorecard.orgUnit.key).toBe('wuchang')
    expect((await ask('REPORTER', DEFAULT)).data.scorecard.orgUnit.key).toBe('station-nanhu')
    expect((await ask('OTHER_REPORTER', DEFAULT)).data.scorecard.orgUnit.key).toBe('station-ziyang')
    // The district is the leader's to read, not a clerk's, however often the leader asked.
    const DISTRICT = '{ scorecard(period: { year: 2023 }, orgUnit: "wuchang") { score } }'
    expect((await ask('LEADER', DISTRICT)).errors).toBeUndefined()
    expect((await ask('REPORTER', DISTRICT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await ask('NOBODY', DISTRICT)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it("never keeps what is the viewer's own: who they are", async () => {
    expect((await ask('REPORTER', '{ viewer { login } }')).data.viewer.login).toBe('r.nanhu')
    const other = await ask('OTHER_REPORTER', '{ viewer { login } }')
    expect([other.data.viewer.login, other.cache]).toEqual(['r.ziyang', null])
  })

  it('never serves a stale answer to a read that starts after a write is acknowledged, with reads running throughout', async () => {
    // Readers keep asking while values are written one after another; each read that begins
    // after a write was acknowledged must see at least that write.
    let written = 130
    let stop = false
    const stale: string[] = []
    const reader = async () => {
      while (!stop) {
        const floor = written
        const { actual } = await anglers('COMMITTEE')
        if (actual === null || actual < floor) stale.push(`${actual} after ${floor} was acknowledged`)
        // In process, a kept answer comes back without touching the event loop's I/O: without a
        // pause the readers would starve the import's file read (over HTTP each read waits on a socket).
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    }
    await importCsv(`fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,${written},`)
    const readers = [reader(), reader(), reader()]
    try {
      for (let i = 0; i < 8; i++) {
        const next = written + 1
        expect(await importCsv(`fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,${next},recount ${i}`)).toMatchObject({ ok: true })
        written = next
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    } finally {
      stop = true
      await Promise.allSettled(readers)
    }
    expect(stale).toEqual([])
    expect((await anglers()).actual).toBe(written)
  })

  it('has decided, for every root query field, whether its answers are kept', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields())
    const undecided = fields.filter((f) => !cachedRootFields.has(f) && !uncachedRootFields.has(f))
    expect(undecided).toEqual([])
  })
})
