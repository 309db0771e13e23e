/**
 * Downtime as time, not as a sum of incidents: overlapping incidents are counted once.
 */

/** A span of time [start, end) in epoch ms, with a rank (0 = P1, the most severe). */
export interface RankedInterval {
  start: number
  end: number
  rank: number
}

/**
 * Clips the intervals to [from, to) and charges every instant covered by at least one of them to
 * the most severe (lowest) rank active at that instant. Returns milliseconds per rank; their sum
 * is the length of the union, so two overlapping incidents never count twice.
 * One sort and one sweep: O(n log n).
 */
export function attribute(intervals: readonly RankedInterval[], from: number, to: number, ranks: number): number[] {
  const out = new Array<number>(ranks).fill(0)
  // Sweep points: +1 at a start, −1 at an end; ends sort before starts at the same instant.
  const points: { at: number; rank: number; delta: 1 | -1 }[] = []
  for (const iv of intervals) {
    const s = Math.max(iv.start, from)
    const e = Math.min(iv.end, to)
    if (!(e > s) || iv.rank < 0 || iv.rank >= ranks) continue
    points.push({ at: s, rank: iv.rank, delta: 1 }, { at: e, rank: iv.rank, delta: -1 })
  }
  points.sort((a, b) => a.at - b.at || a.delta - b.delta)
  const active = new Array<number>(ranks).fill(0)
  let prev = 0
  for (const p of points) {
    // Charge [prev, p.at) to the most severe active rank (ranks are few: P1…P4).
    if (p.at > prev) {
      for (let r = 0; r < ranks; r++) {
        if (active[r]! > 0) {
          out[r]! += p.at - prev
          break
        }
      }
    }
    active[p.rank]! += p.delta
    prev = p.at
  }
  return out
}

/** Length of the union of the intervals within [from, to), in ms. */
export function unionLength(intervals: readonly RankedInterval[], from: number, to: number): number {
  const flat = intervals.map((iv) => ({ start: iv.start, end: iv.end, rank: 0 }))
  return attribute(flat, from, to, 1)[0]!
}
