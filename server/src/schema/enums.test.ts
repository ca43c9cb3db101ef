// Each GraphQL enum holds exactly the words of the SDK array (or, for Role and ReturnState, the server's) it is built from, so the API, the
// engine and the validator cannot drift apart; the meanings the SDK gives describe the values.
import { directions, metricKindMeaning, metricKinds, qualifiers, scoringRules, sources, statuses, statusMeaning, targetRules, trendMeaning, trends } from '@msp/plugin-sdk'
import { isEnumType } from 'graphql'
import { describe, expect, it } from 'vitest'
import { roles } from '../auth/roles.ts'
import { returnStates, seriesGranularities } from '../engine/index.ts'
import { schema } from './index.ts'

const enums: [string, readonly string[]][] = [
  ['MetricKind', metricKinds],
  ['Direction', directions],
  ['TargetRule', targetRules],
  ['ScoringRule', scoringRules],
  ['Source', sources],
  ['Status', statuses],
  ['Qualifier', qualifiers],
  ['Trend', trends],
  ['SeriesGranularity', seriesGranularities],
  ['Role', roles],
  ['ReturnState', returnStates],
]

function valuesOf(name: string) {
  const type = schema.getType(name)
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`)
  return type.getValues()
}

describe('GraphQL enums', () => {
  it.each(enums)('%s has the values of the SDK array', (name, words) => {
    expect(valuesOf(name).map((v) => v.name).sort()).toEqual([...words].sort())
  })

  it('are all built from an SDK array: no enum of the schema is left out of this test', () => {
    const all = Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__')).map((t) => t.name)
    expect(all.sort()).toEqual(enums.map(([name]) => name).sort())
  })

  it('describes each status, trend and metric kind by what the SDK says it means', () => {
    const described = (name: string) => Object.fromEntries(valuesOf(name).map((v) => [v.name, v.description]))
    expect(described('Status')).toEqual(statusMeaning)
    expect(described('Trend')).toEqual(trendMeaning)
    expect(described('MetricKind')).toEqual(metricKindMeaning)
  })
})
