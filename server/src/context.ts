// Per-request state: the database, the plugin registry, and loaders that read each thing
// once per request however many fields ask for it (no N+1 on the scorecard).
import { databaseOf, type Db, type Metric, type OrgUnit } from '@msp/db'
import { sources, type MetricKind } from '@msp/plugin-sdk'
import { FigureIndex, FigureSummaries, OrgTree, checkSupported, monthlySpans, previousYear, scorecardSpans, spanOf, PeriodError, today, wordOf, type FigureRecord, type LabelledSpan, type PeriodInput, type Span, type SpanRead, type SpanSummary, type TargetRecord } from './engine/index.ts'
import { readNestedSummaries, readSpanSummary } from './figure-summary-reads.ts'
import { quote, userError } from './errors.ts'
import { checkBudget, type BudgetedContext } from './execution/query-budget.ts'
import { defaultPeriodRange } from './settings.ts'
import { dataVersion, sharedReads, type Versions } from './shared-reads.ts'
import type { Registry, RegisteredMetric } from './registry.ts'
import { anonymous, type Credentials, type Viewer } from './auth/viewer.ts'
import { defaultSessionLimits, type SessionLimits } from './auth/sessions.ts'

/** What the account mutations need of the installation's settings. */
export interface AuthSettings {
  limits: SessionLimits
  secureCookies: boolean
}

export interface Context extends BudgetedContext {
  db: Db
  registry: Registry
  /** Time-progress stops here. */
  asOf: string
  /** Periods asked for must lie within this span (a setting). */
  periodRange: Span
  orgUnits(): Promise<{ tree: OrgTree; byKey: Map<string, OrgUnit>; byId: Map<number, OrgUnit> }>
  /**
   * Every figure whose span lies within `span`, at `orgUnit` and below (default all), of the
   * given metrics (default all), indexed for the engine.
   */
  figures(span: Span, orgUnit?: string, metricKeys?: readonly string[]): Promise<FigureIndex>
  /**
   * What the engine needs of the figures over each span, grouped by the database rather than
   * read one by one (FigureSummaries): at `orgUnit` and below (default all), of every metric,
   * or for a read naming kinds, of the metrics of those kinds.
   */
  figureSummaries(reads: readonly SpanRead[], orgUnit?: string): Promise<FigureSummaries>
  /** The same for the spans from `start` to each of `ends` (increasing), of every metric, read in one pass: the monthly points. */
  nestedSummaries(start: string, ends: readonly string[], orgUnit?: string): Promise<FigureSummaries>
  /**
   * Every target; with `within`, those whose span meets it (a city's ten years hold 47,000,
   * read in 450 ms); with `orgUnit`, those a scorecard of that unit judges with: the unit's,
   * its direct children's (its league and gaps), its ancestors' (carried down) and the
   * installation's (no unit). A city's root then reads its districts' targets, not its stations'.
   */
  targets(within?: Span, orgUnit?: string): Promise<TargetRecord[]>
  /** The metrics' rows by key, read once: a return's 61 values name theirs without 61 reads. */
  metricRows(): Promise<Map<string, Metric>>
  /** The last day any stored figure covers (dataRange.to): a period running past it is partial. */
  lastFigureDay(): Promise<string | null>
  /** The day of the next month a monthly return is due. */
  returnDueDay: number
  /** The first month every unit owes a return (a setting); null: the first month any return was saved. */
  returnsFrom: string | null
  /** The language of messages: 'en' when the request prefers English (Accept-Language), else 'zh-CN'. */
  language: 'zh-CN' | 'en'
  /** Who is asking (auth/viewer.ts); null without credentials. */
  viewer: Viewer | null
  credentials: Credentials
  auth: AuthSettings
  /** The data's and the sign-ins' versions when the request came, on the main thread (yoga.ts). */
  versions?: Versions
  /** Yoga's request, on the main thread: sign-in sets its cookie through it. */
  request?: Request & { cookieStore?: { set(cookie: object): Promise<void>; delete(name: string): Promise<void> } }
}

export function createContext(
  db: Db,
  registry: Registry,
  asOf: string = today(),
  options: { periodRange?: Span; returnDueDay?: number; returnsFrom?: string | null; credentials?: Credentials; auth?: AuthSettings; language?: 'zh-CN' | 'en' } = {},
): Context {
  let units: ReturnType<Context['orgUnits']> | undefined
  const targetLoads = new Map<string, Promise<TargetRecord[]>>()
  let lastDay: Promise<string | null> | undefined
  let metricRows: Promise<Map<string, Metric>> | undefined
  const figureLoads = new Map<string, Promise<FigureIndex>>()
  const summaryLoads = new Map<string, Promise<SpanSummary>>()
  const nestedLoads = new Map<string, Promise<SpanSummary[]>>()
  // Reads an earlier request made, while the data is unchanged (shared-reads.ts): one cheap
  // read of the data's version a request, then the figures, targets and tree from memory.
  const shared = sharedReads(db)
  let version: Promise<string> | undefined
  function remember<T extends object>(key: string, load: () => Promise<T>): Promise<T> {
    version ??= inTurn(() => dataVersion(db))
    return version.then((v) => shared.remember(v, key, load))
  }

  const context: Context = {
    db,
    registry,
    asOf,
    periodRange: options.periodRange ?? defaultPeriodRange(),
    language: options.language ?? 'zh-CN',
    returnDueDay: options.returnDueDay ?? 5,
    returnsFrom: options.returnsFrom ?? null,
    viewer: options.credentials?.viewer ?? null,
    credentials: options.credentials ?? anonymous,
    auth: options.auth ?? { limits: defaultSessionLimits, secureCookies: false },
    orgUnits() {
      units ??= remember('orgUnits', () => db.orgUnit.findMany({ orderBy: { sortOrder: 'asc' } }).then((rows) => {
        const byId = new Map(rows.map((r) => [r.id, r]))
        const tree = new OrgTree(rows.map((r) => ({ key: r.key, parentKey: r.parentId === null ? null : byId.get(r.parentId)!.key })))
        return { tree, byKey: new Map(rows.map((r) => [r.key, r])), byId }
      }))
      return units
    },
    figures(span, orgUnit, metricKeys) {
      const key = `${span.start}..${span.end}@${orgUnit ?? '*'}:${metricKeys ? [...metricKeys].sort().join(',') : '*'}`
      let load = figureLoads.get(key)
      if (!load) figureLoads.set(key, (load = remember(`figures ${key}`, () => loadFigures(span, orgUnit, metricKeys))))
      return load
    },
    figureSummaries(reads, orgUnit) {
      return Promise.all(reads.map(({ span, kinds }) => {
        const key = `${span.start}..${span.end}@${orgUnit ?? '*'}:${kinds ? [...kinds].sort().join(',') : '*'}`
        let load = summaryLoads.get(key)
        if (!load) summaryLoads.set(key, (load = remember(`summary ${key}`, () => loadSummary(span, orgUnit, kinds))))
        return load
      })).then((summaries) => new FigureSummaries(summaries))
    },
    nestedSummaries(start, ends, orgUnit) {
      const key = `nested ${start}..${ends.join(',')}@${orgUnit ?? '*'}`
      let load = nestedLoads.get(key)
      if (!load) nestedLoads.set(key, (load = remember(key, () => loadNested(start, ends, orgUnit))))
      return load.then((summaries) => new FigureSummaries(summaries))
    },
    targets(within, orgUnit) {
      const key = `targets ${within ? `${within.start}..${within.end}` : '*'}@${orgUnit ?? '*'}`
      let load = targetLoads.get(key)
      if (!load) targetLoads.set(key, (load = remember(key, () => loadTargets(within, orgUnit))))
      return load
    },
    metricRows() {
      metricRows ??= remember('metricRows', () => db.metric.findMany().then((rows) => new Map(rows.map((m) => [m.key, m]))))
      return metricRows
    },
    lastFigureDay() {
      // The last entry of the index on periodEnd; Prisma's aggregate wraps the table in a
      // subquery and reads every figure (29 ms at 30,000 figures, 200 ms at 331,000).
      lastDay ??= remember('lastFigureDay', () => inTurn(() => db.$queryRawUnsafe<{ last: string | null }[]>('SELECT MAX("periodEnd") AS "last" FROM "Figure"')))
        .then((rows) => rows[0]?.last ?? null)
      return lastDay
    },
  }

  // Reads of figures take turns, and each checks the time first: a query out of time issues
  // no more reads, where reads queued in the database client could not be called back.
  let reads: Promise<unknown> = Promise.resolve()
  function inTurn<T>(read: () => Promise<T>): Promise<T> {
    const next = reads.then(() => {
      checkBudget(context)
      return read()
    })
    reads = next.catch(() => undefined)
    return next
  }

  async function loadFigures(span: Span, orgUnit: string | undefined, metricKeys: readonly string[] | undefined): Promise<FigureIndex> {
    const { byId, byKey, tree } = await context.orgUnits()
    // A station's scorecard reads the station's figures only, not the whole district's.
    const ids = orgUnit && orgUnit !== tree.root ? tree.subtree(orgUnit).map((k) => byKey.get(k)!.id) : undefined
    const rows = await inTurn(() => db.figure.findMany({
      where: {
        periodStart: { gte: span.start }, periodEnd: { lte: span.end },
        ...(ids ? { orgUnitId: { in: ids } } : {}),
        ...(metricKeys ? { metricKey: { in: [...metricKeys] } } : {}),
      },
      select: { metricKey: true, orgUnitId: true, periodStart: true, periodEnd: true, value: true, source: true },
    }))
    return new FigureIndex(rows.map((r): FigureRecord => ({
      metricKey: r.metricKey, orgUnitKey: byId.get(r.orgUnitId)!.key, start: r.periodStart, end: r.periodEnd,
      value: r.value, source: wordOf(sources, r.source, 'figure.source'),
    })))
  }

  // Each statement takes its turn and checks the time first, as a read of figures does.
  // On the database's probe connection, not through Prisma: a city's scorecard reads tens of
  // thousands of grouped rows, and the client costs microseconds a row.
  const rawRead = (sql: string, params: unknown[]) => inTurn(() => databaseOf(db).probe.arrays(sql, params))

  /** The ids of `orgUnit` and the units below it; undefined (every unit) for the root. */
  async function subtreeIds(orgUnit: string | undefined) {
    const { byId, byKey, tree } = await context.orgUnits()
    const ids = orgUnit && orgUnit !== tree.root ? tree.subtree(orgUnit).map((k) => byKey.get(k)!.id) : undefined
    return { ids, keyOf: (id: number) => byId.get(id)!.key }
  }

  // Raw SQL, the columns the engine reads: a thousand targets in 6 ms, where Prisma's findMany
  // took 15 (every scorecard reads them when the data has changed). A unit's scorecard reads
  // those of the units it judges (itself and its children) and of those above it: at a city's
  // root a tenth of the targets of its two years, at a district a hundredth.
  async function loadTargets(within: Span | undefined, orgUnit: string | undefined): Promise<TargetRecord[]> {
    const { byId, byKey, tree } = await context.orgUnits()
    const conditions: string[] = []
    const params: unknown[] = []
    const param = () => (databaseOf(db).provider === 'sqlite' ? '?' : `$${params.length}`)
    if (within) {
      params.push(within.end)
      conditions.push(`"periodStart" <= ${param()}`)
      params.push(within.start)
      conditions.push(`"periodEnd" >= ${param()}`)
    }
    if (orgUnit) {
      // Ids from the tree, integers: written inline.
      const ids = [orgUnit, ...tree.children(orgUnit), ...tree.above(orgUnit)].map((k) => byKey.get(k)!.id)
      conditions.push(`("orgUnitId" IS NULL OR "orgUnitId" IN (${ids.join(', ')}))`)
    }
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
    const rows = await rawRead(`SELECT "id", "metricKey", "orgUnitId", "periodStart", "periodEnd", "value", "source", "reason" FROM "Target"${where} ORDER BY "id"`, params)
    return rows.map(([id, metricKey, orgUnitId, start, end, value, source, reason]): TargetRecord => ({
      metricKey: String(metricKey), orgUnitKey: orgUnitId === null ? null : byId.get(Number(orgUnitId))!.key,
      start: String(start), end: String(end), value: Number(value), source: wordOf(sources, String(source), 'target.source'),
      reason: reason === null || reason === undefined ? null : String(reason), id: Number(id),
    }))
  }

  async function loadSummary(span: Span, orgUnit: string | undefined, kinds: readonly MetricKind[] | null): Promise<SpanSummary> {
    const { ids, keyOf } = await subtreeIds(orgUnit)
    const metrics = [...context.registry.metrics.values()].filter((m) => !kinds || kinds.includes(m.kind))
    return readSpanSummary(rawRead, databaseOf(db).provider, { span, metrics, every: kinds === null, orgUnitIds: ids }, keyOf)
  }

  async function loadNested(start: string, ends: readonly string[], orgUnit: string | undefined): Promise<SpanSummary[]> {
    const { ids, keyOf } = await subtreeIds(orgUnit)
    return readNestedSummaries(rawRead, databaseOf(db).provider, { start, ends, metrics: [...context.registry.metrics.values()], orgUnitIds: ids }, keyOf)
  }

  return context
}

/** These metrics and the counts their rates are computed from: what the engine reads for them. */
export function withInputs(context: Pick<Context, 'registry'>, metricKeys: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const key of metricKeys) {
    keys.add(key)
    const metric = context.registry.metrics.get(key)
    if (metric?.numerator) keys.add(metric.numerator)
    if (metric?.denominator) keys.add(metric.denominator)
  }
  return [...keys]
}

/**
 * The engine's inputs for a request: figures within `span` (at `orgUnit` and below; of
 * `metricKeys` and their inputs when given, of every metric otherwise), the org tree, the targets.
 */
export async function engineInput(context: Context, span: Span, orgUnit?: string, metricKeys?: readonly string[]) {
  const [{ tree }, figures, targets, lastFigureDay] = await Promise.all([
    context.orgUnits(), context.figures(span, orgUnit, metricKeys && withInputs(context, metricKeys)), context.targets(), context.lastFigureDay(),
  ])
  // Resolvers waiting on the same read resume one after another: a query out of time stops
  // here rather than compute (each read checks the time too, in inTurn).
  checkBudget(context)
  return { context: { metrics: context.registry.metrics, figures, tree }, targets, asOf: context.asOf, lastFigureDay }
}

/**
 * The engine's inputs for a scorecard of `orgUnit` over `span`, its league and gaps, and last
 * year's score: the figures grouped by the database over the spans they read (scorecardSpans),
 * at the unit and below; and, on first call of `monthlyFigures`, over the monthly points' spans.
 */
export async function scorecardInput(context: Context, span: Span, orgUnit: string) {
  // The targets of the calendar years judged: last year's and this period's (resolveTarget
  // reads a target for exactly a span or for a year the span touches).
  const years = { start: `${previousYear(span).start.slice(0, 4)}-01-01`, end: `${span.end.slice(0, 4)}-12-31` }
  const [{ tree }, targets, lastFigureDay] = await Promise.all([context.orgUnits(), context.targets(years, orgUnit), context.lastFigureDay()])
  const figures = await context.figureSummaries(scorecardSpans(span, lastFigureDay, context.asOf), orgUnit)
  checkBudget(context)
  const monthlyFigures = () => context.nestedSummaries(span.start, monthlySpans(span, lastFigureDay, context.asOf).map((s) => s.end), orgUnit)
  return { context: { metrics: context.registry.metrics, figures, tree }, targets, asOf: context.asOf, lastFigureDay, monthlyFigures }
}

/** A period argument as a span, or a BAD_PERIOD error that says what to fix. */
export function periodArg(context: Pick<Context, 'periodRange'>, input: PeriodInput): LabelledSpan {
  try {
    const span = spanOf(input)
    checkSupported(span, context.periodRange)
    return span
  } catch (error) {
    if (error instanceof PeriodError) throw userError('BAD_PERIOD', `period: ${error.message}`)
    throw error
  }
}

/** A date argument, already a date (the Date scalar), within the supported range, or BAD_PERIOD. */
export function dateArg(context: Pick<Context, 'periodRange'>, name: string, value: string): string {
  const { start, end } = context.periodRange
  if (value < start || value > end) throw userError('BAD_PERIOD', `${name} ${value} is outside the supported range ${start}..${end}`)
  return value
}

/**
 * An org unit argument, defaulting to the root (a REPORTER's own unit, for them); UNKNOWN_ORG_UNIT
 * names the keys there are. Whether the viewer may read it is the field's rule (readsUnit).
 */
export async function orgUnitArg(context: Context, arg: string | number | null | undefined): Promise<string> {
  const { tree, byKey } = await context.orgUnits()
  // A REPORTER's default is their own unit; everyone else's, the district.
  if (arg === null || arg === undefined) return (context.viewer?.role === 'REPORTER' && context.viewer.orgUnitKey) || tree.root
  const key = String(arg)
  if (!byKey.has(key)) {
    throw userError('UNKNOWN_ORG_UNIT', `org unit '${quote(key)}' does not exist; the org units are: ${[...byKey.keys()].join(', ')}`)
  }
  return key
}

export function metricArg(context: Context, key: string): RegisteredMetric {
  const metric = context.registry.metrics.get(key)
  if (!metric) throw userError('UNKNOWN_METRIC', `metric '${quote(key)}' does not exist; list the metrics with { areas { metrics { key } } }`)
  return metric
}

/** The language a request asks its messages in: English only when it prefers it. */
export function languageOf(headers: Headers): 'zh-CN' | 'en' {
  const first = headers.get('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh-CN'
}

export function localized(name: { 'zh-CN': string; en: string }, locale: string | null | undefined): string {
  return locale?.toLowerCase().startsWith('en') ? name.en : name['zh-CN']
}
