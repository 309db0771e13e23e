import { createHash } from 'node:crypto'
import type { Config, Priority } from '../config/types.js'
import type { IssueContext, LabelSpec } from './snapshot.js'
import type { DesiredIssue } from '../plan.js'
import { parseIssueForm } from '../intake/issue-form.js'
import type { FormFieldSpec } from '../intake/form-spec.js'
import { factsFromForm, fieldsOf, type IncidentFacts } from '../intake/facts.js'
import { classify, type Classification } from './classify.js'
import {
  decodeRecord,
  findCard,
  marker,
  postmortemWritten,
  type AlertState,
  type IncidentRecord,
  type TimelineEvent,
  type Via,
} from './record.js'
import {
  labelSpec,
  priorityLabel,
  priorityLabelsOn,
  serviceLabel,
  PRIORITY_PREFIX,
  STAGE_PREFIX,
  SERVICE_PREFIX,
} from './labels.js'
import { STAGES, isActive, stageIndex, type Stage } from './stages.js'
import { PRIORITIES } from '../config/types.js'
import { HELP_TEXT, parseCommands, type Command } from './commands.js'
import { applyDue } from './due.js'
import { renderCard, tickedItems } from '../render/card.js'
import type { NormalizedAlert } from '../alerts/index.js'
import { factsFromAlert, alertFields, alertMarker } from './alert-facts.js'
import { code, inline, neutralizeMentions } from '../render/markdown.js'
import { utc } from '../render/time.js'
import { serviceFor, type OncallView } from '../oncall/resolve.js'
import { renderSummary } from '../render/summary.js'
import type { ChangeSet } from '../changes/types.js'
import { confirmCause, recordRevert, refreshSuspects } from '../changes/cause.js'
import { similarLines } from '../history/render.js'
import type { SimilarState } from '../history/similar-state.js'
import { runStatusCommand } from '../status/public.js'

/** Repository roles that may run commands (GitHub's role_name). */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export const MAY_COMMAND: readonly Role[] = ['admin', 'maintain', 'write', 'triage']

/** Whether someone with this role may change an incident's course (commands, close, reopen, re-classify). Unknown means no. */
export const mayDecide = (role: Role | undefined): boolean => role !== undefined && MAY_COMMAND.includes(role)

/** At most this many refused attempts (close/reopen by someone below triage) are kept in the timeline: the record stays small. */
export const MAX_REFUSED_EVENTS = 20

/** At most this many services ever get a `service/<name>` label on one incident. */
export const MAX_SERVICE_LABELS = 10

/** Something that happened on an issue of ours that belongs to an incident: its postmortem or a follow-up. */
export interface RelatedEvent {
  kind: 'related'
  /** revert: a pull request reverting one of the incident's suspects was merged (src/events/revert.ts). */
  of: 'postmortem' | 'followup' | 'revert'
  /** The postmortem's or follow-up's issue number (a merged postmortem pull request counts as the postmortem closed). */
  number: number
  action: 'closed' | 'reopened'
  sender: string
  /** When it happened (the related issue's close or last update, or the merge). */
  at: string
  /** A revert: the suspect pull request it undoes, and its title. */
  reverts?: number | null
  title?: string
}

export type IncidentEvent =
  | RelatedEvent
  | {
      kind: 'issue'
      /** The webhook action: opened, edited, labeled, unlabeled, closed, reopened… */
      action: string
      /** Who caused the event (payload.sender.login). */
      sender: string
      /** For labeled/unlabeled: the label's name. */
      label?: string
      /** When it happened, if not the issue's last update (events redirected from a postmortem or follow-up issue). */
      at?: string
      /**
       * The sender's role, looked up by the handler for the events a person below triage could use
       * to change the incident's course (closed, reopened, edited). Absent means not known: treated
       * as below triage. An edit of the start time past Triage needs triage or more too.
       */
      role?: Role
    }
  | {
      kind: 'comment'
      commentId: number
      /** The body as posted (an edit later does not run commands again). */
      body: string
      author: string
      createdAt: string
      /** The author's role, looked up through the API only when the comment has commands. */
      role: Role
      /**
       * Earlier comments with commands that no run executed yet (GitHub keeps one pending run per
       * concurrency group and drops the rest): they run first, in order.
       */
      earlier?: { commentId: number; body: string; author: string; createdAt: string; role: Role }[]
    }
  | {
      /** A scheduled run: only what is due. */
      kind: 'tick'
    }
  | {
      kind: 'alert'
      alert: NormalizedAlert
      /** GitHub's clock (the Date of its responses): when this delivery is handled. */
      now: string
      /** The workflow run and the key: a re-run of the same delivery changes nothing. */
      delivery: string
    }

/** A reply we post once, found again by its marker. */
export interface Reply {
  marker: string
  body: string
}

export type Decision =
  | { kind: 'skip'; reason: string }
  | {
      kind: 'incident'
      record: IncidentRecord
      facts: IncidentFacts
      classification: Classification
      /** What changed in the record in this run, for the log and summary. */
      changes: string[]
      replies: Reply[]
    }

/** A short fingerprint of the facts that drive classification, to notice edits that change them. */
export function impactDigest(f: IncidentFacts): string {
  const key = JSON.stringify([f.impact, f.usersAffected, f.services, f.dataLoss, f.security, f.detection])
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

/** Applies `form.headings` overrides so teams that renamed form labels still parse. */
export function formSpec(base: readonly FormFieldSpec[], config: Config): FormFieldSpec[] {
  return base.map((f) => ({ ...f, label: config.form.headings[f.id] ?? f.label }))
}

/** The stage a name refers to: a configured name, a canonical key, or a label `stage/<name>`. */
export function stageByName(name: string, config: Config): Stage | undefined {
  const n = name.toLowerCase().replace(/^stage\//, '')
  return STAGES.find((s) => config.stages[s].name === n) ?? STAGES.find((s) => s === n)
}

export const stageLabelOf = (s: Stage, config: Config): string => `${STAGE_PREFIX}${config.stages[s].name}`

/**
 * Decides the incident's record after an event: pure, from the fresh snapshot (never from the
 * payload's possibly stale copy of the issue), so that any replay converges to one state.
 * Commands run from the comment as posted, once per comment id.
 */
export function decide(
  ctx: IssueContext,
  event: IncidentEvent,
  config: Config,
  spec: readonly FormFieldSpec[],
  now?: string,
  access: {
    reporter?: Role
    /** Similar past incidents looked up for a `/similar` in the comment (the history is read outside decide). */
    similar?: SimilarState
  } = {},
  /** The `/cover` overrides from the on-call issue, when a due escalation names a schedule (else null). */
  oncall: OncallView | null = null,
  /**
   * The repository's recent changes (src/changes/), read by the handler only when this run needs
   * them: a declaration, `/changes` or `/cause` (see `needsChanges`). Null: not read.
   */
  changeSet: ChangeSet | null = null,
): Decision {
  const issue = ctx.issue
  if (!issue) return { kind: 'skip', reason: 'the issue no longer exists' }
  const incidentLabel = config.labels.incident.toLowerCase()
  if (!issue.labels.some((l) => l.toLowerCase() === incidentLabel)) {
    return { kind: 'skip', reason: `#${issue.number} is not an incident (no \`${config.labels.incident}\` label)` }
  }

  const card = findCard(issue.comments)
  const previous = card ? decodeRecord(card.body) : null
  // An incident opened by monitoring is described by its alert (kept in the record), not by a form.
  const alertState =
    previous?.alert ??
    (event.kind === 'alert' && issue.viewerDidAuthor && issue.body.includes(alertMarker(event.alert.key))
      ? newAlertState(event)
      : undefined)
  const form = parseIssueForm(alertState ? '' : issue.body, spec)
  const facts = alertState
    ? factsFromAlert(alertState)
    : factsFromForm(form, spec, new Date(issue.createdAt), now ? new Date(now) : undefined)
  const classification = classify(alertState ? alertFields(alertState) : fieldsOf(facts), config)
  const digest = impactDigest(facts)
  const changes: string[] = []
  const replies: Reply[] = []
  const sender =
    event.kind === 'issue' || event.kind === 'related'
      ? event.sender
      : event.kind === 'comment'
        ? event.author
        : event.kind === 'alert'
          ? event.alert.source
          : 'incidentops'

  let record: IncidentRecord
  if (!previous) {
    // A priority label already present before our first run was put there by a person: it wins.
    // (Not on an issue we opened for an alert: its labels are ours.)
    const human = alertState ? undefined : priorityLabelsOn(issue.labels)[0]
    const priority: Priority = human ?? classification.priority
    const start = alertState && event.kind === 'alert' ? event.alert.startsAt : facts.startedAt
    const startedAt = start && start < issue.createdAt ? start : issue.createdAt
    record = {
      v: 1,
      number: issue.number,
      declaredAt: issue.createdAt,
      startedAt,
      priority,
      prioritySource: human ? 'human' : 'rules',
      priorityReason: human ? `set by hand with the \`${priorityLabel(human)}\` label` : classification.reason,
      stage: 'triage',
      impactDigest: digest,
      events: [
        {
          at: issue.createdAt,
          kind: 'declared',
          actor: alertState ? alertState.source : (issue.author ?? 'ghost'),
          via: alertState ? 'alert' : form.fromForm ? 'form' : 'label',
          to: priority,
        },
      ],
      commander: null,
      processed: [],
      source: alertState ? alertState.source : form.fromForm ? 'form' : 'manual',
      ...(alertState ? { alert: alertState } : {}),
    }
    changes.push(`declared ${priority} (${record.priorityReason})`)
    // Anyone who can open an issue can declare an incident: with the option on, one declared by
    // someone below triage waits for a responder before it pages anyone (alerts come from a token).
    if (config.intake.holdUnconfirmed && !alertState && !mayDecide(access.reporter)) {
      record.unconfirmed = true
      changes.push(
        `held as unconfirmed: declared by ${issue.author ?? 'ghost'} (role: ${access.reporter ?? 'unknown'}); a responder confirms with /confirm or /ack`,
      )
    }
  } else {
    record = structuredClone(previous)
    record.processed ??= []
    record.commander ??= null
    if (record.impactDigest !== digest) {
      const at = issue.updatedAt
      record.impactDigest = digest
      const ev: TimelineEvent = { at, kind: 'impact', actor: sender, via: 'edit', text: describeImpact(facts) }
      record.events.push(ev)
      changes.push(`impact edited: ${ev.text}`)
      // Only a responder re-prioritises an incident someone has taken on. An edit counts as a
      // responder's only in its own run (`edited`, the sender's role known); an edit noticed by any
      // other run (its own was dropped) is treated as one from below triage.
      const responder = event.kind === 'issue' && event.action === 'edited' && mayDecide(event.role)
      const upward = PRIORITIES.indexOf(classification.priority) < PRIORITIES.indexOf(record.priority)
      if (record.prioritySource === 'rules' && classification.priority !== record.priority) {
        if (responder || (record.stage === 'triage' && upward)) {
          setPriority(record, classification.priority, 'rules', classification.reason, {
            at,
            actor: sender,
            via: 'rules',
          })
          changes.push(`re-classified as ${classification.priority}`)
        } else {
          ev.text = `${ev.text} (kept ${record.priority}: ${record.stage === 'triage' ? 'an edit by someone below triage only raises the priority' : 'after triage, only a responder re-prioritises, with `/priority`'})`
          changes.push(
            `kept ${record.priority}: the edit would re-classify it as ${classification.priority}, and edits from below triage re-classify only upward, in Triage`,
          )
        }
      } else if (record.prioritySource === 'rules' && responder) record.priorityReason = classification.reason
    }
  }

  if (!alertState) onStartTime(record, facts, !previous, event, issue.updatedAt, changes, replies)
  if (event.kind === 'issue') onIssueEvent(record, event, ctx, config, changes, replies)
  else if (event.kind === 'comment') {
    for (const c of event.earlier ?? [])
      onComment(record, { kind: 'comment', ...c }, config, changes, replies, changeSet)
    onComment(record, event, config, changes, replies, changeSet, access.similar)
  } else if (event.kind === 'alert') onAlert(record, event, config, changes, replies, !previous)
  else if (event.kind === 'related') onRelated(record, event, config, changes)
  // The catalog service follows the current answer (form or alert): its chain and runbook apply.
  const service = serviceFor(facts.services, config)
  if (service) record.service = service.name
  else delete record.service
  // Suspect changes, ranked once at declaration (with the service known); `/changes` ranks them again.
  if (!previous && changeSet) refreshSuspects(record, changeSet, config, now ?? issue.createdAt, changes)
  // Whatever the event, what is due for this incident is handled too (a dropped scheduled run is caught up).
  if (now) {
    const pending = config.priorities[record.priority].crisis
      ? config.crisis.checklist.filter((c) => !tickedItems(card?.body, config.crisis.checklist).has(c))
      : []
    const due = applyDue(record, config, now, issue.assignees, pending, oncall)
    replies.push(...due.replies)
    changes.push(...due.changes)
    if (due.resolve) resolve(record, { at: now, actor: 'incidentops', via: 'schedule' }, config, changes)
  }
  record.serviceLabels = serviceLabelsEver(record, facts, config)
  return { kind: 'incident', record, facts, classification, changes, replies }
}

/** The services allowed a label by the config (all when `labels.allowed_services` is empty). */
function allowedServices(facts: IncidentFacts, config: Config): string[] {
  const allowed = config.labels.allowedServices
  return allowed.length ? facts.services.filter((s) => allowed.includes(s)) : facts.services
}

/**
 * The services that ever got a label on this incident, extended by the current answer while there
 * is room (MAX_SERVICE_LABELS): a service named later than that is shown in the card, not labelled.
 */
function serviceLabelsEver(record: IncidentRecord, facts: IncidentFacts, config: Config): string[] {
  const ever = [...(record.serviceLabels ?? [])]
  if (!config.labels.services) return ever
  for (const s of allowedServices(facts, config))
    if (!ever.includes(s) && ever.length < MAX_SERVICE_LABELS) ever.push(s)
  return ever
}

/** The `service/<name>` labels the issue should carry now: the current answer, within what the record allows. */
export function serviceLabelsFor(record: IncidentRecord, facts: IncidentFacts, config: Config): string[] {
  if (!config.labels.services) return []
  const ever = record.serviceLabels ?? []
  return allowedServices(facts, config)
    .filter((s) => ever.includes(s))
    .map(serviceLabel)
}

/**
 * Labels, close and reopen by people. Only the event says a person did it; a label or state that
 * merely differs from the record (a half-applied earlier run) is repaired to the record instead.
 * Each also checks the fresh state, so a stale redelivery (label since removed) does nothing.
 */
function onIssueEvent(
  record: IncidentRecord,
  event: Extract<IncidentEvent, { kind: 'issue' }>,
  ctx: IssueContext,
  config: Config,
  changes: string[],
  replies: Reply[],
): void {
  const issue = ctx.issue!
  const has = (label: string): boolean => issue.labels.some((l) => l.toLowerCase() === label.toLowerCase())
  const at = event.at ?? issue.updatedAt
  if (event.action === 'labeled' && event.label) {
    const p = priorityLabelsOn([event.label])[0]
    if (p && p !== record.priority && has(event.label)) {
      setPriority(record, p, 'human', `set by hand with the \`${priorityLabel(p)}\` label`, {
        at,
        actor: event.sender,
        via: 'label',
      })
      changes.push(`priority set to ${p} by label`)
    }
    const s = event.label.toLowerCase().startsWith(STAGE_PREFIX) ? stageByName(event.label, config) : undefined
    if (s && s !== record.stage && has(event.label)) {
      const problem = transitionProblem(record.stage, s)
      if (!problem) moveTo(record, s, { at, actor: event.sender, via: 'label' }, config, changes)
      else changes.push(`ignored the \`${event.label}\` label: ${problem}`)
    }
  }
  // GitHub lets an issue's author close and reopen it, whatever their role: from below triage that
  // changes nothing. The issue is put back as the record says (desiredIssue), the attempt is kept
  // in the timeline, and the person is told why, once.
  const closing = event.action === 'closed' && issue.state === 'closed' && isActive(record.stage)
  const reopening = event.action === 'reopened' && issue.state === 'open' && !isActive(record.stage)
  if ((closing || reopening) && !mayDecide(event.role)) {
    const via: Via = closing ? 'close' : 'reopen'
    const kept = record.events.filter((e) => e.kind === 'refused').length
    if (kept < MAX_REFUSED_EVENTS) {
      const what = closing
        ? `closed the issue${issue.stateReason?.toLowerCase() === 'not_planned' ? ' as not planned' : ''}: reopened, the incident stays ${config.stages[record.stage].name}`
        : `reopened the issue: closed again, the incident stays ${config.stages[record.stage].name}`
      record.events.push({
        at: closing ? (issue.closedAt ?? at) : at,
        kind: 'refused',
        actor: event.sender,
        via,
        text: what,
      })
    }
    changes.push(
      `refused: ${event.sender} (role: ${event.role ?? 'unknown'}) ${closing ? 'closed' : 'reopened'} the issue; put back as the record says`,
    )
    const m = marker('refused', event.sender.toLowerCase())
    replies.push({
      marker: m,
      body: `${m}\n${neutralizeMentions(`@${event.sender}`)}: closing or reopening an incident needs the triage role on this repository, so the issue was put back as the incident's stage says (open while it is handled, closed once it is resolved). To ask for a change, comment here: a responder decides with \`/resolve\`, \`/dismiss\` or \`/investigating\`.`,
    })
    return
  }
  if (closing) {
    const closedAt = issue.closedAt ?? at
    if (issue.stateReason === 'NOT_PLANNED' || issue.stateReason === 'not_planned') {
      dismiss(record, '', { at: closedAt, actor: event.sender, via: 'close' }, changes)
    } else resolve(record, { at: closedAt, actor: event.sender, via: 'close' }, config, changes)
  }
  if (reopening) {
    moveTo(record, 'investigating', { at, actor: event.sender, via: 'reopen' }, config, changes)
  }
}

/** Events on our postmortem and follow-up issues, redirected to their incident by the handler. */
function onRelated(record: IncidentRecord, event: RelatedEvent, config: Config, changes: string[]): void {
  const at = event.at
  if (event.of === 'revert') {
    recordRevert(
      record,
      { number: event.number, title: event.title ?? '', mergedAt: at },
      event.reverts ?? null,
      { at, actor: event.sender },
      changes,
    )
    return
  }
  if (event.of === 'postmortem' && event.action === 'closed' && record.postmortem && !record.postmortem.done) {
    record.postmortem.done = true
    record.events.push({ at, kind: 'postmortem', actor: event.sender, via: 'close', text: 'done' })
    changes.push('postmortem done')
    if (record.stage === 'postmortem' || record.stage === 'resolved')
      moveTo(record, 'closed', { at, actor: event.sender, via: 'close' }, config, changes)
  }
  if (event.of === 'postmortem' && event.action === 'reopened' && record.postmortem?.done) {
    record.postmortem.done = false
    changes.push('postmortem reopened')
    if (record.stage === 'closed')
      moveTo(record, 'postmortem', { at, actor: event.sender, via: 'reopen' }, config, changes)
  }
  if (event.of === 'followup') {
    const item = record.followups?.find((x) => x.number === event.number)
    const state = event.action === 'closed' ? 'closed' : 'open'
    if (item && item.state !== state) {
      item.state = state
      changes.push(`follow-up #${item.number} ${state}`)
    }
  }
}

function hashTitle(t: string): string {
  return createHash('sha256').update(t).digest('hex').slice(0, 8)
}

function onComment(
  record: IncidentRecord,
  event: Extract<IncidentEvent, { kind: 'comment' }>,
  config: Config,
  changes: string[],
  replies: Reply[],
  changeSet: ChangeSet | null,
  similar?: SimilarState,
): void {
  if (record.processed!.includes(event.commentId)) return
  const parsed = parseCommands(event.body)
  if (parsed.commands.length === 0 && parsed.problems.length === 0) return
  if (!MAY_COMMAND.includes(event.role)) {
    // One polite explanation per person and incident, however many times they try.
    replies.push({
      marker: marker('denied', event.author.toLowerCase()),
      body: `${marker('denied', event.author.toLowerCase())}\n${neutralizeMentions(`@${event.author}`)}: incident commands need the triage or write role on this repository, so yours had no effect. Ask the incident commander or a maintainer to run it for you.`,
    })
    changes.push(`ignored commands from ${event.author} (role: ${event.role})`)
    // Refused once, refused for good: a later catch-up must not run it once its author has access.
    markProcessed(record, event.commentId)
    return
  }
  const e = { at: event.createdAt, actor: event.author, via: 'command' as Via }
  const problems: string[] = parsed.problems.map((p) => `${code(p.line, 60)}: ${p.message}`)
  for (const c of parsed.commands) {
    const problem = runCommand(record, c, e, config, changes, event.commentId, changeSet)
    if (problem === 'help')
      replies.push({
        marker: marker('help', event.commentId),
        body: `${marker('help', event.commentId)}\n**IncidentOps commands** (triage or write role needed):\n\n${HELP_TEXT}`,
      })
    else if (problem === 'summary')
      replies.push({
        marker: marker('summary', event.commentId),
        body: `${marker('summary', event.commentId)}\n${renderSummary(record, config, event.createdAt)}`,
      })
    else if (problem === 'similar') {
      // A fresh search replaces what the card shows; a caught-up `/similar` (no search this run) shows the last one.
      if (similar) record.similar = similar
      const shown: SimilarState = record.similar ?? {
        at: event.createdAt,
        matches: [],
        recurrenceOf: null,
        note: 'Past incidents were not searched for this comment: comment `/similar` again.',
      }
      replies.push({
        marker: marker('similar', event.commentId),
        body: `${marker('similar', event.commentId)}\n**Similar past incidents**\n\n${similarLines(shown).join('\n')}`,
      })
      changes.push('similar past incidents looked up')
    } else if (problem) problems.push(problem)
  }
  if (problems.length) {
    replies.push({
      marker: marker('reply', event.commentId),
      body: `${marker('reply', event.commentId)}\n${problems.map((p) => `- ${p}`).join('\n')}`,
    })
  }
  markProcessed(record, event.commentId)
}

function markProcessed(record: IncidentRecord, commentId: number): void {
  record.processed!.push(commentId)
  // The list is bounded: ids are increasing, and an old comment is not delivered again in practice.
  if (record.processed!.length > 300) record.processed = record.processed!.slice(-300)
}

/** A responder confirms an incident held as unconfirmed (`/confirm`, or `/ack`): paging and escalation start now. */
function confirm(record: IncidentRecord, e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>, changes: string[]): void {
  if (!record.unconfirmed) return
  record.unconfirmed = false
  record.events.push({ ...e, kind: 'confirmed' })
  changes.push(`confirmed by ${e.actor}`)
}

function newAlertState(event: Extract<IncidentEvent, { kind: 'alert' }>): AlertState {
  const a = event.alert
  return {
    key: a.key,
    source: a.source,
    title: a.title,
    severity: a.severity,
    service: a.service,
    labels: a.labels,
    status: 'firing',
    occurrences: 0,
    firstSeen: event.now,
    lastSeen: event.now,
    lastComment: null,
    deliveries: [],
  }
}

/**
 * One delivery of an alert for this incident (the handler picked the incident by key and reopen
 * window). Repeats are counted, coalesced and commented at most once per interval; `resolved`
 * moves to Monitoring (or Resolved); firing again after that brings the incident back.
 */
function onAlert(
  record: IncidentRecord,
  event: Extract<IncidentEvent, { kind: 'alert' }>,
  config: Config,
  changes: string[],
  replies: Reply[],
  fresh: boolean,
): void {
  const a = event.alert
  const state = (record.alert ??= newAlertState(event))
  if (state.deliveries.includes(event.delivery)) return
  const now = event.now
  const at = { at: now, actor: a.source, via: 'alert' as Via }
  const remember = (): void => {
    state.deliveries = [...state.deliveries, event.delivery].slice(-50)
  }
  if (a.status === 'acknowledged') {
    // A PagerDuty acknowledge: the sender holds a token that can dispatch (write access), so it may
    // move the incident as `/ack` does, without naming a commander. The first one counts for MTTA.
    remember()
    if (!isActive(record.stage)) return
    if (!record.events.some((x) => x.kind === 'ack')) record.events.push({ ...at, kind: 'ack' })
    changes.push(`alert acknowledged (${a.source})`)
    if (record.stage === 'triage') moveTo(record, 'investigating', at, config, changes)
    return
  }
  if (a.status === 'resolved') {
    if (state.status === 'resolved' && !fresh) return
    state.status = 'resolved'
    state.lastSeen = now
    remember()
    record.events.push({ ...at, at: a.endsAt && a.endsAt <= now ? a.endsAt : now, kind: 'alert', text: 'resolved' })
    changes.push('alert resolved')
    if (isActive(record.stage) && stageIndex(record.stage) < stageIndex('monitoring')) {
      if (config.alerts.resolvedStage === 'resolved') resolve(record, at, config, changes)
      else moveTo(record, 'monitoring', at, config, changes)
    } else if (record.stage === 'monitoring' && config.alerts.resolvedStage === 'resolved')
      resolve(record, at, config, changes)
    return
  }
  const recurred = state.status === 'resolved' || !isActive(record.stage) || record.stage === 'monitoring'
  if (fresh) {
    state.occurrences = 1
    remember()
    record.events.push({ ...at, kind: 'alert', text: 'firing' })
    return
  }
  if (recurred) {
    state.status = 'firing'
    state.occurrences += 1
    state.lastSeen = now
    remember()
    record.events.push({ ...at, kind: 'alert', text: 'firing again' })
    changes.push('alert fired again')
    if (record.stage !== 'investigating' && record.stage !== 'fixing')
      moveTo(record, 'investigating', at, config, changes)
    replies.push({
      marker: marker('alert', `${event.delivery}`),
      body: `${marker('alert', `${event.delivery}`)}\n🔁 **The alert fired again** at ${now.slice(11, 16)} UTC: back to ${config.stages.investigating.name}.`,
    })
    return
  }
  // A repeat while still firing: coalesce, count, and comment at most once per interval.
  if (Date.parse(now) - Date.parse(state.lastSeen) < config.alerts.coalesce) return
  state.occurrences += 1
  state.lastSeen = now
  remember()
  changes.push(`alert repeat (${state.occurrences} occurrences)`)
  if (
    state.lastComment === null
      ? Date.parse(now) - Date.parse(state.firstSeen) >= config.alerts.commentInterval
      : Date.parse(now) - Date.parse(state.lastComment) >= config.alerts.commentInterval
  ) {
    state.lastComment = now
    replies.push({
      marker: marker('alert', `${event.delivery}`),
      body: `${marker('alert', `${event.delivery}`)}\n🔁 Still firing: ${state.occurrences} occurrences since ${state.firstSeen.slice(11, 16)} UTC (last at ${now.slice(11, 16)} UTC).`,
    })
  }
}

/** Runs one command on the record; returns a problem to tell the author, a reply to render ('help', 'summary'), or null. */
function runCommand(
  record: IncidentRecord,
  c: Command,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  config: Config,
  changes: string[],
  commentId: number,
  changeSet: ChangeSet | null,
): string | null | 'help' | 'summary' | 'similar' {
  switch (c.name) {
    case 'help':
      return 'help'
    case 'summary':
      return 'summary'
    case 'similar':
      return 'similar'
    case 'status':
      return runStatusCommand(record, c, e, config, changes)
    case 'confirm':
      if (!isActive(record.stage)) return `\`/confirm\`: the incident is already ${config.stages[record.stage].name}.`
      confirm(record, e, changes)
      return null
    case 'ack': {
      if (!isActive(record.stage)) return `\`/ack\`: the incident is already ${config.stages[record.stage].name}.`
      confirm(record, e, changes)
      const first = !record.events.some((x) => x.kind === 'ack')
      if (first || record.commander !== e.actor) record.events.push({ ...e, kind: 'ack' })
      if (record.commander !== e.actor) {
        record.commander = e.actor
        changes.push(`${e.actor} took command`)
      }
      if (record.stage === 'triage') moveTo(record, 'investigating', e, config, changes)
      return null
    }
    case 'commander':
      if (record.commander === c.user) return null
      record.events.push({ ...e, kind: 'commander', from: record.commander ?? undefined, to: c.user })
      record.commander = c.user
      changes.push(`commander is now ${c.user}`)
      return null
    case 'priority':
      if (record.priority === c.priority && record.prioritySource === 'human') return null
      setPriority(
        record,
        c.priority,
        'human',
        c.reason ? `set by ${e.actor}: ${c.reason}` : `set by ${e.actor}`,
        e,
        c.reason,
      )
      changes.push(`priority set to ${c.priority} by command`)
      return null
    case 'stage': {
      const to = stageByName(c.stage, config)
      if (!to)
        return `\`/stage ${inline(c.stage, 40)}\`: unknown stage. Stages: ${STAGES.map((s) => `\`${config.stages[s].name}\``).join(', ')}.`
      if (to === record.stage) return null
      if (to === 'resolved') {
        const problem = transitionProblem(record.stage, to)
        if (problem) return `\`/stage ${config.stages[to].name}\`: ${problem}`
        resolve(record, e, config, changes)
        return null
      }
      const problem = transitionProblem(record.stage, to)
      if (problem) return `\`/stage ${config.stages[to].name}\`: ${problem}`
      moveTo(record, to, e, config, changes)
      return null
    }
    case 'update':
      record.events.push({ ...e, kind: 'update', text: c.text })
      changes.push('status update posted')
      return null
    case 'note':
      record.events.push({ ...e, kind: 'note', text: c.text })
      changes.push('note added')
      return null
    case 'dismiss':
      if (record.events.some((x) => x.kind === 'dismissed') && record.stage === 'closed') return null
      dismiss(record, c.reason, e, changes)
      return null
    case 'followup':
      // Keyed by the comment and the title, so a half-applied run finds the issue it already opened.
      record.pendingFollowups = [
        ...(record.pendingFollowups ?? []),
        { key: `${commentId}-${hashTitle(c.title)}`, title: c.title },
      ]
      changes.push(`follow-up requested: ${c.title}`)
      return null
    case 'changes':
      if (!changeSet) return '`/changes`: the changes could not be read in this run; try again.'
      refreshSuspects(record, changeSet, config, e.at, changes, true)
      return null
    case 'cause':
      return confirmCause(record, c.cause, e, changeSet, config, changes)
    case 'postmortem': {
      if (c.done) {
        const pm = record.postmortem
        if (!pm || !postmortemWritten(record))
          return '`/postmortem done`: there is no postmortem yet; `/postmortem` writes one.'
        if (pm.issue)
          return `\`/postmortem done\`: the postmortem is #${pm.issue}; close it when it is done, and the incident closes with it.`
        if (pm.pr)
          return `\`/postmortem done\`: the postmortem is the pull request #${pm.pr}; merge it when it is done, and the incident closes with it.`
        if (pm.done) return null
        pm.done = true
        record.events.push({ ...e, kind: 'postmortem', text: 'done' })
        changes.push('postmortem done')
        if (record.stage === 'postmortem' || record.stage === 'resolved') moveTo(record, 'closed', e, config, changes)
        return null
      }
      if (record.events.some((x) => x.kind === 'dismissed'))
        return '`/postmortem`: a dismissed false alarm gets no postmortem.'
      record.postmortem = { issue: null, done: false, ...record.postmortem, requested: true }
      changes.push('postmortem requested')
      // Already closed without one (an optional postmortem): back to Resolved until it is written.
      if (record.stage === 'closed' && !postmortemWritten(record)) moveTo(record, 'resolved', e, config, changes)
      return null
    }
  }
}

/** Why a move is not allowed (with the allowed ones), or null. */
export function transitionProblem(from: Stage, to: Stage): string | null {
  const allowed = allowedFrom(from)
  if (allowed.includes(to)) return null
  return `cannot move from ${from} to ${to}; from ${from} the incident can go to ${allowed.join(', ') || 'nowhere by command'}.`
}

/**
 * The allowed moves. Active stages move freely among themselves and to Resolved; a resolved or
 * closed incident can come back (it recurred). Postmortem and Closed are reached by resolving
 * (and, later, finishing the postmortem), not by jumping there.
 */
export function allowedFrom(from: Stage): Stage[] {
  const active: Stage[] = ['triage', 'investigating', 'fixing', 'monitoring']
  if (isActive(from)) return [...active.filter((s) => s !== from && s !== 'triage'), 'resolved']
  if (from === 'resolved') return ['investigating', 'fixing', 'monitoring', 'closed']
  if (from === 'postmortem') return ['investigating', 'fixing', 'monitoring', 'closed']
  return ['investigating', 'fixing', 'monitoring']
}

function moveTo(
  record: IncidentRecord,
  to: Stage,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  config: Config,
  changes: string[],
): void {
  if (record.stage === to) return
  record.events.push({ ...e, kind: 'stage', from: record.stage, to })
  changes.push(`stage ${config.stages[record.stage]?.name ?? record.stage} → ${config.stages[to].name}`)
  record.stage = to
}

/** Whether this incident gets a postmortem: its priority requires one, or someone asked with `/postmortem`. */
export function wantsPostmortem(record: IncidentRecord, config: Config): boolean {
  const dismissed = record.events.some((e) => e.kind === 'dismissed')
  return (
    !dismissed &&
    (config.priorities[record.priority].postmortem === 'required' || record.postmortem?.requested === true)
  )
}

/** Resolved, then Closed unless a postmortem is still to be written (it keeps the incident in Postmortem until done). */
function resolve(
  record: IncidentRecord,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  config: Config,
  changes: string[],
): void {
  moveTo(record, 'resolved', e, config, changes)
  if (!wantsPostmortem(record, config) || record.postmortem?.done) moveTo(record, 'closed', e, config, changes)
  else if (postmortemWritten(record)) moveTo(record, 'postmortem', e, config, changes)
}

function dismiss(
  record: IncidentRecord,
  reason: string,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  changes: string[],
): void {
  record.events.push({ ...e, kind: 'dismissed', text: reason || undefined })
  record.events.push({ ...e, kind: 'stage', from: record.stage, to: 'closed' })
  record.stage = 'closed'
  changes.push('dismissed as a false alarm')
}

function setPriority(
  r: IncidentRecord,
  to: Priority,
  source: 'rules' | 'human',
  reason: string,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  text?: string,
): void {
  r.events.push({ ...e, kind: 'priority', from: r.priority, to, ...(text ? { text } : {}) })
  r.priority = to
  r.prioritySource = source
  r.priorityReason = reason
}

function describeImpact(f: IncidentFacts): string {
  const parts = [f.impact ?? 'impact not stated']
  if (f.usersAffected !== null) parts.push(`${f.usersAffected}% of users`)
  if (f.dataLoss) parts.push('data loss')
  if (f.security) parts.push('security exposure')
  if (f.services.length) parts.push(`services ${f.services.join(', ')}`)
  return neutralizeMentions(parts.join(', '))
}

/**
 * The labels an incident needs, plus every priority, stage, postmortem and follow-up label, all
 * created in the first incident's single request so that no later move pays for a creation.
 */
export function upFrontLabels(config: Config, needed: readonly string[]): LabelSpec[] {
  return unique([...needed, ...PRIORITIES.map(priorityLabel), ...STAGES.map((st) => stageLabelOf(st, config))])
    .map((l) => labelSpec(l, config))
    .concat(
      { name: config.postmortem.label, color: '5319e7', description: 'A postmortem of an incident (IncidentOps)' },
      {
        name: config.postmortem.followupLabel,
        color: 'c2e0c6',
        description: 'A follow-up action from an incident (IncidentOps)',
      },
    )
}

function unique(labels: string[]): string[] {
  const seen = new Set<string>()
  return labels.filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()))
}

function isManaged(label: string, config: Config): boolean {
  const l = label.toLowerCase()
  return (
    l === config.labels.incident.toLowerCase() ||
    l.startsWith(PRIORITY_PREFIX) ||
    l.startsWith(STAGE_PREFIX) ||
    l.startsWith(SERVICE_PREFIX)
  )
}

/**
 * The whole state the issue should be in, for this record. `warnings` are facts about the
 * installation this run found (the sweep stopped running), shown at the top of the card.
 */
export function desiredIssue(
  ctx: IssueContext,
  record: IncidentRecord,
  facts: IncidentFacts,
  config: Config,
  replies: readonly Reply[],
  warnings: readonly string[] = [],
): DesiredIssue {
  const issue = ctx.issue!
  // Keep people's labels; ours (priority, stage, and service when on) follow the record and the form.
  const ours = (l: string): boolean => {
    const x = l.toLowerCase()
    return (
      x.startsWith(PRIORITY_PREFIX) ||
      x.startsWith(STAGE_PREFIX) ||
      (config.labels.services && x.startsWith(SERVICE_PREFIX))
    )
  }
  const out = issue.labels.filter((l) => !ours(l))
  const add = (l: string): void => {
    if (!out.some((x) => x.toLowerCase() === l.toLowerCase())) out.push(l)
  }
  add(config.labels.incident)
  add(priorityLabel(record.priority))
  add(stageLabelOf(record.stage, config))
  for (const l of serviceLabelsFor(record, facts, config)) add(l)

  const once: Reply[] = []
  const policy = config.priorities[record.priority]
  if (policy.crisis && config.crisis.mention.length && isActive(record.stage) && !record.unconfirmed) {
    const m = marker('crisis', 'declared')
    once.push({
      marker: m,
      body: `${m}\n🚨 **Crisis declared (${record.priority}).** ${config.crisis.mention.join(' ')}: please join the response. The communication checklist is in the incident card above.`,
    })
  }
  once.push(...replies)

  const dismissed = record.events.some((e) => e.kind === 'dismissed') && record.stage === 'closed'
  const closed = stageIndex(record.stage) >= stageIndex('resolved')
  const card = findCard(issue.comments)
  return {
    number: issue.number,
    labels: out,
    // Every priority and stage label is created with the first incident, in the same single request,
    // so later transitions never pay for a label creation.
    labelSpecs: upFrontLabels(
      config,
      out.filter((l) => isManaged(l, config)),
    ),
    card: renderCard({ record, facts, config, ticked: tickedItems(card?.body, config.crisis.checklist), warnings }),
    once,
    state: closed ? 'closed' : 'open',
    stateReason: closed ? (dismissed ? 'not_planned' : 'completed') : undefined,
    assignees: record.commander ? [record.commander] : [],
  }
}

/**
 * The start time written in the form, added or corrected by an edit: it updates the record (and so
 * every figure measured from it) and is shown in the timeline as an edit. While in Triage anyone who
 * can edit the issue may set it (the reporter usually does); later only triage or more. A start
 * that cannot be used (in the future, after the report, not understood) is refused with a reply
 * saying why, once per text. Removing it from the form falls back to the report time.
 */
function onStartTime(
  record: IncidentRecord,
  facts: IncidentFacts,
  first: boolean,
  event: IncidentEvent,
  at: string,
  changes: string[],
  replies: Reply[],
): void {
  const refused = facts.startRefused
  if (refused && refused.problem !== 'not-understood') {
    const mk = marker(
      'start-refused',
      createHash('sha256').update(`${refused.problem}:${refused.text}`).digest('hex').slice(0, 12),
    )
    replies.push({
      marker: mk,
      body: `${mk}\n⚠️ The start time ${code(inline(refused.text, 100))} was not used. ${refused.message}`,
    })
  }
  if (first || event.kind !== 'issue' || event.action !== 'edited') return
  const wanted = facts.startedAt ?? (refused ? null : record.declaredAt)
  if (wanted === null || Date.parse(wanted) === Date.parse(record.startedAt)) return
  if (record.stage !== 'triage' && !(event.role && MAY_COMMAND.includes(event.role))) {
    changes.push(`start time edit by ${event.sender} not used (past Triage, needs triage or more)`)
    const mk = marker(
      'start-denied',
      createHash('sha256').update(`${event.sender}:${wanted}`).digest('hex').slice(0, 12),
    )
    replies.push({
      marker: mk,
      body: `${mk}\nThe start time edited by ${neutralizeMentions(`@${event.sender}`)} was not used: after Triage only people with triage access or more change it. The card keeps ${utc(record.startedAt)}.`,
    })
    return
  }
  record.events.push({ at, kind: 'start', actor: event.sender, via: 'edit', from: record.startedAt, to: wanted })
  changes.push(`start time edited: ${record.startedAt} → ${wanted}`)
  record.startedAt = wanted
}
