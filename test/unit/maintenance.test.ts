/**
 * Scheduled maintenance's pure parts (#18 item 4): the form and its times, the status derived from
 * the window and the clock, the transitions a run records, the commands and who may run them, the
 * form YAML against its spec, and the page's weight with maintenances on it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import type { IncidentRecord } from '../../src/domain/record.js'
import type { IssueSnapshot } from '../../src/domain/snapshot.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { MAINTENANCE_FORM, parseComponents, parseWindowTime, readMaintenanceForm } from '../../src/maintenance/form.js'
import {
  decideMaintenance,
  parseMaintenanceCommands,
  planMaintenance,
  renderMaintenanceCard,
} from '../../src/maintenance/plan.js'
import {
  decodeMaintenance,
  pending,
  recordTransitions,
  statusAt,
  transitionsBy,
  type MaintenanceRecord,
} from '../../src/maintenance/record.js'
import { buildStatusPage, type StatusSource } from '../../src/status/model.js'
import { buildSite } from '../../src/status/site.js'

const ROOT = join(import.meta.dirname, '..', '..')
const config = loadConfig(
  `services:
  - name: checkout
    display_name: Checkout
    aliases: [payments]
  - name: api
    display_name: Public API
status:
  name: Acme status
`,
  '.github/incidents.yml',
)
const NOW = new Date('2026-12-08T10:00:00Z')

function rec(over: Partial<MaintenanceRecord> = {}): MaintenanceRecord {
  return {
    v: 1,
    kind: 'maintenance',
    number: 3,
    title: 'Database upgrade',
    start: '2026-12-10T14:00:00.000Z',
    end: '2026-12-10T16:00:00.000Z',
    components: ['checkout'],
    text: 'Checkout may be slow.',
    confirmed: { at: '2026-12-08T10:00:00.000Z', by: 'bob' },
    updates: [],
    transitions: [],
    processed: [],
    ...over,
  }
}

const body = (v: Record<string, string>): string =>
  renderIssueForm(
    {
      title: 'Database upgrade',
      start: '2026-12-10 14:00',
      end: '2026-12-10 16:00',
      components: 'checkout',
      text: 'Checkout may be slow.',
      ...v,
    },
    MAINTENANCE_FORM,
  )

function issue(over: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    nodeId: 'I_1',
    number: 3,
    title: '[Maintenance]: upgrade',
    body: body({}),
    state: 'open',
    stateReason: null,
    createdAt: '2026-12-08T10:00:00Z',
    updatedAt: '2026-12-08T10:00:00Z',
    closedAt: null,
    url: '',
    author: 'bob',
    viewerDidAuthor: false,
    assignees: [],
    labels: ['maintenance'],
    comments: [],
    ...over,
  }
}

describe('window times', () => {
  it.each([
    ['2026-12-10 14:00', '2026-12-10T14:00:00.000Z'],
    ['2026-12-10 14:00 UTC', '2026-12-10T14:00:00.000Z'],
    ['2026-12-10 9:05', '2026-12-10T09:05:00.000Z'],
    ['2026-12-10T14:00:00Z', '2026-12-10T14:00:00.000Z'],
    ['2026-12-10T14:00Z', '2026-12-10T14:00:00.000Z'],
    ['2026-12-10T15:00:00+01:00', '2026-12-10T14:00:00.000Z'],
    ['2026-12-10T09:00-0500', '2026-12-10T14:00:00.000Z'],
    ['  2026-12-10   14:00  ', '2026-12-10T14:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseWindowTime(text)?.toISOString()).toBe(iso)
  })

  it.each([
    'next tuesday',
    '2026-02-30 10:00',
    '2026-12-10 24:00',
    '2026-12-10 14:60',
    '2026-12-10',
    '14:00',
    '10/12/2026 14:00',
  ])('refuses %s', (text) => {
    expect(parseWindowTime(text)).toBeNull()
  })
})

describe('the maintenance form', () => {
  it('reads a valid form; components by name, alias or display name, in any case', () => {
    expect(parseComponents('Public API, PAYMENTS', config.services)).toEqual({
      names: ['api', 'checkout'],
      unknown: [],
    })
    const r = readMaintenanceForm(body({ components: 'public api; checkout' }), config.services, NOW)
    expect(r).toEqual({
      fields: {
        title: 'Database upgrade',
        start: '2026-12-10T14:00:00.000Z',
        end: '2026-12-10T16:00:00.000Z',
        components: ['api', 'checkout'],
        text: 'Checkout may be slow.',
      },
    })
  })

  it('says every problem at once, each with what to write', () => {
    const r = readMaintenanceForm(
      body({ start: 'tomorrow', end: '2026-12-10 13:00', components: 'checkout, billing', title: 'x'.repeat(121) }),
      config.services,
      NOW,
    )
    expect('problems' in r && r.problems).toEqual([
      '**Public title** has 121 characters: write at most 120.',
      '**Window start (UTC)**: `tomorrow` is not a time I can read; write it as `2026-12-10 14:00` (read as UTC) or ISO 8601 such as `2026-12-10T14:00:00Z`.',
      '**Components**: `billing` is not in the services catalog; write one or more of `checkout`, `api`.',
    ])
    const order = readMaintenanceForm(body({ end: '2026-12-10 13:00' }), config.services, NOW)
    expect('problems' in order && order.problems[0]).toContain('must be after **Window start (UTC)**')
    const long = readMaintenanceForm(body({ end: '2026-12-30 13:00' }), config.services, NOW)
    expect('problems' in long && long.problems[0]).toContain('more than 14 days')
    const past = readMaintenanceForm(body({ start: '2026-12-01 10:00', end: '2026-12-01 12:00' }), config.services, NOW)
    expect('problems' in past && past.problems[0]).toContain('has already ended')
    const none = readMaintenanceForm(body({}), [], NOW)
    expect('problems' in none && none.problems[0]).toContain('has no `services:`')
  })

  it('defuses what it quotes back (no mention, no marker)', () => {
    const r = readMaintenanceForm(body({ start: '@alice <!-- incidentops:x -->' }), config.services, NOW)
    const text = 'problems' in r ? r.problems.join('\n') : ''
    expect(text).not.toMatch(/@alice|<!--|incidentops:/)
  })

  it('mirrors .github/ISSUE_TEMPLATE/maintenance.yml (ids, labels, types, required, order)', () => {
    const yml = parseYaml(readFileSync(join(ROOT, '.github/ISSUE_TEMPLATE/maintenance.yml'), 'utf8')) as {
      labels: string[]
      body: { type: string; id?: string; attributes: { label?: string }; validations?: { required?: boolean } }[]
    }
    expect(yml.labels).toEqual([config.status.maintenance.label])
    const fields = yml.body
      .filter((f) => f.type !== 'markdown')
      .map((f) => ({ id: f.id, label: f.attributes.label, type: f.type, required: f.validations?.required ?? false }))
    expect(fields).toEqual(
      MAINTENANCE_FORM.map((f) => ({ id: f.id, label: f.label, type: f.type, required: !!f.required })),
    )
  })
})

describe('the status, derived from the window and the clock', () => {
  it('scheduled → in progress → (verifying) → completed, whatever ran in between', () => {
    const r = rec()
    expect(statusAt(r, '2026-12-10T13:59:59Z')).toBe('scheduled')
    expect(statusAt(r, '2026-12-10T14:00:00Z')).toBe('in_progress')
    expect(statusAt({ ...r, verifyingAt: '2026-12-10T15:00:00Z' }, '2026-12-10T15:30:00Z')).toBe('verifying')
    expect(statusAt(r, '2026-12-10T16:00:00Z')).toBe('completed')
    expect(statusAt({ ...r, endedAt: '2026-12-10T15:00:00Z' }, '2026-12-10T15:01:00Z')).toBe('completed')
    expect(statusAt({ ...r, cancelledAt: '2026-12-09T00:00:00Z' }, '2026-12-10T15:00:00Z')).toBe('cancelled')
  })

  it('transitions carry the time they happened, not when a run saw them; each is recorded once', () => {
    const r = rec()
    // No run during the whole window: the next one records both, at the window's times.
    const added = recordTransitions(r, '2026-12-11T09:00:00Z', 'sweep')
    expect(added.map((t) => [t.status, t.at, t.recordedAt])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z', '2026-12-11T09:00:00Z'],
      ['in_progress', '2026-12-10T14:00:00.000Z', '2026-12-11T09:00:00Z'],
      ['completed', '2026-12-10T16:00:00.000Z', '2026-12-11T09:00:00Z'],
    ])
    expect(recordTransitions(r, '2026-12-11T10:00:00Z', 'sweep')).toEqual([])
    expect(pending(r, '2026-12-11T10:00:00Z')).toBe(false)
    // Confirmed after its start: no "scheduled"; in progress from the confirmation.
    expect(
      transitionsBy(rec({ confirmed: { at: '2026-12-10T14:30:00.000Z', by: 'bob' } }), '2026-12-10T14:31:00Z'),
    ).toEqual([{ status: 'in_progress', at: '2026-12-10T14:30:00.000Z' }])
    expect(transitionsBy(rec({ confirmed: null }), '2026-12-11T00:00:00Z')).toEqual([])
    expect(pending(rec(), '2026-12-09T00:00:00Z')).toBe(true)
    expect(pending(rec({ confirmed: null }), '2026-12-09T00:00:00Z')).toBe(false)
  })
})

describe('commands and access', () => {
  it('parses /confirm and /maintenance …, with multi-line updates, not inside code fences', () => {
    expect(
      parseMaintenanceCommands('/confirm\n/maintenance Backups done.\nUpgrading now.\n/maintenance verify'),
    ).toEqual([
      { action: 'confirm' },
      { action: 'update', text: 'Backups done.\nUpgrading now.' },
      { action: 'verify' },
    ])
    expect(parseMaintenanceCommands('```\n/maintenance cancel\n```')).toEqual([])
  })

  it('someone below triage changes nothing and gets one reply; a responder’s commands act', () => {
    const card = renderMaintenanceCard(rec(), config)
    const withCard = issue({
      comments: [
        {
          databaseId: 9,
          body: card,
          author: 'bot',
          createdAt: '2026-12-08T10:00:00Z',
          updatedAt: '',
          viewerDidAuthor: true,
        },
      ],
    })
    const out = decideMaintenance(
      withCard,
      rec(),
      { kind: 'comment', commentId: 11, body: '/maintenance cancel', author: 'mallory', role: 'read' },
      config,
      '2026-12-09T00:00:00Z',
      'intake',
    )
    expect(out.record?.cancelledAt).toBeUndefined()
    expect(out.replies.map((r) => r.body)).toEqual([expect.stringContaining('only people with triage')])
    const by = decideMaintenance(
      withCard,
      rec(),
      { kind: 'comment', commentId: 12, body: '/maintenance cancel', author: 'bob', role: 'triage' },
      config,
      '2026-12-09T00:00:00Z',
      'intake',
    )
    expect(by.record?.cancelledAt).toBe('2026-12-09T00:00:00Z')
    expect(by.state).toEqual({ to: 'closed', reason: 'not_planned' })
    const plan = planMaintenance(withCard, by, config)
    expect(plan.map((e) => e.kind)).toEqual(['update-comment', 'update-issue'])
    // The same comment again: processed, nothing more.
    const again = decideMaintenance(
      issue({
        ...withCard,
        state: 'closed',
        comments: [{ ...withCard.comments[0]!, body: renderMaintenanceCard(by.record!, config) }],
      }),
      by.record,
      { kind: 'comment', commentId: 12, body: '/maintenance cancel', author: 'bob', role: 'triage' },
      config,
      '2026-12-09T00:01:00Z',
      'intake',
    )
    expect(
      planMaintenance(
        issue({
          state: 'closed',
          comments: [{ ...withCard.comments[0]!, body: renderMaintenanceCard(by.record!, config) }],
        }),
        again,
        config,
      ),
    ).toEqual([])
  })

  it('closing by a responder: before the window cancels, during it completes; verify and complete are recorded', () => {
    const open = issue()
    const closedBefore = decideMaintenance(
      issue({ state: 'closed', closedAt: '2026-12-09T00:00:00Z' }),
      rec(),
      { kind: 'issue', action: 'closed', sender: 'bob', role: 'write' },
      config,
      '2026-12-09T00:00:00Z',
      'intake',
    )
    expect(closedBefore.record?.cancelledAt).toBe('2026-12-09T00:00:00Z')
    expect(closedBefore.recorded.map((t) => t.status)).toEqual(['scheduled', 'cancelled'])
    const closedDuring = decideMaintenance(
      issue({ state: 'closed', closedAt: '2026-12-10T15:00:00Z' }),
      rec(),
      { kind: 'issue', action: 'closed', sender: 'bob', role: 'write' },
      config,
      '2026-12-10T15:00:00Z',
      'intake',
    )
    expect(closedDuring.record?.endedAt).toBe('2026-12-10T15:00:00Z')
    expect(closedDuring.recorded.map((t) => [t.status, t.at])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z'],
      ['in_progress', '2026-12-10T14:00:00.000Z'],
      ['completed', '2026-12-10T15:00:00.000Z'],
    ])
    expect(closedDuring.state).toBeUndefined()
    const cmd = (body: string, at: string, r = rec()) =>
      decideMaintenance(
        open,
        r,
        { kind: 'comment', commentId: 20, body, author: 'bob', role: 'maintain' },
        config,
        at,
        'intake',
      )
    const verified = cmd('/maintenance verify', '2026-12-10T15:30:00Z')
    expect(verified.recorded.map((t) => t.status)).toEqual(['scheduled', 'in_progress', 'verifying'])
    const early = cmd('/maintenance complete', '2026-12-10T15:45:00Z')
    expect(early.record?.endedAt).toBe('2026-12-10T15:45:00Z')
    expect(early.state).toEqual({ to: 'closed', reason: 'completed' })
    // Each refused with what to do instead, nothing changed.
    const tooSoon = cmd('/maintenance complete', '2026-12-09T00:00:00Z')
    expect(tooSoon.record?.endedAt).toBeUndefined()
    expect(tooSoon.replies[0]?.body).toContain('call it off with `/maintenance cancel` instead')
    const tooLate = cmd('/maintenance cancel', '2026-12-10T14:10:00Z')
    expect(tooLate.record?.cancelledAt).toBeUndefined()
    expect(tooLate.replies[0]?.body).toContain('end it with `/maintenance complete` instead')
  })

  it('the card quotes the public text defused, and its record reads back', () => {
    const card = renderMaintenanceCard(
      rec({ title: 'Upgrade @alice <!-- incidentops:card -->', text: 'cc @bob' }),
      config,
    )
    expect(card).not.toMatch(/@alice|@bob|<!-- incidentops:card/)
    expect(decodeMaintenance(card)?.title).toBe('Upgrade @alice <!-- incidentops:card -->')
  })
})

describe('on the page', () => {
  it('50 incidents and 20 maintenances weigh under 100 KB per page; maintenance never counts as downtime', () => {
    const sources: StatusSource[] = []
    for (let i = 1; i <= 50; i++) {
      const at = new Date(Date.parse('2026-11-28T00:00:00Z') - i * 36 * 3_600_000).toISOString()
      const r: IncidentRecord = {
        v: 1,
        number: i,
        declaredAt: at,
        startedAt: at,
        priority: 'P2',
        prioritySource: 'rules',
        priorityReason: 'x',
        stage: 'closed',
        impactDigest: 'x',
        events: [
          { at, kind: 'declared', actor: 'rita', via: 'form' },
          {
            at: new Date(Date.parse(at) + 3_600_000).toISOString(),
            kind: 'stage',
            from: 'investigating',
            to: 'resolved',
            actor: 'bob',
            via: 'command',
          },
        ],
        status: {
          title: `Incident number ${i}: checkout payments failing for some customers`,
          publishedAt: at,
          published: true,
          updates: Array.from({ length: 3 }, () => ({
            at,
            text: 'We identified the cause and are rolling out a fix; payments may fail meanwhile. '.repeat(2),
            status: 'identified' as const,
          })),
        },
      }
      sources.push({ record: r, services: ['checkout'] })
    }
    const maint = Array.from({ length: 20 }, (_, k) =>
      rec({
        number: 100 + k,
        title: `Maintenance ${k}`,
        start: new Date(Date.parse('2026-12-01T14:00:00Z') + k * 86_400_000).toISOString(),
        end: new Date(Date.parse('2026-12-01T16:00:00Z') + k * 86_400_000).toISOString(),
        confirmed: { at: '2026-11-30T10:00:00.000Z', by: 'bob' },
        text: 'We are upgrading the database; checkout may be slow for a few minutes. '.repeat(3),
      }),
    )
    const now = '2026-12-08T15:00:00Z'
    const data = buildStatusPage(sources, config, 'acme/shop', now, maint)
    expect(data.maintenances.map((m) => m.status).filter((s) => s === 'in_progress')).toHaveLength(1)
    expect(data.components.find((c) => c.id === 'checkout')?.status).toBe('under_maintenance')
    // Seven days of two-hour maintenances on checkout, and no incident in the last days: full bars.
    expect(
      data.components
        .find((c) => c.id === 'checkout')!
        .days.slice(-7)
        .every((d) => d.uptime === 1),
    ).toBe(true)
    const site = buildSite(data, 'acme/shop')
    for (const page of ['index.html', 'history.html']) {
      const bytes = Buffer.byteLength(site[page]!)
      console.log(`${page} for 50 incidents and 20 maintenances: ${bytes} bytes`)
      expect(bytes, page).toBeLessThan(100 * 1024)
    }
    expect(site['maintenances.ics']!.match(/BEGIN:VEVENT/g)).toHaveLength(20)
  })
})
