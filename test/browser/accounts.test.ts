// The accounts page (issue 9) in Chromium: an administrator opens an account for a station's
// clerk, who signs in with the password shown; disabling it signs the clerk out; a reset
// password works. A LEADER is told the page is for administrators; a clerk sees only their
// own station, even from a link to the district.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testAdminLogin, testClerkLogin, testClerkUnit, testPassword } from '../support/accounts.ts'
import { browserAvailable, launchBrowser, screenshot, screenshotDir, signIn, startApp, type RunningApp } from '../support/browser.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

describe.skipIf(!browserAvailable)('accounts page', () => {
  let app: RunningApp
  let admin: BrowserContext
  const others: BrowserContext[] = []

  beforeAll(async () => {
    app = await startApp()
    admin = await launchBrowser()
    await signIn(admin, app.url, testAdminLogin, testPassword)
  })
  afterAll(async () => {
    for (const context of others) await context.close()
    await admin?.close()
    await app?.stop()
  })

  /** A page in Chinese whose confirmations are answered yes, as an administrator would. */
  const newPage = async (context: BrowserContext) => {
    const page = await context.newPage()
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    page.on('dialog', (dialog) => void dialog.accept())
    return page
  }
  const browser = async () => {
    const context = await launchBrowser()
    others.push(context)
    return context
  }
  const secret = async (page: Page, kind: string) => {
    const box = page.locator(`[data-testid=account-secret][data-kind=${kind}]`)
    await box.waitFor()
    return (await box.locator('[data-testid=account-secret-value]').textContent())!
  }
  const signInByForm = async (page: Page, login: string, password: string) => {
    await page.locator('[data-testid=login]').waitFor()
    await page.locator('[data-testid=login-name]').fill(login)
    await page.locator('[data-testid=login-password]').fill(password)
    await page.locator('[data-testid=login-submit]').click()
  }
  /** axe-core's rules broken on the page as it is now (accessibility.test.ts sees it only as it opens). */
  const violations = async (page: Page) => {
    await page.evaluate(axeSource)
    const results = await page.evaluate(() => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { resultTypes: ['violations'] }))
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }
  /** Nothing wider than the screen: a phone never scrolls sideways. */
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

  it('opens an account for a clerk, who signs in; disabling signs them out; a reset password works', async () => {
    const page = await newPage(admin)
    await page.goto(`${app.url}/?year=2023`)
    await page.locator('[data-testid=accounts-link]').click()
    await page.locator(`tr[data-account="${testClerkLogin}"]`).waitFor()
    expect(await page.locator('h2').first().textContent()).toBe('账号管理')
    // An administrator cannot disable or reset their own account (the server refuses): not offered.
    const own = page.locator(`tr[data-account="${testAdminLogin}"]`)
    expect(await own.locator('th').textContent()).toBe(`${testAdminLogin}本人`)
    expect(await own.locator('[data-testid=account-disable], [data-testid=account-reset]').count()).toBe(0)

    // A clerk's unit is asked for only for a clerk.
    await page.locator('[data-testid=account-role]').selectOption('LEADER')
    expect(await page.locator('[data-testid=account-unit]').count()).toBe(0)
    await page.locator('[data-testid=account-role]').selectOption('REPORTER')
    await page.locator('[data-testid=account-login]').fill('nanhu.wang')
    await page.locator('[data-testid=account-name]').fill('王南湖')
    await page.locator('[data-testid=account-unit]').selectOption(testClerkUnit)
    await page.locator('[data-testid=account-generate]').click()
    const first = await page.locator('[data-testid=account-password]').inputValue()
    expect(first).toMatch(/^[A-Za-z2-9]{18}$/)
    await page.locator('[data-testid=account-create]').click()
    expect(await secret(page, 'madeAccount')).toBe(first)
    const row = page.locator('tr[data-account="nanhu.wang"]')
    await row.waitFor()
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['王南湖', '录入员', '南湖市场监督管理所', '正常']))
    await screenshot(page, 'accounts-admin-1440')

    // The same login again, and a password that is the login: the server's refusals, in Chinese with its message.
    await page.locator('[data-testid=account-login]').fill('nanhu.wang')
    await page.locator('[data-testid=account-name]').fill('重复')
    await page.locator('[data-testid=account-unit]').selectOption(testClerkUnit)
    await page.locator('[data-testid=account-generate]').click()
    await page.locator('[data-testid=account-create]').click()
    const refusal = page.locator('[data-testid=account-form-error]')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-code')).toBe('ALREADY_EXISTS')
    expect(await refusal.textContent()).toBe("该账号已存在login 'nanhu.wang' is taken")
    await page.locator('[data-testid=account-login]').fill('nanhu.li.01')
    await page.locator('[data-testid=account-password]').fill('nanhu.li.01')
    await page.locator('[data-testid=account-create]').click()
    await page.locator('[data-testid=account-form-error][data-code=WEAK_PASSWORD]').waitFor()
    expect(await refusal.textContent()).toContain('密码太弱')
    expect(await refusal.textContent()).toContain('may not be the login')
    // A secret to hand over and a refusal on screen at once: still nothing axe-core objects to.
    expect(await violations(page)).toEqual([])

    // The clerk, in a browser of their own, signs in with the password they were handed.
    const clerk = await newPage(await browser())
    await clerk.goto(`${app.url}/?year=2023`)
    await signInByForm(clerk, 'nanhu.wang', first)
    await clerk.locator(`[data-testid=scorecard][data-org-unit=${testClerkUnit}]`).waitFor()
    expect(await clerk.locator('[data-testid=viewer]').textContent()).toContain('王南湖 · 录入员')

    // Disabled (after a confirmation), the clerk's next page is the sign-in form.
    await row.locator('[data-testid=account-disable]').click()
    await row.locator('[data-testid=account-state]', { hasText: '已停用' }).waitFor()
    await clerk.reload()
    await clerk.locator('[data-testid=login]').waitFor()
    expect(await clerk.locator('[data-testid=scorecard]').count()).toBe(0)

    // Enabled again and given a new password: the old one no longer opens it, the new one does.
    await row.locator('[data-testid=account-enable]').click()
    await row.locator('[data-testid=account-state]', { hasText: '正常' }).waitFor()
    await row.locator('[data-testid=account-reset]').click()
    const second = await secret(page, 'newPassword')
    expect(second).not.toBe(first)
    await signInByForm(clerk, 'nanhu.wang', first)
    expect(await clerk.locator('[data-testid=login-error]').textContent()).toBe('账号或密码错误')
    await signInByForm(clerk, 'nanhu.wang', second)
    await clerk.locator(`[data-testid=scorecard][data-org-unit=${testClerkUnit}]`).waitFor()

    // The clerk makes the handed-over password their own, on their account page.
    await clerk.locator('[data-testid=tokens-link]').click()
    const form = clerk.locator('[data-testid=change-password]')
    await form.waitFor()
    await clerk.locator('[data-testid=password-current]').fill('not the password')
    await clerk.locator('[data-testid=password-next]').fill('wang clerk own password')
    await clerk.locator('[data-testid=password-again]').fill('wang clerk own passwort')
    expect(await form.locator('[role=alert]').textContent()).toBe('两次输入的新密码不一致')
    await clerk.locator('[data-testid=password-again]').fill('wang clerk own password')
    await clerk.locator('[data-testid=password-submit]').click()
    await form.locator('[role=alert]', { hasText: '当前密码不正确' }).waitFor()
    await clerk.locator('[data-testid=password-current]').fill(second)
    await clerk.locator('[data-testid=password-submit]').click()
    await clerk.locator('[data-testid=password-done]').waitFor()
    await screenshot(clerk, 'account-change-password')
    await clerk.locator('[data-testid=logout]').click()
    await signInByForm(clerk, 'nanhu.wang', second)
    expect(await clerk.locator('[data-testid=login-error]').textContent()).toBe('账号或密码错误')
    await signInByForm(clerk, 'nanhu.wang', 'wang clerk own password')
    await clerk.locator(`[data-testid=scorecard][data-org-unit=${testClerkUnit}]`).waitFor()

    // A token for the clerk's scripts, shown once: it answers as the clerk.
    await row.locator('[data-testid=account-token]').click()
    expect(await page.locator('[data-testid=account-token-name]').inputValue()).toBe('脚本查询')
    expect(await violations(page)).toEqual([])
    await page.locator('[data-testid=account-token-create]').click()
    const token = await secret(page, 'newToken')
    const viewer = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { login } }' }) })
    expect(((await viewer.json()) as { data: { viewer: { login: string } } }).data.viewer.login).toBe('nanhu.wang')
    await page.locator('[data-testid=account-secret-dismiss]').click()
    await page.reload()
    await row.waitFor()
    expect(await page.content()).not.toContain(token)

    // A phone: every account a card, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 })
    await row.locator('[data-testid=account-reset]').click()
    await secret(page, 'newPassword')
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await screenshot(page, 'accounts-admin-390')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${app.url}/accounts?lang=en`)
    await row.waitFor()
    expect(await page.locator('h2').first().textContent()).toBe('Accounts')
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Data-entry clerk', 'Nanhu Market Supervision Station', 'Enabled']))
    await screenshot(page, 'accounts-admin-en-1440')
    await page.close()
  })

  it('tells a LEADER the page is for administrators, and offers no link to it', async () => {
    const leader = await browser()
    await signIn(leader, app.url)
    const page = await newPage(leader)
    await page.goto(`${app.url}/?year=2023`)
    await page.locator('[data-testid=scorecard]').waitFor()
    expect(await page.locator('[data-testid=tokens-link]').count()).toBe(1)
    expect(await page.locator('[data-testid=accounts-link]').count()).toBe(0)
    await page.goto(`${app.url}/accounts`)
    expect(await page.locator('[data-testid=accounts-forbidden]').textContent()).toContain('只有系统管理员可以管理账号')
    expect(await page.locator('[data-testid=account-form]').count()).toBe(0)
    expect(await violations(page)).toEqual([])
    await screenshot(page, 'accounts-leader-forbidden')
  })

  it("shows a clerk their own station only, even from a link to the district", async () => {
    const context = await browser()
    await signIn(context, app.url, testClerkLogin, testPassword)
    const page = await newPage(context)
    await page.goto(`${app.url}/?year=2023`)
    await page.locator(`[data-testid=scorecard][data-org-unit=${testClerkUnit}]`).waitFor()
    expect(await page.locator('[data-testid=scorecard-heading]').textContent()).toContain('南湖市场监督管理所')
    expect(await page.locator('[data-testid=accounts-link]').count()).toBe(0)
    const picker = page.locator('[data-testid=org-unit-picker]')
    await page.waitForFunction(() => document.querySelector('[data-testid=org-unit-picker]')?.getAttribute('aria-busy') === 'false')
    expect(await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([testClerkUnit])

    // A colleague's link to the district: the clerk's own station, and why, never the district's
    // figures nor an error with nothing to do.
    await page.goto(`${app.url}/?year=2023&org=wuchang`)
    await page.locator(`[data-testid=scorecard][data-org-unit=${testClerkUnit}]`).waitFor()
    const note = page.locator('[data-testid=out-of-reach]')
    expect(await note.textContent()).toContain('不在您的查看范围内')
    expect(await page.locator('[data-testid=query-error]').count()).toBe(0)
    expect(await picker.inputValue()).toBe(testClerkUnit)
    expect(await violations(page)).toEqual([])
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // The top of the page, where the note is: the whole scorecard is long on a phone.
    await page.screenshot({ path: join(screenshotDir, 'accounts-clerk-out-of-reach-390.png') })
    await note.locator('button').click()
    await note.waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('org')).toBeNull()
  })
})
