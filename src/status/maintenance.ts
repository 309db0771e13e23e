/**
 * Scheduled maintenance on the status page (pure): from the maintenance records and GitHub's clock
 * at build time to what the page, the JSON, the feeds and the calendar show. The status is derived
 * from the window and `now`, never from whether a run happened at the start or the end, so a page
 * built after the start shows it in progress even if no sweep ran then.
 *
 * Only maintenances a responder made public (opened with triage or more, or `/confirm`ed) appear;
 * cancelled ones are taken off (Statuspage's public API has no `cancelled` status). The words of
 * the automatic updates are Statuspage's defaults.
 */
import { createHash } from 'node:crypto'
import type { Service } from '../config/types.js'
import { endOf, statusAt, type MaintenanceRecord } from '../maintenance/record.js'

export type PublicMaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed'

export interface MaintenanceUpdate {
  id: string
  status: PublicMaintenanceStatus
  body: string
  at: string
}

export interface PageMaintenance {
  id: string
  name: string
  status: PublicMaintenanceStatus
  scheduledFor: string
  scheduledUntil: string
  /** When it went on the page. */
  createdAt: string
  updatedAt: string
  /** When it ended (completed), else null. */
  resolvedAt: string | null
  /** Component ids (catalog service names). */
  components: string[]
  /** Newest first. */
  updates: MaintenanceUpdate[]
}

export const MAINTENANCE_TEXT: Record<PublicMaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
}

const AUTO: Record<Exclude<PublicMaintenanceStatus, 'scheduled'>, string> = {
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  verifying: 'Verification is currently underway for the maintenance items.',
  completed: 'The scheduled maintenance has been completed.',
}

/** A maintenance's public id: stable, telling nothing of the issue. */
export function maintenanceId(repo: string, number: number): string {
  return createHash('sha256')
    .update(`incidentops-maintenance:${repo.toLowerCase()}#${number}`)
    .digest('hex')
    .slice(0, 12)
}

/** Whether the maintenance is under way at `now` (its components are under maintenance). */
export const isActiveMaintenance = (m: Pick<PageMaintenance, 'status'>): boolean =>
  m.status === 'in_progress' || m.status === 'verifying'

/**
 * The public maintenances at `now`, newest window first. `clean` is how the page makes a
 * responder's text public (mentions and control characters defused; each output escapes it).
 */
export function pageMaintenances(
  records: readonly MaintenanceRecord[],
  catalog: readonly Service[],
  repo: string,
  now: string,
  clean: (text: string) => string,
): PageMaintenance[] {
  const out: PageMaintenance[] = []
  const t = Date.parse(now)
  for (const r of records) {
    if (!r.confirmed) continue
    const status = statusAt(r, now)
    if (status === 'cancelled') continue
    const id = maintenanceId(repo, r.number)
    const start = Date.parse(r.start)
    const end = Date.parse(endOf(r))
    const confirmedAt = Date.parse(r.confirmed.at)
    // What the status was when something was written, for the updates' own status.
    const at = (x: number): PublicMaintenanceStatus => {
      if (x < start) return 'scheduled'
      if (x >= end) return 'completed'
      return r.verifyingAt && x >= Date.parse(r.verifyingAt) ? 'verifying' : 'in_progress'
    }
    const updates: MaintenanceUpdate[] = [
      { id: `${id}-0`, status: at(confirmedAt), body: clean(r.text), at: r.confirmed.at },
    ]
    r.updates.forEach((u, i) =>
      updates.push({ id: `${id}-${i + 1}`, status: at(Date.parse(u.at)), body: clean(u.text), at: u.at }),
    )
    if (t >= start && confirmedAt < start)
      updates.push({ id: `${id}-s`, status: 'in_progress', body: AUTO.in_progress, at: r.start })
    if (r.verifyingAt && t >= Date.parse(r.verifyingAt) && Date.parse(r.verifyingAt) < end)
      updates.push({ id: `${id}-v`, status: 'verifying', body: AUTO.verifying, at: r.verifyingAt })
    const resolvedAt = status === 'completed' ? new Date(Math.max(end, confirmedAt)).toISOString() : null
    if (resolvedAt) updates.push({ id: `${id}-c`, status: 'completed', body: AUTO.completed, at: resolvedAt })
    updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id))
    out.push({
      id,
      name: clean(r.title),
      status,
      scheduledFor: r.start,
      scheduledUntil: r.end,
      createdAt: r.confirmed.at,
      updatedAt: updates[0]!.at,
      resolvedAt,
      components: r.components.filter((c) => catalog.some((s) => s.name === c)),
      updates,
    })
  }
  return out.sort((a, b) => Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor) || a.id.localeCompare(b.id))
}
