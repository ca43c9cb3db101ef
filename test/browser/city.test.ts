// The generated city in Chromium (issue 11): a leader opens the city's 2023 scorecard and sees
// its districts ranked on 100, best first, Wuchang among them and the invented ones marked as
// samples; a district's row opens that district's scorecard with its own units ranked.
// Screenshots at 1440 and 390 px land in test-results/browser.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import { openDatabase } from '@msp/db'
import { generateCity } from '../../server/scale/generate-city.ts'
import { addTestAccounts } from '../support/accounts.ts'
import { browserAvailable, launchBrowser, root, screenshot, signIn, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

describe.skipIf(!browserAvailable)('a city of districts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-city-browser-'))
  let app: RunningApp
  let browser: BrowserContext

  beforeAll(async () => {
    const url = `file:${join(dir, 'city.db')}`
    await generateCity(url, { districts: 3, years: 4 })
    const database = await openDatabase(url, { migrate: false })
    await addTestAccounts(database.db)
    await database.close()
    app = await startApp({ databaseUrl: url, env: { MSP_CONFIG: join(root, 'server', 'scale', 'city.config.ts') } })
    browser = await launchBrowser()
    await signIn(browser, app.url)
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  for (const width of [1440, 390]) {
    it(`ranks the city's districts, best first, and opens a district's own league (${width} px)`, async () => {
      const page = await browser.newPage()
      try {
        await page.setViewportSize({ width, height: width < 600 ? 844 : 900 })
        await page.goto(`${app.url}/?year=2023`)
        await page.locator('[data-testid=scorecard][data-org-unit="city"]').waitFor()
        // Titled after the city's installation, not after Wuchang.
        expect(await page.locator('[data-testid=app-title]').textContent()).toBe('示例市市场监管绩效评价（样例）')
        expect(await page.title()).toBe('示例市市场监管绩效评价（样例）')
        const rows = page.locator('[data-testid=league] tbody tr')
        await rows.first().waitFor()
        expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-org-unit')).sort())).toEqual(['district-002', 'district-003', 'wuchang'])
        const scores = (await page.locator('[data-testid=league] [data-testid=league-score]').allTextContents()).map(Number)
        expect(scores.every((s) => s > 0 && s <= 100)).toBe(true)
        expect(scores).toEqual([...scores].sort((a, b) => b - a))
        expect(await page.locator('[data-testid=league] tbody tr td:first-child').allTextContents()).toEqual(['1', '2', '3'])
        // Every district's numbers but Wuchang's report are samples, and the ranking says so.
        expect(await page.locator('[data-testid=league] h3').textContent()).toMatch(/样例/)
        expect(await page.locator('[data-testid=league] tbody').textContent()).toContain('武昌区市场监督管理局')
        await screenshot(page, `city-scorecard-${width}`)

        await page.locator('[data-testid=league] tr[data-org-unit="district-002"] a').first().click()
        await page.locator('[data-testid=scorecard][data-org-unit="district-002"]').waitFor()
        await page.locator('[data-testid=league] tbody tr').first().waitFor()
        expect(await page.locator('[data-testid=league] tbody tr').count()).toBe(14)
        if (width < 600) {
          // Nothing wider than the phone's screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        }
      } finally {
        await page.close()
      }
    })
  }
})
