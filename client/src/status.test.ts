import { describe, expect, it } from 'vitest'
import { byUrgency, statusStyles, trendColors, type Status } from './status.ts'

describe('status colours', () => {
  it('gives each status its own colour: red behind, blue on track, green met, grey without target or data', () => {
    expect(statusStyles.BEHIND).toMatchObject({ tag: '#a8071a', hex: '#cf1322' })
    expect(statusStyles.ON_TRACK.tag).toBe('#0958d9')
    expect(statusStyles.MET.tag).toBe('#237804')
    expect(statusStyles.NO_TARGET.tag).toBe('#595959')
    expect(new Set(Object.values(statusStyles).map((s) => s.hex)).size).toBe(5)
  })

  it('reads at 4.5:1 or more: a tag on its tint, a change on white and on the page grey', () => {
    for (const [status, style] of Object.entries(statusStyles)) {
      expect([status, contrast(style.tag, tint(style.tag)) >= 4.5]).toEqual([status, true])
    }
    for (const [trend, hex] of Object.entries(trendColors)) {
      expect([trend, contrast(hex, '#ffffff') >= 4.5, contrast(hex, '#f5f5f5') >= 4.5]).toEqual([trend, true, true])
    }
  })

  it('sorts the most urgent first', () => {
    const statuses: Status[] = ['MET', 'NO_DATA', 'BEHIND', 'NO_TARGET', 'ON_TRACK']
    expect(statuses.sort(byUrgency)).toEqual(['BEHIND', 'ON_TRACK', 'MET', 'NO_TARGET', 'NO_DATA'])
  })

  it('colours a change better green and worse red, as the statuses met and behind', () => {
    expect(trendColors.BETTER).toBe(statusStyles.MET.hex)
    expect(trendColors.WORSE).toBe(statusStyles.BEHIND.hex)
    expect(trendColors.SAME).toBe(statusStyles.NO_TARGET.hex)
  })
})

/** WCAG 2 contrast ratio of two hex colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** The background Ant Design's Tag draws under a custom colour: its hue and saturation at lightness 95%. */
function tint(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  const d = max - min
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1))
  const h = d === 0 ? 0 : max === r ? 60 * (((g - b) / d + 6) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4)
  const L = 0.95
  const c = (1 - Math.abs(2 * L - 1)) * s
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1))
  const m = L - c / 2
  const [r1, g1, b1] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x]
  return `#${[r1, g1, b1].map((v) => Math.round((v + m) * 255).toString(16).padStart(2, '0')).join('')}`
}
