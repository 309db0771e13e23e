import type { Config } from '../config/types.js'
import { formatDuration } from '../config/duration.js'
import { milestones } from './milestones.js'
import { isActive, stageIndex } from './stages.js'
import { marker, postmortemWritten, type IncidentRecord, type TimelineEvent } from './record.js'
import { inline, quote } from '../render/markdown.js'
import { utc } from '../render/time.js'
import { escalationChain, resolveTargets, type OncallView } from '../oncall/resolve.js'
import { planPages } from '../paging/plan.js'

/** A reply we post once, found again by its marker. */
export interface DueReply {
  marker: string
  body: string
}

/**
 * When the update clock last restarted: the latest `/update` or stage change, else the report.
 * A stage change is news everyone watching sees (label, card, notifications), so a reminder is
 * never due at the moment the stage changes: the next one falls due a full period later.
 */
export function lastUpdateAt(r: IncidentRecord): string {
  let last = r.declaredAt
  for (const e of r.events) if ((e.kind === 'update' || e.kind === 'stage') && e.at > last) last = e.at
  return last
}

/** The current due period of the update clock: k ≥ 1 when an update is overdue, with the period's start. */
export function updatePeriod(
  r: IncidentRecord,
  config: Config,
  now: string,
): { k: number; dueAt: string; nextDueAt: string } {
  const cadence = config.priorities[r.priority].update
  const last = Date.parse(lastUpdateAt(r))
  const k = Math.max(0, Math.floor((Date.parse(now) - last) / cadence))
  return {
    k,
    dueAt: new Date(last + Math.max(1, k) * cadence).toISOString(),
    nextDueAt: new Date(last + (k + 1) * cadence).toISOString(),
  }
}

/**
 * When the ack clock starts: the report, or for an incident held as unconfirmed, its confirmation
 * (a responder confirming a day-old report does not set off every escalation level at once).
 */
export function ackClockStart(r: IncidentRecord): string {
  return r.events.find((e) => e.kind === 'confirmed')?.at ?? r.declaredAt
}

/**
 * The escalation deadlines, level 1 first: the ack deadline, then each level's `after` (default the
 * ack window). The chain is the incident's service's, else the top-level one (oncall/resolve.ts).
 */
export function escalationDeadlines(
  r: IncidentRecord,
  config: Config,
): { level: number; at: number; mention: string[] }[] {
  const ack = config.priorities[r.priority].ack
  const own = escalationChain(r.service, config)
  const chain = own.length ? own : [{ mention: [] as string[], after: null }]
  let t = Date.parse(ackClockStart(r)) + ack
  return chain.map((l, i) => {
    if (i > 0) t += l.after ?? ack
    return { level: i + 1, at: t, mention: l.mention }
  })
}

const escalatedLevel = (r: IncidentRecord): number =>
  r.events.reduce((m, e) => (e.kind === 'escalation' ? Math.max(m, Number(e.to) || 0) : m), 0)

/**
 * What is due for one incident at `now`, computed from timestamps only (never from "this run"), so
 * a late or dropped scheduled run is caught up by the next run of any kind:
 * - escalation: unacknowledged past the ack deadline → the chain's due levels not yet notified, in
 *   ONE comment (a run that comes late does not post the levels one by one), recorded in the card;
 * - auto-resolve: Monitoring → Resolved after a quiet period (alert incidents by default);
 * - a progress reminder: at most one per due period of the update clock, found again by its marker.
 * Mutates the record (escalation and auto-resolve are recorded) and returns the replies to post.
 */
export function applyDue(
  r: IncidentRecord,
  config: Config,
  now: string,
  assignees: readonly string[],
  pendingChecklist: readonly string[] = [],
  /** The `/cover` overrides, for levels that name a schedule (resolved now, when the level fires). */
  oncall: OncallView | null = null,
): { replies: DueReply[]; changes: string[]; resolve: boolean } {
  const replies: DueReply[] = []
  const changes: string[] = []
  const stage = r.stage
  if (stage === 'postmortem' && r.postmortem && postmortemWritten(r) && !r.postmortem.done) {
    // A required postmortem still open: remind its owner once per chase period.
    const since = milestones(r).resolvedAt ?? r.declaredAt
    const k = Math.floor((Date.parse(now) - Date.parse(since)) / config.postmortem.chaseAfter)
    if (k >= 1) {
      const mk = marker('postmortem-chase', k)
      const owner = r.commander
        ? `@${r.commander}`
        : assignees.length
          ? assignees.map((a) => `@${a}`).join(' ')
          : config.responseTeam.join(' ')
      const open = `${formatDuration(Date.parse(now) - Date.parse(since))} after resolution.${owner ? ` ${owner}:` : ''}`
      replies.push({
        marker: mk,
        body: r.postmortem.issue
          ? `${mk}\n📝 The postmortem #${r.postmortem.issue} is still open ${open} please finish it and close it; the incident closes with it.`
          : r.postmortem.pr
            ? `${mk}\n📝 The postmortem pull request #${r.postmortem.pr} is still not merged ${open} please finish it and merge it; the incident closes with it.`
            : `${mk}\n📝 The postmortem (the comment above) is still not done ${open} please finish it and comment \`/postmortem done\`; the incident closes with it.`,
      })
    }
    return { replies, changes, resolve: false }
  }
  if (!isActive(stage)) return { replies, changes, resolve: false }
  const t = Date.parse(now)
  const m = milestones(r)
  const policy = config.priorities[r.priority]
  const at = (e: Omit<TimelineEvent, 'at' | 'actor' | 'via'>): TimelineEvent => ({
    at: now,
    actor: 'incidentops',
    via: 'schedule',
    ...e,
  })

  // An unconfirmed incident (declared by someone below triage, held) pages nobody until confirmed.
  if (!m.acknowledgedAt && !r.unconfirmed) {
    const done = escalatedLevel(r)
    const due = escalationDeadlines(r, config).filter((l) => l.level > done && l.at <= t)
    if (due.length) {
      const top = due[due.length - 1]!
      const resolved = resolveTargets([...new Set(due.flatMap((l) => l.mention))], config, now, oncall)
      const mention = resolved.mentions
      const targets = mention.length ? mention : assignees.map((a) => `@${a}`)
      r.events.push(at({ kind: 'escalation', to: String(top.level), text: mention.join(' ') || undefined }))
      // Phone pages are recorded with the level, before anything is sent (src/paging/plan.ts).
      const pages = planPages(r, top.level, targets, resolved.schedules, config, now)
      if (pages.length) r.pages = [...(Array.isArray(r.pages) ? r.pages : []), ...pages]
      changes.push(`escalated to level ${top.level}`)
      const mk = marker('escalation', top.level)
      replies.push({
        marker: mk,
        body: `${mk}\n⏰ **Not acknowledged** ${formatDuration(t - Date.parse(r.declaredAt))} after it was reported (${r.priority}: within ${formatDuration(policy.ack)}). ${targets.length ? `${targets.join(' ')}: please take command with \`/ack\`.` : 'Comment `/ack` to take command.'}${due.length > 1 ? ` (Escalation levels ${due[0]!.level}–${top.level} were due; this run came late.)` : ''}${resolved.notes.length ? `\n\nOn call now: ${resolved.notes.join('; ')}.` : ''}`,
      })
    }
  }

  if (stage === 'monitoring') {
    const quiet = r.alert ? config.sweep.autoResolveAlerts : config.sweep.autoResolvePeople
    const since =
      [...r.events]
        .reverse()
        .find((e) => (e.kind === 'stage' && e.to === 'monitoring') || (e.kind === 'alert' && e.text !== 'resolved'))
        ?.at ?? r.declaredAt
    const stillFiring = r.alert?.status === 'firing'
    if (quiet !== null && !stillFiring && t - Date.parse(since) >= quiet) {
      changes.push(`auto-resolved after ${formatDuration(quiet)} quiet in monitoring`)
      return { replies, changes, resolve: true }
    }
  }

  // Reminders start once someone is on it: before that, escalation is what chases the incident.
  if (m.acknowledgedAt && stageIndex(stage) >= stageIndex('investigating')) {
    const p = updatePeriod(r, config, now)
    if (p.k >= 1) {
      const mk = marker('reminder', p.dueAt)
      const last = [...r.events].reverse().find((e) => e.kind === 'update')
      const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt
      const ask = r.commander
        ? [`@${r.commander}`]
        : assignees.length
          ? assignees.map((a) => `@${a}`)
          : config.responseTeam
      const lines = [
        mk,
        `🔔 **Update due** on this ${r.priority} incident (every ${formatDuration(policy.update)}). It has been open ${formatDuration(t - Date.parse(r.startedAt))}, ${stage} for ${formatDuration(t - Date.parse(stageSince))}.`,
        '',
        last ? `Last update, ${utc(last.at)}:\n${quote(last.text ?? '', 500)}` : '_No update yet._',
      ]
      if (policy.crisis && pendingChecklist.length)
        lines.push(
          '',
          'Still pending (crisis communication):',
          ...pendingChecklist.map((c) => `- [ ] ${inline(c, 200)}`),
        )
      lines.push(
        '',
        `${ask.length ? `${ask.join(' ')}: ` : ''}please post \`/update <what changed>\`. Next update due ${utc(p.nextDueAt)}.`,
      )
      replies.push({ marker: mk, body: lines.join('\n') })
    }
  }
  return { replies, changes, resolve: false }
}
