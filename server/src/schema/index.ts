// The GraphQL schema: one file per type, each with the queries that return it.
import { lexicographicSortSchema } from 'graphql'
import { builder } from '../builder.ts'
import './date.ts'
import './enums.ts'
import './period-input.ts'
import './org-unit.ts'
import './area.ts'
import './metric.ts'
import './figure.ts'
import './target.ts'
import './metric-row.ts'
import './scorecard.ts'
import './unit-score.ts'
import './gap.ts'
import './score-point.ts'
import './breakdown.ts'
import './series.ts'
import './user.ts'
import './api-token.ts'
import './query-log.ts'
import './revision.ts'
import './monthly-return.ts'
import './completeness.ts'
import './returns-coverage.ts'

export const schema = builder.toSchema()

export const sortedSchema = () => lexicographicSortSchema(schema)
