// The scopes every rule of the schema is written in (@pothos/plugin-scope-auth): a field says
// which scopes it needs, never checks a role itself.
import { userError } from '../errors.ts'
import type { Context } from '../context.ts'

export interface AuthScopes {
  /** Anyone signed in, by session or token. */
  signedIn: boolean
  /** ADMIN: accounts and tokens of others. */
  admin: boolean
  /** ADMIN or LEADER: targets and approvals. */
  leader: boolean
  /** Every org unit may be read: every role but REPORTER. */
  readsEveryUnit: boolean
  /** This org unit may be read: a REPORTER's own and those below it; any, for the other roles. */
  readsUnit: string
  /** This org unit's return may be written: a REPORTER's own unit only; any, for an ADMIN. */
  writesUnit: string
}

export function authScopes(context: Context) {
  const viewer = context.viewer
  return {
    signedIn: viewer !== null,
    admin: viewer?.role === 'ADMIN',
    leader: viewer?.role === 'ADMIN' || viewer?.role === 'LEADER',
    readsEveryUnit: viewer !== null && viewer.role !== 'REPORTER',
    readsUnit: async (key: string) => {
      if (!viewer) return false
      // '' is the default unit: the district, or a REPORTER's own (context.ts, orgUnitArg).
      if (viewer.role !== 'REPORTER' || key === '') return true
      if (!viewer.orgUnitKey) return false
      const { tree } = await context.orgUnits()
      return tree.subtree(viewer.orgUnitKey).includes(key)
    },
    writesUnit: (key: string) => viewer?.role === 'ADMIN' || (viewer?.role === 'REPORTER' && viewer.orgUnitKey === key),
  }
}

/**
 * The error of a refused field: UNAUTHENTICATED without credentials (saying why, when some came
 * and were refused), FORBIDDEN with them. Neither says whether the thing asked for exists.
 */
export function refusal(context: Context, field: string) {
  if (!context.viewer) {
    return userError('UNAUTHENTICATED', context.credentials.problem ?? 'sign in first (the login mutation), or send an API token: Authorization: Bearer <token>')
  }
  return userError('FORBIDDEN', `a ${context.viewer.role} may not ask for ${field}`)
}

/**
 * The rule of a field with an optional `orgUnit` argument: the viewer may read that unit (the
 * default, when it is omitted, is one they may read).
 */
export function unitArgScope(_parent: unknown, args: { orgUnit?: string | number | null }) {
  return { readsUnit: args.orgUnit === null || args.orgUnit === undefined ? '' : String(args.orgUnit) }
}
