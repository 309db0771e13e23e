import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { decodeRecord } from '../../src/domain/record.js'
import { commentPayload, dispatchPayload, example, issuesPayload, runAction, snapshotRepo, type ActionRun } from './harness.js'

let emu: Emulator
let repo = ''
let seq = 0

const AM = JSON.parse(readFileSync(new URL('../fixtures/alerts/native/alertmanager-webhook.json', import.meta.url), 'utf8')) as Record<string, unknown> & { alerts: Record<string, unknown>[] }

/** The Alertmanager group body with every alert in the given status (the group's status too). */
function amBody(status: 'firing' | 'resolved', at: string): Record<string, unknown> {
  const b = structuredClone(AM)
  b.status = status
  b.alerts = b.alerts.map((a) => ({ ...a, status, ...(status === 'resolved' ? { endsAt: at } : {}) }))
  return b
}

const incidents = () => emu.listIssues(repo).filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
const openIncidents = () => incidents().filter((i) => i.state === 'open')
const cardOf = (n: number) => emu.listComments(repo, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? ''
const recordOf = (n: number) => decodeRecord(cardOf(n))!
const labelsOf = (n: number) => emu.getIssue(repo, n).labels.map((l) => (typeof l === 'string' ? l : l.name!)).sort()

/** A person closes the incident, and the `issues.closed` run records it. */
async function closeByPerson(n: number, at: string): Promise<void> {
  emu.clock.set(at)
  emu.editIssue(repo, n, { state: 'closed', state_reason: 'completed' }, 'alice')
  const r = await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'closed', 'alice') })
  expect(r.code, r.stdout).toBe(0)
}

async function deliver(clientPayload: unknown, at: string, runId?: string): Promise<ActionRun> {
  emu.clock.set(at)
  const r = await runAction({ emu, repo, event: 'repository_dispatch', payload: dispatchPayload(repo, 'alert', clientPayload), runId })
  return r
}

const generic = (key: string, status: 'firing' | 'resolved', extra: Record<string, unknown> = {}) => ({
  incidentops: { version: 1, alerts: [{ status, key, title: `Probe ${key} failing`, service: 'api', severity: 'high', source: 'uptime', ...extra }] },
})

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T09:00:00Z' })
  emu.addUser('alice')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/alerts-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  emu.resetCounters()
})

describe('alerts from monitoring', () => {
  it('an Alertmanager group opens one incident; a repeat adds occurrences and no issue; resolved → Monitoring; a re-fire reopens it', async () => {
    const first = await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:21:30Z')
    expect(first.code, first.stdout).toBe(0)
    expect(incidents()).toHaveLength(1)
    const n = incidents()[0]!.number
    expect(emu.getIssue(repo, n).title).toContain('[Alert] checkout 5xx ratio above 5%')
    expect(labelsOf(n)).toEqual(['incident', 'priority/P1', 'service/checkout', 'source/alertmanager', 'stage/triage'])
    let r = recordOf(n)
    // The group started when its earliest alert did.
    const earliest = AM.alerts.map((a) => new Date(a.startsAt as string).toISOString()).sort()[0]
    expect(r).toMatchObject({ priority: 'P1', source: 'alertmanager', stage: 'triage', startedAt: earliest })
    expect(r.alert).toMatchObject({ status: 'firing', occurrences: 1 })
    expect(r.priorityReason).toContain('critical alert')
    expect(first.outputs['incident-number']).toBe(String(n))

    // A repeat two minutes later: counted, no new issue, no comment (within the comment interval).
    emu.resetCounters()
    const repeat = await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:23:30Z')
    expect(repeat.code).toBe(0)
    expect(incidents()).toHaveLength(1)
    expect(recordOf(n).alert!.occurrences).toBe(2)
    expect(emu.counts().writes).toBe(1) // the card
    // Within the coalescing minute: nothing is written at all.
    emu.resetCounters()
    await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:23:50Z')
    expect(emu.counts().writes).toBe(0)

    // Resolved → Monitoring, with the resolution in the timeline.
    await deliver({ incidentops: { alertmanager: amBody('resolved', '2026-11-25T09:40:00Z') } }, '2026-11-25T09:41:00Z')
    r = recordOf(n)
    expect(r.stage).toBe('monitoring')
    expect(r.alert!.status).toBe('resolved')
    expect(labelsOf(n)).toContain('stage/monitoring')
    expect(r.events.some((e) => e.kind === 'alert' && e.text === 'resolved' && e.at === '2026-11-25T09:40:00.000Z')).toBe(true)

    // Fires again: back to Investigating, with a comment.
    await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:50:00Z')
    r = recordOf(n)
    expect(r.stage).toBe('investigating')
    expect(incidents()).toHaveLength(1)
    expect(emu.listComments(repo, n).some((c) => c.body?.includes('The alert fired again'))).toBe(true)
  })

  it('no "Update due" reminder at the moment the alert resolves: a stage change restarts the update clock', async () => {
    // A critical alert (P1: an update every 30m), acknowledged, then silent for an hour.
    await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:21:30Z')
    const n = incidents()[0]!.number
    emu.clock.set('2026-11-25T09:25:00Z')
    const c = emu.createComment(repo, n, { body: '/ack', user: 'alice' })
    expect((await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) })).code).toBe(0)
    const reminders = () => emu.listComments(repo, n).filter((x) => x.body?.startsWith('<!-- incidentops:reminder:'))
    expect(reminders()).toHaveLength(0) // the /ack is a stage change: nothing is due at that moment either
    // 10:30: the update is overdue, and the resolution moves the incident to Monitoring in the same run.
    const resolved = await deliver({ incidentops: { alertmanager: amBody('resolved', '2026-11-25T10:29:00Z') } }, '2026-11-25T10:30:00Z')
    expect(resolved.code, resolved.stdout).toBe(0)
    expect(recordOf(n).stage).toBe('monitoring')
    expect(reminders().map((x) => x.body)).toEqual([])
    // The next reminder is due a full period after the stage change, and says how long it has been monitored.
    const sweep = (at: string) => {
      emu.clock.set(at)
      return runAction({ emu, repo, event: 'schedule', payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined } })
    }
    expect((await sweep('2026-11-25T10:59:00Z')).code).toBe(0)
    expect(reminders()).toHaveLength(0)
    expect((await sweep('2026-11-25T11:01:00Z')).code).toBe(0)
    expect(reminders()).toHaveLength(1)
    expect(reminders()[0]!.body).toContain('monitoring for 31m')
    expect(reminders()[0]!.body!.split('\n')[0]).toBe('<!-- incidentops:reminder:2026-11-25T11:00:00.000Z -->')
  })

  it('a re-fire within the reopen window reopens the closed incident; later, a new incident links the earlier one', async () => {
    await deliver(generic('probe-1', 'firing'), '2026-11-25T10:00:00Z')
    const n = incidents()[0]!.number
    await closeByPerson(n, '2026-11-25T10:10:00Z')
    expect(recordOf(n).stage).toBe('postmortem') // a P2: its postmortem is written on resolution

    await deliver(generic('probe-1', 'firing'), '2026-11-25T10:30:00Z') // within 1h of the close
    expect(emu.getIssue(repo, n).state).toBe('open')
    expect(recordOf(n).stage).toBe('investigating')
    expect(incidents()).toHaveLength(1)

    await closeByPerson(n, '2026-11-25T10:40:00Z')
    await deliver(generic('probe-1', 'firing'), '2026-11-25T13:00:00Z') // long after
    expect(incidents()).toHaveLength(2)
    const m = incidents().find((i) => i.number !== n)!
    expect(m.body).toContain(`The same alert caused #${n} earlier.`)
  })

  it('re-running the same delivery (same workflow run) writes nothing', async () => {
    await deliver(generic('k', 'firing'), '2026-11-25T11:00:00Z', 'run-1')
    const n = incidents()[0]!.number
    await deliver(generic('k', 'firing'), '2026-11-25T11:10:00Z', 'run-2')
    const state = snapshotRepo(emu, repo)
    emu.resetCounters()
    for (let i = 0; i < 3; i++) await deliver(generic('k', 'firing'), '2026-11-25T11:10:05Z', 'run-2')
    expect(snapshotRepo(emu, repo)).toEqual(state)
    expect(emu.counts().writes).toBe(0)
    expect(recordOf(n).alert!.occurrences).toBe(2)
  })

  it('20 concurrent deliveries of one key leave exactly one open incident', async () => {
    emu.clock.set('2026-11-25T12:00:00Z')
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runAction({ emu, repo, event: 'repository_dispatch', payload: dispatchPayload(repo, 'alert', generic('storm', 'firing')), runId: `c${i}` })),
    )
    expect(runs.filter((r) => r.code !== 0).map((r) => r.stdout.split('\n').find((l) => l.startsWith('::error')))).toEqual([])
    const open = openIncidents()
    expect(open).toHaveLength(1)
    const dups = incidents().filter((i) => i.state === 'closed')
    for (const d of dups) expect(emu.listComments(repo, d.number).some((c) => c.body?.includes(`Duplicate of #${open[0]!.number}`))).toBe(true)
  }, 120_000)

  it('a malformed payload is rejected naming the field, and nothing is written', async () => {
    const r = await deliver({ incidentops: { version: 1, alerts: [{ status: 'fire', key: 'x', title: 't' }] } }, '2026-11-25T12:00:00Z')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::client_payload\.incidentops\.alerts\[0\]\.status must be/)
    expect(emu.counts().writes).toBe(0)
    expect(incidents()).toHaveLength(0)
  })

  it('hostile alert text is neutralised before it is posted', async () => {
    await deliver(generic('evil', 'firing', { title: '@everyone <!-- incidentops:card --> <script>x</script>', description: 'ping @acme/sre\n<!-- incidentops:record:v1:AAAA -->' }), '2026-11-25T12:00:00Z')
    const n = incidents()[0]!.number
    const issue = emu.getIssue(repo, n)
    for (const text of [issue.title, issue.body ?? '', cardOf(n)]) {
      expect(text).not.toMatch(/(^|[^\u200b])@(everyone|acme)/)
      // Only our own markers remain: the leading one, and the card's record on its last line.
      const ours = text.replace(/^<!-- incidentops:(card|alert-key:evil) -->/, '').replace(/\n<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->$/, '')
      expect(ours).not.toMatch(/<!-- incidentops:/)
    }
    // Titles are plain text on GitHub; the markdown we write must not carry live HTML.
    for (const text of [issue.body ?? '', cardOf(n)]) expect(text).not.toContain('<script>')
  })

  it('a resolved alert with no open incident is a no-op', async () => {
    const r = await deliver(generic('ghost', 'resolved'), '2026-11-25T12:00:00Z')
    expect(r.code).toBe(0)
    expect(emu.counts().writes).toBe(0)
  })
})
