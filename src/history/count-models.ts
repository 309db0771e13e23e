/**
 * Count models for weekly incident counts, and their predictive distributions. Pure numerics: no
 * I/O, no clock. src/history/forecast.ts chooses among them by rolling-origin backtesting.
 *
 * Every model answers with a predictive distribution per future week, always a negative binomial
 * given by its mean and variance (a Poisson when the variance equals the mean). Parameter
 * uncertainty is included as follows (docs/history.md, "How honest the intervals are"):
 * - `poisson`: the exact posterior predictive under a Jeffreys prior on λ (Gamma(k + ½, n) →
 *   negative binomial);
 * - `poisson-trend` and `poisson-seasonal`: a Poisson GLM with log link, fitted by IRLS; the
 *   uncertainty of the linear predictor (from the inverse Fisher information) is carried into the
 *   predictive as a log-normal mixing of the rate, matched to a gamma (mean and variance);
 * - `negbin` and `negbin-trend`: the dispersion by the method of moments (Pearson), the mean's
 *   uncertainty added as for the Poisson models; the dispersion's own uncertainty is NOT included.
 */

export type ModelName = 'poisson' | 'poisson-trend' | 'negbin' | 'negbin-trend' | 'poisson-seasonal'

/** A predictive distribution for one week's count: negative binomial by mean and variance (Poisson when equal). */
export interface Predictive {
  mean: number
  variance: number
}

/** A fitted model: the predictive distribution `h` weeks after the last observed week (h ≥ 1). */
export interface Fitted {
  model: ModelName
  predict(h: number): Predictive
}

/** Weeks per year, for the seasonal term. */
const YEAR_WEEKS = 365.25 / 7

/** Solves the k×k symmetric system A x = b and returns A⁻¹ too (Gauss–Jordan; k ≤ 4 here). Null when singular. */
function invert(a: number[][]): number[][] | null {
  const k = a.length
  const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))])
  for (let c = 0; c < k; c++) {
    let p = c
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r
    if (Math.abs(m[p]![c]!) < 1e-12) return null
    ;[m[c], m[p]] = [m[p]!, m[c]!]
    const piv = m[c]![c]!
    for (let j = 0; j < 2 * k; j++) m[c]![j]! /= piv
    for (let r = 0; r < k; r++) {
      if (r === c) continue
      const f = m[r]![c]!
      if (f === 0) continue
      for (let j = 0; j < 2 * k; j++) m[r]![j]! -= f * m[c]![j]!
    }
  }
  return m.map((row) => row.slice(k))
}

interface Glm {
  beta: number[]
  /** Inverse Fisher information (Poisson weights). */
  cov: number[][]
  /** Fitted means. */
  mu: number[]
}

/** Poisson GLM with log link by IRLS. Null when it does not converge or the information is singular. */
function poissonGlm(y: readonly number[], x: (t: number) => number[]): Glm | null {
  const n = y.length
  const rows = y.map((_, t) => x(t))
  const k = rows[0]!.length
  const mean = y.reduce((s, v) => s + v, 0) / n
  if (mean <= 0) return null
  let beta = Array.from({ length: k }, (_, j) => (j === 0 ? Math.log(mean) : 0))
  for (let iter = 0; iter < 50; iter++) {
    const xtwx = Array.from({ length: k }, () => new Array<number>(k).fill(0))
    const xtwz = new Array<number>(k).fill(0)
    for (let t = 0; t < n; t++) {
      const r = rows[t]!
      const eta = r.reduce((s, v, j) => s + v * beta[j]!, 0)
      if (eta > 30) return null
      const mu = Math.exp(eta)
      const z = eta + (y[t]! - mu) / mu
      for (let i = 0; i < k; i++) {
        xtwz[i]! += r[i]! * mu * z
        for (let j = 0; j < k; j++) xtwx[i]![j]! += r[i]! * mu * r[j]!
      }
    }
    const inv = invert(xtwx)
    if (!inv) return null
    const next = inv.map((row) => row.reduce((s, v, j) => s + v * xtwz[j]!, 0))
    const delta = Math.max(...next.map((v, j) => Math.abs(v - beta[j]!)))
    beta = next
    if (!beta.every(Number.isFinite)) return null
    if (delta < 1e-8) {
      const mu = rows.map((r) => Math.exp(r.reduce((s, v, j) => s + v * beta[j]!, 0)))
      // The information at the final estimate.
      const info = Array.from({ length: k }, (_, i) =>
        Array.from({ length: k }, (_, j) => rows.reduce((s, r, t) => s + r[i]! * mu[t]! * r[j]!, 0)),
      )
      const cov = invert(info)
      return cov ? { beta, cov, mu } : null
    }
  }
  return null
}

/** Pearson dispersion α of a negative binomial (Var = μ + αμ²), by moments; 0 when not over-dispersed. */
function pearsonAlpha(y: readonly number[], mu: readonly number[], params: number): number {
  let num = 0
  let den = 0
  for (let t = 0; t < y.length; t++) {
    num += (y[t]! - mu[t]!) ** 2 - mu[t]!
    den += mu[t]! ** 2
  }
  const n = y.length
  const a = den > 0 ? (num * (n / Math.max(1, n - params))) / den : 0
  return Math.max(0, a)
}

/** A GLM's predictive h weeks ahead: log-normal uncertainty of the rate matched to a gamma, times NB noise α. */
function glmPredictive(g: Glm, row: number[], alpha: number): Predictive {
  const eta = row.reduce((s, v, j) => s + v * g.beta[j]!, 0)
  const v = row.reduce((s, vi, i) => s + vi * row.reduce((t, vj, j) => t + g.cov[i]![j]! * vj, 0), 0)
  // Cap the variance of the linear predictor: a far extrapolation of a short trend is not information.
  const vv = Math.min(Math.max(v, 0), 4)
  const mean = Math.exp(eta + vv / 2)
  // Var(Y) = E[μ] + (1 + α)·E[μ²] − E[μ]², with E[μ²] = E[μ]²·e^v.
  const variance = mean + mean * mean * ((1 + alpha) * Math.exp(vv) - 1)
  return { mean, variance: Math.max(variance, mean) }
}

/** Time centred on the last week, so the intercept is the level now and the slope is per week. */
const trendRow =
  (n: number) =>
  (t: number): number[] => [1, (t - (n - 1)) / 52]
const seasonRow =
  (n: number) =>
  (t: number): number[] => {
    const a = (2 * Math.PI * t) / YEAR_WEEKS
    return [1, (t - (n - 1)) / 52, Math.sin(a), Math.cos(a)]
  }

/**
 * Fits `model` to weekly counts `y` (oldest first). Null when the model cannot be fitted to this
 * history (all zeros for a trend, a singular design, no convergence): the candidate then drops out.
 */
export function fitModel(model: ModelName, y: readonly number[]): Fitted | null {
  const n = y.length
  if (n < 2) return null
  const sum = y.reduce((s, v) => s + v, 0)
  switch (model) {
    case 'poisson': {
      // Gamma(sum + ½, n) posterior of λ → predictive NB: mean (sum + ½)/n, variance mean·(1 + 1/n).
      const mean = (sum + 0.5) / n
      return { model, predict: () => ({ mean, variance: mean * (1 + 1 / n) }) }
    }
    case 'negbin': {
      const m = sum / n
      const s2 = y.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1)
      if (s2 <= m || m <= 0) return null
      // Moments, and the mean's own sampling variance s²/n on top.
      const mean = m
      return { model, predict: () => ({ mean, variance: s2 * (1 + 1 / n) }) }
    }
    case 'poisson-trend':
    case 'negbin-trend': {
      if (n < 4 || sum === 0) return null
      const row = trendRow(n)
      const g = poissonGlm(y, row)
      if (!g) return null
      const alpha = model === 'negbin-trend' ? pearsonAlpha(y, g.mu, 2) : 0
      if (model === 'negbin-trend' && alpha === 0) return null
      // Over-dispersion also widens the estimate's uncertainty (quasi-likelihood).
      const scaled: Glm = alpha > 0 ? { ...g, cov: g.cov.map((r) => r.map((v) => v * (1 + alpha * mean(g.mu)))) } : g
      return { model, predict: (h) => glmPredictive(scaled, row(n - 1 + h), alpha) }
    }
    case 'poisson-seasonal': {
      if (n < 2 * Math.ceil(YEAR_WEEKS) || sum === 0) return null
      const row = seasonRow(n)
      const g = poissonGlm(y, row)
      if (!g) return null
      const alpha = pearsonAlpha(y, g.mu, 4)
      const scaled: Glm = alpha > 0 ? { ...g, cov: g.cov.map((r) => r.map((v) => v * (1 + alpha * mean(g.mu)))) } : g
      return { model, predict: (h) => glmPredictive(scaled, row(n - 1 + h), alpha) }
    }
  }
}

const mean = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length

/** Natural log of Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = c[0]!
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** P(Y = k) of the predictive (negative binomial by mean and variance; Poisson when they are equal). */
export function pmf(p: Predictive, k: number): number {
  const { mean: m, variance: v } = p
  if (k < 0 || !Number.isInteger(k)) return 0
  if (m <= 0) return k === 0 ? 1 : 0
  if (v <= m * (1 + 1e-9)) return Math.exp(k * Math.log(m) - m - logGamma(k + 1))
  const r = (m * m) / (v - m)
  const q = r / (r + m)
  return Math.exp(logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(q) + k * Math.log1p(-q))
}

/** The probabilities P(Y = 0..K), K far enough that the rest weighs under 1e-9. */
export function pmfTable(p: Predictive): number[] {
  const out: number[] = []
  let total = 0
  const cap = Math.ceil(p.mean + 60 * Math.sqrt(p.variance) + 60)
  for (let k = 0; k <= cap; k++) {
    const f = pmf(p, k)
    out.push(f)
    total += f
    if (total > 1 - 1e-9 && k > p.mean) break
  }
  return out
}

/** A predictive interval [lo, hi] of whole counts, and the probability the predictive gives it. */
export interface CountInterval {
  lo: number
  hi: number
  /** P(lo ≤ Y ≤ hi) under the predictive: counts are whole numbers, so it is rarely exactly the nominal level. */
  mass: number
}

/**
 * The interval for a nominal level: grown from the mode, each step taking the more probable
 * neighbour, and stopped at the size whose probability is closest to the nominal level (the last
 * step is taken only when that brings it closer). Counts are discrete, so "80 %" means "as close
 * to 80 % as whole numbers allow"; the exact probability is kept in `mass`. Choosing the closest
 * (rather than the first at or above) keeps the long-run coverage at the nominal rate instead of
 * systematically above it.
 */
export function interval(p: Predictive, level: number): CountInterval {
  const f = pmfTable(p)
  let mode = 0
  for (let k = 1; k < f.length; k++) if (f[k]! > f[mode]!) mode = k
  let lo = mode
  let hi = mode
  let mass = f[mode]!
  while (mass < level) {
    const left = lo > 0 ? f[lo - 1]! : -1
    const right = hi + 1 < f.length ? f[hi + 1]! : -1
    if (left < 0 && right < 0) break
    const add = right >= left ? right : left
    if (Math.abs(mass + add - level) >= Math.abs(mass - level)) break
    if (right >= left) hi++
    else lo--
    mass += add
  }
  return { lo, hi, mass }
}
