import { describe, expect, it } from 'vitest'
import {
  HOURS_PER_MONTH,
  atLeastOneExposure,
  estimateRate,
  expectedDowntime,
  expectedIncidents,
  expectedLoss,
  mtbfHours,
  pAtLeastOne,
  perMonthToPerHour,
} from '../../../src/report/risk.js'

describe("the article's example, corrected (PRODUCT.md)", () => {
  // λ = 2 incidents a month; a month is 730 hours (8760 / 12); I = 100,000 per incident; T = 3 hours.
  const lambda = perMonthToPerHour(2)
  const I = 100_000

  it('uses a 730-hour month', () => {
    expect(HOURS_PER_MONTH).toBe(730)
  })
  it('λ ≈ 0.00274 per hour', () => {
    expect(lambda).toBeCloseTo(0.0027397, 6)
    expect(lambda).toBeCloseTo(0.00274, 4)
  })
  it('P(an incident starts within a 3-hour window) = 1 − e^(−0.00822) ≈ 0.0082', () => {
    expect(lambda * 3).toBeCloseTo(0.00822, 4)
    expect(pAtLeastOne(lambda, 3)).toBeCloseTo(0.0082, 4)
    expect(pAtLeastOne(lambda, 3)).toBeCloseTo(0.0081855, 6)
  })
  it('P(at least one incident in a month) = 1 − e^(−2) ≈ 0.865', () => {
    expect(pAtLeastOne(lambda, 730)).toBeCloseTo(0.8647, 4)
  })
  it('expected incidents per month = 2', () => {
    expect(expectedIncidents(lambda, 730)).toBeCloseTo(2, 10)
  })
  it('expected loss per month = λ·I·t = 200,000', () => {
    expect(expectedLoss(lambda, I, 730)).toBeCloseTo(200_000, 6)
  })
  it('"at least one" exposure I·P(month) ≈ 86,466 (to the unit)', () => {
    expect(Math.round(atLeastOneExposure(lambda, I, 730))).toBe(86_466)
    expect(atLeastOneExposure(lambda, I, 730)).toBeLessThan(expectedLoss(lambda, I, 730))
  })
  it('1/λ is the mean time BETWEEN failures: 365 hours, not a 3-hour response time', () => {
    expect(mtbfHours(lambda)).toBeCloseTo(365, 8)
  })
})

describe('rate estimates', () => {
  it.each([
    // [k, hours, per hour, per week, mtbf hours]
    [5, 2016, 5 / 2016, 5 / 12, 403.2],
    [1, 168, 1 / 168, 1, 168],
    [24, 2016, 24 / 2016, 2, 84],
  ])('%i incidents over %i h', (k, h, perHour, perWeek, mtbf) => {
    const r = estimateRate(k, h)
    expect(r.perHour).toBeCloseTo(perHour, 12)
    expect(r.perWeek).toBeCloseTo(perWeek, 12)
    expect(r.perMonth).toBeCloseTo(perHour * 730, 12)
    expect(r.mtbfHours).toBeCloseTo(mtbf, 9)
    expect(r.upper95PerHour).toBeNull()
  })
  it('no incident: λ = 0, MTBF unknown (null), and a 95% upper bound −ln(0.05)/T ≈ 3/T', () => {
    const r = estimateRate(0, 2016)
    expect(r.perHour).toBe(0)
    expect(r.mtbfHours).toBeNull()
    expect(r.upper95PerHour).toBeCloseTo(2.995732 / 2016, 9)
  })
  it('no observation time: no rate and no bound, never NaN or Infinity', () => {
    const r = estimateRate(0, 0)
    expect(r).toEqual({ incidents: 0, perHour: 0, perWeek: 0, perMonth: 0, mtbfHours: null, upper95PerHour: null })
  })
  it('P(≥1) is 0 at λ = 0 and stays accurate for tiny λt', () => {
    expect(pAtLeastOne(0, 168)).toBe(0)
    expect(pAtLeastOne(1e-12, 1)).toBeCloseTo(1e-12, 20)
  })
  it('expected downtime scales the observed share of time down to the horizon', () => {
    expect(expectedDowntime(10, 2016, 168)).toBeCloseTo(10 / 12, 12)
    expect(expectedDowntime(10, 0, 168)).toBe(0)
  })
})
