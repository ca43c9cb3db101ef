// One change in a trail: of a return (a value saved, a submission, an approval, a rejection, a
// correction), of a figure or of a target. Who, when, what it was and became, and why.
import { builder } from '../builder.ts'
import type { Context } from '../context.ts'

export interface RevisionShape {
  at: Date
  by: string
  action: string
  metricKey: string | null
  old: number | null
  new: number | null
  reason: string | null
}

export const Revision = builder.objectRef<RevisionShape>('Revision').implement({
  description: 'A change: who made it, when, what it was before and after, and why.',
  fields: (t) => ({
    at: t.string({ resolve: (r) => r.at.toISOString() }),
    by: t.string({ description: 'The login of who made it.', resolve: (r) => r.by }),
    action: t.string({ description: 'SAVE, CORRECT, SUBMIT, APPROVE or REJECT for a return; CREATE, UPDATE or DELETE for a figure or a target.', resolve: (r) => r.action }),
    metric: t.prismaField({
      type: 'Metric',
      nullable: true,
      description: 'The metric whose value changed, for a save or a correction.',
      // The rows read once a request; a relation asked of it is loaded by the Prisma plugin.
      resolve: async (_query, r, _args, context) => (r.metricKey === null ? null : (await context.metricRows()).get(r.metricKey) ?? null),
    }),
    old: t.float({ nullable: true, resolve: (r) => r.old }),
    new: t.float({ nullable: true, resolve: (r) => r.new }),
    reason: t.string({ nullable: true, description: "Why: a correction's or a rejection's reason, or a value's note.", resolve: (r) => r.reason }),
  }),
})

export async function returnHistory(context: Context, returnId: number): Promise<RevisionShape[]> {
  const rows = await context.db.returnRevision.findMany({ where: { returnId }, orderBy: { id: 'asc' } })
  return rows.map((r) => ({ at: r.changedAt, by: r.changedBy, action: r.action, metricKey: r.metricKey, old: r.previousValue, new: r.value, reason: r.reason }))
}
