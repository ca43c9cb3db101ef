// The bureau's units. The report states that the bureau has 13 grassroots market-supervision
// stations (13个基层市场所) but not their names: the stations below are named after Wuchang's
// subdistricts as an illustration, and say so in their note.
export interface OrgUnitSeed {
  key: string
  nameZh: string
  nameEn: string
  kind: 'BUREAU' | 'OFFICE' | 'STATION'
  parentKey: string | null
  note?: string
}

const illustrative =
  'Sample: the report states 13 grassroots stations but not their names; this name is illustrative.'

const stations: [string, string, string][] = [
  ['jiyuqiao', '积玉桥', 'Jiyuqiao'],
  ['yangyuan', '杨园', 'Yangyuan'],
  ['xujiapeng', '徐家棚', 'Xujiapeng'],
  ['liangdao', '粮道街', 'Liangdao Street'],
  ['zhonghualu', '中华路', 'Zhonghua Road'],
  ['huanghelou', '黄鹤楼', 'Yellow Crane Tower'],
  ['ziyang', '紫阳', 'Ziyang'],
  ['baishazhou', '白沙洲', 'Baishazhou'],
  ['shouyilu', '首义路', 'Shouyi Road'],
  ['zhongnanlu', '中南路', 'Zhongnan Road'],
  ['shuiguohu', '水果湖', 'Shuiguohu'],
  ['luojiashan', '珞珈山', 'Luojiashan'],
  ['nanhu', '南湖', 'Nanhu'],
]

export const orgUnits: OrgUnitSeed[] = [
  {
    key: 'wuchang', nameZh: '武昌区市场监督管理局', nameEn: 'Wuchang District Administration for Market Regulation',
    kind: 'BUREAU', parentKey: null,
  },
  {
    key: 'district-offices', nameZh: '局机关各科室', nameEn: 'District offices',
    kind: 'OFFICE', parentKey: 'wuchang',
    note: 'Figures the district offices measure themselves are entered here; the district total is computed over all units.',
  },
  ...stations.map(([key, zh, en]): OrgUnitSeed => ({
    key: `station-${key}`, nameZh: `${zh}市场监督管理所`, nameEn: `${en} Market Supervision Station`,
    kind: 'STATION', parentKey: 'wuchang', note: illustrative,
  })),
]
