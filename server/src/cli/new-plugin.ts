// pnpm run new-plugin <key> --zh 名称 --en Name [--root DIR]
// Writes plugins/<key>/ (index.ts with a metric of each kind, unscored; a test; a README) and
// registers the plugin in the installation file, msp.config.ts. Everything is checked before
// anything is written: a bad key or name, a key plugins/ already uses (a folder, or a file such
// as testing.ts that '@msp/plugins/<key>' would import instead), a key already registered, and
// nothing is. --root is the installation's directory (default this repository; tests scaffold into a
// scratch copy).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  camelOf, isNameTaken, isRegistered, keyProblem, nameProblem, pluginSource, readmeSource, registerPlugin, ScaffoldError, testSource,
} from './scaffold.ts'

const usage = 'usage: pnpm run new-plugin <key> --zh 名称 --en Name   (key: lower-case words joined by \'-\', e.g. cosmetics)'

function fail(message: string, code = 1): never {
  console.error(`${message}\nnothing was written`)
  process.exit(code)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      zh: { type: 'string' },
      en: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${usage}`, 2)
}
const { positionals, values } = parsed
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (positionals.length !== 1) fail(positionals.length === 0 ? `say which key: ${usage}` : `one key at a time: ${usage}`, 2)
const key = positionals[0]!
const zh = values.zh?.trim()
const en = values.en?.trim()
if (!zh || !en) fail(`name the area in both languages: --zh 名称 --en Name\n${usage}`, 2)
const nameProblems = [nameProblem('--zh', zh), nameProblem('--en', en)].filter((p) => p !== undefined)
if (nameProblems.length) fail(nameProblems.join('\n'), 2)

const problem = keyProblem(key)
if (problem) fail(problem, 2)

// pnpm runs scripts from the workspace root; a relative --root is the user's, from where they stood.
const root = values.root ? resolve(process.env.INIT_CWD ?? process.cwd(), values.root) : join(import.meta.dirname, '..', '..', '..')
const configFile = join(root, 'msp.config.ts')
const folder = join(root, 'plugins', key)
const shown = (path: string) => relative(root, path) || '.'

if (!existsSync(configFile)) fail(`there is no installation file at ${configFile}`)
if (existsSync(folder)) fail(`${shown(folder)} already exists: choose another key, or remove the folder first`)
// A file such as plugins/testing.ts: the package's exports would resolve '@msp/plugins/<key>'
// to it, not to the new folder.
const pluginsDir = join(root, 'plugins')
const file = existsSync(pluginsDir) ? readdirSync(pluginsDir).find((entry) => entry === key || entry.startsWith(`${key}.`)) : undefined
if (file) fail(`${shown(join(pluginsDir, file))} already exists and '@msp/plugins/${key}' would import it, not the new plugin: choose another key`)
const config = readFileSync(configFile, 'utf8')
if (isRegistered(config, key)) fail(`'${key}' is already registered in ${shown(configFile)}: choose another key`)
if (isNameTaken(config, camelOf(key))) fail(`${shown(configFile)} already has a '${camelOf(key)}', the name the plugin would be imported by: choose another key`)

let registered: string
try {
  registered = registerPlugin(config, key)
} catch (error) {
  if (error instanceof ScaffoldError) fail(`${shown(configFile)}: ${error.message}`)
  throw error
}

const names = { key, zh, en }
const files: [string, string][] = [
  [join(folder, 'index.ts'), pluginSource(names)],
  [join(folder, `${key}.test.ts`), testSource(names)],
  [join(folder, 'README.md'), readmeSource(names)],
]
mkdirSync(folder)
for (const [file, text] of files) writeFileSync(file, text, { flag: 'wx' })
writeFileSync(configFile, registered)

for (const [file] of files) console.log(`wrote ${shown(file)}`)
console.log(`registered ${camelOf(key)} in ${shown(configFile)} (last in plugins: [ … ])`)
const next: [string, string][] = [
  ['pnpm start', 'restart: the area is in the API and the dashboard'],
  [`npx vitest run plugins/${key}`, 'its test'],
  ['pnpm typecheck', "the compiler's checks"],
]
const width = Math.max(...next.map(([command]) => command.length)) + 2
console.log(`\nThe area ${zh} (${en}) has a metric of each kind, none scored: it shows NO_DATA and no points.\nNext:`)
for (const [command, why] of next) console.log(`  ${command.padEnd(width)}${why}`)
console.log(`Then edit plugins/${key}/index.ts: docs/plugins.md goes from here to a scored area.`)
