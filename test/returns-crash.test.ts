// A server killed with SIGKILL while the 13 stations' clerks send 1,000 saves at once (issue
// 10): every save it acknowledged is in the database afterwards, the SQLite file passes its
// integrity check, and the server starts again on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@msp/db'
import { addMonths } from '@msp/server/engine/index'
import { startServerProcess, type ServerProcess } from '@msp/server/server-process'
import { saveOver, stationClerks, type Clerk } from '../server/bench/clerks.ts'
import { freshTestDatabase } from './support/platform.ts'

const saves = 1000
let url: string
let clerks: Clerk[]
let server: ServerProcess | undefined

beforeAll(async () => {
  url = await freshTestDatabase()
  const setup = await openDatabase(url)
  clerks = await stationClerks(setup.db)
  await setup.close()
})
afterAll(() => server?.stop(), 120_000)

// Two server starts and 1,000 saves: minutes on a busy 2-core machine.
describe('a server killed mid-write', { timeout: 300_000 }, () => {
  it('loses no acknowledged save and leaves a sound database', async () => {
    server = await startServerProcess(url, { MSP_RATE_LIMIT_PER_MINUTE: '1000000' })
    const child = server.child
    // 1,000 returns, each saved once: clerk i, month j, one value that says which save it was.
    const work = Array.from({ length: saves }, (_, n) => ({ clerk: clerks[n % clerks.length]!, month: addMonths('2016-01', Math.floor(n / clerks.length)), value: n }))
    const acknowledged: typeof work = []
    let killedAt = -1
    await Promise.all(work.map(async (save) => {
      const answer = await saveOver(server!.url, save.clerk, save.month, 0, [{ metric: 'fishing-ban.anglers-checked', value: save.value }])
      if (answer.version === 1) acknowledged.push(save)
      // Killed once a good share has been acknowledged, with the rest in flight.
      if (acknowledged.length === 200 && killedAt < 0) {
        killedAt = acknowledged.length
        child.kill('SIGKILL')
      }
    }))
    expect(killedAt).toBe(200)
    expect(acknowledged.length).toBeLessThan(saves)

    const database = await openDatabase(url, { migrate: false })
    try {
      expect(await database.db.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
      const units = new Map((await database.db.orgUnit.findMany()).map((u) => [u.key, u.id]))
      const stored = await database.db.returnEntry.findMany({ where: { metricKey: 'fishing-ban.anglers-checked' }, include: { monthlyReturn: true } })
      const found = new Map(stored.map((e) => [`${e.monthlyReturn.orgUnitId}|${e.monthlyReturn.month}`, e.value]))
      const lost = acknowledged.filter((s) => found.get(`${units.get(s.clerk.unit)}|${s.month}`) !== s.value)
      expect(lost).toEqual([])
      // Nothing half-written: every return saved has its value and its revision.
      expect(await database.db.monthlyReturn.count()).toBe(stored.length)
      expect(await database.db.returnRevision.count()).toBe(stored.length)
      console.log(`killed after ${acknowledged.length} of ${saves} saves were acknowledged; ${stored.length} were in the database`)
    } finally {
      await database.close()
    }
    // It starts again on the same file and answers.
    server = await startServerProcess(url)
    const again = await saveOver(server.url, clerks[0]!, '2015-12', 0, [{ metric: 'fishing-ban.anglers-checked', value: 1 }])
    expect(again.version).toBe(1)
  })
})
