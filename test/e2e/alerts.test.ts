import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { decodeRecord } from '../../src/domain/record.js'
import {
  commentPayload,
  dispatchPayload,
  example,
  issuesPayload,
  runAction,
  snapshotRepo,
  type ActionRun,
} from './harness.js'

let emu: Emulator
let repo = ''
let seq = 0

const AM = JSON.parse(
  readFileSync(new URL('../fixtures/alerts/native/alertmanager-webhook.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { alerts: Record<string, unknown>[] }

const KUMA = (
  JSON.parse(readFileSync(new URL('../fixtures/alerts/valid/uptime-kuma-down.json', import.meta.url), 'utf8')) as {
    client_payload: { incidentops: { 'uptime-kuma': Record<string, Record<string, unknown> | string> } }
  }
).client_payload.incidentops['uptime-kuma'] as {
  heartbeat: Record<string, unknown>
  monitor: Record<string, unknown>
  msg: string
}

/** The Alertmanager group body with every alert in the given status (the group's status too). */
function amBody(status: 'firing' | 'resolved', at: string): Record<string, unknown> {
  const b = structuredClone(AM)
  b.status = status
  b.alerts = b.alerts.map((a) => ({ ...a, status, ...(status === 'resolved' ? { endsAt: at } : {}) }))
  return b
}

const incidents = () =>
  emu.listIssues(repo).filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
const openIncidents = () => incidents().filter((i) => i.state === 'open')
const cardOf = (n: number) =>
  emu.listComments(repo, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? ''
const recordOf = (n: number) => decodeRecord(cardOf(n))!
const labelsOf = (n: number) =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .sort()

/** A person closes the incident, and the `issues.closed` run records it. */
async function closeByPerson(n: number, at: string): Promise<void> {
  emu.clock.set(at)
  emu.editIssue(repo, n, { state: 'closed', state_reason: 'completed' }, 'alice')
  const r = await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'closed', 'alice') })
  expect(r.code, r.stdout).toBe(0)
}

async function deliver(clientPayload: unknown, at: string, runId?: string): Promise<ActionRun> {
  emu.clock.set(at)
  const r = await runAction({
    emu,
    repo,
    event: 'repository_dispatch',
    payload: dispatchPayload(repo, 'alert', clientPayload),
    runId,
  })
  return r
}

const generic = (key: string, status: 'firing' | 'resolved', extra: Record<string, unknown> = {}) => ({
  incidentops: {
    version: 1,
    alerts: [
      { status, key, title: `Probe ${key} failing`, service: 'api', severity: 'high', source: 'uptime', ...extra },
    ],
  },
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
    // Every alert run says what it did to which incident, with the incident's course after it.
    expect(first.outputs).toMatchObject({
      priority: 'P1',
      stage: 'triage',
      'alert-key': r.alert!.key,
      'alert-outcome': 'new',
    })

    // A repeat two minutes later: counted, no new issue, no comment (within the comment interval).
    emu.resetCounters()
    const repeat = await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:23:30Z')
    expect(repeat.code).toBe(0)
    expect(repeat.outputs).toMatchObject({
      'incident-number': String(n),
      priority: 'P1',
      stage: 'triage',
      'alert-outcome': 'repeat',
    })
    expect(incidents()).toHaveLength(1)
    expect(recordOf(n).alert!.occurrences).toBe(2)
    expect(emu.counts().writes).toBe(1) // the card
    // Within the coalescing minute: nothing is written at all.
    emu.resetCounters()
    await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:23:50Z')
    expect(emu.counts().writes).toBe(0)

    // Resolved → Monitoring, with the resolution in the timeline.
    const resolved = await deliver(
      { incidentops: { alertmanager: amBody('resolved', '2026-11-25T09:40:00Z') } },
      '2026-11-25T09:41:00Z',
    )
    expect(resolved.outputs).toMatchObject({
      'incident-number': String(n),
      priority: 'P1',
      stage: 'monitoring',
      'alert-outcome': 'resolve',
    })
    r = recordOf(n)
    expect(r.stage).toBe('monitoring')
    expect(r.alert!.status).toBe('resolved')
    expect(labelsOf(n)).toContain('stage/monitoring')
    expect(
      r.events.some((e) => e.kind === 'alert' && e.text === 'resolved' && e.at === '2026-11-25T09:40:00.000Z'),
    ).toBe(true)

    // Fires again: back to Investigating, with a comment.
    const refire = await deliver({ incidentops: { alertmanager: amBody('firing', '') } }, '2026-11-25T09:50:00Z')
    expect(refire.outputs).toMatchObject({
      'incident-number': String(n),
      priority: 'P1',
      stage: 'investigating',
      'alert-outcome': 'refire',
    })
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
    expect(
      (await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) })).code,
    ).toBe(0)
    const reminders = () => emu.listComments(repo, n).filter((x) => x.body?.startsWith('<!-- incidentops:reminder:'))
    expect(reminders()).toHaveLength(0) // the /ack is a stage change: nothing is due at that moment either
    // 10:30: the update is overdue, and the resolution moves the incident to Monitoring in the same run.
    const resolved = await deliver(
      { incidentops: { alertmanager: amBody('resolved', '2026-11-25T10:29:00Z') } },
      '2026-11-25T10:30:00Z',
    )
    expect(resolved.code, resolved.stdout).toBe(0)
    expect(recordOf(n).stage).toBe('monitoring')
    expect(reminders().map((x) => x.body)).toEqual([])
    // The next reminder is due a full period after the stage change, and says how long it has been monitored.
    const sweep = (at: string) => {
      emu.clock.set(at)
      return runAction({
        emu,
        repo,
        event: 'schedule',
        payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      })
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

    const reopened = await deliver(generic('probe-1', 'firing'), '2026-11-25T10:30:00Z') // within 1h of the close
    expect(reopened.outputs).toMatchObject({
      'incident-number': String(n),
      'alert-key': 'probe-1',
      'alert-outcome': 'refire',
      stage: 'investigating',
    })
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

  it('20 concurrent first deliveries of one key: one open incident with one card, one comment per closed duplicate, nothing refused', async () => {
    emu.clock.set('2026-11-25T12:00:00Z')
    emu.faults.latency(100)
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runAction({
          emu,
          repo,
          event: 'repository_dispatch',
          payload: dispatchPayload(repo, 'alert', generic('storm', 'firing')),
          runId: `c${i}`,
        }),
      ),
    )
    emu.faults.latency(0)
    expect(
      runs.filter((r) => r.code !== 0).map((r) => r.stdout.split('\n').find((l) => l.startsWith('::error'))),
    ).toEqual([])
    const open = openIncidents()
    expect(open).toHaveLength(1)
    const survivor = open[0]!.number
    // The deterministic rule: the lowest number with the key survives.
    expect(survivor).toBe(Math.min(...incidents().map((i) => i.number)))
    // Exactly one card on the survivor, and nothing else from the losers there.
    const onSurvivor = emu.listComments(repo, survivor)
    expect(onSurvivor.filter((c) => c.body?.startsWith('<!-- incidentops:card -->'))).toHaveLength(1)
    expect(onSurvivor.filter((c) => c.body?.includes('Duplicate of'))).toEqual([])
    expect(recordOf(survivor).alert).toMatchObject({ key: 'storm', status: 'firing' })
    // Each closed duplicate: closed as not planned, exactly one comment (ours, pointing at the survivor), no card.
    const dups = incidents().filter((i) => i.state === 'closed')
    for (const d of dups) {
      const comments = emu.listComments(repo, d.number)
      expect(comments, `#${d.number}`).toHaveLength(1)
      expect(comments[0]!.body).toContain(`Duplicate of #${survivor}`)
      expect(emu.getIssue(repo, d.number).state_reason).toBe('not_planned')
    }
    // Every run says which incident the alert went to: the survivor.
    for (const r of runs)
      expect(r.outputs).toMatchObject({
        'incident-number': String(survivor),
        priority: 'P2',
        stage: 'triage',
        'alert-key': 'storm',
      })
    // The run that opened the survivor says new; every run whose issue was closed says duplicate.
    expect(runs.filter((r) => r.outputs['alert-outcome'] === 'new')).toHaveLength(1)
    expect(runs.filter((r) => r.outputs['alert-outcome'] === 'duplicate')).toHaveLength(dups.length)
    // Nothing refused, and far below GitHub's 80 content creations a minute (20 issues, 19 comments, 1 card).
    expect(emu.requests.filter((q) => q.status >= 400)).toEqual([])
    const creations = emu.requests.filter(
      (q) => q.method === 'POST' && /\/issues(\/\d+\/comments)?$/.test(q.path.split('?')[0]!),
    )
    expect(creations.length).toBe(incidents().length + dups.length + 1)
    expect(creations.length).toBeLessThan(80)
    // Labels: at most one CreateLabels mutation per run (a label another run made first is tolerated,
    // not retried), never the one-by-one REST fallback, and each label exists once.
    const createLabels = emu.requests.filter((q) => q.route === 'POST /graphql CreateLabels').length
    expect(createLabels).toBeGreaterThanOrEqual(1)
    expect(createLabels).toBeLessThanOrEqual(runs.length)
    expect(emu.requests.filter((q) => q.route === 'POST /repos/{owner}/{repo}/labels')).toEqual([])
    const names = emu.listLabels(repo).map((l) => l.name.toLowerCase())
    expect(new Set(names).size).toBe(names.length)
  }, 300_000)

  it('the 100-event, 5-monitor Uptime Kuma storm in concurrent batches of 10: 5 open incidents, one card each, no repeated comment, nothing refused', async () => {
    const monitors = [11, 12, 13, 14, 15]
    const kuma = (id: number, i: number) => {
      const body = structuredClone(KUMA)
      body.heartbeat = {
        ...body.heartbeat,
        monitorID: id,
        msg: `Request failed with status code 503 (${i})`,
        time: '2026-11-25 13:00:00.000',
      }
      body.monitor = { ...body.monitor, id, name: `Service ${id}` }
      body.msg = `[Service ${id}] [🔴 Down] Request failed with status code 503`
      return { incidentops: { 'uptime-kuma': body } }
    }
    // A fixed, shuffled order: every monitor appears in the first batch, and again in every later one.
    const events = Array.from({ length: 100 }, (_, i) => monitors[(i * 7 + Math.floor(i / 10)) % 5]!)
    // GitHub answers in about 100 ms, not instantly: the runs of a batch overlap as they do on GitHub.
    emu.faults.latency(100)
    let t = Date.parse('2026-11-25T13:00:00Z')
    for (let b = 0; b < 10; b++) {
      emu.clock.set(new Date(t))
      const batch = events.slice(b * 10, b * 10 + 10)
      const runs = await Promise.all(
        batch.map((id, i) =>
          runAction({
            emu,
            repo,
            event: 'repository_dispatch',
            payload: dispatchPayload(repo, 'alert', kuma(id, b * 10 + i)),
            runId: `k${b}-${i}`,
          }),
        ),
      )
      expect(
        runs.filter((r) => r.code !== 0).map((r) => r.stdout.split('\n').find((l) => l.startsWith('::error'))),
      ).toEqual([])
      t += 90_000
    }
    emu.faults.latency(0)
    const open = openIncidents()
    expect(open).toHaveLength(5)
    for (const i of open) {
      const comments = emu.listComments(repo, i.number)
      expect(
        comments.filter((c) => c.body?.startsWith('<!-- incidentops:card -->')),
        `#${i.number}`,
      ).toHaveLength(1)
      // No comment posted twice (same text) on one incident.
      const bodies = comments.map((c) => c.body)
      expect(new Set(bodies).size, `#${i.number}`).toBe(bodies.length)
    }
    expect(new Set(open.map((i) => recordOf(i.number).alert!.key)).size).toBe(5)
    for (const d of incidents().filter((i) => i.state === 'closed'))
      expect(emu.listComments(repo, d.number)).toHaveLength(1)
    expect(emu.requests.filter((q) => q.status >= 400)).toEqual([])
  }, 600_000)

  it('a duplicate left open by a racing run that died is closed by a later delivery, with one comment, once', async () => {
    await deliver(generic('stale', 'firing'), '2026-11-25T12:00:00Z')
    const n = incidents()[0]!.number
    // A racing run opened its own issue for the key and was killed before closing it.
    const dup = emu.createIssue(repo, {
      title: '[Alert] Probe stale failing',
      body: '<!-- incidentops:alert-key:stale -->\n**uptime alert**: Probe stale failing',
      labels: ['incident'],
      user: 'github-actions[bot]',
    }).number
    expect(dup).toBeGreaterThan(n)
    // Within the opener's grace (5 minutes) it may still be running: left alone.
    await deliver(generic('stale', 'firing'), '2026-11-25T12:02:00Z')
    expect(emu.getIssue(repo, dup).state).toBe('open')
    const r = await deliver(generic('stale', 'firing'), '2026-11-25T12:10:00Z')
    expect(r.code, r.stdout).toBe(0)
    expect(emu.getIssue(repo, dup).state).toBe('closed')
    expect(emu.getIssue(repo, dup).state_reason).toBe('not_planned')
    expect(emu.listComments(repo, dup).map((c) => c.body)).toEqual([expect.stringContaining(`Duplicate of #${n}`)])
    expect(openIncidents().map((i) => i.number)).toEqual([n])
    emu.resetCounters()
    await deliver(generic('stale', 'firing'), '2026-11-25T12:10:30Z')
    expect(emu.listComments(repo, dup)).toHaveLength(1)
    expect(emu.requests.filter((q) => q.path.includes(`/issues/${dup}`))).toEqual([])
  })

  it("a 20,000-character alert title becomes an incident whose title fits GitHub's 256 and says it was cut", async () => {
    const title = `Checkout latency ${'very '.repeat(4_000)}high`
    expect(title.length).toBeGreaterThanOrEqual(20_000)
    const r = await deliver(generic('long-title', 'firing', { title }), '2026-11-25T12:00:00Z')
    expect(r.code, r.stdout).toBe(0)
    expect(incidents()).toHaveLength(1)
    const n = incidents()[0]!.number
    const t = emu.getIssue(repo, n).title
    expect(t.length).toBeLessThanOrEqual(256)
    expect(t).toMatch(/^\[Alert\] Checkout latency very /)
    expect(t).toMatch(/… \(\d+ more characters\)$/)
    expect(recordOf(n).alert).toMatchObject({ key: 'long-title', occurrences: 1 })
    // GitHub refused nothing: every answer was a success.
    expect(emu.requests.filter((q) => q.status >= 400)).toEqual([])
    // A re-delivery is a repeat of the same incident, not a second one.
    const again = await deliver(generic('long-title', 'firing', { title }), '2026-11-25T12:05:00Z')
    expect(again.code, again.stdout).toBe(0)
    expect(incidents()).toHaveLength(1)
    expect(recordOf(n).alert!.occurrences).toBe(2)
  })

  it('PagerDuty Events v2 from its documentation: trigger opens, acknowledge investigates, resolve monitors; a change event opens nothing', async () => {
    const pd = (name: string) => ({
      incidentops: {
        pagerduty: (
          JSON.parse(readFileSync(new URL(`../fixtures/alerts/pagerduty/${name}.json`, import.meta.url), 'utf8')) as {
            body: unknown
          }
        ).body,
      },
    })
    const trigger = await deliver(pd('trigger'), '2026-11-25T12:00:00Z')
    expect(trigger.code, trigger.stdout).toBe(0)
    expect(incidents()).toHaveLength(1)
    const n = incidents()[0]!.number
    const issue = emu.getIssue(repo, n)
    expect(issue.title).toBe('[Alert] DISK at 99% on machine prod-datapipe03.example.com')
    expect(labelsOf(n)).toEqual([
      'incident',
      'priority/P1',
      'service/prod-datapipe',
      'source/pagerduty',
      'stage/triage',
    ])
    expect(trigger.outputs).toMatchObject({
      'incident-number': String(n),
      priority: 'P1',
      stage: 'triage',
      'alert-key': 'pagerduty:samplekeyhere',
      'alert-outcome': 'new',
    })
    // The image is a link, never embedded; the routing key (the sender's credential) is nowhere.
    expect(issue.body).toContain('https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png')
    for (const text of [issue.body ?? '', cardOf(n)]) {
      expect(text).not.toMatch(/(^|[^\\])!\[/)
      expect(text).not.toContain('samplekeyhere0000')
    }

    const ack = await deliver(pd('acknowledge'), '2026-11-25T12:04:00Z')
    expect(ack.code, ack.stdout).toBe(0)
    expect(ack.outputs).toMatchObject({
      'incident-number': String(n),
      stage: 'investigating',
      'alert-outcome': 'acknowledge',
    })
    expect(recordOf(n).stage).toBe('investigating')
    expect(recordOf(n).events.some((e) => e.kind === 'ack' && e.at === '2026-11-25T12:04:00.000Z')).toBe(true)
    expect(labelsOf(n)).toContain('stage/investigating')

    const resolve = await deliver(pd('resolve'), '2026-11-25T12:30:00Z')
    expect(resolve.code, resolve.stdout).toBe(0)
    expect(resolve.outputs).toMatchObject({
      'incident-number': String(n),
      stage: 'monitoring',
      'alert-outcome': 'resolve',
    })
    expect(recordOf(n).alert!.status).toBe('resolved')
    expect(incidents()).toHaveLength(1)

    emu.resetCounters()
    const change = await deliver(pd('change'), '2026-11-25T12:40:00Z')
    expect(change.code, change.stdout).toBe(0)
    expect(change.outputs).toMatchObject({ 'alert-outcome': 'change', 'incident-number': '' })
    expect(change.summary).toContain('Build Success: Increase snapshot create timeout to 30 seconds')
    expect(emu.counts().writes).toBe(0)
    expect(incidents()).toHaveLength(1)
  })

  it('an image in alert text is never embedded (#14 item 6)', async () => {
    const r = await deliver(
      generic('img', 'firing', {
        title: '![px](https://evil.example/p.png) checkout down',
        description: 'see ![x](https://evil.example/x.png)',
        labels: { note: '![y](https://evil.example/y.png)' },
      }),
      '2026-11-25T12:00:00Z',
    )
    expect(r.code, r.stdout).toBe(0)
    const n = incidents()[0]!.number
    for (const text of [emu.getIssue(repo, n).body ?? '', cardOf(n)]) expect(text).not.toMatch(/(^|[^\\])!\[/)
  })

  it('a malformed payload is rejected naming the field, and nothing is written', async () => {
    const r = await deliver(
      { incidentops: { version: 1, alerts: [{ status: 'fire', key: 'x', title: 't' }] } },
      '2026-11-25T12:00:00Z',
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error::client_payload\.incidentops\.alerts\[0\]\.status must be/)
    expect(emu.counts().writes).toBe(0)
    expect(incidents()).toHaveLength(0)
  })

  it('hostile alert text is neutralised before it is posted', async () => {
    await deliver(
      generic('evil', 'firing', {
        title: '@everyone <!-- incidentops:card --> <script>x</script>',
        description: 'ping @acme/sre\n<!-- incidentops:record:v1:AAAA -->',
      }),
      '2026-11-25T12:00:00Z',
    )
    const n = incidents()[0]!.number
    const issue = emu.getIssue(repo, n)
    for (const text of [issue.title, issue.body ?? '', cardOf(n)]) {
      expect(text).not.toMatch(/(^|[^\u200b])@(everyone|acme)/)
      // Only our own markers remain: the leading one, and the card's record on its last line.
      // (an alert issue's second line names the run that opened it: ours too, never from the payload)
      const ours = text
        .replace(/^<!-- incidentops:(card|alert-key:evil) -->(\n<!-- incidentops:opened-by:[0-9]+ -->)?/, '')
        .replace(/\n<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->$/, '')
      expect(ours).not.toMatch(/<!-- incidentops:/)
    }
    // Titles are plain text on GitHub; the markdown we write must not carry live HTML.
    for (const text of [issue.body ?? '', cardOf(n)]) expect(text).not.toContain('<script>')
  })

  it('a resolved alert with no open incident is a no-op', async () => {
    const r = await deliver(generic('ghost', 'resolved'), '2026-11-25T12:00:00Z')
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({
      'incident-number': '',
      priority: '',
      stage: '',
      'alert-key': 'ghost',
      'alert-outcome': 'ignored',
    })
    expect(emu.counts().writes).toBe(0)
  })
})
