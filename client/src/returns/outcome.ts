// What a write to a return came to, as the screen tells it: the server's words in the
// request's language, its code, and for BAD_INPUT each metric's problem.
import type { CombinedError } from 'urql'

export interface Outcome {
  /** OK for a write that went through; otherwise the server's code (CONFLICT, BAD_INPUT…). */
  code: string
  message: string
  /** Metric key → why it was refused. */
  problems: Record<string, string>
}

export function outcomeOf(error: CombinedError): Outcome {
  const first = error.graphQLErrors[0]
  const problems: Record<string, string> = {}
  const listed = first?.extensions?.problems
  if (Array.isArray(listed)) {
    for (const p of listed as { metric?: string; message?: string }[]) {
      if (p.metric && p.message) problems[p.metric] = problems[p.metric] ? `${problems[p.metric]}；${p.message}` : p.message
    }
  }
  return {
    code: typeof first?.extensions?.code === 'string' ? first.extensions.code : first ? 'ERROR' : 'NETWORK',
    message: first?.message ?? error.message,
    problems,
  }
}
