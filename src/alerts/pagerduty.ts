/**
 * PagerDuty Events API v2 bodies, so that anything that can page PagerDuty can page us
 * (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ and the acknowledge, resolve
 * and change-event pages beside it). Under `client_payload.incidentops.pagerduty`, or POSTed to the
 * relay's `/v2/enqueue` (alert events) and `/v2/change/enqueue` (change events).
 *
 * Alert events:
 *   { routing_key, event_action: "trigger" | "acknowledge" | "resolve", dedup_key (≤ 255),
 *     payload: { summary, source, severity: critical|error|warning|info, timestamp, component,
 *                group, class, custom_details }, images: [{ src, href, alt }],
 *     links: [{ href, text }], client, client_url }
 * `payload` is required for a trigger only; `dedup_key` for acknowledge and resolve. A trigger
 * without `dedup_key` dedups on its source, component and summary (PagerDuty would make a new alert
 * each time; one incident per distinct problem is what a GitHub thread needs).
 * Change events: { routing_key, payload: { summary, timestamp, source, custom_details }, links }.
 * The routing key is never kept or echoed: it is the sender's credential.
 */
import { LIMITS, type NormalizedAlert } from './schema.js'
import {
  collectLinks,
  derivedKey,
  fail,
  field,
  hashKey,
  isObj,
  isoTime,
  lenientLabels,
  multiline,
  optStr,
  plainLine,
  requiredLine,
  slugOrNull,
  str,
  type Obj,
} from './text.js'

export const PAGERDUTY_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const
const SEVERITIES = ['critical', 'error', 'warning', 'info']
/** PagerDuty's limits: dedup_key 255 characters, summary 1,024. */
const DEDUP_MAX = 255
const SUMMARY_MAX = 1024
const BODY_FIELDS = ['routing_key', 'event_action', 'dedup_key', 'payload', 'images', 'links', 'client', 'client_url']
const PAYLOAD_FIELDS = ['summary', 'source', 'severity', 'timestamp', 'component', 'group', 'class', 'custom_details']

/** A PagerDuty change event (no `event_action`): recorded, never an incident. */
export interface ChangeEvent {
  summary: string
  source: string | null
  timestamp: string | null
  links: string[]
  /** custom_details as `key: value` lines, neutralised. */
  details: string | null
}

/** True when the body is a change event (PagerDuty's change events have no `event_action`). */
export function isChangeEvent(body: unknown): boolean {
  return isObj(body) && body.event_action === undefined && isObj(body.payload)
}

function unknownKeys(o: Obj, allowed: string[], path: string): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) fail(field(path, k), `is not a PagerDuty Events v2 field (${allowed.join(', ')})`, o[k])
}

/** custom_details (any JSON) as readable `key: value` lines. */
function details(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'string') return multiline(str(v, path), LIMITS.description)
  const flat = isObj(v)
    ? Object.entries(v).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
    : [JSON.stringify(v)]
  return multiline(flat.join('\n').slice(0, LIMITS.rawString), LIMITS.description)
}

/** Links and images, as links only: an image is never embedded (its `src` and `href` become links). */
function linksOf(body: Obj, path: string): string[] {
  const out: unknown[] = []
  if (body.links !== undefined) {
    if (!Array.isArray(body.links)) fail(field(path, 'links'), 'must be an array of { href, text }', body.links)
    for (const l of body.links) if (isObj(l)) out.push(l.href)
  }
  if (body.images !== undefined) {
    if (!Array.isArray(body.images)) fail(field(path, 'images'), 'must be an array of { src, href, alt }', body.images)
    for (const i of body.images) if (isObj(i)) out.push(i.href, i.src)
  }
  if (typeof body.client_url === 'string') out.push(body.client_url)
  return collectLinks(out)
}

/**
 * One PagerDuty Events v2 alert event as an alert: trigger → firing, acknowledge → acknowledged
 * (Triage → Investigating, counted as the acknowledgement), resolve → resolved.
 *
 * @throws PayloadError naming the field (`client_payload.incidentops.pagerduty.payload.severity …`)
 */
export function pagerDuty(body: unknown, path: string): NormalizedAlert[] {
  if (!isObj(body)) fail(path, 'must be a PagerDuty Events v2 body (an object with event_action)', body)
  unknownKeys(body, BODY_FIELDS, path)
  const action = body.event_action
  if (typeof action !== 'string' || !(PAGERDUTY_ACTIONS as readonly string[]).includes(action))
    fail(
      field(path, 'event_action'),
      'must be "trigger", "acknowledge" or "resolve" (a change event has no event_action and a payload)',
      action,
    )
  const dedupRaw = optStr(body.dedup_key, field(path, 'dedup_key'))
  if (dedupRaw !== null && (dedupRaw.length === 0 || dedupRaw.length > DEDUP_MAX))
    fail(field(path, 'dedup_key'), `must be 1 to ${DEDUP_MAX} characters`, dedupRaw)
  if (action !== 'trigger' && dedupRaw === null)
    fail(field(path, 'dedup_key'), `is required to ${action} (it names the alert to ${action})`, body.dedup_key)
  const links = linksOf(body, path)
  const p = body.payload
  if (action !== 'trigger') {
    const status = action === 'resolve' ? 'resolved' : 'acknowledged'
    return [
      {
        status,
        key: derivedKey('pagerduty', dedupRaw!),
        title: plainLine(`PagerDuty alert ${dedupRaw!}`, LIMITS.title),
        description: null,
        service: null,
        severity: null,
        labels: {},
        startsAt: null,
        endsAt: null,
        source: 'pagerduty',
        links,
      },
    ]
  }
  const pp = field(path, 'payload')
  if (!isObj(p)) fail(pp, 'must be an object with summary, source and severity (required to trigger)', p)
  unknownKeys(p, PAYLOAD_FIELDS, pp)
  const summaryRaw = str(p.summary, field(pp, 'summary'))
  if (summaryRaw.length > SUMMARY_MAX)
    fail(field(pp, 'summary'), `must be at most ${SUMMARY_MAX} characters (PagerDuty's limit)`, summaryRaw)
  const title = requiredLine(summaryRaw, field(pp, 'summary'), LIMITS.title)
  const source = requiredLine(p.source, field(pp, 'source'), 255)
  const severity = str(p.severity, field(pp, 'severity'))
  if (!SEVERITIES.includes(severity))
    fail(field(pp, 'severity'), 'must be "critical", "error", "warning" or "info"', severity)
  const component = optStr(p.component, field(pp, 'component'))
  const group = optStr(p.group, field(pp, 'group'))
  const cls = optStr(p.class, field(pp, 'class'))
  const labels = lenientLabels({
    source,
    ...(component ? { component } : {}),
    ...(group ? { group } : {}),
    ...(cls ? { class: cls } : {}),
  })
  return [
    {
      status: 'firing',
      key:
        dedupRaw !== null
          ? derivedKey('pagerduty', dedupRaw)
          : hashKey('pagerduty', source, component ?? '', summaryRaw),
      title,
      description: details(p.custom_details, field(pp, 'custom_details')),
      // PagerDuty's group is "a logical grouping of components of a service": the closest to our service.
      service: slugOrNull(group ?? component, LIMITS.service),
      severity,
      labels,
      startsAt: isoTime(p.timestamp, field(pp, 'timestamp')),
      endsAt: null,
      source: 'pagerduty',
      links,
    },
  ]
}

/** A PagerDuty change event, checked and neutralised. @throws PayloadError naming the field */
export function pagerDutyChange(body: unknown, path: string): ChangeEvent {
  if (!isObj(body)) fail(path, 'must be a PagerDuty change event (an object with payload)', body)
  unknownKeys(body, ['routing_key', 'payload', 'links', 'images'], path)
  const pp = field(path, 'payload')
  const p = body.payload
  if (!isObj(p)) fail(pp, 'must be an object with summary', p)
  unknownKeys(p, ['summary', 'source', 'timestamp', 'custom_details'], pp)
  const summaryRaw = str(p.summary, field(pp, 'summary'))
  if (summaryRaw.length > SUMMARY_MAX)
    fail(field(pp, 'summary'), `must be at most ${SUMMARY_MAX} characters (PagerDuty's limit)`, summaryRaw)
  return {
    summary: requiredLine(summaryRaw, field(pp, 'summary'), LIMITS.title),
    source: p.source === undefined || p.source === null ? null : plainLine(str(p.source, field(pp, 'source')), 255),
    timestamp: isoTime(p.timestamp, field(pp, 'timestamp')),
    links: linksOf(body, path),
    details: details(p.custom_details, field(pp, 'custom_details')),
  }
}
