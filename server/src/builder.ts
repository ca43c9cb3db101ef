import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import PrismaPlugin from '@pothos/plugin-prisma'
import type PrismaTypes from '@msp/db/pothos-types'
import { getDatamodel } from '@msp/db/pothos-types'
import type { Context } from './context.ts'

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes
  Context: Context
  DefaultFieldNullability: false
  // A calendar day, YYYY-MM-DD: schema/date.ts.
  Scalars: { Date: { Input: string; Output: string } }
}>({
  plugins: [ComplexityPlugin, PrismaPlugin],
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

builder.queryType({})
