import { PRIORITIES, type Priority } from '../config/types.js'
import { isStage, type Stage } from './stages.js'
import type { Suspect } from '../changes/rank.js'
import type { Cause, Mitigation } from '../changes/cause.js'
import type { SimilarState } from '../history/similar-state.js'
import type { PublicState } from '../status/public.js'

/** How something happened, for the timeline and the metrics. */
export type Via =
  | 'form'
  | 'rules'
  | 'label'
  | 'command'
  | 'alert'
  | 'close'
  | 'reopen'
  | 'edit'
  | 'schedule'
  /** A revert merged during the incident (src/changes/cause.ts). */
  | 'revert'

export interface TimelineEvent {
  at: string
  /**
   * declared: the incident was opened; priority/stage: a change (from → to); impact: the form was
   * edited; ack: someone took command; commander: command handed over; update: a status update
   * (resets the update clock); note: a timeline entry; dismissed: a false alarm (noise);
   * refused: someone below triage tried to change the incident's course (closing or reopening the
   * issue) and the issue was put back; confirmed: a responder confirmed an incident held as
   * unconfirmed (declared by someone below triage, with `intake.hold_unconfirmed`); start: the
   * start time edited in the form (from → to).
   */
  kind:
    | 'declared'
    | 'priority'
    | 'stage'
    | 'impact'
    | 'update'
    | 'note'
    | 'ack'
    | 'commander'
    | 'dismissed'
    | 'alert'
    | 'escalation'
    | 'postmortem'
    | 'followup'
    | 'refused'
    | 'confirmed'
    | 'start'
    /** cause: `/cause` confirmed what caused it (`to`); mitigation: a revert merged (`to`, undoing `from`). */
    | 'cause'
    | 'mitigation'
  actor: string
  via: Via
  from?: string
  to?: string
  text?: string
}

/**
 * The machine-readable state of an incident, kept inside the bot's card comment. It is trusted
 * only from a comment our own identity wrote (GraphQL `viewerDidAuthor`), never from issue bodies
 * or other people's comments.
 */
export interface IncidentRecord {
  v: 1
  number: number
  /** When the issue was opened (the report). */
  declaredAt: string
  /** When the incident started (form field, alert startsAt), else the report time. */
  startedAt: string
  priority: Priority
  prioritySource: 'rules' | 'human'
  priorityReason: string
  stage: Stage
  /** Digest of the impact facts that drove classification, to notice edits that change them. */
  impactDigest: string
  events: TimelineEvent[]
  /** Who leads the response (set by `/ack` or `/commander`). */
  commander?: string | null
  /** Ids of comments whose commands already ran: a re-run or redelivery never runs them twice. */
  processed?: number[]
  /** What we last wrote to the board, so a command costs one board write and no board read. */
  board?: BoardCache
  /**
   * True while the incident waits for a responder's `/confirm` (or `/ack`): it was declared by
   * someone below triage and `intake.hold_unconfirmed` is on. No paging, no escalation, no chat
   * notification until then.
   */
  unconfirmed?: boolean
  /**
   * Every service that ever got a `service/<name>` label on this incident (at most
   * MAX_SERVICE_LABELS): edits of the form can move labels among these, never create more, so a
   * flood of edits cannot multiply the repository's labels.
   */
  serviceLabels?: string[]
  /** The catalog service it belongs to (`services` in the config): its escalation chain and runbook apply. */
  service?: string
  /** Where the incident came from: `form`, `manual` (written by hand), or the monitor's name. */
  source?: string
  /** For incidents opened by monitoring: the alert behind it. */
  alert?: AlertState
  /** The postmortem: asked for (`/postmortem`), its issue once written, and whether it is done (issue closed). */
  postmortem?: {
    requested?: boolean
    /** The postmortem issue (`postmortem.as: issue`); null until written, and with `as: comment`. */
    issue: number | null
    /** True once the postmortem was posted as a comment on the incident (`postmortem.as: comment`). */
    comment?: boolean
    /** The pull request that proposes the postmortem file (`postmortem.as: pull_request`); done when merged. */
    pr?: number
    done: boolean
    /** The postmortem issue's GraphQL id, to put it on the board without reading it. */
    nodeId?: string
    /** Its board item and the values we last wrote there (column, priority). */
    board?: { item: string; values: Record<string, string | null> }
  }
  /** Follow-up issues opened with `/followup`, with their state as last seen; `pending` are titles still to open (by comment id). */
  followups?: { number: number; title: string; state: 'open' | 'closed' }[]
  pendingFollowups?: { key: string; title: string }[]
  /** The changes ranked as suspects at declaration or on `/changes` (src/changes/rank.ts), best first. */
  suspects?: Suspect[]
  /** When the suspects were read (GitHub's clock). */
  suspectsAt?: string
  /** The cause confirmed with `/cause` (or that there was none). */
  cause?: Cause
  /** Reverts merged during the incident. */
  mitigations?: Mitigation[]
  /**
   * Phone pages (ntfy, Pushover, e-mail, SMS, calls), recorded in the card BEFORE they are sent:
   * a re-run, a retry or a later sweep finds the key and never pages twice (src/paging/plan.ts).
   */
  pages?: PageRecord[]
  /** Similar past incidents, found at declaration or by `/similar` (src/history/). */
  similar?: SimilarState
  /** What the public status page shows of it (`/status`, docs/status-page.md); absent: only the config's rule can publish it. */
  status?: PublicState
  /**
   * The public changes announced to the status page's subscribers (`<update>@<time>`), recorded in
   * the card BEFORE the notice is sent: never announced twice (src/subscriptions/plan.ts).
   */
  notices?: string[]
}

/** One page: who was paged, at which escalation level, on which channels. */
export interface PageRecord {
  /** `L<level>:@<login>` or `L<level>:schedule:<name>`: one page per level and recipient. */
  key: string
  at: string
  level: number
  /** The login paged (for a schedule's own channels: who it resolved to, or null in a gap). */
  who: string | null
  /** Set when the channels are the schedule's own (`oncall.paging.schedules`). */
  schedule?: string
  channels: string[]
}

export interface AlertState {
  key: string
  source: string
  title: string
  severity: string | null
  service: string | null
  labels: Record<string, string>
  status: 'firing' | 'resolved'
  /** Deliveries recorded (repeats arriving within the coalescing interval of the last one count once). */
  occurrences: number
  firstSeen: string
  lastSeen: string
  /** When we last commented about a repeat, to post at most one such comment per interval. */
  lastComment: string | null
  /** Recent delivery ids (workflow run + key): a re-run of the same delivery changes nothing. */
  deliveries: string[]
}

export interface BoardCache {
  /** `owner/number` of the project the ids belong to; another project in the config means a fresh read. */
  project: string
  projectId: string
  itemId: string
  /** Field name → id, type and (single-select) option name → id. */
  fields: Record<
    string,
    { id: string; type: 'SINGLE_SELECT' | 'DATE' | 'TEXT' | 'NUMBER' | 'OTHER'; options?: Record<string, string> }
  >
  /** Field name → the value we last set (option name, YYYY-MM-DD, or text). */
  values: Record<string, string | null>
}

export const CARD_MARKER = '<!-- incidentops:card -->'
const RECORD_RE = /<!-- incidentops:record:v1:([A-Za-z0-9+/=]+) -->/

/** The hidden record line: base64 JSON, so no user text inside it can close the HTML comment. */
export function encodeRecord(r: IncidentRecord): string {
  return `<!-- incidentops:record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`
}

/** Reads the record from a card body; null when absent or unreadable (then it is rebuilt). */
export function decodeRecord(body: string): IncidentRecord | null {
  const m = RECORD_RE.exec(body)
  if (!m) return null
  try {
    const r: unknown = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8'))
    return isRecord(r) ? r : null
  } catch {
    return null
  }
}

export interface CommentLike {
  databaseId: number
  body: string
  viewerDidAuthor: boolean
  createdAt: string
}

/** The incident card: the oldest comment carrying the card marker that we wrote ourselves. */
export function findCard<C extends CommentLike>(comments: readonly C[]): C | undefined {
  return comments
    .filter((c) => c.viewerDidAuthor && c.body.startsWith(CARD_MARKER))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId)[0]
}

/** A keyed comment of ours (`<!-- incidentops:kind:key -->`), found to edit instead of posting twice. */
export function marker(kind: string, key: string | number): string {
  return `<!-- incidentops:${kind}:${key} -->`
}

export function findMarked<C extends CommentLike>(comments: readonly C[], mark: string): C | undefined {
  return comments.find((c) => c.viewerDidAuthor && c.body.startsWith(mark))
}

/** Whether the postmortem exists: its issue, its comment on the incident, or its pull request. */
export function postmortemWritten(record: IncidentRecord): boolean {
  return !!(record.postmortem?.issue || record.postmortem?.comment || record.postmortem?.pr)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v))

/**
 * Checks a decoded record against schema v1: the fields every reader relies on, with their types
 * (a stage that is not one of STAGES, a priority that is not P1–P4, an event without a time…). A
 * record that fails is treated as absent and rebuilt from the issue, never trusted half.
 */
export function isRecord(r: unknown): r is IncidentRecord {
  if (!isObject(r) || r.v !== 1) return false
  if (typeof r.number !== 'number' || !Number.isInteger(r.number) || r.number <= 0) return false
  if (!isTime(r.declaredAt) || !isTime(r.startedAt)) return false
  if (typeof r.priority !== 'string' || !(PRIORITIES as readonly string[]).includes(r.priority)) return false
  if (r.prioritySource !== 'rules' && r.prioritySource !== 'human') return false
  if (typeof r.priorityReason !== 'string' || typeof r.stage !== 'string' || !isStage(r.stage)) return false
  if (!Array.isArray(r.events) || !r.events.every((e) => isObject(e) && isTime(e.at) && typeof e.kind === 'string'))
    return false
  if (r.processed !== undefined && !(Array.isArray(r.processed) && r.processed.every((n) => typeof n === 'number')))
    return false
  if (r.commander !== undefined && r.commander !== null && typeof r.commander !== 'string') return false
  if (r.status !== undefined && !isPublicState(r.status)) return false
  if (r.notices !== undefined && !(Array.isArray(r.notices) && r.notices.every((k) => typeof k === 'string')))
    return false
  return true
}

/** The record's public state (`status`), as the status page reads it. */
function isPublicState(s: unknown): boolean {
  if (!isObject(s) || typeof s.published !== 'boolean' || !isTime(s.publishedAt)) return false
  if (s.title !== null && typeof s.title !== 'string') return false
  if (!Array.isArray(s.updates) || !s.updates.every((u) => isObject(u) && isTime(u.at) && typeof u.text === 'string'))
    return false
  return s.postmortem === undefined || (isObject(s.postmortem) && typeof s.postmortem.text === 'string')
}
