import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load.js'
import { planHandoffs } from '../../../src/oncall/handoff.js'

const config = loadConfig(
  `oncall:
  schedules:
    - name: platform
      time_zone: UTC
      channel: "#ops"
      layers: [{ members: [alice, bob], rotation: daily, start: "2026-11-23 09:00" }]
    - name: quiet
      time_zone: UTC
      layers: [{ members: [carol], rotation: daily, start: "2026-11-23 09:00" }]
services:
  - name: checkout
    owners: ["schedule:platform"]
`,
  'f.yml',
)

describe('planHandoffs', () => {
  it('records a schedule seen first without a notice, and ignores schedules without a channel', () => {
    const p = planHandoffs(config, null, '2026-11-23T10:00:00.000Z', [])
    expect(p.notices).toEqual([])
    expect(p.changed).toBe(true)
    expect(p.record.handoffs).toEqual({ platform: { who: 'alice', at: '2026-11-23T10:00:00.000Z' } })
  })
  it('posts only the latest hand-off after a gap of runs, then nothing while the same person is on call', () => {
    const base = planHandoffs(config, null, '2026-11-23T10:00:00.000Z', []).record
    // Two hand-offs passed (bob on the 24th, alice on the 25th): alice again, so nothing to say.
    expect(planHandoffs(config, base, '2026-11-25T10:00:00.000Z', []).changed).toBe(false)
    const later = planHandoffs(config, base, '2026-11-26T10:00:00.000Z', [
      { number: 4, title: 'Checkout @here', record: null },
    ])
    expect(later.notices).toHaveLength(1)
    expect(later.notices[0]!.body).toContain('**Now on call: @bob**')
    expect(planHandoffs(config, later.record, '2026-11-26T11:00:00.000Z', []).changed).toBe(false)
  })
  it('a /cover override is a hand-off too', () => {
    const base = planHandoffs(config, null, '2026-11-23T10:00:00.000Z', []).record
    base.overrides.push({
      schedule: 'platform',
      who: 'carol',
      from: Date.parse('2026-11-23T12:00:00Z'),
      to: Date.parse('2026-11-23T20:00:00Z'),
      source: 'comment:1',
      by: 'bob',
      at: '2026-11-23T11:00:00Z',
    })
    const p = planHandoffs(config, base, '2026-11-23T12:05:00.000Z', [])
    expect(p.notices[0]!.body).toContain('**Now on call: @carol** (override asked by @\u200bbob)')
  })
})
