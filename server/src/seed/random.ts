// Deterministic randomness for sample data: the same seed gives the same numbers on every
// machine, so sample figures and the tests that check them never drift.

/** mulberry32, seeded by a string. */
export function createRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let state = h >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Splits a whole `total` into whole parts in proportion to `weights` (largest remainder),
 * so the parts add up to the total exactly. `caps`, when given, bound each part.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`cannot apportion ${total}`)
  const capOf = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY
  const room = weights.reduce((sum, _, i) => sum + Math.min(capOf(i), Number.MAX_SAFE_INTEGER), 0)
  if (caps && total > room) throw new Error(`cannot fit ${total} under caps adding up to ${room}`)
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length))
  const parts = raw.map((r, i) => Math.min(Math.floor(r), capOf(i)))
  let left = total - parts.reduce((a, b) => a + b, 0)
  // Hand out what is left by largest remainder; where caps bind, to whoever still has room.
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  while (left > 0) {
    let handed = false
    for (const { i } of order) {
      if (left === 0) break
      if (parts[i]! < capOf(i)) {
        parts[i]!++
        left--
        handed = true
      }
    }
    if (!handed) throw new Error('apportion: no room left')
  }
  return parts
}

/** Rounds up or down at random in proportion to the fraction: small rates still show up. */
export function stochasticRound(value: number, random: () => number): number {
  const floor = Math.floor(value)
  return floor + (random() < value - floor ? 1 : 0)
}
