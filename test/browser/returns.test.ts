// The monthly return (issue 10) in Chromium: a clerk enters July 2024 for 南湖 by keyboard and
// by pasting a column from Excel, is refused a bad value beside its row, submits; a leader
// sends it back with a reason, the clerk resubmits, the leader approves, and the scorecard
// shows the value. Two pages of one return: the second save is told of the conflict. A locked
// month reads only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { testAdminLogin, testClerkLogin, testClerkUnit, testLogin, testPassword } from '../support/accounts.ts'
import { join } from 'node:path'
import { browserAvailable, launchBrowser, screenshot, screenshotDir, signIn, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

interface Row { metric: { key: string; kind: string; unit: string }; lastMonth: number | null }

describe.skipIf(!browserAvailable)('monthly return', () => {
  let app: RunningApp
  let clerk: BrowserContext
  let leader: BrowserContext
  let rows: Row[]
  const month = '2024-07'
  const returnUrl = (m = month) => `${app.url}/returns/${testClerkUnit}/${m}`

  beforeAll(async () => {
    app = await startApp()
    clerk = await launchBrowser()
    await signIn(clerk, app.url, testClerkLogin, testPassword)
    leader = await launchBrowser()
    await signIn(leader, app.url, testLogin, testPassword)
    const answer = await clerk.request.post(`${app.url}/graphql`, {
      headers: { 'content-type': 'application/json' },
      data: { query: `{ monthlyReturn(orgUnit: "${testClerkUnit}", month: "${month}") { values { metric { key kind unit } lastMonth } } }` },
    })
    rows = ((await answer.json()) as { data: { monthlyReturn: { values: Row[] } } }).data.monthlyReturn.values
  }, 120_000)
  afterAll(async () => {
    await clerk?.close()
    await leader?.close()
    await app?.stop()
  })

  const newPage = async (context: BrowserContext) => {
    const page = await context.newPage()
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    return page
  }
  /** Last month's value as a clerk types it: a rate as a percentage, 0 where there is none. */
  const typed = (row: Row) => {
    const value = row.lastMonth ?? 0
    return String(row.metric.kind === 'RATE' || row.metric.unit === '%' ? Number((value * 100).toFixed(8)) : value)
  }
  const inputs = (page: Page) => page.locator('[data-testid=return-input]')
  const row = (page: Page, key: string) => page.locator(`.return-row[data-metric="${key}"]`)
  const ready = (page: Page, state?: string) => page.locator(`[data-testid=return]${state ? `[data-state=${state}]` : ''}`).waitFor()
  const outcome = async (page: Page, code: string) => {
    const box = page.locator(`[data-testid=return-outcome][data-code=${code}]`)
    await box.waitFor()
    return (await box.textContent())!
  }
  /** Waits for the return to reach a state, or says what the screen refused. */
  const reaches = async (page: Page, state: string) => {
    await page.locator(`[data-testid=return][data-state=${state}], [data-testid=return-outcome]:not([data-code=OK])`).first().waitFor().catch(async (e: unknown) => {
      await screenshot(page, `return-failed-${state}`)
      throw e
    })
    const refusal = page.locator('[data-testid=return-outcome]:not([data-code=OK])')
    if (await refusal.count()) throw new Error(`refused: ${await refusal.textContent()}`)
  }
  /** What the screen shows without scrolling, beside the whole page: what a clerk sees first. */
  const shot = async (page: Page, name: string) => {
    await screenshot(page, name)
    await page.screenshot({ path: join(screenshotDir, `${name}-top.png`) })
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  const paste = (page: Page, index: number, text: string) =>
    inputs(page).nth(index).evaluate((input, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)

  it('the clerk types, pastes a column, is refused a bad value beside its row, and submits', async () => {
    const page = await newPage(clerk)
    await page.goto(`${app.url}/`)
    await page.locator('[data-testid=returns-link]').click()
    await ready(page, 'OPEN')
    expect(page.url()).toBe(returnUrl())
    expect(await inputs(page).count()).toBe(rows.length)

    // Keyboard: type, Enter to the next value, Tab to the one after.
    await inputs(page).first().focus()
    await page.keyboard.type(typed(rows[0]!))
    await page.keyboard.press('Enter')
    expect(await inputs(page).nth(1).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(typed(rows[1]!))
    await page.keyboard.press('Tab')
    expect(await inputs(page).nth(2).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(typed(rows[2]!))

    // A column of 10 from Excel (thousands separators, its last newline) fills the first input and the 9 below.
    const column = rows.slice(0, 10).map((r, i) => (i === 3 && (r.lastMonth ?? 0) >= 1000 ? (r.lastMonth ?? 0).toLocaleString('en-US') : typed(r)))
    await paste(page, 0, `${column.join('\r\n')}\r\n`)
    expect(await page.locator('[data-testid=return-pasted]').textContent()).toContain('已粘贴10个数值')
    for (let i = 0; i < 10; i++) expect(await inputs(page).nth(i).inputValue()).toBe(column[i])
    expect(await inputs(page).nth(10).inputValue()).toBe('')
    await shot(page, 'return-clerk-pasted-1440')

    await page.locator('[data-testid=return-save]').click()
    expect(await outcome(page, 'OK')).toContain('草稿已保存')
    await page.locator('[data-testid=return][data-version="1"]').waitFor()

    // A count of 12.5 is refused beside its row; nothing is saved.
    const count = rows.find((r, i) => i >= 10 && r.metric.kind === 'FLOW' && r.metric.unit !== '元')!
    await row(page, count.metric.key).locator('[data-testid=return-input]').fill('12.5')
    // Checked as typed (checkReturn), before any save.
    await row(page, count.metric.key).locator('[data-testid=return-problem]').waitFor()
    expect(await row(page, count.metric.key).locator('[data-testid=return-problem]').textContent()).toContain('整数')
    // A value far from the station's usual months is questioned as typed too; typed back, it is not.
    const busiest = [...rows].filter((r) => r.metric.kind === 'FLOW').sort((a, b) => (b.lastMonth ?? 0) - (a.lastMonth ?? 0))[0]!
    const busiestInput = row(page, busiest.metric.key).locator('[data-testid=return-input]')
    await busiestInput.fill(String((busiest.lastMonth ?? 0) * 40))
    await row(page, busiest.metric.key).locator('[data-testid=return-warning]').waitFor()
    expect(await row(page, busiest.metric.key).locator('[data-testid=return-note]').count()).toBe(1)
    await row(page, busiest.metric.key).screenshot({ path: join(screenshotDir, 'return-clerk-warned-as-typed-1440.png') })
    await row(page, count.metric.key).screenshot({ path: join(screenshotDir, 'return-clerk-refused-as-typed-1440.png') })
    await busiestInput.fill(typed(busiest))
    await row(page, busiest.metric.key).locator('[data-testid=return-warning]').waitFor({ state: 'detached' })
    expect(await page.locator('[data-testid=return]').getAttribute('data-version')).toBe('1')
    await page.locator('[data-testid=return-save]').click()
    expect(await outcome(page, 'BAD_INPUT')).toContain('未保存任何内容')
    expect(await row(page, count.metric.key).locator('[data-testid=return-problem]').textContent()).toContain('整数')
    expect(await page.locator('[data-testid=return]').getAttribute('data-version')).toBe('1')
    await shot(page, 'return-clerk-refused-1440')

    // The rest as last month; saved, the server questions odd values: each gets a note.
    for (let i = 10; i < rows.length; i++) await inputs(page).nth(i).fill(typed(rows[i]!))
    await page.locator('[data-testid=return-save]').click()
    await page.locator('[data-testid=return][data-version="2"]').waitFor()
    const notes = page.locator('.return-row:has([data-testid=return-warning]) [data-testid=return-note]')
    for (let i = 0; i < (await notes.count()); i++) await notes.nth(i).fill('已核实')
    await page.locator('[data-testid=return-submit]').click()
    await reaches(page, 'SUBMITTED')
    expect(await outcome(page, 'OK')).toContain('已报送')
    expect(await inputs(page).first().getAttribute('readonly')).not.toBeNull()
    await shot(page, 'return-clerk-submitted-1440')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'return-clerk-submitted-390')
    await page.close()
  })

  it('the leader sends it back with a reason; the clerk sees it, edits and resubmits; the leader approves', async () => {
    const lead = await newPage(leader)
    await lead.goto(`${app.url}/`)
    expect(await lead.locator('[data-testid=approvals-count]').textContent()).toBe('1')
    await lead.locator('[data-testid=approvals-link]').click()
    const queued = lead.locator(`tr[data-return="${testClerkUnit}/${month}"]`)
    await queued.waitFor()
    await shot(lead, 'approvals-leader-1440')
    await queued.locator('[data-testid=approvals-open]').click()
    await ready(lead, 'SUBMITTED')
    expect(await inputs(lead).first().getAttribute('readonly')).not.toBeNull()
    await lead.locator('[data-testid=return-reject]').click()
    await lead.locator('[data-testid=return-reject-reason]').fill('检查垂钓人员数偏低，请核对')
    await lead.locator('[data-testid=return-reject-send]').click()
    await ready(lead, 'REJECTED')

    const page = await newPage(clerk)
    await page.goto(returnUrl())
    await ready(page, 'REJECTED')
    expect(await page.locator('[data-testid=return-rejected]').textContent()).toContain('检查垂钓人员数偏低，请核对')
    await shot(page, 'return-clerk-rejected-1440')
    const anglers = row(page, 'fishing-ban.anglers-checked')
    await anglers.locator('[data-testid=return-input]').fill('4,321')
    await page.locator('[data-testid=return-save]').click()
    await page.locator('[data-testid=return-outcome][data-code=OK]').waitFor()
    // A value far from the usual asks for a note before it can go.
    if (await anglers.locator('[data-testid=return-warning]').count()) await anglers.locator('[data-testid=return-note]').fill('专项行动，已核实')
    await page.locator('[data-testid=return-submit]').click()
    await reaches(page, 'SUBMITTED')

    await lead.goto(`${app.url}/approvals`)
    await lead.locator(`tr[data-return="${testClerkUnit}/${month}"] [data-testid=approvals-open]`).click()
    await ready(lead, 'SUBMITTED')
    await lead.locator('[data-testid=return-approve]').click()
    await ready(lead, 'APPROVED')
    await lead.goto(`${app.url}/approvals`)
    await lead.locator('[data-testid=approvals]').waitFor()
    expect(await lead.locator(`tr[data-return="${testClerkUnit}/${month}"]`).count()).toBe(0)

    // The approved value is the station's figure for July.
    await lead.goto(`${app.url}/?year=2024&month=7&org=${testClerkUnit}`)
    const figure = lead.locator('[data-testid=scorecard] tr[data-metric="fishing-ban.anglers-checked"]')
    await figure.waitFor()
    expect(await figure.textContent()).toContain('4,321')

    // The clerk sees it approved: read only, a correction offered.
    await page.goto(returnUrl())
    await ready(page, 'APPROVED')
    await page.locator('[data-testid=return-correct]').waitFor()
    await page.locator('[data-testid=return-history] summary').click()
    await shot(page, 'return-clerk-approved-1440')
    // A correction: editable again, a reason asked for, and back to the leader.
    await page.locator('[data-testid=return-correct]').click()
    await anglers.locator('[data-testid=return-input]').fill('4,322')
    expect(await page.locator('[data-testid=return-save]').isDisabled()).toBe(true)
    await page.locator('[data-testid=return-reason]').fill('漏报一人次')
    await page.locator('[data-testid=return-save]').click()
    await reaches(page, 'SUBMITTED')
    await page.locator('[data-testid=return-history]').evaluate((details) => ((details as HTMLDetailsElement).open = true))
    expect(await page.locator('[data-testid=return-history]').textContent()).toContain('漏报一人次')
    await page.locator('[data-testid=return-history]').screenshot({ path: join(screenshotDir, 'return-clerk-history-1440.png') })
    await lead.goto(`${app.url}/approvals`)
    await lead.locator(`tr[data-return="${testClerkUnit}/${month}"] [data-testid=approvals-open]`).click()
    await ready(lead, 'SUBMITTED')
    await lead.locator('[data-testid=return-approve]').click()
    await ready(lead, 'APPROVED')
    await page.goto(`${returnUrl()}?lang=en`)
    await ready(page, 'APPROVED')
    expect(await page.locator('[data-testid=return-approved]').textContent()).toContain('approved')
    await shot(page, 'return-clerk-approved-en-1440')
    await lead.close()
    await page.close()
  })

  it('tells the second of two pages saving the same version that someone else changed it; a reload starts afresh', async () => {
    const first = await newPage(clerk)
    const second = await newPage(clerk)
    for (const page of [first, second]) {
      await page.goto(returnUrl('2024-09'))
      await ready(page, 'OPEN')
    }
    await inputs(first).first().fill('11')
    await first.locator('[data-testid=return-save]').click()
    await first.locator('[data-testid=return-outcome][data-code=OK]').waitFor()
    await inputs(second).first().fill('22')
    await second.locator('[data-testid=return-save]').click()
    expect(await outcome(second, 'CONFLICT')).toContain('已被他人修改')
    await shot(second, 'return-clerk-conflict-1440')
    await second.setViewportSize({ width: 390, height: 844 })
    expect(await overflow(second)).toBeLessThanOrEqual(0)
    await shot(second, 'return-clerk-conflict-390')
    await second.locator('[data-testid=return-reload]').click()
    await second.locator('[data-testid=return][data-version="1"]').waitFor()
    expect(await inputs(second).first().inputValue()).toBe('11')
    expect(await second.locator('[data-testid=return-outcome]').count()).toBe(0)

    // In English the server's refusals are in English too (the request's Accept-Language).
    await second.setViewportSize({ width: 1440, height: 900 })
    await second.goto(`${returnUrl('2024-09')}?lang=en`)
    await ready(second, 'OPEN')
    const count = rows.find((r, i) => i >= 1 && r.metric.kind === 'FLOW' && r.metric.unit !== '元')!
    await row(second, count.metric.key).locator('[data-testid=return-input]').fill('12.5')
    await second.locator('[data-testid=return-save]').click()
    expect(await outcome(second, 'BAD_INPUT')).toContain('nothing was saved')
    expect(await row(second, count.metric.key).locator('[data-testid=return-problem]').textContent()).toMatch(/whole/)
    await shot(second, 'return-clerk-refused-en-1440')
    await first.close()
    await second.close()
  })

  it('shows a locked month read only, saying why', async () => {
    const admin = await launchBrowser()
    try {
      await signIn(admin, app.url, testAdminLogin, testPassword)
      const locked = await admin.request.post(`${app.url}/graphql`, { headers: { 'content-type': 'application/json' }, data: { query: 'mutation { lockMonth(month: "2024-08") }' } })
      expect(await locked.json()).toEqual({ data: { lockMonth: true } })
    } finally {
      await admin.close()
    }
    const page = await newPage(clerk)
    await page.goto(returnUrl('2024-08'))
    await ready(page)
    expect(await page.locator('[data-testid=return-locked]').textContent()).toContain('本月已锁定')
    expect(await inputs(page).first().getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('[data-testid=return-save], [data-testid=return-submit]').count()).toBe(0)
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, 'return-clerk-locked-390')
    await page.close()
  })
})
