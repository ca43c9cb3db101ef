// Runs the app as `pnpm start` serves it (the server with the built client) on a fresh copy
// of the seeded database, and drives Debian's Chromium through playwright-core.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startServerProcess } from '@msp/server/server-process'
import { inject } from 'vitest'
import { testLogin, testPassword } from './accounts.ts'

export const root = join(import.meta.dirname, '..', '..')
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const browserAvailable = existsSync(chromiumPath)
/** Screenshots of every browser test land here, kept out of git. */
export const screenshotDir = join(root, 'test-results', 'browser')

export interface RunningApp {
  url: string
  stop(): Promise<void>
}

/** The app on a copy of the test database; or on the database and with the settings given. */
export async function startApp(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!existsSync(join(root, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `pnpm build` (pnpm test does) before the browser tests')
  }
  let url = options.databaseUrl
  if (!url) {
    const file = join(mkdtempSync(join(tmpdir(), 'msp-browser-')), 'app.db')
    copyFileSync(inject('templateDatabase'), file)
    url = `file:${file}`
  }
  const server = await startServerProcess(url, options.env)
  // A server that dies under a test fails the next page with "connection refused": say why.
  let stopping = false
  server.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`the app server exited during the test (code ${code}, signal ${signal}):\n${server.output().slice(-4000)}`)
  })
  return {
    url: server.url,
    stop: () => {
      stopping = true
      return server.stop()
    },
  }
}

export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'msp-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Signs a browser context in as the test LEADER (support/accounts.ts): its pages share the cookie. */
export async function signIn(context: BrowserContext, appUrl: string, login = testLogin, password = testPassword): Promise<void> {
  const response = await context.request.post(`${appUrl}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { login } }', variables: { l: login, p: password } },
  })
  const body = (await response.json()) as { data?: { login?: { login: string } }; errors?: unknown }
  if (!body.data?.login) throw new Error(`signing in failed: ${JSON.stringify(body.errors)}`)
}
