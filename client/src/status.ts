// Status colours: one meaning per colour across every screen, and printable without colour
// (each status also has a word).
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

/** An area's status from its score: all points earned is met, three quarters or more on track. */
export function areaStatus(score: number | null | undefined, maxScore: number | null | undefined): Status {
  if (score === null || score === undefined || !maxScore) return 'NO_DATA'
  const share = score / maxScore
  return share >= 0.999 ? 'MET' : share >= 0.75 ? 'ON_TRACK' : 'BEHIND'
}

export function byUrgency(a: Status, b: Status): number {
  return statusStyles[a].order - statusStyles[b].order
}
