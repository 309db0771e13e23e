import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { decodeRecord } from '../../src/domain/record.js'
import { milestones } from '../../src/domain/milestones.js'
import { commentPayload, issuesPayload, runAction, snapshotRepo, type ActionRun } from './harness.js'

const OWNER = 'acme'
const COLUMNS = ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Resolved', 'Postmortem', 'Closed']
const CONFIG = [
  'project:',
  '  number: 1',
  '  priority_field: Priority',
  '  started_field: Started',
  '  resolved_field: Resolved',
  '  service_field: Service',
].join('\n')

let emu: Emulator
let repo = ''
let seq = 0
let projectNumber = 0
let projectToken = ''

const labelsOf = (n: number): string[] =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .sort()
const stageLabel = (n: number): string | undefined => labelsOf(n).find((l) => l.startsWith('stage/'))
const bot = (n: number) => emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const card = (n: number): string => bot(n).find((c) => c.body!.startsWith('<!-- incidentops:card -->'))!.body!
const record = (n: number) => decodeRecord(card(n))!
const column = (n: number): Record<string, string | null> | undefined =>
  emu.projectItems(OWNER, projectNumber).find((i) => i.issue.repo === repo && i.issue.number === n)?.fields

function body(impact = 'Major degradation'): string {
  return renderIssueForm(
    {
      summary: 'Search returns errors',
      impact,
      users_affected: 'Many users (10–49%)',
      services: 'search',
      exposure: [],
      detection: 'Customer report',
    },
    INCIDENT_FORM,
  )
}

/** Every event of a scenario, kept so the whole scenario can be replayed. */
let delivered: { event: string; payload: unknown }[] = []

async function run(event: string, payload: unknown, inputs: Record<string, string> = {}): Promise<ActionRun> {
  delivered.push({ event, payload })
  const r = await runAction({ emu, repo, event, payload, inputs: { 'project-token': projectToken, ...inputs } })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function open(impact?: string): Promise<number> {
  emu.clock.set('2026-11-25T14:00:00Z')
  const n = emu.createIssue(repo, {
    title: '[Incident]: Search is failing',
    body: body(impact),
    labels: ['incident'],
    user: 'alice',
  }).number
  await run('issues', issuesPayload(emu, repo, n, 'opened', 'alice'))
  return n
}

async function say(n: number, user: string, text: string, at?: string): Promise<{ run: ActionRun; requests: number }> {
  if (at) emu.clock.set(at)
  const c = emu.createComment(repo, n, { body: text, user })
  emu.resetCounters()
  const r = await run('issue_comment', commentPayload(emu, repo, n, c))
  return { run: r, requests: emu.counts().total }
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'bob', 'mallory', 'reader', 'triager']) emu.addUser(u)
  projectToken = emu.addUser('board-bot').token
})
afterAll(async () => emu?.close())

beforeEach(() => {
  repo = `${OWNER}/app-${++seq}`
  projectNumber = seq
  emu.addRepo(repo, {
    collaborators: { alice: 'write', bob: 'maintain', reader: 'read', triager: 'triage' },
    files: { '.github/incidents.yml': CONFIG.replace('number: 1', `number: ${projectNumber}`) },
  })
  emu.createIssue(repo, { title: 'seed', user: 'alice', labels: [] })
  emu.addLabelsAs(repo, 1, ['incident'], 'alice')
  emu.addProject(OWNER, {
    number: projectNumber,
    title: 'Incidents',
    fields: [
      { name: 'Status', dataType: 'SINGLE_SELECT', options: [...COLUMNS, 'Done'] },
      { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P1', 'P2', 'P3', 'P4'] },
      { name: 'Started', dataType: 'DATE' },
      { name: 'Resolved', dataType: 'DATE' },
      { name: 'Service', dataType: 'TEXT' },
    ],
  })
  delivered = []
})

describe('the lifecycle by commands, with the board', () => {
  it('drives an incident through every stage, checking labels, card and board after each step', async () => {
    const n = await open()
    expect(stageLabel(n)).toBe('stage/triage')
    expect(column(n)).toEqual({
      Status: 'Triage',
      Priority: 'P2',
      Started: '2026-11-25',
      Resolved: null,
      Service: 'search',
    })

    const ack = await say(n, 'alice', '/ack', '2026-11-25T14:12:00Z')
    expect(stageLabel(n)).toBe('stage/investigating')
    expect(emu.getIssue(repo, n).assignees!.map((a) => a.login)).toEqual(['alice'])
    expect(record(n)).toMatchObject({ stage: 'investigating', commander: 'alice' })
    expect(card(n)).toContain('P2 incident · Investigating')
    expect(column(n)!.Status).toBe('Investigating')
    // Target: at most 5 requests per command, board included. Read + role + board write + card + one PATCH.
    expect(ack.requests, JSON.stringify(emu.counts().byRoute)).toBe(5)

    const fix = await say(
      n,
      'alice',
      'Found it.\n/fixing\n/update rolling back the 14:00 deploy',
      '2026-11-25T14:20:00Z',
    )
    expect(stageLabel(n)).toBe('stage/fixing')
    expect(column(n)!.Status).toBe('Fixing')
    expect(card(n)).toContain('Update: rolling back the 14:00 deploy')
    expect(fix.requests).toBeLessThanOrEqual(5)

    await say(n, 'bob', '/monitoring', '2026-11-25T14:35:00Z')
    expect(stageLabel(n)).toBe('stage/monitoring')
    expect(column(n)!.Status).toBe('Monitoring')

    await say(n, 'triager', '/note error rate back to baseline', '2026-11-25T14:50:00Z')
    const resolve = await say(n, 'alice', '/resolve', '2026-11-25T15:05:00Z')
    // A P2 needs a postmortem: written at once, the incident waits in Postmortem (closed on GitHub).
    const pm = emu.listIssues(repo).find((i) => i.title.startsWith('Postmortem:'))!
    expect(stageLabel(n)).toBe('stage/postmortem')
    expect(emu.getIssue(repo, n)).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(column(n)).toMatchObject({ Status: 'Postmortem', Resolved: '2026-11-25' })
    // The postmortem is on the board too, in the Postmortem column, with the incident's priority.
    expect(column(pm.number)).toEqual({
      Status: 'Postmortem',
      Priority: 'P2',
      Started: null,
      Resolved: null,
      Service: null,
    })
    // + the postmortem (search, create, add to the board, set its column) and the board re-read
    // after a close (GitHub's own workflows race).
    expect(resolve.requests, JSON.stringify(emu.counts().byRoute)).toBe(11)

    let r = record(n)
    expect(r.events.map((e) => `${e.kind}:${e.to ?? e.text ?? ''}`)).toEqual([
      'declared:P2',
      'ack:',
      'stage:investigating',
      'stage:fixing',
      'update:rolling back the 14:00 deploy',
      'stage:monitoring',
      'note:error rate back to baseline',
      'stage:resolved',
      `postmortem:#${pm.number}`,
      'stage:postmortem',
    ])

    // The postmortem is written and closed: the incident reaches its last stage, Closed.
    emu.clock.set('2026-11-26T10:00:00Z')
    emu.editIssue(repo, pm.number, { state: 'closed', state_reason: 'completed' }, 'alice')
    await run('issues', issuesPayload(emu, repo, pm.number, 'closed', 'alice'))
    expect(stageLabel(n)).toBe('stage/closed')
    expect(column(n)!.Status).toBe('Closed')
    expect(column(pm.number)).toMatchObject({ Status: 'Closed', Priority: 'P2' })
    r = record(n)
    expect(r.events.slice(-2).map((e) => `${e.kind}:${e.to ?? e.text ?? ''}`)).toEqual([
      'postmortem:done',
      'stage:closed',
    ])
    expect(milestones(r)).toMatchObject({
      acknowledgedAt: '2026-11-25T14:12:00Z',
      mitigatedAt: '2026-11-25T14:35:00Z',
      resolvedAt: '2026-11-25T15:05:00Z',
      closedAt: '2026-11-26T10:00:00Z',
    })
    // The timeline in the card names who did what, without pinging them.
    expect(card(n)).toMatch(/\| 14:35 UTC \| Stage Fixing → \*\*Monitoring\*\* \(command\) \| @\u200bbob \|/)

    // Replaying every event of the scenario three times changes nothing.
    const end = snapshotRepo(emu, repo)
    const board = emu.projectItems(OWNER, projectNumber)
    emu.resetCounters()
    for (let i = 0; i < 3; i++)
      for (const d of delivered)
        await runAction({ emu, repo, event: d.event, payload: d.payload, inputs: { 'project-token': projectToken } })
    expect(snapshotRepo(emu, repo)).toEqual(end)
    expect(emu.projectItems(OWNER, projectNumber)).toEqual(board)
    expect(emu.counts().writes).toBe(0)
  })

  it('several commands in one comment run in order; commands in code blocks and quotes do not run', async () => {
    const n = await open()
    await say(
      n,
      'alice',
      '> /dismiss quoted\n```\n/resolve\n```\n/ack\n/priority P1 checkout is affected too\n/commander @bob',
    )
    expect(record(n)).toMatchObject({
      stage: 'investigating',
      priority: 'P1',
      prioritySource: 'human',
      commander: 'bob',
    })
    expect(labelsOf(n)).toContain('priority/P1')
    expect(column(n)).toMatchObject({ Status: 'Investigating', Priority: 'P1' })
    expect(emu.getIssue(repo, n).state).toBe('open')
  })

  it('an invalid transition gets a short reply listing the allowed ones', async () => {
    const n = await open()
    await say(n, 'alice', '/stage postmortem')
    expect(record(n).stage).toBe('triage')
    const reply = bot(n).find((c) => c.body!.includes('incidentops:reply'))!
    expect(reply.body).toContain(
      'cannot move from triage to postmortem; from triage the incident can go to investigating, fixing, monitoring, resolved.',
    )
    await say(n, 'alice', '/stage nonsense')
    expect(
      bot(n)
        .filter((c) => c.body!.includes('incidentops:reply'))
        .at(-1)!.body,
    ).toContain('unknown stage')
  })

  it('/dismiss closes a false alarm as not planned', async () => {
    const n = await open()
    await say(n, 'alice', '/dismiss the monitor was misconfigured')
    expect(emu.getIssue(repo, n)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect(stageLabel(n)).toBe('stage/closed')
    expect(milestones(record(n)).dismissed).toBe(true)
    expect(column(n)!.Status).toBe('Closed')
  })

  it('/help answers once per comment', async () => {
    const n = await open()
    const c = emu.createComment(repo, n, { body: '/help', user: 'triager' })
    await run('issue_comment', commentPayload(emu, repo, n, c))
    await run('issue_comment', commentPayload(emu, repo, n, c))
    const help = bot(n).filter((x) => x.body!.includes('incidentops:help'))
    expect(help).toHaveLength(1)
    expect(help[0]!.body).toContain('`/ack`')
  })
})

describe('/summary', () => {
  it('replies once with the incident in one paragraph, as of the comment, pinging nobody', async () => {
    const n = await open()
    await say(n, 'alice', '/ack', '2026-11-25T14:10:00Z')
    await say(n, 'alice', '/update rollback deployed, @bob is watching the error rate', '2026-11-25T14:20:00Z')
    emu.clock.set('2026-11-25T14:30:00Z')
    const c = emu.createComment(repo, n, { body: '/summary', user: 'triager' })
    const before = record(n)
    await run('issue_comment', commentPayload(emu, repo, n, c))
    await run('issue_comment', commentPayload(emu, repo, n, c))
    const replies = bot(n).filter((x) => x.body!.includes('incidentops:summary'))
    expect(replies).toHaveLength(1)
    const text = replies[0]!.body!.split('\n').slice(1).join('\n')
    expect(text).toContain(`**${before.priority}** (`)
    expect(text).toContain('investigating for 20m; ')
    expect(text).toContain('started 2026-11-25 14:00 UTC, 30m ago.')
    expect(text).toContain('Commander: `alice`.')
    expect(text).toContain(
      'Latest update (2026-11-25 14:20 UTC, `alice`): rollback deployed, @\u200bbob is watching the error rate. Next update due by 2026-11-25 15:20 UTC.',
    )
    expect(text).not.toMatch(/@bob/)
    // Read-only: the record gains only the processed comment.
    const after = record(n)
    expect(after.events).toEqual(before.events)
    expect(after.stage).toBe(before.stage)
  })
})

describe('runs GitHub dropped', () => {
  it('a command whose run was cancelled in the concurrency queue is run by the next comment run', async () => {
    const n = await open()
    emu.clock.set('2026-11-25T14:10:00Z')
    emu.createComment(repo, n, { body: '/ack', user: 'alice' }) // its run never happens
    emu.clock.set('2026-11-25T14:11:00Z')
    emu.createComment(repo, n, { body: 'Nice weather for an outage.', user: 'bob' }) // no command: nothing to catch
    await say(n, 'bob', '/fixing', '2026-11-25T14:12:00Z')
    const r = record(n)
    expect(r).toMatchObject({ stage: 'fixing', commander: 'alice' })
    expect(r.events.slice(1).map((e) => `${e.kind}:${e.to ?? ''}:${e.actor}`)).toEqual([
      'ack::alice',
      'stage:investigating:alice',
      'stage:fixing:bob',
    ])
  })
})

describe('access', () => {
  it('commands from outsiders and read-only users change nothing and get one reply each', async () => {
    const n = await open()
    const before = record(n)
    const labels = labelsOf(n)
    const ids: number[] = []
    for (const user of ['mallory', 'reader', 'mallory']) {
      await say(n, user, '/ack\n/resolve')
      ids.push(
        Number(
          emu
            .listComments(repo, n)
            .filter((c) => c.user?.login === user)
            .at(-1)!.id,
        ),
      )
    }
    // Nothing changes but the list of handled comments: a refused command is recorded, so it never
    // runs later once its author is given access (issue #14).
    expect({ ...record(n), processed: before.processed }).toEqual(before)
    expect(record(n).processed).toEqual([...(before.processed ?? []), ...ids])
    expect(labelsOf(n)).toEqual(labels)
    expect(emu.getIssue(repo, n).state).toBe('open')
    const denials = bot(n).filter((c) => c.body!.includes('incidentops:denied'))
    expect(denials.map((c) => c.body!.split('\n')[0])).toEqual([
      '<!-- incidentops:denied:mallory -->',
      '<!-- incidentops:denied:reader -->',
    ])
    expect(denials[0]!.body).toContain('need the triage or write role')
  })

  it('a triage role may run commands', async () => {
    const n = await open()
    await say(n, 'triager', '/ack')
    expect(record(n)).toMatchObject({ stage: 'investigating', commander: 'triager' })
  })

  it('an edited comment is not executed again, and our own comments never trigger us', async () => {
    const n = await open()
    const c = emu.createComment(repo, n, { body: '/ack', user: 'alice' })
    await run('issue_comment', commentPayload(emu, repo, n, c))
    const edited = commentPayload(emu, repo, n, c)
    edited.action = 'edited'
    ;(edited.comment as { body: string }).body = '/resolve'
    const r = await run('issue_comment', edited)
    expect(r.stdout).toContain('only new comments run commands')
    const own = emu.createComment(repo, n, { body: '<!-- incidentops:reply:1 -->\n/resolve', user: 'alice' })
    emu.resetCounters()
    const r2 = await run('issue_comment', commentPayload(emu, repo, n, own))
    expect(r2.stdout).toContain('written by IncidentOps itself')
    expect(emu.counts().total).toBe(0)
    expect(record(n).stage).toBe('investigating')
  })
})

describe('the lifecycle by labels and by close/reopen', () => {
  it('a stage label set by hand moves the incident; closing resolves it; reopening brings it back', async () => {
    const n = await open('Minor degradation') // P3: postmortem optional, so resolving closes it
    emu.clock.set('2026-11-25T14:30:00Z')
    emu.addLabelsAs(repo, n, ['stage/fixing'], 'bob')
    await run('issues', issuesPayload(emu, repo, n, 'labeled', 'bob', { label: { name: 'stage/fixing' } }))
    expect(labelsOf(n).filter((l) => l.startsWith('stage/'))).toEqual(['stage/fixing'])
    expect(column(n)!.Status).toBe('Fixing')
    expect(record(n).events.at(-1)).toMatchObject({
      kind: 'stage',
      from: 'triage',
      to: 'fixing',
      via: 'label',
      actor: 'bob',
    })

    emu.clock.set('2026-11-25T15:00:00Z')
    emu.editIssue(repo, n, { state: 'closed', state_reason: 'completed' }, 'bob')
    await run('issues', issuesPayload(emu, repo, n, 'closed', 'bob'))
    expect(stageLabel(n)).toBe('stage/closed')
    expect(
      record(n)
        .events.slice(-2)
        .map((e) => e.to),
    ).toEqual(['resolved', 'closed'])
    expect(column(n)).toMatchObject({ Status: 'Closed', Resolved: '2026-11-25' })

    emu.clock.set('2026-11-25T16:00:00Z')
    emu.editIssue(repo, n, { state: 'open' }, 'alice')
    await run('issues', issuesPayload(emu, repo, n, 'reopened', 'alice'))
    expect(stageLabel(n)).toBe('stage/investigating')
    expect(record(n).events.at(-1)).toMatchObject({ kind: 'stage', from: 'closed', to: 'investigating', via: 'reopen' })
    expect(column(n)).toMatchObject({ Status: 'Investigating', Resolved: null })
    expect(milestones(record(n)).resolvedAt).toBeNull()

    const end = snapshotRepo(emu, repo)
    for (let i = 0; i < 3; i++)
      for (const d of delivered)
        await runAction({ emu, repo, event: d.event, payload: d.payload, inputs: { 'project-token': projectToken } })
    expect(snapshotRepo(emu, repo)).toEqual(end)
  })

  it('a stale redelivery of a label event (the label was removed since) does nothing', async () => {
    const n = await open()
    emu.addLabelsAs(repo, n, ['priority/P4'], 'bob')
    const stale = issuesPayload(emu, repo, n, 'labeled', 'bob', { label: { name: 'priority/P4' } })
    emu.editIssue(repo, n, { labels: labelsOf(n).filter((l) => l !== 'priority/P4') }, 'bob')
    await run('issues', stale)
    expect(record(n).priority).toBe('P2')
    expect(labelsOf(n)).toContain('priority/P2')
  })
})

describe('board set-up problems', () => {
  it('without a project token the board is skipped with a warning saying how to set it up, and everything else is done', async () => {
    emu.clock.set('2026-11-25T14:00:00Z')
    const n = emu.createIssue(repo, { title: 'x', body: body(), labels: ['incident'], user: 'alice' }).number
    const r = await runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('::warning::The config has a `project`, but the `project-token` input is empty')
    expect(stageLabel(n)).toBe('stage/triage')
    expect(column(n)).toBeUndefined()
  })

  it('a missing column fails the run naming it and the existing ones, after everything else was done', async () => {
    emu.setFile(
      repo,
      '.github/incidents.yml',
      `${CONFIG.replace('number: 1', `number: ${projectNumber}`)}\nstages:\n  triage: { column: New }\n`,
    )
    emu.clock.set('2026-11-25T14:00:00Z')
    const n = emu.createIssue(repo, { title: 'x', body: body(), labels: ['incident'], user: 'alice' }).number
    const r = await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      inputs: { 'project-token': projectToken },
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('the field \\"Status\\" has no option \\"New\\"'.replace(/\\/g, ''))
    expect(r.stdout).toContain('options: Triage, Investigating, Fixing, Monitoring, Resolved, Postmortem, Closed, Done')
    expect(stageLabel(n)).toBe('stage/triage')
    expect(bot(n)).toHaveLength(1)
    expect(column(n)).toMatchObject({ Priority: 'P2', Status: null })
  })
})
