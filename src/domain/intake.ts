import { createHash } from 'node:crypto'
import type { Config, Priority } from '../config/types.js'
import type { IssueContext } from '../github/port.js'
import type { DesiredIssue } from '../plan.js'
import { parseIssueForm } from '../intake/issue-form.js'
import type { FormFieldSpec } from '../intake/form-spec.js'
import { factsFromForm, fieldsOf, type IncidentFacts } from '../intake/facts.js'
import { classify, type Classification } from './classify.js'
import { decodeRecord, findCard, marker, type IncidentRecord, type TimelineEvent } from './record.js'
import { labelSpec, priorityLabel, priorityLabelsOn, serviceLabel, stageLabel, PRIORITY_PREFIX, STAGE_PREFIX } from './labels.js'
import { renderCard, tickedItems } from '../render/card.js'
import { neutralizeMentions } from '../render/markdown.js'

export interface IntakeEvent {
  /** The webhook action: opened, edited, labeled, reopened… */
  action: string
  /** Who caused the event (payload.sender.login). */
  sender: string
  /** For labeled/unlabeled: the label's name. */
  label?: string
}

export type IntakeDecision =
  | { kind: 'skip'; reason: string }
  | {
      kind: 'incident'
      record: IncidentRecord
      facts: IncidentFacts
      classification: Classification
      desired: DesiredIssue
      /** What changed in the record in this run, for the log and summary. */
      changes: string[]
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

/**
 * Decides what an incident issue should look like after an `issues` event: pure, from the fresh
 * snapshot (never from the payload's possibly stale copy), so any replay converges to one state.
 */
export function decideIntake(ctx: IssueContext, event: IntakeEvent, config: Config, spec: readonly FormFieldSpec[]): IntakeDecision {
  const issue = ctx.issue
  if (!issue) return { kind: 'skip', reason: 'the issue no longer exists' }
  const incidentLabel = config.labels.incident.toLowerCase()
  if (!issue.labels.some((l) => l.toLowerCase() === incidentLabel)) {
    return { kind: 'skip', reason: `#${issue.number} is not an incident (no \`${config.labels.incident}\` label)` }
  }

  const form = parseIssueForm(issue.body, spec)
  const facts = factsFromForm(form, spec, new Date(issue.createdAt))
  const classification = classify(fieldsOf(facts), config)
  const digest = impactDigest(facts)
  const card = findCard(issue.comments)
  const previous = card ? decodeRecord(card.body) : null
  const humanLabels = priorityLabelsOn(issue.labels)
  const changes: string[] = []

  let record: IncidentRecord
  if (!previous) {
    // A priority label already present before our first run was put there by a person: it wins.
    const human = humanLabels[0]
    const priority: Priority = human ?? classification.priority
    const startedAt = facts.startedAt && facts.startedAt < issue.createdAt ? facts.startedAt : issue.createdAt
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
      events: [{ at: issue.createdAt, kind: 'declared', actor: issue.author ?? 'ghost', via: form.fromForm ? 'form' : 'label', to: priority }],
    }
    changes.push(`declared ${priority} (${record.priorityReason})`)
  } else {
    record = structuredClone(previous)
    const at = issue.updatedAt
    // Only a `labeled` event says a person chose a priority; a label that merely differs from the
    // record (a half-applied earlier run) is repaired to the record instead.
    const chosen = event.action === 'labeled' && event.label ? priorityLabelsOn([event.label])[0] : undefined
    const human = chosen && chosen !== record.priority && humanLabels.includes(chosen) ? chosen : undefined
    if (human) {
      pushPriority(record, human, 'human', `set by hand with the \`${priorityLabel(human)}\` label`, { at, actor: event.sender, via: 'label' })
      changes.push(`priority set to ${human} by label`)
    }
    if (record.impactDigest !== digest) {
      record.impactDigest = digest
      const ev: TimelineEvent = { at, kind: 'impact', actor: event.sender, via: 'edit', text: describeImpact(facts) }
      record.events.push(ev)
      changes.push(`impact edited: ${ev.text}`)
      if (record.prioritySource === 'rules' && classification.priority !== record.priority) {
        pushPriority(record, classification.priority, 'rules', classification.reason, { at, actor: event.sender, via: 'rules' })
        changes.push(`re-classified as ${classification.priority}`)
      } else if (record.prioritySource === 'rules') record.priorityReason = classification.reason
    }
  }

  const labels = desiredLabels(issue.labels, record, facts, config)
  const once: DesiredIssue['once'] = []
  const policy = config.priorities[record.priority]
  if (policy.crisis && config.crisis.mention.length) {
    once.push({
      marker: marker('crisis', 'declared'),
      body: `${marker('crisis', 'declared')}\n🚨 **Crisis declared (${record.priority}).** ${config.crisis.mention.join(' ')}: please join the response. The communication checklist is in the incident card above.`,
    })
  }
  const desired: DesiredIssue = {
    number: issue.number,
    labels,
    labelSpecs: labels.filter((l) => isManaged(l, config)).map((l) => labelSpec(l, config)),
    card: renderCard({ record, facts, config, ticked: tickedItems(card?.body, config.crisis.checklist) }),
    once,
  }
  return { kind: 'incident', record, facts, classification, desired, changes }
}

function pushPriority(r: IncidentRecord, to: Priority, source: 'rules' | 'human', reason: string, e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>): void {
  r.events.push({ ...e, kind: 'priority', from: r.priority, to })
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

function isManaged(label: string, config: Config): boolean {
  const l = label.toLowerCase()
  return l === config.labels.incident.toLowerCase() || l.startsWith(PRIORITY_PREFIX) || l.startsWith(STAGE_PREFIX) || l.startsWith('service/')
}

/** Keeps people's labels, replaces our priority and stage labels, adds service labels. */
function desiredLabels(current: readonly string[], r: IncidentRecord, f: IncidentFacts, config: Config): string[] {
  const keep = current.filter((l) => !l.toLowerCase().startsWith(PRIORITY_PREFIX) && !l.toLowerCase().startsWith(STAGE_PREFIX))
  const out = [...keep]
  const add = (l: string): void => {
    if (!out.some((x) => x.toLowerCase() === l.toLowerCase())) out.push(l)
  }
  add(config.labels.incident)
  add(priorityLabel(r.priority))
  add(stageLabel(r.stage))
  if (config.labels.services) for (const s of f.services) add(serviceLabel(s))
  return out
}
