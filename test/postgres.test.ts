// The same platform on PostgreSQL: migrations, seed, and the same answers as on SQLite.
// Starts a throwaway cluster from Debian's server binaries; CI installs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresBinariesAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '@msp/db'
import { addTestAccounts } from './support/accounts.ts'
import { openPlatform, type Platform } from '@msp/server/app'
import { data, openTestPlatform, testToday } from './support/platform.ts'

const available = postgresBinariesAvailable()
if (!available && process.env.CI) throw new Error('PostgreSQL server binaries are missing: .ci/run must install postgresql')

const scorecard = `query ($orgUnit: ID) {
  scorecard(period: { year: 2023, half: 1 }, orgUnit: $orgUnit) {
    score maxScore
    areas { area { key } score rows { metric { key } actual target expected previous yoyChange status points sources } }
  }
}`

describe.skipIf(!available)('PostgreSQL', () => {
  let cluster: ThrowawayPostgres
  let postgres: Platform
  let sqlite: Platform

  beforeAll(async () => {
    cluster = await startThrowawayPostgres()
    postgres = await openPlatform(cluster.url, { asOf: testToday })
    // The test reader, as in the SQLite template (support/accounts.ts).
    await addTestAccounts(postgres.database.db)
    sqlite = await openTestPlatform()
  })

  afterAll(async () => {
    await postgres?.close()
    await sqlite?.close()
    await cluster?.stop()
  })

  it('migrates and seeds an empty database', () => {
    expect(postgres.database.provider).toBe('postgresql')
    expect(postgres.seeded).toMatchObject({ seeded: true })
    expect(postgres.seeded.figures).toBeGreaterThan(20_000)
  })

  it('gives the same scorecard as SQLite, for the district and a station', async () => {
    for (const orgUnit of [null, 'station-nanhu']) {
      expect(await data(postgres, scorecard, { orgUnit })).toEqual(await data(sqlite, scorecard, { orgUnit }))
    }
  })

  it('quotes a report figure with its sentence', async () => {
    const answer = await data<{ metric: { figures: { value: number; provenance: { sentence: string } }[] } }>(postgres, `{
      metric(key: "fishing-ban.anglers-checked") { figures(orgUnit: "wuchang") { value provenance { sentence } } }
    }`)
    expect(answer.metric.figures).toEqual([{ value: 1812, provenance: { sentence: '检查垂钓人员1812人次、劝离1358人次,查获锚鱼行为1起,纠治违规垂钓者85人次,先行登记保存违规杆具28根、三本钩203枚,放生渔获37斤。' } }])
  })

  it('answers heavy queries on worker threads, each with its own connection, as on SQLite', async () => {
    const threaded = await openPlatform(cluster.url, { asOf: testToday, queryThreads: true, settings: { workers: 2 } })
    try {
      const answers = await Promise.all([null, 'station-nanhu', null].map((orgUnit) => data(threaded, scorecard, { orgUnit })))
      expect(answers[0]).toEqual(await data(sqlite, scorecard, { orgUnit: null }))
      expect(answers[1]).toEqual(await data(sqlite, scorecard, { orgUnit: 'station-nanhu' }))
      expect(answers[2]).toEqual(answers[0])
    } finally {
      await threaded.close()
    }
  })

  it('applies no migration twice', async () => {
    const { applyMigrations } = await import('@msp/db')
    expect(await applyMigrations(cluster.url)).toEqual([])
  })
})
