// The query log (issue 9): every operation that runs, with who asked (the user, and the token
// if by one), when, its name, a SHA-256 of its document, how long it took and how it ended.
// Never its variables: a password or a token passed as a variable stays out of it. Entries are
// written in batches, at most a second late: a write a query would make each read a write. A
// process killed loses at most that second. A read replica's server (MSP_READ_ONLY=1) writes
// no table: it prints each entry at once as a JSON line on standard output instead (`out`).
import { createHash } from 'node:crypto'
import { getOperationAST, print } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Db } from '@msp/db'
import type { Credentials } from '../auth/viewer.ts'

export interface QueryLogRecord {
  at: Date
  login: string | null
  apiTokenId: number | null
  operationName: string | null
  documentHash: string
  durationMs: number
  outcome: string
}

export class QueryLog {
  #pending: QueryLogRecord[] = []
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<void> = Promise.resolve()

  /** `out`: where a read-only server writes each entry, as one line of JSON, in place of the table. */
  constructor(private readonly db: Db, private readonly flushMs = 1_000, private readonly out?: (line: string) => void) {}

  add(record: QueryLogRecord): void {
    if (this.out) {
      this.out(`${JSON.stringify({ queryLog: record })}\n`)
      return
    }
    this.#pending.push(record)
    if (this.#pending.length >= 500) void this.flush()
    else this.#timer ??= setTimeout(() => void this.flush(), this.flushMs)
  }

  /** Writes what is pending; resolves when it is written (tests and shutdown wait on it). */
  flush(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const batch = this.#pending
    this.#pending = []
    this.#flushing = this.#flushing.then(async () => {
      if (batch.length === 0) return
      try {
        await this.db.queryLogEntry.createMany({ data: batch })
      } catch (error) {
        // The log must not stop the answers: say so on the console, once a batch.
        console.error(`query log: ${batch.length} entries not written (${(error as Error).message.split('\n')[0]})`)
      }
    })
    return this.#flushing
  }
}

/** Entries older than `days` days, removed at start. */
export async function pruneQueryLog(db: Db, days: number, now = new Date()): Promise<number> {
  const { count } = await db.queryLogEntry.deleteMany({ where: { at: { lt: new Date(now.getTime() - days * 86_400_000) } } })
  return count
}

/**
 * The SHA-256 of a document with its string literals emptied: the same query asked with other
 * values has the same hash, and a password or token written into the document cannot be
 * found again by hashing guesses (the hash is unsalted and quick, unlike argon2id).
 */
export function documentHash(text: string): string {
  const shape = text.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g, '""')
  return createHash('sha256').update(shape).digest('hex')
}

export function useQueryLog(log: QueryLog): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now()
      const at = new Date()
      const { credentials, params } = args.contextValue as { credentials?: Credentials; params?: { query?: string } }
      // The text as sent; printed from the parsed document only when there is none.
      const text = params?.query ?? print(args.document)
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined
          const code = errors?.[0]?.extensions?.code
          log.add({
            at,
            login: credentials?.viewer?.login ?? null,
            apiTokenId: credentials?.viewer?.apiTokenId ?? null,
            // The operation's own name, whether or not the request named it.
            operationName: getOperationAST(args.document, args.operationName)?.name?.value ?? null,
            documentHash: documentHash(text),
            durationMs: Math.round(performance.now() - started),
            outcome: errors?.length ? String(code ?? 'ERROR').slice(0, 40) : 'OK',
          })
        },
      }
    },
  }
}
