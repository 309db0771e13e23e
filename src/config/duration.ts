const UNITS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 }
const DURATION = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/

/**
 * Parses a duration like `15m`, `1h30m`, `2d`, `1w` into milliseconds.
 * Returns null when the text is not a duration (the caller reports where and why).
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase()
  if (t === '') return null
  const m = DURATION.exec(t)
  if (!m) return null
  const [, w, d, h, mi, s] = m
  const ms =
    Number(w ?? 0) * UNITS.w! +
    Number(d ?? 0) * UNITS.d! +
    Number(h ?? 0) * UNITS.h! +
    Number(mi ?? 0) * UNITS.m! +
    Number(s ?? 0) * UNITS.s!
  return ms > 0 ? ms : null
}

/** Formats milliseconds as a short human duration: `45s`, `12m`, `3h 05m`, `2d 4h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  const neg = ms < 0
  let s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86_400)
  s -= d * 86_400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  let out: string
  if (d > 0) out = h > 0 ? `${d}d ${h}h` : `${d}d`
  else if (h > 0) out = `${h}h ${String(m).padStart(2, '0')}m`
  else if (m > 0) out = `${m}m`
  else out = `${s}s`
  return neg ? `-${out}` : out
}

/**
 * Formats milliseconds the way durations are written in the configuration file (the inverse of
 * parseDuration, without spaces): `4h`, `1d`, `1h30m`, `90s`. Weeks are written as days (`14d`),
 * which reads more naturally in a deadline.
 */
export function formatConfigDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return String(ms)
  let s = Math.round(ms / 1000)
  let out = ''
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(s / size)
    if (n > 0) out += `${n}${unit}`
    s -= n * size
  }
  return out || '0s'
}
