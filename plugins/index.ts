// The supervision areas this installation runs, in the order they are shown. A new area
// is a folder beside these and one line here; the core never names an area.
// The first six are scored (100 points); the others are monitored, unweighted until the
// bureau sets their weights.
import { food } from './food/index.ts'
import { drugs } from './drugs/index.ts'
import { specialEquipment } from './special-equipment/index.ts'
import { prices } from './prices/index.ts'
import { fishingBan } from './fishing-ban/index.ts'
import { intellectualProperty } from './intellectual-property/index.ts'
import { productQuality } from './product-quality/index.ts'
import { enforcement } from './enforcement/index.ts'
import { advertising } from './advertising/index.ts'
import { onlineTrade } from './online-trade/index.ts'
import { metrology } from './metrology/index.ts'
import { complaints } from './complaints/index.ts'
import { businessEnvironment } from './business-environment/index.ts'
import { quality } from './quality/index.ts'
import { lawBasedAdministration } from './law-based-administration/index.ts'
import { peoplesCongressMotions } from './motions/index.ts'
import { staffing } from './staffing/index.ts'
import type { PluginDefinition } from './sdk/index.ts'

export const plugins: readonly PluginDefinition[] = [
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
]
