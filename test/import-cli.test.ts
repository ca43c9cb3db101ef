// `pnpm run import` as people run it, in child processes: one line per error and never a stack
// trace; who ran it; two imports at once; the server and imports starting together on an
// empty database. SQLite; the same on PostgreSQL is in import-postgres.test.ts.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freePort, openDatabase, writeTransaction } from '@msp/db'
import type { Platform } from '@msp/server/app'
import installation from '../msp.config.ts'
import { openTestPlatform } from './support/platform.ts'

const root = join(import.meta.dirname, '..')
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const header = 'metric,org_unit,period_start,period_end,value,note'
const dir = mkdtempSync(join(tmpdir(), 'msp-import-cli-'))
let files = 0
function file(name: string, content: string | Buffer): string {
  const path = join(dir, `${++files}-${name}`)
  writeFileSync(path, content)
  return path
}
const csv = (...lines: string[]) => file('figures.csv', [header, ...lines].join('\n'))

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}
interface Running {
  done: Promise<Finished>
  output(): string
}

function start(script: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [tsx, join(root, script), ...args], {
    env: { ...process.env, MSP_DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
  const done = new Promise<Finished>((resolve) => child.on('close', (code) => {
    clearTimeout(timer)
    resolve({ code, stdout, stderr })
  }))
  return { done, output: () => stdout }
}

const importCli = (args: string[], env: Record<string, string>) => start('server/src/cli/import.ts', args, env)

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** One line, and nothing that shows the code: no stack frame, no source path. */
function expectOneCleanLine(stderr: string) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at |\.ts:\d+|\.m?js:\d+|server\/src|node_modules|prisma\//)
  expect(stderr).not.toContain(root)
}

describe('pnpm run import', () => {
  let platform: Platform
  let env: Record<string, string>
  beforeEach(async () => {
    platform = await openTestPlatform()
    env = { DATABASE_URL: platform.database.url }
  })
  afterEach(() => platform.close())

  it('prints one line, no stack trace and no path of the code, for a missing file, a corrupt workbook, a bad option', async () => {
    const missing = await importCli([join(dir, 'no-such-figures.csv')], env).done
    expect(missing).toMatchObject({ code: 1, stderr: "there is no file 'no-such-figures.csv'; nothing was written\n" })
    expectOneCleanLine(missing.stderr)

    const corrupt = await importCli([file('figures.xlsx', Buffer.from('PK\u0003\u0004 this is not a workbook'))], env).done
    expect(corrupt.code).toBe(1)
    expect(corrupt.stderr).toBe('the file is not a readable XLSX workbook; open it in Excel and save it again, or save it as "CSV UTF-8"; nothing was written\n')
    expectOneCleanLine(corrupt.stderr)

    const option = await importCli([csv(), '--frobnicate'], env).done
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/^Unknown option '--frobnicate'/)
    expect(option.stderr).not.toMatch(/\n\s+at /)
  })

  it('says another import is writing when the write lock stays taken, in one line, and writes nothing', async () => {
    const path = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,')
    let release!: () => void
    const held = writeTransaction(platform.database, () => new Promise<void>((r) => (release = r)))
    const started = Date.now()
    const result = await importCli([path], { ...env, MSP_LOCK_TIMEOUT_MS: '1500' }).done
    release()
    await held
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('another import is writing to the database; try again when it has finished; nothing was written\n')
    expectOneCleanLine(result.stderr)
    expect(Date.now() - started).toBeGreaterThan(1500)
    expect(await platform.database.db.figure.count({ where: { source: 'IMPORTED' } })).toBe(0)
  })

  it('records the operating-system user when --by is not given, the encoding it read, and no batch when nothing changed', async () => {
    const user = userInfo().username
    // 夜查 in GBK: D2 B9 B2 E9.
    const path = file('gbk.csv', Buffer.concat([
      Buffer.from(`${header}\nfishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,`),
      Buffer.from([0xd2, 0xb9, 0xb2, 0xe9, 0x0a]),
    ]))
    const first = await importCli([path], env).done
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toContain('as GB18030 (GBK): 1 row(s)')
    expect(first.stdout).toContain(`wrote 1 figure(s): 1 new, 0 corrected, 0 unchanged (batch #1, by ${user})`)
    const revision = await platform.database.db.figureRevision.findFirstOrThrow({ where: { action: 'CREATE' } })
    expect(revision).toMatchObject({ changedBy: user, note: '夜查' })

    const again = await importCli([path, '--by', 'Li Ming'], env).done
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('nothing changed: all 1 row(s) match the stored figures; no batch was recorded')
    expect(await platform.database.db.importBatch.count()).toBe(1)

    const noReason = await importCli([path, '--delete'], env).done
    expect(noReason).toMatchObject({ code: 2, stderr: '--delete needs --reason TEXT: say why the figures are removed\n' })
    const deleted = await importCli([path, '--delete', '--reason', 'entered twice', '--by', 'Li Ming'], env).done
    expect(deleted.stdout).toContain('deleted 1 figure(s) (batch #2, by Li Ming)')
  })

  it('lets only one of two imports with overlapping spans commit; the other is refused and writes nothing', async () => {
    const month = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,month')
    const quarter = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-09-30,40,quarter')
    // Hold the write lock while both start, so that both have read and checked their file
    // before either can write: the check against stored figures must happen under the lock.
    let release!: () => void
    const held = writeTransaction(platform.database, () => new Promise<void>((r) => (release = r)))
    const imports = [importCli([month], { ...env, MSP_LOCK_TIMEOUT_MS: '60000' }), importCli([quarter], { ...env, MSP_LOCK_TIMEOUT_MS: '60000' })]
    await until(() => imports.every((i) => i.output().includes('row(s)')), 60_000, 'both imports to read their files')
    await new Promise((r) => setTimeout(r, 500))
    release()
    await held
    const [a, b] = await Promise.all(imports.map((i) => i.done))
    const results = [a!, b!]
    expect(results.map((r) => r.code).sort()).toEqual([0, 1])
    const refused = results.find((r) => r.code === 1)!
    expect(refused.stderr).toMatch(/^row 2: overlaps the stored figure for 2024-07-01\.\.2024-0[79]-3[01]; a count is entered once, for spans that do not overlap\n1 error\(s\); nothing was written\n$/)
    const stored = await platform.database.db.figure.findMany({ where: { metricKey: 'fishing-ban.anglers-checked', orgUnit: { key: 'station-nanhu' }, periodStart: '2024-07-01' } })
    expect(stored).toHaveLength(1)
    expect(await platform.database.db.importBatch.count()).toBe(1)
    expect(await platform.database.db.figureRevision.count()).toBe(1)
  })
})

describe('starting together on an empty database', () => {
  it('the server and two imports: one seeds, the others wait and find it seeded', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'msp-empty-')), 'empty.db')}`
    const env = { DATABASE_URL: url, MSP_LOCK_TIMEOUT_MS: '120000' }
    const port = await freePort()
    const server = spawn(process.execPath, [tsx, join(root, 'server', 'src', 'main.ts')], {
      env: { ...process.env, ...env, PORT: String(port), MSP_WORKERS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let serverOutput = ''
    server.stdout!.on('data', (d) => (serverOutput += d))
    server.stderr!.on('data', (d) => (serverOutput += d))
    try {
      const path = csv('fishing-ban.anglers-checked,station-nanhu,2024-07-01,2024-07-31,12,')
      const imports = [importCli([path, '--dry-run'], env), importCli([path, '--dry-run'], env)]
      const results = await Promise.all(imports.map((i) => i.done))
      for (const result of results) {
        expect(result.stderr).toBe('')
        expect(result).toMatchObject({ code: 0 })
        expect(result.stdout).toContain('every row is valid; would write 1: 1 new, 0 corrected, 0 unchanged; nothing was written (--dry-run)')
      }
      await until(async () => {
        if (server.exitCode !== null) throw new Error(`the server exited:\n${serverOutput}`)
        return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)
      }, 90_000, 'the server')
      expect(serverOutput).not.toMatch(/Unique constraint|Error/)
    } finally {
      server.kill('SIGTERM')
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)))
    }
    const database = await openDatabase(url, { migrate: false })
    try {
      expect(await database.db.orgUnit.count()).toBe(installation.orgUnits.length)
      const sample = await database.db.figure.count({ where: { source: 'SAMPLE' } })
      expect(sample).toBeGreaterThan(20_000)
      // Seeded once: the same number of sample figures as a database seeded alone.
      const template = await openTestPlatform()
      expect(sample).toBe(await template.database.db.figure.count({ where: { source: 'SAMPLE' } }))
      await template.close()
    } finally {
      await database.close()
    }
  })
})
