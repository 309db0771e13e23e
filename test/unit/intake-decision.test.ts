import { describe, expect, it } from 'vitest'
import { decide, desiredIssue, formSpec } from '../../src/domain/decide.js'
import { reconcile } from '../../src/plan.js'
import { loadConfig } from '../../src/config/load.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { decodeRecord } from '../../src/domain/record.js'
import type { CommentSnapshot, IssueContext } from '../../src/github/port.js'

const config = loadConfig(null, 'x')
const spec = formSpec(INCIDENT_FORM, config)

/** decide + desiredIssue, the way the handler chains them for an `issues` event. */
function decideIntake(c: IssueContext, ev: { action: string; sender: string }, cfg = config, sp = spec) {
  const d = decide(c, { kind: 'issue', ...ev }, cfg, sp)
  if (d.kind === 'skip') return d
  return { ...d, desired: desiredIssue(c, d.record, d.facts, cfg, d.replies) }
}

function ctx(over: { body?: string; labels?: string[]; comments?: CommentSnapshot[] } = {}): IssueContext {
  return {
    repositoryId: 'R_1',
    repoLabels: [{ name: 'incident', color: 'd73a4a', description: '' }],
    issue: {
      nodeId: 'I_1',
      number: 7,
      title: 'Checkout down',
      body:
        over.body ??
        renderIssueForm(
          {
            summary: 'Checkout fails',
            impact: 'Major degradation',
            users_affected: 'Many users (10–49%)',
            services: 'checkout',
            exposure: [],
            detection: 'Customer report',
          },
          INCIDENT_FORM,
        ),
      state: 'open',
      stateReason: null,
      createdAt: '2026-11-25T14:00:00Z',
      updatedAt: '2026-11-25T14:00:00Z',
      closedAt: null,
      url: 'https://github.com/acme/shop/issues/7',
      author: 'alice',
      viewerDidAuthor: false,
      assignees: [],
      labels: over.labels ?? ['incident'],
      comments: over.comments ?? [],
    },
  }
}

/** Applies a plan's effects to a snapshot, as GitHub would, to check convergence without I/O. */
function applyToCtx(c: IssueContext, effects: ReturnType<typeof reconcile>): IssueContext {
  const next = structuredClone(c)
  let id = 100
  for (const e of effects) {
    if (e.kind === 'create-labels') next.repoLabels.push(...e.labels)
    if (e.kind === 'add-labels') next.issue!.labels.push(...e.labels)
    if (e.kind === 'set-labels') next.issue!.labels = [...e.labels]
    if (e.kind === 'create-comment')
      next.issue!.comments.push({
        databaseId: ++id,
        body: e.body,
        author: 'bot',
        createdAt: '2026-11-25T14:01:00Z',
        updatedAt: '',
        viewerDidAuthor: true,
      })
    if (e.kind === 'update-comment') next.issue!.comments.find((x) => x.databaseId === e.commentId)!.body = e.body
  }
  return next
}

describe('decideIntake', () => {
  it('declares a new incident from the form', () => {
    const d = decideIntake(ctx(), { action: 'opened', sender: 'alice' }, config, spec)
    if (d.kind !== 'incident') throw new Error('expected an incident')
    expect(d.record).toMatchObject({
      priority: 'P2',
      prioritySource: 'rules',
      stage: 'triage',
      declaredAt: '2026-11-25T14:00:00Z',
    })
    expect(d.desired.labels).toEqual(['incident', 'priority/P2', 'stage/triage', 'service/checkout'])
    // Every priority and stage label is ensured up front, so later moves never create labels.
    expect(d.desired.labelSpecs.map((l) => l.name)).toEqual([
      'incident',
      'priority/P2',
      'stage/triage',
      'service/checkout',
      'priority/P1',
      'priority/P3',
      'priority/P4',
      'stage/investigating',
      'stage/fixing',
      'stage/monitoring',
      'stage/resolved',
      'stage/postmortem',
      'stage/closed',
      'postmortem',
      'incident-followup',
    ])
  })

  it('converges: applying the plan and deciding again plans nothing', () => {
    let c = ctx()
    const d1 = decideIntake(c, { action: 'opened', sender: 'alice' }, config, spec)
    if (d1.kind !== 'incident') throw new Error()
    const effects = reconcile(d1.desired, c)
    expect(effects.map((e) => e.kind)).toEqual(['create-labels', 'create-comment', 'add-labels'])
    c = applyToCtx(c, effects)
    const d2 = decideIntake(c, { action: 'opened', sender: 'alice' }, config, spec)
    if (d2.kind !== 'incident') throw new Error()
    expect(reconcile(d2.desired, c)).toEqual([])
  })

  it('repairs labels from the record after a run that died between the card and the labels', () => {
    let c = ctx()
    const d1 = decideIntake(c, { action: 'opened', sender: 'alice' }, config, spec)
    if (d1.kind !== 'incident') throw new Error()
    const effects = reconcile(d1.desired, c)
    c = applyToCtx(c, effects.slice(0, 2)) // labels never applied
    c.issue!.labels.push('priority/P4') // and a stale priority label lying around
    const d2 = decideIntake(c, { action: 'opened', sender: 'alice' }, config, spec)
    if (d2.kind !== 'incident') throw new Error()
    expect(d2.record.priority).toBe('P2')
    expect(d2.desired.labels).toContain('priority/P2')
    expect(d2.desired.labels).not.toContain('priority/P4')
  })

  it("keeps people's labels and replaces only ours", () => {
    const d = decideIntake(
      ctx({ labels: ['incident', 'customer-facing', 'stage/fixing'] }),
      { action: 'opened', sender: 'alice' },
      config,
      spec,
    )
    if (d.kind !== 'incident') throw new Error()
    expect(d.desired.labels).toEqual(['incident', 'customer-facing', 'priority/P2', 'stage/triage', 'service/checkout'])
  })

  it('a priority label present before the first run is a human choice', () => {
    const d = decideIntake(
      ctx({ labels: ['incident', 'priority/P4'] }),
      { action: 'opened', sender: 'alice' },
      config,
      spec,
    )
    if (d.kind !== 'incident') throw new Error()
    expect(d.record).toMatchObject({ priority: 'P4', prioritySource: 'human' })
  })

  it('skips issues without the incident label', () => {
    expect(decideIntake(ctx({ labels: ['bug'] }), { action: 'opened', sender: 'alice' }, config, spec)).toEqual({
      kind: 'skip',
      reason: '#7 is not an incident (no `incident` label)',
    })
  })

  it('keeps ticked checklist items when re-rendering a crisis card', () => {
    const body = renderIssueForm({ summary: 'Down', impact: 'Full outage' }, INCIDENT_FORM)
    let c = ctx({ body })
    const d1 = decideIntake(c, { action: 'opened', sender: 'alice' }, config, spec)
    if (d1.kind !== 'incident') throw new Error()
    c = applyToCtx(c, reconcile(d1.desired, c))
    const card = c.issue!.comments[0]!
    card.body = card.body.replace('- [ ] Status page updated', '- [x] Status page updated')
    c.issue!.body = renderIssueForm({ summary: 'Down', impact: 'Full outage', services: 'api' }, INCIDENT_FORM)
    const d2 = decideIntake(c, { action: 'edited', sender: 'alice' }, config, spec)
    if (d2.kind !== 'incident') throw new Error()
    expect(d2.desired.card).toContain('- [x] Status page updated')
    expect(d2.desired.card).toContain('- [ ] Leadership informed')
    expect(decodeRecord(d2.desired.card)!.events.map((e) => e.kind)).toEqual(['declared', 'impact'])
  })

  it('mentions the crisis team once, in its own comment, when configured', () => {
    const withTeam = loadConfig('crisis:\n  mention: ["@acme/sre", "bob"]\n', 'x')
    const body = renderIssueForm({ summary: 'Down', impact: 'Full outage' }, INCIDENT_FORM)
    const d = decideIntake(ctx({ body }), { action: 'opened', sender: 'alice' }, withTeam, spec)
    if (d.kind !== 'incident') throw new Error()
    expect(d.desired.once).toHaveLength(1)
    expect(d.desired.once[0]!.body).toContain('@acme/sre @bob')
  })
})
