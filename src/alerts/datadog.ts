/**
 * Datadog's webhook integration has no fixed body: the user writes a JSON template with `$VARIABLES`
 * (https://docs.datadoghq.com/integrations/webhooks/). We document one template (docs/monitoring.md,
 * examples/monitoring/datadog-webhook.json) and read exactly its fields:
 *
 *   { "alert_id": "$ALERT_ID", "aggreg_key": "$AGGREG_KEY", "transition": "$ALERT_TRANSITION",
 *     "title": "$EVENT_TITLE", "message": "$EVENT_MSG", "date": "$DATE", "tags": "$TAGS",
 *     "link": "$LINK", "priority": "$ALERT_PRIORITY" }
 *
 * `$ALERT_TRANSITION` is one of Triggered/Re-Triggered, Warn/Re-Warn, No Data/Re-No Data, Renotify,
 * Recovered; `$DATE` is epoch milliseconds (e.g. 1406662672000); `$TAGS` is comma-separated
 * `key:value` tags. A variable Datadog could not fill may arrive empty or as its literal `$NAME`.
 */
import { PayloadError } from '../errors.js'
import { LIMITS, type NormalizedAlert } from './schema.js'
import {
  collectLinks,
  derivedKey,
  fail,
  field,
  isObj,
  isoTime,
  lenientLabels,
  multiline,
  plainLine,
  slugOrNull,
  str,
} from './text.js'

export const DATADOG_FIELDS = [
  'alert_id',
  'aggreg_key',
  'transition',
  'title',
  'message',
  'date',
  'tags',
  'link',
  'priority',
] as const

const FIRING = ['triggered', 're-triggered', 'warn', 're-warn', 'no data', 're-no data', 'renotify']
const RESOLVED = ['recovered']

/** A template variable's value, or null when Datadog left it empty or unsubstituted (`$ALERT_PRIORITY`). */
function filled(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  const s = str(v, path).trim()
  if (!s || /^\$[A-Z_]+$/.test(s)) return null
  return s
}

/** `$DATE`: epoch milliseconds (or seconds), as a number or a string; an ISO time is accepted too. */
function date(v: unknown, path: string): string | null {
  const s = filled(v, path)
  if (s === null) return null
  if (/^\d{9,13}$/.test(s)) {
    const n = Number(s)
    const ms = s.length <= 10 ? n * 1000 : n
    return new Date(ms).toISOString()
  }
  return isoTime(s, path)
}

/** `$TAGS`: "env:prod,service:checkout,monitor" → { env: 'prod', service: 'checkout', monitor: 'true' }. */
function tags(s: string | null): Record<string, string> {
  if (!s) return {}
  const out: Record<string, string> = {}
  for (const part of s.split(',')) {
    const t = part.trim()
    if (!t) continue
    const i = t.indexOf(':')
    const k = (i < 0 ? t : t.slice(0, i)).trim()
    const v = i < 0 ? 'true' : t.slice(i + 1).trim()
    out[k] = out[k] && out[k] !== v ? `${out[k]},${v}` : v
  }
  return out
}

export function datadog(body: unknown, path: string): NormalizedAlert[] {
  if (!isObj(body)) fail(path, 'must be the Datadog webhook payload (an object; see docs/monitoring.md)', body)
  for (const k of Object.keys(body)) {
    if (!(DATADOG_FIELDS as readonly string[]).includes(k))
      throw new PayloadError(
        `${field(path, k)} is not a field of the Datadog payload; the fields are ${DATADOG_FIELDS.join(', ')}.`,
      )
  }
  const transition = filled(body.transition, field(path, 'transition'))
  const t = transition?.toLowerCase().replace(/_/g, ' ') ?? ''
  if (!FIRING.includes(t) && !RESOLVED.includes(t))
    fail(
      field(path, 'transition'),
      'must be a Datadog $ALERT_TRANSITION: Triggered, Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify or Recovered',
      body.transition,
    )
  const resolved = RESOLVED.includes(t)
  const aggreg = filled(body.aggreg_key, field(path, 'aggreg_key'))
  const alertId = filled(body.alert_id, field(path, 'alert_id'))
  if (!aggreg && !alertId)
    fail(field(path, 'aggreg_key'), 'must be set ($AGGREG_KEY), or alert_id ($ALERT_ID) must be', body.aggreg_key)
  const rawTitle = filled(body.title, field(path, 'title'))
  if (!rawTitle) fail(field(path, 'title'), 'must be a non-empty string ($EVENT_TITLE)', body.title)
  // "[Triggered] [P1] High CPU" → "[P1] High CPU": the transition is already the status.
  // A title of nothing but control characters is still an alert: never an empty issue title.
  const title =
    plainLine(rawTitle.replace(/^\s*\[(re-)?(triggered|recovered|warn|no data|renotify)\]\s*/i, ''), LIMITS.title) ||
    plainLine(rawTitle, LIMITS.title) ||
    'Datadog alert'
  const message = filled(body.message, field(path, 'message'))
  const when = date(body.date, field(path, 'date'))
  const tagMap = tags(filled(body.tags, field(path, 'tags')))
  const priority = filled(body.priority, field(path, 'priority'))
  const labels = lenientLabels(tagMap, priority ? { priority } : {}, alertId ? { monitor_id: alertId } : {})
  return [
    {
      status: resolved ? 'resolved' : 'firing',
      key: aggreg ? derivedKey('datadog', aggreg) : derivedKey('datadog', `monitor-${alertId}`),
      title,
      description: message === null ? null : multiline(message.replace(/^%%%\s*|\s*%%%$/g, ''), LIMITS.description),
      service: slugOrNull(tagMap.service ?? null, LIMITS.service),
      severity: slugOrNull(tagMap.severity ?? priority ?? (t.includes('warn') ? 'warning' : null), LIMITS.severity),
      labels,
      startsAt: resolved ? null : when,
      endsAt: resolved ? when : null,
      source: 'datadog',
      links: collectLinks([filled(body.link, field(path, 'link'))]),
    },
  ]
}
