// The main scenarios of the e2e suite, written once and driven in every mode (plain, each event
// delivered three times, killed after the first write, under random faults).
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord, type IncidentRecord } from '../../src/domain/record.js'
import { BOT, REPO, type World } from './world.js'

export interface Scenario {
  name: string
  config: string
  board: boolean
  drive(w: World): Promise<void>
  /** Facts the end state must show whatever happened on the way (beyond equality with the fault-free run). */
  check?(w: World): string[]
}

const BOARD = [
  'project:',
  '  number: 1',
  '  priority_field: Priority',
  '  started_field: Started',
  '  resolved_field: Resolved',
  '  service_field: Service',
]

export function formBody(
  impact: string,
  summary = 'Checkout returns 502 for card payments. cc @cto',
  users = 'All users (100%)',
  services = 'checkout, api',
): string {
  return renderIssueForm(
    {
      summary,
      started_at: '2026-11-25 13:50 UTC',
      impact,
      users_affected: users,
      services,
      exposure: [],
      detection: 'Monitoring alert',
      links: null,
    },
    INCIDENT_FORM,
  )
}

export function recordOf(w: World, n: number): IncidentRecord | null {
  const card = w.emu.listComments(REPO, n).find((c) => c.user?.login === BOT && c.body?.startsWith(CARD_MARKER))
  return card ? decodeRecord(card.body!) : null
}

const generic = (alerts: { key: string; status: 'firing' | 'resolved' }[]) => ({
  incidentops: {
    version: 1,
    alerts: alerts.map((a) => ({
      ...a,
      title: `Probe ${a.key} failing`,
      service: 'api',
      severity: 'high',
      source: 'uptime',
    })),
  },
})

export const SCENARIOS: Scenario[] = [
  {
    name: 'intake',
    config: [...BOARD, 'crisis:', '  mention: ["@acme/incident-leads"]'].join('\n'),
    board: true,
    async drive(w) {
      const n = w.openIncident(formBody('Full outage'), '[Incident]: Checkout is down', '2026-11-25T14:00:00Z')
      await w.opened(n, '2026-11-25T14:00:00Z')
      const m = w.openIncident(
        formBody('Minor degradation', 'Search slow for some', 'Some users (1–9%)', 'search'),
        '[Incident]: Search slow',
        '2026-11-25T14:05:00Z',
        'bob',
      )
      await w.opened(m, '2026-11-25T14:05:00Z', 'bob')
      // An edit that raises the impact re-classifies.
      await w.editBody(
        m,
        formBody('Major degradation', 'Search slow for many', 'Many users (10–49%)', 'search'),
        '2026-11-25T14:20:00Z',
      )
    },
  },
  {
    name: 'commands',
    config: BOARD.join('\n'),
    board: true,
    async drive(w) {
      const n = w.openIncident(
        formBody('Major degradation', 'Search returns errors', 'Many users (10–49%)', 'search'),
        '[Incident]: Search is failing',
        '2026-11-25T14:00:00Z',
      )
      await w.opened(n, '2026-11-25T14:00:00Z')
      await w.say(n, 'alice', '/ack', '2026-11-25T14:12:00Z')
      await w.say(n, 'alice', 'Found it.\n/fixing\n/update rolling back the 14:00 deploy', '2026-11-25T14:20:00Z')
      await w.say(n, 'bob', '/priority P1 checkout is affected too\n/commander @bob', '2026-11-25T14:25:00Z')
      await w.say(
        n,
        'triager',
        '/monitoring\n/note error rate back to baseline\n/stage nonsense',
        '2026-11-25T14:35:00Z',
      )
    },
  },
  {
    name: 'alerts',
    config: '',
    board: false,
    async drive(w) {
      await w.alert(generic([{ key: 'probe-a', status: 'firing' }]), '2026-11-25T14:00:00Z')
      await w.alert(
        generic([
          { key: 'probe-a', status: 'firing' },
          { key: 'probe-b', status: 'firing' },
        ]),
        '2026-11-25T14:03:00Z',
      )
      await w.alert(generic([{ key: 'probe-a', status: 'firing' }]), '2026-11-25T14:25:00Z')
      await w.alert(generic([{ key: 'probe-a', status: 'resolved' }]), '2026-11-25T14:40:00Z')
      await w.alert(generic([{ key: 'probe-a', status: 'firing' }]), '2026-11-25T14:50:00Z')
    },
    check(w) {
      // No alert lost: every key that fired has exactly one open incident.
      const problems: string[] = []
      for (const key of ['probe-a', 'probe-b']) {
        const open = w.emu
          .listIssues(REPO)
          .filter((i) => i.state === 'open' && (i.body ?? '').startsWith(`<!-- incidentops:alert-key:${key} -->`))
        if (open.length !== 1) problems.push(`alert ${key} has ${open.length} open incidents`)
        else if (recordOf(w, open[0]!.number)?.alert?.key !== key)
          problems.push(`alert ${key}: #${open[0]!.number} has no card with its record`)
      }
      return problems
    },
  },
  {
    name: 'sweep',
    config: [
      'escalation:',
      '  - mention: ["@acme/oncall"]',
      '  - mention: ["@acme/leads"]',
      '    after: 15m',
      'response_team: ["@acme/responders"]',
    ].join('\n'),
    board: false,
    async drive(w) {
      const n = w.openIncident(formBody('Full outage'), '[Incident]: Checkout is down', '2026-11-25T14:00:00Z')
      await w.opened(n, '2026-11-25T14:00:00Z')
      await w.sweep('2026-11-25T14:16:00Z') // ack deadline passed: escalation level 1
      await w.sweep('2026-11-25T14:50:00Z') // dropped runs caught up: level 2, once
      await w.say(n, 'alice', '/ack', '2026-11-25T14:55:00Z') // a stage change: the update clock restarts, nothing due
      await w.sweep('2026-11-25T15:31:00Z') // the reminder of the period that began 30m after the /ack
    },
    check(w) {
      const bot = w.emu
        .listComments(REPO, 2)
        .filter((c) => c.user?.login === BOT)
        .map((c) => c.body!.split('\n')[0]!)
      const want = [
        '<!-- incidentops:escalation:1 -->',
        '<!-- incidentops:escalation:2 -->',
        '<!-- incidentops:reminder:2026-11-25T15:25:00.000Z -->',
      ]
      return want.filter((m) => !bot.includes(m)).map((m) => `the sweep never posted ${m}`)
    },
  },
  {
    name: 'postmortem',
    config: BOARD.join('\n'),
    board: true,
    async drive(w) {
      const n = w.openIncident(
        formBody('Major degradation', 'Search is slow', 'Many users (10–49%)', 'search'),
        '[Incident]: Search is slow',
        '2026-11-25T14:00:00Z',
      )
      await w.opened(n, '2026-11-25T14:00:00Z')
      await w.say(n, 'alice', '/ack\n/followup Add an index on orders.created_at', '2026-11-25T14:10:00Z')
      await w.say(n, 'alice', '/resolve', '2026-11-25T15:30:00Z')
      const f = w.emu.listIssues(REPO).find((i) => (i.body ?? '').startsWith('<!-- incidentops:followup:'))
      if (!f) throw new Error(`${w.name}: no follow-up issue`)
      await w.closeIssue(f.number, '2026-11-26T09:00:00Z')
      const pm = w.emu.listIssues(REPO).find((i) => (i.body ?? '').startsWith('<!-- incidentops:postmortem:'))
      if (!pm) throw new Error(`${w.name}: no postmortem issue`)
      await w.closeIssue(pm.number, '2026-11-27T10:00:00Z')
    },
    check(w) {
      const r = recordOf(w, 2)
      const pms = w.emu.listIssues(REPO).filter((i) => (i.body ?? '').startsWith('<!-- incidentops:postmortem:'))
      return [
        ...(r?.stage === 'closed' ? [] : [`the incident ended ${r?.stage ?? 'without a record'}, not closed`]),
        ...(pms.length === 1 ? [] : [`${pms.length} postmortems`]),
      ]
    },
  },
]
