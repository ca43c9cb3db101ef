// The Date scalar: a day as YYYY-MM-DD that exists, read by the SDK's one parser, refused with
// what to write however it arrives (a literal in the query or a variable).
import { getNamedType, graphql, isInputObjectType, isObjectType, type GraphQLType } from 'graphql'
import { describe, expect, it } from 'vitest'
import { parseDate } from './date.ts'
import { schema } from './index.ts'

const periodRange = { start: '2000-01-01', end: '2030-12-31' }
// Someone signed in: every query field needs one.
const viewer = { userId: 1, login: 'leader', name: '局长', role: 'LEADER', orgUnitKey: null, apiTokenId: null }
const hint = 'is not a date; write a day that exists as YYYY-MM-DD, such as 2023-09-26'

/** Reads `{ period }` for from..to through the schema, as a variable or written in the query. */
async function period(from: unknown, as: 'variable' | 'literal') {
  const source = as === 'variable'
    ? 'query ($from: Date!) { period(period: { from: $from, to: "2024-12-31" }) { from to } }'
    : `{ period(period: { from: ${JSON.stringify(from)}, to: "2024-12-31" }) { from to } }`
  return graphql({ schema, source, variableValues: { from }, contextValue: { periodRange, viewer, credentials: { viewer, sessionSecret: null, problem: null } } })
}

describe('Date', () => {
  it('accepts a day that exists, 29 February of a leap year among them, and gives it back as written', async () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    for (const as of ['variable', 'literal'] as const) {
      expect(await period('2024-02-29', as)).toEqual({ data: { period: { from: '2024-02-29', to: '2024-12-31' } } })
    }
  })

  it.each([
    ['2023-02-30', `'2023-02-30' ${hint}`],
    ['2023-9-1', `'2023-9-1' ${hint}`],
    [20230901, `number ${hint}`],
    ['', `'' ${hint}`],
  ])('refuses %j with BAD_PERIOD and what to write', async (value, message) => {
    expect(() => parseDate(value)).toThrow(message)
    const literal = await period(value, 'literal')
    expect(literal.data).toBeUndefined()
    expect(literal.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_PERIOD' } })
    const variable = await period(value, 'variable')
    expect(variable.errors?.[0]?.message).toBe(`Variable "$from" got invalid value ${JSON.stringify(value)}; ${message}`)
    expect(variable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_PERIOD' })
  })

  it('is the type of every day the API takes or gives: fields and arguments named for a day', () => {
    const dayNames = new Set(['from', 'to', 'periodStart', 'periodEnd'])
    const days: string[] = []
    const named = (type: GraphQLType) => getNamedType(type).name
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue
      for (const field of Object.values(type.getFields())) {
        if (dayNames.has(field.name)) days.push(`${type.name}.${field.name}: ${named(field.type)}`)
        for (const arg of 'args' in field ? field.args : []) {
          if (dayNames.has(arg.name)) days.push(`${type.name}.${field.name}(${arg.name}): ${named(arg.type)}`)
        }
      }
    }
    expect(days.length).toBeGreaterThanOrEqual(16)
    expect(days.filter((d) => !d.endsWith(': Date'))).toEqual([])
  })
})
