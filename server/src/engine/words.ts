// Words read back from the database, where each vocabulary is a string column: narrowed once,
// where rows come out of Prisma, to the SDK's type for them. A word outside the vocabulary was
// written by something other than this platform: it is refused, not passed on as if it were one.
import { isOneOf } from '@msp/plugin-sdk'

/** `value` as one of `words`; throws, naming the column, when it is not. */
export function wordOf<const T extends string>(words: readonly T[], value: string, column: string): T {
  if (!isOneOf(words, value)) throw new Error(`${column} '${value.slice(0, 40)}' is not one of ${words.join(', ')}`)
  return value
}
