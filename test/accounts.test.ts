// Accounts (issue 9): the rules of an account, the first administrator, and the shell's
// `pnpm run user`. Passwords are stored as argon2id only.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { AccountError, createUser, disableUser, ensureAdmin, resetPassword } from '@msp/server/auth/accounts'
import { passwordMatches } from '@msp/server/auth/secrets'
import { freshTestDatabase, openTestPlatform } from './support/platform.ts'
import { root } from './support/browser.ts'

let platform: Platform
beforeEach(async () => {
  platform = await openTestPlatform()
})
afterEach(() => platform.close())
const db = () => platform.database.db

const refused = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    if (error instanceof AccountError) return `${error.code}: ${error.message}`
    throw error
  }
  throw new Error('not refused')
}

describe('accounts', () => {
  it('creates a REPORTER bound to a unit, with the password hashed', async () => {
    const user = await createUser(db(), { login: ' Li.Ming ', name: '李明', password: 'correct horse battery', role: 'REPORTER', orgUnit: 'station-nanhu' }, 'test')
    expect(user).toMatchObject({ login: 'li.ming', name: '李明', role: 'REPORTER', disabled: false, orgUnit: { key: 'station-nanhu' } })
    const stored = await db().user.findUniqueOrThrow({ where: { login: 'li.ming' } })
    expect(stored.passwordHash).not.toContain('correct horse battery')
    expect(await passwordMatches(stored.passwordHash, 'correct horse battery')).toBe(true)
  })

  it('refuses, with what to fix, and writes nothing', async () => {
    const base = { login: 'wang.fang', name: '王芳', password: 'correct horse battery', role: 'LEADER' }
    expect(await refused(createUser(db(), { ...base, password: 'short' }, 't'))).toBe('WEAK_PASSWORD: a password needs at least 10 characters')
    expect(await refused(createUser(db(), { ...base, password: 'wang.fang' }, 't'))).toBe('WEAK_PASSWORD: a password needs at least 10 characters')
    expect(await refused(createUser(db(), { ...base, login: 'wang.fang.01', password: 'WANG.FANG.01' }, 't'))).toBe('WEAK_PASSWORD: a password may not be the login')
    expect(await refused(createUser(db(), { ...base, role: 'OWNER' }, 't'))).toBe('BAD_INPUT: role \'OWNER\': one of ADMIN, LEADER, COMMITTEE, REPORTER')
    expect(await refused(createUser(db(), { ...base, login: '王芳' }, 't'))).toMatch(/^BAD_INPUT: login '王芳': 2 to 40 of a-z/)
    expect(await refused(createUser(db(), { ...base, role: 'REPORTER' }, 't'))).toMatch(/^BAD_INPUT: a REPORTER needs an org unit/)
    expect(await refused(createUser(db(), { ...base, role: 'REPORTER', orgUnit: 'station-atlantis' }, 't'))).toBe("BAD_INPUT: org unit 'station-atlantis' does not exist")
    expect(await refused(createUser(db(), { ...base, orgUnit: 'station-nanhu' }, 't'))).toMatch(/^BAD_INPUT: only a REPORTER is bound to an org unit/)
    expect(await db().user.count({ where: { login: { startsWith: 'wang' } } })).toBe(0)
    await createUser(db(), base, 't')
    expect(await refused(createUser(db(), { ...base, login: 'WANG.FANG' }, 't'))).toBe("ALREADY_EXISTS: login 'wang.fang' is taken")
  })

  it('disabling ends the sessions and revokes the tokens; a new password ends the sessions', async () => {
    const user = await createUser(db(), { login: 'zhao.lei', name: '赵磊', password: 'correct horse battery', role: 'COMMITTEE' }, 't')
    const day = new Date(Date.now() + 86_400_000)
    await db().session.create({ data: { userId: user.id, secretHash: 'a'.repeat(64), expiresAt: day } })
    await db().apiToken.create({ data: { userId: user.id, name: 'script', secretHash: 'b'.repeat(64), createdBy: 'zhao.lei' } })
    const { password } = await resetPassword(db(), 'zhao.lei')
    expect(password).toHaveLength(18)
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0)
    expect(await db().apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(1)
    await db().session.create({ data: { userId: user.id, secretHash: 'c'.repeat(64), expiresAt: day } })
    expect(await disableUser(db(), 'Zhao.Lei')).toMatchObject({ disabled: true })
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0)
    expect(await db().apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0)
    expect(await refused(disableUser(db(), 'nobody'))).toBe("NOT_FOUND: no account 'nobody'")
  })

  it('makes the administrator on an empty database only, with MSP_ADMIN_PASSWORD or a generated password', async () => {
    await db().user.deleteMany()
    expect(await refused(ensureAdmin(db(), 'admin'))).toBe('WEAK_PASSWORD: MSP_ADMIN_PASSWORD: a password needs at least 10 characters')
    expect(await db().user.count()).toBe(0)
    const made = await ensureAdmin(db(), undefined)
    expect(made).toMatchObject({ login: 'admin' })
    const admin = await db().user.findUniqueOrThrow({ where: { login: 'admin' } })
    expect(admin.role).toBe('ADMIN')
    expect(await passwordMatches(admin.passwordHash, made!.generated!)).toBe(true)
    // A second start makes none, and shows no password.
    expect(await ensureAdmin(db(), undefined)).toBeNull()
    await db().user.deleteMany()
    expect(await ensureAdmin(db(), 'the bureau admin password')).toEqual({ login: 'admin', generated: null })
  })
})

describe('pnpm run user', () => {
  const run = async (args: string[], stdin?: string) => {
    const url = await freshTestDatabase()
    return { url, result: await cli(url, args, stdin) }
  }
  const cli = (url: string, args: string[], stdin?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'server', 'src', 'cli', 'user.ts'), ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: url } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      )
      child.stdin!.end(stdin ?? '')
    })

  it('adds with a password from standard input, lists, disables; each message one line', async () => {
    const { url, result } = await run(['add', 'li.ming', '--name', '李明', '--role', 'REPORTER', '--org-unit', 'station-nanhu', '--password-stdin'], 'correct horse battery\n')
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout.trim()).toBe("created 'li.ming' (REPORTER, station-nanhu)")
    const list = await cli(url, ['list'])
    expect(list.stdout).toContain('li.ming\tREPORTER\tstation-nanhu\tactive\t李明')
    const weak = await cli(url, ['reset-password', 'li.ming', '--password-stdin'], 'short\n')
    expect(weak).toMatchObject({ code: 1, stderr: 'a password needs at least 10 characters; nothing was changed\n' })
    const disabled = await cli(url, ['disable', 'li.ming'])
    expect(disabled.stdout.trim()).toBe("disabled 'li.ming': its sessions ended and its API tokens revoked")
    expect((await cli(url, ['disable', 'nobody'])).stderr).toBe("no account 'nobody'; nothing was changed\n")
    // Five runs of the CLI, each starting tsx and opening the database: a busy CI machine took 60 s.
  }, 180_000)

  it('generates and prints a password once when none is given; refuses a wrong command with the usage', async () => {
    const { result } = await run(['add', 'wang.fang', '--name', '王芳', '--role', 'LEADER'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^password \(shown once\): [a-km-zA-HJ-NP-Z2-9]{18}$/m)
    const { result: wrong } = await run(['delete', 'wang.fang'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^usage: pnpm run user add/)
  })
})
