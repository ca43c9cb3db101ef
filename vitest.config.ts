import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

const require = createRequire(import.meta.url)

// graphql 16 ships CommonJS (main) and ESM (module) side by side. Node loads Pothos and Yoga
// with the CommonJS copy; Vite would hand our sources the ESM one, and two copies of graphql
// reject each other's types. Pin every import to the copy Node uses.
const resolve = { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: [join(import.meta.dirname, 'server')] }) }] }
const test = { exclude: ['**/node_modules/**', '**/.scratch*/**'], testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const }

// What must hold on either database: who may read and write, sessions, tokens, throttling,
// request limits, the query log, and the committee's cookbook. They run a second time on a
// throwaway PostgreSQL cluster (test/postgres-setup.ts).
const onBothDatabases = [
  'test/access.test.ts',
  'test/accounts.test.ts',
  'test/auth-api.test.ts',
  'test/sessions.test.ts',
  'test/query-log.test.ts',
  'test/secrets-in-logs.test.ts',
  'test/committee-cookbook.test.ts',
  'test/monthly-returns.test.ts',
  'test/targets.test.ts',
  'test/returns-coverage.test.ts',
  'test/approval-queue.test.ts',
  'test/return-check.test.ts',
  'test/response-cache.test.ts',
  'test/kept-credentials.test.ts',
  'test/year-to-date.test.ts',
  'test/target-sheet.test.ts',
  'test/scorecard-summaries.test.ts',
  'test/read-only-replica.test.ts',
]

const postgresInstalled = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))

const projects: TestProjectInlineConfiguration[] = [
  { resolve, test: { ...test, name: 'sqlite', include: ['{plugins,server,prisma,client,test,docs}/**/*.test.ts'], globalSetup: ['./test/global-setup.ts'] } },
]
// CI installs PostgreSQL (.ci/run); without it there the setup fails and says so.
if (postgresInstalled || process.env.CI) {
  projects.push({ resolve, test: { ...test, name: 'postgresql', include: onBothDatabases, globalSetup: ['./test/postgres-setup.ts'] } })
}

export default defineConfig({
  test: {
    projects,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
})
