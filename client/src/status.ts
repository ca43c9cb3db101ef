// Status colours: one meaning per colour across every screen, and printable without colour
// (each status also has a word). The statuses themselves, of rows, areas and scorecards, and
// whether a change is better or worse, come from the API: no rule of them lives here.
import type { EnumOf } from './graphql.ts'

export type Status = EnumOf<'Status'>

export interface StatusStyle {
  /** Ant Design Tag colour. */
  tag: 'success' | 'processing' | 'error' | 'default'
  /** Hex for charts and print. */
  hex: string
  /** Sort order: the most urgent first. */
  order: number
}

export const statusStyles: Record<Status, StatusStyle> = {
  BEHIND: { tag: 'error', hex: '#cf1322', order: 0 },
  ON_TRACK: { tag: 'processing', hex: '#1677ff', order: 1 },
  MET: { tag: 'success', hex: '#389e0d', order: 2 },
  NO_TARGET: { tag: 'default', hex: '#8c8c8c', order: 3 },
  NO_DATA: { tag: 'default', hex: '#bfbfbf', order: 4 },
}

export type Trend = EnumOf<'Trend'>

/** The colour of a change by whether it is for the better (the API's trend): green, red, grey. */
export const trendColors: Record<Trend, string> = { BETTER: '#389e0d', WORSE: '#cf1322', SAME: '#8c8c8c' }

export function byUrgency(a: Status, b: Status): number {
  return statusStyles[a].order - statusStyles[b].order
}
