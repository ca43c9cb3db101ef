// pnpm start: migrate, seed an empty database, serve GraphQL at /graphql and the client at /.
import { createServer } from 'node:http'
import { databaseUrlFromEnv, NotMigratedError } from '@msp/db'
import { CatalogueNotSyncedError, openPlatform } from './app.ts'
import { AccountError } from './auth/accounts.ts'
import { createRequestHandler } from './http.ts'
import { InstallationError } from './plugins.ts'
import { SettingsError } from './settings.ts'

const port = Number(process.env.PORT ?? 4000)
// Every interface by default: the bureau's staff reach the dashboard from their desktops.
const host = process.env.HOST || undefined
const url = databaseUrlFromEnv()
const started = Date.now()
const platform = await openPlatform(url, { queryThreads: true }).catch((error: unknown) => {
  if (error instanceof SettingsError) {
    console.error(`setting: ${error.message}`)
    process.exit(2)
  }
  if (error instanceof AccountError) {
    console.error(error.message)
    process.exit(2)
  }
  // The installation file's problems, once, without a stack: the user fixes the file, not the code.
  // Likewise a read replica the primary has not migrated or synced (MSP_READ_ONLY=1).
  if (error instanceof InstallationError || error instanceof NotMigratedError || error instanceof CatalogueNotSyncedError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
})
if (platform.admin?.generated) {
  // Shown once, here only: it is stored hashed.
  console.log(`created the administrator account '${platform.admin.login}' with the password ${platform.admin.generated}`)
  console.log('  (shown once: sign in and change it; or set MSP_ADMIN_PASSWORD before the first start)')
} else if (platform.admin) {
  console.log(`created the administrator account '${platform.admin.login}' with the password in MSP_ADMIN_PASSWORD`)
}
if (platform.seeded.seeded) {
  console.log(`seeded an empty database: ${platform.seeded.figures} figures, ${platform.seeded.targets} targets`)
}

const server = createServer(createRequestHandler(platform.app, platform.settings.allowedHosts))
// Slow clients cannot hold connections open: headers within 10 s, a whole request within 30 s.
server.headersTimeout = 10_000
server.requestTimeout = 30_000
server.listen(port, host, () => {
  console.log(`database: ${platform.database.provider} (${platform.database.provider === 'sqlite' ? url.slice(5) : 'DATABASE_URL'})`)
  const threads = platform.settings.workers
  // The pool starts one thread; the others when heavy queries overlap (execution/query-pool.ts).
  if (platform.settings.readOnly) console.log('read-only (MSP_READ_ONLY=1): queries only; sign-in and changes are refused (READ_ONLY), the query log goes to standard output')
  console.log(`query threads: ${threads > 1 ? `up to ${threads}, one started` : threads}; time limit ${platform.settings.requestTimeoutMs} ms`)
  console.log(`ready in ${Date.now() - started} ms: http://localhost:${port}/graphql (GraphiQL), http://localhost:${port}/ (app)`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void platform.close().finally(() => process.exit(0))
  })
}
