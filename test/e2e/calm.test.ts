// "Sleep when calm": the sweep turns its own workflow off when no incident is open, and the runs
// that open incidents turn it back on, failing safe (and loudly) whenever in doubt.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { commentPayload, dispatchPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'

const WF = 'incidentops-sweep.yml'
const MARKER = 'incidentops/sweep-on'
let emu: Emulator
let repo = ''
let seq = 0

const inputs = { 'sweep-workflow': WF }
const sweep = (noTwin?: string) =>
  runAction({
    emu,
    repo,
    event: 'schedule',
    payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
    inputs,
    noTwin,
  })
const state = () => emu.workflow(repo, WF).state
const hasMarker = () => emu.listLabels(repo).some((l) => l.name === MARKER)
const ok = (r: ActionRun) => expect(r.code, r.stdout + r.stderr).toBe(0)

async function declare(): Promise<number> {
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
  emu.resetCounters()
  const r = await runAction({
    emu,
    repo,
    event: 'issues',
    payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
    inputs,
  })
  ok(r)
  return n
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/calm-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  emu.addWorkflow(repo, WF)
})

describe('sleep when calm', () => {
  it('the sweep turns itself off with nothing open, a new incident turns it on, and it sleeps again after the close', async () => {
    const calm = await sweep()
    ok(calm)
    expect(state()).toBe('disabled_manually')
    expect(calm.summary).toMatch(/No incident is open: the sweep \(incidentops-sweep.yml\) turned itself off/)

    const n = await declare()
    expect(state()).toBe('active')
    expect(hasMarker()).toBe(true)
    // The declaration's own 4 requests, and the two that turn the sweep on: once.
    expect(emu.counts().total).toBe(6)
    expect(emu.counts().byRoute[`PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable`]).toBe(1)

    // While the incident is open, the marker says the sweep is on: a command costs nothing more.
    emu.clock.advance(60_000)
    const c = emu.createComment(repo, n, { body: '/ack', user: 'alice' })
    emu.resetCounters()
    ok(await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c), inputs }))
    expect(
      Object.keys(emu.counts().byRoute).filter((r) => r.includes('actions/workflows') || r.includes('/labels/{name}')),
    ).toEqual([])

    // The sweep with an open incident stays on and writes nothing about itself.
    emu.resetCounters()
    ok(await sweep())
    expect(state()).toBe('active')
    expect(Object.keys(emu.counts().byRoute).filter((r) => r.includes('actions/workflows'))).toEqual([])

    // Closed for good (dismissed as noise): the next sweep sees nothing open and goes to sleep.
    emu.clock.advance(60_000)
    const d = emu.createComment(repo, n, { body: '/dismiss false alarm', user: 'alice' })
    ok(await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, d), inputs }))
    expect(emu.getIssue(repo, n).state).toBe('closed')
    ok(await sweep())
    expect(state()).toBe('disabled_manually')
    expect(hasMarker()).toBe(false)
    expect(emu.workflow(repo, WF).history.map((h) => h.state)).toEqual([
      'disabled_manually',
      'active',
      'disabled_manually',
    ])
  })

  it('an alert that opens an incident turns the sleeping sweep on', async () => {
    ok(await sweep())
    expect(state()).toBe('disabled_manually')
    const r = await runAction({
      emu,
      repo,
      event: 'repository_dispatch',
      payload: dispatchPayload(repo, 'alert', {
        incidentops: {
          version: 1,
          alerts: [
            {
              status: 'firing',
              key: 'db-down',
              title: 'Database down',
              service: 'db',
              severity: 'critical',
              source: 'grafana',
            },
          ],
        },
      }),
      inputs,
    })
    ok(r)
    expect(emu.listIssues(repo).filter((i) => i.state === 'open')).toHaveLength(1)
    expect(state()).toBe('active')
    expect(hasMarker()).toBe(true)
  })

  it('an incident opened while the sweep goes to sleep is caught by its second count: the sweep stays on', async () => {
    // The sweep reads "nothing open"; the issue appears after that read and before its second count.
    emu.faults.latency(0)
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
    let opened = false
    const run = sweep('an incident is opened while the run is in flight, after its first read')
    // Wait until the sweep has turned the workflow off, then open an incident (its intake run has not happened yet).
    for (let i = 0; i < 2000 && !opened; i++) {
      await new Promise((r) => setTimeout(r, 2))
      if (emu.workflow(repo, WF).history.length > 0) {
        emu.createIssue(repo, { title: '[Incident]: Checkout down', body, labels: ['incident'], user: 'alice' })
        opened = true
      }
    }
    const r = await run
    ok(r)
    expect(opened).toBe(true)
    // Either the second count saw it (back on), or it came after: then its intake run turns the sweep on.
    if (state() === 'disabled_manually') {
      const n = emu.listIssues(repo).at(-1)!.number
      ok(
        await runAction({
          emu,
          repo,
          event: 'issues',
          payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
          inputs,
        }),
      )
    } else {
      expect(r.summary).toMatch(/stays on: an incident was opened meanwhile/)
    }
    expect(state()).toBe('active')
    expect(hasMarker()).toBe(true)
  })

  it('without actions: write the sweep keeps running and says why, and an intake that cannot turn it on fails loudly', async () => {
    emu.denyActionsWrite(repo)
    const r = await sweep('GitHub refuses the write (no actions: write), which a dry run cannot know')
    ok(r)
    expect(state()).toBe('active')
    expect(r.stdout).toMatch(
      /::warning::The sweep \(incidentops-sweep.yml\) stays on: turning it off was refused .*permissions: actions: write/,
    )
    expect(r.summary).toMatch(/stays on: turning it off was refused/)

    // The sweep was turned off earlier (say by hand) and the intake workflow lacks the permission.
    emu.denyActionsWrite(repo, false)
    ok(await sweep())
    expect(state()).toBe('disabled_manually')
    emu.denyActionsWrite(repo)
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
    const intake = await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      inputs,
    })
    expect(intake.code).toBe(1)
    expect(intake.stdout).toMatch(
      /::error::.*The scheduled sweep \(incidentops-sweep.yml\) may be off, and turning it on failed.*no reminder or escalation is posted/,
    )
    // Everything else was done: the incident has its card and labels.
    expect(emu.getIssue(repo, n).labels.map((l) => (typeof l === 'string' ? l : l.name))).toContain('priority/P1')
  })

  it('dry-run plans the sleep and writes nothing', async () => {
    emu.resetCounters()
    const r = await runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      inputs: { ...inputs, 'dry-run': 'true' },
    })
    ok(r)
    expect(emu.counts().writes).toBe(0)
    expect(state()).toBe('active')
    expect(r.summary).toMatch(/would turn itself off \(dry run\)/)
  })

  it('without the sweep-workflow input nothing changes: the sweep never touches workflows', async () => {
    emu.resetCounters()
    ok(
      await runAction({
        emu,
        repo,
        event: 'schedule',
        payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      }),
    )
    expect(state()).toBe('active')
    expect(emu.counts().writes).toBe(0)
  })
})
