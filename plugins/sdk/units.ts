// The units a metric may be counted in. A plugin names one by its Chinese symbol; the
// validator rejects any other. `decimals` is the precision figures are kept and summed at;
// `max` the largest value one figure may hold, far above any real figure of a district bureau
// and far below where sums of hundreds of thousands of figures lose precision or overflow.

export interface Unit {
  zh: string
  en: string
  decimals: number
  /** The largest value one figure may hold (the least is 0, or 1 for a rank). */
  max: number
  /** Money is kept in yuan and shown in 万元/亿元. */
  money?: boolean
  /** Rates are kept as fractions (1 = 100%). */
  rate?: boolean
  /** A position in a ranking: 1 is first. */
  rank?: boolean
}

/** A billion of anything a district counts is a typing error, not a figure. */
export const maxCount = 1e9
/** 1,000亿元 (10^11 yuan): more than a hundred years of a district's attracted investment. */
export const maxMoney = 1e11
/** No ranking the bureau takes part in has a thousand places. */
export const maxRank = 1000

const count = (zh: string, en: string): Unit => ({ zh, en, decimals: 0, max: maxCount })

export const units = {
  家: count('家', 'establishments'),
  家次: count('家次', 'establishment visits'),
  户: count('户', 'businesses'),
  件: count('件', 'items'),
  起: count('起', 'cases'),
  例: count('例', 'reports'),
  台: count('台', 'units of equipment'),
  辆: count('辆', 'vehicles'),
  份: count('份', 'documents'),
  次: count('次', 'times'),
  人: count('人', 'persons'),
  个: count('个', 'units'),
  人次: count('人次', 'person-times'),
  项: count('项', 'projects'),
  条: count('条', 'leads'),
  批次: count('批次', 'batches'),
  场: count('场', 'sessions'),
  期: count('期', 'sessions'),
  根: count('根', 'rods'),
  枚: count('枚', 'hooks'),
  类: count('类', 'categories'),
  局: count('局', 'bureaus'),
  斤: { zh: '斤', en: 'jin (0.5 kg)', decimals: 1, max: maxCount },
  元: { zh: '元', en: 'yuan', decimals: 2, max: maxMoney, money: true },
  '%': { zh: '%', en: '%', decimals: 4, max: 1, rate: true },
  名: { zh: '名', en: 'rank', decimals: 0, max: maxRank, rank: true },
} as const satisfies Record<string, Unit>

export type UnitKey = keyof typeof units

export function unitOf(key: string): Unit | undefined {
  return Object.hasOwn(units, key) ? units[key as UnitKey] : undefined
}
