import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import {
  resolveAt,
  timeline,
  WEEKDAYS,
  type Layer,
  type Override,
  type Restriction,
  type Schedule,
  type Segment,
} from '../../../src/oncall/schedule.js'
import { runs } from '../../fast-check-setup.js'

const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Sydney'] as const
const START = Date.parse('2026-01-01T00:00:00Z')
const SPAN = 2 * 365 * 86_400_000

// Restriction bounds on whole hours outside 01:00–04:00, where no zone above changes its clocks:
// there a window is the same whether read as local wall-clock (the oracle) or as instants (the code).
const hour = fc.constantFrom(0, 5, 6, 8, 9, 12, 17, 18, 20, 22, 23)
const restriction: fc.Arbitrary<Restriction> = fc
  .record({
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    from: hour,
    to: fc.constantFrom(0, 5, 9, 12, 17, 18, 22, 24),
  })
  .filter((r) => r.from !== r.to % 24 || r.to === 24)
  .map((r) => ({ days: r.days, from: r.from * 60, to: r.to === 0 ? 1440 : r.to * 60 }))
  .filter((r) => r.from !== r.to)

const layerArb = (i: number): fc.Arbitrary<Layer> =>
  fc.record({
    name: fc.constant(`l${i}`),
    members: fc.uniqueArray(fc.constantFrom('ann', 'ben', 'cat', 'dan', 'eve'), { minLength: 1, maxLength: 4 }),
    rotation: fc.oneof(
      fc.record({ unit: fc.constant('days' as const), every: fc.constantFrom(1, 2, 7, 14) }),
      fc.record({ unit: fc.constant('hours' as const), every: fc.constantFrom(1, 8, 12, 24, 36) }),
    ),
    start: fc
      .integer({ min: 0, max: 200 })
      .chain((d) =>
        fc
          .constantFrom('00:00', '08:30', '09:00', '18:00')
          .map((t) => `${DateTime.fromMillis(START, { zone: 'UTC' }).plus({ days: d }).toISODate()}T${t}`),
      ),
    restrictions: fc.array(restriction, { maxLength: 2 }),
  })

const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  name: fc.constant('p'),
  timeZone: fc.constantFrom(...ZONES),
  layers: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => layerArb(i)))),
  overrides: fc.constant([]),
})

const instant = fc.integer({ min: START, max: START + SPAN })
const overrideArb: fc.Arbitrary<Override> = fc
  .tuple(instant, fc.integer({ min: 60_000, max: 10 * 86_400_000 }), fc.constantFrom('zed', 'yan'), fc.nat(999))
  .map(([from, len, who, id]) => ({ who, from, to: from + len, source: `comment:${id}` }))

/** The oracle: the definition read literally — local wall-clock for restrictions, shift after shift for rotations. */
function oracle(s: Schedule, t: number, overrides: Override[]): string | null {
  for (let i = overrides.length - 1; i >= 0; i--)
    if (overrides[i]!.from <= t && t < overrides[i]!.to) return overrides[i]!.who
  const local = DateTime.fromMillis(t, { zone: s.timeZone })
  const minute = local.hour * 60 + local.minute
  const today = WEEKDAYS[local.weekday - 1]!
  const yesterday = WEEKDAYS[(local.weekday + 5) % 7]!
  for (const l of s.layers) {
    const start = DateTime.fromISO(l.start, { zone: s.timeZone })
    if (t < start.toMillis()) continue
    const on =
      l.restrictions.length === 0 ||
      l.restrictions.some((r) =>
        r.to > r.from
          ? r.days.includes(today) && minute >= r.from && minute < r.to
          : (r.days.includes(today) && minute >= r.from) || (r.days.includes(yesterday) && minute < r.to),
      )
    if (!on) continue
    let k = 0
    const next = (j: number): number =>
      l.rotation.unit === 'hours'
        ? start.toMillis() + j * l.rotation.every * 3_600_000
        : start.plus({ days: j * l.rotation.every }).toMillis()
    // Jump close, then walk: the walk is what is checked.
    k = Math.max(
      0,
      Math.floor((t - start.toMillis()) / (l.rotation.every * (l.rotation.unit === 'hours' ? 3_600_000 : 86_400_000))) -
        2,
    )
    while (next(k + 1) <= t) k++
    return l.members[k % l.members.length]!
  }
  return null
}

const at = (segs: Segment[], t: number): Segment => segs.find((g) => g.from <= t && t < g.to)!
const plain = (segs: Segment[]) => segs.map((g) => [g.from, g.to, g.who, g.layer, g.override?.source ?? null])
function merge(a: Segment[], b: Segment[]): Segment[] {
  const out = [...a.map((x) => ({ ...x }))]
  for (const x of b) {
    const last = out[out.length - 1]
    if (last && last.who === x.who && last.layer === x.layer && last.override === x.override && last.to === x.from)
      last.to = x.to
    else out.push({ ...x })
  }
  return out
}

describe('schedule properties', () => {
  it('every instant resolves to the same person however the query is split, and as the definition says', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        fc.array(overrideArb, { maxLength: 2 }),
        instant,
        fc.integer({ min: 1, max: 20 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (s, overrides, a, len, split, probes) => {
          const c = a + len
          const b = Math.floor(a + split * len)
          const whole = timeline(s, a, c, overrides)
          expect(plain(merge(timeline(s, a, b, overrides), timeline(s, b, c, overrides)))).toEqual(plain(whole))
          expect(whole[0]!.from).toBe(a)
          expect(whole.at(-1)!.to).toBe(c)
          for (const p of probes) {
            const t = Math.min(c - 1, Math.floor(a + p * len))
            const r = resolveAt(s, t, overrides)
            expect(at(whole, t).who).toBe(r.who)
            expect(r.who).toBe(oracle(s, t, overrides))
            // `until` is the first instant with another answer.
            if (r.until) {
              const u = Date.parse(r.until)
              expect(
                resolveAt(s, u - 1, overrides).who === r.who || resolveAt(s, u - 1, overrides).layer === r.layer,
              ).toBe(true)
            }
          }
        },
      ),
      runs(60),
    )
  })

  it('an override wins exactly within its bounds: inside it, its person; outside, the answer without it', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        overrideArb,
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 1, maxLength: 8 }),
        (s, o, offsets) => {
          for (const t of [
            o.from,
            o.to - 1,
            o.to,
            o.from - 1,
            ...offsets.map((d) => o.from + d),
            ...offsets.map((d) => o.to + d),
          ]) {
            const inside = o.from <= t && t < o.to
            const r = resolveAt(s, t, [o])
            if (inside) expect([r.who, r.override]).toEqual([o.who, o])
            else
              expect([r.who, r.layer, r.override]).toEqual(
                Object.values((({ who, layer, override }) => ({ who, layer, override }))(resolveAt(s, t))),
              )
          }
        },
      ),
      runs(100),
    )
  })
})
