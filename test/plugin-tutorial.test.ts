// Runs docs/plugins.md, every step, in a scratch installation. How the test reads the doc:
//   ```sh run                      each line is a command; `commands` below says what each does
//   ```sh run fails="TEXT"         the command must fail, its output holding TEXT
//   ```LANG file=PATH              the block is the whole file PATH
//   ```LANG file=PATH replace="T"  the block replaces the one line of PATH containing T;
//                                  with to="U", the lines from it to the next containing U
//   ```LANG file=PATH after="T"    the block goes after the one line containing T
//   ```graphql check=NAME          the query runs on the running platform; checks[NAME] asserts
// Each `##` section with such blocks is one test, in order. Other blocks are prose.
//
// The scratch (.scratch-<random>/ at the repository's root, git-ignored) is inside the
// repository so that '@msp/plugin-sdk', vitest and tsc resolve from its node_modules. It
// mirrors the root: msp.config.ts, tsconfig.base.json, plugins/ (without the SDK, node_modules
// and the plugins' tests) and node_modules/@msp/plugins, a link to its own plugins/ as pnpm
// makes at the root, so '@msp/plugins/<key>' in the copied installation file names the copies.
// It is at the root, not in test/, so test/tsconfig.json and vitest's globs never see it.
// `pnpm start` opens a platform in this process on a copy of the installation as it stands
// (a new path each time: modules are cached by path, as a restarted server would not be).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openPlatform, type Platform } from '@msp/server/app'
import { startServerProcess } from '@msp/server/server-process'
import { addTestAccounts, testLogin } from './support/accounts.ts'
import { browserAvailable, launchBrowser, screenshotDir, signIn } from './support/browser.ts'
import { query, testToday } from './support/platform.ts'

const root = join(import.meta.dirname, '..')
const doc = readFileSync(join(root, 'docs', 'plugins.md'), 'utf8')
const bin = {
  tsx: join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  vitest: join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  tsc: join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
}

interface Block {
  lang: string
  flags: Set<string>
  attrs: Record<string, string>
  body: string
  line: number
}

/** The doc's `##` sections and their marked blocks, in order. */
function sections(markdown: string): { title: string; blocks: Block[] }[] {
  const result: { title: string; blocks: Block[] }[] = []
  for (const match of markdown.matchAll(/^## (.+)$|^```(\S*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    if (match[1]) {
      result.push({ title: match[1], blocks: [] })
      continue
    }
    const attrs: Record<string, string> = {}
    const flags = new Set<string>()
    for (const [, name, quoted, bare, flag] of match[3]!.matchAll(/(\w+)=(?:"([^"]*)"|(\S+))|(\S+)/g)) {
      if (flag) flags.add(flag)
      else attrs[name!] = quoted ?? bare!
    }
    const block = { lang: match[2]!, flags, attrs, body: match[4]!, line: markdown.slice(0, match.index).split('\n').length }
    if (attrs.file || attrs.check || flags.has('run')) result.at(-1)?.blocks.push(block)
  }
  return result.filter((s) => s.blocks.length > 0)
}

/** Copies an installation (msp.config.ts, plugins/) from `from` into `to`, laid out as above. */
function copyInstallation(from: string, to: string) {
  mkdirSync(join(to, 'node_modules', '@msp'), { recursive: true })
  copyFileSync(join(from, 'msp.config.ts'), join(to, 'msp.config.ts'))
  copyFileSync(join(root, 'tsconfig.base.json'), join(to, 'tsconfig.base.json'))
  cpSync(join(from, 'plugins'), join(to, 'plugins'), {
    recursive: true,
    filter: (path) => basename(path) !== 'node_modules' && path !== join(from, 'plugins', 'sdk') && !path.endsWith('.test.ts'),
  })
  symlinkSync(join('..', '..', 'plugins'), join(to, 'node_modules', '@msp', 'plugins'))
  // For tsc: the installation file and every plugin, as `pnpm typecheck` checks them.
  writeFileSync(join(to, 'tsconfig.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['msp.config.ts', 'plugins/**/*.ts'], exclude: ['node_modules'] }))
  // Vitest looks for a config in the parent directories too: this one stops it at the repository's.
  writeFileSync(join(to, 'vitest.config.ts'), "export default { test: { include: ['plugins/**/*.test.ts'] } }\n")
}

/** Runs `node args…` without vitest's own variables; resolves with the exit code and output. */
function runNode(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'INIT_CWD'))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...base, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/** The one line of `lines` holding `text`, from `from` on; fails naming what it looked for. */
function lineOf(lines: string[], text: string, file: string, from = 0, once = true): number {
  const found = lines.flatMap((line, i) => (i >= from && line.includes(text) ? [i] : []))
  if (found.length === 0) throw new Error(`docs/plugins.md: no line of ${file} contains ${JSON.stringify(text)}`)
  if (once && found.length > 1) throw new Error(`docs/plugins.md: ${found.length} lines of ${file} contain ${JSON.stringify(text)}; it must name one`)
  return found[0]!
}

/** The scratch; in it, the installation the doc's commands and snippets work on. */
let scratch = ''
let work = ''
let platform: Platform | undefined
let restarts = 0
/** The database file DATABASE_URL names. */
let database = ''
/** The installation file the running platform loaded; the scaffolded one for the browser test. */
let running = ''
let scaffolded = ''
const checked: string[] = []

beforeAll(() => {
  scratch = mkdtempSync(join(root, '.scratch-'))
  work = join(scratch, 'installation')
  copyInstallation(root, work)
})

afterAll(async () => {
  await platform?.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function restart() {
  expect(database, 'DATABASE_URL is exported before `pnpm start`').not.toBe('')
  await platform?.close()
  const copy = join(scratch, `running-${++restarts}`)
  copyInstallation(work, copy)
  running = join(copy, 'msp.config.ts')
  platform = await openPlatform(`file:${database}`, { config: running, asOf: testToday })
  // The doc's queries run as a signed-in reader, as the doc's reader is in GraphiQL.
  if (!(await platform.database.db.user.findUnique({ where: { login: testLogin } }))) await addTestAccounts(platform.database.db)
}

/** What each command of the doc does here. */
const commands: [RegExp, (m: RegExpMatchArray) => Promise<{ code: number | null; output: string } | void>][] = [
  [/^export DATABASE_URL=file:(\S+)$/, async (m) => {
    database = join(work, m[1]!)
    mkdirSync(dirname(database), { recursive: true })
  }],
  [/^pnpm start$/, () => restart()],
  [/^pnpm run new-plugin (.+)$/, async (m) => {
    const run = await runNode([bin.tsx, join(root, 'server', 'src', 'cli', 'new-plugin.ts'), ...m[1]!.split(/\s+/), '--root', work], root)
    if (run.code === 0) {
      expect(run.output).toContain('wrote plugins/cosmetics/index.ts')
      // Two lines added to the installation file, nothing else changed.
      const config = readFileSync(join(work, 'msp.config.ts'), 'utf8')
      const added = ["import { cosmetics } from '@msp/plugins/cosmetics'\n", '    cosmetics,\n']
      for (const line of added) expect(config).toContain(line)
      expect(added.reduce((text, line) => text.replace(line, ''), config)).toBe(readFileSync(join(root, 'msp.config.ts'), 'utf8'))
    }
    return run
  }],
  [/^pnpm run import (\S+)$/, (m) => runNode([bin.tsx, join(root, 'server', 'src', 'cli', 'import.ts'), m[1]!], work, {
    DATABASE_URL: `file:${database}`, MSP_CONFIG: join(work, 'msp.config.ts'), INIT_CWD: work,
  })],
  [/^npx vitest run (\S+)$/, async (m) => {
    const run = await runNode([bin.vitest, 'run', m[1]!], work)
    expect(run.output).toMatch(/Tests\s+\d+ passed \(\d+\)/)
    return run
  }],
  [/^pnpm typecheck$/, () => runNode([bin.tsc, '-p', join(work, 'tsconfig.json')], work)],
]

async function runCommand(line: string, fails: string | undefined) {
  const handler = commands.find(([pattern]) => pattern.test(line))
  if (!handler) throw new Error(`docs/plugins.md runs a command this test does not know: ${line}`)
  const run = await handler[1](line.match(handler[0])!)
  if (fails !== undefined) {
    expect(run?.code, `${line} must fail`).not.toBe(0)
    expect(run?.output).toContain(fails)
    expect(run?.output).toContain('nothing was written')
  } else if (run) {
    expect(run.code, `${line}:\n${run.output}`).toBe(0)
  }
}

function edit(block: Block) {
  const file = join(work, block.attrs.file!)
  const { replace, to, after } = block.attrs
  const body = block.body.replace(/\n$/, '')
  if (replace === undefined && after === undefined) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, block.body)
    return
  }
  const lines = readFileSync(file, 'utf8').split('\n')
  if (after !== undefined) {
    lines.splice(lineOf(lines, after, block.attrs.file!) + 1, 0, body)
  } else {
    const start = lineOf(lines, replace!, block.attrs.file!)
    const end = to === undefined ? start : lineOf(lines, to, block.attrs.file!, start, false)
    lines.splice(start, end - start + 1, body)
  }
  writeFileSync(file, lines.join('\n'))
}

type Row = { metric: { key: string; kind?: string }; status: string; actual?: number | null; target?: number | null; points?: number | null; [field: string]: unknown }
type AreaScore = { area: { key: string }; score: number | null; maxScore: number | null; rows: Row[] }
const cosmeticsIn = (data: any): AreaScore => data.scorecard.areas.find((a: AreaScore) => a.area.key === 'cosmetics')
const row = (area: AreaScore, key: string) => area.rows.find((r) => r.metric.key === `cosmetics.${key}`)!

/** What each `check=NAME` query must show. */
const checks: Record<string, (data: any) => void> = {
  scaffolded(data) {
    // The copied installation file's plugins are the copies, not the repository's.
    expect(realpathSync(createRequire(running).resolve('@msp/plugins/food'))).toBe(join(dirname(running), 'plugins', 'food', 'index.ts'))
    expect(data.areas.at(-1)).toEqual({ key: 'cosmetics', name: '化妆品安全' })
    const area = cosmeticsIn(data)
    expect(area.rows.map((r) => r.metric.kind).sort()).toEqual(['FLOW', 'FLOW', 'FLOW', 'RANK', 'RATE', 'STOCK'])
    for (const r of area.rows) expect(r, r.metric.key).toMatchObject({ status: 'NO_DATA', actual: null, target: null, points: null })
    expect([area.score, area.maxScore]).toEqual([null, null])
    scaffolded = running
  },
  targets(data) {
    const area = cosmeticsIn(data)
    expect(row(area, 'inspections')).toMatchObject({ status: 'NO_DATA', target: 2400, targetSources: ['SAMPLE'], points: null })
    expect(row(area, 'fix-rate')).toMatchObject({ status: 'NO_DATA', target: 0.9, targetSources: ['SAMPLE'], points: null })
    for (const key of ['inspections', 'fix-rate']) expect(row(area, key).targetReason).toMatch(/^Plugin default: .* until the bureau sets its own$/)
    for (const r of area.rows) expect(r.points, r.metric.key).toBeNull()
    expect([area.score, area.maxScore]).toEqual([null, null])
  },
  scored(data) {
    const area = cosmeticsIn(data)
    expect(row(area, 'inspections')).toMatchObject({ actual: 2160, target: 2400, completion: 0.9, points: 5.4, maxPoints: 6, actualSources: ['IMPORTED'] })
    expect(row(area, 'fix-rate')).toMatchObject({ status: 'MET', points: 4, maxPoints: 4 })
    expect(row(area, 'fix-rate').actual).toBeCloseTo(205 / 221, 4)
    expect(row(area, 'problems-found').actual).toBe(221)
    for (const key of ['businesses', 'city-rank']) expect(row(area, key).status).toBe('NO_DATA')
    expect([area.score, area.maxScore]).toEqual([9.4, 10])
  },
  quoted(data) {
    expect(data.metric.value).toBe(2160)
    expect(data.metric.figures).toEqual([expect.objectContaining({ value: 2160, periodStart: '2023-01-01', periodEnd: '2023-12-31' })])
    const { provenance } = data.metric.figures[0]
    expect(provenance.report).toContain('教程示例')
    expect(provenance.stated).toBe('2160家次')
    expect(provenance.sentence).toBe('2023年，全区检查化妆品经营主体2160家次，发现问题221家次，整改到位205家次。')
    // The example report's checksum is its text's.
    const report = JSON.parse(readFileSync(join(work, 'plugins', 'reports', 'cosmetics-example-2023.json'), 'utf8'))
    expect(createHash('sha256').update(report.lines.join('\n')).digest('hex')).toBe(report.sha256)
  },
}

describe('docs/plugins.md, step by step', () => {
  it('runs the scaffold as package.json does', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
    expect(scripts['new-plugin']).toBe('tsx server/src/cli/new-plugin.ts')
    expect(scripts.import).toBe('tsx server/src/cli/import.ts')
  })

  for (const section of sections(doc)) {
    it(section.title, async () => {
      for (const block of section.blocks) {
        if (block.attrs.file) edit(block)
        else if (block.attrs.check) {
          const check = checks[block.attrs.check]
          if (!check) throw new Error(`docs/plugins.md line ${block.line}: no check named ${block.attrs.check}`)
          expect(platform, `docs/plugins.md line ${block.line}: a query before \`pnpm start\``).toBeDefined()
          const result = await query(platform!, block.body)
          expect(result.errors, `docs/plugins.md line ${block.line}`).toBeUndefined()
          check(result.data)
          checked.push(block.attrs.check)
        } else {
          for (const line of block.body.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
            await runCommand(line, block.attrs.fails)
          }
        }
      }
    }, 120_000)
  }

  it('made every check, once', () => {
    expect(checked).toEqual(Object.keys(checks))
  })

  // The dashboard lists the areas the API gives it: the scaffolded area is there, unscored.
  it.skipIf(!browserAvailable || !existsSync(join(root, 'client', 'dist', 'index.html')))('shows the scaffolded area in the dashboard', async () => {
    expect(scaffolded, 'the scaffold step ran').not.toBe('')
    // A restart on a database in use (the seeded test database): the catalogue gains the area.
    copyFileSync(inject('templateDatabase'), join(scratch, 'browser.db'))
    // No query threads: the area list does not depend on them, and they take seconds to start.
    const server = await startServerProcess(`file:${join(scratch, 'browser.db')}`, { MSP_CONFIG: scaffolded, MSP_WORKERS: '0' })
    const browser = await launchBrowser()
    try {
      await signIn(browser, server.url)
      const page = await browser.newPage()
      await page.goto(`${server.url}/?year=2023`)
      // An area without scored metrics is monitored: folded at the end of the scorecard.
      await page.locator('[data-testid=monitored] > summary').click()
      const card = page.locator('[data-testid=area-cosmetics]')
      await card.waitFor()
      expect(await card.locator('[data-testid=area-heading]').textContent()).toContain('化妆品安全')
      expect(await page.locator('[data-testid=area-score-cosmetics]').textContent()).toBe('无可计分指标')
      // Every row of the area, each with no data.
      expect(await card.locator('tr[data-metric^="cosmetics."]').count()).toBe(6)
      expect(await card.locator('tr[data-metric^="cosmetics."]', { hasText: '无数据' }).count()).toBe(6)
      mkdirSync(screenshotDir, { recursive: true })
      await card.screenshot({ path: join(screenshotDir, 'plugin-tutorial-scaffolded-area.png') })
    } finally {
      await browser.close()
      await server.stop()
    }
  }, 120_000)
})

// The scratch is never left in git's way, nor named outside the repository.
it('keeps the scratch inside the repository and ignored', () => {
  expect(relative(root, scratch)).toMatch(/^\.scratch-/)
  expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^\/\.scratch-\*\/$/m)
})
