/**
 * Scheduled maintenance end to end (#18 item 4): the built bundle against the emulator. A responder
 * opens the maintenance form → the page and the Statuspage JSON show it upcoming; the emulator's
 * clock passes the start → the sweep records `in_progress` (with the start's time) and the page
 * shows the component under maintenance; past the end → `completed`, the issue closed. An
 * outsider's form shows nothing until a responder confirms it; a bad window gets one reply that
 * says what to fix; replays write nothing; a pending maintenance keeps the sweep awake.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Ajv } from 'ajv'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { MAINTENANCE_FORM } from '../../src/maintenance/form.js'
import { MAINTENANCE_MARKER, decodeMaintenance, type MaintenanceRecord } from '../../src/maintenance/record.js'
import { TWIN_SCALE, commentPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

const CONFIG = `services:
  - name: checkout
    display_name: Checkout
    group: Shop
  - name: api
    display_name: Public API
status:
  name: Acme status
  url: https://status.acme.example/
`
const WF = 'incidentops-sweep.yml'
/** As the example workflows run it: the sweep may sleep when calm, and runs that need it wake it. */
const inputs = { 'sweep-workflow': WF }

let emu: Emulator
let seq = 0
/** The sites the first scenario built (upcoming, in progress, completed), for the Chromium check. */
const sites: [string, string][] = []

const ok = (r: ActionRun): ActionRun => {
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

function newRepo(config = CONFIG): string {
  const repo = `acme/maint-${++seq}`
  emu.addRepo(repo, {
    collaborators: { bob: 'triage', mallory: 'read' },
    files: { '.github/incidents.yml': config },
  })
  emu.addWorkflow(repo, WF)
  return repo
}

const form = (v: Partial<Record<'title' | 'start' | 'end' | 'components' | 'text', string>>): string =>
  renderIssueForm(
    {
      title: 'Database upgrade',
      start: '2026-12-10 14:00',
      end: '2026-12-10 16:00',
      components: 'checkout',
      text: 'We are upgrading the database. Checkout may be slow.',
      ...v,
    },
    MAINTENANCE_FORM,
  )

async function open(repo: string, user: string, body: string, time: string): Promise<number> {
  emu.clock.set(time)
  const n = emu.createIssue(repo, { title: '[Maintenance]: upgrade', body, labels: ['maintenance'], user }).number
  emu.clock.set(time)
  ok(await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', user), inputs }))
  return n
}

const replay = async (repo: string, n: number, action: string, user: string, time: string): Promise<ActionRun> => {
  emu.clock.set(time)
  return ok(await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, action, user), inputs }))
}

const say = async (repo: string, n: number, user: string, text: string, time: string): Promise<ActionRun> => {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user })
  emu.clock.set(time)
  return ok(await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c), inputs }))
}

const sweep = async (repo: string, time: string): Promise<ActionRun> => {
  emu.clock.set(time)
  return ok(
    await runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      inputs,
    }),
  )
}

async function buildPage(repo: string, time: string): Promise<string> {
  return (await statusRun(repo, time)).outputs['status-dir']!
}

async function statusRun(repo: string, time: string): Promise<ActionRun> {
  emu.clock.set(time)
  const r = ok(
    await runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/30 * * * *', ...example('watch'), action: undefined },
      inputs: { mode: 'status' },
    }),
  )
  expect(r.outputs.actions).toBe('[]')
  return r
}

const ours = (repo: string, n: number) =>
  emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const record = (repo: string, n: number): MaintenanceRecord | null => {
  const card = ours(repo, n).find((c) => c.body!.startsWith(MAINTENANCE_MARKER))
  return card ? decodeMaintenance(card.body!) : null
}
const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8')
interface Maint {
  id: string
  name: string
  status: string
  impact: string
  scheduled_for: string
  scheduled_until: string
  resolved_at: string | null
  incident_updates: { status: string; body: string }[]
  components: { id: string }[]
}
interface Doc {
  status: { indicator: string; description: string }
  components: { id: string; name: string; status: string }[]
  scheduled_maintenances: Maint[]
}
const json = (dir: string, path: string): Doc => JSON.parse(read(dir, path)) as Doc
const comp = (d: Doc, id: string) => d.components.find((c) => c.id === id)?.status

function validator(): (path: string, doc: unknown) => void {
  const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false })
  const schemaDir = resolve(import.meta.dirname, '..', '..', 'schema', 'statuspage-v2')
  for (const f of readdirSync(schemaDir).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, f), 'utf8')))
  return (schema, doc) => {
    const v = ajv.getSchema(`https://incidentops.dev/schema/statuspage-v2/${schema}.json`)!
    expect(v(doc), `${schema}: ${ajv.errorsText(v.errors)}`).toBe(true)
  }
}

function validateAll(dir: string): void {
  const check = validator()
  check('summary', json(dir, 'api/v2/summary.json'))
  check('status', json(dir, 'api/v2/status.json'))
  check('components', json(dir, 'api/v2/components.json'))
  for (const p of ['', '/upcoming', '/active'])
    check('scheduled-maintenances', json(dir, `api/v2/scheduled-maintenances${p}.json`))
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-12-08T10:00:00Z' })
  for (const u of ['bob', 'mallory', 'alice']) emu.addUser(u)
})
afterAll(async () => emu?.close())

describe('scheduled maintenance, as the bundle runs it', { timeout: 300_000 * TWIN_SCALE }, () => {
  it('a responder’s form shows upcoming; the sweep records the start and the end; the page follows; replays write nothing', async () => {
    const repo = newRepo()
    const b0 = emu.requests.length
    const n = await open(
      repo,
      'bob',
      form({ title: 'Database upgrade @alice', text: 'Checkout may be slow. <script>x</script> cc @alice' }),
      '2026-12-08T10:00:00Z',
    )
    // The intake run: one read, one role, the card; then (first time only) the sweep turned on.
    expect(emu.requests.slice(b0).map((r) => r.route)).toEqual([
      'POST /graphql IncidentContext',
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable',
      'POST /graphql CreateLabels',
    ])
    // The pending maintenance woke the sweep (the marker label says it is on).
    expect(emu.listLabels(repo).some((l) => l.name === 'incidentops/sweep-on')).toBe(true)
    const rec = record(repo, n)!
    expect(rec).toMatchObject({
      start: '2026-12-10T14:00:00.000Z',
      end: '2026-12-10T16:00:00.000Z',
      components: ['checkout'],
      confirmed: { by: 'bob' },
    })
    expect(rec.transitions.map((t) => [t.status, t.at, t.run])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z', 'intake'],
    ])
    // Re-running the same event writes nothing new.
    expect((await replay(repo, n, 'opened', 'bob', '2026-12-08T10:01:00Z')).outputs.actions).toBe('[]')
    // A pending maintenance keeps the sweep on even with no incident open (it must record the start).
    const before = emu.requests.length
    const quiet = await sweep(repo, '2026-12-08T10:10:00Z')
    // Its cost: the incidents' page (with the labels) and the maintenances' page; no write.
    expect(emu.requests.slice(before).map((r) => r.route)).toEqual([
      'POST /graphql IncidentsPage',
      'POST /graphql IncidentsPage',
    ])
    expect(quiet.outputs.actions).toBe('[]')
    expect(emu.workflow(repo, WF).state).toBe('active')

    let dir = await buildPage(repo, '2026-12-08T10:15:00Z')
    sites.push(['upcoming', dir])
    validateAll(dir)
    let s = json(dir, 'api/v2/summary.json')
    expect(s.status.indicator).toBe('none')
    expect(comp(s, 'checkout')).toBe('operational')
    expect(s.scheduled_maintenances).toHaveLength(1)
    const m = s.scheduled_maintenances[0]!
    expect(m).toMatchObject({
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: '2026-12-10T14:00:00.000Z',
      scheduled_until: '2026-12-10T16:00:00.000Z',
      resolved_at: null,
      name: 'Database upgrade @\u200balice',
    })
    expect(m.components.map((c) => c.id)).toEqual(['checkout'])
    expect(m.incident_updates.map((u) => [u.status, u.body])).toEqual([
      ['scheduled', 'Checkout may be slow. &lt;script&gt;x&lt;/script&gt; cc @\u200balice'],
    ])
    expect(json(dir, 'api/v2/scheduled-maintenances/upcoming.json').scheduled_maintenances.map((x) => x.id)).toEqual([
      m.id,
    ])
    expect(json(dir, 'api/v2/scheduled-maintenances/active.json').scheduled_maintenances).toEqual([])
    const index = read(dir, 'index.html')
    expect(index).toContain('<h2 id="upcoming-m-h">Scheduled maintenance</h2>')
    expect(index).toContain('Database upgrade @\u200balice')
    expect(index).not.toContain('<script>x')
    const ics = read(dir, 'maintenances.ics')
    expect(ics).toContain('DTSTART:20261210T140000Z')
    expect(ics).toContain('DTEND:20261210T160000Z')
    expect(ics).toContain('SUMMARY:Maintenance: Database upgrade @\u200balice')
    expect(read(dir, 'history.atom')).toContain('Maintenance: Database upgrade')

    // Past the start: the sweep records in_progress at the start's time; the page shows it.
    const started = await sweep(repo, '2026-12-10T14:05:00Z')
    expect(started.outputs.actions).not.toBe('[]')
    expect(record(repo, n)!.transitions.map((t) => [t.status, t.at, t.run, t.recordedAt])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z', 'intake', '2026-12-08T10:00:00.000Z'],
      ['in_progress', '2026-12-10T14:00:00.000Z', 'sweep', '2026-12-10T14:05:00.000Z'],
    ])
    expect((await sweep(repo, '2026-12-10T14:06:00Z')).outputs.actions).toBe('[]')
    await say(repo, n, 'bob', '/maintenance Backups done, upgrading now.', '2026-12-10T14:30:00Z')
    dir = await buildPage(repo, '2026-12-10T14:31:00Z')
    sites.push(['in-progress', dir])
    validateAll(dir)
    s = json(dir, 'api/v2/summary.json')
    expect(s.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' })
    expect(comp(s, 'checkout')).toBe('under_maintenance')
    expect(comp(s, 'api')).toBe('operational')
    expect(s.components.find((c) => c.name === 'Shop')?.status).toBe('under_maintenance')
    expect(s.scheduled_maintenances.map((x) => x.status)).toEqual(['in_progress'])
    expect(s.scheduled_maintenances[0]!.incident_updates.map((u) => [u.status, u.body])).toEqual([
      ['in_progress', 'Backups done, upgrading now.'],
      ['in_progress', 'Scheduled maintenance is currently in progress. We will provide updates as necessary.'],
      ['scheduled', 'Checkout may be slow. &lt;script&gt;x&lt;/script&gt; cc @\u200balice'],
    ])
    expect(json(dir, 'api/v2/scheduled-maintenances/active.json').scheduled_maintenances).toHaveLength(1)
    expect(json(dir, 'api/v2/scheduled-maintenances/upcoming.json').scheduled_maintenances).toEqual([])
    const during = read(dir, 'index.html')
    expect(during).toContain('<h2 id="active-m-h">Maintenance in progress</h2>')
    expect(during).toMatch(
      /<span class="name">Checkout<\/span><span class="status">[^<]*<span[^>]*>⚙<\/span> Under maintenance/,
    )
    // Maintenance is never downtime: today's bar is whole.
    expect(during).toContain('2026-12-10: 100.00 %')

    // Past the end: completed at the end's time, the issue closed; a replayed sweep writes nothing.
    await sweep(repo, '2026-12-10T16:10:00Z')
    expect(record(repo, n)!.transitions.map((t) => [t.status, t.at, t.run])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z', 'intake'],
      ['in_progress', '2026-12-10T14:00:00.000Z', 'sweep'],
      ['completed', '2026-12-10T16:00:00.000Z', 'sweep'],
    ])
    expect(emu.getIssue(repo, n).state).toBe('closed')
    expect((await sweep(repo, '2026-12-10T16:20:00Z')).outputs.actions).not.toContain('update-comment')
    // Nothing pending, no incident: the sweep goes back to sleep.
    expect(emu.workflow(repo, WF).state).toBe('disabled_manually')
    dir = await buildPage(repo, '2026-12-10T16:30:00Z')
    sites.push(['completed', dir])
    validateAll(dir)
    s = json(dir, 'api/v2/summary.json')
    expect(s.status.indicator).toBe('none')
    expect(comp(s, 'checkout')).toBe('operational')
    expect(s.scheduled_maintenances).toEqual([])
    const all = json(dir, 'api/v2/scheduled-maintenances.json').scheduled_maintenances
    expect(all.map((x) => [x.status, x.resolved_at])).toEqual([['completed', '2026-12-10T16:00:00.000Z']])
    expect(all[0]!.incident_updates[0]).toMatchObject({
      status: 'completed',
      body: 'The scheduled maintenance has been completed.',
    })
    expect(read(dir, 'index.html')).toContain('Maintenance completed in the last 7 days')
  })

  it('the page derives the status from the clock: in progress at build time even if no sweep ran at the start', async () => {
    const repo = newRepo()
    await open(
      repo,
      'bob',
      form({ start: '2026-12-10T15:00:00+01:00', end: '2026-12-10T15:00Z' }),
      '2026-12-08T10:00:00Z',
    )
    const dir = await buildPage(repo, '2026-12-10T14:10:00Z')
    const s = json(dir, 'api/v2/summary.json')
    expect(s.scheduled_maintenances.map((x) => [x.status, x.scheduled_for])).toEqual([
      ['in_progress', '2026-12-10T14:00:00.000Z'],
    ])
    expect(comp(s, 'checkout')).toBe('under_maintenance')
  })

  it('an outsider’s form shows nothing until a responder confirms it; outsiders cannot change its course', async () => {
    const repo = newRepo()
    const n = await open(repo, 'mallory', form({ title: 'Outsider window' }), '2026-12-08T10:00:00Z')
    expect(record(repo, n)).toMatchObject({ confirmed: null, transitions: [] })
    let dir = await buildPage(repo, '2026-12-08T10:05:00Z')
    expect(json(dir, 'api/v2/summary.json').scheduled_maintenances).toEqual([])
    expect(read(dir, 'index.html')).not.toContain('Outsider window')
    // The outsider cannot confirm it: one reply, nothing on the page.
    await say(repo, n, 'mallory', '/confirm', '2026-12-08T10:10:00Z')
    expect(record(repo, n)!.confirmed).toBeNull()
    expect(ours(repo, n).filter((c) => c.body!.includes('only people with triage'))).toHaveLength(1)
    await say(repo, n, 'bob', '/confirm', '2026-12-08T10:20:00Z')
    expect(record(repo, n)!.confirmed).toMatchObject({ by: 'bob', at: '2026-12-08T10:20:00.000Z' })
    dir = await buildPage(repo, '2026-12-08T10:21:00Z')
    expect(json(dir, 'api/v2/summary.json').scheduled_maintenances.map((x) => x.name)).toEqual(['Outsider window'])
    // Once public, the outsider's edit is not read, and the outsider's close is undone.
    emu.clock.set('2026-12-08T10:30:00Z')
    emu.editIssue(repo, n, { body: form({ title: 'Hijacked' }) }, 'mallory')
    expect((await replay(repo, n, 'edited', 'mallory', '2026-12-08T10:30:00Z')).outputs.actions).toBe('[]')
    expect(record(repo, n)!.title).toBe('Outsider window')
    emu.editIssue(repo, n, { state: 'closed' }, 'mallory')
    await replay(repo, n, 'closed', 'mallory', '2026-12-08T10:31:00Z')
    expect(emu.getIssue(repo, n).state).toBe('open')
    expect(record(repo, n)!.cancelledAt).toBeUndefined()
    // A responder cancels it: off the page, the issue closed as not planned.
    await say(repo, n, 'bob', '/maintenance cancel', '2026-12-08T11:00:00Z')
    expect(record(repo, n)!.transitions.map((t) => t.status)).toEqual(['scheduled', 'cancelled'])
    expect(emu.getIssue(repo, n)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    dir = await buildPage(repo, '2026-12-08T11:01:00Z')
    expect(json(dir, 'api/v2/scheduled-maintenances.json').scheduled_maintenances).toEqual([])
  })

  it('a bad window gets one reply saying what to fix; a responder’s re-edit is read; replays write nothing', async () => {
    const repo = newRepo()
    const n = await open(
      repo,
      'bob',
      form({ start: 'next tuesday', end: '2026-12-10 13:00', components: 'checkout, billing' }),
      '2026-12-08T10:00:00Z',
    )
    expect(record(repo, n)).toBeNull()
    const replies = () => ours(repo, n).filter((c) => c.body!.includes('Edit the issue to fix'))
    expect(replies()).toHaveLength(1)
    const reply = replies()[0]!.body!
    expect(reply).toContain('**Window start (UTC)**: `next tuesday` is not a time I can read')
    expect(reply).toContain('`2026-12-10 14:00`')
    expect(reply).toContain('`billing` is not in the services catalog; write one or more of `checkout`, `api`')
    expect((await replay(repo, n, 'opened', 'bob', '2026-12-08T10:01:00Z')).outputs.actions).toBe('[]')
    expect(replies()).toHaveLength(1)
    // End before start: said as such.
    emu.clock.set('2026-12-08T10:05:00Z')
    emu.editIssue(repo, n, { body: form({ end: '2026-12-10 13:00' }) }, 'bob')
    await replay(repo, n, 'edited', 'bob', '2026-12-08T10:05:00Z')
    expect(replies()).toHaveLength(2)
    expect(replies()[1]!.body).toContain('**Window end (UTC)** must be after **Window start (UTC)**')
    expect(record(repo, n)).toBeNull()
    // Fixed by the responder who opened it: scheduled, and public.
    emu.clock.set('2026-12-08T10:10:00Z')
    emu.editIssue(repo, n, { body: form({}) }, 'bob')
    await replay(repo, n, 'edited', 'bob', '2026-12-08T10:10:00Z')
    expect(record(repo, n)).toMatchObject({ confirmed: { by: 'bob' }, start: '2026-12-10T14:00:00.000Z' })
    expect((await replay(repo, n, 'edited', 'bob', '2026-12-08T10:11:00Z')).outputs.actions).toBe('[]')
    expect(replies()).toHaveLength(2)
  })

  it('with wake_before, the sweep sleeps until shortly before the window; the status build says when to wake it', async () => {
    const repo = newRepo(`${CONFIG}  maintenance:\n    wake_before: 120\n`)
    const n = await open(repo, 'bob', form({}), '2026-12-08T10:00:00Z')
    expect(record(repo, n)!.confirmed).toMatchObject({ by: 'bob' })
    // Two days before the window, nothing open: the sweep goes to sleep (it would cost 144 billed minutes a day).
    await sweep(repo, '2026-12-08T10:10:00Z')
    expect(emu.workflow(repo, WF).state).toBe('disabled_manually')
    expect((await statusRun(repo, '2026-12-10T11:00:00Z')).outputs['sweep-needed']).toBe('false')
    // Within two hours of the start, the status page's scheduled build asks for the sweep.
    expect((await statusRun(repo, '2026-12-10T12:30:00Z')).outputs['sweep-needed']).toBe('true')
    // What the example workflow's wake-sweep job does (`gh workflow enable`).
    const res = await fetch(`${emu.url}/repos/${repo}/actions/workflows/${WF}/enable`, {
      method: 'PUT',
      headers: { authorization: `token ${emu.botToken}` },
    })
    expect(res.status).toBe(204)
    // Woken, it stays on for the window (and says so with its marker), records the start and the end, then sleeps.
    await sweep(repo, '2026-12-10T12:40:00Z')
    expect(emu.workflow(repo, WF).state).toBe('active')
    expect((await statusRun(repo, '2026-12-10T13:00:00Z')).outputs['sweep-needed']).toBe('false')
    await sweep(repo, '2026-12-10T14:05:00Z')
    await sweep(repo, '2026-12-10T16:05:00Z')
    expect(record(repo, n)!.transitions.map((t) => [t.status, t.at, t.run])).toEqual([
      ['scheduled', '2026-12-08T10:00:00.000Z', 'intake'],
      ['in_progress', '2026-12-10T14:00:00.000Z', 'sweep'],
      ['completed', '2026-12-10T16:00:00.000Z', 'sweep'],
    ])
    expect(emu.workflow(repo, WF).state).toBe('disabled_manually')
  })

  it('a card far down a long thread is still found by the sweep and the page', async () => {
    const repo = newRepo()
    const n = await open(repo, 'mallory', form({ start: 'soon' }), '2026-12-08T10:00:00Z')
    const chat = (k: number) => {
      for (let i = 0; i < k; i++) emu.createComment(repo, n, { body: `chatter ${i}`, user: 'mallory' })
    }
    chat(25)
    emu.clock.set('2026-12-08T11:00:00Z')
    emu.editIssue(repo, n, { body: form({ title: 'Far card' }) }, 'mallory')
    await replay(repo, n, 'edited', 'mallory', '2026-12-08T11:00:00Z')
    chat(25)
    await say(repo, n, 'bob', '/confirm', '2026-12-08T12:00:00Z')
    expect(record(repo, n)!.confirmed).toMatchObject({ by: 'bob' })
    // The card is neither among the first 3 comments nor the last 20 the bulk read returns.
    const all = emu.listComments(repo, n)
    const at = all.findIndex((c) => c.body!.startsWith(MAINTENANCE_MARKER))
    expect(at).toBeGreaterThanOrEqual(3)
    expect(all.length - at).toBeGreaterThan(20)
    chat(20)
    await sweep(repo, '2026-12-10T14:05:00Z')
    expect(record(repo, n)!.transitions.map((t) => t.status)).toEqual(['scheduled', 'in_progress'])
    const dir = await buildPage(repo, '2026-12-10T14:06:00Z')
    expect(json(dir, 'api/v2/summary.json').scheduled_maintenances.map((x) => [x.name, x.status])).toEqual([
      ['Far card', 'in_progress'],
    ])
  })

  it('a chore that merely carries the `maintenance` label is left alone: no reply, no request beyond its read', async () => {
    const repo = newRepo()
    emu.clock.set('2026-12-08T10:00:00Z')
    const n = emu.createIssue(repo, {
      title: 'Bump dependencies',
      body: 'Routine dependency updates.',
      labels: ['maintenance'],
      user: 'mallory',
    }).number
    const before = emu.requests.length
    const r = await replay(repo, n, 'opened', 'mallory', '2026-12-08T10:00:00Z')
    expect(r.outputs.actions).toBe('[]')
    expect(emu.requests.slice(before).map((q) => q.route)).toEqual(['POST /graphql IncidentContext'])
    expect(emu.listComments(repo, n)).toEqual([])
    await sweep(repo, '2026-12-08T10:10:00Z')
    expect(emu.listComments(repo, n)).toEqual([])
  })

  it('opens in Chromium: no serious or critical axe violation, every internal link and anchor resolves', async (ctx) => {
    expect(
      sites.map(([name]) => name),
      'the first scenario built the sites',
    ).toEqual(['upcoming', 'in-progress', 'completed'])
    if (!existsSync('/usr/bin/chromium')) {
      if (process.env.CI) throw new Error('Chromium is missing: `apt-get install -y chromium` (.ci/run installs it)')
      ctx.skip()
    }
    const { chromium } = await import('playwright-core')
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    try {
      for (const [name, dir] of sites) {
        const server = await serve(dir)
        try {
          const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
          for (const scheme of ['light', 'dark'] as const) {
            const page = await browser.newPage({ colorScheme: scheme })
            for (const path of ['index.html', 'history.html']) {
              expect((await page.goto(base + path))?.status()).toBe(200)
              await page.addScriptTag({ content: axe })
              const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
              }
              const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
              expect(
                bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
                `${name} ${scheme} ${path}`,
              ).toEqual([])
              const links = (await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!))).filter(
                (h) => !/^[a-z]+:/i.test(h),
              )
              // The front page links each maintenance to its full entry in the history.
              if (path === 'index.html')
                expect(
                  links.some((h) => h.includes('#maintenance-')),
                  name,
                ).toBe(true)
              for (const href of links) {
                const [file, anchor] = href.split('#') as [string, string | undefined]
                const r = await fetch(file ? new URL(file, base + path).toString() : base + path)
                expect(r.status, href).toBe(200)
                if (anchor) expect(await r.text(), href).toContain(`id="${anchor}"`)
              }
            }
            await page.close()
          }
        } finally {
          server.close()
        }
      }
    } finally {
      await browser.close()
    }
  })
})

/** The site as a static server serves it (GitHub Pages). */
async function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = resolve(dir, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    const types: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', ics: 'text/calendar' }
    res.writeHead(200, { 'content-type': types[path.split('.').pop()!] ?? 'text/plain' }).end(readFileSync(path))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return server
}
