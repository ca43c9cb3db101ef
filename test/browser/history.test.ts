// The history drawer (issue 10) in Chromium: a leader doubting a number opens, from the number,
// where it came from and every change to it. A report figure's sentence; a target that is a
// plugin's default; then a station's figure entered by a monthly return and corrected, and a
// target the leader sets with a reason: who, when, old → new and why. By keyboard (Enter opens,
// Escape closes, the focus back on the number) and on a phone (the drawer fits the screen).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { testClerkLogin, testClerkUnit, testPassword } from '../support/accounts.ts'
import { join } from 'node:path'
import { browserAvailable, launchBrowser, screenshotDir, signIn, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

const anglers = 'fishing-ban.anglers-checked'
/** A count of anglers as the dashboard writes it. */
const times = (n: number) => `${n.toLocaleString('en-US')}人次`

describe.skipIf(!browserAvailable)('history drawer', () => {
  let app: RunningApp
  let leader: BrowserContext
  let clerk: BrowserContext
  let sentence: string

  /** A GraphQL request as a signed-in browser makes it; fails on any error. */
  const gql = async <T = any>(context: BrowserContext, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await context.request.post(`${app.url}/graphql`, { headers: { 'content-type': 'application/json' }, data: { query, variables } })
    const body = (await response.json()) as { data?: T; errors?: unknown }
    if (body.errors) throw new Error(JSON.stringify(body.errors))
    return body.data!
  }

  beforeAll(async () => {
    app = await startApp()
    leader = await launchBrowser()
    await signIn(leader, app.url)
    clerk = await launchBrowser()
    await signIn(clerk, app.url, testClerkLogin, testPassword)
    const reported = await gql(leader, `{ metric(key: "${anglers}") { figures(source: REPORT, orgUnit: "wuchang") { periodStart periodEnd provenance { sentence } } } }`)
    sentence = reported.metric.figures.find((f: { periodStart: string; periodEnd: string }) => f.periodStart === '2023-01-01' && f.periodEnd === '2023-09-26').provenance.sentence
  }, 120_000)
  afterAll(async () => {
    await leader?.close()
    await clerk?.close()
    await app?.stop()
  })

  const open = async (path: string) => {
    const page = await leader.newPage()
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    await page.goto(`${app.url}${path}`)
    await page.locator(`[data-testid=scorecard] tr[data-metric="${anglers}"]`).waitFor()
    return page
  }
  const cell = (page: Page, what: 'actual' | 'target') => page.locator(`[data-testid=scorecard] tr[data-metric="${anglers}"] [data-testid=history-${what}]`)
  const drawer = (page: Page) => page.locator('[data-testid=history-drawer]')
  const opened = async (page: Page, button: Locator) => {
    await button.click()
    await drawer(page).locator('.history-body :is(section, p)').first().waitFor()
    await drawer(page).locator('[role=status]').waitFor({ state: 'detached' })
  }
  /** The window as the leader sees it, the drawer over the page (a full-page shot would lose it in the scorecard). */
  const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) })
  const close = async (page: Page) => {
    await page.locator('[data-testid=history-close]').click()
    await drawer(page).waitFor({ state: 'detached' })
  }

  it("opens a report figure's value and reads its sentence, then a target that is a plugin's default", async () => {
    const page = await open('/?from=2023-01-01&to=2023-09-26')
    const actual = cell(page, 'actual')
    expect(await actual.textContent()).toBe('1,812人次')
    // A button named for what it opens, not only its number.
    expect(await actual.getAttribute('aria-label')).toBe('1,812人次，检查垂钓人员的实际值：来源与修改记录')
    await opened(page, actual)
    const own = drawer(page).locator('[data-testid=history-own]')
    const report = own.locator('[data-testid=history-figure][data-source=REPORT][data-period-start="2023-01-01"]').first()
    expect(await report.locator('[data-testid=history-sentence]').textContent()).toBe(sentence)
    expect(await report.textContent()).toContain('正是所选期间的合计')
    // The stations' figures, a line a unit, not 117 figures.
    const units = drawer(page).locator('[data-testid=history-below] [data-testid=history-unit]')
    expect(await units.count()).toBeGreaterThanOrEqual(13)
    expect(await drawer(page).locator('[data-testid=history-below] h3').first().textContent()).toMatch(/\d+个单位，共\d+个/)
    await shot(page, 'history-report-1440')
    // One unit opens its own figures, marked sample; Back returns.
    await units.first().click()
    await drawer(page).locator('[data-testid=history-sample]').first().waitFor()
    await shot(page, 'history-unit-1440')
    await page.locator('[data-testid=history-back]').click()
    await drawer(page).locator('[data-testid=history-below]').waitFor()
    await close(page)

    await opened(page, cell(page, 'target'))
    expect(await drawer(page).locator('[data-testid=history-target]').getAttribute('data-source')).toBe('SAMPLE')
    expect(await drawer(page).locator('[data-testid=history-plugin-default]').textContent()).toContain('从未由局领导设定')
    await shot(page, 'history-target-default-1440')
    await close(page)
    await page.close()

    // Over the whole year the report's total is not the value: the stations' months are.
    const year = await open('/?year=2023')
    await opened(year, cell(year, 'actual'))
    const total = drawer(year).locator('[data-testid=history-own] [data-testid=history-figure][data-source=REPORT][data-period-start="2023-01-01"]').first()
    expect(await total.textContent()).toContain('此值由下级单位的数据计算，此数不计入')
    expect(await drawer(year).locator('[data-testid=history-below]').textContent()).toContain('该值由下级单位的数据计算')
    await close(year)
    await year.close()
  })

  it("shows a figure a station's return entered and corrected, and a target the leader set: who, old → new, why", async () => {
    // 南湖's clerk returns July 2024 as June's values; the leader approves; a correction follows.
    const month = '2024-07'
    const read = `query($u: ID!, $m: String!) { monthlyReturn(orgUnit: $u, month: $m) { version values { metric { key } value lastMonth warnings } } }`
    const save = `mutation($u: ID!, $m: String!, $v: Int!, $values: [ReturnValueInput!]!, $reason: String) { saveReturn(orgUnit: $u, month: $m, version: $v, values: $values, reason: $reason) { version } }`
    const move = (name: string) => `mutation($u: ID!, $m: String!, $v: Int!) { ${name}(orgUnit: $u, month: $m, version: $v) { version } }`
    const vars = { u: testClerkUnit, m: month }
    type Value = { metric: { key: string }; value: number | null; lastMonth: number | null; warnings: string[] }
    let r = (await gql(clerk, read, vars)).monthlyReturn as { version: number; values: Value[] }
    const first = r.values.find((v) => v.metric.key === anglers)!.lastMonth ?? 0
    await gql(clerk, save, { ...vars, v: r.version, values: r.values.map((v) => ({ metric: v.metric.key, value: v.lastMonth ?? 0 })) })
    r = (await gql(clerk, read, vars)).monthlyReturn
    const notes = r.values.filter((v) => v.warnings.length).map((v) => ({ metric: v.metric.key, value: v.value, note: '已核实' }))
    if (notes.length) await gql(clerk, save, { ...vars, v: r.version, values: notes })
    let version = (await gql(clerk, move('submitReturn'), { ...vars, v: (await gql(clerk, read, vars)).monthlyReturn.version })).submitReturn.version
    version = (await gql(leader, move('approveReturn'), { ...vars, v: version })).approveReturn.version
    version = (await gql(clerk, save, { ...vars, v: version, values: [{ metric: anglers, value: first + 1 }], reason: '漏报一人次' })).saveReturn.version
    await gql(leader, move('approveReturn'), { ...vars, v: version })
    // The leader raises the district's 2024 target, with a reason.
    const before = (await gql(leader, `{ metric(key: "${anglers}") { target(period: { year: 2024 }) { value } } }`)).metric.target.value as number
    await gql(leader, 'mutation($rows: [TargetInput!]!) { setTargets(year: 2024, rows: $rows) { value } }', { rows: [{ metric: anglers, value: before + 100, reason: '区局2024年工作要点' }] })

    const page = await open(`/?year=2024&org=${testClerkUnit}`)
    await opened(page, cell(page, 'actual'))
    const july = drawer(page).locator('[data-testid=history-figure][data-period-start="2024-07-01"]')
    expect(await july.getAttribute('data-source')).toBe('ENTERED')
    expect(await july.textContent()).toContain(`录入：${testClerkLogin}`)
    const revisions = july.locator('[data-testid=history-revision]')
    expect(await revisions.count()).toBe(2)
    // Newest first: the correction, by the leader who approved it, old → new, why.
    const latest = revisions.first()
    expect(await latest.getAttribute('data-action')).toBe('UPDATE')
    expect(await latest.textContent()).toContain('test.leader')
    expect(await latest.locator('[data-testid=history-change]').textContent()).toBe(`${times(first)} → ${times(first + 1)}`)
    // The approval carries the clerk's reason for the correction.
    expect(await latest.textContent()).toContain('原因：审核通过2024年7月月报：漏报一人次')
    // The clerk's reasons are on the return the figure came from.
    expect(await july.locator('[data-testid=history-return-link]').getAttribute('href')).toBe(`/returns/${testClerkUnit}/${month}`)
    await july.scrollIntoViewIfNeeded()
    await shot(page, 'history-entered-1440')
    await close(page)
    await page.close()

    // At the district the correction is among the latest entries below it.
    const district = await open('/?year=2024')
    await opened(district, cell(district, 'actual'))
    expect(await drawer(district).locator(`[data-testid=history-latest] [data-testid=history-figure][data-org-unit="${testClerkUnit}"]`).count()).toBeGreaterThanOrEqual(1)
    await close(district)
    await opened(district, cell(district, 'target'))
    const set = drawer(district).locator('[data-testid=history-revision]').first()
    expect(await set.textContent()).toContain('test.leader')
    expect(await set.textContent()).toContain('原因：区局2024年工作要点')
    expect(await set.locator('[data-testid=history-change]').textContent()).toBe(`${times(before)} → ${times(before + 100)}`)
    expect(await drawer(district).locator('[data-testid=history-target-reason]').textContent()).toBe('区局2024年工作要点')
    expect(await drawer(district).locator('[data-testid=history-plugin-default]').count()).toBe(0)
    await shot(district, 'history-target-set-1440')
    await close(district)
    await district.close()
  })

  it('opens with Enter, closes with Escape with the focus back on the number; fits a phone', async () => {
    const page = await open('/?from=2023-01-01&to=2023-09-26')
    const actual = cell(page, 'actual')
    await actual.focus()
    await page.keyboard.press('Enter')
    await drawer(page).locator('[data-testid=history-own]').waitFor()
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=history-drawer]'))).toBe(true)
    await page.keyboard.press('Escape')
    await drawer(page).waitFor({ state: 'detached' })
    expect(await actual.evaluate((el) => el === document.activeElement)).toBe(true)

    await page.setViewportSize({ width: 390, height: 844 })
    await actual.scrollIntoViewIfNeeded()
    await opened(page, actual)
    const box = (await drawer(page).boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(await drawer(page).evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0)
    await shot(page, 'history-report-390')
    await close(page)
    await page.close()
  })

  it("opens, on the metric screen in English, a unit's value in the units ranked and a stored figure", async () => {
    const page = await leader.newPage()
    await page.goto(`${app.url}/metrics/${anglers}?from=2023-01-01&to=2023-09-26&lang=en`)
    const ranked = page.locator('[data-testid=metric-breakdown] [data-testid=history-actual]').first()
    await ranked.waitFor()
    expect(await ranked.getAttribute('aria-label')).toMatch(/: where the actual of Anglers checked came from, and every change$/i)
    await opened(page, ranked)
    expect(await drawer(page).getAttribute('data-org-unit')).toMatch(/^station-/)
    expect(await drawer(page).locator('[data-testid=history-own] [data-testid=history-figure]').count()).toBe(9)
    expect(await drawer(page).locator('[data-testid=history-sample]').textContent()).toContain('demonstration data')
    await shot(page, 'history-metric-unit-en-1440')
    await close(page)
    // A stored figure opens its own span at its own unit: itself, with its trail.
    const stored = page.locator('[data-testid=stored-figures] [data-testid=history-actual]').first()
    await stored.click()
    await drawer(page).locator('[data-testid=history-own] [data-testid=history-figure]').first().waitFor()
    expect(await drawer(page).locator('[data-testid=history-own] [data-testid=history-figure]').count()).toBeGreaterThanOrEqual(1)
    await close(page)
    await page.close()
  })

  it('prints the values as numbers: no drawer, no dotted line', async () => {
    const page = await open('/?from=2023-01-01&to=2023-09-26')
    await page.emulateMedia({ media: 'print' })
    const line = await cell(page, 'actual').evaluate((el) => getComputedStyle(el).textDecorationLine)
    expect(line).toBe('none')
    await page.close()
  })
})
