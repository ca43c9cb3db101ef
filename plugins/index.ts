// The supervision areas this installation runs, in the order they are shown. A new area
// is a folder beside these and one line here; the core never names an area.
import { food } from './food/index.ts'
import { drugs } from './drugs/index.ts'
import { specialEquipment } from './special-equipment/index.ts'
import { prices } from './prices/index.ts'
import { fishingBan } from './fishing-ban/index.ts'
import { intellectualProperty } from './intellectual-property/index.ts'
import type { PluginDefinition } from './sdk/index.ts'

export const plugins: readonly PluginDefinition[] = [
  food,
  drugs,
  specialEquipment,
  prices,
  fishingBan,
  intellectualProperty,
]
