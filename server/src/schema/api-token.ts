// API tokens for scripts (issue 9): made by a user for themself or by an ADMIN for anyone,
// shown once, listed with when they were made and last used, revocable at once.
import { normalLogin } from '../auth/accounts.ts'
import { createApiToken, revokeApiToken } from '../auth/sessions.ts'
import { builder } from '../builder.ts'
import { userError } from '../errors.ts'
import { asUserError } from './user.ts'

builder.prismaObject('ApiToken', {
  description: 'A token for scripts: `Authorization: Bearer <token>`. Its secret is shown once, when made; only its SHA-256 is stored.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.string({ resolve: (token) => token.createdAt.toISOString() }),
    expiresAt: t.string({ nullable: true, resolve: (token) => token.expiresAt?.toISOString() ?? null }),
    lastUsedAt: t.string({ nullable: true, description: 'To the minute.', resolve: (token) => token.lastUsedAt?.toISOString() ?? null }),
    revokedAt: t.string({ nullable: true, resolve: (token) => token.revokedAt?.toISOString() ?? null }),
    user: t.relation('user'),
  }),
})

interface NewApiTokenShape {
  token: string
  id: number
}

const NewApiToken = builder.objectRef<NewApiTokenShape>('NewApiToken').implement({
  description: 'A token just made: `token` is its secret, shown this once.',
  fields: (t) => ({
    token: t.exposeString('token'),
    apiToken: t.prismaField({ type: 'ApiToken', resolve: (query, parent, _args, context) => context.db.apiToken.findUniqueOrThrow({ ...query, where: { id: parent.id } }) }),
  }),
})

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    description: "The signed-in user's tokens, newest first (an ADMIN's: everyone's), revoked ones included.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) =>
      context.db.apiToken.findMany({
        ...query,
        where: context.viewer!.role === 'ADMIN' ? {} : { userId: context.viewer!.userId },
        orderBy: { id: 'desc' },
      }),
  }),
)

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: NewApiToken,
    description: 'A new token for yourself, or (ADMIN) for the account `login`; expiring after 1 to 3650 days, or never.',
    authScopes: { signedIn: true },
    args: { name: t.arg.string({ required: true }), expiresInDays: t.arg.int({ required: false }), login: t.arg.string({ required: false }) },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer!
      let userId = viewer.userId
      if (args.login && normalLogin(args.login) !== viewer.login) {
        if (viewer.role !== 'ADMIN') throw userError('FORBIDDEN', 'only an ADMIN makes tokens for another account')
        const user = await context.db.user.findUnique({ where: { login: normalLogin(args.login) } })
        if (!user) throw userError('NOT_FOUND', `no account '${normalLogin(args.login).slice(0, 40)}'`)
        userId = user.id
      }
      const { secret, apiToken } = await createApiToken(context.db, { userId, name: args.name, expiresInDays: args.expiresInDays, by: viewer.login }).catch(asUserError)
      return { token: secret, id: apiToken.id }
    },
  }),
)

builder.mutationField('revokeApiToken', (t) =>
  t.prismaField({
    type: 'ApiToken',
    description: 'Revokes a token at once: its next request is refused. Your own, or (ADMIN) anyone\'s.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = Number(args.id)
      const token = Number.isInteger(id) ? await context.db.apiToken.findUnique({ where: { id } }) : null
      // Another's token reads as missing: whether it exists is not told.
      if (!token || (token.userId !== context.viewer!.userId && context.viewer!.role !== 'ADMIN')) throw userError('NOT_FOUND', `no API token ${String(args.id).slice(0, 20)} of yours`)
      await revokeApiToken(context.db, id).catch(asUserError)
      return context.db.apiToken.findUniqueOrThrow({ ...query, where: { id } })
    },
  }),
)
