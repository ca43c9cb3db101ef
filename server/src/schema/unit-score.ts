// The units directly below a scorecard's unit, ranked: Scorecard.league.
import { builder } from '../builder.ts'
import { behindCounts } from '../engine/index.ts'
import { Source, Status, Trend } from './enums.ts'
import { OrgUnitRef } from './org-unit.ts'
import { AreaScore, previousScoreRule, Scorecard, scoreOn100Rule } from './scorecard.ts'
import type { LeagueEntryShape } from './unit-card.ts'

const UnitScore = builder.objectRef<LeagueEntryShape>('UnitScore').implement({
  description: "One unit's scorecard in a league: its score, its place among the units beside it this year and a year earlier.",
  fields: (t) => ({
    orgUnit: t.field({ type: OrgUnitRef, resolve: (e) => e.card.orgUnit }),
    rank: t.exposeInt('rank', { nullable: true, description: 'By scoreOn100, best first; ties share a rank (1, 2, 2, 4); null without a score.' }),
    previousRank: t.exposeInt('previousRank', {
      nullable: true,
      description: 'The rank among the same units by previousScoreOn100: a year earlier over the same covered span.',
    }),
    rankChange: t.exposeInt('rankChange', {
      nullable: true,
      description: 'previousRank − rank: places moved up (1st a year earlier, 3rd now: −2). Null when either rank is null.',
    }),
    trend: t.field({
      type: Trend,
      nullable: true,
      description: 'BETTER when the unit moved up, WORSE when it moved down, SAME when it kept its place; null when rankChange is.',
      resolve: (e) => e.trend,
    }),
    score: t.float({ nullable: true, description: "Points earned: the sum of the areas' scores.", resolve: (e) => e.current.score }),
    maxScore: t.float({ nullable: true, description: 'The points at stake for the unit.', resolve: (e) => e.current.maxScore }),
    scoreOn100: t.float({ nullable: true, description: `${scoreOn100Rule} The same as the unit's own scorecard.`, resolve: (e) => e.current.scoreOn100 }),
    previousScoreOn100: t.float({ nullable: true, description: previousScoreRule, resolve: (e) => e.previous.scoreOn100 }),
    status: t.field({ type: Status, description: "The unit's scored areas' statuses combined, as Scorecard.status.", resolve: (e) => e.current.status }),
    areasBehind: t.int({ description: 'Scored areas (with a scored metric) whose status is BEHIND.', resolve: (e) => behindCounts(e.current).areas }),
    metricsBehind: t.int({ description: 'Scored metrics (monitored ones aside) whose status is BEHIND.', resolve: (e) => behindCounts(e.current).metrics }),
    sources: t.field({
      type: [Source],
      description: "Where the numbers its score is computed from came from (actuals, last year's, targets): SAMPLE among them marks the score as sample.",
      resolve: (e) => [...new Set(e.current.areas.flatMap((a) => a.rows.flatMap((r) => r.sources)))].sort(),
    }),
    areas: t.field({
      type: [AreaScore],
      description: "The unit's area scores, in the order of the scorecard's areas: a unit × area grid.",
      resolve: (e) => e.card.areas(),
    }),
  }),
})

builder.objectField(Scorecard, 'league', (t) =>
  t.field({
    type: [UnitScore],
    description:
      "Each org unit directly below the scorecard's unit (none for a unit without any), with its scorecard for the same period, " +
      'ranked by scoreOn100, best first; units without a score last.',
    // Two scorecards (this year's and a year earlier's) for each of up to fifteen units.
    complexity: { field: 2500, multiplier: 15 },
    resolve: (s) => s.work.league(),
  }),
)
