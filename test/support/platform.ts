import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { copyPostgresDatabase, type Provider } from '@msp/db'
import { openPlatform, type Platform, type PlatformOptions } from '@msp/server/app'
import { postgresTemplate } from '../postgres-setup.ts'
import { bearer } from './accounts.ts'

/** The day the tests take as today, so time-progress never depends on the clock. */
export const testToday = '2026-11-27'

/** Which database this test project runs on (vitest.config.ts). */
export const testProvider: Provider = inject('postgresServer') ? 'postgresql' : 'sqlite'

/** The URL of a fresh copy of the seeded test database, SQLite or PostgreSQL by the project. */
export async function freshTestDatabase(): Promise<string> {
  const server = inject('postgresServer')
  if (server) return copyPostgresDatabase(server, postgresTemplate)
  const dir = mkdtempSync(join(tmpdir(), 'msp-db-'))
  const file = join(dir, 'test.db')
  copyFileSync(inject('templateDatabase'), file)
  return `file:${file}`
}

/** A platform on a fresh copy of the seeded test database. */
export async function openTestPlatform(options: PlatformOptions = {}): Promise<Platform> {
  // One token serves every query of a test file: no request limit unless a test sets one.
  return openPlatform(await freshTestDatabase(), { ...options, asOf: options.asOf ?? testToday, settings: { rateLimitPerMinute: 1_000_000, ...options.settings } })
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T
  errors?: { message: string; extensions?: { code?: string } }[]
}

/**
 * Runs a query in-process through yoga.fetch, as a client over HTTP would: as the test LEADER
 * (support/accounts.ts), or with the headers given (`{}` for no one).
 */
export async function query<T = Record<string, any>>(platform: Platform, document: string, variables?: Record<string, unknown>, headers: Record<string, string> = bearer): Promise<GraphQLResponse<T>> {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document, variables }),
  })
  return (await response.json()) as GraphQLResponse<T>
}

/** Like query, but fails the test on any GraphQL error. */
export async function data<T = Record<string, any>>(platform: Platform, document: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await query<T>(platform, document, variables)
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`)
  return result.data!
}
