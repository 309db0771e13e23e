import { describe, expect, it } from 'vitest'
import { parseStartTime } from '../../src/intake/start-time.js'
import { parseShare, parseServices } from '../../src/intake/facts.js'

const reported = new Date('2026-11-25T14:10:00Z')

describe('parseStartTime', () => {
  it.each([
    ['2026-11-25 14:05 UTC', '2026-11-25T14:05:00.000Z', false],
    ['2026-11-25T14:05:00Z', '2026-11-25T14:05:00.000Z', false],
    ['2026-11-25 15:05 +01:00', '2026-11-25T14:05:00.000Z', false],
    ['2026-11-25 14:05', '2026-11-25T14:05:00.000Z', true],
    ['14:05 UTC', '2026-11-25T14:05:00.000Z', false],
    ['23:50 UTC', '2026-11-24T23:50:00.000Z', false],
    ['20 minutes ago', '2026-11-25T13:50:00.000Z', false],
    ['about 2h ago', '2026-11-25T12:10:00.000Z', false],
    ['now', '2026-11-25T14:10:00.000Z', false],
  ])('%j → %s', (text, iso, assumedUtc) => {
    expect(parseStartTime(text, reported)).toEqual({ at: new Date(iso), assumedUtc })
  })
  it.each(['yesterday-ish', '2026-11-26 10:00 UTC', '2020-01-01 10:00 UTC', '25:99', ''])(
    '%j is not understood',
    (t) => {
      expect(parseStartTime(t, reported)).toBeNull()
    },
  )
})

describe('share of users and services', () => {
  it.each([
    ['All users (100%)', 100],
    ['Most users (50–99%)', 50],
    ['Many users (10–49%)', 10],
    ['Very few users (under 1%)', 0],
    ['30%', 30],
    ['30', 30],
    ['Unknown', null],
    ['150%', null],
  ])('%j → %s', (t, n) => expect(parseShare(t)).toBe(n))
  it('splits and normalises services', () => {
    expect(parseServices('Checkout, API / web;api')).toEqual(['checkout', 'api', 'web'])
  })
})
