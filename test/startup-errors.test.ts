// A broken installation file stops `pnpm start` and `pnpm run import` with one block that names
// the file and says what is wrong: no code frame, no stack trace, no esbuild internals.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
// Inside the repository, so the files' imports of '@msp/plugin-sdk' resolve.
const scratch = join(root, 'test', `.scratch-${randomUUID().slice(0, 8)}`)
const invalid = join(scratch, 'invalid.config.ts')
const unparsable = join(scratch, 'unparsable.config.ts')

beforeAll(() => {
  mkdirSync(scratch, { recursive: true })
  writeFileSync(invalid, [
    "import { defineInstallation } from '@msp/plugin-sdk'",
    "export default defineInstallation({ name: { 'zh-CN': '测试', en: 'Test' }, orgUnits: [], reports: [], plugins: [] })",
    '',
  ].join('\n'))
  writeFileSync(unparsable, 'export default {\n')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs a script of the server with tsx, as `pnpm start` does; its exit code and all it printed. */
function run(script: string, args: string[], config: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, MSP_CONFIG: config, DATABASE_URL: `file:${join(scratch, `${randomUUID()}.db`)}`, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  // Should it start after all, it is stopped rather than left serving. Generous: on a busy
  // machine tsx alone takes tens of seconds to load the server.
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000)
  return new Promise((done) => child.on('exit', (code) => {
    clearTimeout(timer)
    done({ code, output })
  }))
}

const stackLine = /^ {4}at /m
const problems = [
  '- orgUnits: exactly one unit has no parent (the bureau); found 0',
  '- reports: an installation names at least one report (figures quote it)',
]

describe('a broken installation file', { timeout: 120_000 }, () => {
  it('stops the server with its problems, once, naming the file', async () => {
    const { code, output } = await run('server/src/main.ts', [], invalid)
    expect(code).toBe(1)
    expect(output).toContain(`the installation file ${invalid} has 2 problem(s):\n${problems.join('\n')}`)
    expect(output.split(problems[0]!).length - 1).toBe(1)
    expect(output).not.toMatch(stackLine)
  })

  it('stops the server with the first line of why it could not be loaded', async () => {
    const { code, output } = await run('server/src/main.ts', [], unparsable)
    expect(code).toBe(1)
    expect(output).toContain(`the installation file ${unparsable} could not be loaded: `)
    expect(output).toContain('Expected identifier but found end of file')
    expect(output).not.toMatch(stackLine)
    expect(output).not.toContain('node_modules')
  })

  it('stops an import with its problems, and says nothing was written', async () => {
    const { code, output } = await run('server/src/cli/import.ts', [join(scratch, 'figures.csv'), '--by', 'tester'], invalid)
    expect(code).toBe(1)
    expect(output).toContain(`the installation file ${invalid} has 2 problem(s):\n${problems.join('\n')}\nnothing was written`)
    expect(output).not.toMatch(stackLine)
  })
})
