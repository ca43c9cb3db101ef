// The query log in the API: who asked what, when, how long it took. ADMIN only.
import { builder } from '../builder.ts'
import { userError } from '../errors.ts'

builder.prismaObject('QueryLogEntry', {
  description: 'One operation: who asked (by login, and the token if by one), when, which document (its SHA-256, never its variables), how long, how it ended.',
  fields: (t) => ({
    at: t.string({ resolve: (e) => e.at.toISOString() }),
    login: t.exposeString('login', { nullable: true, description: 'Null when no one was signed in.' }),
    apiTokenId: t.exposeID('apiTokenId', { nullable: true }),
    operationName: t.exposeString('operationName', { nullable: true }),
    documentHash: t.exposeString('documentHash'),
    durationMs: t.exposeInt('durationMs'),
    outcome: t.exposeString('outcome', { description: "OK, or the first error's code (UNAUTHENTICATED, FORBIDDEN, TIMEOUT, …)." }),
  }),
})

builder.queryField('queryLog', (t) =>
  t.prismaField({
    type: ['QueryLogEntry'],
    description: 'The latest operations, newest first: `limit` of them, 1 to 1000 (default 100). ADMIN only.',
    authScopes: { admin: true },
    args: { limit: t.arg.int({ required: false }) },
    resolve: (query, _root, args, context) => {
      const limit = args.limit ?? 100
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw userError('BAD_INPUT', `limit must be 1 to 1000, not ${limit}`)
      return context.db.queryLogEntry.findMany({ ...query, orderBy: { id: 'desc' }, take: limit })
    },
  }),
)
