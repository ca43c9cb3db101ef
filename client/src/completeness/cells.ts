// A completeness cell's word. The API has no "never saved": an OPEN return holding no value
// reads as not reported (未报), which is what a leader means by it.
export type CellWord = 'APPROVED' | 'SUBMITTED' | 'OPEN' | 'REJECTED' | 'NONE'

export function cellWord(c: { state: string; entered: number }): CellWord {
  if (c.state === 'OPEN' && c.entered === 0) return 'NONE'
  return c.state as CellWord
}

/** Months (YYYY-MM, in order) as runs of consecutive months: a unit late all year is one run. */
export function monthRuns(months: readonly string[]): string[][] {
  const runs: string[][] = []
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5))
  for (const m of months) {
    const last = runs.at(-1)
    if (last && index(m) - index(last.at(-1)!) === 1) last.push(m)
    else runs.push([m])
  }
  return runs
}
