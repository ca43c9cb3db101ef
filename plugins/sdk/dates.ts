// Days as the platform keeps them: ISO dates, 'YYYY-MM-DD', in no time zone. One parser for
// the SDK, the API's Date scalar and import.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a value is a real calendar day written YYYY-MM-DD (2023-02-29 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = isoDate.exec(value)
  if (!match) return false
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return date.toISOString().slice(0, 10) === value
}

/** The value as an ISO date, or a message saying what to write instead. */
export function parseIsoDate(value: unknown): { date: string } | { problem: string } {
  if (isIsoDate(value)) return { date: value }
  const shown = typeof value === 'string' ? `'${value.slice(0, 40)}'` : typeof value
  return { problem: `${shown} is not a date; write a day that exists as YYYY-MM-DD, such as 2023-09-26` }
}
