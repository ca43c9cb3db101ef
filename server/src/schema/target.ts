import type { Source as SourceWord } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import type { ResolvedTarget } from '../engine/index.ts'
import { Source } from './enums.ts'

/** Sources from the least certain to the most: one SAMPLE part makes the whole a sample. */
const certainty: Record<SourceWord, number> = { SAMPLE: 0, IMPORTED: 1, ENTERED: 2, REPORT: 3 }

/** The least certain source among several; SAMPLE when there are none. */
export function weakestSource(sources: readonly SourceWord[]): SourceWord {
  return sources.reduce<SourceWord>((weakest, s) => (certainty[s] < certainty[weakest] ? s : weakest), sources[0] ?? 'SAMPLE')
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
