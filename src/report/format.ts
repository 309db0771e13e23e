/**
 * How report figures read: every formatter returns "—" for a missing value, never NaN.
 */
import { formatDuration } from '../config/duration.js'
import type { Measured, Trend } from './types.js'

export const NONE = '—'
const MS_PER_HOUR = 3_600_000
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** `1,234`. */
export const count = (v: number | null | undefined): string => (ok(v) ? int.format(v) : NONE)

/** A number with at most `digits` significant decimals: `0.36`, `2.5`, `1,200`. */
export function decimal(v: number | null | undefined, digits = 2): string {
  if (!ok(v)) return NONE
  if (digits === 2) return num.format(v)
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v)
}

/** A duration in ms: `3h 05m`. */
export const duration = (ms: number | null | undefined): string => (ok(ms) ? formatDuration(ms) : NONE)

/** A duration in hours: `3h 05m`. */
export const hours = (h: number | null | undefined): string => (ok(h) ? formatDuration(h * MS_PER_HOUR) : NONE)

/** A measured duration: `3h 05m`, or `≥ 3h 05m so far` when the milestone is not reached. */
export const measured = (m: Measured | null): string =>
  m === null ? NONE : m.open ? `≥ ${formatDuration(m.ms)} so far` : formatDuration(m.ms)

/**
 * A share as a percentage. Small and near-1 values keep the digits that matter: availability
 * 0.99952 reads `99.952%`, a probability 0.0082 reads `0.82%`.
 */
export function percent(v: number | null | undefined): string {
  if (!ok(v)) return NONE
  const p = v * 100
  if (p === 0 || p === 100) return `${p}%`
  // Rounding must not turn "some downtime" into 100% or "some risk" into 0%.
  if (p > 99.9995) return '> 99.999%'
  if (p < 0.005 && p > 0) return '< 0.01%'
  const digits = p > 99 ? 3 : p < 1 ? 2 : 1
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(p)}%`
}

/** An amount of money: `€1,234` (whole units), or `1,234 XYZ` for a code Intl does not know. */
export function money(v: number | null | undefined, currency: string): string {
  if (!ok(v)) return NONE
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }).format(v)
  } catch {
    return `${int.format(v)} ${currency.replace(/[^A-Za-z]/g, '').slice(0, 8)}`
  }
}

/** A trend figure in its unit. */
export function trendValue(t: Pick<Trend, 'unit'>, v: number | null, currency: string): string {
  switch (t.unit) {
    case 'count':
      return count(v)
    case 'ms':
      return duration(v)
    case 'hours':
      return hours(v)
    case 'ratio':
      return percent(v)
    case 'money':
      return money(v, currency)
  }
}

/** `↑ +3 · worse`, `↓ −1h 05m · better`, `→ same`, or `—` when there is nothing to compare. */
export function trendArrow(t: Trend, currency: string): string {
  if (t.delta === null || !Number.isFinite(t.delta)) return NONE
  if (Math.abs(t.delta) < 1e-12) return '→ same'
  const up = t.delta > 0
  const sign = up ? '+' : '−'
  const mag = Math.abs(t.delta)
  const text =
    t.unit === 'ratio'
      ? `${decimal(mag * 100, mag * 100 < 1 ? 3 : 1)} pp`
      : t.unit === 'ms'
        ? duration(mag)
        : t.unit === 'hours'
          ? hours(mag)
          : t.unit === 'money'
            ? money(mag, currency)
            : count(mag)
  const good = up === (t.better === 'higher')
  return `${up ? '↑' : '↓'} ${sign}${text} · ${good ? 'better' : 'worse'}`
}
