import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import PrismaPlugin from '@pothos/plugin-prisma'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import type PrismaTypes from '@msp/db/pothos-types'
import { getDatamodel } from '@msp/db/pothos-types'
import { authScopes, refusal, type AuthScopes } from './auth/scopes.ts'
import type { Context } from './context.ts'

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes
  Context: Context
  AuthScopes: AuthScopes
  DefaultFieldNullability: false
  // A calendar day, YYYY-MM-DD: schema/date.ts.
  Scalars: { Date: { Input: string; Output: string } }
}>({
  // Scope auth first, so no other plugin's wrapper runs before a field is authorized.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, PrismaPlugin],
  scopeAuth: {
    authScopes,
    unauthorizedError: (_parent, context, info) => refusal(context, `${info.parentType.name}.${info.fieldName}`),
  },
  defaultFieldNullability: false,
  // Field costs only: the limits are checked before execution, introspection included
  // (execution/query-cost.ts).
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
  },
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
  },
})

// Every query and mutation needs someone signed in, unless it says otherwise (viewer, login,
// logout); fields that take an org unit say which units a viewer may ask for (readsUnit).
builder.queryType({ authScopes: { signedIn: true } })
builder.mutationType({ authScopes: { signedIn: true } })
