/**
 * The forecast in the weekly report: the next 4 weeks' incident counts per priority with 80 % and
 * 95 % predictive intervals, P(at least one P1 next week), the expected on-call load, and the
 * model's calibration over the history. Pure: the incidents the report already loaded and `now`.
 *
 * How (docs/history.md has the reasons and the limits):
 * - weekly counts of incidents by declaration time (dismissed ones are noise and left out), in
 *   whole weeks ending at `now`, from the first week after the earliest incident (or `observedSince`);
 * - below MIN_WEEKS whole weeks: "not enough history", and no number at all;
 * - the candidate models of src/history/count-models.ts are compared by rolling-origin
 *   backtesting: at each origin t (from MIN_TRAIN weeks on, the last BACKTEST_ORIGINS origins),
 *   fit on weeks [0, t) and score week t by its log predictive probability; the best mean log score
 *   wins, the simplest model on a tie (within 0.005);
 * - calibration: with the chosen model, the share of one-step-ahead, out-of-sample weeks (the
 *   same origins) that fell inside their 80 % interval, next to the intervals' own mean probability.
 */
import { PRIORITIES, type Priority } from '../config/types.js'
import type { ReportIncident } from '../report/types.js'
import { fitModel, interval, pmf, type CountInterval, type Fitted, type ModelName } from './count-models.js'

const WEEK = 7 * 86_400_000
/** Fewer whole weeks than this: no forecast (two months: below that a trend or a dispersion is noise). */
export const MIN_WEEKS = 8
/** The first backtest origin: a model is first judged on week MIN_TRAIN, fitted on the weeks before it. */
export const MIN_TRAIN = 6
/** At most this many origins (the most recent): the cost stays flat however long the history is. */
export const BACKTEST_ORIGINS = 104
/** Weeks ahead. */
export const HORIZON = 4
/** Simplest first: a tie goes to the earlier one. */
export const CANDIDATES: readonly ModelName[] = [
  'poisson',
  'negbin',
  'poisson-trend',
  'negbin-trend',
  'poisson-seasonal',
]

export interface WeekForecast {
  /** 1 = the week after `now`. */
  week: number
  mean: number
  i80: CountInterval
  i95: CountInterval
}

export interface Calibration {
  /** One-step-ahead weeks scored (out of sample). */
  weeks: number
  /** Of them, inside their 80 % interval. */
  inside80: number
  inside95: number
  /** The intervals' own mean probability: what `inside80 / weeks` should be near. */
  nominal80: number
  nominal95: number
}

export interface SeriesForecast {
  /** `all` or a priority. */
  key: 'all' | Priority
  /** Weekly counts, oldest first (the history the model saw). */
  history: number[]
  model: ModelName
  /** Mean log predictive probability of each candidate in the backtest (higher is better); absent: could not be fitted. */
  scores: Partial<Record<ModelName, number>>
  weeks: WeekForecast[]
  calibration: Calibration
}

export type Forecast =
  | { status: 'not-enough-history'; weeks: number; minWeeks: number }
  | {
      status: 'ok'
      /** Whole weeks of history used, and where they start. */
      weeks: number
      since: string
      series: SeriesForecast[]
      /** P(at least one P1 in the next week), from the P1 series' predictive. */
      pP1NextWeek: number
      /** Expected on-call load next week: incidents, and hours spent in them (mean started → resolved per priority). */
      load: { incidents: number; severe: number; hours: number | null }
    }

/** Weekly counts per series over whole weeks ending at `now`: index 0 is the oldest. */
export function weeklyCounts(
  incidents: readonly ReportIncident[],
  now: number,
  observedSince?: number,
): { weeks: number; since: number; counts: Record<'all' | Priority, number[]> } {
  const live = incidents
    .filter((i) => !i.dismissed)
    .map((i) => ({ i, t: Date.parse(i.declaredAt) }))
    .filter((x) => Number.isFinite(x.t) && x.t <= now)
  const first = Math.min(...live.map((x) => x.t), observedSince ?? Infinity)
  // Whole weeks only: the earliest, partial week would read as a quiet one.
  const weeks = Number.isFinite(first) ? Math.max(0, Math.floor((now - first) / WEEK)) : 0
  const since = now - weeks * WEEK
  const zero = (): number[] => new Array<number>(weeks).fill(0)
  const counts = { all: zero(), P1: zero(), P2: zero(), P3: zero(), P4: zero() }
  for (const { i, t } of live) {
    // (start, end]: an incident on a boundary belongs to the earlier week, as in the report.
    const w = weeks - Math.ceil((now - t) / WEEK)
    if (t <= since || w < 0 || w >= weeks) continue
    counts.all[w]!++
    counts[i.priority][w]!++
  }
  return { weeks, since, counts }
}

/**
 * The backtest: mean log predictive probability of `model` over the origins. Where the model
 * cannot be fitted (a negative binomial on a stretch that is not over-dispersed, a trend on all
 * zeros), it predicts as the constant Poisson does, as it would in production; null when it could
 * be fitted nowhere.
 */
function backtest(model: ModelName, y: readonly number[], origins: readonly number[]): number | null {
  let total = 0
  let fitted = 0
  for (const t of origins) {
    const f = fitModel(model, y.slice(0, t))
    if (f) fitted++
    const p = (f ?? fitModel('poisson', y.slice(0, t))!).predict(1)
    total += Math.log(Math.max(pmf(p, y[t]!), 1e-300))
  }
  return fitted ? total / origins.length : null
}

function calibrate(model: ModelName, y: readonly number[], origins: readonly number[]): Calibration {
  const c: Calibration = { weeks: 0, inside80: 0, inside95: 0, nominal80: 0, nominal95: 0 }
  for (const t of origins) {
    const f = fitModel(model, y.slice(0, t)) ?? fitModel('poisson', y.slice(0, t))!
    const p = f.predict(1)
    const a = interval(p, 0.8)
    const b = interval(p, 0.95)
    c.weeks++
    if (y[t]! >= a.lo && y[t]! <= a.hi) c.inside80++
    if (y[t]! >= b.lo && y[t]! <= b.hi) c.inside95++
    c.nominal80 += a.mass
    c.nominal95 += b.mass
  }
  if (c.weeks) {
    c.nominal80 /= c.weeks
    c.nominal95 /= c.weeks
  }
  return c
}

/** The backtest origins for a history of n weeks: MIN_TRAIN … n−1, the last BACKTEST_ORIGINS of them. */
export function origins(n: number): number[] {
  const out: number[] = []
  for (let t = Math.max(MIN_TRAIN, n - BACKTEST_ORIGINS); t < n; t++) out.push(t)
  return out
}

/** Chooses the model for one series by backtesting and forecasts HORIZON weeks with it. */
export function forecastSeries(key: SeriesForecast['key'], y: readonly number[]): SeriesForecast {
  const at = origins(y.length)
  const scores: Partial<Record<ModelName, number>> = {}
  let best: ModelName = 'poisson'
  let bestScore = -Infinity
  for (const m of CANDIDATES) {
    const s = backtest(m, y, at)
    if (s === null) continue
    scores[m] = s
    if (s > bestScore + 0.005) {
      best = m
      bestScore = s
    }
  }
  const fitted: Fitted = fitModel(best, y) ?? fitModel('poisson', y)!
  const weeks: WeekForecast[] = []
  for (let h = 1; h <= HORIZON; h++) {
    const p = fitted.predict(h)
    weeks.push({ week: h, mean: p.mean, i80: interval(p, 0.8), i95: interval(p, 0.95) })
  }
  return { key, history: [...y], model: fitted.model, scores, weeks, calibration: calibrate(fitted.model, y, at) }
}

/**
 * The report's forecast from its incidents, as of `now` (ISO). Below MIN_WEEKS whole weeks of
 * history it says so and gives no figure.
 */
export function buildForecast(incidents: readonly ReportIncident[], now: string, observedSince?: string): Forecast {
  const end = Date.parse(now)
  const since = observedSince !== undefined ? Date.parse(observedSince) : undefined
  const w = weeklyCounts(incidents, end, Number.isFinite(since) ? since : undefined)
  if (w.weeks < MIN_WEEKS) return { status: 'not-enough-history', weeks: w.weeks, minWeeks: MIN_WEEKS }
  const series = (['all', ...PRIORITIES] as const).map((k) => forecastSeries(k, w.counts[k]))
  const p1 = series.find((s) => s.key === 'P1')!
  const p1Next = fitModel(p1.model, p1.history) ?? fitModel('poisson', p1.history)!
  const pP1NextWeek = 1 - pmf(p1Next.predict(1), 0)
  // Hours in incidents: the mean started → resolved of each priority's resolved incidents, times its expected count.
  let hours: number | null = 0
  for (const p of PRIORITIES) {
    const expected = series.find((s) => s.key === p)!.weeks[0]!.mean
    const d = incidents
      .filter((i) => i.priority === p && !i.dismissed && i.resolvedAt)
      .map((i) => Date.parse(i.resolvedAt!) - Date.parse(i.startedAt))
      .filter((ms) => Number.isFinite(ms) && ms >= 0)
    if (d.length === 0) {
      if (expected > 0.05) hours = null
      continue
    }
    if (hours !== null) hours += (expected * d.reduce((s, v) => s + v, 0)) / d.length / 3_600_000
  }
  const byKey = (k: SeriesForecast['key']): number => series.find((s) => s.key === k)!.weeks[0]!.mean
  return {
    status: 'ok',
    weeks: w.weeks,
    since: new Date(w.since).toISOString(),
    series,
    pP1NextWeek,
    load: { incidents: byKey('all'), severe: byKey('P1') + byKey('P2'), hours },
  }
}
