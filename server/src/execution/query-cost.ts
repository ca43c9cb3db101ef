// What one query may ask, measured before it runs: depth, breadth and cost. Fields that read
// a period cost by the years they cover (server/src/schema/cost.ts), lists by their length,
// and introspection by what it returns, so no legal query can hold the server.
import { complexityFromQuery } from '@pothos/plugin-complexity'
import {
  BREAK, Kind, TypeInfo, getNamedType, getOperationAST, getVariableValues, isInterfaceType, isListType, isNonNullType, isObjectType, visit, visitWithTypeInfo,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql'
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

/** Each list in an introspection answer (types, fields, args…) counts thrice what it holds. */
const introspectionListMultiplier = 3

function isList(type: GraphQLOutputType): boolean {
  return isNonNullType(type) ? isList(type.ofType) : isListType(type)
}

/**
 * What introspection costs: Pothos does not walk into `__schema` and `__type`, so they are
 * walked here, every field 1 and every list three times its contents, fragments expanded; a
 * few aliases per level would otherwise multiply into megabytes.
 */
function introspection(schema: GraphQLSchema, selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, fragments: Map<string, FragmentDefinitionNode>, inside: boolean, memo = new Map<string, number>()): number {
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value
      if (!inside) {
        if (name === '__schema' || name === '__type') {
          cost += introspectionCost[name]! + introspection(schema, selection.selectionSet!, schema.getType(name === '__schema' ? '__Schema' : '__Type'), fragments, true, memo)
        }
        continue
      }
      const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined
      if (!field) continue
      const inner = selection.selectionSet ? introspection(schema, selection.selectionSet, getNamedType(field.type), fragments, true, memo) : 0
      cost += 1 + (isList(field.type) ? introspectionListMultiplier : 1) * inner
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value)
      if (!fragment) continue
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type
      // A named fragment costs the same wherever it is spread: walk it once.
      const key = selection.kind === Kind.FRAGMENT_SPREAD ? `${selection.name.value}:${inside}` : undefined
      let fragmentCost = key === undefined ? undefined : memo.get(key)
      if (fragmentCost === undefined) {
        fragmentCost = introspection(schema, fragment.selectionSet, condition ?? type, fragments, inside, memo)
        if (key !== undefined) memo.set(key, fragmentCost)
      }
      cost += fragmentCost
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
      cost: measured.complexity + introspection(schema, operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, fragments, false),
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
