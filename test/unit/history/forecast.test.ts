import { describe, expect, it } from 'vitest'
import { fitModel, interval, pmf, pmfTable } from '../../../src/history/count-models.js'
import { MIN_WEEKS, buildForecast, forecastSeries, weeklyCounts } from '../../../src/history/forecast.js'
import type { ReportIncident } from '../../../src/report/types.js'

/** mulberry32: a small seeded generator, so every run draws the same histories. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
function poisson(r: () => number, lambda: number): number {
  // Knuth's method; fine for the small rates here.
  const l = Math.exp(-lambda)
  let k = 0
  let p = 1
  do {
    k++
    p *= r()
  } while (p > l)
  return k - 1
}
function gamma(r: () => number, shape: number): number {
  // Marsaglia–Tsang (shape ≥ 1; boosted below 1).
  if (shape < 1) return gamma(r, shape + 1) * Math.pow(r(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      const u1 = r()
      const u2 = r()
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = r()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}
const negbin = (r: () => number, mean: number, size: number): number => poisson(r, (gamma(r, size) * mean) / size)

/** Runs `sims` histories of `weeks` weeks and the week after: the share of those next weeks inside each interval. */
function coverage(draw: (r: () => number) => number, seed: number, sims: number, weeks: number) {
  const r = rng(seed)
  let in80 = 0
  let in95 = 0
  let mass80 = 0
  let mass95 = 0
  for (let s = 0; s < sims; s++) {
    const y = Array.from({ length: weeks }, () => draw(r))
    const truth = draw(r)
    const f = forecastSeries('all', y).weeks[0]!
    if (truth >= f.i80.lo && truth <= f.i80.hi) in80++
    if (truth >= f.i95.lo && truth <= f.i95.hi) in95++
    mass80 += f.i80.mass
    mass95 += f.i95.mass
  }
  return { c80: in80 / sims, c95: in95 / sims, m80: mass80 / sims, m95: mass95 / sims }
}

describe('predictive distributions', () => {
  it('sum to 1 and have the asked mean, Poisson and negative binomial alike', () => {
    for (const p of [
      { mean: 3, variance: 3 },
      { mean: 3, variance: 9 },
      { mean: 0.2, variance: 0.25 },
    ]) {
      const f = pmfTable(p)
      expect(f.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6)
      expect(f.reduce((s, v, k) => s + v * k, 0)).toBeCloseTo(p.mean, 4)
      expect(f.reduce((s, v, k) => s + v * (k - p.mean) ** 2, 0)).toBeCloseTo(p.variance, 3)
    }
    expect(pmf({ mean: 2, variance: 2 }, 0)).toBeCloseTo(Math.exp(-2), 10)
  })

  it('an interval is whole counts around the mode, with its exact probability', () => {
    // Poisson(2): 0.135 0.271 0.271 0.180 0.090: from the mode 1, {1,2,3} = 0.722, then 0 (0.135 > 0.090): 0.857 is closer to 0.8.
    const i = interval({ mean: 2, variance: 2 }, 0.8)
    expect([i.lo, i.hi]).toEqual([0, 3])
    expect(i.mass).toBeCloseTo(0.8571, 3)
  })

  it('a constant Poisson fit is the Jeffreys posterior predictive', () => {
    const f = fitModel('poisson', [0, 0, 0, 0])!
    expect(f.predict(1).mean).toBeCloseTo(0.5 / 4, 10)
    expect(f.predict(1).variance).toBeCloseTo((0.5 / 4) * 1.25, 10)
  })

  it('a clear upward trend is chosen over a constant rate, and projected', () => {
    const y = Array.from({ length: 40 }, (_, t) => Math.round(2 * Math.exp(t / 20)))
    const s = forecastSeries('all', y)
    expect(s.model).toMatch(/trend/)
    expect(s.weeks[3]!.mean).toBeGreaterThan(s.weeks[0]!.mean)
    expect(s.weeks[0]!.mean).toBeGreaterThan(y.slice(-8).reduce((a, b) => a + b, 0) / 8 - 1)
  })
})

describe('coverage over 1,000 simulated histories (seeded)', () => {
  // The intervals are the whole-count sets closest to the nominal level: their coverage is judged
  // against the nominal level (±5 points), and against their own probability (±3 points).
  it('Poisson, λ = 6/week, 30 weeks of history', () => {
    const c = coverage((r) => poisson(r, 6), 1, 1000, 30)
    expect(Math.abs(c.c80 - 0.8)).toBeLessThanOrEqual(0.05)
    expect(Math.abs(c.c95 - 0.95)).toBeLessThanOrEqual(0.05)
    expect(Math.abs(c.c80 - c.m80)).toBeLessThanOrEqual(0.03)
    expect(Math.abs(c.c95 - c.m95)).toBeLessThanOrEqual(0.03)
  })
  it('negative binomial, mean 6/week, size 2 (variance 24), 52 weeks of history', () => {
    const c = coverage((r) => negbin(r, 6, 2), 2, 1000, 52)
    expect(Math.abs(c.c80 - 0.8)).toBeLessThanOrEqual(0.05)
    expect(Math.abs(c.c95 - 0.95)).toBeLessThanOrEqual(0.05)
    expect(Math.abs(c.c80 - c.m80)).toBeLessThanOrEqual(0.03)
  })
})

const inc = (
  declaredAt: string,
  priority: ReportIncident['priority'],
  extra: Partial<ReportIncident> = {},
): ReportIncident => ({
  repo: 'a/b',
  number: 1,
  title: 't',
  url: 'u',
  priority,
  services: [],
  source: 'form',
  state: 'closed',
  startedAt: declaredAt,
  declaredAt,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: new Date(Date.parse(declaredAt) + 2 * 3_600_000).toISOString(),
  closedAt: null,
  dismissed: false,
  postmortem: 'not-required',
  followups: { open: 0, closed: 0 },
  ...extra,
})

describe('buildForecast', () => {
  const now = '2026-03-02T00:00:00.000Z'
  const at = (weeksAgo: number, hours = 12): string =>
    new Date(Date.parse(now) - weeksAgo * 7 * 86_400_000 + hours * 3_600_000).toISOString()

  it('says "not enough history" below the minimum, with no number', () => {
    const f = buildForecast([inc(at(MIN_WEEKS - 1), 'P2'), inc(at(1), 'P1')], now)
    expect(f).toEqual({ status: 'not-enough-history', weeks: MIN_WEEKS - 2, minWeeks: MIN_WEEKS })
  })

  it('counts whole weeks ending at now, leaving dismissed incidents out', () => {
    const list = [inc(at(3, 0), 'P2'), inc(at(2), 'P1'), inc(at(2), 'P3', { dismissed: true }), inc(at(1), 'P3')]
    // at(3, 0) is exactly 3 weeks before now: the first whole week starts there, so it is outside.
    const w = weeklyCounts(list, Date.parse(now))
    expect(w.weeks).toBe(3)
    expect(w.counts.all).toEqual([0, 1, 1])
    expect(w.counts.P1).toEqual([0, 1, 0])
  })

  it('forecasts every priority, P(≥1 P1) and the on-call load from 20 weeks', () => {
    const list: ReportIncident[] = []
    for (let w = 20; w >= 1; w--) {
      list.push(inc(at(w, 10), 'P3'), inc(at(w, 30), 'P2'))
      if (w % 4 === 0) list.push(inc(at(w, 50), 'P1'))
    }
    const f = buildForecast(list, now)
    if (f.status !== 'ok') throw new Error('expected a forecast')
    expect(f.weeks).toBe(19)
    expect(f.series.map((s) => s.key)).toEqual(['all', 'P1', 'P2', 'P3', 'P4'])
    expect(f.series.every((s) => s.weeks.length === 4)).toBe(true)
    // About one P1 every 4 weeks: P(≥1) near 1 − e^(−0.25) ≈ 0.22.
    expect(f.pP1NextWeek).toBeGreaterThan(0.12)
    expect(f.pP1NextWeek).toBeLessThan(0.35)
    // Every incident lasted 2 h: the load is 2 h × the expected count.
    expect(f.load.hours).toBeCloseTo(2 * (f.load.incidents - f.series[4]!.weeks[0]!.mean), 0)
    const c = f.series[0]!.calibration
    expect(c.weeks).toBe(19 - 6)
    expect(c.inside80).toBeLessThanOrEqual(c.weeks)
  })
})
