/**
 * Scheduled maintenance in the runs (src/maintenance/ is the pure part): the intake run on a
 * maintenance issue (the form opened or edited, `/confirm`, `/maintenance …`, the issue closed) and
 * the sweep, which records each window's start and end as they pass. Every write is an Effect
 * applied by the run's one executor; a re-run finds the record already saying so and writes nothing.
 */
import type { Config } from '../config/types.js'
import type { AppliedEffect, Executor } from '../apply.js'
import type { Role } from '../domain/decide.js'
import type { IssueSnapshot } from '../domain/snapshot.js'
import type { GitHubPort, IncidentPage, LabelSpec } from '../github/port.js'
import type { RunOutcome } from '../outcome.js'
import { inline } from '../render/markdown.js'
import { isMaintenanceForm } from '../maintenance/form.js'
import { NONE, wakeSweep, type CalmOptions } from './calm.js'
import {
  decideMaintenance,
  parseMaintenanceCommands,
  planMaintenance,
  type MaintenanceDecision,
  type MaintenanceEvent,
} from '../maintenance/plan.js'
import type { Effect } from '../plan.js'
import { maintenanceNotice } from '../subscriptions/maintenance.js'
import { announce } from '../subscriptions/apply.js'
import {
  decodeMaintenance,
  findMaintenanceCard,
  MAINTENANCE_MARKER,
  type MaintenanceRecord,
  needsSweep,
  nextTransitionAt,
  type MaintenanceTransition,
} from '../maintenance/record.js'

/**
 * The bulk read holds an issue's first 3 and last 20 comments: a card written after a long thread
 * (an outsider's form fixed after many comments) is outside them. Only then is the issue read whole
 * (one request), so the card is never missed.
 */
export async function withCard(
  port: Pick<GitHubPort, 'loadIssueContext'>,
  issue: IncidentPage['incidents'][number],
): Promise<IssueSnapshot> {
  if (findMaintenanceCard(issue.comments) || issue.commentCount <= issue.comments.length) return issue
  if (!isMaintenanceForm(issue.body)) return issue
  return (await port.loadIssueContext(issue.number, {})).issue ?? issue
}

/** Whether an issue is a maintenance: it carries the maintenance label and not the incident label. */
export function isMaintenanceIssue(labels: readonly string[], config: Pick<Config, 'labels' | 'status'>): boolean {
  const has = (name: string): boolean => labels.some((l) => l.toLowerCase() === name.toLowerCase())
  return has(config.status.maintenance.label) && !has(config.labels.incident)
}

/** Where the notices to subscribers come from: the repository (`owner/name`), and the run's log. */
export interface Tell {
  repo: string
  log: (line: string) => void
}

/**
 * The subscribers told of what this decision changed on the page (src/subscriptions/maintenance.ts),
 * once the card write that records it was done (planned, in a dry run): at most once.
 */
async function tellSubscribers(
  previous: MaintenanceRecord | null,
  d: MaintenanceDecision,
  plan: readonly Effect[],
  applied: readonly AppliedEffect[],
  config: Config,
  exec: Executor,
  now: string,
  tell: Tell,
): Promise<AppliedEffect[]> {
  const notice = maintenanceNotice(previous, d.record, d.recorded, config, tell.repo, now)
  if (!notice) return []
  const i = plan.findIndex(
    (e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === MAINTENANCE_MARKER,
  )
  return announce(notice, i < 0 ? undefined : applied[i], config.status.subscribers, { exec, log: tell.log })
}

export interface MaintenanceRun {
  applied: AppliedEffect[]
  changes: string[]
  recorded: MaintenanceTransition[]
  /** A maintenance needs the sweep on now (its next start or end is near, or always while pending by default). */
  pending: boolean
  /** The earliest start or end still to record (ISO), for the summary; null: none. */
  next: string | null
  /** Why nothing was considered (an issue with the label that is not a maintenance form). */
  skipped?: string
  problems: string[]
}

/** The intake run on a maintenance issue: asks the one role the event needs, decides, applies. */
export async function handleMaintenance(
  port: Pick<GitHubPort, 'getRole'>,
  issue: IssueSnapshot,
  incoming:
    | { kind: 'issue'; action: string; sender: string; label?: string }
    | { kind: 'comment'; commentId: number; body: string; author: string },
  config: Config,
  exec: Executor,
  now: string,
  /** The repository (`owner/name`) and the log: for the notices to subscribers. */
  tell: Tell,
): Promise<MaintenanceRun> {
  const card = findMaintenanceCard(issue.comments)
  const previous = card ? decodeMaintenance(card.body) : null
  // A `maintenance` label on a chore (no card, no form headings): not ours, nothing asked, nothing said.
  if (!previous && !isMaintenanceForm(issue.body))
    return {
      applied: [],
      changes: [],
      recorded: [],
      pending: false,
      next: null,
      problems: [],
      skipped: `#${issue.number} carries the maintenance label but was not opened from the maintenance form (its headings are missing): left alone.`,
    }
  let event: MaintenanceEvent
  if (incoming.kind === 'comment') {
    const ask = parseMaintenanceCommands(incoming.body).length > 0 && !previous?.processed.includes(incoming.commentId)
    event = { ...incoming, role: ask ? ((await port.getRole(incoming.author)) as Role) : undefined }
  } else {
    // A role costs a request: only for the actions that can change something.
    const ask = ['opened', 'labeled', 'edited', 'closed'].includes(incoming.action)
    event = {
      ...incoming,
      author: issue.author,
      role: ask ? ((await port.getRole(incoming.sender)) as Role) : undefined,
    }
  }
  const d = decideMaintenance(issue, previous, event, config, now, 'intake')
  const plan = planMaintenance(issue, d, config)
  const applied = await exec.apply(plan)
  applied.push(...(await tellSubscribers(previous, d, plan, applied, config, exec, now, tell)))
  return {
    applied,
    changes: d.changes,
    recorded: d.recorded,
    pending: !!d.record && needsSweep(d.record, now, config.status.maintenance.wakeBeforeMs),
    next: d.record ? nextTransitionAt(d.record, now) : null,
    problems: applied.some((a) => a.status === 'skipped')
      ? ["This run's write budget was spent before the maintenance was written; the next run writes it."]
      : [],
  }
}

/**
 * The sweep's part: every open maintenance issue (one GraphQL page per 100, with their cards), the
 * transitions that happened by `now` recorded, the issue closed once it is over. Nothing due: no write.
 */
export async function sweepMaintenance(
  port: Pick<GitHubPort, 'loadIssueContext'>,
  pages: AsyncGenerator<IncidentPage>,
  config: Config,
  exec: Executor,
  now: string,
  tell: Tell,
): Promise<MaintenanceRun & { read: number }> {
  const out: MaintenanceRun & { read: number } = {
    applied: [],
    changes: [],
    recorded: [],
    pending: false,
    next: null,
    problems: [],
    read: 0,
  }
  for await (const page of pages)
    for (const listed of page.incidents) {
      out.read++
      if (!isMaintenanceIssue(listed.labels, config)) continue
      const issue = await withCard(port, listed)
      const card = findMaintenanceCard(issue.comments)
      const previous = card ? decodeMaintenance(card.body) : null
      if (!previous) continue
      const d = decideMaintenance(issue, previous, { kind: 'tick' }, config, now, 'sweep')
      const plan = planMaintenance(issue, d, config)
      if (plan.length) {
        const applied = await exec.apply(plan)
        out.applied.push(...applied)
        out.applied.push(...(await tellSubscribers(previous, d, plan, applied, config, exec, now, tell)))
        if (applied.some((a) => a.status === 'skipped')) {
          // Not written: the sweep must come back for it.
          out.pending = true
          out.problems.push(
            `The write budget ran out before maintenance #${issue.number} was written; the next run records it (with the times it happened).`,
          )
        } else {
          out.recorded.push(...d.recorded)
          out.changes.push(...d.changes.map((c) => `#${issue.number}: ${c}`))
        }
      }
      if (d.record && needsSweep(d.record, now, config.status.maintenance.wakeBeforeMs)) out.pending = true
      const next = d.record ? nextTransitionAt(d.record, now) : null
      if (next && (!out.next || next < out.next)) out.next = next
    }
  return out
}

/**
 * The sweep's read of the maintenances: only when the repository has the maintenance label (a
 * repository that never scheduled one pays no request), then ⌈open maintenances/100⌉ queries.
 */
export async function sweepMaintenanceIfAny(
  port: Pick<GitHubPort, 'incidentPages' | 'loadIssueContext'>,
  repoLabels: readonly LabelSpec[],
  config: Config,
  exec: Executor,
  now: string,
  tell: Tell,
): Promise<(MaintenanceRun & { read: number }) | null> {
  const label = config.status.maintenance.label
  if (!repoLabels.some((l) => l.name.toLowerCase() === label.toLowerCase())) return null
  return sweepMaintenance(port, port.incidentPages({ label, states: ['OPEN'] }), config, exec, now, tell)
}

/** The intake run's outcome on a maintenance issue; a pending maintenance wakes the sweep (it records the window's start and end). */
export async function runMaintenanceIntake(
  port: Pick<GitHubPort, 'getRole'>,
  issue: IssueSnapshot,
  repoLabels: readonly LabelSpec[],
  incoming: Parameters<typeof handleMaintenance>[2],
  config: Config,
  calm: CalmOptions,
  now: string,
  log: (line: string) => void,
  repo: string,
): Promise<RunOutcome> {
  const r = await handleMaintenance(port, issue, incoming, config, calm.exec, now, { repo, log })
  for (const c of r.changes) log(`maintenance #${issue.number}: ${c}`)
  const woke = r.pending ? await wakeSweep(repoLabels, calm) : NONE
  const applied = [...r.applied, ...woke.applied]
  const problems = [...r.problems, ...(woke.problem ? [woke.problem] : [])]
  return {
    outputs: { actions: JSON.stringify(applied) },
    summary: {
      head: [
        `### IncidentOps: maintenance #${issue.number}`,
        ...(r.skipped
          ? [r.skipped]
          : r.changes.length
            ? r.changes.map((c) => `- ${inline(c, 300)}`)
            : ['Nothing changed.']),
        ...(woke.line ? [woke.line] : []),
        ...problems.map((p) => `- ⚠️ ${inline(p, 500)}`),
      ],
      applied,
    },
    problems,
  }
}
