// pnpm start: migrate, seed an empty database, serve GraphQL at /graphql and the client at /.
import { createServer } from 'node:http'
import { databaseUrlFromEnv } from '@msp/db'
import { openPlatform } from './app.ts'
import { createRequestHandler } from './http.ts'

const port = Number(process.env.PORT ?? 4000)
const url = databaseUrlFromEnv()
const started = Date.now()
const platform = await openPlatform(url)
if (platform.seeded.seeded) {
  console.log(`seeded an empty database: ${platform.seeded.figures} figures, ${platform.seeded.targets} targets`)
}

const server = createServer(createRequestHandler(platform.app))
server.listen(port, () => {
  console.log(`database: ${platform.database.provider} (${platform.database.provider === 'sqlite' ? url.slice(5) : 'DATABASE_URL'})`)
  console.log(`ready in ${Date.now() - started} ms: http://localhost:${port}/graphql (GraphiQL), http://localhost:${port}/ (app)`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void platform.close().finally(() => process.exit(0))
  })
}
