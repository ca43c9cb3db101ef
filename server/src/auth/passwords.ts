// A user changing their own password.
import type { Db } from '@msp/db'
import { AccountError } from './accounts.ts'
import { hashPassword, passwordMatches, secretHash, weakPassword } from './secrets.ts'
import type { Viewer } from './viewer.ts'

/** Checks the current password, sets the next, and ends the account's other sessions. */
export async function changePassword(db: Db, viewer: Viewer, current: string, next: string, keepSession: string | null): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId } })
  if (!(await passwordMatches(user.passwordHash, current))) throw new AccountError('LOGIN_FAILED', 'the current password is wrong')
  const weak = weakPassword(next, user.login)
  if (weak) throw new AccountError('WEAK_PASSWORD', weak)
  const passwordHash = await hashPassword(next)
  await db.$transaction([
    db.session.deleteMany({ where: { userId: user.id, ...(keepSession ? { secretHash: { not: secretHash(keepSession) } } : {}) } }),
    db.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } }),
  ])
}
