// One Date scalar for every day the API takes or gives: YYYY-MM-DD, read by the SDK's one
// parser, so a bad day is refused before any resolver runs, with what to write instead.
import { isIsoDate, parseIsoDate } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { userError } from '../errors.ts'

/** A day the caller sent, or BAD_PERIOD saying what to write. */
export function parseDate(value: unknown): string {
  const parsed = parseIsoDate(value)
  if ('problem' in parsed) throw userError('BAD_PERIOD', parsed.problem)
  return parsed.date
}

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar day as YYYY-MM-DD, in no time zone: 2023-09-26.',
  // A literal in a query reaches parseValue too (graphql-js's default parseLiteral).
  parseValue: parseDate,
  // A stored day that is not one is a fault of the data, not of the caller: masked.
  serialize: (value) => {
    if (!isIsoDate(value)) throw new Error(`a stored day is not YYYY-MM-DD: ${String(value).slice(0, 40)}`)
    return value
  },
})
