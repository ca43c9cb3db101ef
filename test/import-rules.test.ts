// The plugins' validation rules at import: a batch that would leave one metric above another
// (or above a bound) is refused whole, with the rule's message in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countMetric, definePlugin } from '@msp/plugin-sdk'
import type { Platform } from '@msp/server/app'
import { importFigures } from '@msp/server/import/import-figures'
import { createRegistry, type Registry } from '@msp/server/registry'
import { openTestPlatform } from './support/platform.ts'

const dir = mkdtempSync(join(tmpdir(), 'msp-rules-'))
let files = 0
function csv(...lines: string[]): string {
  const path = join(dir, `figures-${++files}.csv`)
  writeFileSync(path, ['metric,org_unit,period_start,period_end,value', ...lines].join('\n'))
  return path
}

let platform: Platform
beforeAll(async () => {
  platform = await openTestPlatform()
})
afterAll(() => platform.close())

const run = (path: string, registry: Registry = platform.registry, options: { delete?: boolean; reason?: string } = {}) =>
  importFigures(platform.database, registry, path, { by: 'tester', ...options })
const messages = (result: { errors: { line: number; message: string }[] }) => result.errors.map((e) => `${e.line}: ${e.message}`)

describe('validation rules at import', () => {
  it('refuses more anglers persuaded to leave than checked, in the same batch, and writes nothing', async () => {
    const before = await platform.database.db.figure.count()
    const result = await run(csv(
      'fishing-ban.anglers-checked,station-nanhu,2024-08-01,2024-08-31,10',
      'fishing-ban.persuaded-to-leave,station-nanhu,2024-08-01,2024-08-31,12',
      'fishing-ban.persuaded-to-leave,station-ziyang,2024-08-01,2024-08-31,12',
    ))
    expect(result.ok).toBe(false)
    expect(messages(result)).toEqual([
      expect.stringMatching(/^3: fishing-ban\.persuaded-to-leave 12 is more than fishing-ban\.anglers-checked 10 at station-nanhu for 2024-08-01\.\.2024-08-31: Anglers persuaded to leave cannot outnumber the anglers checked \(劝离人次不能多于检查垂钓人员人次\)$/),
    ])
    expect(await platform.database.db.figure.count()).toBe(before)
  })

  it('compares with what is stored when the batch holds one side, and with the batch when it corrects it', async () => {
    expect((await run(csv('fishing-ban.anglers-checked,station-yangyuan,2024-09-01,2024-09-30,20'))).ok).toBe(true)
    const tooMany = await run(csv('fishing-ban.persuaded-to-leave,station-yangyuan,2024-09-01,2024-09-30,21'))
    expect(messages(tooMany)).toEqual([expect.stringContaining('is more than fishing-ban.anglers-checked 20 at station-yangyuan')])
    // Raising the checked count in the same batch makes the same row acceptable.
    const corrected = await run(csv(
      'fishing-ban.anglers-checked,station-yangyuan,2024-09-01,2024-09-30,25',
      'fishing-ban.persuaded-to-leave,station-yangyuan,2024-09-01,2024-09-30,21',
    ))
    expect(corrected).toMatchObject({ ok: true, created: 1, corrected: 1 })
    // Lowering the checked count below the persuaded count is refused, though that row alone is fine.
    const lowered = await run(csv('fishing-ban.anglers-checked,station-yangyuan,2024-09-01,2024-09-30,5'))
    expect(messages(lowered)).toEqual([expect.stringContaining('fishing-ban.persuaded-to-leave 21 is more than fishing-ban.anglers-checked 5')])
  })

  it("holds every rate's numerator to its denominator without the plugin declaring it", async () => {
    const rate = [...platform.registry.metrics.values()].find((m) => m.numerator && m.denominator && m.numerator !== 'fishing-ban.persuaded-to-leave')!
    const result = await run(csv(
      `${rate.denominator},station-nanhu,2024-10-01,2024-10-31,3`,
      `${rate.numerator},station-nanhu,2024-10-01,2024-10-31,4`,
    ))
    expect(messages(result)).toEqual([expect.stringContaining("a rate's numerator cannot exceed its denominator (比率的分子不能大于分母)")])
  })

  it('refuses a figure above a bound a plugin declares', async () => {
    const name = { 'zh-CN': '化妆品', en: 'Cosmetics' }
    const cosmetics = definePlugin({
      key: 'cosmetics', name,
      metrics: [countMetric('cosmetics.recalls', { 'zh-CN': '召回', en: 'Recalls' }, '次')],
      validation: [{ metric: 'cosmetics.recalls', max: 50, message: { 'zh-CN': '一个所一个月的召回不会超过50次', en: 'no station recalls more than 50 times a month' } }],
    })
    const registry = createRegistry({ ...platform.registry.installation, plugins: [...platform.registry.installation.plugins, cosmetics] })
    // The metric must be in the catalogue for its figures to be stored.
    await platform.database.db.area.create({ data: { key: 'cosmetics', nameZh: '化妆品', nameEn: 'Cosmetics', sortOrder: 99 } })
    await platform.database.db.metric.create({
      data: { key: 'cosmetics.recalls', areaKey: 'cosmetics', nameZh: '召回', nameEn: 'Recalls', unit: '次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER', targetRule: 'AT_LEAST', granularity: 'MONTH', enteredBy: 'STATION', sortOrder: 999 },
    })
    const result = await run(csv('cosmetics.recalls,station-nanhu,2024-08-01,2024-08-31,51', 'cosmetics.recalls,station-ziyang,2024-08-01,2024-08-31,50'), registry)
    expect(messages(result)).toEqual(['2: cosmetics.recalls 51 is more than 50: no station recalls more than 50 times a month (一个所一个月的召回不会超过50次)'])
  })
})
