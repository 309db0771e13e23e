/*
 * On-call schedules: who is on call at an instant, computed purely from the schedule (layers,
 * restrictions, overrides) and the instant. No clock, no I/O. Wall-clock times (hand-offs,
 * restriction windows) are read in the schedule's IANA time zone with Luxon, so a 09:00 hand-off
 * stays at 09:00 across daylight-saving changes and a day-based shift is 23 or 25 hours long on
 * the days the clocks change, as people expect.
 */
import { DateTime, IANAZone } from 'luxon'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** A weekly window in local time: on these days, from `from` to `to` (`to` ≤ `from` runs past midnight into the next day). */
export interface Restriction {
  days: Weekday[]
  /** Minutes after local midnight, 0–1439. */
  from: number
  /** Minutes after local midnight, 1–1440. */
  to: number
}

/** How long one shift is: a number of calendar days (the hand-off keeps its local time) or of elapsed hours. */
export interface Rotation {
  unit: 'days' | 'hours'
  every: number
}

export interface Layer {
  name: string
  /** Logins, in rotation order. */
  members: string[]
  rotation: Rotation
  /** The first hand-off, as local wall-clock time in the zone (`2026-11-30T09:00`): the first member's first shift starts here. */
  start: string
  /** Empty: on duty around the clock. */
  restrictions: Restriction[]
}

/** Someone covering the whole schedule between two instants (`from` included, `to` excluded). */
export interface Override {
  who: string
  /** Epoch milliseconds. */
  from: number
  /** Epoch milliseconds. */
  to: number
  /** Where it comes from: `config`, or `comment:<id>` for a `/cover` command. */
  source: string
  /** Who asked for it (a `/cover` author). */
  by?: string
  reason?: string
}

export interface Schedule {
  name: string
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: string
  /** In priority order: the first layer on duty at an instant is who is on call. */
  layers: Layer[]
  /** From the config; `/cover` overrides are passed to the functions below. Later ones win over earlier ones. */
  overrides: Override[]
  /** The chat channel named in hand-off notices; a schedule with one gets a notice at each hand-off. */
  channel?: string
}

/** Who is on call at one instant, and until when that holds. */
export interface Resolution {
  schedule: string
  /** ISO instant asked about. */
  time: string
  /** The login on call, or null when nobody is (a gap). */
  who: string | null
  /** The layer that put them there; null under an override or in a gap. */
  layer: string | null
  override: Override | null
  /** ISO instant at which the answer next changes; null when it does not change within a year. */
  until: string | null
}

/** A stretch of time with one answer. */
export interface Segment {
  from: number
  to: number
  who: string | null
  layer: string | null
  override: Override | null
}

const HOUR = 3_600_000
/** How far ahead `until` and the next hand-offs are looked for. */
export const HORIZON_MS = 400 * 24 * HOUR

/** True when Luxon (the runtime's ICU data) knows the zone. */
export const isValidZone = (zone: string): boolean => IANAZone.isValidZone(zone)

/** Parses `HH:MM` (and `24:00` where allowed) to minutes after midnight; null when it is not one. */
export function parseClock(text: string, allow24 = false): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  if (m) return Number(m[1]) * 60 + Number(m[2])
  return allow24 && text === '24:00' ? 1440 : null
}

/** Parses `daily`, `weekly`, `<N>h`, `<N>d`, `<N>w`; null when it is none of them. */
export function parseRotation(text: string): Rotation | null {
  if (text === 'daily') return { unit: 'days', every: 1 }
  if (text === 'weekly') return { unit: 'days', every: 7 }
  const m = /^([1-9]\d{0,3})([hdw])$/.exec(text)
  if (!m) return null
  const n = Number(m[1])
  return m[2] === 'h' ? { unit: 'hours', every: n } : { unit: 'days', every: m[2] === 'w' ? n * 7 : n }
}

/**
 * Parses a time in the schedule's zone: local wall-clock (`2026-12-06T09:00`, `2026-12-06 09:00`,
 * `2026-12-06`) or an instant with its offset (`…Z`, `…+01:00`). Null when it is not a time.
 */
export function parseLocal(text: string, zone: string): DateTime | null {
  const t = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null
  const dt = DateTime.fromISO(t, { zone })
  return dt.isValid ? dt : null
}

/** A schedule with its layers' start instants computed once. */
interface Compiled {
  s: Schedule
  zone: IANAZone
  layers: { l: Layer; start: DateTime; startMs: number; days: Map<number, [number, number][]> }[]
}

const cache = new WeakMap<Schedule, Compiled>()

function compile(s: Schedule): Compiled {
  let c = cache.get(s)
  if (!c) {
    c = {
      s,
      zone: IANAZone.create(s.timeZone),
      layers: s.layers.map((l) => {
        const start = parseLocal(l.start, s.timeZone)
        if (!start) throw new Error(`schedule ${s.name}: layer ${l.name} has an invalid start ${l.start}`)
        return { l, start, startMs: start.toMillis(), days: new Map<number, [number, number][]>() }
      }),
    }
    cache.set(s, c)
  }
  return c
}

/** The instant shift k of a layer starts (k may be negative). Day-based shifts keep the hand-off's local time. */
function shiftStart(layer: Compiled['layers'][number], k: number): number {
  const r = layer.l.rotation
  return r.unit === 'hours' ? layer.startMs + k * r.every * HOUR : layer.start.plus({ days: k * r.every }).toMillis()
}

/** The index of the shift that holds t (t ≥ the layer's start). */
function shiftIndex(layer: Compiled['layers'][number], t: number): number {
  const r = layer.l.rotation
  const approx = Math.floor((t - layer.startMs) / (r.every * (r.unit === 'hours' ? HOUR : 24 * HOUR)))
  let k = Math.max(0, approx)
  // Day-based shifts are 23–25 h around DST changes: the estimate is off by at most one or two.
  while (k > 0 && shiftStart(layer, k) > t) k--
  while (shiftStart(layer, k + 1) <= t) k++
  return k
}

/** The restriction windows (as instants) that start on local days from `t`'s day − 2 to + `ahead`. */
function windows(c: Compiled, layer: Compiled['layers'][number], t: number, ahead: number): [number, number][] {
  const out: [number, number][] = []
  // The local day number (days since 1970-01-01 in local time): cheap, and the cache's key.
  const day0 = Math.floor((t + c.zone.offset(t) * 60_000) / 86_400_000)
  for (let i = -2; i <= ahead; i++) {
    const key = day0 + i
    let cached = layer.days.get(key)
    if (!cached) {
      const date = new Date(key * 86_400_000)
      const d = DateTime.fromObject(
        { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
        { zone: c.zone },
      )
      cached = dayWindows(layer.l.restrictions, c.s.timeZone, d)
      // Bounded: a long query walks through days once; the cache is per schedule object.
      if (layer.days.size > 5000) layer.days.clear()
      layer.days.set(key, cached)
    }
    out.push(...cached)
  }
  return out
}

/** The windows of the restrictions that start on local day `d`. */
function dayWindows(rs: readonly Restriction[], zone: string, d: DateTime): [number, number][] {
  const out: [number, number][] = []
  const wd = WEEKDAYS[d.weekday - 1]!
  // A local time the clocks skip (02:30 on the March change) is moved forward by the gap, as Luxon does.
  const at = (date: DateTime, minutes: number): number =>
    minutes === 1440
      ? date.plus({ days: 1 }).startOf('day').toMillis()
      : DateTime.fromObject(
          { year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
          { zone },
        ).toMillis()
  for (const r of rs) {
    if (!r.days.includes(wd)) continue
    const from = at(d, r.from)
    const to = r.to > r.from ? at(d, r.to) : at(d.plus({ days: 1 }), r.to)
    if (to > from) out.push([from, to])
  }
  return out
}

function restricted(c: Compiled, layer: Compiled['layers'][number], t: number): boolean {
  if (layer.l.restrictions.length === 0) return true
  return windows(c, layer, t, 0).some(([a, b]) => a <= t && t < b)
}

/** Who a layer puts on duty at t, or null (before its start, or outside its restrictions). */
function layerAt(c: Compiled, i: number, t: number): string | null {
  const layer = c.layers[i]!
  if (t < layer.startMs || layer.l.members.length === 0) return null
  if (!restricted(c, layer, t)) return null
  const k = shiftIndex(layer, t)
  return layer.l.members[k % layer.l.members.length]!
}

/** Who each layer has on duty at t (null where a layer has nobody), in priority order. */
export function layersAt(s: Schedule, t: number): { layer: string; who: string | null }[] {
  const c = compile(s)
  return c.layers.map((l, i) => ({ layer: l.l.name, who: layerAt(c, i, t) }))
}

/** The override in force at t: the last one listed whose bounds hold t. */
export function overrideAt(overrides: readonly Override[], t: number): Override | null {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const o = overrides[i]!
    if (o.from <= t && t < o.to) return o
  }
  return null
}

/** The answer at t, with the index of the layer that decided it (-1 under an override, the layer count in a gap). */
type Answer = Omit<Segment, 'from' | 'to'> & { index: number }

function answerAt(c: Compiled, t: number, overrides: readonly Override[]): Answer {
  const o = overrideAt(overrides, t)
  if (o) return { who: o.who, layer: null, override: o, index: -1 }
  for (let i = 0; i < c.layers.length; i++) {
    const who = layerAt(c, i, t)
    if (who) return { who, layer: c.layers[i]!.l.name, override: null, index: i }
  }
  return { who: null, layer: null, override: null, index: c.layers.length }
}

/**
 * The next instant after t at which the answer `a` (at t) can change: an override's bounds; and,
 * outside overrides, a hand-off, start or restriction bound of the deciding layer or of a layer
 * above it (layers below it change nothing while it is on duty).
 */
function nextBoundary(c: Compiled, t: number, overrides: readonly Override[], a: Answer): number {
  let next = Infinity
  const consider = (x: number): void => {
    if (x > t && x < next) next = x
  }
  for (const o of overrides) {
    consider(o.from)
    consider(o.to)
  }
  if (a.index < 0) return next
  for (const layer of c.layers.slice(0, a.index + 1)) {
    if (t < layer.startMs) consider(layer.startMs)
    // With one member a hand-off changes nobody: not a boundary.
    else if (layer.l.members.length > 1) consider(shiftStart(layer, shiftIndex(layer, t) + 1))
    // Restriction windows start and end within 8 days of any instant (they repeat weekly).
    if (layer.l.restrictions.length === 0) continue
    for (const [a, b] of windows(c, layer, t, 8)) {
      consider(a)
      consider(b)
    }
  }
  return next
}

const same = (a: Omit<Segment, 'from' | 'to'>, b: Omit<Segment, 'from' | 'to'>): boolean =>
  a.who === b.who && a.layer === b.layer && a.override === b.override

/** All schedule overrides for a query: the config's, then the extra ones (later wins). */
const allOverrides = (s: Schedule, extra: readonly Override[]): Override[] => [
  ...s.overrides,
  ...extra.filter((o) => o.to > o.from),
]

/**
 * Who is on call at `t` (epoch ms): the latest override that covers it, else the first layer (in
 * priority order) with someone on duty, else nobody. `until` is when that answer next changes.
 */
export function resolveAt(s: Schedule, t: number, extra: readonly Override[] = []): Resolution {
  const c = compile(s)
  const overrides = allOverrides(s, extra)
  const a = answerAt(c, t, overrides)
  let x = t
  let until: number | null = null
  let ax = a
  while (x - t < HORIZON_MS) {
    x = nextBoundary(c, x, overrides, ax)
    if (!Number.isFinite(x)) break
    ax = answerAt(c, x, overrides)
    if (!same(ax, a)) {
      until = x
      break
    }
  }
  return {
    schedule: s.name,
    time: iso(t),
    who: a.who,
    layer: a.layer,
    override: a.override,
    until: until === null ? null : iso(until),
  }
}

/**
 * The schedule between two instants as contiguous segments (`from` included, `to` excluded),
 * neighbours with the same answer merged. The first starts at `from`, the last ends at `to`.
 */
export function timeline(s: Schedule, from: number, to: number, extra: readonly Override[] = []): Segment[] {
  const c = compile(s)
  const overrides = allOverrides(s, extra)
  const out: Segment[] = []
  let x = from
  while (x < to) {
    const { index: _index, ...a } = answerAt(c, x, overrides)
    const next = Math.min(nextBoundary(c, x, overrides, { ...a, index: _index }), to)
    const last = out[out.length - 1]
    if (last && same(last, a)) last.to = next
    else out.push({ from: x, to: next, ...a })
    x = next
  }
  return out
}

/** The stretches in [from, to) with nobody on call. */
export function gaps(s: Schedule, from: number, to: number): Segment[] {
  return timeline(s, from, to).filter((g) => g.who === null)
}

/** The next `n` answers from `t` on: the current one, then each change. */
export function upcoming(s: Schedule, t: number, n: number, extra: readonly Override[] = []): Resolution[] {
  const out: Resolution[] = []
  let x = t
  for (let i = 0; i < n; i++) {
    const r = resolveAt(s, x, extra)
    out.push(r)
    if (r.until === null) break
    x = Date.parse(r.until)
  }
  return out
}

/** ISO instant without milliseconds when they are zero. */
export function iso(t: number): string {
  return new Date(t).toISOString().replace('.000Z', 'Z')
}

/** An instant shown in the schedule's zone, e.g. `Mon 2026-12-07 09:00 +01:00` (an offset, not a name: names depend on the runtime's locale data). */
export function localTime(t: number, zone: string): string {
  return DateTime.fromMillis(t, { zone }).toFormat('ccc yyyy-LL-dd HH:mm ZZ')
}
