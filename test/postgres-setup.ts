// The `postgresql` test project (vitest.config.ts): one throwaway cluster for the run, with a
// migrated, seeded template database; each test copies it (support/platform.ts), as the SQLite
// tests copy their template file.
import type { TestProject } from 'vitest/node'
import { createPostgresDatabase, startThrowawayPostgres } from '@msp/db'
import { openPlatform } from '@msp/server/app'
import { addTestAccounts } from './support/accounts.ts'
import { useRunTempDir } from './support/run-temp.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server of the template database `msp_template`; unset on SQLite. */
    postgresServer: string
  }
}

/** The seeded template database on the cluster; tests copy it. */
export const postgresTemplate = 'msp_template'

export default async function setup(project: TestProject) {
  const releaseTemp = useRunTempDir()
  const cluster = await startThrowawayPostgres().catch((error: unknown) => {
    releaseTemp()
    throw error
  })
  try {
    const platform = await openPlatform(await createPostgresDatabase(cluster.url, postgresTemplate))
    await addTestAccounts(platform.database.db)
    await platform.close()
  } catch (error) {
    await cluster.stop()
    releaseTemp()
    throw error
  }
  project.provide('postgresServer', cluster.url)
  return async () => {
    await cluster.stop()
    releaseTemp()
  }
}
