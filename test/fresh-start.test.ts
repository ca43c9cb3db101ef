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
    const server = await startServerProcess(`file:${join(folder, 'msp.db')}`, { MSP_WORKERS: '0', MSP_ADMIN_PASSWORD: 'first start admin password' })
    try {
      const post = (query: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })
      // Nothing without signing in; the administrator the first start made signs in.
      expect(((await (await post('{ areas { key } }')).json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED')
      const login = await post('mutation { login(login: "admin", password: "first start admin password") { role } }')
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      const response = await post('{ areas { key } }', { cookie })
      expect(((await response.json()) as { data: { areas: unknown[] } }).data.areas.length).toBeGreaterThan(0)
      expect(existsSync(join(folder, 'msp.db'))).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
