import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { openPlatform, type Platform, type PlatformOptions } from '@msp/server/app'

/** The day the tests take as today, so time-progress never depends on the clock. */
export const testToday = '2026-11-27'

/** A platform on a fresh copy of the seeded test database. */
export async function openTestPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const dir = mkdtempSync(join(tmpdir(), 'msp-db-'))
  const file = join(dir, 'test.db')
  copyFileSync(inject('templateDatabase'), file)
  return openPlatform(`file:${file}`, { ...options, asOf: options.asOf ?? testToday })
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T
  errors?: { message: string; extensions?: { code?: string } }[]
}

/** Runs a query in-process through yoga.fetch, as a client over HTTP would. */
export async function query<T = Record<string, any>>(platform: Platform, document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await platform.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
