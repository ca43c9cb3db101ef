// The units a metric may be counted in. A plugin names one by its Chinese symbol; the
// validator rejects any other. `decimals` is the precision figures are kept and summed at.

export interface Unit {
  zh: string
  en: string
  decimals: number
  /** Money is kept in yuan and shown in 万元/亿元. */
  money?: boolean
  /** Rates are kept as fractions (1 = 100%). */
  rate?: boolean
  /** A position in a ranking: 1 is first. */
  rank?: boolean
}

const count = (zh: string, en: string): Unit => ({ zh, en, decimals: 0 })

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
  斤: { zh: '斤', en: 'jin (0.5 kg)', decimals: 1 },
  元: { zh: '元', en: 'yuan', decimals: 2, money: true },
  '%': { zh: '%', en: '%', decimals: 4, rate: true },
  名: { zh: '名', en: 'rank', decimals: 0, rank: true },
} as const satisfies Record<string, Unit>

export type UnitKey = keyof typeof units

export function unitOf(key: string): Unit | undefined {
  return Object.hasOwn(units, key) ? units[key as UnitKey] : undefined
}
