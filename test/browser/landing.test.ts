// The leader's first screen (issue 8, items 2 and 5): the summary above the tables, on a wide
// screen, a laptop and a phone, in both languages, and on paper. Screenshots of each width and
// language, and the printed pages as PNGs (pdftoppm), land in test-results/browser.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import readXlsxFile from 'read-excel-file/node'
import { browserAvailable, launchBrowser, signIn, screenshot, screenshotDir, startApp, type RunningApp } from '../support/browser.ts'

if (!browserAvailable && process.env.CI) throw new Error('Chromium is missing: .ci/run must install it (apt-get install chromium)')

const scoredAreas = ['food', 'drugs', 'special-equipment', 'prices', 'fishing-ban', 'intellectual-property']
const languages = ['zh-CN', 'en'] as const
const pdfTools = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!browserAvailable)('the landing page', () => {
  let app: RunningApp
  let browser: BrowserContext

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    await signIn(browser, app.url)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  /** A new page at a width, in a language, on the 2023 district scorecard, drawn. */
  const open = async (width: number, language: (typeof languages)[number], path = '/?year=2023'): Promise<Page> => {
    const page = await browser.newPage()
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 })
    await page.addInitScript(() => window.localStorage.removeItem('lang'))
    await page.goto(`${app.url}${path}${language === 'en' ? '&lang=en' : ''}`)
    await page.locator('[data-testid=scorecard]').waitFor()
    await page.locator('[data-testid=league] tbody tr').first().waitFor()
    // The sparklines come in a second query, after the scorecard is drawn.
    await page.locator('[data-testid=tile-food] [data-testid=sparkline]').waitFor()
    return page
  }

  it('puts the summary first: the overall score, the six areas as tiles, the units ranked, the gaps', async () => {
    const page = await open(1440, 'zh-CN')
    try {
      const overall = page.locator('[data-testid=tile-overall]')
      expect(await overall.locator('[data-testid=overall-score]').textContent()).toMatch(/^[\d.]+ \/ 100$/)
      // Its change on the same span last year, coloured by whether it is better.
      expect(await overall.locator('[data-trend]').getAttribute('data-trend')).toMatch(/^(BETTER|WORSE|SAME)$/)
      for (const key of scoredAreas) {
        const tile = page.locator(`[data-testid=tile-${key}]`)
        expect(await tile.getAttribute('data-status')).toMatch(/^(BEHIND|ON_TRACK|MET|NO_TARGET|NO_DATA)$/)
        // A year is twelve months: the sparkline has a point for each (one path, ending in a dot).
        expect(await tile.locator('[data-testid=sparkline] path').count()).toBe(1)
      }
      // The tile's status is the area card's status: one rule, from the engine.
      for (const key of scoredAreas) {
        const tileStatus = await page.locator(`[data-testid=tile-${key}]`).getAttribute('data-status')
        expect(await page.locator(`[data-testid=area-${key}] [data-testid=area-heading] [data-status]`).getAttribute('data-status')).toBe(tileStatus)
      }
      // Monitored areas are folded into one closed section below the scored ones.
      expect(await page.locator('[data-testid=score-tiles] [data-testid=tile-enforcement]').count()).toBe(0)
      expect(await page.locator('details[data-testid=monitored]').getAttribute('open')).toBeNull()
      expect(await page.locator('[data-testid=area-staffing]').isVisible()).toBe(false)

      // The district's 14 units ranked on 100, best first, with the change in rank.
      const league = page.locator('[data-testid=league] tbody tr')
      expect(await league.count()).toBe(14)
      const scores = (await page.locator('[data-testid=league] [data-testid=league-score]').allTextContents()).map(Number)
      expect(scores.filter((s) => !Number.isNaN(s))).toEqual([...scores.filter((s) => !Number.isNaN(s))].sort((a, b) => b - a))
      expect(await page.locator('[data-testid=rank-change] [data-trend]').count()).toBeGreaterThan(0)
      // One cell a scored area in each unit's row, coloured by status.
      expect(await page.locator('[data-testid=league] a.grid-cell').count()).toBe(14 * scoredAreas.length)

      // The gaps: behind rows only, the largest share first.
      const shares = (await page.locator('[data-testid=gaps] tbody td:last-child').allTextContents()).map((s) => Number.parseFloat(s))
      expect(shares.length).toBeGreaterThan(0)
      expect(shares).toEqual([...shares].sort((a, b) => b - a))

      // A cell of the grid opens that unit's scorecard at that area.
      const cell = page.locator('[data-testid=grid-station-nanhu-food]')
      await cell.click()
      await page.locator('[data-testid=scorecard][data-org-unit="station-nanhu"]').waitFor()
      expect(new URL(page.url()).hash).toBe('#area-food')
      expect(new URL(page.url()).searchParams.get('org')).toBe('station-nanhu')
      await page.waitForFunction(() => {
        const top = document.getElementById('area-food')?.getBoundingClientRect().top
        return top !== undefined && Math.abs(top) < 5
      })
    } finally {
      await page.close()
    }
  })

  it('says a period without figures has none, rather than draw empty tiles and a league of dashes', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(`${app.url}/?year=2025`)
      await page.locator('[data-testid=scorecard][data-period="2025"]').waitFor()
      expect(await page.locator('[data-testid=summary] [data-testid=empty]').textContent()).toContain('该期间没有任何数据')
      expect(await page.locator('[data-testid=score-tiles]').count()).toBe(0)
      expect(await page.locator('[data-testid=league]').count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('exports the whole scorecard as one workbook: a summary sheet and a sheet an area, numbers as numbers', async () => {
    const page = await open(1440, 'zh-CN')
    try {
      const downloading = page.waitForEvent('download')
      await page.locator('[data-testid=export-xlsx]').click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('scorecard-wuchang-2023.xlsx')
      const sheets = (await readXlsxFile((await download.path())!)) as { sheet: string; data: unknown[][] }[]
      expect(sheets[0]!.sheet).toBe('汇总')
      for (const name of ['食品安全', '长江禁捕', '知识产权']) expect(sheets.some((s) => s.sheet.startsWith(name))).toBe(true)
      // The anglers checked in 2023: a number in its cell, as the screen shows it rounded.
      const fishing = sheets.find((s) => s.sheet.startsWith('长江禁捕'))!
      const anglers = fishing.data.find((r) => r[0] === '检查垂钓人员')
      expect(anglers, JSON.stringify(fishing.data.slice(0, 6))).toBeDefined()
      expect(typeof anglers![2]).toBe('number')
    } finally {
      await page.close()
    }
  })

  it('gives each area table a gap against time-progress and a progress bar', async () => {
    const page = await open(1440, 'zh-CN', '/?year=2023&half=1')
    try {
      const behind = page.locator('.area-table tr[data-status=BEHIND]').first()
      // Behind time-progress: the gap is negative (higher is better) and red.
      const gap = behind.locator('[data-testid=gap] span')
      expect(await gap.getAttribute('class')).toContain('trend-WORSE')
      expect(await page.locator('.area-table .progress').count()).toBeGreaterThan(0)
      // A heading sorts its column: ascending, then descending; rows without a value last.
      const heading = page.locator('[data-testid=area-special-equipment] th', { hasText: '完成率' })
      const completions = async () =>
        (await page.locator('[data-testid=area-special-equipment] tbody tr td:nth-of-type(3)').allTextContents()).map((c) => Number.parseFloat(c.replace(/[^\d.]/g, '')))
      await heading.locator('button').click()
      expect(await heading.getAttribute('aria-sort')).toBe('ascending')
      const ascending = (await completions()).filter((c) => !Number.isNaN(c))
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
      await heading.locator('button').click()
      expect(await heading.getAttribute('aria-sort')).toBe('descending')
      const descending = (await completions()).filter((c) => !Number.isNaN(c))
      expect(descending).toEqual([...descending].sort((a, b) => b - a))
      expect(Number.isNaN((await completions()).at(-1))).toBe(true)
    } finally {
      await page.close()
    }
  })

  for (const language of languages) {
    for (const width of [1440, 1366]) {
      it(`shows every column without a sideways scroll at ${width} px in ${language}`, async () => {
        const page = await open(width, language)
        try {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
          // Every table ends inside its panel: no column is cut off or scrolled away.
          const overflowing = await page.evaluate(() =>
            [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > (t.closest('.panel')?.getBoundingClientRect().right ?? innerWidth) + 1).length,
          )
          expect(overflowing).toBe(0)
          await screenshot(page, `landing-${width}-${language}`)
        } finally {
          await page.close()
        }
      })
    }

    it(`reads as cards on a 390 px phone in ${language}`, async () => {
      const page = await open(390, language)
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
        const rows = page.locator('[data-testid=area-food] tbody tr')
        const problems = await rows.evaluateAll((trs) =>
          trs.flatMap((tr) => {
            const name = tr.querySelector('th')!.getBoundingClientRect()
            const actual = tr.querySelector('td')!.getBoundingClientRect()
            const status = tr.querySelector('[data-status]')?.getBoundingClientRect()
            const points = tr.querySelector('td:last-child')!.getBoundingClientRect()
            const out: string[] = []
            // The name on top of its own card, its numbers below it within the card.
            if (!(name.bottom <= actual.top + 1)) out.push(`${tr.dataset.metric}: name not above its numbers`)
            if (tr.getBoundingClientRect().right > innerWidth) out.push(`${tr.dataset.metric}: card wider than the screen`)
            // A name wraps by words, not a character a line: at least 6 characters fit a line.
            if (name.width < 120) out.push(`${tr.dataset.metric}: name squeezed to ${name.width}px`)
            if (status && !(status.bottom <= points.top + 1 || status.top >= points.bottom - 1)) out.push(`${tr.dataset.metric}: status overlaps the points`)
            return out
          }),
        )
        expect(problems).toEqual([])
        await screenshot(page, `landing-390-${language}`)
      } finally {
        await page.close()
      }
    })
  }

  for (const language of languages) {
    it.skipIf(!pdfTools)(`prints a one-page summary first, then the areas, every column, in ${language}`, async () => {
      const page = await open(1440, language)
      const dir = join(screenshotDir, `print-${language}`)
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      try {
        await page.emulateMedia({ media: 'print' })
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
        await page.locator('details[data-testid=monitored][open]').waitFor({ state: 'attached' })
        const file = join(dir, 'scorecard-2023.pdf')
        writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        const pages = text.split('\f').filter((p) => p.trim() !== '')
        console.log(`printed 2023 district scorecard (${language}): ${pages.length} pages`)
        execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')])
        expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBe(pages.length)

        const words = language === 'en'
          ? { league: 'Units ranked', firstArea: 'Food-safety incidents', page: (n: number) => `Page ${n} of ${pages.length}`, printed: 'Printed', period: '2023', sample: 'sample', columns: ['Metric', 'Actual', 'Target', 'Completion', 'Gap to due', 'Last year', 'Change %', 'Status', 'Points'] }
          : { league: '各单位排名', firstArea: '食品安全事故', page: (n: number) => `第 ${n} 页，共 ${pages.length} 页`, printed: '打印日期', period: '2023年', sample: '样例', columns: ['指标', '实际', '目标', '完成率', '序时差距', '去年同期', '同比', '状态', '得分'] }
        // Page one is the summary and nothing else; the areas start on page two.
        expect(pages[0]).toContain(words.league)
        expect(pages[0]).not.toContain(words.firstArea)
        expect(pages[1]).toContain(words.firstArea)
        // Every page: its number of the whole, the print date, the unit and period.
        pages.forEach((p, i) => {
          expect(p, `page ${i + 1}`).toContain(words.page(i + 1))
          expect(p, `page ${i + 1}`).toContain(words.printed)
          expect(p, `page ${i + 1}`).toContain(words.period)
        })
        // The legend of the marks, and every column of the area tables.
        expect(pages[0]).toContain(words.sample)
        for (const column of words.columns) expect(pages[1], column).toContain(column)
        // The last column's values print: points as "x / y".
        expect(pages[1]).toMatch(/\d+(\.\d+)? \/ \d+/)
      } finally {
        await page.emulateMedia({ media: 'screen' })
        await page.close()
      }
    })
  }
})
