/**
 * `incidentops relay`: a small HTTP server for monitors that cannot template their request body
 * (Prometheus Alertmanager; Grafana without a custom payload). It authenticates the caller, checks
 * the body with the same parser the action uses, and forwards it as ONE repository_dispatch:
 *
 *   POST /alertmanager  Alertmanager's webhook body   → client_payload { incidentops: { alertmanager: body } }
 *   POST /grafana       Grafana's webhook body        → client_payload { incidentops: { grafana: body } }
 *   POST /alert         our schema ({ version, alerts } or { incidentops: … }) → client_payload { incidentops: … }
 *   POST /pagerduty     a PagerDuty Events API v2 body (also at PagerDuty's own paths /v2/enqueue and
 *                       /v2/change/enqueue) → client_payload { incidentops: { pagerduty: body } }, the
 *                       routing_key left out; answered as PagerDuty does (status, message, dedup_key)
 *   POST /heartbeat/<name>  a heartbeat's ping (any body, or none) → event_type `heartbeat`,
 *                       client_payload { name }; a cron job ends with `curl -fsS -X POST -H "Authorization: Bearer …" …/heartbeat/<name>`
 *   GET  /healthz       200 { ok: true } (no auth: for load balancers and probes)
 *
 * Answers: 202 forwarded; 400 not JSON; 401 bad token; 404/405 wrong route; 408 too slow; 413 too
 * large; 415 not a JSON content type; 422 not an alert (nothing is forwarded); 429 too many wrong
 * tokens from this address; 502 GitHub kept failing.
 *
 * It is reachable by anyone who can reach its port, so it bounds what a stranger can hold: every
 * request must arrive within `timeoutMs` (headers and body), idle sockets close after it too, at most
 * `maxConnections` sockets are open at once, and an address that keeps sending wrong tokens waits
 * longer and longer (429 with Retry-After) before it may try again.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import { parseAlertDispatch } from '../alerts/parse.js'
import { incidentAlerts } from '../alerts/group.js'
import type { NormalizedAlert } from '../alerts/schema.js'
import { PayloadError, getErrorMessage } from '../errors.js'
import { sendDispatch } from './github.js'
import { isChangeEvent, pagerDutyChange } from '../alerts/pagerduty.js'
import { HEARTBEAT_EVENT_TYPE, HEARTBEAT_NAME } from '../domain/heartbeats.js'

/** The dedup_key the sender gave, to echo back as PagerDuty does. */
const pagerDutyDedupKey = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>).dedup_key === 'string'
    ? ((body as Record<string, unknown>).dedup_key as string)
    : null

export interface RelayOptions {
  /** Token for GitHub's API: a fine-grained PAT with Contents: read & write on the repository. */
  githubToken: string
  /** 'owner/name' */
  repo: string
  /** GitHub's REST base, e.g. https://api.github.com */
  apiUrl: string
  /** The shared secret callers send as `Authorization: Bearer <token>`. */
  relayToken: string
  /** Request bodies above this are refused with 413 (default 256 KB). */
  maxBodyBytes?: number
  /** One line per request handled. Never given a token or a body. */
  log: (line: string) => void
  sleep?: (ms: number) => Promise<void>
  /** Retries of GitHub's transient errors after the first attempt (default 3). */
  retries?: number
  /** The dispatch's event_type (default 'alert'). */
  eventType?: string
  /** Time for a request's headers and body to arrive, and for an idle socket to stay open (default 15 s). */
  timeoutMs?: number
  /** Open sockets at once; further connections are closed at once (default 64). */
  maxConnections?: number
  /** Wrong tokens an address may send before it is slowed down (default 5). */
  authFailuresAllowed?: number
  /** The clock for the back-off (default Date.now). */
  now?: () => number
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_CONNECTIONS = 64
const DEFAULT_AUTH_FAILURES_ALLOWED = 5
/** The longest an address is made to wait after wrong tokens. */
const MAX_BACKOFF_MS = 15 * 60_000
/** Addresses remembered for the back-off; the oldest is forgotten past this (bounded memory). */
const MAX_TRACKED_ADDRESSES = 10_000

/**
 * Wrong bearer tokens per client address: after `allowed` failures in a row, each further failure
 * doubles the wait (1 s, 2 s, 4 s … up to 15 min) during which the address gets 429 without its
 * token being checked. A right token clears the address. Guessing a 16+ character secret is
 * hopeless anyway; this keeps a scanner from spending the relay's CPU and GitHub's patience.
 */
class AuthBackoff {
  private readonly seen = new Map<string, { failures: number; until: number }>()
  constructor(
    private readonly allowed: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds this address must still wait, or 0. */
  waitFor(addr: string): number {
    const e = this.seen.get(addr)
    return e ? Math.max(0, e.until - this.now()) : 0
  }

  failed(addr: string): void {
    const e = this.seen.get(addr) ?? { failures: 0, until: 0 }
    e.failures++
    if (e.failures > this.allowed)
      e.until = this.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(20, e.failures - this.allowed - 1))
    this.seen.delete(addr)
    this.seen.set(addr, e)
    if (this.seen.size > MAX_TRACKED_ADDRESSES) this.seen.delete(this.seen.keys().next().value!)
  }

  succeeded(addr: string): void {
    this.seen.delete(addr)
  }
}

/** `application/json`, or a JSON flavour (`application/problem+json`), with any parameters. */
function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024
/** GitHub: "The total size of the JSON payload must be less than 64KB"; we keep a margin. */
export const MAX_CLIENT_PAYLOAD_BYTES = 63 * 1024

const ROUTES = {
  '/alertmanager': 'alertmanager',
  '/grafana': 'grafana',
  '/alert': 'alert',
  '/pagerduty': 'pagerduty',
  '/v2/enqueue': 'pagerduty',
  '/v2/change/enqueue': 'pagerduty',
} as const
type Kind = (typeof ROUTES)[keyof typeof ROUTES]

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest()

/** Constant-time bearer check: both sides hashed to equal-length digests, then timingSafeEqual. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
  const given = digest(m?.[1] ?? '')
  // Always compare, even when the header is absent, so timing says nothing about which case it was.
  return timingSafeEqual(given, expected) && m !== null
}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > max) {
      reject(new HttpError(413, `The body is ${declared} bytes; the relay accepts at most ${max}.`))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (c: Buffer) => {
      if (done) return
      size += c.length
      if (size > max) {
        done = true
        reject(new HttpError(413, `The body is over ${max} bytes; the relay accepts at most ${max}.`))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (!done) {
        done = true
        resolve(Buffer.concat(chunks))
      }
    })
    req.on('error', (e) => {
      if (!done) {
        done = true
        reject(e)
      }
    })
  })
}

const ANNOTATIONS_KEPT = ['summary', 'description', 'message', 'runbook_url', 'runbook', 'dashboard']
const ALERT_FIELDS_KEPT = [
  'status',
  'labels',
  'annotations',
  'startsAt',
  'endsAt',
  'generatorURL',
  'fingerprint',
  'dashboardURL',
  'panelURL',
  'silenceURL',
]
const BODY_FIELDS_KEPT = [
  'version',
  'status',
  'groupKey',
  'truncatedAlerts',
  'receiver',
  'externalURL',
  'orgId',
  'title',
  'state',
]

/**
 * A native body cut down to what the adapter reads (and long annotations clipped), for groups too
 * big for GitHub's 64 KB. Still a valid body of the same kind.
 */
function slim(body: Record<string, unknown>): Record<string, unknown> {
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]))
  const alerts = Array.isArray(body.alerts) ? body.alerts : []
  return {
    ...pick(body, BODY_FIELDS_KEPT),
    alerts: alerts.map((a) => {
      if (typeof a !== 'object' || a === null || Array.isArray(a)) return a
      const kept = pick(a as Record<string, unknown>, ALERT_FIELDS_KEPT)
      const ann = kept.annotations
      if (typeof ann === 'object' && ann !== null && !Array.isArray(ann)) {
        const o = ann as Record<string, unknown>
        kept.annotations = Object.fromEntries(
          ANNOTATIONS_KEPT.filter((k) => typeof o[k] === 'string').map((k) => [k, (o[k] as string).slice(0, 2000)]),
        )
      }
      return kept
    }),
  }
}

const size = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8')

/** The client_payload for a request body, checked with the action's own parser; throws HttpError. */
function payloadFor(
  kind: Kind,
  body: unknown,
  eventType: string,
): { clientPayload: Record<string, unknown>; received: NormalizedAlert[]; keys: string[] } {
  let clientPayload: Record<string, unknown>
  if (kind === 'pagerduty' && isChangeEvent(body)) {
    // A change event is checked and forwarded; the action records it and opens no incident.
    const { routing_key: _credential, ...rest } = body as Record<string, unknown>
    clientPayload = { incidentops: { pagerduty: rest } }
    try {
      pagerDutyChange(rest, 'body')
    } catch (error: unknown) {
      throw new HttpError(422, error instanceof PayloadError ? error.message : getErrorMessage(error))
    }
    if (size(clientPayload) > MAX_CLIENT_PAYLOAD_BYTES)
      throw new HttpError(413, 'The change event is larger than a repository_dispatch payload may be (64 KB).')
    return { clientPayload, received: [], keys: [] }
  }
  if (kind === 'pagerduty') {
    // The routing key is the sender's PagerDuty credential: it is not forwarded.
    const { routing_key: _credential, ...rest } =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : { body }
    clientPayload = {
      incidentops: { pagerduty: typeof body === 'object' && body !== null && !Array.isArray(body) ? rest : body },
    }
  } else if (kind === 'alert') {
    const wrapped = typeof body === 'object' && body !== null && !Array.isArray(body) && 'incidentops' in body
    clientPayload = wrapped ? { incidentops: (body as Record<string, unknown>).incidentops } : { incidentops: body }
  } else {
    clientPayload = { incidentops: { [kind]: body } }
  }
  let received: NormalizedAlert[]
  try {
    received = parseAlertDispatch(eventType, clientPayload, { eventTypes: [eventType] })
  } catch (error: unknown) {
    throw new HttpError(422, error instanceof PayloadError ? error.message : getErrorMessage(error))
  }
  if (
    size(clientPayload) > MAX_CLIENT_PAYLOAD_BYTES &&
    kind !== 'alert' &&
    kind !== 'pagerduty' &&
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body)
  ) {
    clientPayload = { incidentops: { [kind]: slim(body as Record<string, unknown>) } }
  }
  const bytes = size(clientPayload)
  if (bytes > MAX_CLIENT_PAYLOAD_BYTES)
    throw new HttpError(
      413,
      `The alert is ${bytes} bytes as a repository_dispatch payload; GitHub accepts less than 64 KB. Send fewer alerts per request (Alertmanager: max_alerts; Grafana: Max Alerts).`,
    )
  // The keys the action dedups on: a group's, not its members' fingerprints.
  return { clientPayload, received, keys: incidentAlerts(received, clientPayload).map((a) => a.key) }
}

function send(
  res: http.ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/** "3 alerts (2 firing, 1 resolved) as 1 incident key: alertmanager-group:…" for the log line. */
function summary(alerts: NormalizedAlert[], keys: string[]): string {
  const firing = alerts.filter((a) => a.status === 'firing').length
  const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? `, … (${keys.length - 5} more)` : '')
  const grouped = keys.length !== alerts.length ? ` as ${keys.length} incident key${keys.length === 1 ? '' : 's'}` : ''
  return `${alerts.length} alert${alerts.length === 1 ? '' : 's'} (${firing} firing, ${alerts.length - firing} resolved)${grouped}: ${shown}`
}

/**
 * Creates the relay's HTTP server (not yet listening: call `.listen(port)`).
 *
 * @example createRelay({ githubToken, repo: 'acme/shop', apiUrl: 'https://api.github.com', relayToken, log: console.log }).listen(8080)
 */
export function createRelay(opts: RelayOptions): http.Server {
  if (!opts.relayToken) throw new Error('createRelay: relayToken is required')
  if (!opts.githubToken) throw new Error('createRelay: githubToken is required')
  const expected = digest(opts.relayToken)
  const max = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const eventType = opts.eventType ?? 'alert'
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const backoff = new AuthBackoff(opts.authFailuresAllowed ?? DEFAULT_AUTH_FAILURES_ALLOWED, opts.now ?? Date.now)

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const started = Date.now()
    const line = (status: number, what: string) =>
      opts.log(`${req.method ?? '?'} ${path} → ${status} ${what} (${Date.now() - started} ms)`)
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, { error: 'Use GET /healthz.' }, { allow: 'GET, HEAD' })
      return send(res, 200, { ok: true })
    }
    const kind = (ROUTES as Record<string, Kind | undefined>)[path]
    const beat = /^\/heartbeat\/([^/]*)$/.exec(path)
    if (!kind && !beat) {
      line(404, 'no such route')
      return send(res, 404, {
        error: `No route ${path}. POST alerts to /alertmanager, /grafana, /alert or /pagerduty (or /v2/enqueue, /v2/change/enqueue), pings to /heartbeat/<name>; GET /healthz.`,
      })
    }
    if (req.method !== 'POST') {
      line(405, 'wrong method')
      return send(res, 405, { error: `Use POST ${path}.` }, { allow: 'POST' })
    }
    const addr = req.socket.remoteAddress ?? '?'
    const wait = backoff.waitFor(addr)
    if (wait > 0) {
      line(429, `too many wrong tokens from ${addr}: wait ${Math.ceil(wait / 1000)} s`)
      req.resume()
      return send(
        res,
        429,
        { error: `Too many requests with a wrong token from this address; try again in ${Math.ceil(wait / 1000)} s.` },
        { 'retry-after': String(Math.ceil(wait / 1000)), connection: 'close' },
      )
    }
    if (!authorized(req.headers.authorization, expected)) {
      backoff.failed(addr)
      line(401, 'bad or missing bearer token')
      // Discard an unauthenticated body unread, and close the connection once the answer is out.
      req.resume()
      return send(
        res,
        401,
        { error: 'Missing or wrong `Authorization: Bearer <token>`.' },
        { 'www-authenticate': 'Bearer', connection: 'close' },
      )
    }
    backoff.succeeded(addr)
    if (beat) return ping(req, res, beat[1]!, line)
    if (!kind) return
    if (!isJsonContentType(req.headers['content-type'])) {
      line(415, `content type ${JSON.stringify(req.headers['content-type'] ?? '')}`)
      req.resume()
      return send(
        res,
        415,
        {
          error: `The body must be JSON, sent with \`Content-Type: application/json\`; it was ${JSON.stringify(req.headers['content-type'] ?? 'not given')}.`,
        },
        { accept: 'application/json', connection: 'close' },
      )
    }
    try {
      const raw = await readBody(req, max)
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        throw new HttpError(400, 'The body is not valid JSON.')
      }
      const { clientPayload, received, keys } = payloadFor(kind, body, eventType)
      // The caller is authenticated and its body is in: waiting for GitHub (retries included, each
      // attempt bounded) is our time, not the caller's idleness, so the socket timeout pauses.
      req.socket.setTimeout(0)
      let result
      try {
        result = await sendDispatch({
          apiUrl: opts.apiUrl,
          token: opts.githubToken,
          repo: opts.repo,
          eventType,
          clientPayload,
          retries: opts.retries,
          sleep: opts.sleep,
        })
      } catch (error: unknown) {
        throw new HttpError(502, `GitHub did not accept the dispatch: ${getErrorMessage(error)}`)
      }
      line(
        202,
        `forwarded ${kind} to ${opts.repo} as "${eventType}" after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}: ${summary(received, keys)}`,
      )
      // PagerDuty senders read `status`, `message` and `dedup_key` from the answer.
      const pd =
        kind === 'pagerduty'
          ? {
              status: 'success',
              message: 'Event processed',
              ...(keys[0] ? { dedup_key: pagerDutyDedupKey(body) ?? keys[0] } : {}),
            }
          : {}
      // `alerts`: how many the body held; `keys`: the keys the action dedups on (one per group).
      return send(res, 202, {
        ...pd,
        forwarded: true,
        repo: opts.repo,
        event_type: eventType,
        alerts: received.length,
        keys,
        attempts: result.attempts,
      })
    } catch (error: unknown) {
      const status = error instanceof HttpError ? error.status : 500
      const message = error instanceof HttpError ? error.message : `Internal error: ${getErrorMessage(error)}`
      line(status, message)
      // After a 413 the rest of the body is unread: discard it and close the connection.
      if (status === 413) req.resume()
      return send(res, status, { error: message }, status === 413 ? { connection: 'close' } : {})
    }
  }

  /** A heartbeat's ping: the body (if any) is not read; the name is checked here, its existence by the action. */
  const ping = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
    line: (status: number, what: string) => void,
  ): Promise<void> => {
    req.resume()
    let name: string
    try {
      name = decodeURIComponent(raw)
    } catch {
      name = raw
    }
    if (!HEARTBEAT_NAME.test(name)) {
      line(422, 'not a heartbeat name')
      return send(res, 422, {
        error:
          'A heartbeat name is 1–63 of a-z, 0-9, `.`, `_`, `-`, starting with a letter or digit, as declared under `heartbeats:` in .github/incidents.yml.',
      })
    }
    req.socket.setTimeout(0)
    try {
      const result = await sendDispatch({
        apiUrl: opts.apiUrl,
        token: opts.githubToken,
        repo: opts.repo,
        eventType: HEARTBEAT_EVENT_TYPE,
        clientPayload: { name },
        retries: opts.retries,
        sleep: opts.sleep,
      })
      line(
        202,
        `forwarded the ping of ${name} to ${opts.repo} as "${HEARTBEAT_EVENT_TYPE}" after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`,
      )
      return send(res, 202, {
        forwarded: true,
        repo: opts.repo,
        event_type: HEARTBEAT_EVENT_TYPE,
        heartbeat: name,
        attempts: result.attempts,
      })
    } catch (error: unknown) {
      const message = `GitHub did not accept the dispatch: ${getErrorMessage(error)}`
      line(502, message)
      return send(res, 502, { error: message })
    }
  }

  const server = http.createServer(
    {
      // A request (headers and body) must arrive within the timeout, or Node answers 408 and closes:
      // an authenticated body that never ends no longer holds a socket for ever. Node checks these
      // deadlines every connectionsCheckingInterval (30 s by default): check often enough to keep them.
      requestTimeout: timeout,
      headersTimeout: timeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeout / 4))),
      keepAliveTimeout: Math.min(5000, timeout),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        opts.log(`${req.method ?? '?'} ${req.url ?? ''} → 500 ${getErrorMessage(error)}`)
        if (!res.headersSent) send(res, 500, { error: 'Internal error.' })
        else res.destroy()
      })
    },
  )
  // A socket that sends nothing (or stops half-way) is closed after the timeout too.
  server.setTimeout(timeout, (socket) => socket.destroy())
  server.maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  return server
}
