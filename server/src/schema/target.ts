import { builder } from '../builder.ts'
import type { ResolvedTarget } from '../engine/index.ts'
import { Source, type SourceValue } from './enums.ts'

/** The least certain source among several: one SAMPLE part makes the whole a sample. */
export function weakestSource(sources: readonly SourceValue[]): SourceValue {
  for (const s of ['SAMPLE', 'IMPORTED', 'ENTERED', 'REPORT'] as const) if (sources.includes(s)) return s
  return 'SAMPLE'
}

export const Target = builder.objectRef<ResolvedTarget>('Target').implement({
  description: 'The target for a span: annual targets added or shared out as the span requires.',
  fields: (t) => ({
    value: t.exposeFloat('value'),
    source: t.field({ type: Source, resolve: (target) => weakestSource(target.sources) }),
    reason: t.exposeString('reason', { nullable: true }),
    expected: t.exposeFloat('expected', { description: 'What time-progress (序时进度) expects by the end of the span or today.' }),
    progress: t.exposeFloat('progress', { description: 'Share of the target period elapsed, 0 to 1.' }),
  }),
})
