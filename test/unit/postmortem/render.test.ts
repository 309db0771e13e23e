import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentRecord, TimelineEvent } from '../../../src/domain/record.js'
import { ConfigError } from '../../../src/errors.js'
import type { IncidentFacts } from '../../../src/intake/facts.js'
import {
  FOLLOWUPS_END,
  FOLLOWUPS_START,
  followupsSection,
  postmortemIncident,
  postmortemMarker,
  renderPostmortem,
  replaceFollowups,
  type PostmortemInput,
} from '../../../src/postmortem/render.js'
import { DEFAULT_TEMPLATE_PATH, parseTemplate } from '../../../src/postmortem/template.js'
import { runs } from '../../fast-check-setup.js'

const DEFAULT = parseTemplate(readFileSync(DEFAULT_TEMPLATE_PATH, 'utf8'), DEFAULT_TEMPLATE_PATH)

const facts: IncidentFacts = {
  summary: 'Checkout returns 502 for EU customers; @acme/payments paged',
  startedAt: '2026-11-25T13:50:00.000Z',
  impact: 'major-degradation',
  usersAffected: 30,
  services: ['checkout', 'payments'],
  dataLoss: false,
  security: false,
  detection: 'customer-report',
  links: 'https://grafana.example.com/d/checkout\n- runbook: https://wiki.example.com/checkout',
  fromForm: true,
  notes: [],
}

const ev = (at: string, kind: string, actor: string, extra: Partial<TimelineEvent> = {}): TimelineEvent =>
  ({ at: `2026-11-25T${at}:00.000Z`, kind, actor, via: 'command', ...extra }) as TimelineEvent

/** A P2 resolved by command; one entry was recorded late (a redelivered webhook) and must still sort into place. */
function realistic(): IncidentRecord {
  return <IncidentRecord>{
    v: 1,
    number: 42,
    alert: { title: 'HighErrorRate checkout' },
    declaredAt: '2026-11-25T14:02:00.000Z',
    startedAt: '2026-11-25T13:50:00.000Z',
    priority: 'P2',
    prioritySource: 'human',
    priorityReason: 'set by bob: EU checkout down',
    stage: 'resolved',
    impactDigest: 'x',
    commander: 'bob',
    events: [
      ev('14:02', 'declared', 'alice', { via: 'form', to: 'P3' }),
      ev('14:05', 'priority', 'bob', { from: 'P3', to: 'P2', text: 'EU checkout down, @channel' }),
      ev('14:06', 'ack', 'bob'),
      ev('14:06', 'stage', 'bob', { from: 'triage', to: 'investigating' }),
      ev('14:20', 'update', 'bob', { text: 'Rolled back deploy 1234 | @alice please check the | pipes' }),
      ev('14:40', 'stage', 'carol', { from: 'investigating', to: 'fixing' }),
      ev('15:10', 'stage', 'carol', { from: 'fixing', to: 'monitoring' }),
      ev('14:35', 'alert', 'grafana', { via: 'alert', text: 'firing' }),
      ev('14:36', 'alert', 'grafana', { via: 'alert', text: 'firing again' }),
      ev('14:37', 'note', 'shipit[bot]', { text: 'deploy frozen' }),
      ev('15:12', 'note', 'dave', { text: 'Error rate back to baseline' }),
      ev('15:15', 'telepathy', 'erin', { text: 'a kind from the future', to: 'x' }),
      ev('15:40', 'stage', 'bob', { from: 'monitoring', to: 'resolved' }),
    ],
  }
}

const input = (record = realistic(), followups: PostmortemInput['followups'] = []): PostmortemInput => ({
  record,
  facts,
  title: 'Checkout 502s in EU',
  url: 'https://github.com/acme/shop/issues/42',
  repo: 'acme/shop',
  followups,
})

/** Pipes that separate cells: not escaped by a backslash. */
const cells = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length

/** The rows of the first table after `## Timeline`. */
function timelineRows(md: string): string[] {
  const lines = md.split('\n')
  const start = lines.indexOf('| time (UTC) | what | who |')
  expect(start).toBeGreaterThan(0)
  const rows: string[] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line)
  }
  return rows
}

/** Every table line is whole: starts and ends with a pipe and has its header's cell count. */
function tableProblems(md: string): string[] {
  const problems: string[] = []
  let width = -1
  for (const [n, line] of md.split('\n').entries()) {
    if (!line.startsWith('|')) {
      width = -1
      continue
    }
    if (!line.endsWith('|')) problems.push(`line ${n + 1} not closed`)
    if (width < 0) width = cells(line)
    else if (cells(line) !== width) problems.push(`line ${n + 1}: ${cells(line)} pipes, header has ${width}`)
  }
  return problems
}

const minutes = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 60_000

describe('renderPostmortem with the default template', () => {
  const md = renderPostmortem(
    DEFAULT,
    input(realistic(), [
      { number: 50, title: 'Alert on EU 502 rate', state: 'open' },
      { number: 47, title: 'Pin the deploy', state: 'closed' },
    ]),
  )

  it('starts with the marker and fills every placeholder', () => {
    expect(md.split('\n')[0]).toBe('<!-- incidentops:postmortem:42 -->')
    expect(postmortemIncident(md)).toBe(42)
    expect(md).not.toMatch(/\{\{/)
    expect(md).toContain('# Postmortem: Checkout 502s in EU')
    expect(md).toContain('Incident [acme/shop#42](https://github.com/acme/shop/issues/42)')
    expect(md).toContain('| **Priority** | **P2**: set by bob: EU checkout down |')
    expect(md).toContain('| **Services** | `checkout`, `payments` |')
    expect(md).toContain('| **Impact** | Major degradation · 30% of users |')
    expect(md).toContain('| **Detected by** | customer report |')
    expect(tableProblems(md)).toEqual([])
  })

  it('gives the milestones and durations computed from the events', () => {
    const r = realistic()
    // Independently: acknowledged = first /ack, mitigated = entry into Monitoring, resolved = entry into Resolved.
    const ack = '2026-11-25T14:06:00.000Z'
    const mitigated = '2026-11-25T15:10:00.000Z'
    const resolved = '2026-11-25T15:40:00.000Z'
    expect(minutes(r.startedAt, r.declaredAt)).toBe(12)
    expect(minutes(r.declaredAt, ack)).toBe(4)
    expect(minutes(r.startedAt, mitigated)).toBe(80)
    expect(minutes(r.startedAt, resolved)).toBe(110)
    expect(md).toContain('| Started | 2026-11-25 13:50 UTC | |')
    expect(md).toContain('| Detected (declared) | 2026-11-25 14:02 UTC | time to detect: 12m (from the start) |')
    expect(md).toContain('| Acknowledged | 2026-11-25 14:06 UTC | time to acknowledge: 4m (from detection) |')
    expect(md).toContain('| Mitigated | 2026-11-25 15:10 UTC | time to mitigate: 1h 20m (from the start) |')
    expect(md).toContain('| Resolved | 2026-11-25 15:40 UTC | time to resolve: 1h 50m (from the start) |')
  })

  it('lists the timeline in time order with what and who', () => {
    const rows = timelineRows(md)
    expect(rows).toHaveLength(13)
    const times = rows.map((l) => l.slice(2, 18))
    expect([...times].sort()).toEqual(times)
    expect(rows[0]).toBe('| 2026-11-25 14:02 | Declared as **P3** (incident form) | @\u200balice |')
    expect(rows[1]).toBe(
      '| 2026-11-25 14:05 | Priority P3 → **P2** (command): EU checkout down, @\u200bchannel | @\u200bbob |',
    )
    expect(rows[3]).toBe('| 2026-11-25 14:06 | Stage Triage → **Investigating** (command) | @\u200bbob |')
    expect(rows[4]).toBe(
      '| 2026-11-25 14:20 | **Update**: Rolled back deploy 1234 \\| @\u200balice please check the \\| pipes | @\u200bbob |',
    )
    expect(rows[5]).toBe('| 2026-11-25 14:35 | Alert firing: HighErrorRate checkout | `grafana` |')
    expect(rows[6]).toBe('| 2026-11-25 14:36 | Alert firing again: HighErrorRate checkout | `grafana` |')
    expect(rows[7]).toBe('| 2026-11-25 14:37 | Note: deploy frozen | shipit[bot] |')
    expect(rows[10]).toBe('| 2026-11-25 15:12 | Note: Error rate back to baseline | @\u200bdave |')
    expect(rows[11]).toBe('| 2026-11-25 15:15 | Telepathy ? → x (command): a kind from the future | @\u200berin |')
    expect(rows[12]).toBe('| 2026-11-25 15:40 | Stage Monitoring → **Resolved** (command) | @\u200bbob |')
  })

  it('names the participants once each, bots and monitors left out, without pinging them', () => {
    expect(md).toContain('## Participants\n\n@\u200balice, @\u200bbob, @\u200bcarol, @\u200bdave, @\u200berin\n')
    expect(md).toContain('commander @\u200bbob')
  })

  it('neutralises every mention', () => {
    expect(md).not.toMatch(/@[A-Za-z0-9]/)
  })

  it('lists the links and the follow-ups with their state', () => {
    expect(md).toContain(
      '## Links\n\n- Incident: [acme/shop#42](https://github.com/acme/shop/issues/42) Checkout 502s in EU\n- https://grafana.example.com/d/checkout\n- runbook: https://wiki.example.com/checkout\n',
    )
    expect(md).toContain(
      `## Follow-ups\n\n${FOLLOWUPS_START}\n- [x] #47 Pin the deploy\n- [ ] #50 Alert on EU 502 rate\n${FOLLOWUPS_END}\n`,
    )
  })

  it('is deterministic', () => {
    expect(
      renderPostmortem(
        DEFAULT,
        input(realistic(), [
          { number: 47, title: 'Pin the deploy', state: 'closed' },
          { number: 50, title: 'Alert on EU 502 rate', state: 'open' },
        ]),
      ),
    ).toBe(md)
  })

  it('says "not reached" for milestones an incident has not reached', () => {
    const r = realistic()
    r.events = r.events.slice(0, 1)
    r.stage = 'triage'
    r.commander = null
    const out = renderPostmortem(DEFAULT, input(r))
    expect(out).toContain('| Acknowledged | not reached | time to acknowledge: not reached (from detection) |')
    expect(out).toContain('commander nobody')
    expect(out).toContain(`${FOLLOWUPS_START}\n_No follow-ups yet`)
  })
})

describe('renderPostmortem with a custom template', () => {
  it('renders only what the template asks for', () => {
    const t = parseTemplate(
      '## {{ title }} ({{priority}}, \\{{not a placeholder}})\n\nResolved in {{time_to_resolve}}.\n\n{{timeline}}\n\n{{followups}}\n',
      'docs/pm.md',
    )
    const md = renderPostmortem(t, input())
    expect(md.split('\n').slice(0, 5)).toEqual([
      '<!-- incidentops:postmortem:42 -->',
      '## Checkout 502s in EU (P2, {{not a placeholder}})',
      '',
      'Resolved in 1h 50m.',
      '',
    ])
    expect(timelineRows(md)).toHaveLength(13)
    expect(
      md.endsWith(
        `${FOLLOWUPS_START}\n_No follow-ups yet: comment \`/followup <title>\` on the incident or on this issue to open one._\n${FOLLOWUPS_END}\n`,
      ),
    ).toBe(true)
  })

  it('appends the follow-up section when the template has none, so the action can keep it current', () => {
    const md = renderPostmortem(
      parseTemplate('# {{title}}\n\n\n', 'pm.md'),
      input(realistic(), [{ number: 7, title: 'x', state: 'open' }]),
    )
    expect(md).toBe(
      `<!-- incidentops:postmortem:42 -->\n# Checkout 502s in EU\n\n${FOLLOWUPS_START}\n- [ ] #7 x\n${FOLLOWUPS_END}\n`,
    )
  })

  it('refuses a template that alone is over the limit', () => {
    const t = parseTemplate(`${'x'.repeat(70_000)}\n{{timeline}}`, 'big.md')
    expect(() => renderPostmortem(t, input())).toThrow(ConfigError)
    expect(() => renderPostmortem(t, input(), { maxChars: 100 })).toThrow(RangeError)
  })
})

describe('a long timeline', () => {
  /** 5,000 events: stage changes back and forth, priority changes, many updates and notes with long texts, alerts. */
  function huge(): IncidentRecord {
    const r = realistic()
    const t0 = Date.parse('2026-11-25T16:00:00.000Z')
    const events: TimelineEvent[] = [...r.events]
    const stages = ['investigating', 'fixing', 'monitoring']
    for (let i = 0; events.length < 4_999; i++) {
      const at = new Date(t0 + i * 60_000).toISOString()
      if (i % 250 === 0)
        events.push({
          at,
          kind: 'stage',
          actor: 'carol',
          via: 'command',
          from: stages[i % 3]!,
          to: stages[(i + 1) % 3]!,
        })
      else if (i % 333 === 0)
        events.push({
          at,
          kind: 'priority',
          actor: 'bob',
          via: 'command',
          from: 'P2',
          to: 'P2',
          text: `still P2 #${i}`,
        })
      else if (i % 7 === 0)
        events.push({
          at,
          kind: 'alert',
          actor: 'grafana[bot]',
          via: 'alert',
          to: i % 2 ? 'firing' : 'resolved',
          text: `CheckoutErrors ${i}`,
        } as unknown as TimelineEvent)
      else
        events.push({
          at,
          kind: i % 2 ? 'update' : 'note',
          actor: `user${i % 40}`,
          via: 'command',
          text: `${i}: ${'lorem ipsum | dolor '.repeat(12)} @team`,
        })
    }
    events.push({
      at: new Date(t0 + 10_000 * 60_000).toISOString(),
      kind: 'stage',
      actor: 'bob',
      via: 'command',
      from: 'monitoring',
      to: 'resolved',
    })
    return { ...r, events }
  }

  it('stays under the limit with whole rows, keeping first, last and every stage and priority change', () => {
    const r = huge()
    expect(r.events).toHaveLength(5_000)
    const md = renderPostmortem(DEFAULT, input(r))
    expect(md.length).toBeLessThanOrEqual(60_000)
    expect(tableProblems(md)).toEqual([])
    const rows = timelineRows(md)
    expect(rows[0]).toContain('Declared as **P3**')
    expect(rows.at(-1)).toBe('| 2026-12-02 14:40 | Stage Monitoring → **Resolved** (command) | @\u200bbob |')
    const stageChanges = r.events.filter((e) => e.kind === 'stage').length
    const priorityChanges = r.events.filter((e) => e.kind === 'priority').length
    expect(rows.filter((l) => l.includes('| Stage ')).length).toBe(stageChanges)
    expect(rows.filter((l) => l.includes('| Priority ')).length).toBe(priorityChanges)
    const kept = rows.filter((l) => !l.startsWith('| ⋯ |')).length
    const leftOut = rows
      .filter((l) => l.startsWith('| ⋯ |'))
      .reduce((n, l) => n + Number(/_([\d,]+) entr/.exec(l)![1]!.replace(/,/g, '')), 0)
    expect(kept + leftOut).toBe(5_000)
    expect(md).toMatch(
      new RegExp(
        `_Summarised to fit GitHub's size limit: ${leftOut.toLocaleString('en-US')} of 5,000 entries left out \\([\\d,]+ updates, [\\d,]+ notes and [\\d,]+ alert events\\); the first and last entries and every stage and priority change are kept\\. The full timeline is in the incident, \\[#42\\]\\(https://github.com/acme/shop/issues/42\\)\\._`,
      ),
    )
    // It used most of the room rather than giving up early.
    expect(md.length).toBeGreaterThan(55_000)
    expect(renderPostmortem(DEFAULT, input(r))).toBe(md)
  })

  it('keeps first and last and says so when even the stage changes do not fit', () => {
    const r = realistic()
    r.events = Array.from({ length: 5_000 }, (_, i) => ({
      at: new Date(Date.parse('2026-11-25T14:02:00.000Z') + i * 1000).toISOString(),
      kind: 'stage' as const,
      actor: 'flappy',
      via: 'alert' as const,
      from: i % 2 ? 'monitoring' : 'investigating',
      to: i % 2 ? 'investigating' : 'monitoring',
    }))
    const md = renderPostmortem(DEFAULT, input(r), { maxChars: 20_000 })
    expect(md.length).toBeLessThanOrEqual(20_000)
    expect(tableProblems(md)).toEqual([])
    const rows = timelineRows(md)
    expect(rows[0]).toMatch(/^\| 2026-11-25 14:02 \| Stage Investigating → \*\*Monitoring\*\*/)
    expect(rows.at(-1)).toMatch(/^\| 2026-11-25 15:25 \| Stage Monitoring → \*\*Investigating\*\*/)
    expect(md).toContain('stage changes); the first and last entries are kept.')
  })
})

describe('follow-ups', () => {
  const before = [{ number: 12, title: 'Add a canary', state: 'open' as const }]
  const after = [
    { number: 13, title: 'Alert on @oncall 502s', state: 'open' as const },
    { number: 12, title: 'Add a canary', state: 'closed' as const },
  ]

  it('lists them with their state', () => {
    expect(followupsSection(after)).toBe(
      `${FOLLOWUPS_START}\n- [x] #12 Add a canary\n- [ ] #13 Alert on @\u200boncall 502s\n${FOLLOWUPS_END}`,
    )
  })

  it('stays bounded with hundreds of follow-ups', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({
      number: i + 1,
      title: 'y'.repeat(150),
      state: 'open' as const,
    }))
    const s = followupsSection(many)
    expect(s.length).toBeLessThanOrEqual(10_000 + FOLLOWUPS_START.length + FOLLOWUPS_END.length + 2)
    expect(s).toMatch(
      /- _… and 1,9\d\d more follow-ups, labelled `incident-followup`._\n<!-- \/incidentops:followups -->$/,
    )
  })

  it('replaces only the section and keeps every byte people wrote', () => {
    const rendered = renderPostmortem(DEFAULT, input(realistic(), before))
    const edited = rendered
      .replace(
        '_The underlying reason it broke: a condition in the system or the process, not a person._',
        'A config push set the **pool size to 0**.\n\nSee {{this}}.',
      )
      .replace(`${FOLLOWUPS_END}\n`, `${FOLLOWUPS_END}\n\nAdded by hand after the section.\n`)
    const updated = replaceFollowups(edited, after)
    const start = edited.indexOf(FOLLOWUPS_START)
    const end = edited.indexOf(FOLLOWUPS_END) + FOLLOWUPS_END.length
    expect(updated).toBe(edited.slice(0, start) + followupsSection(after) + edited.slice(end))
    expect(updated).toContain('pool size to 0')
    expect(updated).toContain('- [x] #12 Add a canary\n- [ ] #13')
    expect(replaceFollowups(updated, after)).toBe(updated)
  })

  it('adds the section at the end when people deleted it, then keeps updating that one', () => {
    const body = `${postmortemMarker(42)}\n# Postmortem\n\nWe rewrote everything.`
    const once = replaceFollowups(body, before)
    expect(once).toBe(`${body}\n\n${followupsSection(before)}\n`)
    expect(replaceFollowups(once, after)).toBe(`${body}\n\n${followupsSection(after)}\n`)
    expect(replaceFollowups('', before)).toBe(`${followupsSection(before)}\n`)
  })

  it("follows CRLF bodies from GitHub's editor and leaves a stray start marker alone", () => {
    const body = `intro\r\n${FOLLOWUPS_START}\r\nhalf-deleted\r\n\r\nmore text\r\n`
    expect(replaceFollowups(body, before)).toBe(`${body}\r\n${followupsSection(before).replace(/\n/g, '\r\n')}\r\n`)
    const twice = replaceFollowups(replaceFollowups(body, before), after)
    expect(twice.startsWith(body)).toBe(true)
    expect(twice).toContain('- [ ] #13')
  })

  it('for any text around the section, changes nothing but the section (property)', () => {
    const text = fc.string({ maxLength: 200 }).filter((s) => !s.includes('incidentops:') && !s.includes('\r'))
    fc.assert(
      fc.property(text, text, (a, b) => {
        const body = `${a}\n${followupsSection(before)}\n${b}`
        expect(replaceFollowups(body, after)).toBe(`${a}\n${followupsSection(after)}\n${b}`)
      }),
      runs(100),
    )
  })
})
