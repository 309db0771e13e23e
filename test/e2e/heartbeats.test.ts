// Heartbeats (dead man's switches) and the sweep's own heartbeat, end to end: the bundle against
// the emulator, with the emulator's clock moved as time passes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { decodeHeartbeat } from '../../src/domain/heartbeats.js'
import { dispatchPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

const CONFIG = [
  'sweep:',
  '  interval: 10m',
  'heartbeats:',
  '  - name: nightly-backup',
  '    period: 1h',
  '    grace: 15m',
  '    priority: P2',
  '    service: backups',
  '  - name: billing-export',
  '    period: 1d',
  '  - name: queue-worker',
  '    period: 10m',
].join('\n')

const BOT = 'github-actions[bot]'
const WF = 'incidentops-sweep.yml'
let emu: Emulator
let repo = ''
let seq = 0

const ok = (r: ActionRun): ActionRun => {
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}
const sweep = async (time: string, inputs: Record<string, string> = {}) => {
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
const ping = async (name: string, time: string) => {
  emu.clock.set(time)
  return ok(
    await runAction({ emu, repo, event: 'repository_dispatch', payload: dispatchPayload(repo, 'heartbeat', { name }) }),
  )
}
const incidents = () =>
  emu.listIssues(repo).filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
const labelsOf = (n: number) =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name))
    .sort()
const card = (n: number) =>
  emu.listComments(repo, n).find((c) => c.user?.login === BOT && c.body!.startsWith(CARD_MARKER))!
const record = (n: number) => decodeRecord(card(n).body!)!
const heartbeatIssue = () =>
  emu
    .listIssues(repo)
    .filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incidentops/heartbeats'))

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-12-01T12:00:00Z' })
  emu.addUser('alice')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/heartbeats-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' }, files: { '.github/incidents.yml': CONFIG } })
})

describe('heartbeats', () => {
  it('a heartbeat that stops opens one incident at the right minute, a re-run writes nothing, and a late ping resolves it', async () => {
    // Never pinged: watched from its first ping, not late on day one.
    const before = await sweep('2026-12-01T12:00:00Z')
    expect(before.summary).toContain('Heartbeat `nightly-backup`: no ping yet')
    expect(incidents()).toHaveLength(0)

    // The first ping makes the issue that holds the pings (label, issue, comment).
    const first = await ping('nightly-backup', '2026-12-01T12:00:00Z')
    expect(first.summary).toContain('ping recorded')
    const [hbIssue] = heartbeatIssue()
    expect(hbIssue).toBeDefined()
    expect(hbIssue!.user?.login).toBe(BOT)
    const comments = () => emu.listComments(repo, hbIssue!.number).filter((c) => c.user?.login === BOT)
    expect(comments()).toHaveLength(1)
    expect(decodeHeartbeat(comments()[0]!.body!)).toMatchObject({
      name: 'nightly-backup',
      lastPing: '2026-12-01T12:00:00.000Z',
    })

    // A later ping, nothing changing state: one read and one edit.
    emu.resetCounters()
    await ping('nightly-backup', '2026-12-01T12:30:00Z')
    expect(emu.counts()).toMatchObject({ total: 2, graphql: 1, writes: 1 })
    expect(emu.counts().byRoute['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}']).toBe(1)
    expect(decodeHeartbeat(comments()[0]!.body!)!.lastPing).toBe('2026-12-01T12:30:00.000Z')
    expect(comments()[0]!.body).toContain('late (an incident opens) after 2026-12-01 13:45 UTC')
    // The same ping re-run (or a chatty sender) within a minute: the read only.
    emu.resetCounters()
    const again = await ping('nightly-backup', '2026-12-01T12:30:40Z')
    expect(emu.counts()).toMatchObject({ total: 1, writes: 0 })
    expect(again.summary).toContain('nothing written')
    expect(decodeHeartbeat(comments()[0]!.body!)!.lastPing).toBe('2026-12-01T12:30:00.000Z')

    // Last ping 12:30, period 1h, grace 15m: late after 13:45. At 13:45 it is not late yet.
    emu.resetCounters()
    await sweep('2026-12-01T13:45:00Z')
    expect(incidents()).toHaveLength(0)
    expect(emu.counts().writes).toBe(1) // the sweep records its own run (sweep.interval), nothing else

    // One minute later: one incident, through the alert path.
    const late = await sweep('2026-12-01T13:46:00Z')
    expect(incidents()).toHaveLength(1)
    const n = incidents()[0]!.number
    const issue = emu.getIssue(repo, n)
    expect(issue.title).toBe('[Alert] Heartbeat nightly-backup is late')
    expect(issue.created_at).toBe('2026-12-01T13:46:00Z')
    expect(labelsOf(n)).toEqual(['incident', 'priority/P2', 'service/backups', 'source/heartbeat', 'stage/triage'])
    const r = record(n)
    expect(r.alert).toMatchObject({
      key: 'heartbeat:nightly-backup',
      source: 'heartbeat',
      status: 'firing',
      severity: 'p2',
    })
    // It started when the missed ping was due (12:30 + 1h), and was noticed at 13:46.
    expect(r.startedAt).toBe('2026-12-01T13:30:00.000Z')
    expect(r.declaredAt).toBe('2026-12-01T13:46:00Z')
    expect(emu.getIssue(repo, n).body).toContain('No ping since 2026-12-01 12:30 UTC')
    expect(late.summary).toContain(
      `Heartbeat \`nightly-backup\`: late since 2026-12-01 13:45 UTC (no ping since 2026-12-01 12:30 UTC): incident #${n} opened.`,
    )

    // Re-running the sweep, then the next tick: nothing new.
    const snapshot = JSON.stringify([emu.listComments(repo, n), labelsOf(n)])
    emu.resetCounters()
    await sweep('2026-12-01T13:46:00Z')
    expect(emu.counts()).toMatchObject({ total: 1, writes: 0 })
    // The next tick: about the incident, nothing; the sweep's own run record (5 minutes old), one label edit.
    emu.resetCounters()
    await sweep('2026-12-01T13:50:00Z')
    expect(emu.counts().byRoute).toEqual({
      'POST /graphql IncidentsPage': 1,
      'PATCH /repos/{owner}/{repo}/labels/{name}': 1,
    })
    expect(incidents()).toHaveLength(1)
    expect(JSON.stringify([emu.listComments(repo, n), labelsOf(n)])).toBe(snapshot)

    // The late ping resolves it, as a `resolved` alert does (alerts.resolved_stage: monitoring by default).
    const back = await ping('nightly-backup', '2026-12-01T14:10:00Z')
    expect(back.outputs).toMatchObject({
      'incident-number': String(n),
      'alert-key': 'heartbeat:nightly-backup',
      'alert-outcome': 'resolve',
      stage: 'monitoring',
    })
    expect(record(n).alert!.status).toBe('resolved')
    expect(record(n).stage).toBe('monitoring')
    expect(labelsOf(n)).toContain('stage/monitoring')
    expect(
      record(n)
        .events.filter((e) => e.kind === 'alert')
        .map((e) => [e.text, e.at]),
    ).toEqual([
      ['firing', '2026-12-01T13:46:00.000Z'],
      ['resolved', '2026-12-01T14:10:00.000Z'],
    ])
    // On time again: the sweep leaves it alone (until auto-resolve after an hour in Monitoring).
    emu.resetCounters()
    await sweep('2026-12-01T14:20:00Z')
    expect(emu.counts().writes).toBe(1) // its own run record only
    expect(incidents()).toHaveLength(1)
  })

  it('stops again after the late ping: the incident fires again (back to Investigating), once', async () => {
    // queue-worker: every 10m, 5m of grace (the default).
    await ping('queue-worker', '2026-12-01T12:00:00Z')
    await sweep('2026-12-01T12:16:00Z')
    const n = incidents()[0]!.number
    await ping('queue-worker', '2026-12-01T12:20:00Z') // resolves: Monitoring
    expect(record(n).stage).toBe('monitoring')
    // Late again after 12:35.
    await sweep('2026-12-01T12:35:00Z')
    expect(record(n).stage).toBe('monitoring')
    const s = await sweep('2026-12-01T12:36:00Z')
    expect(incidents()).toHaveLength(1)
    expect(record(n).stage).toBe('investigating')
    expect(record(n).alert!.status).toBe('firing')
    expect(s.summary).toContain(`incident #${n} updated`)
    emu.resetCounters()
    await sweep('2026-12-01T12:37:00Z')
    expect(emu.counts().writes).toBe(0)
  })

  it('an incident a person closed while the heartbeat is still late stays closed until the next ping', async () => {
    await ping('nightly-backup', '2026-12-01T12:00:00Z')
    await sweep('2026-12-01T13:16:00Z')
    const n = incidents()[0]!.number
    emu.editIssue(repo, n, { state: 'closed', state_reason: 'not_planned' }, 'alice')
    emu.resetCounters()
    const s = await sweep('2026-12-01T13:30:00Z')
    expect(emu.getIssue(repo, n).state).toBe('closed')
    expect(incidents()).toHaveLength(1)
    expect(emu.counts().writes).toBe(1) // its own run record only
    expect(s.summary).toContain(`its incident #${n} was closed while it was still late`)
  })

  it('an unknown name is a clear notice and writes nothing; names are quoted inert', async () => {
    emu.resetCounters()
    const r = await ping('@alice <!-- incidentops:card --> #1', '2026-12-01T12:00:00Z')
    expect(emu.counts().writes).toBe(0)
    expect(r.stdout).toContain('No heartbeat is named')
    expect(r.summary).toContain('Known heartbeats: `nightly-backup`, `billing-export`')
    expect(r.summary).not.toContain('<!-- incidentops:card')
    expect(r.outputs['alert-outcome']).toBe('ignored')
    expect(heartbeatIssue()).toHaveLength(0)

    // A ping without a name is a payload error that says what to send.
    const bad = await runAction({
      emu,
      repo,
      event: 'repository_dispatch',
      payload: dispatchPayload(repo, 'heartbeat', {}),
    })
    expect(bad.code).not.toBe(0)
    expect(bad.stdout).toContain('client_payload.name')
  })

  it('keeps the sweep awake while heartbeats are watched, and a ping wakes a sleeping sweep', async () => {
    emu.addWorkflow(repo, WF)
    const s = await sweep('2026-12-01T12:00:00Z', { 'sweep-workflow': WF })
    expect(emu.workflow(repo, WF).state).toBe('active')
    expect(s.summary).toContain(
      'No incident is open, but 3 heartbeats are watched: the sweep (incidentops-sweep.yml) stays on',
    )

    // A sweep put to sleep before heartbeats were configured is woken by the first ping.
    const other = `acme/heartbeats-asleep-${seq}`
    emu.addRepo(other, { collaborators: { alice: 'write' } })
    emu.addWorkflow(other, WF)
    ok(
      await runAction({
        emu,
        repo: other,
        event: 'schedule',
        payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
        inputs: { 'sweep-workflow': WF },
      }),
    )
    expect(emu.workflow(other, WF).state).toBe('disabled_manually')
    emu.setFile(other, '.github/incidents.yml', CONFIG)
    ok(
      await runAction({
        emu,
        repo: other,
        event: 'repository_dispatch',
        payload: dispatchPayload(other, 'heartbeat', { name: 'billing-export' }),
        inputs: { 'sweep-workflow': WF },
      }),
    )
    expect(emu.workflow(other, WF).state).toBe('active')
  })
})

describe("the sweep's own heartbeat", () => {
  async function declare(time: string): Promise<ActionRun & { n: number }> {
    emu.clock.set(time)
    const body = renderIssueForm(
      {
        summary: 'Checkout down',
        impact: 'Major degradation',
        users_affected: 'Most users (50–90%)',
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
    const r = ok(
      await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') }),
    )
    return { ...r, n }
  }
  const stamp = () => emu.listLabels(repo).find((l) => l.name === 'incidentops/sweep-on')?.description

  it('records every run; when scheduled runs stop, the next intake and alert runs say so in the card and the summary; the sweep clears it when it runs again', async () => {
    await sweep('2026-12-01T12:00:00Z')
    expect(stamp()).toBe('IncidentOps: the scheduled sweep is on; last run 2026-12-01T12:00Z. Deleted while calm.')

    // 30 minutes (3 × 10m) is not yet "stopped".
    const onTime = await declare('2026-12-01T12:30:00Z')
    expect(onTime.summary).not.toContain('has not run since')
    expect(card(onTime.n).body).not.toContain('has not run since')

    // The sweep's runs stop (GitHub disabled the schedule, or dropped the runs).
    const lateIntake = await declare('2026-12-01T12:31:00Z')
    expect(lateIntake.summary).toContain(
      '⚠️ **The scheduled sweep has not run since 2026-12-01 12:00 UTC** (its schedule is every 10m)',
    )
    expect(card(lateIntake.n).body).toContain(
      '> [!WARNING]\n> <!-- incidentops:sweep-late -->**The scheduled sweep has not run since 2026-12-01 12:00 UTC**',
    )
    expect(lateIntake.stdout).toContain('::warning::')

    // An alert run says it too, in the card of the incident it opens.
    emu.clock.set('2026-12-01T13:00:00Z')
    const alert = ok(
      await runAction({
        emu,
        repo,
        event: 'repository_dispatch',
        payload: dispatchPayload(repo, 'alert', {
          incidentops: { alerts: [{ status: 'firing', key: 'db-cpu', title: 'DB CPU high', severity: 'warning' }] },
        }),
      }),
    )
    const an = Number(alert.outputs['incident-number'])
    expect(alert.summary).toContain('The scheduled sweep has not run since 2026-12-01 12:00 UTC')
    expect(card(an).body).toContain('<!-- incidentops:sweep-late -->')

    // A re-run of the same late intake writes nothing more (the warning is the same text).
    emu.resetCounters()
    ok(
      await runAction({
        emu,
        repo,
        event: 'issues',
        payload: issuesPayload(emu, repo, lateIntake.n, 'opened', 'alice'),
      }),
    )
    expect(emu.counts().writes).toBe(0)

    // The sweep runs again: it records its run and takes the warning off every card that has it.
    await sweep('2026-12-01T13:10:00Z')
    expect(stamp()).toContain('last run 2026-12-01T13:10Z')
    for (const n of [lateIntake.n, an]) expect(card(n).body).not.toContain('has not run since')
    const after = await declare('2026-12-01T13:15:00Z')
    expect(after.summary).not.toContain('has not run since')
  })

  it('says nothing while the sweep sleeps on purpose (no incident open, sweep-workflow)', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'sweep:\n  interval: 10m\n')
    emu.addWorkflow(repo, WF)
    await sweep('2026-12-01T12:00:00Z', { 'sweep-workflow': WF })
    expect(emu.workflow(repo, WF).state).toBe('disabled_manually')
    expect(stamp()).toBeUndefined()
    const r = await declare('2026-12-01T18:00:00Z')
    expect(r.summary).not.toContain('has not run since')
    expect(card(r.n).body).not.toContain('has not run since')
  })
})
