/**
 * A scheduled maintenance's record (pure): a sibling of the incident record, kept base64-encoded in
 * the maintenance card (a comment of ours with its own marker, so no incident code ever reads it as
 * an incident's). Its status is never stored as "the" status: it is derived from the window, the
 * responders' commands and the clock, so the status page is right at build time even when no run
 * happened at the start or end of the window (Upptime's bug). What is stored are the transitions
 * a run saw happen (`transitions`, each with the time it happened and the run that recorded it):
 * the sweep at the window's start and end, the intake run for commands and closing. Announcements
 * to subscribers are meant to be sent from those, once each.
 */
import type { CommentLike } from '../domain/record.js'

/** Statuspage's maintenance statuses, and `cancelled` (never shown on the page). */
export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed' | 'cancelled'

export interface MaintenanceTransition {
  status: MaintenanceStatus
  /** When it happened: the window's start or end, or the command's or the closing's time. */
  at: string
  /** When a run wrote it down (GitHub's clock), and which kind of run: `sweep` or `intake`. */
  recordedAt: string
  run: 'sweep' | 'intake'
}

export interface MaintenanceRecord {
  v: 1
  kind: 'maintenance'
  number: number
  title: string
  /** The window, ISO 8601 UTC. */
  start: string
  end: string
  /** Catalog service names. */
  components: string[]
  /** The text for customers from the form: the maintenance's first public update. */
  text: string
  /** Who made it public (opened it with triage or more, or confirmed it) and when; null: not on the page yet. */
  confirmed: { at: string; by: string } | null
  /** `/maintenance <text>` updates, oldest first. */
  updates: { at: string; text: string }[]
  /** `/maintenance verify`: the work is done and being checked, until the window's end. */
  verifyingAt?: string
  /** Ended before the window's end (`/maintenance complete`, or the issue closed during the window). */
  endedAt?: string
  /** Called off before it started (`/maintenance cancel`, or the issue closed before the start). */
  cancelledAt?: string
  transitions: MaintenanceTransition[]
  /** Comments whose commands were run (or refused). */
  processed: number[]
}

export const MAINTENANCE_MARKER = '<!-- incidentops:maintenance -->'
const RECORD_RE = /<!-- incidentops:maintenance-record:v1:([A-Za-z0-9+/=]+) -->/
/** At most this many public updates (the record lives in a 65,536-character comment). */
export const MAX_UPDATES = 20

export function encodeMaintenance(r: MaintenanceRecord): string {
  return `<!-- incidentops:maintenance-record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`
}

const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v))
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The record in a card's body; null when absent or not a valid record (never trusted half). */
export function decodeMaintenance(body: string): MaintenanceRecord | null {
  const m = RECORD_RE.exec(body)
  if (!m) return null
  try {
    const r: unknown = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8'))
    if (!isObj(r) || r.v !== 1 || r.kind !== 'maintenance') return null
    if (typeof r.number !== 'number' || typeof r.title !== 'string' || typeof r.text !== 'string') return null
    if (!isTime(r.start) || !isTime(r.end)) return null
    if (!Array.isArray(r.components) || !r.components.every((c) => typeof c === 'string')) return null
    if (r.confirmed !== null && !(isObj(r.confirmed) && isTime(r.confirmed.at))) return null
    if (!Array.isArray(r.updates) || !r.updates.every((u) => isObj(u) && isTime(u.at) && typeof u.text === 'string'))
      return null
    if (!Array.isArray(r.transitions) || !r.transitions.every((t) => isObj(t) && isTime(t.at))) return null
    if (!Array.isArray(r.processed)) return null
    return r as unknown as MaintenanceRecord
  } catch {
    return null
  }
}

/** The maintenance card: the oldest comment of ours carrying its marker. */
export function findMaintenanceCard<C extends CommentLike>(comments: readonly C[]): C | undefined {
  return comments
    .filter((c) => c.viewerDidAuthor && c.body.startsWith(MAINTENANCE_MARKER))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId)[0]
}

/** When the work ends: early (`endedAt`) or at the window's end. */
export const endOf = (r: Pick<MaintenanceRecord, 'end' | 'endedAt'>): string =>
  r.endedAt && Date.parse(r.endedAt) < Date.parse(r.end) ? r.endedAt : r.end

/** The status at `now`, from the window, the commands and the clock. */
export function statusAt(r: MaintenanceRecord, now: string): MaintenanceStatus {
  const t = Date.parse(now)
  if (r.cancelledAt) return 'cancelled'
  if (t < Date.parse(r.start)) return 'scheduled'
  if (t >= Date.parse(endOf(r))) return 'completed'
  if (r.verifyingAt && t >= Date.parse(r.verifyingAt)) return 'verifying'
  return 'in_progress'
}

/**
 * Every transition that has happened by `now`, with the time it happened: `scheduled` when it was
 * made public before its start; `in_progress` at the start (or when made public, if later);
 * `verifying`; `completed` at the end (or early end); `cancelled`. Nothing before it is confirmed.
 */
export function transitionsBy(r: MaintenanceRecord, now: string): { status: MaintenanceStatus; at: string }[] {
  if (!r.confirmed) return []
  const t = Date.parse(now)
  const out: { status: MaintenanceStatus; at: string }[] = []
  const confirmedAt = Date.parse(r.confirmed.at)
  const start = Date.parse(r.start)
  if (confirmedAt < start || r.cancelledAt) out.push({ status: 'scheduled', at: r.confirmed.at })
  if (r.cancelledAt) {
    out.push({ status: 'cancelled', at: r.cancelledAt })
    return out
  }
  if (t < start) return out
  out.push({ status: 'in_progress', at: new Date(Math.max(start, confirmedAt)).toISOString() })
  const end = Date.parse(endOf(r))
  if (r.verifyingAt && Date.parse(r.verifyingAt) < end && t >= Date.parse(r.verifyingAt))
    out.push({ status: 'verifying', at: r.verifyingAt })
  if (t >= end) out.push({ status: 'completed', at: new Date(Math.max(end, confirmedAt)).toISOString() })
  return out
}

/**
 * Adds to the record the transitions that happened by `now` and are not recorded yet (each status
 * once); returns those added. A re-run at the same or a later time adds nothing already there.
 */
export function recordTransitions(
  r: MaintenanceRecord,
  now: string,
  run: MaintenanceTransition['run'],
): MaintenanceTransition[] {
  const added: MaintenanceTransition[] = []
  for (const t of transitionsBy(r, now)) {
    if (r.transitions.some((x) => x.status === t.status)) continue
    const entry: MaintenanceTransition = { ...t, recordedAt: now, run }
    r.transitions.push(entry)
    added.push(entry)
  }
  return added
}

/** Whether the sweep still has a transition to record: confirmed, not cancelled, not yet completed. */
export function pending(r: MaintenanceRecord, now: string): boolean {
  return (
    !!r.confirmed &&
    !r.cancelledAt &&
    !(statusAt(r, now) === 'completed' && r.transitions.some((t) => t.status === 'completed'))
  )
}

/**
 * When the next transition the sweep must record happens: now for one that already happened and is
 * not recorded, else the window's start or end; null when nothing is left to record.
 */
export function nextTransitionAt(r: MaintenanceRecord, now: string): string | null {
  if (!pending(r, now)) return null
  if (transitionsBy(r, now).some((t) => !r.transitions.some((x) => x.status === t.status))) return now
  return Date.parse(now) < Date.parse(r.start) ? r.start : endOf(r)
}

/**
 * Whether the sweep must be on for this maintenance: always while it is pending (`wakeBeforeMs`
 * null, the default), or only from `wakeBeforeMs` before its next transition (the status page's
 * scheduled build wakes it then: docs/status-page.md).
 */
export function needsSweep(r: MaintenanceRecord, now: string, wakeBeforeMs: number | null): boolean {
  const next = nextTransitionAt(r, now)
  if (next === null) return false
  return wakeBeforeMs === null || Date.parse(next) - Date.parse(now) <= wakeBeforeMs
}
