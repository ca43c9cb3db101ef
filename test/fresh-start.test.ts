// `pnpm start` on a fresh clone: the database's folder (.data/) does not exist yet, and the
// server creates it, migrates, seeds and answers.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServerProcess } from '@msp/server/server-process'

describe('a first start', () => {
  it('creates the database folder it is pointed at, and serves', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'msp-fresh-')), 'not', 'yet')
    expect(existsSync(folder)).toBe(false)
    const server = await startServerProcess(`file:${join(folder, 'msp.db')}`, { MSP_WORKERS: '0' })
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ areas { key } }' }),
      })
      expect(((await response.json()) as { data: { areas: unknown[] } }).data.areas.length).toBeGreaterThan(0)
      expect(existsSync(join(folder, 'msp.db'))).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
