// docs/committee.md: every query in it answers for a committee member's token, and each curl
// command sends the same query as the GraphQL block above it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { createUser } from '@msp/server/auth/accounts'
import { createApiToken } from '@msp/server/auth/sessions'
import { root } from './support/browser.ts'
import { openTestPlatform } from './support/platform.ts'

const text = readFileSync(join(root, 'docs', 'committee.md'), 'utf8')
const questions = text.split(/^### /m).slice(1).map((section) => ({
  title: section.split('\n')[0]!,
  query: /```graphql\n([\s\S]*?)```/.exec(section)?.[1] ?? '',
  curl: /--data '(.*)'\n```/.exec(section)?.[1] ?? '',
}))
const oneLine = (query: string) => query.split(/\s+/).filter(Boolean).join(' ')

let platform: Platform
let token: string
beforeAll(async () => {
  platform = await openTestPlatform()
  const user = await createUser(platform.database.db, { login: 'zhang.wei', name: '张伟', password: 'correct horse battery', role: 'COMMITTEE' }, 'test')
  token = (await createApiToken(platform.database.db, { userId: user.id, name: 'cookbook', by: 'test' })).secret
})
afterAll(() => platform.close())

describe('the committee cookbook', () => {
  it('asks at least 12 questions, each with a query and a curl command', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12)
    for (const q of questions) {
      expect(q.query, q.title).not.toBe('')
      expect(q.curl, q.title).not.toBe('')
    }
  })

  it.each(questions.map((q) => [q.title, q] as const))('%s', async (_title, q) => {
    // The curl command sends this very query.
    expect(oneLine((JSON.parse(q.curl) as { query: string }).query)).toBe(oneLine(q.query))
    const response = await platform.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: q.curl,
    })
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] }
    expect(body.errors).toBeUndefined()
    expect(Object.values(body.data ?? {}).every((v) => v !== null)).toBe(true)
  })
})
