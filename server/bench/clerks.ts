// A clerk (REPORTER) for each grassroots station, each with a token: the benchmark and the
// crash test save monthly returns as thirteen clerks at once.
import type { Db } from '@msp/db'
import { createUser } from '../src/auth/accounts.ts'
import { createApiToken } from '../src/auth/sessions.ts'

export interface Clerk {
  unit: string
  headers: { authorization: string }
}

export async function stationClerks(db: Db): Promise<Clerk[]> {
  const stations = await db.orgUnit.findMany({ where: { kind: 'STATION' }, orderBy: { sortOrder: 'asc' } })
  const clerks: Clerk[] = []
  for (const station of stations) {
    const login = `clerk.${station.key.replace(/^station-/, '')}`
    const user = (await db.user.findUnique({ where: { login } })) ?? (await createUser(db, { login, name: `${station.nameZh}录入员`, password: 'clerk bench password', role: 'REPORTER', orgUnit: station.key }, 'bench'))
    const { secret } = await createApiToken(db, { userId: user.id, name: 'bench', expiresInDays: 1, by: 'bench' })
    clerks.push({ unit: station.key, headers: { authorization: `Bearer ${secret}` } })
  }
  return clerks
}

export const saveDocument = `mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!) {
  saveReturn(orgUnit: $u, month: $m, version: $v, values: $values) { version }
}`

/** One save over HTTP: the version it made, or the error code. */
export async function saveOver(base: string, clerk: Clerk, month: string, version: number, values: { metric: string; value: number }[]): Promise<{ version?: number; code?: string; ms: number }> {
  const started = performance.now()
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...clerk.headers },
      body: JSON.stringify({ query: saveDocument, variables: { u: clerk.unit, m: month, v: version, values } }),
    })
    const body = (await response.json()) as { data?: { saveReturn?: { version: number } }; errors?: { extensions?: { code?: string } }[] }
    const ms = performance.now() - started
    return body.data?.saveReturn ? { version: body.data.saveReturn.version, ms } : { code: body.errors?.[0]?.extensions?.code ?? String(response.status), ms }
  } catch (error) {
    return { code: `network: ${(error as Error).message.slice(0, 60)}`, ms: performance.now() - started }
  }
}
