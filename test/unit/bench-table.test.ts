import { describe, expect, it } from 'vitest'
import { linearFit, markdownTable, median, pagesPlusOne, verdict, type Row } from '../../bench/table.js'

describe('bench table helpers', () => {
  it('says a target is met, or by how much it is missed', () => {
    expect(verdict({ what: 'requests', limit: 6, actual: 4, unit: 'requests' })).toBe('requests ≤ 6 requests: met')
    expect(verdict({ what: 'requests', limit: 6, actual: 8, unit: 'requests' })).toBe('requests ≤ 6 requests: MISSED by 2 requests (+33 %)')
    expect(verdict({ what: 'cold start', limit: 91, actual: 151, unit: 'ms' })).toBe('cold start ≤ 91 ms: MISSED by 60 ms (+66 %)')
    expect(verdict({ what: 'peak RSS', limit: 200, actual: null, unit: 'MB' })).toBe('peak RSS: not measured')
    // Float noise never reaches the table.
    expect(verdict({ what: 'writes per due item', limit: 1, actual: 1.1, unit: '' })).toBe('writes per due item ≤ 1: MISSED by 0.1 (+10 %)')
  })

  it('bounds pages at ⌈N/100⌉ + 1, at least 2', () => {
    expect([0, 1, 100, 101, 10_000, 50_000].map(pagesPlusOne)).toEqual([2, 2, 2, 3, 101, 501])
  })

  it('fits a line and a median', () => {
    const fit = linearFit([
      [1000, 100],
      [10_000, 118],
      [50_000, 198],
    ])!
    expect(fit.b * 1000).toBeCloseTo(2, 1)
    expect(fit.r2).toBeGreaterThan(0.99)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })

  it('prints a "not available" row without figures', () => {
    const row: Row = { scenario: 'sweep', size: '10', available: false, requests: null, rest: null, graphql: null, points: null, writes: null, wallMs: null, peakRssMb: null, min: 1, naive: { requests: 11, writes: 0, run: true }, targets: [], note: 'not wired' }
    expect(markdownTable([row]).split('\n')[2]).toBe('| sweep | 10 | **not available** | – | – | – | – | 1 | 11 req, 0 writes | not wired |')
  })
})
