// The drawer's sums over stored figures, pure: which figures count for a period, and the
// figures below a unit counted by unit (so 156 months read as 13 lines).
import type { EnumOf } from '../graphql.ts'

type Source = EnumOf<'Source'>

interface Span {
  periodStart: string
  periodEnd: string
}

/** A figure counts for a period only when its whole span lies within it (the engine's rule). */
export function within(f: Span, from: string, to: string): boolean {
  return f.periodStart >= from && f.periodEnd <= to
}

export interface UnitFigures {
  key: string
  name: string
  count: number
  first: string
  last: string
  /** Its figures' sources, the report first, a sample last. */
  sources: Source[]
}

const sourceOrder: Source[] = ['REPORT', 'ENTERED', 'IMPORTED', 'SAMPLE']

/** The figures of every unit but `own`, a line a unit, by name. */
export function unitsBelow(figures: readonly (Span & { source: Source; orgUnit: { key: string; name: string } })[], own: string, locale: string): UnitFigures[] {
  const units = new Map<string, UnitFigures & { seen: Set<Source> }>()
  for (const f of figures) {
    if (f.orgUnit.key === own) continue
    const u = units.get(f.orgUnit.key)
    if (!u) {
      units.set(f.orgUnit.key, { key: f.orgUnit.key, name: f.orgUnit.name, count: 1, first: f.periodStart, last: f.periodEnd, sources: [], seen: new Set([f.source]) })
      continue
    }
    u.count++
    if (f.periodStart < u.first) u.first = f.periodStart
    if (f.periodEnd > u.last) u.last = f.periodEnd
    u.seen.add(f.source)
  }
  return [...units.values()]
    .map(({ seen, ...u }) => ({ ...u, sources: sourceOrder.filter((s) => seen.has(s)) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}
