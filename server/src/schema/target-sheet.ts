// The leaders' target editor's grid in one request (issue 10): metrics × the district and its
// units for a year, each cell the annual target that holds and where it came from, and the
// units' sum beside the district's. Worked out in targets/target-sheet.ts; set with setTargets.
import type { Area, Metric, OrgUnit } from '@msp/db'
import { builder } from '../builder.ts'
import { periodArg } from '../context.ts'
import { targetSheet, type SheetArea, type SheetCell, type SheetRow } from '../targets/target-sheet.ts'
import { AreaRef } from './area.ts'
import { MetricRef } from './metric.ts'
import { OrgUnitRef } from './org-unit.ts'
import { Source } from './enums.ts'
import { Target, weakestSource } from './target.ts'

interface SheetShape {
  year: number
  orgUnits: OrgUnit[]
  areas: (SheetArea & { row: Area; rows: RowShape[] })[]
}
type RowShape = SheetRow & { row: Metric; cells: (SheetCell & { unit: OrgUnit })[] }

// What the lists cost before they run (schema/cost.ts): about their lengths. Everything below
// targetSheet is worked out in memory from one read of the targets; a target's history reads more.
const unitsCost = 15
const areasCost = (_args: object, context: { registry: { areas: readonly unknown[] } }) => ({ field: 1, multiplier: context.registry.areas.length })
const rowsCost = (_args: object, context: { registry: { areas: readonly unknown[]; metrics: ReadonlyMap<string, unknown> } }) =>
  ({ field: 1, multiplier: Math.ceil(context.registry.metrics.size / Math.max(1, context.registry.areas.length)) })

const TargetSheetCell = builder.objectRef<RowShape['cells'][number]>('TargetSheetCell').implement({
  description: "One unit's annual target for one metric.",
  fields: (t) => ({
    orgUnit: t.field({ type: OrgUnitRef, resolve: (c) => c.unit }),
    // The target's value, source and reason again, free: a sheet is 1,500 cells or more, and the
    // editor asks for these of each (Target's own fields cost 1 apiece).
    value: t.float({ nullable: true, complexity: 0, description: 'The value of target.', resolve: (c) => c.target?.value ?? null }),
    source: t.field({ type: Source, nullable: true, complexity: 0, description: 'The source of target: SAMPLE for a sample or a plugin default.', resolve: (c) => (c.target ? weakestSource(c.target.sources) : null) }),
    reason: t.string({ nullable: true, complexity: 0, description: 'The reason of target.', resolve: (c) => c.target?.reason ?? null }),
    target: t.field({
      type: Target,
      nullable: true,
      description: "The target that holds for the unit: its own, or the district's where that carries down (a rate, a ceiling: see inherited). Null: none.",
      resolve: (c) => c.target,
    }),
    inherited: t.exposeBoolean('inherited', { complexity: 0, description: "The unit has no target of its own: the district's holds for it." }),
    measures: t.exposeBoolean('measures', {
      complexity: 0,
      description: "Whether the unit measures the metric (its kind enters it; a RANK is the district's alone): where a target of its own means something.",
    }),
  }),
})

const TargetSheetRow = builder.objectRef<RowShape>('TargetSheetRow').implement({
  description: "One metric's annual targets: the district's and each unit's, and the units' sum.",
  fields: (t) => ({
    metric: t.field({ type: MetricRef, resolve: (r) => r.row }),
    district: t.field({ type: Target, nullable: true, description: "The district's annual target; null when none is set.", resolve: (r) => r.district }),
    cells: t.field({
      type: [TargetSheetCell],
      description: 'A cell for each unit, in the order of TargetSheet.orgUnits after the district.',
      complexity: { field: 1, multiplier: unitsCost },
      resolve: (r) => r.cells,
    }),
    unitSum: t.exposeFloat('unitSum', {
      nullable: true,
      description: "The units' own targets added up, for a count or money aimed at \"at least\" (FLOW, STOCK); null for a rate, a rank, a ceiling, or when no unit has one.",
    }),
    unitsWithTarget: t.exposeInt('unitsWithTarget', { description: 'How many units have a target of their own.' }),
    sumDiffers: t.exposeBoolean('sumDiffers', { description: "The units' targets add up to something other than the district's." }),
  }),
})

const TargetSheetArea = builder.objectRef<SheetShape['areas'][number]>('TargetSheetArea').implement({
  fields: (t) => ({
    area: t.field({ type: AreaRef, resolve: (a) => a.row }),
    rows: t.field({ type: [TargetSheetRow], description: 'Its metrics in the order the plugin defines them.', complexity: rowsCost, resolve: (a) => a.rows }),
  }),
})

export const TargetSheet = builder.objectRef<SheetShape>('TargetSheet').implement({
  description: "A year's annual targets, metrics × the district and its units, as the leaders' target editor shows them. Values in base units: rates as fractions, money in yuan.",
  fields: (t) => ({
    year: t.exposeInt('year'),
    orgUnits: t.field({
      type: [OrgUnitRef],
      description: 'The district first, then its units in their order: the columns.',
      complexity: { field: 1, multiplier: unitsCost },
      resolve: (s) => s.orgUnits,
    }),
    areas: t.field({ type: [TargetSheetArea], description: 'In the order the installation lists them.', complexity: areasCost, resolve: (s) => s.areas }),
  }),
})

builder.queryField('targetSheet', (t) =>
  t.field({
    type: TargetSheet,
    description: "A year's targets for the target editor: every metric × the district and its units. Every role that reads every unit (not a REPORTER).",
    args: { year: t.arg.int({ required: true }) },
    authScopes: { readsEveryUnit: true },
    // Four reads (targets, units, metrics, areas), each once; the rest is arithmetic.
    complexity: 100,
    resolve: async (_root, args, context) => {
      periodArg(context, { year: args.year })
      const [{ tree, byKey }, targets, metrics, areas] = await Promise.all([context.orgUnits(), context.targets(), context.db.metric.findMany(), context.db.area.findMany()])
      const units = tree.children(tree.root).map((key) => byKey.get(key)!)
      const metricByKey = new Map(metrics.map((m) => [m.key, m]))
      const areaByKey = new Map(areas.map((a) => [a.key, a]))
      const sheet = targetSheet(context.registry.areas, tree.root, units, targets, args.year, context.asOf)
      return {
        year: args.year,
        orgUnits: [byKey.get(tree.root)!, ...units],
        areas: sheet.map((a) => ({
          ...a,
          row: areaByKey.get(a.area.key)!,
          rows: a.rows.map((r) => ({ ...r, row: metricByKey.get(r.metric.key)!, cells: r.cells.map((c) => ({ ...c, unit: byKey.get(c.orgUnitKey)! })) })),
        })),
      }
    },
  }),
)
