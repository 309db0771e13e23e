import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load.js'
import type { IncidentRecord } from '../../../src/domain/record.js'
import { onCallLoad, outOfHours, renderLoad } from '../../../src/oncall/load.js'

// alice and bob a week each from Mon 2026-11-23 09:00 Berlin; dave business hours only (45 h a week).
const config = loadConfig(
  `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      layers: [{ members: [alice, bob], rotation: weekly, start: "2026-11-23 09:00" }]
    - name: secondary
      time_zone: Europe/Berlin
      layers:
        - members: [dave]
          rotation: weekly
          start: "2026-11-23 09:00"
          restrictions: [{ days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }]
`,
  'f.yml',
)

const rec = (n: number, o: Partial<IncidentRecord>): IncidentRecord => ({
  v: 1,
  number: n,
  declaredAt: '2026-11-24T10:00:00Z',
  startedAt: '2026-11-24T10:00:00Z',
  priority: 'P1',
  prioritySource: 'rules',
  priorityReason: 'x',
  stage: 'resolved',
  impactDigest: 'x',
  events: [],
  ...o,
})

describe('the on-call load', () => {
  it('out of hours: outside Monday–Friday 09:00–18:00 in the zone', () => {
    expect(outOfHours('2026-11-24T07:59:00Z', 'Europe/Berlin')).toBe(true) // Tue 08:59 Berlin
    expect(outOfHours('2026-11-24T08:00:00Z', 'Europe/Berlin')).toBe(false) // Tue 09:00
    expect(outOfHours('2026-11-24T16:59:00Z', 'Europe/Berlin')).toBe(false) // Tue 17:59
    expect(outOfHours('2026-11-24T17:00:00Z', 'Europe/Berlin')).toBe(true) // Tue 18:00
    expect(outOfHours('2026-11-28T12:00:00Z', 'Europe/Berlin')).toBe(true) // Saturday
  })
  it('hours from the schedules, pages from the records, commanders from ack and hand-over, in the window only', () => {
    const records = [
      rec(1, {
        pages: [
          { key: 'L1:@alice', at: '2026-11-24T02:00:00Z', level: 1, who: 'alice', channels: ['ntfy'] }, // 03:00 Berlin: out of hours
          { key: 'L2:@dave', at: '2026-11-24T10:00:00Z', level: 2, who: 'dave', channels: ['sms'] },
          { key: 'L1:@bob', at: '2026-11-20T10:00:00Z', level: 1, who: 'bob', channels: ['sms'] }, // before the window
        ],
        events: [
          { at: '2026-11-24T02:05:00Z', kind: 'ack', actor: 'alice', via: 'command' },
          { at: '2026-11-24T03:00:00Z', kind: 'commander', actor: 'alice', via: 'command', from: 'alice', to: 'carol' },
        ],
      }),
    ]
    // The window: Mon 2026-11-23 08:00Z (09:00 Berlin) to Mon 11-30 08:00Z: alice's whole week.
    const load = onCallLoad(records, config, '2026-11-23T08:00:00.000Z', '2026-11-30T08:00:00.000Z')
    expect(load).toEqual([
      { who: 'alice', hoursOnCall: 168, pages: 1, outOfHoursPages: 1, commanded: 1 },
      { who: 'dave', hoursOnCall: 45, pages: 1, outOfHoursPages: 0, commanded: 0 },
      { who: 'carol', hoursOnCall: 0, pages: 0, outOfHoursPages: 0, commanded: 1 },
    ])
    expect(renderLoad(load)).toContain('| `alice` | 168.0 | 1 | 1 | 1 |')
    expect(renderLoad([])).toBe('')
  })
})
