/** Our own alert schema (version 1): strict, because the sender writes it by hand or by template. */
import { PayloadError } from '../errors.js'
import {
  ALERT_STATUSES,
  GENERIC_ALERT_FIELDS,
  KEY_PATTERN,
  LABEL_KEY_PATTERN,
  LIMITS,
  type NormalizedAlert,
} from './schema.js'
import {
  collectLinks,
  describe,
  fail,
  field,
  hashKey,
  isObj,
  isoTime,
  multiline,
  optStr,
  plainLine,
  requiredLine,
  safeLink,
  slugOrNull,
  str,
} from './text.js'

export function status(v: unknown, path: string): 'firing' | 'resolved' {
  if (typeof v !== 'string' || !(ALERT_STATUSES as readonly string[]).includes(v))
    fail(path, 'must be "firing" or "resolved"', v)
  return v as 'firing' | 'resolved'
}

function key(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null
  const s = str(v, path)
  if (!KEY_PATTERN.test(s))
    fail(
      path,
      `must be 1 to ${LIMITS.key} characters of letters, digits and . _ : / = + - (starting with a letter or digit)`,
      v,
    )
  if (/incidentops:/i.test(s)) fail(path, 'must not contain "incidentops:" (reserved for our hidden markers)', v)
  return s
}

function labels(v: unknown, path: string): Record<string, string> {
  if (v === undefined || v === null) return {}
  if (!isObj(v)) fail(path, 'must be an object of string values', v)
  const entries = Object.entries(v)
  if (entries.length > LIMITS.labels)
    throw new PayloadError(`${path} must have at most ${LIMITS.labels} labels; it has ${entries.length}.`)
  const out: Record<string, string> = {}
  for (const [k, raw] of entries) {
    if (!LABEL_KEY_PATTERN.test(k) || k.startsWith('__'))
      throw new PayloadError(
        `${path} has a label named ${describe(k)}: label names must be 1 to ${LIMITS.labelKey} characters of letters, digits and _ . - / and must not start with "__".`,
      )
    const value = str(raw, field(path, k))
    Object.defineProperty(out, k, {
      value: plainLine(value, LIMITS.labelValue),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

function links(v: unknown, path: string): string[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) fail(path, 'must be an array of http(s) URLs', v)
  if (v.length > LIMITS.links)
    throw new PayloadError(`${path} must have at most ${LIMITS.links} links; it has ${v.length}.`)
  v.forEach((l, i) => {
    if (typeof l !== 'string' || safeLink(l) === null)
      fail(field(path, i), 'must be an http(s) URL without credentials', l)
  })
  return collectLinks(v)
}

/** One alert object of our schema. Unknown fields are reported: a typo must not silently drop data. */
export function genericAlert(v: unknown, path: string): NormalizedAlert {
  if (!isObj(v)) fail(path, 'must be an alert object', v)
  for (const k of Object.keys(v)) {
    if (!(GENERIC_ALERT_FIELDS as readonly string[]).includes(k))
      throw new PayloadError(
        `${field(path, k)} is not a field of an alert; the fields are ${GENERIC_ALERT_FIELDS.join(', ')}.`,
      )
  }
  const st = status(v.status, field(path, 'status'))
  const title = requiredLine(v.title, field(path, 'title'), LIMITS.title)
  const description = optStr(v.description, field(path, 'description'))
  const serviceRaw = optStr(v.service, field(path, 'service'))
  const severityRaw = optStr(v.severity, field(path, 'severity'))
  const sourceRaw = optStr(v.source, field(path, 'source'))
  const source = sourceRaw === null ? 'generic' : slugOrNull(sourceRaw, LIMITS.source)
  if (source === null)
    fail(field(path, 'source'), 'must contain letters or digits (it becomes a `source/<name>` label)', v.source)
  // A derived key is `<source>:<hash>`: a source named after us would make it read like one of our markers.
  if (source.endsWith('incidentops'))
    fail(
      field(path, 'source'),
      'must not end in "incidentops" (reserved for our hidden markers); name the monitor that sent the alert',
      v.source,
    )
  const service = slugOrNull(serviceRaw, LIMITS.service)
  return {
    status: st,
    // Without a key, the same source+service+title dedups together: what a human would expect.
    key: key(v.key, field(path, 'key')) ?? hashKey(source, service ?? '', title),
    title,
    description: description === null ? null : multiline(description, LIMITS.description),
    service,
    severity: slugOrNull(severityRaw, LIMITS.severity),
    labels: labels(v.labels, field(path, 'labels')),
    startsAt: isoTime(v.startsAt, field(path, 'startsAt')),
    endsAt: isoTime(v.endsAt, field(path, 'endsAt')),
    source,
    links: links(v.links, field(path, 'links')),
  }
}
