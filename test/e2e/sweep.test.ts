import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord, encodeRecord, type IncidentRecord } from '../../src/domain/record.js'
import { commentPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

const CONFIG = [
  'escalation:',
  '  - mention: ["@acme/oncall"]',
  '  - mention: ["@acme/leads"]',
  '    after: 15m',
  'response_team: ["@acme/responders"]',
].join('\n')

let emu: Emulator
let repo = ''
let seq = 0

const bot = (n: number) => emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const marked = (n: number, kind: string) => bot(n).filter((c) => c.body!.startsWith(`<!-- incidentops:${kind}:`))
const record = (n: number) => decodeRecord(bot(n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!)!

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

const sweep = (time: string) =>
  at(time, () =>
    runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
    }),
  )

async function open(impact: string, time: string): Promise<number> {
  emu.clock.set(time)
  const body = renderIssueForm(
    {
      summary: 'Checkout down',
      impact,
      users_affected: 'All users (100%)',
      services: 'checkout',
      exposure: [],
      detection: 'Monitoring alert',
    },
    INCIDENT_FORM,
  )
  const n = emu.createIssue(repo, {
    title: '[Incident]: Checkout down',
    body,
    labels: ['incident'],
    user: 'alice',
  }).number
  await at(time, () =>
    runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') }),
  )
  return n
}

async function say(n: number, text: string, time: string): Promise<void> {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user: 'alice' })
  await at(time, () => runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) }))
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/sweep-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' }, files: { '.github/incidents.yml': CONFIG } })
  emu.createIssue(repo, { title: 'seed', user: 'alice' })
  emu.addLabelsAs(repo, 1, ['incident'], 'alice')
  // Closed, so that it is not an open incident without a card (the sweep would adopt it).
  emu.editIssue(repo, 1, { state: 'closed', state_reason: 'completed' }, 'alice')
})

describe('the scheduled sweep', () => {
  it('escalates at the ack deadline and climbs the chain, reminds exactly when due and never twice, and catches up a dropped run', async () => {
    const n = await open('Full outage', '2026-11-25T14:00:00Z') // P1: ack 15m, update 30m

    emu.resetCounters()
    await sweep('2026-11-25T14:10:00Z')
    expect(emu.counts().writes).toBe(0)
    expect(marked(n, 'escalation')).toHaveLength(0)

    await sweep('2026-11-25T14:16:00Z')
    expect(marked(n, 'escalation').map((c) => c.body!.split('\n')[0])).toEqual(['<!-- incidentops:escalation:1 -->'])
    expect(marked(n, 'escalation')[0]!.body).toContain('@acme/oncall: please take command with `/ack`')
    expect(record(n).events.at(-1)).toMatchObject({
      kind: 'escalation',
      to: '1',
      via: 'schedule',
      at: '2026-11-25T14:16:00.000Z',
    })

    emu.resetCounters()
    await sweep('2026-11-25T14:20:00Z')
    expect(emu.counts().writes).toBe(0)

    // The 14:30 and 14:40 runs were dropped by GitHub; the 14:50 run catches up: level 2 (due 14:30), once.
    await sweep('2026-11-25T14:50:00Z')
    await sweep('2026-11-25T14:51:00Z')
    expect(marked(n, 'escalation').map((c) => c.body!.split('\n')[0])).toEqual([
      '<!-- incidentops:escalation:1 -->',
      '<!-- incidentops:escalation:2 -->',
    ])
    expect(marked(n, 'escalation')[1]!.body).toContain('@acme/leads')

    // /ack at 14:55: no update in 55 minutes, but /ack changes the stage (Triage → Investigating),
    // and a reminder is never due at the moment of a stage change: the update clock restarts there.
    await say(n, '/ack', '2026-11-25T14:55:00Z')
    expect(marked(n, 'reminder')).toHaveLength(0)
    // Periods of the 30-minute clock start 15:25, 15:55, 16:25: one reminder each, however many runs.
    await sweep('2026-11-25T14:59:00Z')
    await sweep('2026-11-25T15:24:00Z')
    expect(marked(n, 'reminder')).toHaveLength(0)
    await sweep('2026-11-25T15:26:00Z')
    await sweep('2026-11-25T15:54:00Z')
    expect(marked(n, 'reminder')).toHaveLength(1)
    emu.resetCounters()
    await sweep('2026-11-25T15:56:00Z')
    // A due reminder costs one write: the comment (the card does not change for it).
    expect(emu.counts().writes).toBe(1)
    await sweep('2026-11-25T15:57:00Z')
    expect(marked(n, 'reminder').map((c) => c.body!.split('\n')[0])).toEqual([
      '<!-- incidentops:reminder:2026-11-25T15:25:00.000Z -->',
      '<!-- incidentops:reminder:2026-11-25T15:55:00.000Z -->',
    ])
    const reminder = marked(n, 'reminder')[1]!.body!
    expect(reminder).toContain('Update due')
    expect(reminder).toContain('investigating for 1h 01m')
    expect(reminder).toContain('@alice: please post `/update <what changed>`')
    expect(reminder).toContain('- [ ] Status page updated') // what is still pending for a crisis
    expect(reminder).toContain('Next update due 2026-11-25 16:25 UTC')

    // An update resets the clock: nothing due until 30 minutes later.
    await say(n, '/update rolled back, watching error rates', '2026-11-25T16:00:00Z')
    emu.resetCounters()
    await sweep('2026-11-25T16:29:00Z')
    expect(emu.counts().writes).toBe(0)
    await sweep('2026-11-25T16:31:00Z')
    expect(marked(n, 'reminder').at(-1)!.body).toContain(
      'Last update, 2026-11-25 16:00 UTC:\n> rolled back, watching error rates',
    )
    expect(marked(n, 'reminder')).toHaveLength(3)
    // A reminder is not an update.
    expect(record(n).events.filter((e) => e.kind === 'update')).toHaveLength(1)
  })

  it('stops at the write budget, says what it left, and the next run continues', async () => {
    emu.setFile(repo, '.github/incidents.yml', `${CONFIG}\nsweep:\n  budget: 4\n`)
    const ns: number[] = []
    for (let i = 0; i < 4; i++) ns.push(await open('Major degradation', '2026-11-25T14:00:00Z'))
    // 45 minutes later, every P2 (ack 30m) is due for escalation: a comment and a card update each.
    const r = await sweep('2026-11-25T14:45:00Z')
    expect(r.stdout).toMatch(/::notice::Write budget \(4\) reached: left for the next run: #\d+, #\d+\./)
    expect(ns.filter((n) => marked(n, 'escalation').length === 1)).toHaveLength(2)
    await sweep('2026-11-25T14:46:00Z')
    expect(ns.filter((n) => marked(n, 'escalation').length === 1)).toHaveLength(4)
  })

  it('adopts an incident without a card (labelled by hand, no intake run): writes its card, escalates it, lists it; a fresh one is left to its intake run', async () => {
    emu.clock.set('2026-11-25T14:00:00Z')
    const old = emu.createIssue(repo, {
      title: 'Payments failing',
      body: 'Card payments fail since the deploy.',
      user: 'alice',
    }).number
    emu.addLabelsAs(repo, old, ['incident'], 'alice') // by hand: no workflow ran for it
    emu.clock.set('2026-11-25T14:25:00Z')
    const fresh = emu.createIssue(repo, {
      title: 'Search down',
      body: 'Search returns 500.',
      labels: ['incident'],
      user: 'alice',
    }).number

    // 14:31: the first is past a P2's ack deadline (30m) and nobody has seen it.
    const r = await sweep('2026-11-25T14:31:00Z')
    expect(record(old)).toMatchObject({
      number: old,
      priority: 'P2',
      stage: 'triage',
      source: 'manual',
      declaredAt: '2026-11-25T14:00:00Z',
    })
    expect(marked(old, 'escalation').map((c) => c.body!.split('\n')[0])).toEqual(['<!-- incidentops:escalation:1 -->'])
    expect(emu.getIssue(repo, old).labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(
      expect.arrayContaining(['priority/P2', 'stage/triage']),
    )
    expect(r.summary).toContain(
      `Adopted 1 incident that had no card (labelled by hand or opened before IncidentOps): #${old}.`,
    )
    // The second was opened 6 minutes ago: its own intake run may still be writing its card.
    expect(bot(fresh)).toHaveLength(0)
    expect(r.summary).toContain(
      `changed in the last 10 minutes (left to their own intake run; adopted by a later sweep if still without one): #${fresh}.`,
    )

    // Adopted once: the next run writes nothing for it; the fresh one is adopted once 10 minutes have passed.
    emu.resetCounters()
    await sweep('2026-11-25T14:33:00Z')
    expect(emu.counts().writes).toBe(0)
    const later = await sweep('2026-11-25T14:36:00Z')
    expect(record(fresh)).toMatchObject({ number: fresh, stage: 'triage', declaredAt: '2026-11-25T14:25:00Z' })
    expect(later.summary).toContain(
      `Adopted 1 incident that had no card (labelled by hand or opened before IncidentOps): #${fresh}.`,
    )
    expect(bot(old).filter((c) => c.body!.startsWith(CARD_MARKER))).toHaveLength(1)
  })

  it('auto-resolves an alert incident after a quiet hour in Monitoring', async () => {
    emu.clock.set('2026-11-25T14:00:00Z')
    const fire = (status: string) => ({
      incidentops: {
        version: 1,
        alerts: [{ status, key: 'db-latency', title: 'DB latency high', severity: 'warning', source: 'grafana' }],
      },
    })
    const dispatch = (status: string, time: string) =>
      at(time, () =>
        runAction({
          emu,
          repo,
          event: 'repository_dispatch',
          payload: {
            ...example('repository_dispatch'),
            action: 'alert',
            client_payload: fire(status),
            repository: { ...(example('repository_dispatch').repository as object), full_name: repo },
          },
        }),
      )
    await dispatch('firing', '2026-11-25T14:00:00Z')
    const n = emu.listIssues(repo).find((i) => i.title.startsWith('[Alert]'))!.number
    await dispatch('resolved', '2026-11-25T14:20:00Z')
    expect(record(n).stage).toBe('monitoring')
    await sweep('2026-11-25T15:10:00Z')
    expect(record(n).stage).toBe('monitoring')
    await sweep('2026-11-25T15:21:00Z')
    expect(record(n).stage).toBe('closed') // a P3 needs no postmortem: resolved, then closed
    expect(emu.getIssue(repo, n).state).toBe('closed')
    expect(
      record(n)
        .events.slice(-2)
        .map((e) => `${e.to}:${e.via}`),
    ).toEqual(['resolved:schedule', 'closed:schedule'])
  })

  it('over 250 open incidents with nothing due costs ⌈250/100⌉ requests and no write', async () => {
    emu.clock.set('2026-11-25T14:00:00Z')
    for (let i = 0; i < 250; i++) {
      const n = emu.createIssue(repo, { title: `i${i}`, labels: ['incident'], user: 'alice' }).number
      const r: IncidentRecord = {
        v: 1,
        number: n,
        declaredAt: '2026-11-25T13:50:00Z',
        startedAt: '2026-11-25T13:50:00Z',
        priority: 'P3',
        prioritySource: 'rules',
        priorityReason: '',
        stage: 'investigating',
        impactDigest: '',
        events: [
          { at: '2026-11-25T13:55:00Z', kind: 'ack', actor: 'alice', via: 'command' },
          {
            at: '2026-11-25T13:55:00Z',
            kind: 'stage',
            from: 'triage',
            to: 'investigating',
            actor: 'alice',
            via: 'command',
          },
        ],
        commander: 'alice',
      }
      emu.createComment(repo, n, { body: `${CARD_MARKER}\n${encodeRecord(r)}`, user: 'github-actions[bot]' })
    }
    emu.resetCounters()
    await sweep('2026-11-25T14:30:00Z')
    expect(emu.counts()).toMatchObject({ total: 3, writes: 0 })
  })
})
