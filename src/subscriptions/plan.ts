/*
 * Which notices a run sends, and the effects that send them (pure). As with phone pages
 * (src/paging/plan.ts), a notice's changes are recorded in the source's record (`notices`) in the
 * card write that makes the change public, and sent only once that write is done: a replay, a
 * re-run or a later sweep finds them recorded (or no longer new) and sends nothing again.
 */
import type { Config } from '../config/types.js'
import type { IncidentRecord } from '../domain/record.js'
import { hasSubscribers, type SubscribersConfig } from './config.js'
import { buildNotice, changeKeys, noticePage, publicIncident, type Notice } from './notice.js'

/** One notice to one subscriber: sent by the run's executor (never in a dry run), after its record is written. */
export interface AnnounceEffect {
  kind: 'announce'
  issue: number
  channel: 'webhook' | 'email'
  /** The webhook's URL, or the address. */
  to: string
  /** Webhooks: the environment variable that holds the signing secret. */
  secretEnv: string | null
  notice: Notice
}

/** Most change keys kept in a record (20 updates, the first, resolutions, the postmortem fit with room). */
export const NOTICES_KEPT = 60

/**
 * The notice for the public changes this run makes to an incident, or null. A change is new when
 * the incident's public view after the run has an update its view before the run did not have, and
 * the record does not list it as notified: so a config rule that starts matching old incidents
 * announces none of them, a republication after `/status unpublish` repeats nothing already sent, and
 * subscribers added later are not flooded with the past. Several changes in one run (a publication
 * with its first update, then `/resolve` in the same comment) make one notice with the incident as
 * it now is. Title changes, stage changes without a `/status` text and `/status unpublish` announce
 * nothing (docs/status-page.md#subscriptions).
 */
export function planIncidentNotice(
  before: { record: IncidentRecord; services: readonly string[] } | null,
  after: { record: IncidentRecord; services: readonly string[] },
  config: Pick<Config, 'status' | 'services'>,
  repo: string,
  now: string,
): Notice | null {
  if (!hasSubscribers(config.status.subscribers)) return null
  const now_ = publicIncident(after.record, after.services, config, repo, now)
  if (!now_) return null
  const was = before ? publicIncident(before.record, before.services, config, repo, now) : null
  const seen = new Set([...changeKeys(was?.incident ?? null), ...(after.record.notices ?? [])])
  const fresh = changeKeys(now_.incident).filter((k) => !seen.has(k))
  if (!fresh.length) return null
  return buildNotice({
    kind: 'incident',
    issue: after.record.number,
    keys: fresh,
    page: noticePage(now_.data, repo),
    incident: now_.incident,
    now,
  })
}

/** Records the notice's changes in the record (before the card that carries it is written). */
export function recordNotice(record: IncidentRecord, notice: Notice): void {
  record.notices = [...(record.notices ?? []), ...notice.keys.filter((k) => !record.notices?.includes(k))].slice(
    -NOTICES_KEPT,
  )
}

/** The effects that send a notice: one per webhook and per address whose `components` filter it passes. */
export function announceEffects(notice: Notice, subscribers: SubscribersConfig): AnnounceEffect[] {
  const wants = (filter: string[] | null): boolean =>
    filter === null || notice.components.some((c) => filter.includes(c.toLowerCase()))
  const out: AnnounceEffect[] = []
  for (const w of subscribers.webhooks)
    if (wants(w.components))
      out.push({ kind: 'announce', issue: notice.issue, channel: 'webhook', to: w.url, secretEnv: w.secretEnv, notice })
  const mail = subscribers.email
  if (mail && wants(mail.components))
    for (const to of mail.to)
      out.push({ kind: 'announce', issue: notice.issue, channel: 'email', to, secretEnv: null, notice })
  return out
}

/** `#12: notify hooks.example.com by webhook (incident resolved)`: no path, query or secret. */
export function describeAnnounce(e: AnnounceEffect): string {
  let where = e.to
  if (e.channel === 'webhook')
    try {
      where = new URL(e.to).host
    } catch {
      where = '(bad URL)'
    }
  // No delivery id: a dry run of a new incident's first run only imagines its issue number, from which the id derives.
  const what = `${e.notice.kind} ${e.notice.body.incident.status}`
  return `#${e.issue}: notify ${where} by ${e.channel === 'webhook' ? 'webhook' : 'e-mail'} (${what})`
}
