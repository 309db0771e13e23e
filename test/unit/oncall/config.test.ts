import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/load.js'
import { ConfigError } from '../../../src/errors.js'
import { resolveAt } from '../../../src/oncall/schedule.js'

const F = '.github/incidents.yml'
const problems = (text: string): string[] => {
  try {
    loadConfig(text, F)
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)
    throw error
  }
  return []
}

const GOOD = `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      layers:
        - name: primary
          members: ["@alice", bob]
          rotation: weekly
          start: "2026-11-30 09:00"
      overrides:
        - who: carol
          from: "2026-12-24 00:00"
          to: "2026-12-27T00:00:00+01:00"
          reason: holidays
    - name: platform-secondary
      time_zone: Europe/Berlin
      layers:
        - members: [dave]
          rotation: daily
          start: "2026-11-30 09:00"
          restrictions:
            - days: [mon, tue, wed, thu, fri]
              from: "09:00"
              to: "17:00"
services:
  - name: checkout
    aliases: [Checkout API]
    owners: ["schedule:platform", "team:acme/payments"]
    runbook: docs/runbooks/checkout.md
    paths: [services/checkout/**]
    channel: "#checkout"
escalation:
  - mention: ["schedule:platform"]
  - mention: ["schedule:platform-secondary", "@acme/leads"]
    after: 15m
`

describe('on-call configuration', () => {
  it('resolves schedules, services and targets', () => {
    const c = loadConfig(GOOD, F)
    expect(c.oncall.label).toBe('incidentops-oncall')
    const [p, s] = c.oncall.schedules
    expect(p).toMatchObject({
      name: 'platform',
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'primary', members: ['alice', 'bob'], rotation: { unit: 'days', every: 7 } }],
    })
    expect(p!.overrides).toEqual([
      {
        who: 'carol',
        from: Date.parse('2026-12-23T23:00:00Z'),
        to: Date.parse('2026-12-26T23:00:00Z'),
        source: 'config',
        reason: 'holidays',
      },
    ])
    expect(s!.layers[0]).toMatchObject({
      name: 'layer-1',
      restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: 540, to: 1020 }],
    })
    expect(c.services).toEqual([
      {
        name: 'checkout',
        aliases: ['Checkout API'],
        owners: ['schedule:platform', '@acme/payments'],
        runbook: 'docs/runbooks/checkout.md',
        paths: ['services/checkout/**'],
        channel: '#checkout',
        escalation: null,
      },
    ])
    expect(c.escalation.map((l) => l.mention)).toEqual([
      ['schedule:platform'],
      ['schedule:platform-secondary', '@acme/leads'],
    ])
    expect(resolveAt(p!, Date.parse('2026-12-25T12:00:00Z')).who).toBe('carol')
    // The secondary is business hours only: a warning, not an error.
    expect(c.warnings).toHaveLength(1)
    expect(c.warnings[0]).toMatchObject({ file: F, line: 18, column: 9 })
    expect(c.warnings[0]!.message).toContain(
      '`oncall.schedules[1].layers` leave nobody on call from Mon 2026-11-30 17:00 +01:00 to Tue 2026-12-01 09:00 +01:00; from Tue',
    )
    expect(c.warnings[0]!.message).toContain(
      'more stretches in the two weeks checked): an escalation to schedule:platform-secondary then calls nobody',
    )
  })

  it('refuses what the schema cannot see, at file:line:column', () => {
    const bad = GOOD.replace('time_zone: Europe/Berlin', 'time_zone: Europe/Berln')
      .replace('start: "2026-11-30 09:00"', 'start: "2026-13-30 09:00"')
      .replace('to: "2026-12-27T00:00:00+01:00"', 'to: "2026-12-23 00:00"')
      .replace('owners: ["schedule:platform",', 'owners: ["schedule:platfrom",')
      .replace('  - mention: ["schedule:platform"]', '  - mention: ["schedule:platform/nights"]')
    expect(problems(bad)).toEqual([
      '4:18: `oncall.schedules[0].time_zone` is "Europe/Berln", which is not an IANA time zone; write it like Europe/Berlin, America/New_York or UTC',
      '9:18: `oncall.schedules[0].layers[0].start` is "2026-13-30 09:00", which is not a date: write it like 2026-11-30 09:00',
      '13:15: `oncall.schedules[0].overrides[0].to` (2026-12-23 00:00) is not after `from` (2026-12-24 00:00): an override must end after it starts',
      '33:15: `escalation[0].mention[0]` names the layer "nights", which schedule "platform" does not have (layers: primary)',
      '28:14: `services[0].owners[0]` names the schedule "platfrom", which is not under `oncall.schedules` (schedules: platform, platform-secondary)',
    ])
    expect(
      problems(
        'oncall:\n  schedules:\n    - name: x\n      time_zone: UTC\n      layers:\n        - members: [a]\n          rotation: fortnightly\n          start: "2026-01-01"\n',
      ),
    ).toEqual(['7:21: `oncall.schedules[0].layers[0].rotation` has an unexpected form: "fortnightly"'])
    expect(problems('services:\n  - name: a\n  - name: b\n    aliases: [A]\n')).toEqual([
      '4:15: `services[1].aliases[0]` "A" is already the name or an alias of service a; each name must lead to one service',
    ])
  })

  it('an escalation chain of schedules that can all be uncovered at once is an error: it would call nobody', () => {
    const only = GOOD.replace('  - mention: ["schedule:platform"]\n', '')
      .replace('["schedule:platform-secondary", "@acme/leads"]', '["schedule:platform-secondary"]')
      .replace('    after: 15m\n', '')
    expect(problems(only)).toEqual([
      '33:3: `escalation` can call nobody: every level names a schedule, and "platform-secondary" is uncovered from Mon 2026-11-30 17:00 +01:00 to Tue 2026-12-01 09:00 +01:00. Add a person or team to a level, or cover the gap.',
    ])
  })
})
