// What one query may ask, measured before it runs: depth, breadth and cost. Fields that read
// a period cost by the years they cover (server/src/schema/cost.ts), lists by their length,
// and introspection by what it returns, so no legal query can hold the server.
import { complexityFromQuery } from '@pothos/plugin-complexity'
import { BREAK, Kind, TypeInfo, getOperationAST, getVariableValues, visit, visitWithTypeInfo, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { userError } from '../errors.ts'

export interface QueryLimits {
  cost: number
  depth: number
  breadth: number
}

export const queryLimits: QueryLimits = { cost: 10_000, depth: 10, breadth: 400 }

/** The schema dump is ~36 KB of work a time; a type is a small part of it. */
const introspectionCost: Record<string, number> = { __schema: 1_000, __type: 50 }

export interface QueryMeasure {
  cost: number
  depth: number
  breadth: number
  /** Whether any field reads figures (declared with `extensions: { readsFigures: true }`). */
  readsFigures: boolean
}

function introspection(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Map<string, number>): number {
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += introspectionCost[selection.name.value] ?? 0
      if (selection.selectionSet) cost += introspection(selection.selectionSet, fragments, seen)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += introspection(selection.selectionSet, fragments, seen)
    } else {
      const name = selection.name.value
      if (!seen.has(name)) {
        seen.set(name, 0) // validation refuses cycles; this only guards the walk
        const fragment = fragments.get(name)
        seen.set(name, fragment ? introspection(fragment.selectionSet, fragments, seen) : 0)
      }
      cost += seen.get(name)!
    }
  }
  return cost
}

/** Whether the document selects a field that reads figures; visit() walks without recursion. */
function readsFigures(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema)
  let found = false
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      if (typeInfo.getFieldDef()?.extensions?.readsFigures) found = true
      return found ? BREAK : undefined
    },
  }))
  return found
}

/**
 * Measures the operation that will run. 'unmeasurable' when the walk itself fails (a chain of
 * fragments thousands deep): such a query is refused, never run unmeasured. Null when its
 * variables cannot be read, which execution refuses with its own message.
 */
export function measureQuery(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, context: object): QueryMeasure | 'unmeasurable' | null {
  const operation = getOperationAST(document, operationName)
  if (!operation) return null
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]))
  // complexityFromQuery reads the first operation of a document: hand it the one that runs.
  const single: DocumentNode = { ...document, definitions: [operation, ...fragments.values()] }
  try {
    const measured = complexityFromQuery(single, { schema, variables: variables ?? {}, ctx: context })
    return {
      cost: measured.complexity + introspection(operation.selectionSet, fragments, new Map()),
      depth: measured.depth,
      breadth: measured.breadth,
      readsFigures: readsFigures(schema, single),
    }
  } catch {
    return 'unmeasurable'
  }
}

export interface MeasuredContext {
  /** What the running operation was measured to ask, for deciding where it runs. */
  queryMeasure?: QueryMeasure
}

export function useQueryLimits(limits: QueryLimits = queryLimits): Plugin<MeasuredContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const measure = measureQuery(args.schema, args.document, args.operationName, args.variableValues, args.contextValue)
      if (!measure) return
      if (measure === 'unmeasurable') {
        setResultAndStopExecution({ errors: [userError('QUERY_TOO_COMPLEX', 'the query nests its fragments too deeply to be measured; write it with fewer levels')] })
        return
      }
      const over = (['depth', 'breadth', 'cost'] as const).find((k) => measure[k] > limits[k])
      if (over) {
        setResultAndStopExecution({
          errors: [userError('QUERY_TOO_COMPLEX', `the query's ${over} is ${measure[over]}, above the limit of ${limits[over]}; split it into smaller queries${over === 'cost' ? ' or ask for shorter periods' : ''}`)],
        })
        return
      }
      args.contextValue.queryMeasure = measure
    },
  }
}
