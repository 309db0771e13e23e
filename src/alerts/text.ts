/**
 * Reading untrusted JSON field by field: each helper names the field's path in its error, says what
 * was expected and what it found, and returns text that is safe to quote back in an issue.
 */
import { createHash } from 'node:crypto'
import { slug } from '../domain/classify.js'
import { PayloadError } from '../errors.js'
import { neutralizeMarkers, neutralizeMentions, neutralizeReferences } from '../render/markdown.js'
import { LIMITS } from './schema.js'

export type Obj = Record<string, unknown>
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** How a value looks in an error message: `"fire"`, `3`, `null`, `missing`, `an array`, `an object`. */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v
    // The message may be echoed in a job summary: keep it inert too.
    return neutralizeMarkers(neutralizeMentions(JSON.stringify(shown)))
  }
  return String(v)
}

/** `client_payload.incidentops.alerts[2].status must be "firing" or "resolved"; it is "fire".` */
export function fail(path: string, expected: string, actual: unknown): never {
  throw new PayloadError(`${path} ${expected}; it is ${describe(actual)}.`)
}

export function field(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

/** Drops control characters (keeps \n and \t, which the callers fold as they need). */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
}

/** Cuts to at most `max` UTF-16 units on a code point boundary, ending with `…` when it cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break
    out += ch
  }
  return `${out}…`
}

/** Mentions, our markers and references defused; the one pipeline every output string goes through. */
function defuse(text: string): string {
  return neutralizeMarkers(neutralizeMentions(neutralizeReferences(text)))
}

/** One line of plain text (a title, a label value): controls gone, whitespace folded, defused, clipped. */
export function plainLine(text: string, max: number): string {
  return clip(defuse(stripControls(text).replace(/\s+/g, ' ').trim()), max)
}

/**
 * Several lines of text (a description): HTML cannot open (`<` `>` become entities, as quote() does),
 * images cannot embed trackers (`![` is escaped), mentions, references and markers are defused.
 */
export function multiline(text: string, max: number): string | null {
  let t = stripControls(text.replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (!t) return null
  t = t.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/!\[/g, '!\\[')
  return clip(defuse(t), max)
}

/** A string field: the right type and not absurdly long (GitHub caps the whole payload at 64 KB anyway). */
export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'must be a string', v)
  if (v.length > LIMITS.rawString)
    throw new PayloadError(`${path} must be at most ${LIMITS.rawString} characters; it has ${v.length}.`)
  return v
}

export function optStr(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null
  return str(v, path)
}

/** A non-empty one-line text field. */
export function requiredLine(v: unknown, path: string, max: number): string {
  const s = str(v, path)
  const line = plainLine(s, max)
  if (!line) fail(path, 'must be a non-empty string', v)
  return line
}

/** Text as a slug (`Checkout API` → `checkout-api`) bounded to `max`; null when nothing is left. */
export function slugOrNull(v: string | null | undefined, max: number): string | null {
  if (!v) return null
  const s = slug(stripControls(v)).slice(0, max).replace(/-+$/, '')
  return s || null
}

/** A short, stable, safe key from arbitrary text (for derived keys whose raw form is not KEY_PATTERN). */
export function hashKey(prefix: string, ...parts: string[]): string {
  return `${prefix}:${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`
}

/**
 * A derived key: `prefix:raw` when raw is boring (hex fingerprints, numeric ids), else hashed, so
 * that whatever a monitor sends we dedup on something safe and ≤ 200 characters.
 */
export function derivedKey(prefix: string, raw: string): string {
  const candidate = `${prefix}:${raw}`
  return /^[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,199}$/.test(candidate) && !/incidentops:/i.test(raw)
    ? candidate
    : hashKey(prefix, raw)
}

/** Go's zero time, which Alertmanager and Grafana send for "not set". */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * An ISO 8601 time to `toISOString()`. `assumeUtc` reads a time without a zone as UTC (Uptime Kuma's
 * `YYYY-MM-DD HH:mm:ss.SSS`); otherwise a zone is required, since a local time is ambiguous.
 */
export function isoTime(v: unknown, path: string, opts: { assumeUtc?: boolean } = {}): string | null {
  if (v === undefined || v === null || v === '') return null
  const s = str(v, path).trim()
  if (GO_ZERO_TIME.test(s)) return null
  const m = ISO.exec(s)
  if (!m) fail(path, 'must be an ISO 8601 time such as "2024-05-01T12:00:00Z"', v)
  if (!m[8] && !opts.assumeUtc) fail(path, 'must be an ISO 8601 time with a timezone (Z or ±hh:mm)', v)
  const frac = m[7] ? `.${m[7].slice(0, 3).padEnd(3, '0')}` : ''
  let zone = m[8] ? m[8].toUpperCase() : 'Z'
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00'
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`
  const [, y, mo, d, h, mi, sec] = m
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${frac}${zone}`)
  // Date.parse rolls 2024-02-31 over into March; a calendar check catches it.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  if (
    !Number.isFinite(t) ||
    day.getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(sec ?? 0) > 59
  )
    fail(path, 'must be a valid date and time', v)
  const year = new Date(t).getUTCFullYear()
  if (year < 1970 || year > 9999) fail(path, 'must be a time between 1970 and 9999', v)
  return new Date(t).toISOString()
}

/**
 * A link we are willing to print: http(s), no credentials, `@` percent-encoded (so it never reads
 * as a mention), at most LIMITS.link long. Returns null for anything else.
 */
export function safeLink(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim() || v.length > LIMITS.link) return null
  let u: URL
  try {
    u = new URL(v.trim())
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  if (u.username || u.password) return null
  const href = u.href.replace(/@/g, '%40')
  if (href.length > LIMITS.link || /<!--|incidentops:/i.test(href)) return null
  return href
}

/** Adds links in order, dropping unsafe ones and duplicates, up to LIMITS.links. */
export function collectLinks(candidates: unknown[]): string[] {
  const out: string[] = []
  for (const c of candidates) {
    const l = safeLink(c)
    if (l && !out.includes(l)) out.push(l)
    if (out.length >= LIMITS.links) break
  }
  return out
}

/**
 * Labels from a native body: string values only, reserved (`__`) and odd names skipped, values
 * neutralised, at most LIMITS.labels (in key order, so the cut is stable).
 */
export function lenientLabels(...sources: unknown[]): Record<string, string> {
  const merged = new Map<string, string>()
  for (const src of sources) {
    if (!isObj(src)) continue
    for (const [k, v] of Object.entries(src)) {
      if (k.startsWith('__') || !/^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,99}$/.test(k)) continue
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue
      const value = plainLine(String(v).slice(0, LIMITS.rawString), LIMITS.labelValue)
      merged.set(k, value)
    }
  }
  const keys = [...merged.keys()].sort().slice(0, LIMITS.labels)
  return Object.fromEntries(keys.map((k) => [k, merged.get(k)!]))
}
