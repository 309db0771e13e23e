import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { decodeRecord, type IncidentRecord } from '../../src/domain/record.js'
import { commentPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

/**
 * "Responders decide, reporters report" (issue #14): what people below triage can do to an
 * incident through the channels GitHub gives them anyway (closing and reopening their own issue,
 * editing it, flooding it, commenting), each attack followed by the state it leaves behind.
 */

let emu: Emulator
let repo = ''
let seq = 0
const tokens: Record<string, string> = {}

// The chat stand-in: what the action sent, per run.
let receiver: Server
let hook = ''
const received: Record<string, unknown>[] = []

const BOT = 'github-actions[bot]'
const labelsOf = (n: number): string[] =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .sort()
const serviceLabels = (n: number): string[] => labelsOf(n).filter((l) => l.startsWith('service/'))
const repoServiceLabels = (): string[] =>
  emu
    .listLabels(repo)
    .map((l) => l.name)
    .filter((l) => l.startsWith('service/'))
const stageLabel = (n: number): string | undefined => labelsOf(n).find((l) => l.startsWith('stage/'))
const bot = (n: number) => emu.listComments(repo, n).filter((c) => c.user?.login === BOT)
const card = (n: number): string => bot(n).find((c) => c.body!.startsWith('<!-- incidentops:card -->'))!.body!
const record = (n: number): IncidentRecord => decodeRecord(card(n))!
const marked = (n: number, prefix: string) => bot(n).filter((c) => c.body!.startsWith(prefix))
/** A live mention of `login`: an @ not defused by our zero-width space. */
const pings = (text: string, login: string): boolean => new RegExp(`(^|[^\\w\\u200b])@${login}\\b`, 'i').test(text)

function form(o: { impact?: string; services?: string } = {}): string {
  return renderIssueForm(
    {
      summary: 'Search returns errors',
      impact: o.impact ?? 'Major degradation',
      users_affected: 'Some users (1–9%)',
      services: o.services ?? 'search',
      exposure: [],
      detection: 'Customer report',
    },
    INCIDENT_FORM,
  )
}

async function run(event: string, payload: unknown, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const r = await runAction({ emu, repo, event, payload, inputs: { 'notify-webhook': `${hook}/${repo}`, ...inputs } })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function open(user: string, body = form(), at = '2026-11-25T14:00:00Z'): Promise<number> {
  emu.clock.set(at)
  const n = emu.createIssue(repo, { title: '[Incident]: Search is failing', body, labels: ['incident'], user }).number
  await run('issues', issuesPayload(emu, repo, n, 'opened', user))
  return n
}

/** A comment that runs (its own `issue_comment` run), or whose run GitHub dropped (`run: false`). */
async function say(n: number, user: string, text: string, at: string, o: { run?: boolean } = {}): Promise<number> {
  emu.clock.set(at)
  const c = emu.createComment(repo, n, { body: text, user })
  if (o.run !== false) await run('issue_comment', commentPayload(emu, repo, n, c))
  return Number(c.id)
}

async function setState(
  n: number,
  user: string,
  state: 'open' | 'closed',
  at: string,
  reason?: 'completed' | 'not_planned',
): Promise<void> {
  emu.clock.set(at)
  emu.editIssue(repo, n, { state, ...(reason ? { state_reason: reason } : {}) }, user)
  await run('issues', issuesPayload(emu, repo, n, state === 'closed' ? 'closed' : 'reopened', user))
}

async function edit(n: number, user: string, body: string, at: string): Promise<void> {
  emu.clock.set(at)
  emu.editIssue(repo, n, { body }, user)
  await run('issues', issuesPayload(emu, repo, n, 'edited', user))
}

async function sweep(at: string): Promise<void> {
  emu.clock.set(at)
  await run('schedule', { schedule: '*/10 * * * *', ...example('watch'), action: undefined })
}

/** Edits a comment as its author would in the UI (PATCH with their own token). */
async function editComment(id: number, user: string, body: string, at: string): Promise<void> {
  emu.clock.set(at)
  const [owner, name] = repo.split('/')
  const res = await fetch(`${emu.url}/repos/${owner}/${name}/issues/comments/${id}`, {
    method: 'PATCH',
    headers: { authorization: `token ${tokens[user]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  })
  expect(res.status).toBe(200)
}

function useConfig(yaml: string): void {
  emu.setFile(repo, '.github/incidents.yml', yaml)
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'triager', 'rita', 'olivia']) tokens[u] = emu.addUser(u).token
  receiver = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString()))
    req.on('end', () => {
      received.push({ path: req.url ?? '', ...(JSON.parse(raw || '{}') as Record<string, unknown>) })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
})
afterAll(async () => {
  await emu?.close()
  await new Promise((r) => receiver.close(r))
})

beforeEach(() => {
  // alice responds (write), triager triages, rita reports with read access, olivia is an outsider.
  repo = `acme/access-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write', triager: 'triage', rita: 'read' } })
  emu.createIssue(repo, { title: 'seed', user: 'alice' })
  emu.addLabelsAs(repo, 1, ['incident'], 'alice')
  emu.editIssue(repo, 1, { labels: [] }, 'alice')
})

describe('closing and reopening from below triage', () => {
  it('puts the issue back as the record says, tells the reporter once, and keeps each attempt in the timeline', async () => {
    const n = await open('rita')
    await say(n, 'alice', '/ack', '2026-11-25T14:05:00Z')
    expect(record(n)).toMatchObject({ stage: 'investigating', priority: 'P2' })

    // Closed as completed by its author: on main this resolved the P2 and opened a postmortem.
    emu.resetCounters()
    await setState(n, 'rita', 'closed', '2026-11-25T14:10:00Z', 'completed')
    // Read, the sender's role, the reply, the card, one PATCH reopening the issue.
    expect(emu.counts(), JSON.stringify(emu.counts().byRoute)).toMatchObject({ total: 5, writes: 3 })
    expect(emu.getIssue(repo, n).state).toBe('open')
    expect(stageLabel(n)).toBe('stage/investigating')
    expect(record(n).stage).toBe('investigating')
    expect(record(n).events.at(-1)).toMatchObject({ kind: 'refused', actor: 'rita', via: 'close' })
    expect(emu.listIssues(repo).some((i) => i.title.startsWith('Postmortem:'))).toBe(false)

    // Closed as not planned: on main this dismissed it (counted as noise).
    await setState(n, 'rita', 'closed', '2026-11-25T14:12:00Z', 'not_planned')
    expect(emu.getIssue(repo, n).state).toBe('open')
    expect(record(n).events.some((e) => e.kind === 'dismissed')).toBe(false)
    expect(record(n).stage).toBe('investigating')

    // Resolved by a responder; then reopened by the reporter: closed again, still in Postmortem.
    await say(n, 'alice', '/resolve', '2026-11-25T15:00:00Z')
    expect(record(n).stage).toBe('postmortem')
    await setState(n, 'rita', 'open', '2026-11-25T15:10:00Z')
    expect(emu.getIssue(repo, n)).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(stageLabel(n)).toBe('stage/postmortem')
    expect(record(n).stage).toBe('postmortem')

    const r = record(n)
    expect(r.events.filter((e) => e.kind === 'refused').map((e) => `${e.actor}:${e.via}`)).toEqual([
      'rita:close',
      'rita:close',
      'rita:reopen',
    ])
    expect(r.events.filter((e) => e.kind === 'stage').map((e) => e.to)).toEqual([
      'investigating',
      'resolved',
      'postmortem',
    ])
    // One explanation for three attempts, and it does not ping her.
    const replies = marked(n, '<!-- incidentops:refused:rita -->')
    expect(replies).toHaveLength(1)
    expect(replies[0]!.body).toContain('needs the triage role')
    expect(pings(replies[0]!.body!, 'rita')).toBe(false)
    expect(card(n)).toContain('Refused (needs the triage role)')

    // Re-running the last event writes nothing.
    emu.resetCounters()
    await run('issues', issuesPayload(emu, repo, n, 'reopened', 'rita'))
    expect(emu.counts().writes).toBe(0)
  })

  it('still lets a responder close and reopen', async () => {
    const n = await open('rita')
    await setState(n, 'triager', 'closed', '2026-11-25T14:10:00Z', 'not_planned')
    expect(record(n)).toMatchObject({ stage: 'closed' })
    expect(record(n).events.some((e) => e.kind === 'dismissed')).toBe(true)
    await setState(n, 'triager', 'open', '2026-11-25T14:20:00Z')
    expect(record(n)).toMatchObject({ stage: 'investigating' })
    expect(marked(n, '<!-- incidentops:refused:')).toHaveLength(0)
  })
})

describe('re-classification by edits from below triage', () => {
  it("after /ack a reporter cannot re-prioritise; in Triage only upward; a responder's edit still counts", async () => {
    useConfig('crisis:\n  mention: ["@acme/crisis"]\n')
    const n = await open('rita')
    await say(n, 'alice', '/ack', '2026-11-25T14:05:00Z')

    await edit(n, 'rita', form({ impact: 'No customer impact' }), '2026-11-25T14:10:00Z')
    expect(record(n)).toMatchObject({ priority: 'P2', prioritySource: 'rules' })
    expect(labelsOf(n)).toContain('priority/P2')
    expect(record(n).events.at(-1)).toMatchObject({ kind: 'impact' })
    expect(record(n).events.at(-1)!.text).toContain('kept P2')

    // Then P1 (on main: paging the crisis team).
    emu.resetCounters()
    await edit(n, 'rita', form({ impact: 'Full outage' }), '2026-11-25T14:15:00Z')
    // Read, the editor's role, the card (its timeline says "kept P2").
    expect(emu.counts(), JSON.stringify(emu.counts().byRoute)).toMatchObject({ total: 3, writes: 1 })
    expect(record(n).priority).toBe('P2')
    expect(labelsOf(n)).not.toContain('priority/P1')
    expect(bot(n).some((c) => c.body!.includes('Crisis declared'))).toBe(false)
    expect(emu.listComments(repo, n).some((c) => pings(c.body ?? '', 'acme/crisis'))).toBe(false)

    // A responder's edit re-classifies, down as well as up.
    await edit(n, 'alice', form({ impact: 'Minor degradation' }), '2026-11-25T14:20:00Z')
    expect(record(n).priority).toBe('P3')
    expect(labelsOf(n)).toContain('priority/P3')
    expect(
      record(n)
        .events.filter((e) => e.kind === 'priority')
        .map((e) => `${e.from}→${e.to}:${e.actor}`),
    ).toEqual(['P2→P3:alice'])
  })

  it("in Triage a reporter's edit raises the priority but never lowers it", async () => {
    const n = await open('rita')
    await edit(n, 'rita', form({ impact: 'No customer impact' }), '2026-11-25T14:05:00Z')
    expect(record(n).priority).toBe('P2')
    await edit(n, 'rita', form({ impact: 'Full outage' }), '2026-11-25T14:06:00Z')
    expect(record(n).priority).toBe('P1')
    expect(labelsOf(n)).toContain('priority/P1')
  })
})

describe('service labels', () => {
  it('follow the current answer, are capped per incident, and eleven edits do not multiply repository labels', async () => {
    const n = await open('rita', form({ services: 'search' }))
    expect(serviceLabels(n)).toEqual(['service/search'])
    // A changed answer replaces the label (on main both stayed).
    await edit(n, 'rita', form({ services: 'api' }), '2026-11-25T14:01:00Z')
    expect(serviceLabels(n)).toEqual(['service/api'])

    // The flood: eleven edits, ten new services each.
    for (let e = 0; e < 11; e++) {
      const names = Array.from({ length: 10 }, (_, i) => `svc${e}-${i}`).join(', ')
      await edit(n, 'rita', form({ services: names }), `2026-11-25T14:${String(10 + e).padStart(2, '0')}:00Z`)
      expect(serviceLabels(n).length).toBeLessThanOrEqual(10)
    }
    expect(repoServiceLabels().length).toBeLessThanOrEqual(10)
    expect(record(n).serviceLabels).toHaveLength(10)
    // The last answer names none of the ten labelled services: no service label, the card lists them.
    expect(serviceLabels(n)).toEqual([])
    expect(card(n)).toContain('`svc10-0`')
    expect(labelsOf(n).length).toBeLessThan(10)

    // A responder can still move it (on GitHub the flood made the next /resolve fail with 422).
    await say(n, 'alice', '/resolve', '2026-11-25T15:00:00Z')
    expect(record(n).stage).toBe('postmortem')
    expect(emu.getIssue(repo, n).state).toBe('closed')
  })

  it('are limited to `labels.allowed_services` when it is set', async () => {
    useConfig('labels:\n  allowed_services: [search, api]\n')
    const n = await open('olivia', form({ services: 'search, evil-x, api' }))
    expect(serviceLabels(n)).toEqual(['service/api', 'service/search'])
    expect(repoServiceLabels().sort()).toEqual(['service/api', 'service/search'])
    expect(card(n)).toContain('`evil-x`')
  })
})

describe('catching up dropped commands', () => {
  it("never runs a comment's edited body", async () => {
    const n = await open('rita')
    await say(n, 'alice', '/ack', '2026-11-25T14:05:00Z')
    // A comment without commands, edited later to one: editing never runs it.
    const id = await say(n, 'alice', 'Looking at the search cluster', '2026-11-25T14:10:00Z')
    await editComment(id, 'alice', '/resolve', '2026-11-25T14:11:00Z')
    // The next comment's run catches up dropped commands; on main it ran the edited `/resolve`.
    await say(n, 'triager', '/note cluster healthy', '2026-11-25T14:12:00Z')
    expect(record(n).stage).toBe('investigating')
    expect(emu.getIssue(repo, n).state).toBe('open')
    expect(record(n).events.at(-1)).toMatchObject({ kind: 'note', actor: 'triager' })
  })

  it('records refused commands, so one never runs after its author is given triage', async () => {
    const n = await open('rita')
    const refused = await say(n, 'rita', '/priority P1 everything is down', '2026-11-25T14:05:00Z')
    expect(record(n).priority).toBe('P2')
    expect(record(n).processed).toContain(refused)
    expect(marked(n, '<!-- incidentops:denied:rita -->')).toHaveLength(1)

    emu.setPermission(repo, 'rita', 'triage')
    await say(n, 'alice', '/ack', '2026-11-25T14:10:00Z')
    expect(record(n).priority).toBe('P2')
    expect(record(n).events.some((e) => e.kind === 'priority')).toBe(false)
  })

  it("skips authors below triage before taking twenty, so outsiders cannot hide a responder's dropped command", async () => {
    const n = await open('rita')
    // Twenty outsider commands, then a responder's: GitHub dropped all their runs.
    for (let i = 0; i < 20; i++)
      await say(n, 'olivia', `/resolve ${i}`, `2026-11-25T14:05:${String(i).padStart(2, '0')}Z`, { run: false })
    const dropped = await say(n, 'alice', '/fixing', '2026-11-25T14:06:00Z', { run: false })
    await say(n, 'triager', '/note looking', '2026-11-25T14:07:00Z')
    const r = record(n)
    expect(r.stage).toBe('fixing')
    expect(r.events.find((e) => e.kind === 'stage')).toMatchObject({ to: 'fixing', actor: 'alice' })
    expect(r.processed).toContain(dropped)
    // The outsider's twenty are refused and recorded, with one reply in all.
    expect(r.processed!.length).toBeGreaterThanOrEqual(22)
    expect(marked(n, '<!-- incidentops:denied:olivia -->')).toHaveLength(1)
    expect(emu.getIssue(repo, n).state).toBe('open')
  })
})

describe('incidents held as unconfirmed (intake.hold_unconfirmed)', () => {
  const CONFIG = [
    'intake:',
    '  hold_unconfirmed: true',
    'crisis:',
    '  mention: ["@acme/crisis"]',
    'escalation:',
    '  - mention: ["@oncall"]',
  ].join('\n')

  it("an outsider's P1 pages nobody until a responder confirms it", async () => {
    useConfig(CONFIG)
    received.length = 0
    const n = await open('olivia', form({ impact: 'Full outage' }))
    expect(record(n)).toMatchObject({ priority: 'P1', unconfirmed: true, stage: 'triage' })
    expect(card(n)).toContain('**Unconfirmed**')
    const paged = (): boolean =>
      emu.listComments(repo, n).some((c) => pings(c.body ?? '', 'acme/crisis') || pings(c.body ?? '', 'oncall'))
    expect(paged()).toBe(false)
    expect(received.filter((m) => m.path === `/${repo}`)).toEqual([])

    // Long past the P1 ack deadline (15 min): no escalation while unconfirmed.
    await sweep('2026-11-25T15:00:00Z')
    expect(paged()).toBe(false)
    expect(record(n).events.some((e) => e.kind === 'escalation')).toBe(false)

    // A reporter cannot confirm her own incident.
    await say(n, 'olivia', '/confirm', '2026-11-25T15:01:00Z')
    expect(record(n).unconfirmed).toBe(true)

    await say(n, 'triager', '/confirm', '2026-11-25T15:05:00Z')
    expect(record(n).unconfirmed).toBe(false)
    expect(record(n).events.at(-1)).toMatchObject({ kind: 'confirmed', actor: 'triager' })
    expect(bot(n).some((c) => c.body!.includes('Crisis declared') && pings(c.body!, 'acme/crisis'))).toBe(true)
    expect(received.filter((m) => m.path === `/${repo}`).map((m) => m.event)).toEqual(['declared'])

    // The ack clock starts at the confirmation: escalation 15 minutes after it, not at once.
    await sweep('2026-11-25T15:10:00Z')
    expect(record(n).events.some((e) => e.kind === 'escalation')).toBe(false)
    await sweep('2026-11-25T15:21:00Z')
    expect(record(n).events.some((e) => e.kind === 'escalation')).toBe(true)
    expect(
      bot(n).some((c) => c.body!.startsWith('<!-- incidentops:escalation:1 -->') && pings(c.body!, 'oncall')),
    ).toBe(true)
  })

  it("/ack confirms too, and a responder's own incident is never held", async () => {
    useConfig(CONFIG)
    const held = await open('rita', form({ impact: 'Full outage' }))
    expect(record(held).unconfirmed).toBe(true)
    await say(held, 'alice', '/ack', '2026-11-25T14:05:00Z')
    expect(record(held)).toMatchObject({ unconfirmed: false, commander: 'alice', stage: 'investigating' })
    expect(record(held).events.map((e) => e.kind)).toEqual(['declared', 'confirmed', 'ack', 'stage'])

    const own = await open('alice', form({ impact: 'Full outage' }), '2026-11-25T14:30:00Z')
    expect(record(own).unconfirmed).toBeUndefined()
    expect(bot(own).some((c) => c.body!.includes('Crisis declared'))).toBe(true)
  })
})
