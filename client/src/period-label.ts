// A span of days as the bureau's readers write it. One function for every screen:
//   zh-CN: 2023年 · 2024年1—6月 · 2023年3月 · 2023年第一季度 · 2022年1月1日—2023年9月26日
//   en:    2023 · Jan–Jun 2024 · Mar 2023 · Q1 2023 · 1 Jan 2022 – 26 Sep 2023
// A half year reads as its months (2024年1—6月, Jan–Jun 2024), as the bureau's reports write
// it; only a calendar quarter gets a name of its own (第一季度, Q1). Whole months across a year
// end read 2023年11月—2024年2月; any other span reads day to day, the year once when it is the
// same at both ends (2024年1月1日—9月15日, 1 Jan – 15 Sep 2024).
import type { Locale } from './format.ts'

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const quartersZh = ['一', '二', '三', '四']
/** The Chinese dash between the ends of a span (一字线), the English en dash. */
const dashZh = '—'

const parse = (date: string) => date.split('-').map(Number) as [number, number, number]
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A span from one ISO day to another (both included), written the reader's way. */
export function spanLabel(from: string, to: string, locale: Locale): string {
  const [y1, m1, d1] = parse(from)
  const [y2, m2, d2] = parse(to)
  const en = locale === 'en'
  if (d1 === 1 && d2 === lastDay(y2, m2)) {
    if (y1 === y2) {
      if (m1 === 1 && m2 === 12) return `${y1}${en ? '' : '年'}`
      if (m1 === m2) return en ? `${monthsEn[m1 - 1]} ${y1}` : `${y1}年${m1}月`
      if (m2 - m1 === 2 && (m1 - 1) % 3 === 0) {
        const q = (m1 - 1) / 3
        return en ? `Q${q + 1} ${y1}` : `${y1}年第${quartersZh[q]}季度`
      }
      return en ? `${monthsEn[m1 - 1]}–${monthsEn[m2 - 1]} ${y1}` : `${y1}年${m1}${dashZh}${m2}月`
    }
    return en ? `${monthsEn[m1 - 1]} ${y1} – ${monthsEn[m2 - 1]} ${y2}` : `${y1}年${m1}月${dashZh}${y2}年${m2}月`
  }
  if (from === to) return en ? `${d1} ${monthsEn[m1 - 1]} ${y1}` : `${y1}年${m1}月${d1}日`
  if (y1 === y2) return en ? `${d1} ${monthsEn[m1 - 1]} – ${d2} ${monthsEn[m2 - 1]} ${y2}` : `${y1}年${m1}月${d1}日${dashZh}${m2}月${d2}日`
  return en ? `${d1} ${monthsEn[m1 - 1]} ${y1} – ${d2} ${monthsEn[m2 - 1]} ${y2}` : `${y1}年${m1}月${d1}日${dashZh}${y2}年${m2}月${d2}日`
}
