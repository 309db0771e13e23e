import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { commentPayload, issuesPayload, runAction, snapshotRepo, type ActionRun } from './harness.js'

let emu: Emulator
let repo = ''
let seq = 0
let delivered: { event: string; payload: unknown }[] = []

const labels = (n: number) => emu.getIssue(repo, n).labels.map((l) => (typeof l === 'string' ? l : l.name!))
const record = (n: number) =>
  decodeRecord(
    emu.listComments(repo, n).find((c) => c.user?.login === 'github-actions[bot]' && c.body!.startsWith(CARD_MARKER))!
      .body!,
  )!
const withLabel = (l: string) => emu.listIssues(repo).filter((i) => labels(i.number).includes(l))

async function run(event: string, payload: unknown, time: string): Promise<ActionRun> {
  emu.clock.set(time)
  delivered.push({ event, payload })
  const r = await runAction({ emu, repo, event, payload })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function open(impact: string, time: string): Promise<number> {
  emu.clock.set(time)
  const body = renderIssueForm(
    {
      summary: 'Search is slow',
      impact,
      users_affected: 'Many users (10–49%)',
      services: 'search',
      exposure: [],
      detection: 'Customer report',
    },
    INCIDENT_FORM,
  )
  const n = emu.createIssue(repo, {
    title: '[Incident]: Search is slow',
    body,
    labels: ['incident'],
    user: 'alice',
  }).number
  await run('issues', issuesPayload(emu, repo, n, 'opened', 'alice'), time)
  return n
}

async function say(n: number, text: string, time: string): Promise<void> {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user: 'alice' })
  await run('issue_comment', commentPayload(emu, repo, n, c), time)
}

async function closeByPerson(n: number, time: string): Promise<void> {
  emu.clock.set(time)
  emu.editIssue(repo, n, { state: 'closed', state_reason: 'completed' }, 'bob')
  await run('issues', issuesPayload(emu, repo, n, 'closed', 'bob'), time)
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  emu.addUser('bob')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/pm-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write', bob: 'write' } })
  delivered = []
})

describe('postmortems', () => {
  it('a P2 resolved by command gets exactly one postmortem with its timeline and durations; follow-ups are tracked; closing it closes the incident', async () => {
    const n = await open('Major degradation', '2026-11-25T14:00:00Z')
    await say(n, '/ack', '2026-11-25T14:10:00Z')
    await say(n, '/update found a slow query', '2026-11-25T14:20:00Z')
    await say(n, '/monitoring', '2026-11-25T14:40:00Z')
    await say(n, '/followup Add an index on orders.created_at', '2026-11-25T14:45:00Z')
    const followups = withLabel('incident-followup')
    expect(followups).toHaveLength(1)
    const f = followups[0]!.number
    expect(emu.getIssue(repo, f).body).toContain(`Follow-up from incident #${n}`)

    // /resolve posted at 15:30; its run starts two minutes later (runners queue): the resolution is
    // the comment's time, what that run does (open the postmortem) is the run's time.
    emu.clock.set('2026-11-25T15:30:00Z')
    const resolveComment = emu.createComment(repo, n, { body: '/resolve', user: 'alice' })
    await run('issue_comment', commentPayload(emu, repo, n, resolveComment), '2026-11-25T15:32:00Z')
    const pms = withLabel('postmortem')
    expect(pms).toHaveLength(1)
    const pm = pms[0]!
    expect(pm.title).toBe('Postmortem: Search is slow')
    expect(pm.assignees!.map((a) => a.login)).toEqual(['alice'])
    expect(record(n)).toMatchObject({ stage: 'postmortem', postmortem: { issue: pm.number, done: false } })
    expect(labels(n)).toContain('stage/postmortem')
    expect(emu.getIssue(repo, n).state).toBe('closed')

    const body = pm.body!
    // Durations, computed here by hand: acknowledged 10m after the report, mitigated 40m and resolved 1h 30m after the start.
    expect(body).toContain('time to acknowledge: 10m')
    expect(body).toContain('time to mitigate: 40m')
    expect(body).toContain('time to resolve: 1h 30m')
    // The timeline lists the recorded events in order.
    const timeline = body.slice(body.indexOf('## Timeline'), body.indexOf('## Participants'))
    const order = ['Declared', 'Acknowledged', 'found a slow query', 'Monitoring', 'Resolved'].map((s) =>
      timeline.indexOf(s),
    )
    expect(order.every((i) => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(body).toContain(`- [ ] #${f}`)
    // Each event carries the time it happened, GitHub's clock for the run that did it (not the
    // issue's last update, which is the previous change), and the record's timeline is in order.
    const events = record(n).events
    const when = (e: { at: string } | undefined) => new Date(e!.at).toISOString()
    expect(when(events.find((e) => e.kind === 'followup' && e.to === `#${f}`))).toBe('2026-11-25T14:45:00.000Z')
    expect(when(events.find((e) => e.kind === 'stage' && e.to === 'resolved'))).toBe('2026-11-25T15:30:00.000Z')
    expect(when(events.find((e) => e.kind === 'postmortem' && e.to === `#${pm.number}`))).toBe(
      '2026-11-25T15:32:00.000Z',
    )
    expect(when(events.find((e) => e.kind === 'stage' && e.to === 'postmortem'))).toBe('2026-11-25T15:32:00.000Z')
    const times = events.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The card's timeline too: its rows in time order, the postmortem after the resolution.
    const card = emu.listComments(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!
    const rows = card
      .slice(card.indexOf('#### Timeline'))
      .split('\n')
      .filter((l) => /^\| \d/.test(l))
    const rowTimes = rows.map((l) => l.split('|')[1]!.trim())
    expect(rowTimes).toEqual([...rowTimes].sort())
    expect(rows.findIndex((l) => l.includes('Postmortem #'))).toBeGreaterThan(
      rows.findIndex((l) => l.includes('Resolved')),
    )
    expect(rows.find((l) => l.includes('Postmortem #'))).toContain('15:32')

    // Closing the follow-up updates the postmortem's list (and only that part of its body).
    await closeByPerson(f, '2026-11-26T09:00:00Z')
    expect(emu.getIssue(repo, pm.number).body).toContain(`- [x] #${f}`)
    expect(record(n).followups).toEqual([{ number: f, title: 'Add an index on orders.created_at', state: 'closed' }])

    // Closing the postmortem: the incident is Closed.
    await closeByPerson(pm.number, '2026-11-27T10:00:00Z')
    expect(record(n).stage).toBe('closed')
    expect(labels(n)).toContain('stage/closed')

    // Replays never make a second postmortem or follow-up.
    const end = snapshotRepo(emu, repo)
    for (let i = 0; i < 2; i++)
      for (const d of delivered) await runAction({ emu, repo, event: d.event, payload: d.payload })
    expect(snapshotRepo(emu, repo)).toEqual(end)
    expect(withLabel('postmortem')).toHaveLength(1)
  })

  it('a P4 gets none; /postmortem forces one on an optional P3', async () => {
    const p4 = await open('No customer impact', '2026-11-25T14:00:00Z')
    await say(p4, '/resolve', '2026-11-25T14:30:00Z')
    expect(record(p4).stage).toBe('closed')
    expect(withLabel('postmortem')).toHaveLength(0)

    const p3 = await open('Minor degradation', '2026-11-25T15:00:00Z')
    await say(p3, '/resolve', '2026-11-25T15:30:00Z')
    expect(record(p3).stage).toBe('closed')
    await say(p3, '/postmortem', '2026-11-25T16:00:00Z')
    expect(withLabel('postmortem')).toHaveLength(1)
    expect(record(p3).stage).toBe('postmortem')
  })

  it('as a comment (postmortem.as: comment): one comment with the timeline, follow-ups kept current, done on /postmortem done', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'postmortem:\n  as: comment\n')
    const pmComments = (n: number) =>
      emu
        .listComments(repo, n)
        .filter(
          (c) => c.user?.login === 'github-actions[bot]' && c.body!.startsWith(`<!-- incidentops:postmortem:${n} -->`),
        )
    const n = await open('Major degradation', '2026-11-25T14:00:00Z')
    await say(n, '/ack', '2026-11-25T14:10:00Z')
    await say(n, '/followup Alert on slow queries', '2026-11-25T14:45:00Z')
    const f = withLabel('incident-followup')[0]!.number
    // Before the postmortem exists, /postmortem done says what to do and changes nothing.
    await say(n, '/postmortem done', '2026-11-25T14:50:00Z')
    expect(emu.listComments(repo, n).at(-1)!.body).toContain('there is no postmortem yet')
    await say(n, '/resolve', '2026-11-25T15:30:00Z')

    expect(withLabel('postmortem')).toHaveLength(0)
    expect(pmComments(n)).toHaveLength(1)
    const body = pmComments(n)[0]!.body!
    expect(body).toContain('time to acknowledge: 10m')
    expect(body).toContain('time to resolve: 1h 30m')
    expect(body).toContain(`- [ ] #${f}`)
    expect(record(n)).toMatchObject({ stage: 'postmortem', postmortem: { issue: null, comment: true, done: false } })
    expect(labels(n)).toContain('stage/postmortem')
    expect(emu.getIssue(repo, n).state).toBe('closed')
    const cardBody = emu.listComments(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!
    expect(cardBody).toContain('| **Postmortem** | in a comment below: fill it in, then comment `/postmortem done` |')

    // Closing the follow-up ticks it in the postmortem comment.
    await closeByPerson(f, '2026-11-26T09:00:00Z')
    expect(pmComments(n)[0]!.body).toContain(`- [x] #${f}`)

    // Done: the incident is Closed.
    await say(n, '/postmortem done', '2026-11-27T10:00:00Z')
    expect(record(n).stage).toBe('closed')
    expect(record(n).postmortem).toMatchObject({ comment: true, done: true })
    expect(labels(n)).toContain('stage/closed')
    expect(
      record(n)
        .events.slice(-2)
        .map((e) => `${e.kind}:${e.to ?? e.text ?? ''}`),
    ).toEqual(['postmortem:done', 'stage:closed'])

    // Replays write nothing: still one postmortem comment.
    const end = snapshotRepo(emu, repo)
    for (let i = 0; i < 2; i++)
      for (const d of delivered) await runAction({ emu, repo, event: d.event, payload: d.payload })
    expect(snapshotRepo(emu, repo)).toEqual(end)
    expect(pmComments(n)).toHaveLength(1)
  })

  it('as a pull request (postmortem.as: pull_request): one file in one pull request; follow-ups in its description; merged → Closed; a forged one does nothing', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'postmortem:\n  as: pull_request\n')
    const n = await open('Major degradation', '2026-11-25T14:00:00Z')
    await say(n, '/ack', '2026-11-25T14:10:00Z')
    await say(n, '/followup Alert on slow queries', '2026-11-25T14:45:00Z')
    const f = withLabel('incident-followup')[0]!.number
    emu.resetCounters()
    await say(n, '/resolve', '2026-11-25T15:30:00Z')
    // Opening it: the branch's pull request (none), the default branch, its head, the branch, the file, the pull request.
    const opening = Object.entries(emu.counts().byRoute).filter(([r]) =>
      /\/pulls|\/git\/|\/contents\/|^GET \/repos\/\{owner\}\/\{repo\}$/.test(r),
    )
    expect(
      opening.reduce((a, [, c]) => a + c, 0),
      JSON.stringify(opening),
    ).toBe(6)

    const pulls = emu.listPulls(repo)
    expect(pulls).toHaveLength(1)
    const pr = pulls[0]!
    const branch = `incidentops/postmortem-${n}`
    const path = `docs/postmortems/2026-11-25-incident-${n}.md`
    expect(pr).toMatchObject({
      title: 'Postmortem: Search is slow',
      state: 'open',
      head: { ref: branch },
      base: { ref: 'main' },
    })
    expect(pr.body).toContain(`<!-- incidentops:postmortem:${n} -->`)
    expect(pr.body).toContain(`- [ ] #${f}`)
    const file = emu.getFile(repo, path, branch)!
    expect(file).toContain('time to acknowledge: 10m')
    expect(file).toContain('time to resolve: 1h 30m')
    expect(emu.getFile(repo, path)).toBeUndefined()
    expect(withLabel('postmortem')).toHaveLength(0)
    expect(record(n)).toMatchObject({ stage: 'postmortem', postmortem: { issue: null, pr: pr.number, done: false } })
    expect(labels(n)).toContain('stage/postmortem')
    const cardBody = emu.listComments(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!
    expect(cardBody).toContain(`| **Postmortem** | #${pr.number} (pull request: merge it when it is done) |`)

    // Closing the follow-up ticks it in the pull request's description.
    await closeByPerson(f, '2026-11-26T09:00:00Z')
    expect(emu.getPull(repo, pr.number)!.body).toContain(`- [x] #${f}`)

    const prPayload = (number: number, body: string, sender: string) => ({
      action: 'closed',
      number,
      pull_request: { ...emu.getPull(repo, pr.number), number, body, merged: true, merged_at: '2026-11-27T09:00:00Z' },
      repository: { full_name: repo, name: repo.split('/')[1], owner: { login: repo.split('/')[0] } },
      sender: { login: sender, type: 'User' },
    })
    // Someone else's merged pull request with our marker: the record does not name it, nothing happens.
    const forged = await run('pull_request', prPayload(pr.number + 100, pr.body!, 'bob'), '2026-11-27T09:00:00Z')
    expect(forged.stdout).toContain(`is not the postmortem of #${n}`)
    expect(record(n).stage).toBe('postmortem')

    // Merged: the file is on the default branch and the incident is Closed.
    emu.clock.set('2026-11-27T10:00:00Z')
    emu.mergePull(repo, pr.number, 'alice')
    expect(emu.getFile(repo, path)).toBe(file)
    await run(
      'pull_request',
      {
        action: 'closed',
        number: pr.number,
        pull_request: emu.getPull(repo, pr.number),
        repository: { full_name: repo },
        sender: { login: 'alice', type: 'User' },
      },
      '2026-11-27T10:00:00Z',
    )
    expect(record(n).stage).toBe('closed')
    expect(record(n).postmortem).toMatchObject({ pr: pr.number, done: true })
    expect(labels(n)).toContain('stage/closed')
    expect(
      record(n)
        .events.slice(-2)
        .map((e) => `${e.kind}:${e.to ?? e.text ?? ''}@${e.at}`),
    ).toEqual(['postmortem:done@2026-11-27T10:00:00Z', 'stage:closed@2026-11-27T10:00:00Z'])

    // Replays write nothing: still one pull request.
    const end = snapshotRepo(emu, repo)
    for (let i = 0; i < 2; i++)
      for (const d of delivered) await runAction({ emu, repo, event: d.event, payload: d.payload })
    expect(snapshotRepo(emu, repo)).toEqual(end)
    expect(emu.listPulls(repo)).toHaveLength(1)
  })

  it('/postmortem done on a postmortem issue points at the issue to close', async () => {
    const n = await open('Major degradation', '2026-11-25T14:00:00Z')
    await say(n, '/resolve', '2026-11-25T14:30:00Z')
    const pm = withLabel('postmortem')[0]!.number
    await say(n, '/postmortem done', '2026-11-25T14:40:00Z')
    expect(emu.listComments(repo, n).at(-1)!.body).toContain(`the postmortem is #${pm}; close it when it is done`)
    expect(record(n).stage).toBe('postmortem')
  })

  it('a custom template renders, and one with an unknown placeholder fails with its line', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'postmortem:\n  template: .github/postmortem.md\n')
    emu.setFile(
      repo,
      '.github/postmortem.md',
      '# PM for #{{number}} ({{priority}})\n\nStarted {{started}}\n\n{{timeline}}\n',
    )
    const n = await open('Major degradation', '2026-11-25T14:00:00Z')
    await say(n, '/resolve', '2026-11-25T14:30:00Z')
    const pm = withLabel('postmortem')[0]!
    expect(pm.body).toContain(`# PM for #${n} (P2)`)

    emu.setFile(repo, '.github/postmortem.md', '# PM\n\nOwner: {{owner}}\n')
    const m = await open('Major degradation', '2026-11-25T15:00:00Z')
    emu.clock.set('2026-11-25T15:30:00Z')
    const c = emu.createComment(repo, m, { body: '/resolve', user: 'alice' })
    const r = await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, m, c) })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/\.github\/postmortem\.md:3:8: .*owner/)
  })
})
