import { isAbsolute, join, resolve } from 'node:path'

export type Provider = 'sqlite' | 'postgresql'

/** The project folder (the parent of prisma/), where the default SQLite file lives. */
export const projectRoot = resolve(import.meta.dirname, '..', '..')

export const defaultDatabaseUrl = `file:${join(projectRoot, '.data', 'msp.db')}`

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error(
    `DATABASE_URL "${url}" is neither a SQLite file (file:./path/to.db) nor PostgreSQL (postgresql://user@host:port/db)`,
  )
}

/** The file behind a SQLite url; relative paths are taken from the project folder. */
export function sqliteFile(url: string): string {
  const path = url.slice('file:'.length)
  return isAbsolute(path) ? path : join(projectRoot, path)
}
