/** The bench's rows, targets and the table (pure: no I/O). */

export interface Target {
  /** What is bounded, e.g. "requests", "peak RSS", "cold start". */
  what: string
  limit: number
  /** null: not measured in this run (the note says why). */
  actual: number | null
  unit: string
  /**
   * How `actual` was obtained: measured in this row's run (the default), or extrapolated (a fit
   * over smaller sizes). An extrapolation is never printed as "met" or "MISSED": the verdict says
   * it was not measured and what the extrapolated figure would do.
   */
  basis?: 'measured' | 'extrapolated'
  /** For an extrapolation: the size it stands for. A row of the same scenario at that size measures it, and the extrapolation is dropped. */
  at?: string
}

export interface Row {
  scenario: string
  size: string
  /** False when dist/index.js does not implement it yet: the row says so and has no figures. */
  available: boolean
  requests: number | null
  rest: number | null
  graphql: number | null
  points: number | null
  writes: number | null
  wallMs: number | null
  peakRssMb: number | null
  /** User + system CPU of the action's process. */
  cpuMs?: number | null
  /** Minimum possible requests, and why. */
  min: number | null
  minWhy?: string
  /** The naive baseline on the same data: its requests and writes (run: false when only computed). */
  naive: { requests: number; writes: number; run: boolean } | null
  targets: Target[]
  /** Scheduled runs and the minutes GitHub bills for them (the idle-month rows). */
  runs?: number
  billedMinutes?: number
  /** Anything else measured (comments, incidents, compute times …). */
  extra?: Record<string, number | string>
  note?: string
}

/**
 * "met", or by how much the target is missed ("MISSED by 3 requests (+50 %)"), for a measured
 * figure; for an extrapolated one, that it was not measured and what the extrapolation would do.
 */
export function verdict(t: Target): string {
  if (t.actual === null) return `${t.what}: not measured`
  const over = t.actual - t.limit
  const by = `${fmt(over, t.unit)}${t.limit > 0 ? ` (+${Math.round((over / t.limit) * 100)} %)` : ''}`
  if (t.basis === 'extrapolated')
    return `${t.what} ≤ ${fmt(t.limit, t.unit)}: not measured; extrapolated ${fmt(t.actual, t.unit)}, which would ${over <= 0 ? 'meet it' : `miss it by ${by}`}`
  if (over <= 0) return `${t.what} ≤ ${fmt(t.limit, t.unit)}: met`
  return `${t.what} ≤ ${fmt(t.limit, t.unit)}: MISSED by ${by}`
}

/** A measured target that is missed (extrapolations are not: they were not measured). */
export const missed = (t: Target): boolean => t.basis !== 'extrapolated' && t.actual !== null && t.actual > t.limit

/**
 * The rows without the extrapolations that a measurement replaced: an extrapolated target `at` a
 * size is dropped when the rows hold a measured row of the same scenario at that size (e.g. the
 * 50,000 report merged in with `--merge` after a quick run extrapolated it from the 10,000 row).
 */
export function withoutMeasuredExtrapolations(rows: Row[]): Row[] {
  const measured = new Set(rows.filter((r) => r.available).map((r) => `${r.scenario}|${r.size}`))
  return rows.map((r) => {
    const targets = r.targets.filter(
      (t) => !(t.basis === 'extrapolated' && t.at !== undefined && measured.has(`${r.scenario}|${t.at}`)),
    )
    return targets.length === r.targets.length ? r : { ...r, targets }
  })
}

export function fmt(v: number, unit: string): string {
  if (unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`
  if (unit === 'MB') return `${v.toFixed(0)} MB`
  if (unit === 'requests') return `${v} request${v === 1 ? '' : 's'}`
  // Rounded: a difference of two decimals prints as 0.1, not 0.10000000000000009.
  return `${Number.isInteger(v) ? v : +v.toFixed(2)} ${unit}`.trim()
}

const n = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : String(v))
const ms = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : fmt(v, 'ms'))
const mb = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${v.toFixed(0)} MB`)

/** ⌈N/100⌉ + 1: one GraphQL page per 100 incidents, plus one write or one extra read. */
export const pagesPlusOne = (count: number): number => Math.max(1, Math.ceil(count / 100)) + 1

/** The markdown table of the rows (the README's, between its bench markers). */
export function markdownTable(all: Row[]): string {
  const rows = withoutMeasuredExtrapolations(all)
  const head =
    '| scenario | size | requests (REST + GraphQL) | GraphQL points | writes | wall | peak RSS | minimum | naive baseline | targets |'
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|'
  const lines = rows.map((r) => {
    const naive = r.naive ? `${r.naive.requests} req, ${r.naive.writes} writes${r.naive.run ? '' : ' (computed)'}` : '–'
    if (!r.available)
      return `| ${r.scenario} | ${r.size} | **not available** | – | – | – | – | ${n(r.min)} | ${naive} | ${r.note ?? ''} |`
    // The split is unknown when only the total was counted (the idle month sums many runs).
    const req =
      r.requests === null
        ? '–'
        : r.rest === null || r.graphql === null
          ? String(r.requests)
          : `${r.requests} (${r.rest} + ${r.graphql})`
    const targets = [...r.targets.map(verdict), ...(r.note ? [r.note] : [])].join('; ').replace(/\|/g, '\\|')
    return `| ${r.scenario} | ${r.size} | ${req} | ${n(r.points)} | ${n(r.writes)} | ${ms(r.wallMs)} | ${mb(r.peakRssMb)} | ${n(r.min)} | ${naive} | ${targets || '–'} |`
  })
  return [head, sep, ...lines].join('\n')
}

/** Least-squares line y = a + b·x and its R², for "memory grows linearly". */
export function linearFit(points: [number, number][]): { a: number; b: number; r2: number } | null {
  if (points.length < 2) return null
  const k = points.length
  const mx = points.reduce((s, p) => s + p[0], 0) / k
  const my = points.reduce((s, p) => s + p[1], 0) / k
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2
    sxy += (x - mx) * (y - my)
    syy += (y - my) ** 2
  }
  if (sxx === 0) return null
  const b = sxy / sxx
  const a = my - b * mx
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy)
  return { a, b, r2 }
}

export function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
