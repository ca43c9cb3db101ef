// The score month by month, for a sparkline: Scorecard.monthly and AreaScore.monthly.
import type { Status as StatusWord } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { maxMonthlyPoints, type MonthlyScorecard } from '../engine/index.ts'
import { Status } from './enums.ts'
import { AreaScore, Scorecard } from './scorecard.ts'
import type { UnitCard } from './unit-card.ts'

interface ScorePointShape {
  period: string
  through: string
  scoreOn100: number | null
  status: StatusWord
}

const ScorePoint = builder.objectRef<ScorePointShape>('ScorePoint').implement({
  description: 'A score to date at a month end: from the period\'s start through `through`.',
  fields: (t) => ({
    period: t.exposeString('period', { description: "The month, '2023-03'." }),
    through: t.expose('through', { type: 'Date', description: "The month's last day; the period's end, or the last day with figures, when earlier." }),
    scoreOn100: t.exposeFloat('scoreOn100', { nullable: true, description: 'score / maxScore × 100 from the period\'s start through `through`, time-progress judged at `through`.' }),
    status: t.field({ type: Status, description: 'The status the scorecard (or area) had through `through`, by the same rule.', resolve: (p) => p.status }),
  }),
})

export const monthlyDescription =
  "The score on 100 to date at each month end of the period, from the period's start (January, January–February, …): " +
  'one point for a single month; stopping at dataThrough when the period is partial; the last ' +
  `${maxMonthlyPoints} month ends of a longer span. The last point is the period's own score.`

// Computed once per unit (UnitCard.monthly) and shared by its areas: a few points each, but
// each point is a scorecard, so the field costs like a small one.
const monthlyCost = { field: 50, multiplier: maxMonthlyPoints }

const points = async (card: UnitCard, pick: (point: MonthlyScorecard) => { scoreOn100: number | null; status: StatusWord }) =>
  (await card.monthly()).map((p) => ({ period: p.period, through: p.through, ...pick(p) }))

builder.objectField(Scorecard, 'monthly', (t) =>
  t.field({
    type: [ScorePoint],
    description: monthlyDescription,
    complexity: monthlyCost,
    resolve: (s) => points(s.work.unit, (p) => p.card),
  }),
)

builder.objectField(AreaScore, 'monthly', (t) =>
  t.field({
    type: [ScorePoint],
    description: monthlyDescription,
    complexity: monthlyCost,
    resolve: (a) => points(a.unit, (p) => p.card.areas[a.index]!),
  }),
)
