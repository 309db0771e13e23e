import { describe, expect, it } from 'vitest'
import { measure, mean, medianSorted, percentileSorted, responseMetric, summarize } from '../../../src/report/stats.js'

describe('duration summaries (hand-computed)', () => {
  // [sample, mean, median, p90 (nearest rank: rank ⌈0.9·n⌉), max]
  const cases: [number[], number | null, number | null, number | null, number | null][] = [
    [[], null, null, null, null],
    [[7], 7, 7, 7, 7],
    [[3, 1], 2, 2, 3, 3],
    [[5, 1, 3], 3, 3, 5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 5.5, 9, 10], // ⌈9⌉ = 9th
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 6, 10, 11], // ⌈9.9⌉ = 10th
    [[100, 1, 1, 1], 25.75, 1, 100, 100], // ⌈3.6⌉ = 4th
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200], 105, 105, 180, 200], // ⌈18⌉
  ]
  it.each(cases)('%j → mean %s, median %s, p90 %s, max %s', (xs, m, med, p90, max) => {
    const s = summarize(xs)
    expect(s).toEqual({ n: xs.length, meanMs: m, medianMs: med, p90Ms: p90, maxMs: max })
  })
  it('sorts numerically, not as text', () => {
    expect(summarize([9, 10, 100]).medianMs).toBe(10)
  })
  it('does not modify its input', () => {
    const xs = [3, 1, 2]
    summarize(xs)
    expect(xs).toEqual([3, 1, 2])
  })
  it('the helpers agree on edge cases', () => {
    expect(percentileSorted([], 0.9)).toBeNull()
    expect(percentileSorted([1, 2], 0)).toBe(1)
    expect(percentileSorted([1, 2], 1)).toBe(2)
    expect(medianSorted([])).toBeNull()
    expect(mean([])).toBeNull()
  })
})

describe('censoring: open incidents are counted, never dropped', () => {
  it('measures an open span as time so far, flagged open', () => {
    expect(measure(1_000, null, 11_000)).toEqual({ ms: 10_000, open: true })
    expect(measure(1_000, 4_000, 11_000)).toEqual({ ms: 3_000, open: false })
    expect(measure(5_000, 4_000, 11_000)).toEqual({ ms: 0, open: false }) // a start typed after the fix
  })
  it('reports completed-only figures, the open count, and lower bounds including the open ones', () => {
    const m = responseMetric('started', 'resolved', [
      { ms: 10, open: false },
      { ms: 20, open: false },
      { ms: 30, open: true },
      { ms: 100, open: true },
    ])
    expect(m.completed).toEqual({ n: 2, meanMs: 15, medianMs: 15, p90Ms: 20, maxMs: 20 })
    expect(m.open).toBe(2)
    expect(m.lowerBound).toEqual({ n: 4, meanMs: 40, medianMs: 25, p90Ms: 100, maxMs: 100 })
  })
  it('with nothing completed: no figures, but the open ones still count', () => {
    const m = responseMetric('declared', 'acknowledged', [{ ms: 60_000, open: true }])
    expect(m.completed.n).toBe(0)
    expect(m.completed.meanMs).toBeNull()
    expect(m.open).toBe(1)
    expect(m.lowerBound.meanMs).toBe(60_000)
  })
})
