import type { IncidentRecord } from './record.js'
import { stageIndex } from './stages.js'

/**
 * The timestamps the metrics use, derived from the record's events (docs/metrics.md defines them):
 * - started: when impact began (form field or alert `startsAt`), else when it was reported;
 * - declared: when the issue was opened;
 * - acknowledged: the first `/ack`, or the first move out of Triage, whichever came first;
 * - mitigated: the start of the final stretch in Monitoring or later (a move back to
 *   Investigating/Fixing means the mitigation did not hold); resolved without passing through
 *   Monitoring counts as mitigated when resolved;
 * - resolved: the last entry into Resolved (or later), if the incident is now Resolved or later;
 * - closed: the last entry into Closed, if it is closed now.
 * A milestone not reached is null, never a guess.
 */
export interface Milestones {
  startedAt: string
  declaredAt: string
  acknowledgedAt: string | null
  mitigatedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  dismissed: boolean
}

/**
 * `asOf` (an ISO time) rebuilds the milestones as they were then, from the timeline alone: events
 * after it are ignored and the stage is the one the timeline had reached (so an incident closed
 * before a report's end and reopened after it counts as resolved in that report).
 */
export function milestones(r: IncidentRecord, asOf?: string): Milestones {
  let acknowledgedAt: string | null = null
  let mitigatedAt: string | null = null
  let resolvedAt: string | null = null
  let closedAt: string | null = null
  let dismissed = false
  const MON = stageIndex('monitoring')
  const RES = stageIndex('resolved')
  const CLO = stageIndex('closed')
  const limit = asOf === undefined ? Infinity : Date.parse(asOf)
  let stageThen = 'triage'
  for (const e of r.events) {
    if (Date.parse(e.at) > limit) continue
    if (e.kind === 'stage' && e.to) stageThen = e.to
    if (e.kind === 'ack' && acknowledgedAt === null) acknowledgedAt = e.at
    if (e.kind === 'dismissed') dismissed = true
    if (e.kind !== 'stage' || !e.to) continue
    const from = stageIndex(e.from ?? 'triage')
    const to = stageIndex(e.to)
    if (acknowledgedAt === null && to !== stageIndex('triage')) acknowledgedAt = e.at
    // Entering Monitoring-or-later from below starts a stretch; going back below ends it.
    if (to >= MON && (from < MON || mitigatedAt === null)) mitigatedAt = e.at
    if (to < MON) mitigatedAt = null
    if (to >= RES && (from < RES || resolvedAt === null)) resolvedAt = e.at
    if (to < RES) resolvedAt = null
    if (to === CLO) closedAt = e.at
    if (to < CLO) closedAt = null
  }
  const now = stageIndex(asOf === undefined ? r.stage : stageThen)
  if (now < RES) resolvedAt = null
  if (now < CLO) closedAt = null
  if (now < MON) mitigatedAt = null
  return {
    startedAt: r.startedAt,
    declaredAt: r.declaredAt,
    acknowledgedAt,
    mitigatedAt,
    resolvedAt,
    closedAt,
    dismissed,
  }
}
