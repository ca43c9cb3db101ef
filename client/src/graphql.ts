import { initGraphQLTada } from 'gql.tada'
import type { introspection } from './graphql-env.d.ts'

/** Typed documents from the committed server/schema.graphql (`pnpm --filter @msp/client generate`). */
export const graphql = initGraphQLTada<{
  introspection: introspection
  // A Date is a day as YYYY-MM-DD: the server parses it, the client passes it through.
  scalars: { ID: string; Date: string }
}>()

/**
 * The words of one of the schema's enums (Status, Source, MetricKind…), from the schema itself:
 * the client keeps no copy of a vocabulary, and a record keyed by one stops compiling when a
 * word is added to the schema.
 */
export type EnumOf<Name extends string> = ReturnType<typeof graphql.scalar<Name>>

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada'
export { readFragment } from 'gql.tada'
