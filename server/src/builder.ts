import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import PrismaPlugin from '@pothos/plugin-prisma'
import type PrismaTypes from '@msp/db/pothos-types'
import { getDatamodel } from '@msp/db/pothos-types'
import type { Context } from './context.ts'
import { userError } from './errors.ts'

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes
  Context: Context
  DefaultFieldNullability: false
}>({
  plugins: [ComplexityPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  // The committee writes its own queries: bound what one query may ask, before it runs.
  // The dashboard's heaviest screen stays well inside these limits.
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 10_000, depth: 10, breadth: 400 },
    complexityError: (kind, result) => {
      const measure = {
        Depth: ['depth', result.depth, result.maxDepth],
        Breadth: ['breadth', result.breadth, result.maxBreadth],
        Complexity: ['complexity', result.complexity, result.maxComplexity],
      }[kind]
      return userError('QUERY_TOO_COMPLEX', `the query's ${measure[0]} is ${measure[1]}, above the limit of ${measure[2]}; split it into smaller queries`)
    },
  },
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
  },
})

builder.queryType({})
