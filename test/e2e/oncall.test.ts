import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { decodeOncall } from '../../src/oncall/store.js'
import { commentPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

// A two-person weekly rotation in Berlin: alice from Mon 2026-11-23 09:00, bob from Mon 11-30 09:00.
const ONCALL = `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      layers:
        - name: primary
          members: [alice, bob]
          rotation: weekly
          start: "2026-11-23 09:00"
services:
  - name: checkout
    owners: ["schedule:platform"]
    runbook: docs/runbooks/checkout.md
    channel: "#checkout"
escalation:
  - mention: ["schedule:platform"]
  - mention: ["@acme/leads"]
    after: 15m
`
// The same chain with the person written in: what the schedule must cost no more than.
const FIXED = `escalation:
  - mention: ["@alice"]
  - mention: ["@acme/leads"]
    after: 15m
`

let emu: Emulator
let seq = 0

const bot = (repo: string, n: number) =>
  emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const marked = (repo: string, n: number, kind: string) =>
  bot(repo, n).filter((c) => c.body!.startsWith(`<!-- incidentops:${kind}:`))
const card = (repo: string, n: number) => bot(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

function newRepo(config: string): string {
  const repo = `acme/oncall-${++seq}`
  emu.addRepo(repo, {
    collaborators: { alice: 'write', bob: 'triage', carol: 'write', mallory: 'read' },
    files: { '.github/incidents.yml': config },
  })
  return repo
}

const sweep = (repo: string, time: string) =>
  at(time, () =>
    runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/5 * * * *', ...example('watch'), action: undefined },
    }),
  )

async function open(repo: string, time: string): Promise<number> {
  emu.clock.set(time)
  const body = renderIssueForm(
    {
      summary: 'Checkout down',
      impact: 'Full outage',
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

async function say(
  repo: string,
  n: number,
  user: string,
  text: string,
  time: string,
  runId?: string,
): Promise<ActionRun> {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user })
  return at(time, () =>
    runAction({
      emu,
      repo,
      event: 'issue_comment',
      payload: commentPayload(emu, repo, n, c),
      ...(runId ? { runId } : {}),
    }),
  )
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'bob', 'carol', 'mallory']) emu.addUser(u)
})
afterAll(async () => emu?.close())

// Each scenario spawns the bundle 15–25 times (twice each in the dry-run twin): more than the default minute on a loaded machine.
describe('on call, as the bundle runs', { timeout: 240_000 }, () => {
  it('a P1 for a service escalates to the person on call of its schedule at the ack deadline, for no extra request', async () => {
    const repo = newRepo(ONCALL)
    const base = newRepo(FIXED)
    const counts: Record<string, number[]> = {}
    const measure = async (name: string, fn: (r: string) => Promise<unknown>) => {
      counts[name] = []
      for (const r of [repo, base]) {
        emu.resetCounters()
        await fn(r)
        counts[name]!.push(emu.counts().total)
      }
    }
    const n: Record<string, number> = {}
    await measure('intake', async (r) => (n[r] = await open(r, '2026-11-25T14:00:00Z')))
    expect(card(repo, n[repo]!)).toContain(
      '| **Service** | **checkout** · [runbook](../blob/HEAD/docs/runbooks/checkout.md) (`docs/runbooks/checkout.md`) · chat `#checkout` · owners `schedule:platform` |',
    )
    expect(decodeRecord(card(repo, n[repo]!))!.service).toBe('checkout')

    // P1: ack within 15 minutes. 14:14:59 is too early, 14:15:00 is the minute.
    await sweep(repo, '2026-11-25T14:14:59Z')
    expect(marked(repo, n[repo]!, 'escalation')).toHaveLength(0)
    await measure('sweep-escalation', (r) => sweep(r, '2026-11-25T14:15:00Z'))
    const esc = marked(repo, n[repo]!, 'escalation')
    expect(esc.map((c) => c.body!.split('\n')[0])).toEqual(['<!-- incidentops:escalation:1 -->'])
    expect(esc[0]!.body).toContain('@alice: please take command with `/ack`')
    expect(esc[0]!.body).toContain('On call now: schedule platform: @alice (layer primary).')
    expect(decodeRecord(card(repo, n[repo]!))!.events.at(-1)).toMatchObject({
      kind: 'escalation',
      to: '1',
      text: '@alice',
      at: '2026-11-25T14:15:00.000Z',
    })
    await measure('sweep-idle', (r) => sweep(r, '2026-11-25T14:20:00Z'))

    // No extra request: the schedule is in the config, and the on-call issue rides on the sweep's first page.
    expect(counts).toEqual({
      intake: [counts.intake![1], counts.intake![1]],
      'sweep-escalation': [counts['sweep-escalation']![1], counts['sweep-escalation']![1]],
      'sweep-idle': [counts['sweep-idle']![1], counts['sweep-idle']![1]],
    })
    expect(counts.intake![0]).toBe(4)
    console.log(`on-call request counts (schedule, fixed mention): ${JSON.stringify(counts)}`)

    // A week later (Mon 2026-11-30 09:00 CET = 08:00Z) the schedule hands over to bob. The level is
    // resolved when it fires, not when the incident was opened: opened at 07:50 under alice, it calls bob at 08:05.
    const m = await open(repo, '2026-11-30T07:40:00Z')
    const k = await open(repo, '2026-11-30T07:50:00Z')
    await sweep(repo, '2026-11-30T07:55:00Z')
    expect(marked(repo, m, 'escalation')[0]!.body).toContain('@alice: please take command')
    expect(marked(repo, k, 'escalation')).toHaveLength(0)
    await sweep(repo, '2026-11-30T08:05:00Z')
    expect(marked(repo, k, 'escalation')[0]!.body).toContain('@bob: please take command')
  })

  it('an override by command changes who is escalated to; only triage or more may, once per comment', async () => {
    const repo = newRepo(ONCALL)
    emu.clock.set('2026-11-25T13:00:00Z')
    const misc = emu.createIssue(repo, { title: 'Question', body: 'who is on call?', user: 'mallory' }).number
    // `/oncall` anywhere answers (anyone may ask) and opens the on-call issue.
    await say(repo, misc, 'mallory', '/oncall', '2026-11-25T13:00:00Z')
    const answer = marked(repo, misc, 'oncall-reply')[0]!.body!
    expect(answer).toContain('- **platform**: @\u200balice (layer `primary`) until Mon 2026-11-30 09:00 +01:00')
    expect(answer).toContain('  - then @\u200bbob (layer `primary`) from Mon 2026-11-30 09:00 +01:00')
    const issues = emu.listIssues(repo).filter((i) => i.title === 'On call')
    expect(issues).toHaveLength(1)
    const oc = issues[0]!.number

    // Below triage: refused, nothing recorded.
    await say(repo, oc, 'mallory', '/cover @mallory until 2026-11-26 09:00', '2026-11-25T13:05:00Z')
    expect(marked(repo, oc, 'oncall-cover').at(-1)!.body).toContain('overrides need the triage role or more')
    expect(decodeOncall(emu.getIssue(repo, oc).body!)!.overrides).toEqual([])

    // bob (triage) puts carol on until 20:00 Berlin time, with a reason that tries to ping and smuggle a marker.
    const runId = 'cover-run-1'
    await say(
      repo,
      oc,
      'bob',
      '/cover @carol until 2026-11-25 20:00 swapping with @alice <!-- incidentops:card -->',
      '2026-11-25T14:20:00Z',
      runId,
    )
    const reply = marked(repo, oc, 'oncall-cover').at(-1)!.body!
    expect(reply).toContain(
      '✅ @\u200bcarol covers `platform` from Wed 2026-11-25 15:20 +01:00 to Wed 2026-11-25 20:00 +01:00 (asked by @\u200bbob).',
    )
    const body = emu.getIssue(repo, oc).body!
    expect(decodeOncall(body)!.overrides).toMatchObject([
      {
        schedule: 'platform',
        who: 'carol',
        by: 'bob',
        from: Date.parse('2026-11-25T14:20:00Z'),
        to: Date.parse('2026-11-25T19:00:00Z'),
      },
    ])
    expect(body).toContain('swapping with @\u200balice &lt;!-- incidentops\u200b:card --&gt;')
    expect(body.match(/<!-- incidentops:/g)).toHaveLength(2) // our marker and our record, nothing smuggled

    // The same delivery again (a re-run) writes nothing.
    emu.resetCounters()
    const last = emu
      .listComments(repo, oc)
      .filter((c) => c.user?.login === 'bob')
      .at(-1)!
    await at('2026-11-25T14:21:00Z', () =>
      runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, oc, last), runId }),
    )
    expect(emu.counts().writes).toBe(0)

    // A P1 opened at 14:30 escalates at 14:45 to carol, not alice; after 20:00 Berlin, to alice again.
    const n = await open(repo, '2026-11-25T14:30:00Z')
    emu.resetCounters()
    await sweep(repo, '2026-11-25T14:45:00Z')
    const sweepRequests = emu.counts().total
    expect(marked(repo, n, 'escalation')[0]!.body).toContain('@carol: please take command with `/ack`')
    expect(marked(repo, n, 'escalation')[0]!.body).toContain('schedule platform: @carol (override asked by bob)')
    expect(marked(repo, n, 'escalation')[0]!.body).not.toContain('@alice')
    const later = await open(repo, '2026-11-25T19:00:00Z')
    await sweep(repo, '2026-11-25T19:15:00Z')
    expect(marked(repo, later, 'escalation')[0]!.body).toContain('@alice: please take command')

    // An escalation noticed by a comment run (not the sweep) reads the on-call issue: one request
    // more than the same run with the person written in the config.
    const base = newRepo(FIXED)
    const p = await open(repo, '2026-11-25T15:00:00Z')
    const q = await open(base, '2026-11-25T15:00:00Z')
    emu.resetCounters()
    await say(repo, p, 'alice', 'looking at the logs', '2026-11-25T15:16:00Z')
    const withRead = emu.counts().total
    expect(marked(repo, p, 'escalation')[0]!.body).toContain('@carol: please take command')
    emu.resetCounters()
    await say(base, q, 'alice', 'looking at the logs', '2026-11-25T15:16:00Z')
    expect(marked(base, q, 'escalation')[0]!.body).toContain('@alice: please take command')
    expect(withRead).toBe(emu.counts().total + 1)
    console.log(
      `on-call requests: sweep with an escalation to an overridden schedule ${sweepRequests}, comment run with an escalation ${withRead}`,
    )
  })
})
