// pnpm bench:client: how fast the scorecard is drawn in the browser (issue 8, item 4).
//
// Builds nothing: it serves client/dist as it is (run `pnpm build` first). Starts the server
// as `pnpm start` runs it (server/src/main.ts) on a fresh SQLite database in a temporary
// directory, which the server seeds, and drives Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) headless through playwright-core (the test package's copy).
//
// Measures, in the page, the time from the start of navigation (performance.now() counts
// from it) until every area of the scorecard is drawn: the area list comes from the API, and
// the page counts as drawn when each area's card ([data-testid=area-KEY]) is in the document
// with its table's rows (or its "no data" note), and the summary's overall score and league
// table are. The area tables below the first screen are laid out by the browser when scrolled
// near (content-visibility: auto): in the document, not yet painted. Then:
//   warm: 5 loads of / in one browser context after a first, uncounted load (HTTP cache,
//         server and query caches warm), no throttling;
//   cold: 5 loads of /, each in a new context with the cache disabled, on an emulated
//         1.6 Mbps down / 750 kbps up link with 150 ms latency (DevTools protocol).
// Prints the median, minimum and maximum of each, the bytes the cold load transferred, and
// the initial JavaScript gzipped (client/scripts/bundle-size.ts).
//   --runs N      runs of each kind (default 5)
//   --path P      the page to load (default /?year=2023)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openPlatform } from '../src/app.ts'
import { startServerProcess } from '../src/server-process.ts'
import { benchLogin, benchPassword, benchReader } from './reader.ts'

// playwright-core is a dependency of the test package only: loaded from there.
type Playwright = typeof import('../../test/node_modules/playwright-core/index.js')
type Page = import('../../test/node_modules/playwright-core/index.js').Page

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string', default: '5' }, path: { type: 'string', default: '/?year=2023' } },
})
const runs = Number(values.runs)
const path = values.path

if (!existsSync(join(root, 'client', 'dist', 'index.html'))) {
  console.error('client/dist is missing: run `pnpm build` first (bench:client builds nothing)')
  process.exit(2)
}
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromiumPath)) {
  console.error(`Chromium is missing at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`)
  process.exit(2)
}
const { chromium } = createRequire(join(root, 'test', 'package.json'))('playwright-core') as Playwright

const dir = mkdtempSync(join(tmpdir(), 'msp-bench-client-'))
// Seeded first, so the benchmarks' reader can be made before the server starts.
const seeded = await openPlatform(`file:${join(dir, 'bench.db')}`)
const reader = await benchReader(seeded.database.db)
await seeded.close()
const server = await startServerProcess(`file:${join(dir, 'bench.db')}`)
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

/** A browser context signed in as the benchmarks' reader: its pages share the session cookie. */
async function signIn(context: import('../../test/node_modules/playwright-core/index.js').BrowserContext) {
  const answer = await context.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { login } }', variables: { l: benchLogin, p: benchPassword } },
  })
  if (!((await answer.json()) as { data?: { login?: unknown } }).data?.login) throw new Error('the benchmarks reader could not sign in')
}

try {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reader },
    body: JSON.stringify({ query: '{ scorecard(period: { year: 2023 }) { areas { area { key } } } }' }),
  })
  const body = (await response.json()) as { data?: { scorecard: { areas: { area: { key: string } }[] } }; errors?: unknown }
  if (!body.data) throw new Error(`the scorecard query failed: ${JSON.stringify(body.errors)}`)
  const areaKeys = body.data.scorecard.areas.map((a) => a.area.key)

  /** Loads the page and returns the in-page milliseconds from navigation start to every area drawn. */
  const drawn = async (page: Page): Promise<number> => {
    await page.goto(`${server.url}${path}`, { waitUntil: 'commit' })
    const handle = await page.waitForFunction(
      (keys: string[]) => {
        const done = keys.every((key) => {
          const card = document.querySelector(`[data-testid="area-${key}"]`)
          return card !== null && (card.querySelector('tbody tr') !== null || card.querySelector('.ant-empty, [data-testid=empty]') !== null)
        })
        // The summary too: the overall score, and the units ranked (the district has units).
        const summary = document.querySelector('[data-testid=overall-score]') !== null && document.querySelector('[data-testid=league] tbody tr') !== null
        return done && summary ? performance.now() : false
      },
      areaKeys,
      { timeout: 120_000, polling: 'raf' },
    )
    return (await handle.jsonValue()) as number
  }

  // Warm: one context, its HTTP cache kept; the first load warms it and is not counted.
  const warm: number[] = []
  {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    await signIn(context)
    const page = await context.newPage()
    await drawn(page)
    for (let i = 0; i < runs; i++) warm.push(await drawn(page))
    await context.close()
  }

  // Cold: a new context each time, its cache disabled, on the slow link.
  const cold: number[] = []
  const coldBytes: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    await signIn(context)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    let bytes = 0
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength))
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 })
    cold.push(await drawn(page))
    coldBytes.push(bytes)
    await context.close()
  }

  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b)
    const mid = sorted.length / 2
    const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
    return { median, min: sorted[0]!, max: sorted.at(-1)! }
  }
  const ms = (x: number) => `${Math.round(x)} ms`
  console.log(`\nscorecard ${path}, all ${areaKeys.length} areas drawn, from navigation start (headless Chromium, ${runs} runs each)`)
  console.table({
    'warm, no throttling (goal ≤ 1 s)': { median: ms(stats(warm).median), min: ms(stats(warm).min), max: ms(stats(warm).max), runs: warm.map(ms).join(', ') },
    'cold, 1.6 Mbps / 150 ms (goal ≤ 4 s)': { median: ms(stats(cold).median), min: ms(stats(cold).min), max: ms(stats(cold).max), runs: cold.map(ms).join(', ') },
  })
  console.log(`cold load transferred: ${(stats(coldBytes).median / 1024).toFixed(1)} KiB (median, as encoded on the wire)`)
} finally {
  await browser.close()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}

// The JavaScript loaded before the first screen, gzipped, as `pnpm bundle-size` prints it.
spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'client', 'scripts', 'bundle-size.ts')], { stdio: 'inherit' })
