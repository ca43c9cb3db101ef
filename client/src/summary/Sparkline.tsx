/**
 * A score's course through the period, month by month, as a small inline SVG line:
 * a chart library for a dozen points would cost the first screen more than it draws.
 */
export function Sparkline({ points, label, width = 96, height = 28 }: { points: readonly (number | null)[]; label: string; width?: number; height?: number }) {
  const known = points.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null)
  if (known.length < 2) return null
  const x = (i: number) => (points.length === 1 ? width / 2 : (i / (points.length - 1)) * (width - 4) + 2)
  // Scaled to its own range, at least 10 points tall: a change of 2 points is not drawn as a cliff.
  const values = known.map((k) => k.p)
  const mid = (Math.max(...values) + Math.min(...values)) / 2
  const span = Math.max(10, Math.max(...values) - Math.min(...values))
  const y = (p: number) => height - 2 - ((p - (mid - span / 2)) / span) * (height - 4)
  const path = known.map(({ p, i }, n) => `${n === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p).toFixed(1)}`).join(' ')
  const last = known[known.length - 1]!
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sparkline">
      <path d={path} fill="none" stroke="#1d4f91" strokeWidth="1.5" />
      <circle cx={x(last.i)} cy={y(last.p)} r="2.5" fill="#1d4f91" />
    </svg>
  )
}
