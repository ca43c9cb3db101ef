// A PostgreSQL cluster that lives in a temporary folder for one test run or one command,
// started from Debian's server binaries. Root may not run initdb, so it runs as `postgres`.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { postgresConfig } from './adapters.ts'

function binDir(): string | undefined {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return undefined
  const version = readdirSync(base).sort((a, b) => Number(b) - Number(a))[0]
  const dir = version && join(base, version, 'bin')
  return dir && existsSync(join(dir, 'initdb')) ? dir : undefined
}

export function postgresBinariesAvailable(): boolean {
  return binDir() !== undefined
}

/** A TCP port on the loopback interface that nothing listens on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export interface ThrowawayPostgres {
  url: string
  stop(): Promise<void>
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binDir()
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'msp-pg-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' })
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  run('pg_ctl', [
    '-D', data, '-l', join(dir, 'log'), '-w',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    'start',
  ])
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/**
 * A new database on the server of `url`, copied from the database `template` there (nobody may
 * be connected to it); its URL. Copying a seeded template takes a fraction of a second, seeding
 * takes many.
 */
export async function copyPostgresDatabase(url: string, template: string, name = `msp_${randomUUID().replaceAll('-', '').slice(0, 16)}`): Promise<string> {
  const client = new pg.Client(postgresConfig(url))
  await client.connect()
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)
        break
      } catch (error) {
        // 55006: another copy of the template is being made this moment.
        if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
      }
    }
  } finally {
    await client.end()
  }
  const copy = new URL(url)
  copy.pathname = `/${name}`
  return copy.toString()
}

/** The URL of the database `name` on the server of `url`, created empty. */
export async function createPostgresDatabase(url: string, name: string): Promise<string> {
  return copyPostgresDatabase(url, 'template0', name)
}
