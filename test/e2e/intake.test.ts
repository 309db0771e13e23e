import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { decodeRecord } from '../../src/domain/record.js'
import { commentPayload, issuesPayload, runAction, snapshotRepo, example } from './harness.js'

const REPO = 'acme/shop'
let emu: Emulator
let repoSeq = 0
let repo = REPO

const labelsOf = (n: number): string[] =>
  emu
    .getIssue(repo, n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .sort()
const botComments = (n: number) => emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')

function formBody(overrides: Record<string, string | string[] | null> = {}): string {
  return renderIssueForm(
    {
      summary: 'Checkout returns HTTP 502 for every card payment. cc @cto',
      started_at: '2026-11-25 13:50 UTC',
      impact: 'Full outage',
      users_affected: 'All users (100%)',
      services: 'checkout, api',
      exposure: [],
      detection: 'Monitoring alert',
      links: null,
      ...overrides,
    },
    INCIDENT_FORM,
  )
}

/** A person opens an issue from the form; the `incident` label exists (the form needs it to apply it). */
function openIncident(body = formBody(), title = '[Incident]: Checkout is down'): number {
  return emu.createIssue(repo, { title, body, labels: ['incident'], user: 'alice' }).number
}

async function deliver(action: string, n: number, sender = 'alice', extra: Record<string, unknown> = {}) {
  return runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, action, sender, extra) })
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  emu.addUser('mallory')
})
afterAll(async () => emu?.close())

beforeEach(() => {
  // A fresh repository per test: only the `incident` label, as after copying the form.
  repo = `acme/shop-${++repoSeq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  emu.createIssue(repo, { title: 'seed', user: 'alice' }) // issue #1 is an ordinary issue
  emu.addLabelsAs(repo, 1, ['incident'], 'alice')
  emu.editIssue(repo, 1, { labels: [] }, 'alice')
  emu.resetCounters()
})

describe('intake from the issue form', () => {
  it('turns a form issue into a classified incident with labels and card in at most 6 requests', async () => {
    const n = openIncident()
    const run = await deliver('opened', n)
    expect(run.code, run.stdout + run.stderr).toBe(0)

    expect(labelsOf(n)).toEqual(['incident', 'priority/P1', 'service/api', 'service/checkout', 'stage/triage'])
    const repoLabels = Object.fromEntries(emu.listLabels(repo).map((l) => [l.name, l]))
    expect(repoLabels['priority/P1']).toMatchObject({ color: 'b60205' })
    expect(repoLabels['priority/P1']!.description).toMatch(/Crisis/)
    expect(repoLabels['stage/triage']).toMatchObject({ color: '1d76db' })

    const cards = botComments(n)
    expect(cards).toHaveLength(1)
    const card = cards[0]!.body!
    expect(card.startsWith('<!-- incidentops:card -->')).toBe(true)
    expect(card).toContain('P1 incident · Triage')
    expect(card).toContain('rule “full outage” matched')
    expect(card).toContain('2026-11-25 13:50 UTC') // started, from the form
    expect(card).toContain('#### Crisis communication')
    expect(card).toContain('- [ ] Status page updated')
    // The quoted summary must not ping @cto.
    expect(card).toContain('@\u200bcto')
    expect(card).not.toMatch(/(^|[^\u200b])@cto/)

    const record = decodeRecord(card)!
    expect(record).toMatchObject({
      number: n,
      priority: 'P1',
      prioritySource: 'rules',
      stage: 'triage',
      startedAt: '2026-11-25T13:50:00.000Z',
    })
    expect(record.events[0]).toMatchObject({ kind: 'declared', actor: 'alice', via: 'form', to: 'P1' })

    expect(run.outputs).toMatchObject({ 'incident-number': String(n), priority: 'P1', stage: 'triage' })
    const actions = JSON.parse(run.outputs.actions!) as { kind: string; status: string }[]
    expect(actions.map((a) => a.kind)).toEqual(['create-labels', 'create-comment', 'add-labels'])
    expect(actions.every((a) => a.status === 'done')).toBe(true)
    expect(run.summary).toContain('incident #')

    // Target: at most 6. Measured: 1 GraphQL read + 1 GraphQL mutation (all missing labels) + card + labels.
    const counts = emu.counts()
    expect(counts.total).toBe(4)
    expect(counts.graphql).toBe(2)
    expect(counts.writes).toBe(3)
  })

  it('the same event delivered three times leaves exactly the same state and writes nothing more', async () => {
    const n = openIncident()
    const payload = issuesPayload(emu, repo, n, 'opened', 'alice')
    const first = await runAction({ emu, repo, event: 'issues', payload })
    expect(first.code).toBe(0)
    const after1 = snapshotRepo(emu, repo)
    const writesAfterFirst = emu.counts().writes
    for (let i = 0; i < 2; i++) {
      const again = await runAction({ emu, repo, event: 'issues', payload })
      expect(again.code).toBe(0)
      expect(JSON.parse(again.outputs.actions!)).toEqual([])
    }
    expect(snapshotRepo(emu, repo)).toEqual(after1)
    expect(emu.counts().writes).toBe(writesAfterFirst)
  })

  it('a broken config fails the run with file:line:column and writes nothing', async () => {
    emu.setFile(repo, '.github/incidents.yml', 'priorities:\n  P1:\n    ack: 15 minutes\n    update: 30m\n')
    const n = openIncident()
    const run = await deliver('opened', n)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::')
    expect(run.stdout).toContain('.github/incidents.yml:3:10: `priorities.P1.ack` is not a duration')
    expect(emu.counts().writes).toBe(0)
    expect(labelsOf(n)).toEqual(['incident'])
    expect(emu.listComments(repo, n)).toHaveLength(0)
  })

  it('reads the config from the repository and applies its rules', async () => {
    // The article's classifier as a config: a weighted score, > 100 → high, > 50 → medium, else low.
    emu.setFile(
      repo,
      '.github/incidents.yml',
      [
        'classification:',
        '  score:',
        '    - field: users_affected',
        '      weight: 1',
        '    - field: impact',
        '      values: { full-outage: 100, major-degradation: 50, minor-degradation: 20 }',
        '  rules:',
        '    - { name: high, priority: P1, when: { field: score, above: 100 } }',
        '    - { name: medium, priority: P2, when: { field: score, above: 50 } }',
        '    - { name: low, priority: P3, when: { field: score, at_least: 0 } }',
      ].join('\n'),
    )
    const n = openIncident(formBody({ impact: 'Major degradation', users_affected: 'Many users (10–49%)' }))
    const run = await deliver('opened', n)
    expect(run.code, run.stdout).toBe(0)
    expect(labelsOf(n)).toContain('priority/P2')
    expect(botComments(n)[0]!.body).toContain('rule “medium” matched (impact score 60)')
  })

  it('an edit that changes the impact re-classifies and records the change', async () => {
    const n = openIncident(formBody({ impact: 'Minor degradation', users_affected: 'Some users (1–9%)' }))
    expect((await deliver('opened', n)).code).toBe(0)
    expect(labelsOf(n)).toContain('priority/P3')

    emu.editIssue(
      repo,
      n,
      { body: formBody({ impact: 'Major degradation', users_affected: 'Some users (1–9%)' }) },
      'alice',
    )
    const run = await deliver('edited', n)
    expect(run.code).toBe(0)
    expect(labelsOf(n)).toContain('priority/P2')
    expect(labelsOf(n)).not.toContain('priority/P3')
    const record = decodeRecord(botComments(n)[0]!.body!)!
    expect(record.priority).toBe('P2')
    expect(record.events.map((e) => e.kind)).toEqual(['declared', 'impact', 'priority'])
    expect(record.events[2]).toMatchObject({ from: 'P3', to: 'P2', via: 'rules', actor: 'alice' })
    expect(botComments(n)).toHaveLength(1) // edited in place, not re-posted
  })

  it('a start time added or corrected by editing the form is used; one in the future or after the report is refused with a reply saying so; past Triage only triage or more', async () => {
    emu.clock.set('2026-11-25T14:00:00Z')
    const n = openIncident(formBody({ started_at: null }))
    expect((await deliver('opened', n)).code).toBe(0)
    const card = () => botComments(n).find((c) => c.body!.startsWith('<!-- incidentops:card -->'))!.body!
    const record = () => decodeRecord(card())!
    const replies = () =>
      botComments(n)
        .filter((c) => !c.body!.startsWith('<!-- incidentops:card -->'))
        .map((c) => c.body!)
    expect(record().startedAt).toBe(record().declaredAt)
    expect(card()).toContain('Not stated: when it started')

    // Added by the reporter while in Triage: the record, the card and the timeline follow.
    emu.clock.set('2026-11-25T14:10:00Z')
    emu.editIssue(repo, n, { body: formBody({ started_at: '2026-11-25 13:40 UTC' }) }, 'alice')
    expect((await deliver('edited', n)).code).toBe(0)
    expect(record().startedAt).toBe('2026-11-25T13:40:00.000Z')
    expect(record().events.at(-1)).toMatchObject({
      kind: 'start',
      actor: 'alice',
      via: 'edit',
      to: '2026-11-25T13:40:00.000Z',
    })
    expect(card()).not.toContain('Not stated: when it started')
    expect(card()).toContain('| **Started** | 2026-11-25 13:40 UTC · reported 14:00 UTC |')
    expect(card()).toContain('Start time edited: 2026-11-25 14:00 UTC → **2026-11-25 13:40 UTC** (edit)')
    // The same delivery again writes nothing.
    emu.resetCounters()
    expect((await deliver('edited', n)).code).toBe(0)
    expect(emu.counts().writes).toBe(0)

    // In the future (GitHub's clock says 14:15): refused, and the reply says it is in the future.
    emu.clock.set('2026-11-25T14:15:00Z')
    emu.editIssue(repo, n, { body: formBody({ started_at: '2026-11-25 14:30 UTC' }) }, 'alice')
    expect((await deliver('edited', n)).code).toBe(0)
    expect(record().startedAt).toBe('2026-11-25T13:40:00.000Z')
    expect(replies().filter((b) => b.includes('is in the future'))).toHaveLength(1)
    expect(replies().find((b) => b.includes('is in the future'))).toContain(
      'The start time `2026-11-25 14:30 UTC` was not used. The start time (2026-11-25 14:30 UTC) is in the future',
    )

    // After the report but not in the future: refused, saying it is after the declaration.
    emu.clock.set('2026-11-25T14:40:00Z')
    emu.editIssue(repo, n, { body: formBody({ started_at: '2026-11-25 14:20 UTC' }) }, 'alice')
    expect((await deliver('edited', n)).code).toBe(0)
    expect(record().startedAt).toBe('2026-11-25T13:40:00.000Z')
    expect(replies().find((b) => b.includes('after the incident was reported'))).toContain(
      'is after the incident was reported (2026-11-25 14:00 UTC)',
    )

    // Past Triage: an edit by someone without triage access is not used (and said so); alice's is.
    emu.clock.set('2026-11-25T14:45:00Z')
    const ack = emu.createComment(repo, n, { body: '/ack', user: 'alice' })
    expect(
      (await runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, ack) })).code,
    ).toBe(0)
    expect(record().stage).toBe('investigating')
    emu.clock.set('2026-11-25T14:50:00Z')
    emu.editIssue(repo, n, { body: formBody({ started_at: '2026-11-25 13:00 UTC' }) }, 'mallory')
    expect((await deliver('edited', n, 'mallory')).code).toBe(0)
    expect(record().startedAt).toBe('2026-11-25T13:40:00.000Z')
    expect(
      replies().some((b) => b.includes('was not used: after Triage only people with triage access or more change it')),
    ).toBe(true)
    emu.clock.set('2026-11-25T14:55:00Z')
    emu.editIssue(repo, n, { body: formBody({ started_at: '2026-11-25 13:05 UTC' }) }, 'alice')
    expect((await deliver('edited', n)).code).toBe(0)
    expect(record().startedAt).toBe('2026-11-25T13:05:00.000Z')
    expect(
      record()
        .events.filter((e) => e.kind === 'start')
        .map((e) => e.to),
    ).toEqual(['2026-11-25T13:40:00.000Z', '2026-11-25T13:05:00.000Z'])
  })

  it('a priority set by a human with a label wins over the rules, even after later edits', async () => {
    const n = openIncident(formBody({ impact: 'Minor degradation', users_affected: 'Some users (1–9%)' }))
    expect((await deliver('opened', n)).code).toBe(0)
    emu.addLabelsAs(repo, n, ['priority/P1'], 'alice')
    const run = await deliver('labeled', n, 'alice', { label: { name: 'priority/P1', color: 'b60205' } })
    expect(run.code).toBe(0)
    expect(labelsOf(n)).toEqual(['incident', 'priority/P1', 'service/api', 'service/checkout', 'stage/triage'])
    let record = decodeRecord(botComments(n)[0]!.body!)!
    expect(record).toMatchObject({ priority: 'P1', prioritySource: 'human' })

    emu.editIssue(repo, n, { body: formBody({ impact: 'No customer impact' }) }, 'alice')
    expect((await deliver('edited', n)).code).toBe(0)
    record = decodeRecord(botComments(n)[0]!.body!)!
    expect(record.priority).toBe('P1')
    expect(labelsOf(n)).toContain('priority/P1')
  })

  it('an incident written by hand without the form gets the default priority and a note saying what was missing', async () => {
    const n = openIncident('The dashboard is slow for me since this morning.', 'Dashboard slow')
    const run = await deliver('opened', n)
    expect(run.code).toBe(0)
    expect(labelsOf(n)).toEqual(['incident', 'priority/P2', 'stage/triage'])
    const card = botComments(n)[0]!.body!
    expect(card).toContain('Written without the incident form')
    expect(card).toContain('no rule matched')
  })

  it('ignores issues that are not incidents, writing nothing', async () => {
    const run = await deliver('opened', 1)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::notice::Nothing to do: #1 is not an incident')
    expect(emu.counts().writes).toBe(0)
  })

  it('a forged card in a user comment is not trusted', async () => {
    const n = openIncident(formBody({ impact: 'Minor degradation', users_affected: 'Some users (1–9%)' }))
    const forged =
      '<!-- incidentops:card -->\n<!-- incidentops:record:v1:' +
      Buffer.from(JSON.stringify({ v: 1, number: n, priority: 'P4', prioritySource: 'human', events: [] })).toString(
        'base64',
      ) +
      ' -->'
    emu.createComment(repo, n, { body: forged, user: 'mallory' })
    expect((await deliver('opened', n)).code).toBe(0)
    expect(labelsOf(n)).toContain('priority/P3')
    expect(botComments(n)).toHaveLength(1)
  })

  it('dry-run plans the writes without making them', async () => {
    const n = openIncident()
    const run = await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      inputs: { 'dry-run': 'true' },
    })
    expect(run.code).toBe(0)
    const actions = JSON.parse(run.outputs.actions!) as { status: string }[]
    expect(actions.length).toBe(3)
    expect(actions.every((a) => a.status === 'planned')).toBe(true)
    expect(emu.counts().writes).toBe(0)
  })

  it('an unknown event is a no-op with a notice and no request', async () => {
    const run = await runAction({ emu, repo, event: 'watch', payload: example('watch') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::notice::IncidentOps does not handle the `watch` event')
    expect(emu.counts().total).toBe(0)
  })

  it('a payload with wrong types fails clearly and writes nothing', async () => {
    const n = openIncident()
    const payload = issuesPayload(emu, repo, n, 'opened', 'alice')
    ;(payload.issue as Record<string, unknown>).number = 'one'
    const run = await runAction({ emu, repo, event: 'issues', payload })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::The event payload's `issue.number` must be a positive whole number.")
    expect(emu.counts().total).toBe(0)
  })

  it('an event file that is not JSON fails clearly and makes no request', async () => {
    const run = await runAction({ emu, repo, event: 'issues', payload: '{"action":"opened",' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::The event payload at \S+event\.json is not valid JSON: /)
    expect(emu.counts().total).toBe(0)
  })
})

const NODE24 = resolve(import.meta.dirname, '..', '..', '.ci', 'node24', 'node_modules', '.bin', 'node')

describe('under Node 24, the runtime GitHub runs the action on', () => {
  it.runIf(existsSync(NODE24))('does the same intake', async () => {
    const n = openIncident()
    const run = await runAction({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      node: NODE24,
    })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(labelsOf(n)).toEqual(['incident', 'priority/P1', 'service/api', 'service/checkout', 'stage/triage'])
    expect(botComments(n)).toHaveLength(1)
  })
})
