// The number in a report figure's `stated` words, in the metric's base unit, so the validator
// can hold `value` to it: '257.21万元' is 2,572,100 yuan, '100%' is 1, '逾6429家次' is 6429.
// Words around the number (逾, 近, 超, 约 before it; 余, 多 after it; the unit; a name such
// as '见面率') are not read.

export type StatedNumber = { value: number } | { problem: string }

// Digits, with thousands commas ('53,139') or without, and decimals.
const arabicNumber = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g
// The report writes small counts in Chinese: '四次', '两家', '第一', '零事故'.
const chineseNumber = /[零〇一二两三四五六七八九十百千]+/g
const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const chinesePlaces: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
// What may follow the number: 余/多 (before or after 万/亿), 万 or 亿, then '%'.
const after = /^[余多]?([万亿])?[余多]?([%％])?/

/** A Chinese numeral below 10,000: '四' 4, '十二' 12, '二十' 20, '一百零五' 105, '二〇二三' 2023. */
export function chineseNumeral(numeral: string): number {
  if (![...numeral].some((c) => c in chinesePlaces)) {
    return Number([...numeral].map((c) => chineseDigits[c]).join(''))
  }
  let total = 0
  let digit: number | undefined
  for (const c of numeral) {
    if (c in chinesePlaces) {
      total += (digit ?? 1) * chinesePlaces[c]! // '十二': a place with no digit before it is one of it
      digit = undefined
    } else {
      digit = chineseDigits[c]
    }
  }
  return total + (digit ?? 0)
}

/** The one number `stated` writes, in base units, or why there is none to read. */
export function parseStated(stated: string): StatedNumber {
  // Arabic digits first: a name may hold a Chinese numeral character ('统一'), a count in digits wins.
  let matches = [...stated.matchAll(arabicNumber)]
  const arabic = matches.length > 0
  if (!arabic) matches = [...stated.matchAll(chineseNumber)]
  if (matches.length === 0) return { problem: `stated '${stated}' holds no number to check value against` }
  if (matches.length > 1) {
    return { problem: `stated '${stated}' holds ${matches.length} numbers (${matches.map((m) => m[0]).join(', ')}); stated is the one figure, the words around it belong in quote` }
  }
  const match = matches[0]!
  const numeral = arabic ? match[0].replaceAll(',', '') : String(chineseNumeral(match[0]))
  const [, multiplier, percent] = after.exec(stated.slice(match.index + match[0].length))!
  const exponent = (multiplier === '万' ? 4 : multiplier === '亿' ? 8 : 0) - (percent ? 2 : 0)
  // Shifting the decimal point in the text, not multiplying: '257.21e4' is exactly 2572100.
  let value = Number(`${numeral}e${exponent}`)
  // 'X和3家': the unit named before 和 and three more, four in all.
  if (stated.slice(0, match.index).endsWith('和') && match.index > 1) value += 1
  return { value }
}

/** Whether `value` is the number `stated` holds, to within float noise. */
export function sameNumber(value: number, stated: number): boolean {
  return Math.abs(value - stated) <= 1e-9 * Math.max(1, Math.abs(stated))
}
