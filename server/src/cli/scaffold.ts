// What `pnpm run new-plugin` writes: a plugin folder (one metric of each kind, unscored), its
// test and README, and the plugin's line in the installation file. Pure functions over text;
// new-plugin.ts does the checking of the disk and the writing.
import { pluginKeyPattern } from '@msp/plugin-sdk'

export class ScaffoldError extends Error {
  override name = 'ScaffoldError'
}

export interface Names {
  key: string
  zh: string
  en: string
}

// Words an `export const` may not be named (a key such as 'new' or 'delete').
const reserved = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval').split(' '),
)

/** 'fishing-ban' → 'fishingBan': the name the plugin is exported and registered by. */
export function camelOf(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** Why a key cannot be a plugin's, or undefined when it can. */
export function keyProblem(key: string): string | undefined {
  if (!pluginKeyPattern.test(key)) return `'${key}' is not a plugin key: use lower-case words joined by '-', such as 'cosmetics' or 'fishing-ban'`
  if (/^[0-9]/.test(camelOf(key)) || reserved.has(camelOf(key))) return `'${key}' cannot name the plugin's export ('${camelOf(key)}' is reserved in JavaScript); choose another key`
  return undefined
}

/**
 * Why an area's name (--zh or --en) cannot go into the files, or undefined when it can: a line
 * break or another control character would end the comment or the heading it is written into.
 */
export function nameProblem(option: '--zh' | '--en', name: string): string | undefined {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return `${option} may not hold a line break or control characters`
  return undefined
}

/** A single-quoted TypeScript string literal. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, ' ')}'`
}

/** plugins/<key>/index.ts: one metric of each kind, none scored, so the area earns nothing yet. */
export function pluginSource({ key, zh, en }: Names): string {
  const k = (metric: string) => quote(`${key}.${metric}`)
  return `// ${zh} (${en}): a supervision area, scaffolded by \`pnpm run new-plugin\`.
// One metric of each kind, none scored: the area shows NO_DATA and earns no points until its
// metrics have \`scoring\`, targets and figures. Rename the metrics to the area's own and follow
// docs/plugins.md for the rest.
import { countMetric, definePlugin } from '@msp/plugin-sdk'

export const ${camelOf(key)} = definePlugin({
  key: ${quote(key)},
  name: { 'zh-CN': ${quote(zh)}, en: ${quote(en)} },
  metrics: [
    // FLOW counts: summed over units and over time; more is better; entered by the stations.
    countMetric(${k('inspections')}, { 'zh-CN': '检查经营主体', en: 'Businesses inspected' }, '家次'),
    countMetric(${k('problems-found')}, { 'zh-CN': '检查发现问题', en: 'Inspections that found problems' }, '家次'),
    countMetric(${k('problems-fixed')}, { 'zh-CN': '问题整改到位', en: 'Problems fixed' }, '家次'),
    // A RATE of two counts: the ratio of their sums, never a mean of rates. Import the counts.
    {
      key: ${k('fix-rate')},
      name: { 'zh-CN': '问题整改率', en: 'Share of problems fixed' },
      unit: '%', kind: 'RATE', direction: 'HIGHER_IS_BETTER',
      numerator: ${k('problems-fixed')}, denominator: ${k('problems-found')},
    },
    // A STOCK: summed over units; over time the latest snapshot counts.
    {
      key: ${k('businesses')},
      name: { 'zh-CN': '监管对象', en: 'Businesses under supervision' },
      unit: '户', kind: 'STOCK', direction: 'HIGHER_IS_BETTER',
    },
    // A RANK: a position, 1 is first; never aggregated.
    {
      key: ${k('city-rank')},
      name: { 'zh-CN': '全市考核排名', en: 'Rank in the city assessment' },
      unit: '名', kind: 'RANK', direction: 'LOWER_IS_BETTER', granularity: 'YEAR',
    },
  ],
  // A figure a report states, quoted so that anyone can check it (docs/plugins.md):
  // reportFigures: [
  //   {
  //     metric: ${k('inspections')}, value: 120, span: 'year2023', stated: '120家次',
  //     quote: '检查经营主体120家次', // a passage that occurs exactly once in the report
  //   },
  // ],
  // A check on imported figures: one metric at most another over the same unit and span (or max: a bound):
  // validation: [
  //   {
  //     metric: ${k('problems-found')}, atMost: ${k('inspections')},
  //     message: { 'zh-CN': '发现问题的检查家次不能多于检查家次', en: 'Inspections that found problems cannot outnumber inspections' },
  //   },
  // ],
})
`
}

/** plugins/<key>/<key>.test.ts: the plugin passes the start-up validator. */
export function testSource({ key }: Names): string {
  const name = camelOf(key)
  return `import { describe, expect, it } from 'vitest'
import { metricKinds } from '@msp/plugin-sdk'
import { ${name} } from './index.ts'
import { problemsOf } from '../testing.ts'

describe('${key} plugin', () => {
  it('passes validation', () => {
    expect(problemsOf(${name})).toEqual([])
  })

  it('has a metric of each kind, each under its key', () => {
    expect(${name}.metrics.every((m) => m.key.startsWith('${key}.'))).toBe(true)
    expect(new Set(${name}.metrics.map((m) => m.kind))).toEqual(new Set(metricKinds))
  })
})
`
}

/** plugins/<key>/README.md: what to edit next. */
export function readmeSource({ key, zh, en }: Names): string {
  return `# ${zh} · ${en}

The \`${key}\` supervision area, scaffolded by \`pnpm run new-plugin\`. It is registered in
\`msp.config.ts\` and shows in the API and the dashboard after a restart (\`pnpm start\`), with
every row \`NO_DATA\` and no points.

What to edit next, in \`index.ts\` (docs/plugins.md goes through each step):

1. **Metrics**: rename the example metrics to the area's own (keys start with \`${key}.\`) and
   delete the ones you do not need. Units are in \`plugins/sdk/units.ts\`.
2. **Scoring**: give the metrics that count \`scoring\` (and the plugin a \`totalWeight\`).
3. **Targets**: defaults the plugin ships, each with a \`reason\` saying it is a default.
4. **Validation**: rules imported figures must keep (the commented example).
5. **Report figures**: figures a report states, quoted (the commented example).

Check it with \`npx vitest run plugins/${key}\` and \`pnpm typecheck\`.
`
}

/** Where the installation file imports its plugins from: the package, or a relative path. */
function importLineFor(config: string, key: string): string {
  const name = camelOf(key)
  if (/from\s+'\.\/plugins\/[^']+\/index\.ts'/.test(config)) return `import { ${name} } from './plugins/${key}/index.ts'`
  return `import { ${name} } from '@msp/plugins/${key}'`
}

/** Whether the installation file already names the plugin, by import path or in its list. */
export function isRegistered(config: string, key: string): boolean {
  return new RegExp(`from\\s+['"](@msp/plugins/${key}|\\./plugins/${key}(/index\\.ts)?)['"]`).test(config)
}

/** Whether the installation file already declares or imports the plugin's export name. */
export function isNameTaken(config: string, name: string): boolean {
  return new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b`).test(config) ||
    new RegExp(`\\bimport\\s*(type\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}`).test(config) ||
    new RegExp(`\\bimport\\s+${name}\\b`).test(config)
}

/** The index of the `]` that closes the `[` at `open`, skipping strings and comments. */
function closingBracket(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]!
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i)
      i = end === -1 ? text.length : end
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end === -1 ? text.length : end + 1
    } else if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++
    } else if (c === '[') depth++
    else if (c === ']' && --depth === 0) return i
  }
  return -1
}

/** `name` added as the last entry of the list between `open` ('[') and `close` (']'). */
function appendEntry(config: string, open: number, close: number, name: string): string {
  const closingLine = config.lastIndexOf('\n', close - 1) + 1
  if (closingLine <= open || config.slice(closingLine, close).trim() !== '') {
    // All on one line: `plugins: [food, drugs]`.
    const before = config.slice(0, close).trimEnd()
    const separator = before.endsWith('[') ? '' : before.endsWith(',') ? ' ' : ', '
    return `${before}${separator}${name}${config.slice(close)}`
  }
  // One entry a line: a new line before the `]`, indented as the last entry, which gets a comma.
  const lines = config.slice(open + 1, closingLine - 1).split('\n')
  const last = lines.findLastIndex((line) => line.trim() !== '' && !line.trim().startsWith('//'))
  let indent = `${/^\s*/.exec(config.slice(closingLine))![0]}  `
  if (last !== -1) {
    const line = lines[last]!
    indent = /^\s*/.exec(line)![0]
    const code = line.replace(/\s*\/\/.*$/, '').trimEnd()
    if (!code.endsWith(',') && !code.endsWith('[')) lines[last] = `${code},${line.slice(code.length)}`
  }
  lines.push(`${indent}${name},`)
  return `${config.slice(0, open + 1)}${lines.join('\n')}\n${config.slice(closingLine)}`
}

/**
 * The installation file with the plugin registered: its import beside the other plugins'
 * and its name at the end of `plugins: [ … ]`. Throws a ScaffoldError saying what was not
 * found when the file is not shaped as expected.
 */
export function registerPlugin(config: string, key: string): string {
  const name = camelOf(key)
  const unrecognised = (what: string) =>
    new ScaffoldError(`the installation file is not shaped as expected (${what}); register the plugin by hand: import ${name} and add it to plugins: [ … ]`)
  const lists = [...config.matchAll(/\bplugins\s*:\s*\[/g)]
  if (lists.length !== 1) throw unrecognised(lists.length === 0 ? "no 'plugins: [' list" : "more than one 'plugins: [' list")
  const open = lists[0]!.index + lists[0]![0].length - 1
  const close = closingBracket(config, open)
  if (close === -1) throw unrecognised("the 'plugins: [' list is not closed")
  const listed = appendEntry(config, open, close, name)

  // The import goes after the last import of a plugin, else after the last import.
  const imports = [...listed.matchAll(/^import\s[\s\S]*?\sfrom\s+'[^']+'[ \t]*;?[ \t]*$/gm)]
  if (imports.length === 0) throw unrecognised('no import lines')
  const ofPlugins = imports.filter((m) => /from\s+'(@msp\/plugins\/|\.\/plugins\/)/.test(m[0]) && !/\/reports(\/index\.ts)?'/.test(m[0]))
  const after = (ofPlugins.length > 0 ? ofPlugins : imports).at(-1)!
  const at = after.index + after[0].length
  return `${listed.slice(0, at)}\n${importLineFor(config, key)}${listed.slice(at)}`
}
