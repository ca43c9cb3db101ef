import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{plugins,server,prisma,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
