import { createRequire } from 'node:module'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) side by side. Node loads Pothos and
    // Yoga with the CommonJS copy; Vite would hand our sources the ESM one, and two copies
    // of graphql reject each other's types. Pin every import to the copy Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql', { paths: [join(import.meta.dirname, 'server')] }) }],
  },
  test: {
    include: ['{plugins,server,prisma,client,test,docs}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.scratch*/**'],
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
