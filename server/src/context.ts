// Per-request state: the database, the plugin registry, and loaders that read each thing
// once per request however many fields ask for it (no N+1 on the scorecard).
import type { Db, OrgUnit } from '@msp/db'
import { FigureIndex, OrgTree, spanOf, PeriodError, today, type FigureRecord, type LabelledSpan, type PeriodInput, type Source, type Span, type TargetRecord } from './engine/index.ts'
import { userError } from './errors.ts'
import type { Registry, RegisteredMetric } from './registry.ts'

export interface Context {
  db: Db
  registry: Registry
  /** Time-progress stops here. */
  asOf: string
  orgUnits(): Promise<{ tree: OrgTree; byKey: Map<string, OrgUnit>; byId: Map<number, OrgUnit> }>
  /** Every figure whose span lies within `span`, at `orgUnit` and below (default all), indexed for the engine. */
  figures(span: Span, orgUnit?: string): Promise<FigureIndex>
  targets(): Promise<TargetRecord[]>
}

export function createContext(db: Db, registry: Registry, asOf: string = today()): Context {
  let units: ReturnType<Context['orgUnits']> | undefined
  let targets: Promise<TargetRecord[]> | undefined
  const figureLoads = new Map<string, Promise<FigureIndex>>()

  const context: Context = {
    db,
    registry,
    asOf,
    orgUnits() {
      units ??= db.orgUnit.findMany({ orderBy: { sortOrder: 'asc' } }).then((rows) => {
        const byId = new Map(rows.map((r) => [r.id, r]))
        const tree = new OrgTree(rows.map((r) => ({ key: r.key, parentKey: r.parentId === null ? null : byId.get(r.parentId)!.key })))
        return { tree, byKey: new Map(rows.map((r) => [r.key, r])), byId }
      })
      return units
    },
    figures(span, orgUnit) {
      const key = `${span.start}..${span.end}@${orgUnit ?? '*'}`
      let load = figureLoads.get(key)
      if (!load) figureLoads.set(key, (load = loadFigures(span, orgUnit)))
      return load
    },
    targets() {
      targets ??= Promise.all([context.orgUnits(), db.target.findMany()]).then(([{ byId }, rows]) =>
        rows.map((t): TargetRecord => ({
          metricKey: t.metricKey, orgUnitKey: t.orgUnitId === null ? null : byId.get(t.orgUnitId)!.key,
          start: t.periodStart, end: t.periodEnd, value: t.value, source: t.source as Source, reason: t.reason,
        })),
      )
      return targets
    },
  }

  async function loadFigures(span: Span, orgUnit: string | undefined): Promise<FigureIndex> {
    const { byId, byKey, tree } = await context.orgUnits()
    // A station's scorecard reads the station's figures only, not the whole district's.
    const ids = orgUnit && orgUnit !== tree.root ? tree.subtree(orgUnit).map((k) => byKey.get(k)!.id) : undefined
    const rows = await db.figure.findMany({
      where: { periodStart: { gte: span.start }, periodEnd: { lte: span.end }, ...(ids ? { orgUnitId: { in: ids } } : {}) },
      select: { metricKey: true, orgUnitId: true, periodStart: true, periodEnd: true, value: true, source: true },
    })
    return new FigureIndex(rows.map((r): FigureRecord => ({
      metricKey: r.metricKey, orgUnitKey: byId.get(r.orgUnitId)!.key, start: r.periodStart, end: r.periodEnd,
      value: r.value, source: r.source as Source,
    })))
  }

  return context
}

/** The engine's inputs for a request: figures within `span` (at `orgUnit` and below), the org tree, the targets. */
export async function engineInput(context: Context, span: Span, orgUnit?: string) {
  const [{ tree }, figures, targets] = await Promise.all([context.orgUnits(), context.figures(span, orgUnit), context.targets()])
  return { context: { metrics: context.registry.metrics, figures, tree }, targets, asOf: context.asOf }
}

/** A period argument as a span, or a BAD_PERIOD error that says what to fix. */
export function periodArg(input: PeriodInput): LabelledSpan {
  try {
    return spanOf(input)
  } catch (error) {
    if (error instanceof PeriodError) throw userError('BAD_PERIOD', `period: ${error.message}`)
    throw error
  }
}

/** An org unit argument, defaulting to the root; UNKNOWN_ORG_UNIT names the keys there are. */
export async function orgUnitArg(context: Context, arg: string | number | null | undefined): Promise<string> {
  const { tree, byKey } = await context.orgUnits()
  if (arg === null || arg === undefined) return tree.root
  const key = String(arg)
  if (!byKey.has(key)) {
    throw userError('UNKNOWN_ORG_UNIT', `org unit '${key}' does not exist; the org units are: ${[...byKey.keys()].join(', ')}`)
  }
  return key
}

export function metricArg(context: Context, key: string): RegisteredMetric {
  const metric = context.registry.metrics.get(key)
  if (!metric) throw userError('UNKNOWN_METRIC', `metric '${key}' does not exist; list the metrics with { areas { metrics { key } } }`)
  return metric
}

export function localized(name: { 'zh-CN': string; en: string }, locale: string | null | undefined): string {
  return locale?.toLowerCase().startsWith('en') ? name.en : name['zh-CN']
}
