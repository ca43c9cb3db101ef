// Builds one migrated, seeded SQLite database per test run; each test copies it, so every
// test starts on a fresh database without paying for the seed again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openPlatform } from '@msp/server/app'
import { addTestAccounts } from './support/accounts.ts'
import { useRunTempDir } from './support/run-temp.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
  }
}

export default async function setup(project: TestProject) {
  const releaseTemp = useRunTempDir()
  const dir = mkdtempSync(join(tmpdir(), 'msp-test-'))
  const file = join(dir, 'template.db')
  const platform = await openPlatform(`file:${file}`)
  await addTestAccounts(platform.database.db)
  await platform.close()
  project.provide('templateDatabase', file)
  return () => {
    rmSync(dir, { recursive: true, force: true })
    releaseTemp()
  }
}
