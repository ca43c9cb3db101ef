// Monthly returns' completeness (issue 10) in Chromium: a clerk saves one value of 南湖's July
// 2024 return; the leader's scorecard for 2024 says how many returns are owed, approved and
// missing, and the completeness page shows 南湖's July being entered and every other return not
// sent; an administrator locks August from the page, is refused an unlock without a reason and
// unlocks with one. Screenshots at 1440 and 390 px, in Chinese and in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testAdminLogin, testClerkLogin, testClerkUnit, testPassword } from '../support/accounts.ts'
import { browserAvailable, launchBrowser, screenshot, signIn, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

describe.skipIf(!browserAvailable)('returns completeness', () => {
  let app: RunningApp
  let leader: BrowserContext
  let admin: BrowserContext

  beforeAll(async () => {
    app = await startApp()
    const clerk = await launchBrowser()
    await signIn(clerk, app.url, testClerkLogin, testPassword)
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const answer = await clerk.request.post(`${app.url}/graphql`, { headers: { 'content-type': 'application/json' }, data: { query, variables } })
      const body = (await answer.json()) as { data?: Record<string, any>; errors?: unknown }
      if (body.errors) throw new Error(JSON.stringify(body.errors))
      return body.data!
    }
    const read = await post(`{ monthlyReturn(orgUnit: "${testClerkUnit}", month: "2024-07") { version values { metric { key } } } }`)
    const first = read.monthlyReturn.values[0].metric.key as string
    await post(
      'mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!) { saveReturn(orgUnit: $u, month: $m, version: $v, values: $values) { state } }',
      { u: testClerkUnit, m: '2024-07', v: read.monthlyReturn.version, values: [{ metric: first, value: 1 }] },
    )
    await clerk.close()
    leader = await launchBrowser()
    await signIn(leader, app.url)
    admin = await launchBrowser()
    await signIn(admin, app.url, testAdminLogin, testPassword)
  }, 120_000)
  afterAll(async () => {
    await leader?.close()
    await admin?.close()
    await app?.stop()
  })

  const open = async (context: BrowserContext, path: string, width = 1440) => {
    const page = await context.newPage()
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    await page.setViewportSize({ width, height: 900 })
    await page.goto(`${app.url}${path}`)
    return page
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  const cell = (page: Page, unit: string, month: string) => page.locator(`[data-cell="${unit}/${month}"]`)

  it('the scorecard for 2024 says how far the returns have come, and links to the page', async () => {
    const page = await open(leader, '/?year=2024')
    const banner = page.locator('[data-testid=returns-banner]')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('2024年7月至12月应报月报84份：已审核0份，待审核0份，填报中1份，未报83份（逾期84份）。本期数据尚未全部审核。')
    await screenshot(page, 'completeness-banner-1440')
    // On paper the line stays, its link does not.
    await page.emulateMedia({ media: 'print' })
    expect(await banner.isVisible()).toBe(true)
    expect(await page.locator('[data-testid=returns-banner-link]').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })
    await page.setViewportSize({ width: 390, height: 800 })
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.locator('[data-testid=returns-banner-link]').click()
    await page.locator('[data-testid=completeness][data-year="2024"]').waitFor()
    await page.close()
  })

  it('an area and a metric say it too, for their unit', async () => {
    const area = await open(leader, '/areas/fishing-ban?year=2024')
    await area.locator('[data-testid=area-screen]').waitFor()
    expect(await area.locator('[data-testid=returns-banner]').textContent()).toContain('2024年7月至12月应报月报84份')
    await area.close()
    const metric = await open(leader, `/metrics/fishing-ban.anglers-checked?year=2024&org=${testClerkUnit}`)
    await metric.locator('[data-testid=metric-screen]').waitFor()
    // The station's own months only.
    expect(await metric.locator('[data-testid=returns-banner]').textContent()).toContain('2024年7月至12月应报月报6份')
    await screenshot(metric, 'completeness-banner-metric-1440')
    await metric.setViewportSize({ width: 390, height: 800 })
    await screenshot(metric, 'completeness-banner-metric-390')
    expect(await overflow(metric)).toBeLessThanOrEqual(0)
    await metric.close()
    const english = await open(leader, '/areas/fishing-ban?year=2024&lang=en')
    await english.locator('[data-testid=area-screen]').waitFor()
    expect(await english.locator('[data-testid=returns-banner]').textContent()).toContain('84 monthly returns owed')
    await screenshot(english, 'completeness-banner-area-en-1440')
    await english.close()
  })

  it('the completeness page shows 南湖 July being entered and the other returns not sent', async () => {
    const page = await open(leader, '/completeness?year=2024')
    await page.locator('[data-testid=completeness-matrix]').waitFor()
    const july = cell(page, testClerkUnit, '2024-07')
    expect(await july.getAttribute('data-state')).toBe('OPEN')
    expect((await july.textContent())!.replace(/\s+/g, '')).toMatch(/^填报中1\/61/)
    expect(await cell(page, testClerkUnit, '2024-08').getAttribute('data-state')).toBe('NONE')
    expect(await cell(page, testClerkUnit, '2024-08').textContent()).toContain('未报')
    expect(await july.getAttribute('href')).toBe(`/returns/${testClerkUnit}/2024-07`)
    expect(await page.locator('[data-testid=completeness-late] li').count()).toBeGreaterThan(0)
    // A leader sees the locks, but no lock button.
    expect(await page.locator('[data-testid=lock-control]').count()).toBe(0)
    await screenshot(page, 'completeness-1440')
    await page.setViewportSize({ width: 390, height: 800 })
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await screenshot(page, 'completeness-390')
    await page.goto(`${app.url}/completeness?year=2024&lang=en`)
    await page.locator('[data-testid=completeness-matrix]').waitFor()
    expect(await july.textContent()).toContain('Entering')
    await page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(page, 'completeness-en-1440')
    await page.close()
  })

  it('an administrator locks August, is refused an unlock without a reason, and unlocks with one', async () => {
    const page = await open(admin, '/completeness?year=2024')
    const header = page.locator('th[data-month="2024-08"]')
    await header.locator('[data-testid=lock]').click()
    await page.locator('th[data-month="2024-08"][data-locked="true"] [data-testid=month-locked]').waitFor()
    await header.locator('[data-testid=unlock]').click()
    await header.locator('[data-testid=unlock-confirm]').click()
    const refusal = header.locator('[data-testid=lock-refusal]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('未解锁')
    await screenshot(page, 'completeness-unlock-refused')
    expect(await header.getAttribute('data-locked')).toBe('true')
    await header.locator('[data-testid=unlock-reason]').fill('南湖所更正7月数据')
    await header.locator('[data-testid=unlock-confirm]').click()
    await page.locator('th[data-month="2024-08"][data-locked="false"]').waitFor()
    expect(await header.locator('[data-testid=month-locked]').count()).toBe(0)
    await page.close()
  })
})
