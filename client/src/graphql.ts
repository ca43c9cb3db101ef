import { initGraphQLTada } from 'gql.tada'
import type { introspection } from './graphql-env.d.ts'

/** Typed documents from the committed server/schema.graphql (`pnpm --filter @msp/client generate`). */
export const graphql = initGraphQLTada<{
  introspection: introspection
  scalars: { ID: string }
}>()

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada'
export { readFragment } from 'gql.tada'
