// Who may ask what (issue 9): every query and mutation has a rule; without credentials every
// field but viewer, login and logout answers UNAUTHENTICATED; each role gets what it may, and
// FORBIDDEN otherwise, without learning whether a thing exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { createUser } from '@msp/server/auth/accounts'
import { createApiToken } from '@msp/server/auth/sessions'
import { schema } from '@msp/server/schema/index'
import { openTestPlatform, query } from './support/platform.ts'

/** The fields anyone may ask for: who is signed in, and signing in and out. */
// The installation's name is open: the sign-in page is titled with it.
const open = ['Query.viewer', 'Query.installation', 'Mutation.login', 'Mutation.logout']

interface FieldOptions { authScopes?: unknown; skipTypeScopes?: boolean }
interface TypeOptions { authScopes?: unknown }

describe('the schema', () => {
  it('gives every query and mutation a rule (its own, or its type\'s), open ones only on purpose', () => {
    const missing: string[] = []
    const skipped: string[] = []
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      const typeRule = (type.extensions?.pothosOptions as TypeOptions | undefined)?.authScopes
      for (const field of Object.values(type.getFields())) {
        const options = field.extensions?.pothosOptions as FieldOptions | undefined
        const name = `${type.name}.${field.name}`
        if (options?.skipTypeScopes && !options.authScopes) skipped.push(name)
        else if (!options?.authScopes && !typeRule) missing.push(name)
      }
    }
    expect(missing).toEqual([])
    expect(skipped.sort()).toEqual([...open].sort())
  })
})

describe('access', () => {
  let platform: Platform
  const headers: Record<string, Record<string, string>> = {}
  beforeAll(async () => {
    platform = await openTestPlatform()
    const db = platform.database.db
    const accounts = [
      { login: 'a.admin', role: 'ADMIN' },
      { login: 'l.leader', role: 'LEADER' },
      { login: 'c.member', role: 'COMMITTEE' },
      { login: 'r.nanhu', role: 'REPORTER', orgUnit: 'station-nanhu' },
    ]
    for (const a of accounts) {
      const user = await createUser(db, { ...a, name: a.login, password: 'correct horse battery' }, 'test')
      headers[a.role] = { authorization: `Bearer ${(await createApiToken(db, { userId: user.id, name: 't', by: 'test' })).secret}` }
    }
    headers.NOBODY = {}
  })
  afterAll(() => platform.close())

  const outcome = async (role: string, document: string) => {
    const answer = await query(platform, document, undefined, headers[role])
    return answer.errors?.[0]?.extensions?.code ?? 'OK'
  }

  // Each operation, and what each role gets: OK, FORBIDDEN or UNAUTHENTICATED.
  const matrix: [string, string, Record<string, string>][] = [
    ['the district scorecard', '{ scorecard(period: { year: 2023 }) { score } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', NOBODY: 'UNAUTHENTICATED' }],
    ["another station's scorecard", '{ scorecard(period: { year: 2023 }, orgUnit: "station-ziyang") { score } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ["one's own station's scorecard", '{ scorecard(period: { year: 2023 }, orgUnit: "station-nanhu") { score } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', NOBODY: 'UNAUTHENTICATED' }],
    ['the district explicitly', '{ scorecard(period: { year: 2023 }, orgUnit: "wuchang") { score } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['a unit that does not exist', '{ orgUnit(key: "station-atlantis") { key } }', { ADMIN: 'UNKNOWN_ORG_UNIT', LEADER: 'UNKNOWN_ORG_UNIT', COMMITTEE: 'UNKNOWN_ORG_UNIT', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['a metric at the district', '{ metric(key: "prices.operators-checked") { value(period: { year: 2023 }, orgUnit: "wuchang") } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ["an area's units ranked", '{ areas { breakdown(period: { year: 2023 }, orgUnit: "wuchang") { score } } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['the catalogue', '{ areas { key metrics { key } } dataRange { to } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', NOBODY: 'UNAUTHENTICATED' }],
    ['the accounts', '{ users { login } }', { ADMIN: 'OK', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['the query log', '{ queryLog(limit: 1) { outcome } }', { ADMIN: 'OK', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['one\'s tokens', '{ apiTokens { name } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', NOBODY: 'UNAUTHENTICATED' }],
    ['making an account', 'mutation { createUser(input: { login: "x.y", name: "x", password: "correct horse battery", role: LEADER }) { login } }', { LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['disabling an account', 'mutation { disableUser(login: "nobody.at.all") { login } }', { ADMIN: 'NOT_FOUND', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['enabling an account', 'mutation { enableUser(login: "nobody.at.all") { login } }', { ADMIN: 'NOT_FOUND', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ["resetting another's password", 'mutation { resetPassword(login: "nobody.at.all") }', { ADMIN: 'NOT_FOUND', LEADER: 'FORBIDDEN', COMMITTEE: 'FORBIDDEN', REPORTER: 'FORBIDDEN', NOBODY: 'UNAUTHENTICATED' }],
    ['who am I', '{ viewer { role } }', { ADMIN: 'OK', LEADER: 'OK', COMMITTEE: 'OK', REPORTER: 'OK', NOBODY: 'OK' }],
  ]
  for (const [what, document, expected] of matrix) {
    it(what, async () => {
      const got: Record<string, string> = {}
      for (const role of Object.keys(expected)) got[role] = await outcome(role, document)
      expect(got).toEqual(expected)
    })
  }

  it("answers every query field UNAUTHENTICATED without credentials, viewer and the installation's name aside", async () => {
    const documents: Record<string, string> = {
      areas: '{ areas { key } }', area: '{ area(key: "food") { key } }', metric: '{ metric(key: "food.incidents") { key } }',
      orgUnits: '{ orgUnits { key } }', orgUnit: '{ orgUnit(key: "wuchang") { key } }', dataRange: '{ dataRange { to } }',
      period: '{ period(period: { year: 2023 }) { from } }', scorecard: '{ scorecard(period: { year: 2023 }) { score } }',
      users: '{ users { login } }', apiTokens: '{ apiTokens { id } }', queryLog: '{ queryLog { outcome } }',
      monthlyReturn: '{ monthlyReturn(orgUnit: "station-nanhu", month: "2024-01") { state } }',
      completeness: '{ completeness(period: { year: 2024 }) { state } }', approvalQueue: '{ approvalQueue { state } }', lockedMonths: '{ lockedMonths }',
      targetSheet: '{ targetSheet(year: 2024) { year } }', returnsCoverage: '{ returnsCoverage(period: { year: 2024 }) { expected } }',
      checkReturn: '{ checkReturn(orgUnit: "station-nanhu", month: "2024-01", values: []) { errors { metric } } }',
    }
    const fields = Object.keys(schema.getQueryType()!.getFields()).filter((f) => f !== 'viewer' && f !== 'installation')
    // A new query field must be added here, so it is checked too.
    expect(fields.sort()).toEqual(Object.keys(documents).sort())
    for (const [field, document] of Object.entries(documents)) {
      const answer = await query(platform, document, undefined, {})
      // Nothing of the answer but the error: a nullable field reads null, a required one takes data with it.
      expect([field, answer.errors?.[0]?.extensions?.code, Object.values(answer.data ?? {}).every((v) => v === null)]).toEqual([field, 'UNAUTHENTICATED', true])
    }
  })

  it("tells anyone the installation's name, for the sign-in page's title, and nothing else of it", async () => {
    const answer = await query(platform, '{ installation { zh: name en: name(locale: "en") } }', undefined, {})
    expect(answer).toEqual({ data: { installation: { zh: '武昌区市场监督管理局绩效评价', en: 'Wuchang AMR performance evaluation' } } })
  })

  it('lists a REPORTER only their unit and those below it, and opens their scorecard on it', async () => {
    const units = await query(platform, '{ orgUnits { key } }', undefined, headers.REPORTER)
    expect(units.data?.orgUnits).toEqual([{ key: 'station-nanhu' }])
    const card = await query(platform, '{ scorecard(period: { year: 2023 }) { orgUnit { key } } }', undefined, headers.REPORTER)
    expect(card.data?.scorecard.orgUnit.key).toBe('station-nanhu')
    const figures = await query(platform, '{ metric(key: "prices.operators-checked") { figures(from: "2023-01-01", to: "2023-01-31") { orgUnit { key } } } }', undefined, headers.REPORTER)
    expect(new Set(figures.data?.metric.figures.map((f: { orgUnit: { key: string } }) => f.orgUnit.key))).toEqual(new Set(['station-nanhu']))
  })
})
