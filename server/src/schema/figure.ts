import { qualifiers, sources, type Qualifier as QualifierWord } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { Revision } from './revision.ts'
import { engineInput, localized } from '../context.ts'
import { checkBudget } from '../execution/query-budget.ts'
import { aggregateBelow, wordOf } from '../engine/index.ts'
import { reportFigureOf } from '../registry.ts'
import { Qualifier, Source } from './enums.ts'

interface ProvenanceShape {
  metricKey: string
  periodStart: string
  periodEnd: string
  section: string | null
  sentence: string
  stated: string | null
  qualifier: QualifierWord | null
}

const Provenance = builder.objectRef<ProvenanceShape>('Provenance').implement({
  description: "Where a REPORT figure was stated: the report's section and the whole sentence, verbatim.",
  fields: (t) => ({
    section: t.exposeString('section', { nullable: true }),
    sentence: t.exposeString('sentence'),
    stated: t.exposeString('stated', { nullable: true, description: "The figure as the report writes it: '逾6429家次', '257.21万元'." }),
    qualifier: t.field({ type: Qualifier, nullable: true, resolve: (p) => p.qualifier }),
    report: t.string({
      description: 'The report quoted: its title and date.',
      resolve: (p, _args, context) => {
        const report = reportFigureOf(context.registry, p.metricKey, p.periodStart, p.periodEnd)?.report ?? context.registry.reports[0]!
        return `${report.title} (${report.date})`
      },
    }),
    spanAssumption: t.string({
      nullable: true,
      description: "Where the report leaves a bound of the figure's span unsaid (截至4月30日, 至今): which was assumed, and why.",
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' (default) or 'en'" }) },
      resolve: (p, { locale }, context) => {
        const assumption = reportFigureOf(context.registry, p.metricKey, p.periodStart, p.periodEnd)?.assumption
        return assumption ? localized(assumption, locale) : null
      },
    }),
  }),
})

builder.prismaObject('Figure', {
  description: 'A figure as stored: once, at the org unit and span where it was measured.',
  fields: (t) => ({
    id: t.exposeID('id'),
    value: t.exposeFloat('value', { description: "In the metric's base unit: yuan for money, a fraction for rates." }),
    periodStart: t.expose('periodStart', { type: 'Date' }),
    periodEnd: t.expose('periodEnd', { type: 'Date' }),
    orgUnit: t.relation('orgUnit'),
    metric: t.relation('metric'),
    source: t.field({ type: Source, resolve: (f) => wordOf(sources, f.source, 'figure.source') }),
    provenance: t.field({
      type: Provenance,
      nullable: true,
      resolve: (f) =>
        f.reportSentence
          ? {
              metricKey: f.metricKey, periodStart: f.periodStart, periodEnd: f.periodEnd, section: f.reportSection, sentence: f.reportSentence, stated: f.reportStated,
              qualifier: f.qualifier === null ? null : wordOf(qualifiers, f.qualifier, 'figure.qualifier'),
            }
          : null,
    }),
    unitsTotal: t.float({
      nullable: true,
      // Reads every figure below the unit over the figure's span.
      complexity: 20,
      extensions: { readsFigures: true },
      description:
        'For a figure stored at a unit with units below it (a reported district total): the same metric over the same span, ' +
        'computed from those units. Null when they hold nothing. When it differs from value, the units do not add up to the total.',
      resolve: async (figure, _args, context) => {
        const span = { start: figure.periodStart, end: figure.periodEnd }
        const [{ byId }, input] = await Promise.all([context.orgUnits(), engineInput(context, span, undefined, [figure.metricKey])])
        if (!context.registry.metrics.has(figure.metricKey)) return null
        return aggregateBelow(input.context, figure.metricKey, byId.get(figure.orgUnitId)!.key, span).value
      },
    }),
    note: t.exposeString('note', { nullable: true }),
    createdBy: t.exposeString('createdBy', { nullable: true }),
    updatedAt: t.string({ resolve: (f) => f.updatedAt.toISOString() }),
    history: t.field({
      type: [Revision],
      complexity: 5,
      description: 'Every change of this figure, oldest first: created, corrected (by import or an approved return), with who, when, the value before and why.',
      // Read with the figures that ask for it (one query for a list of figures, not one each).
      select: { revisions: { orderBy: { id: 'asc' } } },
      resolve: (f) =>
        f.revisions.map((r) => ({
          at: r.changedAt, by: r.changedBy ?? 'unknown', action: r.action, metricKey: r.metricKey, old: r.previousValue, new: r.value, reason: r.reason,
        })),
    }),
  }),
})

const DataRange = builder.objectRef<{ from: string | null; to: string | null }>('DataRange').implement({
  description: 'The first and last day any stored figure covers.',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date', nullable: true }),
    to: t.expose('to', { type: 'Date', nullable: true }),
  }),
})

builder.queryField('dataRange', (t) =>
  t.field({
    type: DataRange,
    description: 'The span the stored figures cover: a client opens on the year to date of its last day.',
    extensions: { readsFigures: true },
    resolve: async (_root, _args, context) => {
      checkBudget(context)
      const range = await context.db.figure.aggregate({ _min: { periodStart: true }, _max: { periodEnd: true } })
      return { from: range._min.periodStart, to: range._max.periodEnd }
    },
  }),
)
