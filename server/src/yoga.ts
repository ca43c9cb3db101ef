// The GraphQL app, with no port: main.ts listens, tests call yoga.fetch.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql'
import { createYoga } from 'graphql-yoga'
import type { Db } from '@msp/db'
import { createContext } from './context.ts'
import type { Registry } from './registry.ts'
import { schema } from './schema/index.ts'

export interface AppOptions {
  db: Db
  registry: Registry
  /** Time-progress stops here; today when omitted. */
  asOf?: string
}

export function createApp({ db, registry, asOf }: AppOptions) {
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: '武昌区市场监管绩效 GraphQL', defaultQuery: exampleQuery },
    // GraphiQL from the package, not a CDN: the bureau's network may not reach one.
    renderGraphiQL,
    context: () => createContext(db, registry, asOf),
    // Errors a user caused (GraphQLError with a code) pass through; anything else is masked.
    maskedErrors: true,
    landingPage: false,
  })
}

export type App = ReturnType<typeof createApp>

const exampleQuery = `# The 2023 scorecard of the district
query Scorecard {
  scorecard(period: { year: 2023 }) {
    period score maxScore
    areas {
      area { key name }
      score maxScore
      rows { metric { key name unit } actual target completion expected previous yoyRate status points sources }
    }
  }
}
`
