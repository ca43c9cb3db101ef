// The accounts every test database has (made once in global-setup.ts, in the template every
// test copies): a LEADER who reads everything, signed in by a token or a password; an ADMIN
// and a station's clerk (REPORTER) for the browser tests, signed in by password only.
import type { Db } from '@msp/db'
import { createUser } from '@msp/server/auth/accounts'
import { secretHash } from '@msp/server/auth/secrets'

export const testLogin = 'test.leader'
export const testPassword = 'test leader password'
/** An administrator, for the accounts page; the same password as the LEADER. */
export const testAdminLogin = 'test.admin'
/** A clerk bound to the 南湖 station: reads it (and below) only. */
export const testClerkLogin = 'test.clerk'
export const testClerkUnit = 'station-nanhu'
/** A fixed token secret: only its hash is in the template database, as for any token. */
export const testToken = `msp_t_${'tEsT'.repeat(10)}abc`
export const bearer = { authorization: `Bearer ${testToken}` } as const

export async function addTestAccounts(db: Db): Promise<void> {
  const user = await createUser(db, { login: testLogin, name: '测试局领导', password: testPassword, role: 'LEADER' }, 'tests')
  await db.apiToken.create({ data: { name: 'tests', secretHash: secretHash(testToken), userId: user.id, createdBy: 'tests' } })
  await createUser(db, { login: testAdminLogin, name: '测试管理员', password: testPassword, role: 'ADMIN' }, 'tests')
  await createUser(db, { login: testClerkLogin, name: '测试南湖所录入员', password: testPassword, role: 'REPORTER', orgUnit: testClerkUnit }, 'tests')
}
