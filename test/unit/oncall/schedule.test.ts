import { describe, expect, it } from 'vitest'
import {
  gaps,
  resolveAt,
  timeline,
  upcoming,
  type Layer,
  type Override,
  type Restriction,
  type Schedule,
} from '../../../src/oncall/schedule.js'

const T = (iso: string): number => Date.parse(iso)
const layer = (l: Partial<Layer> & Pick<Layer, 'members' | 'start'>): Layer => ({
  name: 'primary',
  rotation: { unit: 'days', every: 7 },
  restrictions: [],
  ...l,
})
const schedule = (timeZone: string, layers: Layer[], overrides: Override[] = []): Schedule => ({
  name: 's',
  timeZone,
  layers,
  overrides,
})
const who = (s: Schedule, iso: string, extra: Override[] = []): string | null => resolveAt(s, T(iso), extra).who
const BUSINESS: Restriction = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: 9 * 60, to: 17 * 60 }

// Hand-checked: Europe/Berlin changes on Sun 2026-03-29 (02:00 CET → 03:00 CEST, 01:00Z) and Sun
// 2026-10-25 (03:00 CEST → 02:00 CET, 01:00Z); America/New_York on Sun 2026-03-08 (02:00 EST →
// 03:00 EDT, 07:00Z) and Sun 2026-11-01 (02:00 EDT → 01:00 EST, 06:00Z).
describe('rotations', () => {
  const weekly = schedule('Europe/Berlin', [layer({ members: ['alice', 'bob', 'carol'], start: '2026-03-23 09:00' })])
  it.each([
    ['2026-03-23T07:59:00Z', null, 'before the first hand-off (09:00 CET = 08:00Z)'],
    ['2026-03-23T08:00:00Z', 'alice', 'first hand-off'],
    ['2026-03-30T06:59:00Z', 'alice', 'the week holds the March change: 09:00 CEST is 07:00Z'],
    ['2026-03-30T07:00:00Z', 'bob', 'hand-off at 09:00 local in summer time'],
    ['2026-04-06T07:00:00Z', 'carol', 'third week'],
    ['2026-04-13T07:00:00Z', 'alice', 'wraps around'],
    ['2026-10-19T07:00:00Z', 'alice', 'week 30 (30 mod 3 = 0), 09:00 CEST'],
    ['2026-10-26T07:59:00Z', 'alice', 'the week holds the October change: 09:00 CET is 08:00Z'],
    ['2026-10-26T08:00:00Z', 'bob', 'hand-off at 09:00 local in winter time'],
  ] as [string, string | null, string][])('weekly in Europe/Berlin at %s: %s (%s)', (at, expected) => {
    expect(who(weekly, at)).toBe(expected)
  })

  it('a weekly shift across the March change lasts 7 days less an hour, across October 7 days and an hour', () => {
    expect(resolveAt(weekly, T('2026-03-23T08:00:00Z')).until).toBe('2026-03-30T07:00:00Z')
    expect(resolveAt(weekly, T('2026-10-19T07:00:00Z')).until).toBe('2026-10-26T08:00:00Z')
  })

  const daily = schedule('America/New_York', [
    layer({ members: ['ann', 'ben'], rotation: { unit: 'days', every: 1 }, start: '2026-03-06T08:00' }),
  ])
  it.each([
    ['2026-03-06T13:00:00Z', 'ann', '2026-03-07T13:00:00Z', '08:00 EST'],
    ['2026-03-07T13:00:00Z', 'ben', '2026-03-08T12:00:00Z', 'the 23-hour day: next hand-off at 08:00 EDT'],
    ['2026-03-08T12:00:00Z', 'ann', '2026-03-09T12:00:00Z', '08:00 EDT'],
    ['2026-10-31T12:00:00Z', 'ben', '2026-11-01T13:00:00Z', 'day 239 (odd): the 25-hour day, next hand-off 08:00 EST'],
    ['2026-11-01T12:59:00Z', 'ben', '2026-11-01T13:00:00Z', 'still ben an hour after 08:00 EDT would have been'],
    ['2026-11-01T13:00:00Z', 'ann', '2026-11-02T13:00:00Z', '08:00 EST'],
  ])('daily in America/New_York at %s: %s until %s (%s)', (at, expected, until) => {
    const r = resolveAt(daily, T(at))
    expect([r.who, r.until, r.layer]).toEqual([expected, until, 'primary'])
  })

  it('every 12 hours counts elapsed hours, not wall-clock: across the March change the hand-off moves from 08:00 to 09:00 local', () => {
    const s = schedule('Europe/Berlin', [
      layer({ members: ['x', 'y'], rotation: { unit: 'hours', every: 12 }, start: '2026-03-28 20:00' }),
    ])
    expect(upcoming(s, T('2026-03-28T19:00:00Z'), 3).map((r) => [r.time, r.who])).toEqual([
      ['2026-03-28T19:00:00Z', 'x'],
      ['2026-03-29T07:00:00Z', 'y'],
      ['2026-03-29T19:00:00Z', 'x'],
    ])
  })

  it('every 3 days, from a start in the past and far ahead', () => {
    const s = schedule('UTC', [
      layer({ members: ['a', 'b'], rotation: { unit: 'days', every: 3 }, start: '2026-01-01 00:00' }),
    ])
    expect(who(s, '2026-01-03T23:59:59Z')).toBe('a')
    expect(who(s, '2026-01-04T00:00:00Z')).toBe('b')
    expect(who(s, '2026-01-07T00:00:00Z')).toBe('a')
    // 2027-01-01 is day 365: shift 121 (odd) → b, until day 366 (2027-01-02).
    expect(resolveAt(s, T('2027-01-01T00:00:00Z'))).toMatchObject({ who: 'b', until: '2027-01-02T00:00:00Z' })
  })

  it('a leap day is a day like any other: daily and weekly rotations through 2028-02-29', () => {
    const d = schedule('UTC', [
      layer({ members: ['a', 'b', 'c'], rotation: { unit: 'days', every: 1 }, start: '2028-02-27 09:00' }),
    ])
    expect(
      [
        '2028-02-27T09:00:00Z',
        '2028-02-28T09:00:00Z',
        '2028-02-29T09:00:00Z',
        '2028-03-01T09:00:00Z',
        '2028-03-01T08:59:00Z',
      ].map((t) => who(d, t)),
    ).toEqual(['a', 'b', 'c', 'a', 'c'])
    const w = schedule('Europe/Berlin', [layer({ members: ['a', 'b'], start: '2028-02-26 10:00' })])
    expect(resolveAt(w, T('2028-02-29T12:00:00Z'))).toMatchObject({ who: 'a', until: '2028-03-04T09:00:00Z' })
  })
})

describe('restrictions', () => {
  const s = schedule('Europe/Berlin', [
    layer({ members: ['alice', 'bob'], start: '2026-03-02 09:00', restrictions: [BUSINESS] }),
  ])
  it.each([
    // Weeks from Mon 2026-03-02: alice, bob, alice, bob (from the 23rd), alice (from the 30th).
    ['2026-03-27T15:59:00Z', 'bob', 'Fri 16:59 CET'],
    ['2026-03-27T16:00:00Z', null, 'Fri 17:00 CET'],
    ['2026-03-28T12:00:00Z', null, 'Saturday'],
    ['2026-03-30T06:59:00Z', null, 'Mon 08:59 CEST'],
    ['2026-03-30T07:00:00Z', 'alice', 'Mon 09:00 CEST, the next week'],
    ['2026-03-30T14:59:00Z', 'alice', 'Mon 16:59 CEST'],
    ['2026-03-30T15:00:00Z', null, 'Mon 17:00 CEST'],
  ] as [string, string | null, string][])('business hours at %s: %s (%s)', (at, expected) => {
    expect(who(s, at)).toBe(expected)
  })

  it('a night window across the October change lasts 16 hours in New York (18:00 EDT to 09:00 EST)', () => {
    const n = schedule('America/New_York', [
      layer({
        members: ['owl'],
        start: '2026-10-01 18:00',
        restrictions: [{ days: ['sat'], from: 18 * 60, to: 9 * 60 }],
      }),
    ])
    const seg = timeline(n, T('2026-10-31T00:00:00Z'), T('2026-11-02T00:00:00Z'))
    expect(seg.map((x) => [new Date(x.from).toISOString(), x.who])).toEqual([
      ['2026-10-31T00:00:00.000Z', null],
      ['2026-10-31T22:00:00.000Z', 'owl'],
      ['2026-11-01T14:00:00.000Z', null],
    ])
  })

  it('layers in priority order: business-hours primary, a second layer fills nights and weekends', () => {
    const f = schedule('Europe/Berlin', [
      layer({ members: ['day'], start: '2026-03-02 09:00', restrictions: [BUSINESS] }),
      layer({ name: 'nights', members: ['night'], rotation: { unit: 'days', every: 1 }, start: '2026-03-01 00:00' }),
    ])
    expect(resolveAt(f, T('2026-03-27T15:00:00Z'))).toMatchObject({
      who: 'day',
      layer: 'primary',
      until: '2026-03-27T16:00:00Z',
    })
    expect(resolveAt(f, T('2026-03-27T16:00:00Z'))).toMatchObject({
      who: 'night',
      layer: 'nights',
      until: '2026-03-30T07:00:00Z',
    })
    expect(gaps(f, T('2026-03-01T00:00:00Z'), T('2026-04-01T00:00:00Z'))).toEqual([])
    expect(gaps(s, T('2026-03-27T00:00:00Z'), T('2026-03-28T00:00:00Z')).map((g) => [g.from, g.to])).toEqual([
      [T('2026-03-27T00:00:00Z'), T('2026-03-27T08:00:00Z')],
      [T('2026-03-27T16:00:00Z'), T('2026-03-28T00:00:00Z')],
    ])
  })
})

describe('overrides', () => {
  const s = schedule('Europe/Berlin', [layer({ members: ['alice', 'bob'], start: '2026-11-30 09:00' })])
  const cover: Override = {
    who: 'dave',
    from: T('2026-12-05T18:00:00Z'),
    to: T('2026-12-06T08:00:00Z'),
    source: 'comment:7',
    by: 'alice',
  }
  it.each([
    ['2026-12-05T17:59:59.999Z', 'alice', null],
    ['2026-12-05T18:00:00Z', 'dave', 'comment:7'],
    ['2026-12-06T07:59:59.999Z', 'dave', 'comment:7'],
    ['2026-12-06T08:00:00Z', 'alice', null],
  ] as [string, string, string | null][])('at %s: %s', (at, expected, source) => {
    const r = resolveAt(s, T(at), [cover])
    expect([r.who, r.override?.source ?? null, r.layer]).toEqual([expected, source, source ? null : 'primary'])
  })

  it('a later override wins over an earlier one where they overlap; `until` is where the answer changes', () => {
    const later: Override = {
      who: 'erin',
      from: T('2026-12-06T00:00:00Z'),
      to: T('2026-12-06T02:00:00Z'),
      source: 'comment:9',
    }
    expect(upcoming(s, T('2026-12-05T12:00:00Z'), 5, [cover, later]).map((r) => [r.time, r.who])).toEqual([
      ['2026-12-05T12:00:00Z', 'alice'],
      ['2026-12-05T18:00:00Z', 'dave'],
      ['2026-12-06T00:00:00Z', 'erin'],
      ['2026-12-06T02:00:00Z', 'dave'],
      ['2026-12-06T08:00:00Z', 'alice'],
    ])
  })

  it('an override fills a gap, and config overrides count like command ones', () => {
    const b = schedule(
      'UTC',
      [layer({ members: ['a'], start: '2026-12-01 09:00', restrictions: [BUSINESS] })],
      [{ who: 'z', from: T('2026-12-05T00:00:00Z'), to: T('2026-12-06T00:00:00Z'), source: 'config' }],
    )
    expect(who(b, '2026-12-05T03:00:00Z')).toBe('z')
    expect(who(b, '2026-12-06T03:00:00Z')).toBe(null)
  })
})
