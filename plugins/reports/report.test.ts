import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadReport } from '@msp/plugin-sdk'

const reportPath = join(import.meta.dirname, 'wuchang-2023-09-26.json')
const document = JSON.parse(readFileSync(reportPath, 'utf8')) as { sha256: string; lines: string[]; date: string; origin: string }
const text = document.lines.join('\n')

describe('the report data file', () => {
  it('holds the report verbatim: its lines hash to the recorded sha256', () => {
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(document.sha256)
    expect(document.date).toBe('2023-09-26')
    expect(document.origin).toMatch(/verbatim/)
  })

  // The original is in the developers' shared folder, not in a user's clone.
  const original = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', '000_ac8cb352ae995a1f.txt')
  it.skipIf(!existsSync(original))('matches the original text file byte for byte', () => {
    expect(readFileSync(original, 'utf8')).toBe(text)
  })

  it('finds the section of a sentence', () => {
    expect(loadReport(reportPath).locate('检查垂钓人员1812人次')?.section).toBe(
      '三、重点领域久久为功,织密和谐稳定“防护网” / (三)严字为要,处处把握市场秩序红线 / 长江禁捕工作守土尽责',
    )
  })
})
