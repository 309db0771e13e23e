import type { IssueContext, LabelSpec } from './domain/snapshot.js'
import type { FieldUpdate } from './domain/board.js'
import type { CommentSnapshot } from './domain/snapshot.js'
import { CARD_MARKER, findCard, findMarked } from './domain/record.js'
import { fitBody, fitLabels } from './github/content-limits.js'
import { describePage, type PageEffect } from './paging/plan.js'

/** One write. A plan is a list of them, computed purely and applied by apply.ts. */
export type Effect =
  | { kind: 'create-labels'; labels: LabelSpec[] }
  | { kind: 'add-labels'; issue: number; labels: string[] }
  | { kind: 'set-labels'; issue: number; labels: string[]; removed: string[] }
  | {
      kind: 'update-issue'
      issue: number
      /** The full label set, when labels change. */
      labels?: string[]
      state?: 'open' | 'closed'
      stateReason?: 'completed' | 'not_planned' | 'reopened'
      /** The full assignee set, when it changes. */
      assignees?: string[]
      why: string[]
    }
  | {
      kind: 'create-issue'
      title: string
      body: string
      labels: string[]
      assignees?: string[]
      marker: string
      /** The labels' GraphQL ids, when the planner read them: lets the executor send it with other writes in one request. */
      labelIds?: string[]
    }
  | {
      kind: 'edit-issue'
      issue: number
      title?: string
      body?: string
      marker: string
      /** The issue's GraphQL id, when the planner read it: lets the executor send it with other writes in one request. */
      nodeId?: string
    }
  | { kind: 'create-comment'; issue: number; marker: string; body: string }
  | { kind: 'update-comment'; issue: number; commentId: number; marker: string; body: string }
  | { kind: 'delete-label'; name: string }
  /** Rewrites a label's description (the sweep's last run, kept on the `incidentops/sweep-on` label). */
  | { kind: 'update-label'; name: string; description: string; why: string }
  /** Turns an Actions workflow on or off (the sweep's sleep when no incident is open). */
  | { kind: 'set-workflow'; workflow: string; enabled: boolean; why: string }
  /** A file on a branch of our own, proposed in a pull request (found, not opened twice, on a re-run). */
  | {
      kind: 'propose-file'
      issue: number
      branch: string
      path: string
      content: string
      message: string
      title: string
      body: string
      marker: string
    }
  /** A file of ours on a branch of our own, written directly (the history index); `sha`: the blob it replaces. */
  | {
      kind: 'put-file'
      branch: string
      path: string
      content: string
      message: string
      sha?: string
      /** The branch is expected not to exist yet: create it first. */
      newBranch?: boolean
      /** The branch's head as read: lets the executor commit it with other writes in one request (`createCommitOnBranch`). */
      headOid?: string
      what: string
    }
  /** The body of a pull request we opened (its follow-up list). */
  | { kind: 'edit-pull-body'; issue: number; pr: number; body: string }
  /** Puts an issue on a Projects (v2) board; GitHub returns the existing item when it is there. */
  | { kind: 'board-add-item'; issue: number; project: string; projectId: string; contentId: string }
  /** Sets an item's fields in one request. `what` names the item in the log (the incident or its postmortem). */
  | {
      kind: 'board-set-fields'
      issue: number
      projectId: string
      itemId: string
      updates: FieldUpdate[]
      what: 'board' | 'postmortem on the board'
    }
  /** A phone page (ntfy, Pushover, e-mail, SMS, call): not a GitHub write; sent after the card records it. */
  | PageEffect

/** The state we want one issue to be in. Reconciling it against what GitHub has gives the effects. */
export interface DesiredIssue {
  number: number
  /** The full set of labels the issue should carry. */
  labels: string[]
  /** The labels we manage, which must exist in the repository with these colours. */
  labelSpecs: LabelSpec[]
  /** The incident card's body (starts with CARD_MARKER). */
  card: string
  /** Comments that must exist once, found by their leading marker; posted when missing, never edited. */
  once: { marker: string; body: string }[]
  /** Open or closed (and why); undefined leaves the state alone. */
  state?: 'open' | 'closed'
  stateReason?: 'completed' | 'not_planned'
  /** People who must be among the assignees (others are kept). */
  assignees?: string[]
}

const lower = (s: string): string => s.toLowerCase()

/**
 * Compares the desired state with the snapshot and returns only the writes that differ.
 * Idempotency and convergence come from here: a state that already matches yields no effect.
 */
export function reconcile(wanted: DesiredIssue, ctx: IssueContext): Effect[] {
  const issue = ctx.issue
  if (!issue) return []
  const effects: Effect[] = []
  // What GitHub will hold once the limits are applied (apply.ts applies the same functions): a card
  // or label set that had to be cut compares equal next run instead of being written again. Over
  // 100 labels, ours (those with a spec) are kept before people's.
  const ours = new Set(wanted.labelSpecs.map((l) => lower(l.name)))
  const desired: DesiredIssue = {
    ...wanted,
    card: fitBody(wanted.card),
    labels: fitLabels(wanted.labels, (l) => ours.has(lower(l))),
    once: wanted.once.map((c) => ({ marker: c.marker, body: fitBody(c.body) })),
  }

  const existing = new Set(ctx.repoLabels.map((l) => lower(l.name)))
  const missing = desired.labelSpecs.filter((l) => !existing.has(lower(l.name)))
  if (missing.length) effects.push({ kind: 'create-labels', labels: missing })

  // The card carries the record: it is written before the labels, so a run that fails between
  // the two leaves labels to repair, never a label that looks like a person's choice.
  const card = findCard(issue.comments)
  // Replies (escalations, alert repeats, command answers) are posted BEFORE the card that records
  // their cause: once the record says "escalated" or "comment processed", a re-run no longer
  // produces the reply, so a run killed between the two would lose it for good. Posted first, a
  // re-run finds it by its marker and only writes the card. (A new card still comes first: the
  // crisis comment points at the card above it.)
  // One comment per marker, also within one run (twenty `/help` lines in a comment get one answer).
  const once = desired.once.filter(
    (c, i) =>
      !findMarked<CommentSnapshot>(issue.comments, c.marker) &&
      desired.once.findIndex((x) => x.marker === c.marker) === i,
  )
  const replies: Effect[] = once.map((c) => ({
    kind: 'create-comment',
    issue: issue.number,
    marker: c.marker,
    body: c.body,
  }))
  if (card) effects.push(...replies.splice(0))
  if (!card) effects.push({ kind: 'create-comment', issue: issue.number, marker: CARD_MARKER, body: desired.card })
  else if (card.body !== desired.card)
    effects.push({
      kind: 'update-comment',
      issue: issue.number,
      commentId: card.databaseId,
      marker: CARD_MARKER,
      body: desired.card,
    })

  const have = new Set(issue.labels.map(lower))
  const want = new Set(desired.labels.map(lower))
  const toAdd = desired.labels.filter((l) => !have.has(lower(l)))
  const toRemove = issue.labels.filter((l) => !want.has(lower(l)))
  const missingAssignees = (desired.assignees ?? []).filter((a) => !issue.assignees.some((x) => lower(x) === lower(a)))
  const stateChange = desired.state !== undefined && desired.state !== issue.state
  if (stateChange || missingAssignees.length) {
    // One PATCH carries labels, state and assignees together: a stage change costs one write.
    const why: string[] = []
    const e: Extract<Effect, { kind: 'update-issue' }> = { kind: 'update-issue', issue: issue.number, why }
    if (toAdd.length || toRemove.length) {
      e.labels = desired.labels
      why.push(`labels ${[...toAdd.map((l) => `+${l}`), ...toRemove.map((l) => `-${l}`)].join(' ')}`)
    }
    if (stateChange) {
      e.state = desired.state
      e.stateReason = desired.state === 'closed' ? (desired.stateReason ?? 'completed') : 'reopened'
      why.push(desired.state === 'closed' ? `close (${e.stateReason})` : 'reopen')
    }
    if (missingAssignees.length) {
      e.assignees = [...issue.assignees, ...missingAssignees]
      why.push(`assign ${missingAssignees.join(', ')}`)
    }
    effects.push(e)
  } else if (toRemove.length)
    effects.push({ kind: 'set-labels', issue: issue.number, labels: desired.labels, removed: toRemove })
  else if (toAdd.length) effects.push({ kind: 'add-labels', issue: issue.number, labels: toAdd })

  effects.push(...replies)
  return effects
}

/** One line per effect, for logs, the job summary and dry-run. */
export function describeEffect(e: Effect): string {
  switch (e.kind) {
    case 'create-labels':
      return `create labels ${e.labels.map((l) => l.name).join(', ')}`
    case 'add-labels':
      return `#${e.issue}: add labels ${e.labels.join(', ')}`
    case 'set-labels':
      return `#${e.issue}: set labels to ${e.labels.join(', ')} (removing ${e.removed.join(', ')})`
    case 'update-issue':
      return `#${e.issue}: ${e.why.join(', ')}`
    case 'create-issue':
      return `open issue "${e.title.slice(0, 80)}" (${markerKind(e.marker)})`
    case 'edit-issue':
      return `#${e.issue}: update ${markerKind(e.marker)}`
    case 'create-comment':
      return `#${e.issue}: post ${markerKind(e.marker)}`
    case 'update-comment':
      return `#${e.issue}: update ${markerKind(e.marker)}`
    case 'delete-label':
      return `delete label ${e.name}`
    case 'update-label':
      return `update label ${e.name} (${e.why})`
    case 'set-workflow':
      return `turn the workflow ${e.workflow} ${e.enabled ? 'on' : 'off'} (${e.why})`
    case 'propose-file':
      return `propose the postmortem of #${e.issue} as ${e.path} in a pull request`
    case 'put-file':
      return `write ${e.what} to ${e.path} on the branch ${e.branch}`
    case 'edit-pull-body':
      return `#${e.pr}: follow-ups updated`
    case 'board-add-item':
      return `#${e.issue}: add to project ${e.project}`
    case 'board-set-fields':
      return `#${e.issue}: ${e.what}${e.what === 'board' ? '' : ':'} ${e.updates.map((u) => `${u.field} = ${u.shown ?? '(cleared)'}`).join(', ')}`
    case 'page':
      return describePage(e)
  }
}

function markerKind(m: string): string {
  return /incidentops:([a-z-]+)/.exec(m)?.[1] ?? 'comment'
}
