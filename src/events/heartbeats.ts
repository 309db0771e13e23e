import type { Config, HeartbeatConfig } from '../config/types.js'
import type { GitHubPort, IncidentPage, IssueSnapshot, LabelSpec } from '../github/port.js'
import type { BoardPort } from '../github/board.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'
import type { Effect } from '../plan.js'
import { decodeRecord, findCard } from '../domain/record.js'
import {
  HEARTBEATS_ISSUE_MARKER,
  HEARTBEATS_LABEL,
  heartbeatAlert,
  heartbeatComment,
  heartbeatKey,
  heartbeatMarker,
  heartbeatState,
  heartbeatsIssueBody,
  pingNeedsWrite,
  readHeartbeats,
  sweepNeedsStamp,
  sweepStampDescription,
} from '../domain/heartbeats.js'
import { SWEEP_ON_LABEL } from './calm.js'
import { handleAlerts, keyOf, type AlertOutcome, type AlertRunOptions } from './alerts.js'
import { code } from '../render/markdown.js'
import { utc } from '../render/time.js'

type Incident = IssueSnapshot & { commentCount?: number }

/** The open incidents a run read (all pages), with the first page's extras (labels, config, heartbeat issue). */
export interface OpenIncidents {
  first: IncidentPage | null
  incidents: Incident[]
}

export interface PingResult {
  /** recorded: the ping was written; coalesced: a ping under a minute ago is already recorded; unknown: no such heartbeat. */
  outcome: 'recorded' | 'coalesced' | 'unknown'
  /** The incident the ping resolved, when it was late. */
  resolved: AlertOutcome | null
  applied: AppliedEffect[]
  problems: string[]
}

/**
 * A ping (`repository_dispatch` of type `heartbeat`, or the relay's `POST /heartbeat/<name>`):
 * records it in the heartbeat's comment, and when the heartbeat's incident is open and firing,
 * resolves it through the alert path (as a `resolved` alert does). Nothing changing state costs the
 * first page's read and one comment edit; a ping within a minute of the recorded one, only the read.
 * An unknown name writes nothing.
 */
export async function handlePing(
  port: GitHubPort,
  board: BoardPort | null,
  name: string,
  config: Config,
  open: OpenIncidents,
  opts: AlertRunOptions,
): Promise<PingResult> {
  const hb = config.heartbeats.find((h) => h.name === name)
  if (!hb) return { outcome: 'unknown', resolved: null, applied: [], problems: [] }
  const now = opts.now()
  const store = readHeartbeats(open.first?.heartbeats)
  const stored = store.beats.get(name)
  const applied: AppliedEffect[] = []
  const apply = async (effects: Effect[], o: { after?: boolean } = {}) => {
    const done = await opts.exec.apply(effects, o)
    applied.push(...done)
    return done
  }
  const write = pingNeedsWrite(stored, now)
  if (write) {
    let issue = store.issue
    if (issue === null) {
      // The first ping of the repository: the issue that will hold every heartbeat's comment.
      const have = (open.first?.repoLabels ?? []).some((l) => l.name.toLowerCase() === HEARTBEATS_LABEL.name)
      const done = await apply([
        ...(have ? [] : [{ kind: 'create-labels' as const, labels: [HEARTBEATS_LABEL] }]),
        {
          kind: 'create-issue',
          title: 'IncidentOps heartbeats',
          body: heartbeatsIssueBody(),
          labels: [HEARTBEATS_LABEL.name],
          marker: HEARTBEATS_ISSUE_MARKER,
        },
      ])
      // In a dry run, the number the executor imagines for it (so the plan names the same issue).
      issue = createdBy(done.find((d) => d.kind === 'create-issue'))?.issue ?? null
    }
    const body = heartbeatComment(hb, now)
    const mark = heartbeatMarker(hb.name)
    // Without the issue (a dry run, or the budget spent before it) the comment waits for it: planned in a dry run, skipped otherwise.
    await apply(
      [
        stored
          ? { kind: 'update-comment', issue: issue ?? 0, commentId: stored.commentId, marker: mark, body }
          : { kind: 'create-comment', issue: issue ?? 0, marker: mark, body },
      ],
      { after: issue !== null },
    )
  }
  // A late ping: its incident is open and still firing. Resolved as any `resolved` alert is.
  let resolved: AlertOutcome | null = null
  const problems: string[] = []
  if (open.incidents.some((i) => keyOf(i) === heartbeatKey(hb.name) && alertStatus(i) !== 'resolved')) {
    const r = await handleAlerts(
      port,
      board,
      [heartbeatAlert(hb, 'resolved', stored?.lastPing ?? now, now)],
      config,
      open,
      opts,
    )
    applied.push(...r.applied)
    problems.push(...r.problems)
    resolved = r.outcomes[0] ?? null
  }
  return { outcome: write ? 'recorded' : 'coalesced', resolved, applied, problems }
}

/** An alert incident's status from its record (null before its card exists). */
function alertStatus(i: Incident): 'firing' | 'resolved' | null {
  const card = findCard(i.comments)
  return (card ? decodeRecord(card.body) : null)?.alert?.status ?? null
}

/**
 * Whether an incident of this heartbeat already speaks for the lateness that started at `deadline`:
 * its alert fired (opened, or fired again) at or after it. Then nothing more is done until the next
 * ping, even if a person closed the incident meanwhile: the sweep does not reopen what people closed.
 */
function alertedSince(i: Incident, deadline: string): boolean {
  const card = findCard(i.comments)
  const r = card ? decodeRecord(card.body) : null
  const last = r?.alert?.lastSeen ?? i.createdAt
  return Date.parse(last) >= Date.parse(deadline)
}

export interface WatchResult {
  /** One line per heartbeat that is not simply on time, for the summary. */
  lines: string[]
  /** Incidents opened or fired again for late heartbeats. */
  alerted: AlertOutcome[]
  applied: AppliedEffect[]
  problems: string[]
}

/**
 * The sweep's check of every configured heartbeat: one that is late (now > last ping + period +
 * grace) and whose lateness no incident speaks for yet raises a firing alert `heartbeat:<name>`,
 * which opens an incident, or fires its incident again (reopening it within the reopen window).
 * Costs nothing beyond the sweep's own read, except one read of recently closed incidents when a
 * late heartbeat has no open incident.
 */
export async function watchHeartbeats(
  port: GitHubPort,
  board: BoardPort | null,
  config: Config,
  open: OpenIncidents,
  opts: AlertRunOptions,
): Promise<WatchResult> {
  const out: WatchResult = { lines: [], alerted: [], applied: [], problems: [] }
  if (config.heartbeats.length === 0) return out
  const now = opts.now()
  const store = readHeartbeats(open.first?.heartbeats)
  const late: { hb: HeartbeatConfig; lastPing: string; deadline: string }[] = []
  for (const hb of config.heartbeats) {
    const st = heartbeatState(hb, store.beats.get(hb.name)?.lastPing ?? null, now)
    if (st.kind === 'waiting')
      out.lines.push(`Heartbeat ${code(hb.name, 70)}: no ping yet (watched from its first ping).`)
    else if (st.kind === 'late') late.push({ hb, lastPing: st.lastPing, deadline: st.deadline })
  }
  let closed: Incident[] | null = null
  const earliest = late.map((l) => l.deadline).sort()[0]
  for (const { hb, lastPing, deadline } of late) {
    const key = heartbeatKey(hb.name)
    const name = code(hb.name, 70)
    const mine = open.incidents.filter((i) => keyOf(i) === key).sort((a, b) => a.number - b.number)
    const speaking = mine.find((i) => alertedSince(i, deadline))
    if (speaking) {
      out.lines.push(
        `Heartbeat ${name}: late since ${utc(deadline)} (no ping since ${utc(lastPing)}): incident #${speaking.number}.`,
      )
      continue
    }
    if (mine.length === 0) {
      closed ??= await closedSince(port, config, earliest!)
      const shut = closed
        .filter((i) => keyOf(i) === key && alertedSince(i, deadline))
        .sort((a, b) => b.number - a.number)[0]
      if (shut) {
        out.lines.push(
          `Heartbeat ${name}: late since ${utc(deadline)}; its incident #${shut.number} was closed while it was still late: nothing more until its next ping.`,
        )
        continue
      }
    }
    const r = await handleAlerts(port, board, [heartbeatAlert(hb, 'firing', lastPing, now)], config, open, opts)
    out.applied.push(...r.applied)
    out.problems.push(...r.problems)
    const o = r.outcomes[0]
    if (o) {
      out.alerted.push(o)
      out.lines.push(
        `Heartbeat ${name}: late since ${utc(deadline)} (no ping since ${utc(lastPing)}): ${o.incident !== null ? `incident #${o.incident} ${o.what}` : `no incident (${o.note ?? o.outcome})`}.`,
      )
    }
  }
  return out
}

async function closedSince(port: GitHubPort, config: Config, since: string): Promise<Incident[]> {
  const out: Incident[] = []
  for await (const p of port.incidentPages({ label: config.labels.incident, states: ['CLOSED'], since }))
    out.push(...p.incidents)
  return out
}

/**
 * The sweep records that it ran, in the description of its `incidentops/sweep-on` label (created
 * when missing), so that every other run can tell when scheduled runs have stopped. At most one
 * label write per run, none when the record is under half an interval old (a re-run).
 */
export async function stampSweep(
  labels: readonly LabelSpec[],
  config: Config,
  now: string,
  exec: Executor,
): Promise<AppliedEffect[]> {
  const interval = config.sweep.interval
  if (interval === null) return []
  const label = labels.find((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name)
  const description = sweepStampDescription(now)
  const effects: Effect[] = !label
    ? [{ kind: 'create-labels', labels: [{ ...SWEEP_ON_LABEL, description }] }]
    : sweepNeedsStamp(label.description, interval, now)
      ? [{ kind: 'update-label', name: SWEEP_ON_LABEL.name, description, why: 'the sweep ran' }]
      : []
  return exec.apply(effects)
}
