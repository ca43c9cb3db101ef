// One account of each role on a test database, each with a token: the headers to ask as them.
import type { Db } from '@msp/db'
import { createUser } from '@msp/server/auth/accounts'
import { createApiToken } from '@msp/server/auth/sessions'

export type Asker = 'ADMIN' | 'LEADER' | 'COMMITTEE' | 'REPORTER' | 'OTHER_REPORTER' | 'NOBODY'

/** REPORTER enters for 南湖 (station-nanhu); OTHER_REPORTER for 紫阳 (station-ziyang). */
export async function roleHeaders(db: Db): Promise<Record<Asker, Record<string, string>>> {
  const accounts = [
    { key: 'ADMIN', login: 'r.admin', role: 'ADMIN' },
    { key: 'LEADER', login: 'r.leader', role: 'LEADER' },
    { key: 'COMMITTEE', login: 'r.member', role: 'COMMITTEE' },
    { key: 'REPORTER', login: 'r.nanhu', role: 'REPORTER', orgUnit: 'station-nanhu' },
    { key: 'OTHER_REPORTER', login: 'r.ziyang', role: 'REPORTER', orgUnit: 'station-ziyang' },
  ] as const
  const headers = { NOBODY: {} } as Record<Asker, Record<string, string>>
  for (const { key, ...account } of accounts) {
    const user = await createUser(db, { ...account, name: account.login, password: 'correct horse battery' }, 'test')
    headers[key] = { authorization: `Bearer ${(await createApiToken(db, { userId: user.id, name: 'test', by: 'test' })).secret}` }
  }
  return headers
}
