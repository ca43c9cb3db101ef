// Accounts in the API (issue 9): who is signed in, signing in and out, and the administrator's
// accounts. Every field says who may use it (auth/scopes.ts).
import { roleMeanings, roles } from '../auth/roles.ts'
import { AccountError, createUser, disableUser, enableUser, normalLogin, resetPassword } from '../auth/accounts.ts'
import { changePassword } from '../auth/passwords.ts'
import { sessionCookie } from '../auth/viewer.ts'
import { endSession, signIn, startSession } from '../auth/sessions.ts'
import { builder } from '../builder.ts'
import type { Context } from '../context.ts'
import { userError } from '../errors.ts'

export const Role = builder.enumType('Role', {
  description: 'What a user may do.',
  values: Object.fromEntries(roles.map((role) => [role, { description: roleMeanings[role] }])) as Record<(typeof roles)[number], { description: string }>,
})

export const UserRef = builder.prismaObject('User', {
  description: 'A person who signs in. Never their password: it is stored as an argon2id hash only.',
  fields: (t) => ({
    login: t.exposeString('login'),
    name: t.exposeString('name'),
    role: t.field({ type: Role, resolve: (user) => user.role as (typeof roles)[number] }),
    orgUnit: t.relation('orgUnit', { nullable: true, description: "A REPORTER's org unit: they read it and the units below it, and write only there." }),
    disabled: t.exposeBoolean('disabled'),
    createdAt: t.string({ resolve: (user) => user.createdAt.toISOString() }),
    createdBy: t.exposeString('createdBy', { nullable: true, description: "Who made the account: a login, or 'first start'." }),
  }),
})

/** An account error as the caller sees it: its code and what to fix. */
export function asUserError(error: unknown): never {
  if (error instanceof AccountError) throw userError(error.code, error.message)
  throw error
}

async function setSessionCookie(context: Context, secret: string, expires: Date) {
  const secure = context.auth.secureCookies || new URL(context.request?.url ?? 'http://localhost').protocol === 'https:'
  await context.request?.cookieStore?.set({ name: sessionCookie, value: secret, path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expires.getTime(), domain: null })
}

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'Who is signed in (by session or token); null for no one. Needs no credentials.',
    skipTypeScopes: true,
    resolve: (query, _root, _args, context) => (context.viewer ? context.db.user.findUnique({ ...query, where: { id: context.viewer.userId } }) : null),
  }),
)

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    description: 'Every account, by login. ADMIN only.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, context) => context.db.user.findMany({ ...query, orderBy: { login: 'asc' } }),
  }),
)

builder.mutationField('login', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Signs in: sets an HttpOnly session cookie (SameSite=Lax). LOGIN_FAILED in the same words for an unknown login, a wrong ' +
      'password or a disabled account; LOGIN_THROTTLED for 15 minutes after 5 failures within 15 minutes.',
    skipTypeScopes: true,
    args: { login: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const user = await signIn(context.db, args.login, args.password).catch(asUserError)
      const { secret, expiresAt } = await startSession(context.db, user.id, context.auth.limits)
      await setSessionCookie(context, secret, expiresAt)
      return context.db.user.findUniqueOrThrow({ ...query, where: { id: user.id } })
    },
  }),
)

builder.mutationField('logout', (t) =>
  t.boolean({
    description: "Ends this browser's session and clears its cookie. True when a session ended.",
    skipTypeScopes: true,
    resolve: async (_root, _args, context) => {
      const secret = context.credentials.sessionSecret
      await context.request?.cookieStore?.delete(sessionCookie)
      if (!secret) return false
      await endSession(context.db, secret)
      return true
    },
  }),
)

builder.mutationField('changePassword', (t) =>
  t.boolean({
    description: 'Sets a new password (at least 10 characters, not the login: else WEAK_PASSWORD). Ends every other session of the account.',
    authScopes: { signedIn: true },
    args: { current: t.arg.string({ required: true }), next: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      await changePassword(context.db, context.viewer!, args.current, args.next, context.credentials.sessionSecret).catch(asUserError)
      return true
    },
  }),
)

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    login: t.string({ required: true, description: '2 to 40 of a-z, 0-9, ".", "_" and "-"; stored in lower case.' }),
    name: t.string({ required: true }),
    password: t.string({ required: true, description: 'At least 10 characters, not the login.' }),
    role: t.field({ type: Role, required: true }),
    orgUnit: t.id({ required: false, description: "A REPORTER's org unit key; none for the other roles." }),
  }),
})

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    description: 'A new account. ADMIN only.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const user = await createUser(context.db, { ...input, orgUnit: input.orgUnit === null || input.orgUnit === undefined ? null : String(input.orgUnit) }, context.viewer!.login).catch(asUserError)
      return context.db.user.findUniqueOrThrow({ ...query, where: { id: user.id } })
    },
  }),
)

builder.mutationField('disableUser', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Disables an account: its sessions end and its tokens are revoked at once. ADMIN only.',
    authScopes: { admin: true },
    args: { login: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      if (args.login.trim().toLowerCase() === context.viewer!.login) throw userError('BAD_INPUT', 'an administrator cannot disable their own account; ask another')
      const user = await disableUser(context.db, args.login).catch(asUserError)
      return context.db.user.findUniqueOrThrow({ ...query, where: { id: user.id } })
    },
  }),
)

builder.mutationField('enableUser', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Lets a disabled account sign in again. Its old sessions and tokens stay ended. ADMIN only.',
    authScopes: { admin: true },
    args: { login: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const user = await enableUser(context.db, args.login).catch(asUserError)
      return context.db.user.findUniqueOrThrow({ ...query, where: { id: user.id } })
    },
  }),
)

builder.mutationField('resetPassword', (t) =>
  t.string({
    description:
      "Gives an account a new generated password and ends its sessions; the password is returned this once, for the " +
      'administrator to hand over. The user should change it on signing in. ADMIN only.',
    authScopes: { admin: true },
    args: { login: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      if (normalLogin(args.login) === context.viewer!.login) throw userError('BAD_INPUT', 'change your own password with changePassword, which asks for the current one')
      const { password } = await resetPassword(context.db, args.login).catch(asUserError)
      return password
    },
  }),
)
