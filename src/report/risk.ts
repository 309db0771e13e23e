/**
 * The risk model, done right. Incidents arrive as a Poisson process of rate λ (incidents per
 * hour here: every rate and every duration in this module is in HOURS, so units cannot mix).
 *
 * - λ is estimated as k / T: k incidents observed over T hours (the maximum-likelihood estimate);
 * - MTBF = 1 / λ: the mean time BETWEEN failures (the mean gap between incident starts). It is
 *   not a response time: the article's "E[T] = 1/λ" confuses the two;
 * - P(at least one incident within t) = 1 − e^(−λt);
 * - expected incidents within t = λt;
 * - expected loss within t, at I per incident = λ·I·t;
 * - "at least one" exposure = I·(1 − e^(−λt)) (the loss if one incident costs I and more do not add);
 * - expected downtime within t = λ·t·E[downtime per incident], estimated as the observed share of
 *   time down × t (which also merges overlapping incidents).
 *
 * A month is 730 hours (8760 / 12, a 365-day year): "2 incidents a month" is λ = 2/730 per hour.
 * docs/metrics.md, "Why the article's arithmetic is wrong", works the article's example.
 */
import type { RateEstimate } from './types.js'

export const HOURS_PER_YEAR = 8760
/** 8760 / 12 = 730 hours: the month every monthly figure uses. */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12
export const HOURS_PER_WEEK = 168
export const MS_PER_HOUR = 3_600_000

/** λ from k incidents observed over `hours` hours; 0 when nothing was observed or no time passed. */
export function ratePerHour(incidents: number, hours: number): number {
  return hours > 0 ? incidents / hours : 0
}

/** A rate given per month (730 h) as a rate per hour. */
export const perMonthToPerHour = (perMonth: number): number => perMonth / HOURS_PER_MONTH

/** MTBF = 1 / λ in hours; null when λ is 0 (no failure observed: the mean gap is unknown, not zero). */
export function mtbfHours(lambdaPerHour: number): number | null {
  return lambdaPerHour > 0 ? 1 / lambdaPerHour : null
}

/** P(at least one incident within `hours`) = 1 − e^(−λt), computed as −expm1(−λt) for small λt. */
export function pAtLeastOne(lambdaPerHour: number, hours: number): number {
  return -Math.expm1(-lambdaPerHour * hours)
}

/** Expected number of incidents within `hours`: λt. */
export function expectedIncidents(lambdaPerHour: number, hours: number): number {
  return lambdaPerHour * hours
}

/** Expected loss within `hours` when each incident costs `impact`: λ·I·t. */
export function expectedLoss(lambdaPerHour: number, impact: number, hours: number): number {
  return lambdaPerHour * impact * hours
}

/** "At least one" exposure within `hours`: I·(1 − e^(−λt)). Always ≤ the expected loss. */
export function atLeastOneExposure(lambdaPerHour: number, impact: number, hours: number): number {
  return impact * pAtLeastOne(lambdaPerHour, hours)
}

/** Expected downtime within `hours` from the observed share of time down: (down / observed) · t. */
export function expectedDowntime(downHours: number, observedHours: number, hours: number): number {
  return observedHours > 0 ? (downHours / observedHours) * hours : 0
}

/** The rate, its other units, the MTBF, and the rule-of-three bound when nothing happened. */
export function estimateRate(incidents: number, hours: number): RateEstimate {
  const perHour = ratePerHour(incidents, hours)
  return {
    incidents,
    perHour,
    perWeek: perHour * HOURS_PER_WEEK,
    perMonth: perHour * HOURS_PER_MONTH,
    mtbfHours: mtbfHours(perHour),
    // P(0 events | λ) = e^(−λT) ≥ 0.05 ⇔ λ ≤ −ln(0.05)/T ≈ 3/T.
    upper95PerHour: incidents === 0 && hours > 0 ? -Math.log(0.05) / hours : null,
  }
}
