// `pnpm run new-plugin`: what it refuses (writing nothing), and how it registers a plugin in
// installation files of other shapes. What it writes is run end to end by
// plugin-tutorial.test.ts (validator, platform, plugin test, tsc).
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { camelOf, keyProblem, nameProblem, registerPlugin, ScaffoldError } from '@msp/server/cli/scaffold'

const root = join(import.meta.dirname, '..')
const realConfig = readFileSync(join(root, 'msp.config.ts'), 'utf8')

/** Runs the CLI as package.json does, against the installation at `dir`. */
function newPlugin(dir: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'INIT_CWD'))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'src', 'cli', 'new-plugin.ts'), ...args, '--root', dir], {
      cwd: root, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

/** Every file under `dir` with its contents and time: equal before and after means nothing was written. */
function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else files[relative(dir, path)] = `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`
    }
  }
  walk(dir)
  return files
}

describe('pnpm run new-plugin refuses, and writes nothing', () => {
  let dir: string
  beforeEach(() => {
    // An installation: the real installation file and one plugin folder. The CLI only reads
    // and writes text, so nothing here needs to resolve.
    dir = mkdtempSync(join(tmpdir(), 'msp-new-plugin-'))
    copyFileSync(join(root, 'msp.config.ts'), join(dir, 'msp.config.ts'))
    mkdirSync(join(dir, 'plugins', 'food'), { recursive: true })
    writeFileSync(join(dir, 'plugins', 'food', 'index.ts'), 'export {}\n')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const refuses = async (message: string | RegExp, ...args: string[]) => {
    const before = filesOf(dir)
    const run = await newPlugin(dir, ...args)
    expect(run.code, run.output).not.toBe(0)
    expect(run.output).toMatch(message)
    expect(run.output).toContain('nothing was written')
    expect(run.output).not.toMatch(/\n\s+at /) // no stack trace
    expect(filesOf(dir)).toEqual(before)
  }

  it('a key that is not lower-case words joined by -', async () => {
    await refuses("'Cosmetics' is not a plugin key: use lower-case words joined by '-'", 'Cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics')
    await refuses("'cosmetics_safety' is not a plugin key", 'cosmetics_safety', '--zh', '化妆品安全', '--en', 'Cosmetics')
    await refuses("'new' cannot name the plugin's export", 'new', '--zh', '新', '--en', 'New')
  })

  it('an area named in one language only, or no key', async () => {
    await refuses('name the area in both languages: --zh 名称 --en Name', 'cosmetics', '--zh', '化妆品安全')
    await refuses('say which key', '--zh', '化妆品安全', '--en', 'Cosmetics')
  })

  it('an existing folder', async () => {
    await refuses('plugins/food already exists: choose another key', 'food', '--zh', '食品', '--en', 'Food')
  })

  it('a key plugins/ already uses for a file or folder that is not a plugin', async () => {
    // '@msp/plugins/testing' resolves to plugins/testing.ts (the package's exports), not to a folder.
    writeFileSync(join(dir, 'plugins', 'testing.ts'), 'export {}\n')
    await refuses("plugins/testing.ts already exists and '@msp/plugins/testing' would import it, not the new plugin: choose another key",
      'testing', '--zh', '测试', '--en', 'Test')
    mkdirSync(join(dir, 'plugins', 'sdk'))
    await refuses('plugins/sdk already exists: choose another key', 'sdk', '--zh', '开发包', '--en', 'SDK')
  })

  it('a name holding a line break or a control character', async () => {
    await refuses(/^--en may not hold a line break or control characters$/m, 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics\nsafety')
    await refuses(/^--zh may not hold a line break or control characters$/m, 'cosmetics', '--zh', '化妆品\r安全', '--en', 'Cosmetics')
    await refuses('--en may not hold a line break or control characters', 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics\u0007')
  })

  it('a key the installation file already registers, or a name it already uses', async () => {
    // Registered, though its folder is gone.
    writeFileSync(join(dir, 'msp.config.ts'), realConfig.replace("import { staffing } from '@msp/plugins/staffing'", "$&\nimport { cosmetics } from '@msp/plugins/cosmetics'"))
    await refuses("'cosmetics' is already registered in msp.config.ts", 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics')
    // msp.config.ts declares `const stations`.
    await refuses("msp.config.ts already has a 'stations'", 'stations', '--zh', '所', '--en', 'Stations')
  })

  it('an installation file it does not recognise', async () => {
    writeFileSync(join(dir, 'msp.config.ts'), realConfig.replace(/plugins: \[/, 'plugins: list.concat(['))
    await refuses("the installation file is not shaped as expected (no 'plugins: [' list)", 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics')
  })

  it('writes the folder and registers the plugin once', async () => {
    const run = await newPlugin(dir, 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics')
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('wrote plugins/cosmetics/index.ts')
    expect(run.output).toContain('npx vitest run plugins/cosmetics')
    expect(readdirSync(join(dir, 'plugins', 'cosmetics')).sort()).toEqual(['README.md', 'cosmetics.test.ts', 'index.ts'])
    expect(readFileSync(join(dir, 'plugins', 'cosmetics', 'README.md'), 'utf8')).toContain('docs/plugins.md')
    await refuses('plugins/cosmetics already exists', 'cosmetics', '--zh', '化妆品安全', '--en', 'Cosmetics')
  })
})

describe('registerPlugin', () => {
  it('adds the import after the last plugin import and the name last in the list', () => {
    const out = registerPlugin(realConfig, 'cosmetics-safety').split('\n')
    const before = realConfig.split('\n')
    expect(out.filter((l) => !before.includes(l))).toEqual(["import { cosmeticsSafety } from '@msp/plugins/cosmetics-safety'", '    cosmeticsSafety,'])
    const lastPluginImport = before.findLast((l) => l.startsWith('import') && l.includes("from '@msp/plugins/") && !l.includes('/reports'))!
    expect(out[out.indexOf(lastPluginImport) + 1]).toBe("import { cosmeticsSafety } from '@msp/plugins/cosmetics-safety'")
  })

  const config = (list: string, imports = "import { food } from '@msp/plugins/food'") =>
    `import { defineInstallation } from '@msp/plugin-sdk'\n${imports}\n\nexport default defineInstallation({\n  name,\n  plugins: ${list},\n})\n`

  it.each([
    ['[food, drugs]', '[food, drugs, cosmetics]'],
    ['[]', '[cosmetics]'],
    ['[food,]', '[food, cosmetics]'],
    ['[\n    food,\n    drugs\n  ]', '[\n    food,\n    drugs,\n    cosmetics,\n  ]'],
    ['[\n    food, // first\n    drugs // last\n  ]', '[\n    food, // first\n    drugs, // last\n    cosmetics,\n  ]'],
    ["[\n    food,\n    // not yet: ']'\n  ]", "[\n    food,\n    // not yet: ']'\n    cosmetics,\n  ]"],
    ['[\n  ]', '[\n    cosmetics,\n  ]'],
  ])('lists it in plugins: %j', (list, listed) => {
    expect(registerPlugin(config(list), 'cosmetics')).toBe(config(listed, "import { food } from '@msp/plugins/food'\nimport { cosmetics } from '@msp/plugins/cosmetics'"))
  })

  it('imports by relative path where the installation does, and after a multi-line import', () => {
    const relativeImports = "import { food } from './plugins/food/index.ts'"
    expect(registerPlugin(config('[food]', relativeImports), 'cosmetics'))
      .toBe(config('[food, cosmetics]', `${relativeImports}\nimport { cosmetics } from './plugins/cosmetics/index.ts'`))
    const multiLine = "import {\n  food,\n} from '@msp/plugins/food'"
    expect(registerPlugin(config('[food]', multiLine), 'cosmetics'))
      .toBe(config('[food, cosmetics]', `${multiLine}\nimport { cosmetics } from '@msp/plugins/cosmetics'`))
  })

  it('fails, saying why, on a file of another shape', () => {
    expect(() => registerPlugin('export default {}\n', 'cosmetics')).toThrow(ScaffoldError)
    expect(() => registerPlugin('export default {}\n', 'cosmetics')).toThrow("no 'plugins: [' list")
    expect(() => registerPlugin(`${config('[food]')}\nconst other = { plugins: [] }\n`, 'cosmetics')).toThrow("more than one 'plugins: [' list")
    expect(() => registerPlugin('export default { plugins: [food }\n', 'cosmetics')).toThrow('is not closed')
    expect(() => registerPlugin('export default { plugins: [] }\n', 'cosmetics')).toThrow('no import lines')
  })
})

describe('plugin keys', () => {
  it('are lower-case words joined by -, and name the export in camel case', () => {
    expect(keyProblem('fishing-ban')).toBeUndefined()
    expect(camelOf('fishing-ban')).toBe('fishingBan')
    expect(camelOf('law-based-administration')).toBe('lawBasedAdministration')
    for (const bad of ['Food', 'food-', '-food', 'food--safety', 'food safety', '食品', '', '1food']) expect(keyProblem(bad), bad).toBeDefined()
    expect(keyProblem('class')).toContain('reserved')
  })

  it('names may not hold line breaks or control characters', () => {
    expect(nameProblem('--en', 'Cosmetics safety')).toBeUndefined()
    expect(nameProblem('--zh', '化妆品安全')).toBeUndefined()
    for (const bad of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b', 'a\u0000b', 'a\u007fb']) expect(nameProblem('--en', bad), JSON.stringify(bad)).toBe('--en may not hold a line break or control characters')
  })
})
