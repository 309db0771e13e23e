/**
 * What one event does to a scheduled maintenance (pure): the record it should hold, the replies to
 * post once, and whether the issue closes or reopens; then the writes that differ from what GitHub
 * has (`planMaintenance`). Only people with triage or more put a maintenance on the page or change
 * its course; anyone may open the form, and their maintenance waits for a responder's `/confirm`.
 */
import { createHash } from 'node:crypto'
import type { Config } from '../config/types.js'
import type { IssueSnapshot } from '../domain/snapshot.js'
import { mayDecide, type Role } from '../domain/decide.js'
import { findMarked, marker } from '../domain/record.js'
import type { Effect } from '../plan.js'
import { inline, quote } from '../render/markdown.js'
import { MAINTENANCE_LIMITS, readMaintenanceForm, utc } from './form.js'
import {
  MAINTENANCE_MARKER,
  MAX_UPDATES,
  encodeMaintenance,
  findMaintenanceCard,
  recordTransitions,
  type MaintenanceRecord,
  type MaintenanceStatus,
  type MaintenanceTransition,
} from './record.js'

export type MaintenanceEvent =
  /** `label`: the label added (`labeled`); `author`: who opened the issue. */
  | { kind: 'issue'; action: string; sender: string; role: Role | undefined; label?: string; author?: string | null }
  | { kind: 'comment'; commentId: number; body: string; author: string; role: Role | undefined }
  /** The sweep: only the clock moved. */
  | { kind: 'tick' }

export type MaintenanceCommand =
  | { action: 'confirm' }
  | { action: 'cancel' }
  | { action: 'complete' }
  | { action: 'verify' }
  | { action: 'update'; text: string }

/**
 * The maintenance commands of a comment: `/confirm`, `/maintenance confirm|cancel|complete|verify`
 * and `/maintenance <text>` (a public update: the rest of the line and the lines after it, up to the
 * next command). Lines inside code fences are not commands.
 */
export function parseMaintenanceCommands(body: string): MaintenanceCommand[] {
  const out: MaintenanceCommand[] = []
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  let fence = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (/^(```|~~~)/.test(line)) fence = !fence
    if (fence) continue
    if (/^\/confirm\b/i.test(line)) {
      out.push({ action: 'confirm' })
      continue
    }
    const m = /^\/maintenance(?:\s+(.*))?$/i.exec(line)
    if (!m) continue
    const arg = (m[1] ?? '').trim()
    const word = arg.toLowerCase()
    if (['confirm', 'cancel', 'complete', 'verify'].includes(word)) {
      out.push({ action: word as 'confirm' | 'cancel' | 'complete' | 'verify' })
      continue
    }
    const more: string[] = []
    while (i + 1 < lines.length && !lines[i + 1]!.trim().startsWith('/')) more.push(lines[++i]!)
    out.push({ action: 'update', text: [arg, ...more].join('\n').trim() })
  }
  return out
}

export interface MaintenanceDecision {
  /** null: no maintenance yet (the form was never valid, or the issue is not one). */
  record: MaintenanceRecord | null
  replies: { marker: string; body: string }[]
  state?: { to: 'open' | 'closed'; reason?: 'completed' | 'not_planned' }
  changes: string[]
  /** Transitions this run recorded. */
  recorded: MaintenanceTransition[]
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12)
const WORD: Record<MaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

/**
 * Decides what an event does to the maintenance in `issue`. `now` is GitHub's clock; `run` says
 * which kind of run records the transitions that happened by then.
 */
export function decideMaintenance(
  issue: IssueSnapshot,
  previous: MaintenanceRecord | null,
  event: MaintenanceEvent,
  config: Pick<Config, 'services' | 'status'>,
  now: string,
  run: MaintenanceTransition['run'],
): MaintenanceDecision {
  const record: MaintenanceRecord | null = previous ? structuredClone(previous) : null
  const out: MaintenanceDecision = { record, replies: [], changes: [], recorded: [] }
  const ended = (r: MaintenanceRecord | null): boolean =>
    !!r && (!!r.cancelledAt || r.transitions.some((t) => t.status === 'completed'))
  const problemsReply = (problems: string[], keeps: boolean): void => {
    out.replies.push({
      marker: marker('maintenance-fix', hash(problems.join('\n'))),
      body: [
        keeps
          ? '**IncidentOps**: this edit of the maintenance form was not applied (the maintenance keeps its previous values). Edit the issue to fix:'
          : '**IncidentOps**: this maintenance is not scheduled yet (nothing is on the status page). Edit the issue to fix:',
        '',
        ...problems.map((p) => `- ${p}`),
      ].join('\n'),
    })
  }
  /** Reads the form into the record (new or kept); false when it has problems (replied). */
  const readForm = (confirmBy: { by: string } | null): boolean => {
    const r = readMaintenanceForm(issue.body, config.services, new Date(now))
    if ('problems' in r) {
      problemsReply(r.problems, !!out.record)
      return false
    }
    const f = r.fields
    if (!out.record) {
      out.record = {
        v: 1,
        kind: 'maintenance',
        number: issue.number,
        ...f,
        confirmed: null,
        updates: [],
        transitions: [],
        processed: [],
      }
      out.changes.push(`maintenance read: ${utc(f.start)} to ${utc(f.end)} on ${f.components.join(', ')}`)
    } else {
      const was = out.record
      if (
        was.title !== f.title ||
        was.start !== f.start ||
        was.end !== f.end ||
        was.text !== f.text ||
        was.components.join() !== f.components.join()
      ) {
        Object.assign(was, f)
        out.changes.push(`maintenance form re-read: ${utc(f.start)} to ${utc(f.end)} on ${f.components.join(', ')}`)
      }
    }
    if (confirmBy && !out.record.confirmed) {
      out.record.confirmed = { at: now, by: confirmBy.by }
      out.changes.push(`on the status page (confirmed by ${confirmBy.by})`)
    }
    return true
  }

  if (event.kind === 'issue') {
    const responder = mayDecide(event.role)
    const a = event.action
    const own = !!event.author && event.author.toLowerCase() === event.sender.toLowerCase()
    const isMark = event.label?.toLowerCase() === config.status.maintenance.label.toLowerCase()
    if (a === 'opened' || (a === 'labeled' && isMark)) {
      // A responder who opens the form, or marks an issue as a maintenance, makes it public.
      if (!ended(out.record)) readForm(responder ? { by: event.sender } : null)
    } else if (a === 'edited') {
      // The form is re-read when a responder edits it, or while nobody has made it public yet; a
      // responder fixing their own form (its first version was refused) makes it public as opening it would have.
      if (!ended(out.record) && (responder || !out.record?.confirmed))
        readForm(responder && own && !out.record ? { by: event.sender } : null)
    } else if (a === 'closed' && out.record?.confirmed && !ended(out.record)) {
      const r = out.record
      if (!responder) {
        // Only a responder changes a maintenance's course: the issue is put back.
        out.state = { to: 'open' }
        out.replies.push({
          marker: marker('maintenance-refused', `close-${issue.closedAt ?? now}`),
          body: `**IncidentOps**: only people with triage access or more can end or cancel a maintenance; the issue was reopened. A responder can run \`/maintenance cancel\` or \`/maintenance complete\`.`,
        })
      } else if (Date.parse(now) < Date.parse(r.start)) {
        r.cancelledAt = issue.closedAt ?? now
        out.changes.push('maintenance cancelled (the issue was closed before the window)')
      } else {
        r.endedAt = issue.closedAt ?? now
        out.changes.push('maintenance completed (the issue was closed during the window)')
      }
    }
  } else if (event.kind === 'comment') {
    const commands = parseMaintenanceCommands(event.body)
    const done = out.record?.processed.includes(event.commentId) ?? false
    if (commands.length && !done) {
      const reply = (text: string): void => {
        out.replies.push({ marker: marker('maintenance-reply', event.commentId), body: `**IncidentOps**: ${text}` })
      }
      if (!mayDecide(event.role)) {
        reply(
          `only people with triage access or more can run maintenance commands (\`/confirm\`, \`/maintenance …\`); nothing was changed.`,
        )
      } else {
        const answers: string[] = []
        for (const c of commands) {
          const r = out.record
          if (c.action === 'confirm') {
            // Once public, `/confirm` changes nothing: the form is re-read only on a responder's edit.
            if (!ended(r) && !r?.confirmed) readForm({ by: event.author })
            continue
          }
          if (!r?.confirmed) {
            answers.push(
              `\`/maintenance ${c.action}\`: the maintenance is not on the status page yet; \`/confirm\` it first.`,
            )
            continue
          }
          const started = Date.parse(now) >= Date.parse(r.start)
          if (ended(r)) answers.push(`\`/maintenance ${c.action}\`: the maintenance is already over.`)
          else if (c.action === 'cancel') {
            if (started)
              answers.push(
                '`/maintenance cancel`: the window has started; end it with `/maintenance complete` instead.',
              )
            else {
              r.cancelledAt = now
              out.changes.push(`maintenance cancelled by ${event.author}`)
            }
          } else if (c.action === 'complete') {
            if (!started)
              answers.push(
                '`/maintenance complete`: the window has not started; call it off with `/maintenance cancel` instead.',
              )
            else {
              r.endedAt = now
              out.changes.push(`maintenance completed early by ${event.author}`)
            }
          } else if (c.action === 'verify') {
            if (!started) answers.push('`/maintenance verify`: the window has not started yet.')
            else if (!r.verifyingAt) {
              r.verifyingAt = now
              out.changes.push(`maintenance verifying (${event.author})`)
            }
          } else {
            if (!c.text)
              answers.push('`/maintenance` needs a text for customers: `/maintenance Backups done, upgrading now.`')
            else if (c.text.length > MAINTENANCE_LIMITS.text)
              answers.push(
                `\`/maintenance\`: the update has ${c.text.length} characters; write at most ${MAINTENANCE_LIMITS.text}.`,
              )
            else if (r.updates.length >= MAX_UPDATES)
              answers.push(
                `\`/maintenance\`: this maintenance already has ${MAX_UPDATES} public updates, the most it keeps.`,
              )
            else {
              r.updates.push({ at: now, text: c.text })
              out.changes.push('public maintenance update posted')
            }
          }
        }
        if (answers.length) reply(answers.join('\n\n'))
      }
      if (out.record) out.record.processed = [...out.record.processed, event.commentId].slice(-100)
    }
  }

  const r = out.record
  if (r) {
    const wasEnded = ended(previous)
    out.recorded = recordTransitions(r, now, run)
    for (const t of out.recorded) out.changes.push(`transition recorded: ${t.status} at ${utc(t.at)}`)
    // Over: the issue closes once (a person who reopens it afterwards is not fought).
    if (!wasEnded && ended(r) && issue.state === 'open' && out.state?.to !== 'open')
      out.state = { to: 'closed', reason: r.cancelledAt ? 'not_planned' : 'completed' }
  }
  return out
}

/** The maintenance card: what a responder reads on the issue, and the record. */
export function renderMaintenanceCard(r: MaintenanceRecord, config: Pick<Config, 'services'>): string {
  const names = r.components.map((c) => {
    const s = config.services.find((x) => x.name === c)
    return inline(s?.displayName ?? c, 80)
  })
  const last = r.transitions[r.transitions.length - 1]
  const status = !r.confirmed
    ? '**Waiting for a responder**: not on the status page until someone with triage access or more runs `/confirm`.'
    : `**${WORD[last?.status ?? 'scheduled']}** (on the status page)`
  const lines = [
    MAINTENANCE_MARKER,
    `### 🛠️ Scheduled maintenance: ${inline(r.title, MAINTENANCE_LIMITS.title)}`,
    '',
    '| | |',
    '|---|---|',
    `| Status | ${status} |`,
    `| Window | ${utc(r.start)} → ${utc(r.end)}${r.endedAt ? ` (ended ${utc(r.endedAt)})` : ''} |`,
    `| Components | ${names.join(', ')} |`,
    '',
    '**Text for customers**',
    '',
    quote(r.text, MAINTENANCE_LIMITS.text),
  ]
  if (r.updates.length) {
    lines.push('', '**Public updates**', '')
    for (const u of r.updates) lines.push(`- ${utc(u.at)}: ${inline(u.text, 300)}`)
  }
  if (r.transitions.length) {
    lines.push('', '**Transitions**', '')
    for (const t of r.transitions)
      lines.push(`- ${WORD[t.status]} at ${utc(t.at)} (recorded by the ${t.run} run at ${utc(t.recordedAt)})`)
  }
  lines.push(
    '',
    '<sub>Commands (triage or more): `/confirm` · `/maintenance <update for customers>` · `/maintenance verify` · `/maintenance complete` · `/maintenance cancel`. Edit the form to change the window.</sub>',
    encodeMaintenance(r),
  )
  return lines.join('\n')
}

/** The writes that bring the issue to the decision: replies (once), the card, the issue's state. */
export function planMaintenance(
  issue: IssueSnapshot,
  d: MaintenanceDecision,
  config: Pick<Config, 'services'>,
): Effect[] {
  const effects: Effect[] = []
  const card = findMaintenanceCard(issue.comments)
  for (const r of d.replies)
    if (
      !findMarked(issue.comments, r.marker) &&
      !effects.some((e) => e.kind === 'create-comment' && e.marker === r.marker)
    )
      effects.push({ kind: 'create-comment', issue: issue.number, marker: r.marker, body: `${r.marker}\n${r.body}` })
  if (d.record) {
    const body = renderMaintenanceCard(d.record, config)
    if (!card) effects.push({ kind: 'create-comment', issue: issue.number, marker: MAINTENANCE_MARKER, body })
    else if (card.body !== body)
      effects.push({
        kind: 'update-comment',
        issue: issue.number,
        commentId: card.databaseId,
        marker: MAINTENANCE_MARKER,
        body,
      })
  }
  if (d.state && d.state.to !== issue.state)
    effects.push({
      kind: 'update-issue',
      issue: issue.number,
      state: d.state.to,
      stateReason: d.state.to === 'closed' ? (d.state.reason ?? 'completed') : 'reopened',
      why: [
        d.state.to === 'closed'
          ? `close (maintenance ${d.state.reason === 'not_planned' ? 'cancelled' : 'completed'})`
          : 'reopen (closed by someone below triage)',
      ],
    })
  return effects
}
