/*
 * What subscribers are told (pure): one notice per public change, built from the same public data
 * as the page (src/status/model.ts) and in Statuspage's webhook format, `{meta, page, incident}`,
 * so nothing reaches a subscriber that the page's JSON does not already show. Generic over the
 * kind: a scheduled maintenance is, as in Statuspage, an incident object with `scheduled_for` and
 * `scheduled_until`, announced with `kind: 'maintenance'` (docs/status-page.md#subscriptions).
 */
import { createHash } from 'node:crypto'
import type { IncidentRecord } from '../domain/record.js'
import type { Config } from '../config/types.js'
import { buildStatusPage, INDICATOR_TEXT, type Indicator, type StatusPageData } from '../status/model.js'
import { incidentJson, pageIdOf, type maintenanceJson } from '../status/statuspage.js'
import { siteUrl } from '../status/site.js'
import { plain } from '../notify/text.js'

/** Statuspage's incident object (as `incidents.json` has it); a maintenance adds its window. */
export type StatuspageIncident =
  | (ReturnType<typeof incidentJson> & {
      scheduled_for?: string | null
      scheduled_until?: string | null
    })
  | ReturnType<typeof maintenanceJson>

/** The page as the webhook's `page` carries it. */
export interface NoticePage {
  id: string
  name: string
  url: string
  status_indicator: Indicator
  status_description: string
}

/** The webhook's JSON body (Statuspage's shape). `meta.delivery_id` and `meta.sent_at` are signed with it. */
export interface NoticeBody {
  meta: { unsubscribe: null; documentation: string; delivery_id: string; sent_at: string; event: Notice['kind'] }
  page: NoticePage
  incident: StatuspageIncident
}

/** One public change, ready for every subscriber. */
export interface Notice {
  kind: 'incident' | 'maintenance'
  /** The issue it comes from: for the log and the summary only, never sent. */
  issue: number
  /** The changes it announces, as recorded in the source's record (`notices`). */
  keys: string[]
  /** Stable per change (the same change always gets the same id): receivers deduplicate by it. */
  deliveryId: string
  /** Component ids it touches (subscribers' `components` filters). */
  components: string[]
  body: NoticeBody
  mail: { subject: string; text: string; html: string }
}

export const SUBSCRIPTIONS_DOC =
  'https://github.com/incidentops/incidentops/blob/main/docs/status-page.md#subscriptions'

/**
 * A notice from a Statuspage incident object (already public and HTML-escaped, as the page's JSON
 * has it). `keys` are the changes it announces; they seed the delivery id, so a re-run that
 * announces the same changes sends the same id.
 */
export function buildNotice(input: {
  kind: Notice['kind']
  issue: number
  keys: readonly string[]
  page: NoticePage
  incident: StatuspageIncident
  /** GitHub's clock: `meta.sent_at`. */
  now: string
}): Notice {
  const { page, incident } = input
  const deliveryId = uuidOf(`${page.id}:${input.kind}:${incident.id}:${[...input.keys].sort().join(',')}`)
  const body: NoticeBody = {
    meta: {
      unsubscribe: null,
      documentation: SUBSCRIPTIONS_DOC,
      delivery_id: deliveryId,
      sent_at: new Date(input.now).toISOString(),
      event: input.kind,
    },
    page,
    incident,
  }
  return {
    kind: input.kind,
    issue: input.issue,
    keys: [...input.keys],
    deliveryId,
    components: incident.components.map((c) => c.id),
    body,
    mail: mailOf(page, incident, input.kind),
  }
}

/** The incident's public view, as the page shows it (null: not on the page). */
export function publicIncident(
  record: IncidentRecord,
  services: readonly string[],
  config: Pick<Config, 'status' | 'services'>,
  repo: string,
  now: string,
): { data: StatusPageData; incident: StatuspageIncident } | null {
  const built = buildStatusPage([{ record, services: [...services] }], config, repo, now)
  const i = built.incidents[0]
  if (!i) return null
  const data = { ...built, url: siteUrl(built, repo) }
  return { data, incident: incidentJson(i, data, pageIdOf(repo)) }
}

/**
 * The changes a subscriber hears of: one key per public update (`<update>@<time>`; the update ids
 * are the page's: `1`… those written with `/status`, `r` the resolution, `p` the postmortem). A
 * resolution after a reopening, or a postmortem summary published again, has a new time, so a new
 * key. The default first update ("We are investigating this issue.", id `0`) is the publication
 * itself and has no time in its key: its time moves when `/status publish` titles an incident the
 * rule published, which is no new change.
 */
export function changeKeys(incident: StatuspageIncident | null): string[] {
  if (!incident) return []
  return incident.incident_updates.map((u) => {
    const k = u.id.slice(incident.id.length + 1)
    return k === '0' ? '0' : `${k}@${u.created_at}`
  })
}

/**
 * The page object of a notice. Its indicator is what this incident alone gives the page: the run
 * that announces a change reads no other incident (zero extra requests); the page's own
 * `status.json` has the overall one.
 */
export function noticePage(data: StatusPageData, repo: string): NoticePage {
  return {
    id: pageIdOf(repo),
    name: data.name,
    url: data.url ?? '',
    status_indicator: data.indicator,
    status_description: INDICATOR_TEXT[data.indicator],
  }
}

const WORDS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
}
const word = (s: string): string => WORDS[s] ?? s

/** Back from the JSON's HTML escaping to the text as written (mentions stay broken). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  )
}

const utc = (t: string): string => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/**
 * The e-mail: a one-line subject (no line break can reach a header), a plain-text body and an HTML
 * part whose text is the JSON's, already escaped. Only what the page shows.
 */
function mailOf(
  page: NoticePage,
  incident: StatuspageIncident,
  kind: Notice['kind'],
): { subject: string; text: string; html: string } {
  const name = unescapeHtml(incident.name)
  const status = word(incident.status)
  const subject = plain(`[${page.name}] ${status}: ${name}`, 200)
  const comps = incident.components.map((c) => c.name)
  const updates = incident.incident_updates
  const window =
    kind === 'maintenance' && incident.scheduled_for
      ? `Scheduled: ${utc(incident.scheduled_for)} to ${incident.scheduled_until ? utc(incident.scheduled_until) : '?'}`
      : null
  const text = [
    name,
    [status, comps.length ? `Affects: ${comps.join(', ')}` : null].filter(Boolean).join(' · '),
    ...(window ? [window] : []),
    '',
    ...updates.flatMap((u, i) => [
      `${i === 0 ? '' : '  '}${word(u.status)} (${utc(u.created_at)}):`,
      ...unescapeHtml(u.body)
        .split('\n')
        .map((l) => `${i === 0 ? '' : '  '}${l}`),
      '',
    ]),
    `Details: ${incident.shortlink}`,
    '',
    '--',
    `You receive this as a subscriber of ${page.name} (${page.url}).`,
    '',
  ].join('\n')
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<h1 style="font-size:1.2em">${incident.name}</h1>`,
    `<p><strong>${status}</strong>${comps.length ? ` · Affects: ${comps.map(escHtml).join(', ')}` : ''}</p>`,
    ...(window ? [`<p>${escHtml(window)}</p>`] : []),
    ...updates.map(
      (u) =>
        `<p><strong>${word(u.status)}</strong> <small>(${utc(u.created_at)})</small><br>${u.body.replace(/\n/g, '<br>')}</p>`,
    ),
    `<p><a href="${escHtml(incident.shortlink)}">Details on the status page</a></p>`,
    `<p style="color:#555;font-size:.9em">You receive this as a subscriber of ${escHtml(page.name)}.</p>`,
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

function escHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** A UUID-shaped id from a hash: the same text always gives the same id. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
