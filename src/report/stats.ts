/**
 * Summaries of durations, and how incidents that have not reached a milestone yet enter them.
 *
 * Definitions (docs/metrics.md):
 * - mean: the arithmetic mean;
 * - median: the middle value of the sorted sample, the mean of the two middle values when n is even;
 * - p90: nearest rank, the value at rank ⌈0.9·n⌉ (1-based) of the sorted sample, so always an
 *   observed value: n = 1 → that value; n = 10 → the 9th smallest; n = 11 → the 10th;
 * - max: the largest value.
 * With n = 0 every statistic is null (rendered "—"), never NaN.
 *
 * Censoring. An incident not yet acknowledged / mitigated / resolved has an unknown duration known
 * to be at least its time so far (`now − from`). Dropping it (as github/issue-metrics does) biases
 * the figures down, the slowest incidents being the likeliest to be still open. We report both:
 * - `completed`: the statistics of the incidents that reached the milestone (the usual figures,
 *   comparable with other tools), next to `open`, the count of those that did not;
 * - `lowerBound`: the same statistics over all of them, open ones at their time so far. Each
 *   statistic here is monotone in every value, so it is a true lower bound of the statistic of the
 *   real (still unknown) durations: "MTTR ≥ 5h 10m".
 * The open incidents themselves are listed with "≥ time so far".
 */
import type { Measured, ResponseMetric, Summary } from './types.js'

/** Nearest-rank percentile of an ascending sample: the value at rank ⌈p·n⌉; null when empty. */
export function percentileSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  const rank = Math.min(n, Math.max(1, Math.ceil(p * n)))
  return sorted[rank - 1]!
}

/** Median of an ascending sample (mean of the two middle values for even n); null when empty. */
export function medianSorted(sorted: readonly number[]): number | null {
  const n = sorted.length
  if (n === 0) return null
  const mid = n >> 1
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Mean; null when empty. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let s = 0
  for (const v of values) s += v
  return s / values.length
}

/** Mean, median, p90 (nearest rank) and max of durations in ms. Sorts a copy once: O(n log n). */
export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort()
  const arr = Array.from(sorted)
  return {
    n: arr.length,
    meanMs: mean(arr),
    medianMs: medianSorted(arr),
    p90Ms: percentileSorted(arr, 0.9),
    maxMs: arr.length ? arr[arr.length - 1]! : null,
  }
}

/**
 * A response metric from measured durations: `completed` over the closed ones, `open` counted,
 * `lowerBound` over all (open ones at their time so far).
 */
export function responseMetric(
  from: ResponseMetric['from'],
  to: ResponseMetric['to'],
  measured: readonly Measured[],
): ResponseMetric {
  const done: number[] = []
  const all: number[] = []
  for (const m of measured) {
    all.push(m.ms)
    if (!m.open) done.push(m.ms)
  }
  return { from, to, completed: summarize(done), open: all.length - done.length, lowerBound: summarize(all) }
}

/**
 * The duration from `fromMs` to `toMs` (epoch ms), or, when `toMs` is null (not reached by `nowMs`),
 * the time so far as an open lower bound. Negative spans (a start time typed after the fix) count 0.
 */
export function measure(fromMs: number, toMs: number | null, nowMs: number): Measured {
  if (toMs === null) return { ms: Math.max(0, nowMs - fromMs), open: true }
  return { ms: Math.max(0, toMs - fromMs), open: false }
}
