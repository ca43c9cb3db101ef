// Runs the app as `pnpm start` serves it (the server with the built client) on a fresh copy
// of the seeded database, and drives Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { freePort } from '@msp/db'
import { inject } from 'vitest'

export const root = join(import.meta.dirname, '..', '..')
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const browserAvailable = existsSync(chromiumPath)
/** Screenshots of every browser test land here, kept out of git. */
export const screenshotDir = join(root, 'test-results', 'browser')

export interface RunningApp {
  url: string
  stop(): Promise<void>
}

export async function startApp(): Promise<RunningApp> {
  if (!existsSync(join(root, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `pnpm build` (pnpm test does) before the browser tests')
  }
  const dir = mkdtempSync(join(tmpdir(), 'msp-browser-'))
  const file = join(dir, 'app.db')
  copyFileSync(inject('templateDatabase'), file)
  const port = await freePort()
  const server: ChildProcess = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'src', 'main.ts')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${file}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {}
    if (i > 300) throw new Error(`the server did not start in 30 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
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
