// Status colours: one meaning per colour across every screen, and printable without colour
// (each status also has a word). The statuses themselves, of rows, areas and scorecards, and
// whether a change is better or worse, come from the API: no rule of them lives here.
import type { EnumOf } from './graphql.ts'

export type Status = EnumOf<'Status'>

export interface StatusStyle {
  /**
   * Ant Design Tag colour: a hex, so the tag draws its text in it on a tint of it (lightness
   * 95%), at 4.5:1 or more (WCAG AA). The preset 'success', 'processing' and 'error' tags read
   * at 2.2 to 3.0:1.
   */
  tag: string
  /** Hex for charts, print and the text of changes: 4.5:1 or more on white, except NO_DATA's grey (charts only). */
  hex: string
  /** Sort order: the most urgent first. */
  order: number
}

export const statusStyles: Record<Status, StatusStyle> = {
  BEHIND: { tag: '#a8071a', hex: '#cf1322', order: 0 },
  ON_TRACK: { tag: '#0958d9', hex: '#0958d9', order: 1 },
  MET: { tag: '#237804', hex: '#237804', order: 2 },
  NO_TARGET: { tag: '#595959', hex: '#595959', order: 3 },
  NO_DATA: { tag: '#595959', hex: '#bfbfbf', order: 4 },
}

export type Trend = EnumOf<'Trend'>

/** The colour of a change by whether it is for the better (the API's trend): green, red, grey. */
export const trendColors: Record<Trend, string> = { BETTER: '#237804', WORSE: '#cf1322', SAME: '#595959' }

export function byUrgency(a: Status, b: Status): number {
  return statusStyles[a].order - statusStyles[b].order
}
