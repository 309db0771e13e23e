import type { HeartbeatConfig } from '../config/types.js'
import type { LabelSpec } from './snapshot.js'
import type { NormalizedAlert } from '../alerts/index.js'
import { formatDuration } from '../config/duration.js'
import { utc } from '../render/time.js'
import type { CommentLike } from './record.js'

/**
 * Heartbeats (dead man's switches), pure: where the last ping of each is kept, when one is late,
 * and whether the sweep itself has stopped running.
 *
 * The last pings live in ONE bot issue labelled HEARTBEATS_LABEL, one comment per heartbeat (its
 * own marker, a base64 record). One comment each, not one shared body: pings of different
 * heartbeats run in parallel (the example workflow groups runs per name), and two runs editing one
 * body would lose a ping, which would later open a false incident. The sweep and ping runs read the
 * issue in the first GraphQL page they already fetch, so a ping costs that read and one edit.
 */

/** The label of the issue that holds the pings (it is not an incident). */
export const HEARTBEATS_LABEL: LabelSpec = {
  name: 'incidentops/heartbeats',
  color: 'ededed',
  description: 'IncidentOps: holds the last ping of each heartbeat (one comment each). Not an incident.',
}

export const HEARTBEATS_ISSUE_MARKER = '<!-- incidentops:heartbeats -->'

/** The `repository_dispatch` event type of a ping. */
export const HEARTBEAT_EVENT_TYPE = 'heartbeat'

/** The alert key of a heartbeat's incident: the same dedup, repeat and resolve logic as any alert. */
export const heartbeatKey = (name: string): string => `heartbeat:${name}`

/** What a heartbeat name may be (as the config schema says): safe inside markers and keys unescaped. */
export const HEARTBEAT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/

/** Pings closer than this to the recorded one are not written again (a re-run, or a chatty sender). */
export const PING_COALESCE_MS = 60_000

export const heartbeatMarker = (name: string): string => `<!-- incidentops:heartbeat:${name} -->`
const RECORD_RE = /<!-- incidentops:heartbeat-record:v1:([A-Za-z0-9+/=]+) -->/

export interface HeartbeatRecord {
  v: 1
  name: string
  /** GitHub's clock when the last ping was handled (ISO). */
  lastPing: string
}

export interface StoredHeartbeat extends HeartbeatRecord {
  /** The comment to edit on the next ping. */
  commentId: number
}

/** What the sweep and ping runs know of the pings: the issue (null before the first ping) and the last ping by name. */
export interface HeartbeatStore {
  issue: number | null
  beats: Map<string, StoredHeartbeat>
}

/** The issue's shape as the first page returns it. */
export interface HeartbeatIssue {
  number: number
  body: string
  viewerDidAuthor: boolean
  comments: CommentLike[]
}

/**
 * The pings from the heartbeat issues of the first page. Only our own issue and our own comments
 * count (a person's comment cannot fake a ping). Two racing first pings may each have written a
 * comment, or (on the very first pings) an issue: the latest ping wins, the lowest issue is used.
 */
export function readHeartbeats(issues: readonly HeartbeatIssue[] | undefined): HeartbeatStore {
  const ours = (issues ?? [])
    .filter((i) => i.viewerDidAuthor && i.body.startsWith(HEARTBEATS_ISSUE_MARKER))
    .sort((a, b) => a.number - b.number)
  const beats = new Map<string, StoredHeartbeat>()
  // Issues in number order, comments in id order: the first comment seen for a name is the one
  // every run edits (deterministic), and it carries the latest ping of all its duplicates.
  for (const issue of ours) {
    for (const c of [...issue.comments].sort((a, b) => a.databaseId - b.databaseId)) {
      if (!c.viewerDidAuthor || !c.body.startsWith('<!-- incidentops:heartbeat:')) continue
      const r = decodeHeartbeat(c.body)
      if (!r || !c.body.startsWith(heartbeatMarker(r.name))) continue
      const had = beats.get(r.name)
      if (!had) beats.set(r.name, { ...r, commentId: c.databaseId })
      else if (Date.parse(r.lastPing) > Date.parse(had.lastPing)) had.lastPing = r.lastPing
    }
  }
  return { issue: ours[0]?.number ?? null, beats }
}

export function decodeHeartbeat(body: string): HeartbeatRecord | null {
  const m = RECORD_RE.exec(body)
  if (!m) return null
  try {
    const r = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')) as HeartbeatRecord
    if (
      r?.v !== 1 ||
      typeof r.name !== 'string' ||
      !HEARTBEAT_NAME.test(r.name) ||
      typeof r.lastPing !== 'string' ||
      Number.isNaN(Date.parse(r.lastPing))
    )
      return null
    return r
  } catch {
    return null
  }
}

/** The comment of one heartbeat: its marker, a line for people, the record for the machine. */
export function heartbeatComment(hb: HeartbeatConfig, lastPing: string): string {
  const record: HeartbeatRecord = { v: 1, name: hb.name, lastPing }
  const due = new Date(deadline(hb, lastPing)).toISOString()
  return [
    heartbeatMarker(hb.name),
    `💓 \`${hb.name}\`: last ping ${utc(lastPing)} · expected every ${formatDuration(hb.period)} · late (an incident opens) after ${utc(due)}`,
    `<!-- incidentops:heartbeat-record:v1:${Buffer.from(JSON.stringify(record), 'utf8').toString('base64')} -->`,
  ].join('\n')
}

/** The body of the issue that holds the pings. */
export function heartbeatsIssueBody(): string {
  return [
    HEARTBEATS_ISSUE_MARKER,
    'IncidentOps keeps the last ping of each heartbeat here, one comment each, and edits them on every ping. The scheduled sweep opens an incident when a heartbeat is late (docs/monitoring.md, Heartbeats).',
    '',
    'Please do not comment here, and do not close this issue: its comments are the record of the pings. Heartbeats are declared in `.github/incidents.yml` (`heartbeats:`).',
  ].join('\n')
}

/** When a heartbeat last pinged at `lastPing` counts as stopped: after period + grace (ms since epoch). */
export function deadline(hb: Pick<HeartbeatConfig, 'period' | 'grace'>, lastPing: string): number {
  return Date.parse(lastPing) + hb.period + hb.grace
}

export type HeartbeatState =
  /** Never pinged: not watched until its first ping (a new heartbeat is not late on day one). */
  | { kind: 'waiting' }
  | { kind: 'ok'; lastPing: string; deadline: string }
  | { kind: 'late'; lastPing: string; deadline: string }

/** Whether a heartbeat is late at `now`: strictly after its last ping + period + grace. */
export function heartbeatState(
  hb: Pick<HeartbeatConfig, 'period' | 'grace'>,
  lastPing: string | null,
  now: string,
): HeartbeatState {
  if (lastPing === null) return { kind: 'waiting' }
  const d = deadline(hb, lastPing)
  const at = new Date(d).toISOString()
  return Date.parse(now) > d ? { kind: 'late', lastPing, deadline: at } : { kind: 'ok', lastPing, deadline: at }
}

/** Whether a ping at `now` needs a write: no record yet, or the recorded ping is at least PING_COALESCE_MS older. */
export function pingNeedsWrite(stored: HeartbeatRecord | undefined, now: string): boolean {
  return !stored || Date.parse(now) - Date.parse(stored.lastPing) >= PING_COALESCE_MS
}

/**
 * The alert a late heartbeat raises (firing) or a ping after it sends (resolved): the same
 * NormalizedAlert every monitor's payload becomes, so dedup, repeat, reopen and resolve are shared.
 * The incident starts when the missed ping was due (last ping + period), not when it was noticed.
 */
export function heartbeatAlert(
  hb: HeartbeatConfig,
  status: 'firing' | 'resolved',
  lastPing: string,
  now: string,
): NormalizedAlert {
  const due = new Date(Date.parse(lastPing) + hb.period).toISOString()
  return {
    status,
    key: heartbeatKey(hb.name),
    title: `Heartbeat ${hb.name} is late`,
    description:
      status === 'firing'
        ? `No ping since ${utc(lastPing)}. Expected every ${formatDuration(hb.period)}, with ${formatDuration(hb.grace)} of grace: late since ${utc(new Date(deadline(hb, lastPing)).toISOString())}. The next ping resolves this incident.`
        : `Pinged again at ${utc(now)}.`,
    service: hb.service,
    severity: hb.priority.toLowerCase(),
    labels: { heartbeat: hb.name },
    startsAt: status === 'firing' ? due : null,
    endsAt: status === 'resolved' ? now : null,
    source: 'heartbeat',
    links: [],
  }
}

// ---------------------------------------------------------------------------------------------
// The sweep's own heartbeat: kept in the description of the `incidentops/sweep-on` label (calm.ts),
// which every intake, alert and sweep run already reads with the repository's labels: watching it
// costs no request; recording it costs the sweep one label edit per run.

const STAMP_RE = /last run (\d{4}-\d\d-\d\dT\d\d:\d\dZ)/

/** The label description that records the sweep's run at `now` (≤ 100 characters, GitHub's limit). */
export function sweepStampDescription(now: string): string {
  return `IncidentOps: the scheduled sweep is on; last run ${now.slice(0, 16)}Z. Deleted while calm.`
}

/** The sweep's last recorded run from its label's description (null: none recorded). */
export function sweepLastRun(description: string | null | undefined): string | null {
  const m = STAMP_RE.exec(description ?? '')
  if (!m) return null
  const t = Date.parse(m[1]!.replace('Z', ':00Z'))
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** Whether the sweep must record this run: nothing recorded, or the record is half an interval old or more. */
export function sweepNeedsStamp(description: string | null | undefined, interval: number, now: string): boolean {
  const last = sweepLastRun(description)
  return last === null || Date.parse(now) - Date.parse(last) >= Math.max(60_000, interval / 2)
}

/** How many intervals without a sweep run count as "stopped". */
export const SWEEP_LATE_FACTOR = 3

/** The hidden line in a card that says it carries the "sweep stopped" warning (the sweep clears it when it runs again). */
export const SWEEP_LATE_MARKER = '<!-- incidentops:sweep-late -->'

/**
 * The sweep's last run when it is overdue at `now` (more than SWEEP_LATE_FACTOR × its interval
 * ago), else null. No label (the sweep sleeps on purpose, or never ran) or no record: not overdue.
 */
export function sweepOverdue(label: LabelSpec | undefined, interval: number | null, now: string): string | null {
  if (!label || interval === null) return null
  const last = sweepLastRun(label.description)
  if (last === null) return null
  return Date.parse(now) - Date.parse(last) > SWEEP_LATE_FACTOR * interval ? last : null
}

/**
 * The warning for the job summary and (behind SWEEP_LATE_MARKER) the card: stable for one last run,
 * so the card is not rewritten on every run while the sweep stays stopped.
 */
export function sweepLateWarning(lastRun: string, interval: number): string {
  return (
    `**The scheduled sweep has not run since ${utc(lastRun)}** (its schedule is every ${formatDuration(interval)}): progress reminders, escalations, auto-resolve and heartbeat checks are not being done. ` +
    'GitHub disables scheduled workflows after 60 days without repository activity and drops runs under load: check the sweep workflow in the Actions tab (enable it, or run it by hand).'
  )
}

/**
 * What an intake, alert or heartbeat run says when the sweep is overdue: the card's warning (behind
 * SWEEP_LATE_MARKER, so the sweep clears it when it runs again) and the job summary's line. Nothing
 * when the sweep is on time, sleeps on purpose, or is not watched (`sweep.interval: off`).
 */
export function sweepLateNotice(
  labels: readonly LabelSpec[] | undefined,
  interval: number | null,
  now: string | null,
): { card: string[]; line: string | null } {
  const label = (labels ?? []).find((l) => l.name.toLowerCase() === SWEEP_ON_LABEL_NAME)
  const last = now ? sweepOverdue(label, interval, now) : null
  if (last === null || interval === null) return { card: [], line: null }
  const text = sweepLateWarning(last, interval)
  return { card: [`${SWEEP_LATE_MARKER}${text}`], line: `⚠️ ${text}` }
}

/** The name of calm.ts's marker label (repeated here so this pure module needs no events import). */
export const SWEEP_ON_LABEL_NAME = 'incidentops/sweep-on'
