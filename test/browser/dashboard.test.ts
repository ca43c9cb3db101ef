// The leadership dashboard in Chromium, against the app as `pnpm start` serves it.
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testLogin, testPassword } from '../support/accounts.ts'
import { browserAvailable, launchBrowser, signIn, screenshot, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

const areaNamesZh = ['食品安全', '药品医疗器械安全', '特种设备安全', '价格监管', '长江禁捕', '知识产权']

describe.skipIf(!browserAvailable)('dashboard', () => {
  let app: RunningApp
  let browser: BrowserContext
  let page: Page
  /** What the content security policy refused: the app and GraphiQL must need nothing it forbids. */
  let refused: string[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    await signIn(browser, app.url)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
  beforeEach(async () => {
    page = await browser.newPage()
    refused = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text())
    })
    // Each test starts in Chinese, whatever an earlier test chose.
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
  })
  afterEach(async (context) => {
    expect(refused, 'refused by the content security policy').toEqual([])
    await screenshot(page, context.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase())
    await page.close()
  })

  const scorecard = () => page.locator('[data-testid=scorecard]')
  const row = (metric: string) => page.locator(`tr[data-metric="${metric}"]`)
  const cell = (metric: string, column: number) => row(metric).locator('td').nth(column)
  // The metric's name heads its row (a th); then actual, target, completion, due by now, gap,
  // last year, change, change %, status, points.
  const actualColumn = 0

  it('opens on the scorecard with the six areas in Chinese', async () => {
    // Time to first scorecard render: from navigation until the overall score and the first
    // area are on screen, and until the last area is; once cold (server and cache), once warm.
    const render = async () => {
      const started = Date.now()
      await page.goto(app.url)
      await page.locator('[data-testid^=area-score-]').first().waitFor()
      const first = Date.now() - started
      await page.locator('[data-testid=area-staffing]').waitFor({ state: 'attached' })
      return `${first} ms (all areas ${Date.now() - started} ms)`
    }
    const cold = await render()
    const warm = await render()
    console.log(`time to first scorecard render: ${cold} cold, ${warm} warm`)
    for (const name of areaNamesZh) expect(await page.getByRole('link', { name, exact: true }).isVisible()).toBe(true)
    for (const key of ['food', 'drugs', 'special-equipment', 'prices', 'fishing-ban', 'intellectual-property']) {
      expect(await page.locator(`[data-testid=area-score-${key}]`).textContent()).toMatch(/^得分 [\d.]+ \/ \d+$/)
    }
    expect(await page.locator('[data-testid=area-food] th').first().textContent()).toBe('指标')
    // An area the bureau has not weighted yet is monitored, not scored, folded at the end.
    expect(await page.locator('[data-testid=monitored] [data-testid=area-enforcement] [data-testid=area-heading]').textContent()).toContain('监测（不计分）')
    // Sample values are marked.
    expect(await page.locator('[data-testid=sample-mark]').count()).toBeGreaterThan(0)
  })

  it('asks who you are first, says when a password is wrong, and signs in and out', async () => {
    // A browser of its own: not signed in.
    const other = await launchBrowser()
    try {
      const fresh = await other.newPage()
      await fresh.goto(`${app.url}/?year=2023`)
      await fresh.locator('[data-testid=login]').waitFor()
      expect(await fresh.locator('[data-testid=scorecard]').count()).toBe(0)
      await fresh.locator('[data-testid=login-name]').fill(testLogin)
      await fresh.locator('[data-testid=login-password]').fill('not the password')
      await fresh.locator('[data-testid=login-submit]').click()
      expect(await fresh.locator('[data-testid=login-error]').textContent()).toBe('账号或密码错误')
      await fresh.locator('[data-testid=login-password]').fill(testPassword)
      await fresh.locator('[data-testid=login-submit]').click()
      await fresh.locator('[data-testid=scorecard]').waitFor()
      expect(await fresh.locator('[data-testid=viewer]').textContent()).toContain('测试局领导 · 局领导')
      await screenshot(fresh, 'signed-in')
      await fresh.locator('[data-testid=logout]').click()
      await fresh.locator('[data-testid=login]').waitFor()
    } finally {
      await other.close()
    }
  })

  it('makes an API token, shows it once, and revokes it', async () => {
    await page.goto(`${app.url}/?year=2023`)
    await page.locator('[data-testid=tokens-link]').click()
    await page.locator('[data-testid=tokens]').waitFor()
    await page.locator('[data-testid=token-name]').fill('浏览器测试')
    await page.locator('[data-testid=token-create]').click()
    const secret = (await page.locator('[data-testid=token-secret] code').textContent())!
    expect(secret).toMatch(/^msp_t_[A-Za-z0-9_-]{43}$/)
    // It works as a bearer token, for a script.
    const viewer = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: '{ viewer { login } }' }) })
    expect(((await viewer.json()) as { data: { viewer: { login: string } } }).data.viewer.login).toBe(testLogin)
    const row = page.locator('tr[data-token="浏览器测试"]')
    expect(await row.textContent()).toContain('有效')
    await row.locator('[data-testid=token-revoke]').click()
    await page.locator('tr[data-token="浏览器测试"]', { hasText: '已撤销' }).waitFor()
    // Listed again, the secret is nowhere on the page.
    await page.reload()
    await page.locator('tr[data-token="浏览器测试"]').waitFor()
    expect(await page.content()).not.toContain(secret)
  })

  it('shows a report figure with its sentence on the metric screen', async () => {
    await page.goto(`${app.url}/metrics/fishing-ban.anglers-checked?year=2023`)
    const sentence = page.locator('[data-testid=report-sentence]')
    await sentence.waitFor()
    expect(await sentence.textContent()).toContain('检查垂钓人员1812人次、劝离1358人次')
    expect(await page.locator('[data-testid=report-value]').textContent()).toContain('1,812人次')
    expect(await page.locator('[data-testid=units-total]').textContent()).toBe('各单位数据合计 1,812人次，与报告一致')
    await page.locator('[data-testid=metric-breakdown] tbody tr').first().waitFor()
    expect(await page.locator('[data-testid=metric-breakdown] tbody tr').count()).toBe(14)
  })

  it("shows an area's charts and ranks its units", async () => {
    await page.goto(`${app.url}/areas/fishing-ban?year=2023`)
    await page.locator('[data-testid=area-breakdown] tbody tr').first().waitFor()
    expect(await page.locator('[data-testid=area-breakdown] tbody tr').count()).toBe(14)
    expect(await page.locator('[data-testid=area-breakdown] tbody tr').first().locator('td').first().textContent()).toBe('1')
    const charts = page.locator('[data-testid=metric-charts-fishing-ban\\.anglers-checked] svg')
    await charts.first().waitFor()
    expect(await charts.count()).toBeGreaterThanOrEqual(2)
  })

  it('serves GraphiQL for the committee without reaching any other host', async () => {
    const foreign: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(app.url) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) foreign.push(request.url())
    })
    await page.goto(`${app.url}/graphql`)
    await page.getByText('scorecard(period: { year: 2023 })').first().waitFor({ timeout: 15_000 })
    // It runs its query from the browser session, through the CSRF and content-type checks.
    await page.locator('.graphiql-execute-button').click()
    await page.getByText('"maxScore"').first().waitFor({ timeout: 15_000 })
    expect(foreign).toEqual([])
  })

  it('switches to English', async () => {
    await page.goto(`${app.url}/?year=2023`)
    await scorecard().waitFor()
    await page.locator('[data-testid=language]').getByText('English').click()
    await page.getByRole('link', { name: 'Yangtze fishing ban', exact: true }).waitFor()
    expect(await page.locator('[data-testid=area-food] th').first().textContent()).toBe('Metric')
    expect(page.url()).toContain('lang=en')
    expect(await cell('fishing-ban.anglers-checked', actualColumn).textContent()).toMatch(/person-times/)
  })

  it("reads the engine's statuses, a rank's change in places and a partial year", async () => {
    await page.goto(`${app.url}/?year=2024`)
    await page.locator('[data-testid=scorecard][data-period="2024"]').waitFor()
    expect(await page.locator('[data-testid=data-through]').textContent()).toBe('数据截至2024年6月30日；同比为上年同期（1—6月）')
    const change = cell('food.satisfaction-rank', 6).locator('[data-trend]')
    expect(await change.getAttribute('data-trend')).toBe('WORSE')
    expect(await change.textContent()).toBe('▼ 降2位')
    expect(await cell('food.satisfaction-rank', 7).textContent()).toBe('—')
    // No area reads on track or met while a scored row of it is behind.
    for (const key of ['food', 'drugs', 'special-equipment', 'prices', 'fishing-ban', 'intellectual-property']) {
      const area = page.locator(`[data-testid=area-${key}]`)
      const status = await area.locator('[data-testid=area-heading] [data-status]').getAttribute('data-status')
      if ((await area.locator('tr[data-status=BEHIND]').count()) > 0) expect([key, status]).toEqual([key, 'BEHIND'])
    }
    await page.goto(`${app.url}/?year=2023`)
    await page.locator('[data-testid=scorecard][data-period="2023"]').waitFor()
    expect(await page.locator('[data-testid=data-through]').count()).toBe(0)
  })

  it('changes values and the URL with the period', async () => {
    await page.goto(`${app.url}/?year=2023`)
    await scorecard().waitFor()
    const yearValue = await cell('fishing-ban.anglers-checked', actualColumn).textContent()
    await page.locator('[data-testid=period-mode]').selectOption({ label: '半年' })
    await page.waitForURL(/half=1/)
    await page.locator('[data-testid=scorecard][data-period="2023-H1"]').waitFor()
    const halfValue = await cell('fishing-ban.anglers-checked', actualColumn).textContent()
    expect(halfValue).not.toBe(yearValue)
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023')
  })

  it('opens the same view from a deep link', async () => {
    const link = `${app.url}/?year=2023&half=1&org=station-nanhu`
    await page.goto(link)
    await page.locator('[data-testid=scorecard][data-period="2023-H1"][data-org-unit="station-nanhu"]').waitFor()
    expect(await page.locator('[data-testid=scorecard-heading]').textContent()).toContain('南湖市场监督管理所')
    expect(await page.locator('[data-testid=org-unit-picker]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toContain('南湖市场监督管理所')
    expect(page.url()).toBe(link)
  })

  it('shows a station view that differs from the district', async () => {
    await page.goto(`${app.url}/?year=2023`)
    await scorecard().waitFor()
    const district = await cell('prices.operators-checked', actualColumn).textContent()
    const districtScore = await page.locator('[data-testid=overall-score]').textContent()
    await page.goto(`${app.url}/?year=2023&org=station-ziyang`)
    await page.locator('[data-testid=scorecard][data-org-unit="station-ziyang"]').waitFor()
    const station = await cell('prices.operators-checked', actualColumn).textContent()
    expect(station).not.toBe(district)
    expect(await page.locator('[data-testid=overall-score]').textContent()).not.toBe(districtScore)
  })

  it('prints the scorecard on A4 landscape without its controls', async () => {
    await page.goto(`${app.url}/?year=2023`)
    await scorecard().waitFor()
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('[data-testid=period-picker]').isVisible()).toBe(false)
    expect(await page.locator('[data-testid=area-food] [data-testid=export-csv]').isVisible()).toBe(false)
    expect(await page.locator('[data-testid=overall-score]').isVisible()).toBe(true)
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!
    // A4 landscape is 842 × 595 points.
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595])
    await page.emulateMedia({ media: 'screen' })
  })

  it("exports a table's rows as CSV", async () => {
    await page.goto(`${app.url}/?year=2023`)
    await scorecard().waitFor()
    const downloading = page.waitForEvent('download')
    await page.locator('[data-testid=area-food] [data-testid=export-csv]').click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('food-wuchang-2023.csv')
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
    const lines = text.trim().split(/\r?\n/)
    expect(lines[0]).toBe('指标,单位,实际,目标,完成率,序时进度目标,去年同期,同比增减,同比,状态,得分,来源')
    expect(lines).toHaveLength(1 + 7)
    expect(lines.some((l) => l.startsWith('食品安全事故,起,0,0,'))).toBe(true)
  })
})
