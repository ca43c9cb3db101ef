import { useMemo } from 'react'

/**
 * The queue is a list of returns: when empty, urql's cache cannot tell it holds them, so it is
 * named here and read again after any write to a return (a submission, an approval).
 */
export function useQueueContext() {
  return useMemo(() => ({ additionalTypenames: ['MonthlyReturn'] }), [])
}
