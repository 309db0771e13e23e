/**
 * `/changes`, `/cause` and reverts, applied to an incident's record. Pure: decide.ts calls these
 * with the changes the handler read (one GraphQL query, only when one of them needs it).
 */
import type { Config } from '../config/types.js'
import type { IncidentRecord, TimelineEvent } from '../domain/record.js'
import { rankSuspects, revertsDuring, type Suspect } from './rank.js'
import type { ChangePull, ChangeSet } from './types.js'

/** What `/cause` names: a pull request, a commit, a deployment, or no change at all. */
export type CauseRef =
  { kind: 'pr'; number: number } | { kind: 'sha'; sha: string } | { kind: 'deployment'; id: number } | { kind: 'none' }

/** The confirmed cause, kept in the record. */
export type Cause = CauseRef & {
  /** Who confirmed it and when (the command's comment). */
  by: string
  at: string
  /** The deployment to the incident's environment that shipped it, when known (the report counts it as failed). */
  deployment?: number
  /** The pull request's title or the deployment's environment, as read then (user text: defuse when shown). */
  title?: string
}

/** A revert merged during the incident: a mitigation, and what it undid (proposed as the cause). */
export interface Mitigation {
  pr: number
  at: string
  reverts: number | null
  title: string
}

const USAGE =
  '`/cause` needs a change: `/cause #123` (pull request), `/cause 1a2b3c4` (commit), `/cause 4567` (deployment id) or `/cause none`'

/** Parses `/cause`'s argument, or says how to write it. */
export function parseCause(arg: string): CauseRef | { message: string } {
  const a = arg.trim().split(/\s+/)[0] ?? ''
  if (/^none$/i.test(a)) return { kind: 'none' }
  const pr = /^#(\d{1,9})$/.exec(a)
  if (pr) return { kind: 'pr', number: Number(pr[1]) }
  // A bare number is a deployment id (what the Deployments API and `/changes` show); a commit has letters or 7+ hex digits with one.
  const dep = /^(?:deployment[:#]?)?(\d{1,12})$/i.exec(a)
  if (dep) return { kind: 'deployment', id: Number(dep[1]) }
  if (/^[0-9a-f]{7,40}$/i.test(a)) return { kind: 'sha', sha: a.toLowerCase() }
  return { message: USAGE }
}

/** The incident's environment and service for ranking. */
function query(record: IncidentRecord, config: Config, now: string) {
  const service = record.service ? config.services.find((s) => s.name === record.service) : undefined
  const env =
    record.alert?.labels.environment ?? record.alert?.labels.env ?? record.alert?.labels.Environment ?? undefined
  return {
    startedAt: record.startedAt,
    window: config.changes.window,
    paths: service?.paths ?? [],
    owners: service?.owners.filter((o) => o.startsWith('@')) ?? [],
    environment: env ?? config.changes.environment,
    hotfixLabels: config.changes.hotfixLabels,
    now,
  }
}

/** Ranks the suspects into the record (at declaration and on `/changes`) and records reverts merged since the start. */
export function refreshSuspects(
  record: IncidentRecord,
  changes: ChangeSet,
  config: Config,
  now: string,
  log: string[],
  /** `/changes` asked: an empty list is recorded (and shown). At declaration an empty list leaves the record as it was. */
  explicit = false,
): Suspect[] {
  const suspects = rankSuspects(changes, query(record, config, now))
  if (suspects.length || explicit) {
    record.suspects = suspects
    record.suspectsAt = now
    log.push(`${suspects.length} suspect change${suspects.length === 1 ? '' : 's'} ranked`)
  }
  for (const { revert, reverted } of revertsDuring(changes, record.startedAt, now))
    recordRevert(record, revert, reverted.number, { at: revert.mergedAt, actor: revert.author ?? 'ghost' }, log)
  return suspects
}

/** A revert merged during the incident: recorded once as a mitigation, in the timeline too. */
export function recordRevert(
  record: IncidentRecord,
  revert: Pick<ChangePull, 'number' | 'title' | 'mergedAt'>,
  reverts: number | null,
  e: { at: string; actor: string },
  log: string[],
): boolean {
  if (record.mitigations?.some((m) => m.pr === revert.number)) return false
  record.mitigations = [
    ...(record.mitigations ?? []),
    { pr: revert.number, at: revert.mergedAt, reverts, title: revert.title.slice(0, 200) },
  ].slice(-10)
  record.events.push({
    at: revert.mergedAt,
    kind: 'mitigation',
    actor: e.actor,
    via: 'revert',
    to: `#${revert.number}`,
    ...(reverts !== null ? { from: `#${reverts}` } : {}),
  })
  log.push(`revert #${revert.number} recorded as a mitigation${reverts !== null ? ` (reverts #${reverts})` : ''}`)
  return true
}

/** The suspect a revert points at, proposed as the cause while none is confirmed. */
export function proposedCause(record: IncidentRecord): number | null {
  if (record.cause) return null
  const m = record.mitigations?.find((x) => x.reverts !== null)
  return m?.reverts ?? null
}

/**
 * Applies `/cause`: records it (replacing an earlier one) with what the changes say about it, and a
 * timeline entry. Returns a problem for the reply, or null.
 */
export function confirmCause(
  record: IncidentRecord,
  ref: CauseRef,
  e: Pick<TimelineEvent, 'at' | 'actor' | 'via'>,
  changes: ChangeSet | null,
  config: Config,
  log: string[],
): string | null {
  const env = query(record, config, e.at).environment.toLowerCase()
  const deployed = (sha: string | null): number | undefined =>
    sha
      ? changes?.deployments
          .filter((d) => d.environment.toLowerCase() === env && d.sha.startsWith(sha))
          .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0]?.id
      : undefined
  let cause: Cause
  // A change older than the ones read is recorded as named, with a note that it was not checked.
  let note: string | null = null
  switch (ref.kind) {
    case 'none':
      cause = { ...ref, by: e.actor, at: e.at }
      break
    case 'pr': {
      const pull = changes?.pulls.find((p) => p.number === ref.number)
      const suspect = record.suspects?.find((s) => s.kind === 'pr' && s.id === ref.number)
      if (!pull && !suspect)
        note = `\`/cause #${ref.number}\`: recorded; #${ref.number} is not among the pull requests recently merged to the default branch that were read, so it was not checked.`
      const sha = pull?.mergeSha ?? suspect?.sha ?? null
      const dep = deployed(sha)
      cause = {
        ...ref,
        by: e.actor,
        at: e.at,
        title: (pull?.title ?? suspect?.title ?? '').slice(0, 200),
        ...(dep !== undefined ? { deployment: dep } : {}),
      }
      break
    }
    case 'sha': {
      const dep = deployed(ref.sha)
      cause = { ...ref, by: e.actor, at: e.at, ...(dep !== undefined ? { deployment: dep } : {}) }
      break
    }
    case 'deployment': {
      const d = changes?.deployments.find((x) => x.id === ref.id)
      const suspect = record.suspects?.find((s) => s.kind === 'deployment' && s.id === ref.id)
      if (!d && !suspect)
        note = `\`/cause ${ref.id}\`: recorded; deployment ${ref.id} is not among the recent deployments read, so it was not checked (\`/changes\` lists the recent ones with their ids).`
      cause = {
        ...ref,
        by: e.actor,
        at: e.at,
        deployment: ref.id,
        title: (d?.environment ?? suspect?.title ?? '').slice(0, 100),
      }
      break
    }
  }
  const same =
    record.cause && JSON.stringify({ ...record.cause, at: '', by: '' }) === JSON.stringify({ ...cause, at: '', by: '' })
  if (same) return null
  record.cause = cause
  record.events.push({ ...e, kind: 'cause', to: causeLabel(cause) })
  log.push(`cause confirmed: ${causeLabel(cause)}`)
  return note
}

/** How the cause is named in the timeline and the log (no user text). */
export function causeLabel(c: CauseRef): string {
  switch (c.kind) {
    case 'none':
      return 'none (no change caused it)'
    case 'pr':
      return `#${c.number}`
    case 'sha':
      return c.sha.slice(0, 12)
    case 'deployment':
      return `deployment ${c.id}`
  }
}
