// The installation: the bureau's org units, the report its figures quote, and the supervision
// areas it runs, in the order they are shown. The server loads this file (or the one MSP_CONFIG
// names) at start; a new area is a plugin package and one line in `plugins` below.
import { defineInstallation, type OrgUnitDefinition } from '@msp/plugin-sdk'
import { wuchangReport } from '@msp/plugins/reports'
import { food } from '@msp/plugins/food'
import { drugs } from '@msp/plugins/drugs'
import { specialEquipment } from '@msp/plugins/special-equipment'
import { prices } from '@msp/plugins/prices'
import { fishingBan } from '@msp/plugins/fishing-ban'
import { intellectualProperty } from '@msp/plugins/intellectual-property'
import { productQuality } from '@msp/plugins/product-quality'
import { enforcement } from '@msp/plugins/enforcement'
import { advertising } from '@msp/plugins/advertising'
import { onlineTrade } from '@msp/plugins/online-trade'
import { metrology } from '@msp/plugins/metrology'
import { complaints } from '@msp/plugins/complaints'
import { businessEnvironment } from '@msp/plugins/business-environment'
import { quality } from '@msp/plugins/quality'
import { lawBasedAdministration } from '@msp/plugins/law-based-administration'
import { peoplesCongressMotions } from '@msp/plugins/motions'
import { staffing } from '@msp/plugins/staffing'

// The report states that the bureau has 13 grassroots market-supervision stations
// (13个基层市场所) but not their names: the stations below are named after Wuchang's
// subdistricts as an illustration, and say so in their note.
const illustrative = 'Sample: the report states 13 grassroots stations but not their names; this name is illustrative.'

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

const orgUnits: OrgUnitDefinition[] = [
  {
    key: 'wuchang', name: { 'zh-CN': '武昌区市场监督管理局', en: 'Wuchang District Administration for Market Regulation' },
    kind: 'BUREAU', parent: null,
  },
  {
    key: 'district-offices', name: { 'zh-CN': '局机关各科室', en: 'District offices' }, kind: 'OFFICE', parent: 'wuchang',
    note: 'Figures the district offices measure themselves are entered here; the district total is computed over all units.',
  },
  ...stations.map(([key, zh, en]): OrgUnitDefinition => ({
    key: `station-${key}`, name: { 'zh-CN': `${zh}市场监督管理所`, en: `${en} Market Supervision Station` },
    kind: 'STATION', parent: 'wuchang', note: illustrative,
  })),
]

export default defineInstallation({
  name: { 'zh-CN': '武昌区市场监督管理局绩效评价', en: 'Wuchang AMR performance evaluation' },
  orgUnits,
  reports: [wuchangReport],
  // The first six are scored (100 points); the others are monitored, unweighted until the
  // bureau sets their weights.
  plugins: [
    food,
    drugs,
    specialEquipment,
    prices,
    fishingBan,
    intellectualProperty,
    productQuality,
    enforcement,
    advertising,
    onlineTrade,
    metrology,
    complaints,
    businessEnvironment,
    quality,
    lawBasedAdministration,
    peoplesCongressMotions,
    staffing,
  ],
})
