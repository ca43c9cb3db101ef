// Closing a month (ADMIN): once locked, no return of it changes, for any unit, until it is
// unlocked with a reason. Every lock and unlock is kept with who, when and why.
import { writeTransaction, type Database } from '@msp/db'
import { checkMonth, checkReason } from './write-return.ts'

/** Locks a month; false when it was locked already. */
export async function lockMonth(database: Database, month: string, by: string, today: string, earliest?: string): Promise<boolean> {
  checkMonth(month, today, earliest)
  return writeTransaction(database, async (tx) => {
    if (await tx.monthLock.findUnique({ where: { month } })) return false
    await tx.monthLock.create({ data: { month, lockedBy: by } })
    await tx.monthLockRevision.create({ data: { month, action: 'LOCK', changedBy: by } })
    return true
  })
}

/** Unlocks a month, saying why; false when it was not locked. Any month: one locked before the range was set can be freed. */
export async function unlockMonth(database: Database, month: string, reason: string, by: string, today: string): Promise<boolean> {
  checkMonth(month, today)
  const why = checkReason(reason, { zh: '解锁', en: 'unlocking a month' })
  return writeTransaction(database, async (tx) => {
    const { count } = await tx.monthLock.deleteMany({ where: { month } })
    if (count === 0) return false
    await tx.monthLockRevision.create({ data: { month, action: 'UNLOCK', reason: why, changedBy: by } })
    return true
  })
}
