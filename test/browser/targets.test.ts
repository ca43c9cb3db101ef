// The leaders' target editor (issue 10) in Chromium: a leader opens 2024's targets, sees the
// samples marked, pastes a column from Excel, is refused saving without a reason, gives
// reasons and saves; the cells then read "entered", the units' sum stands beside the
// district's with the difference flagged, a rate over 100% and a count with a fraction are
// refused beside their rows, and the scorecard shows the new target with its reason. A
// committee member reads the same page without inputs; a clerk is told it is not theirs. At
// 390 px only the table scrolls sideways. Screenshots in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testAdminLogin, testClerkLogin, testPassword } from '../support/accounts.ts'
import { join } from 'node:path'
import { browserAvailable, launchBrowser, screenshot, screenshotDir, signIn, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

describe.skipIf(!browserAvailable)('target editor', () => {
  let app: RunningApp
  let leader: BrowserContext
  let member: BrowserContext
  const memberLogin = 'test.member'

  beforeAll(async () => {
    app = await startApp()
    // A standing-committee member, made as an administrator makes one.
    const admin = await launchBrowser()
    await signIn(admin, app.url, testAdminLogin, testPassword)
    const made = await admin.request.post(`${app.url}/graphql`, {
      headers: { 'content-type': 'application/json' },
      data: { query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { login } }', variables: { i: { login: memberLogin, name: '测试常委', password: testPassword, role: 'COMMITTEE' } } },
    })
    expect(((await made.json()) as { errors?: unknown }).errors).toBeUndefined()
    await admin.close()
    leader = await launchBrowser()
    await signIn(leader, app.url)
    member = await launchBrowser()
    await signIn(member, app.url, memberLogin, testPassword)
  }, 120_000)
  afterAll(async () => {
    await leader?.close()
    await member?.close()
    await app?.stop()
  })

  const open = async (context: BrowserContext, path: string, width = 1440) => {
    const page = await context.newPage()
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    await page.setViewportSize({ width, height: 900 })
    const errors: string[] = []
    page.on('console', (m) => errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${app.url}${path}`)
    await page.locator('[data-testid=targets][aria-busy=false] [data-testid=targets-grid]').waitFor({ timeout: 15_000 }).catch(async (e: unknown) => {
      await screenshot(page, 'targets-failed')
      throw new Error(`${String(e)}\n${errors.join('\n')}`)
    })
    return page
  }
  const row = (page: Page, metric: string) => page.locator(`.targets-grid tr[data-metric="${metric}"]`)
  const cell = (page: Page, metric: string, column: number) => row(page, metric).locator(`td[data-col="${column}"]`)
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  const paste = (page: Page, metric: string, column: number, text: string) =>
    cell(page, metric, column).locator('input').evaluate((input, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  /** The whole page, and what shows without scrolling: what a leader sees first. */
  const shot = async (page: Page, name: string) => {
    await screenshot(page, name)
    await page.screenshot({ path: join(screenshotDir, `${name}-top.png`) })
  }
  const message = async (page: Page, kind: string) => {
    const box = page.locator(`[data-testid=targets-message][data-kind=${kind}]`)
    await box.waitFor()
    return (await box.textContent())!
  }

  it('a leader pastes a column, is asked for reasons, saves, and sees the sum beside the district', async () => {
    const page = await open(leader, '/targets?year=2024')
    expect(await page.locator('[data-testid=targets-link]').count()).toBe(1)
    // The samples are marked as samples, the district's and each station's.
    expect(await cell(page, 'drugs.dealer-inspections', 0).getAttribute('data-source')).toBe('SAMPLE')
    expect(await cell(page, 'drugs.dealer-inspections', 0).locator('[data-testid=sample-mark]').textContent()).toBe('样例')
    expect(await cell(page, 'drugs.dealer-inspections', 3).locator('[data-testid=sample-mark]').count()).toBe(1)
    // The offices do not measure a station's metric: no input there.
    expect(await cell(page, 'drugs.dealer-inspections', 1).count()).toBe(0)
    await shot(page, 'targets-1440')

    // Two district targets copied from a column in Excel, Chinese thousands separators and all.
    await paste(page, 'drugs.dealer-inspections', 0, '4,500\r\n2,800\r\n')
    expect(await message(page, 'pasted')).toBe('已粘贴2个数值')
    expect(await cell(page, 'drugs.adverse-reaction-reports', 0).locator('input').inputValue()).toBe('2,800')
    expect(await row(page, 'drugs.dealer-inspections').getAttribute('data-changed')).toBe('true')
    // Typed: a station's target, Tab onwards, and a rate as a percentage with Enter moving down.
    const ziyang = cell(page, 'drugs.dealer-inspections', 8)
    await ziyang.locator('input').fill('400')
    await ziyang.locator('input').press('Enter')
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-metric'))).toBe('drugs.adverse-reaction-reports')
    expect(await page.locator('[data-testid=targets-changed]').textContent()).toBe('已修改2项指标')

    // Saving without a reason: refused here, each row saying so, nothing sent.
    await page.locator('[data-testid=targets-save]').click()
    expect(await message(page, 'refused')).toContain('2项改动的指标还缺理由')
    expect(await row(page, 'drugs.dealer-inspections').locator('[data-testid=row-problem]').textContent()).toBe('请填写调整理由')
    await shot(page, 'targets-no-reason')

    // One reason for the batch, another for one metric.
    await page.locator('[data-testid=batch-reason]').fill('区局2024年工作要点')
    await row(page, 'drugs.adverse-reaction-reports').locator('[data-testid=row-reason]').fill('省局下达任务')
    await page.locator('[data-testid=targets-save]').click()
    expect(await message(page, 'saved')).toContain('已保存3个目标')
    expect(await page.locator('[data-testid=split-warnings] li').first().textContent()).toMatch(/^药械经营企业检查：13个单位的目标合计\d+，与全区目标4500不符$/)
    await cell(page, 'drugs.dealer-inspections', 0).locator('[data-testid=source-mark]').waitFor()
    expect(await cell(page, 'drugs.dealer-inspections', 0).getAttribute('data-source')).toBe('ENTERED')
    expect(await cell(page, 'drugs.dealer-inspections', 0).getAttribute('title')).toBe('录入：区局2024年工作要点')
    expect(await cell(page, 'drugs.adverse-reaction-reports', 0).getAttribute('title')).toBe('录入：省局下达任务')
    expect(await ziyang.getAttribute('data-source')).toBe('ENTERED')
    // The units' sum beside the district's, the difference said in words.
    const sum = row(page, 'drugs.dealer-inspections').locator('[data-testid=unit-sum]')
    expect(await sum.getAttribute('data-differs')).toBe('true')
    expect(await sum.textContent()).toMatch(/13个单位，比全区少\d+家次/)
    expect(await page.locator('[data-testid=targets-changed]').textContent()).toBe('尚未修改')
    await shot(page, 'targets-saved')

    // A rate typed past 100%: said here, in percentages; a count with a fraction: the server
    // refuses it, beside its row, and sets nothing.
    await cell(page, 'food.daily-control-rate', 0).locator('input').fill('150')
    await row(page, 'food.daily-control-rate').locator('[data-testid=row-reason]').fill('试一试')
    await page.locator('[data-testid=targets-save]').click()
    expect(await message(page, 'refused')).toBe('1项指标需要更正，未保存。')
    expect(await row(page, 'food.daily-control-rate').locator('[data-testid=row-problem]').textContent()).toBe('比率应在0%到100%之间')
    await cell(page, 'food.daily-control-rate', 0).locator('input').fill('98%')
    await cell(page, 'drugs.cases-filed', 0).locator('input').fill('40.5')
    await row(page, 'drugs.cases-filed').locator('[data-testid=row-reason]').fill('案件目标')
    await page.locator('[data-testid=targets-save]').click()
    // The refusal here stands until the server's replaces it.
    await page.locator('[data-testid=targets-message][data-kind=refused]', { hasText: '有1处需要更正，未设定任何目标' }).waitFor()
    expect(await row(page, 'drugs.cases-filed').locator('[data-testid=row-problem]').textContent()).toBe('药械立案：应为整数（家次），不是40.5')
    expect(await row(page, 'food.daily-control-rate').locator('[data-testid=row-problem]').count()).toBe(0)
    await shot(page, 'targets-refused')
    await page.locator('[data-testid=targets-discard]').click()

    // The scorecard: the new target, its reason on it.
    await page.goto(`${app.url}/?year=2024`)
    const target = page.locator('tr[data-metric="drugs.dealer-inspections"] td').nth(1)
    await target.waitFor()
    expect(await target.textContent()).toContain('4,500家次')
    expect(await target.locator('[title]').first().getAttribute('title')).toBe('区局2024年工作要点')
    await page.close()
  })

  it('a committee member reads the targets without inputs', async () => {
    const page = await open(member, '/targets?year=2024')
    await page.locator('[data-testid=targets-read-only]').waitFor()
    expect(await page.locator('[data-testid=targets-link]').count()).toBe(0)
    expect(await page.locator('[data-testid=target-input]').count()).toBe(0)
    expect(await page.locator('[data-testid=targets-save]').count()).toBe(0)
    expect(await cell(page, 'drugs.dealer-inspections', 0).textContent()).toContain('4,500家次')
    await shot(page, 'targets-committee')
    await page.close()
    // A clerk is told the page is not theirs, in words, not by the server's refusal.
    const clerk = await launchBrowser()
    await signIn(clerk, app.url, testClerkLogin, testPassword)
    const theirs = await clerk.newPage()
    await theirs.goto(`${app.url}/targets?year=2024`)
    await theirs.locator('[data-testid=targets-forbidden]').waitFor()
    expect(await theirs.locator('[data-testid=targets-grid]').count()).toBe(0)
    await clerk.close()
  })

  it('on a 390 px phone only the table scrolls sideways, in Chinese and in English', async () => {
    const page = await open(leader, '/targets?year=2024', 390)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    const box = page.locator('[data-testid=targets-scroll]')
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true)
    await shot(page, 'targets-390')
    await page.goto(`${app.url}/targets?year=2024&lang=en`)
    await page.locator('[data-testid=targets][aria-busy=false] [data-testid=targets-grid]').waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1440, height: 900 })
    expect(await page.locator('h2').first().textContent()).toBe('Targets for 2024')
    await shot(page, 'targets-en-1440')
    await page.close()
  })
})
