// The benchmarks ask as a signed-in reader: a LEADER account made for them, with a token for
// requests and a password for a browser's session.
import type { Db } from '@msp/db'
import { createUser } from '../src/auth/accounts.ts'
import { createApiToken } from '../src/auth/sessions.ts'

export const benchLogin = 'bench.reader'
export const benchPassword = 'bench reader password'

/** Makes the account if it is missing, and a new token for this run: the Authorization header. */
export async function benchReader(db: Db): Promise<{ authorization: string }> {
  const user = (await db.user.findUnique({ where: { login: benchLogin } })) ?? (await createUser(db, { login: benchLogin, name: 'Benchmarks', password: benchPassword, role: 'LEADER' }, 'bench'))
  const { secret } = await createApiToken(db, { userId: user.id, name: `bench ${new Date().toISOString()}`, expiresInDays: 1, by: 'bench' })
  return { authorization: `Bearer ${secret}` }
}
