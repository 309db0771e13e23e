import { describe, expect, it } from 'vitest'
import { attribute, unionLength } from '../../../src/report/intervals.js'
import { prng } from './fixtures.js'

describe('downtime as a union of intervals', () => {
  const iv = (start: number, end: number, rank = 0) => ({ start, end, rank })
  it.each([
    ['disjoint', [iv(0, 10), iv(20, 30)], 20],
    ['overlapping count once', [iv(0, 10), iv(5, 15)], 15],
    ['nested', [iv(0, 100), iv(10, 20)], 100],
    ['touching', [iv(0, 10), iv(10, 20)], 20],
    ['identical', [iv(0, 10), iv(0, 10)], 10],
    ['clipped to the window', [iv(-50, 10), iv(90, 200)], 20],
    ['empty and inverted intervals add nothing', [iv(5, 5), iv(9, 3)], 0],
    ['none', [], 0],
  ])('%s', (_name, ivs, expected) => {
    expect(unionLength(ivs, 0, 100)).toBe(expected)
  })
  it('charges each instant to the most severe rank active then', () => {
    // P2 [0, 10), P1 [5, 8), P4 [7, 20): P1 gets 3, P2 gets 5 + 2, P4 gets 10.
    expect(attribute([iv(0, 10, 1), iv(5, 8, 0), iv(7, 20, 3)], 0, 100, 4)).toEqual([3, 7, 0, 10])
  })
  it('agrees with a unit-by-unit count on random data', () => {
    const rnd = prng(42)
    for (let round = 0; round < 20; round++) {
      const ivs = Array.from({ length: 30 }, () => {
        const s = Math.floor(rnd() * 300) - 50
        return iv(s, s + Math.floor(rnd() * 60), Math.floor(rnd() * 4))
      })
      const perUnit = [0, 0, 0, 0]
      for (let t = 0; t < 200; t++) {
        let best = -1
        for (const x of ivs) if (x.start <= t && t < x.end && (best < 0 || x.rank < best)) best = x.rank
        if (best >= 0) perUnit[best]!++
      }
      expect(attribute(ivs, 0, 200, 4)).toEqual(perUnit)
      expect(unionLength(ivs, 0, 200)).toBe(perUnit.reduce((a, b) => a + b, 0))
    }
  })
})
