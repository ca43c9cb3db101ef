// How numbers read for the bureau's readers: thousands separators, 万/亿 for money,
// percentages for rates, a sign on every change. Pure functions, tested directly.
import { units } from '@msp/plugin-sdk/units'
import type { EnumOf } from './graphql.ts'

export type Locale = 'zh-CN' | 'en'

export interface ValueKind {
  unit: string
  kind: EnumOf<'MetricKind'>
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits, signDisplay: 'negative' }).format(value)
}

/**
 * Yuan as Chinese readers expect, with thousands separators: 311.25万元, 1,234.56万元,
 * 19.12亿元; in English, 3.11 million yuan.
 */
export function formatMoney(yuan: number, locale: Locale): string {
  const abs = Math.abs(yuan)
  if (locale === 'en') {
    if (abs >= 1e9) return `${formatNumber(yuan / 1e9, locale)} billion yuan`
    if (abs >= 1e6) return `${formatNumber(yuan / 1e6, locale)} million yuan`
    return `${formatNumber(yuan, locale)} yuan`
  }
  if (abs >= 1e8) return `${formatNumber(yuan / 1e8, locale)}亿元`
  if (abs >= 1e4) return `${formatNumber(yuan / 1e4, locale)}万元`
  return `${formatNumber(yuan, locale)}元`
}

/** A fraction as a percentage: 0.7494 is 74.9%, 1 is 100%. */
export function formatPercent(fraction: number, locale: Locale, digits = 1): string {
  return `${formatNumber(fraction * 100, locale, digits)}%`
}

// The SDK's list of units (plain data, no Node APIs): a unit a plugin adds is named here too.
const unitNames: Record<string, string> = Object.fromEntries(Object.entries(units).map(([key, unit]) => [key, unit.en]))

/**
 * The English singular of a unit whose SDK name is a plural: '1 time', '1 establishment',
 * '1 person-time'. A unit not here (jin, yuan, a plugin's) reads the same for one and many.
 */
const singulars: Record<string, string> = {
  家: 'establishment', 家次: 'establishment visit', 户: 'business', 件: 'item', 起: 'case', 例: 'report',
  台: 'unit of equipment', 辆: 'vehicle', 份: 'document', 次: 'time', 人: 'person', 个: 'unit',
  人次: 'person-time', 项: 'project', 条: 'lead', 批次: 'batch', 场: 'session', 期: 'session',
  根: 'rod', 枚: 'hook', 类: 'category', 局: 'bureau',
}

/**
 * The digits a unit's figures are shown with: the SDK's precision (0 for every count, 1 for
 * 斤), 2 for a unit it does not know.
 *
 * Counts are whole numbers everywhere. A time-progress target (`expected`) of a count comes
 * from the API as a fraction (a year's 4,153家次 × 182/366 days = 2,065.18…); it is shown
 * rounded to the nearest whole unit, a half rounded up (away from zero: Intl's halfExpand),
 * so 2,076.5家次 reads 2,077家次. The figure itself, and the status computed from it, are not
 * rounded: only how it reads.
 */
export function unitDigits(unit: string): number {
  return Object.hasOwn(units, unit) ? units[unit as keyof typeof units].decimals : 2
}

/** A unit as the reader's language names it: '人次' or 'person-times'; money in 万元 or yuan. */
export function unitLabel(unit: string, locale: Locale): string {
  if (unit === '元') return locale === 'en' ? 'yuan' : '元'
  if (unit === '%' || locale !== 'en') return unit
  return unitNames[unit] ?? unit
}

/** A count with its unit: '1,812人次'; '1 person-time', '2 person-times'. */
function formatCount(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale, unitDigits(unit))
  if (locale !== 'en') return `${number}${unit}`
  const one = number === '1' || number === '-1'
  return `${number} ${(one ? singulars[unit] : undefined) ?? unitNames[unit] ?? unit}`
}

/** A metric's value with its unit: '1,812人次', '311.25万元', '74.9%', '第1名'. */
export function formatValue(value: number | null | undefined, metric: ValueKind, locale: Locale): string {
  if (value === null || value === undefined) return '—'
  if (metric.kind === 'RATE' || metric.unit === '%') return formatPercent(value, locale)
  if (metric.unit === '元') return formatMoney(value, locale)
  if (metric.kind === 'RANK') return locale === 'en' ? `No. ${formatNumber(value, locale, 0)}` : `第${formatNumber(value, locale, 0)}名`
  return formatCount(value, metric.unit, locale)
}

/**
 * A metric's value rounded as the screen rounds it, as a number: what a CSV or workbook cell
 * holds. Counts whole, 斤 to one place, money in yuan to the fen, a rank whole, a rate as a
 * fraction to 4 places (0.7494 for 74.9%), each by the same rule (Intl's half away from zero).
 */
export function roundAsShown(value: number | null | undefined, metric: ValueKind): number | null {
  if (value === null || value === undefined) return null
  const digits = metric.kind === 'RATE' || metric.unit === '%' ? 4 : metric.kind === 'RANK' ? 0 : unitDigits(metric.unit)
  return Number(new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false }).format(value)) || 0
}

const minus = '−'

/**
 * A change with its sign: '+120人次', '−3.2万元', '+2.5 pp' for rates; a rank's change in
 * places, never a percentage: its number growing is a fall ('降2位', 'down 2 places').
 */
export function formatChange(change: number | null | undefined, metric: ValueKind, locale: Locale): string {
  if (change === null || change === undefined) return '—'
  if (change === 0) return locale === 'en' ? 'no change' : '持平'
  if (metric.kind === 'RANK') {
    const places = Math.abs(change)
    if (locale === 'en') return `${change < 0 ? 'up' : 'down'} ${formatNumber(places, locale)} ${places === 1 ? 'place' : 'places'}`
    return `${change < 0 ? '升' : '降'}${formatNumber(places, locale)}位`
  }
  const sign = change > 0 ? '+' : minus
  if (metric.kind === 'RATE') return `${sign}${formatNumber(Math.abs(change) * 100, locale, 1)}${locale === 'en' ? ' pp' : '个百分点'}`
  return `${sign}${formatValue(Math.abs(change), metric, locale)}`
}

/** The arrow of a change: ▲ up, ▼ down; a rank moves up when its number falls. */
export function changeArrow(change: number | null | undefined, kind: ValueKind['kind']): '▲' | '▼' | '' {
  if (change === null || change === undefined || change === 0) return ''
  return (kind === 'RANK' ? change < 0 : change > 0) ? '▲' : '▼'
}

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The line a partial period carries: through which day figures run and what last year is
 * compared over. '数据截至2024年6月30日；同比为上年同期（1—6月）'.
 */
export function dataThroughNote(from: string, through: string, locale: Locale): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [y, m, d] = through.split('-').map(Number) as [number, number, number]
  const wholeMonths = fd === 1 && new Date(Date.UTC(y, m, 0)).getUTCDate() === d && fy === y
  if (locale === 'en') {
    const same = wholeMonths ? 'the same months' : 'the same days'
    return `Figures through ${d} ${monthsEn[m - 1]} ${y}; year-on-year compares ${same} a year earlier`
  }
  const span = wholeMonths ? (fm === m ? `${m}月` : `${fm}—${m}月`) : `${fm}月${fd}日—${m}月${d}日`
  return `数据截至${y}年${m}月${d}日；同比为上年同期（${span}）`
}

/** A change rate with its sign: '+5.2%', '−12%'. */
export function formatChangeRate(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined) return '—'
  if (rate === 0) return '0%'
  return `${rate > 0 ? '+' : minus}${formatPercent(Math.abs(rate), locale)}`
}
