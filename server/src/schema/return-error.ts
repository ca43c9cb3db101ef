// How the returns' and targets' errors reach the caller: the code, what to fix in the request's
// language, and each value's problem in extensions.problems.
import type { Context } from '../context.ts'
import { userError } from '../errors.ts'
import { ReturnError } from '../returns/return-metrics.ts'

/** A return error as the caller sees it: its code, what to fix in their language, and each value's problem. */
export function asReturnError(context: Pick<Context, 'language'>) {
  return (error: unknown): never => {
    if (error instanceof ReturnError) {
      throw userError(error.code, error.text[context.language], { problems: error.problems.map((p) => ({ metric: p.metric, message: p.message[context.language] })) })
    }
    throw error
  }
}

