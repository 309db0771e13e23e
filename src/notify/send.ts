/**
 * Delivering notifications to chat webhooks. A notification is a courtesy next to the incident
 * itself: a failing webhook is a warning, never an exception, and the webhook URL (a secret: it
 * embeds the token) never appears in anything we print.
 */
import { ConfigError } from '../errors.js'
import { formatNotification, type Notification, type NotifyKind, type NotifyTarget } from './format.js'

export interface SendOptions {
  /** The fetch to use (tests, proxies); Node's global fetch by default. */
  fetch?: typeof fetch
  /** The whole budget for one target, retries and waits included. Default 5000 ms. */
  timeoutMs?: number
  /** Where failures are reported (core.warning in the action). */
  warn: (msg: string) => void
  /** Extra attempts after a 5xx, a 429 or a network error. Default 1. */
  retries?: number
  /** How to wait between attempts; injected by tests. */
  sleep?: (ms: number) => Promise<void>
}

export interface SendResult {
  sent: number
  failed: number
}

/** The action input that carries each kind's URL: errors and warnings name it, never the URL. */
export const NOTIFY_INPUTS: Record<NotifyKind, string> = {
  slack: 'notify-slack',
  teams: 'notify-teams',
  discord: 'notify-discord',
  webhook: 'notify-webhook',
}

const KINDS: readonly NotifyKind[] = ['slack', 'teams', 'discord', 'webhook']
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
const BACKOFF_MS = 500

/**
 * The notification targets from the action inputs. Empty inputs are skipped (an unset input is
 * `''`). Each URL must be https; plain http is accepted only for 127.0.0.1/localhost (tests).
 *
 * @throws ConfigError naming the input (`notify-slack`, …), never the URL, when one is invalid.
 */
export function parseTargets(inputs: {
  slack?: string
  teams?: string
  discord?: string
  webhook?: string
}): NotifyTarget[] {
  const targets: NotifyTarget[] = []
  for (const kind of KINDS) {
    const raw = inputs[kind]?.trim()
    if (!raw) continue
    const input = NOTIFY_INPUTS[kind]
    let u: URL
    try {
      u = new URL(raw)
    } catch {
      throw new ConfigError(
        `Input "${input}" is not a URL. Set it to the ${kind} webhook URL (from a secret), or leave it empty.`,
      )
    }
    const ok = u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname))
    if (!ok) {
      throw new ConfigError(
        `Input "${input}" must be an https:// URL (http:// is accepted only for localhost). Check the secret it comes from.`,
      )
    }
    targets.push({ kind, url: u.href })
  }
  return targets
}

/**
 * POSTs one notification to every target, in parallel. Never throws: each failure becomes one
 * warning naming the input and the HTTP status (or the network error / timeout), with any URL
 * masked.
 *
 * Each target gets `timeoutMs` in all (attempts and waits together); a 5xx, a 429 or a network
 * error is retried `retries` times while that budget allows, honouring `Retry-After`. Other 4xx
 * and timeouts are not retried: the first says the payload or URL is wrong, the second may have
 * been delivered already and would cost the run another full timeout.
 */
export async function sendNotifications(
  targets: readonly NotifyTarget[],
  n: Notification,
  opts: SendOptions,
): Promise<SendResult> {
  const results = await Promise.all(
    targets.map(async (target) => {
      try {
        return await deliver(target, n, opts)
      } catch (error: unknown) {
        // Unreachable by design; kept so that a bug here still cannot fail an incident.
        safeWarn(
          opts,
          `${label(target)} failed: ${maskSecrets(messageOf(error), target.url)}. The notification was not delivered; the incident is not affected.`,
        )
        return false
      }
    }),
  )
  const sent = results.filter(Boolean).length
  return { sent, failed: results.length - sent }
}

type Outcome =
  | { ok: true }
  | { ok: false; kind: 'http'; status: number; detail: string; retryAfterMs: number | null }
  | { ok: false; kind: 'network'; detail: string }
  | { ok: false; kind: 'timeout' }

async function deliver(target: NotifyTarget, n: Notification, opts: SendOptions): Promise<boolean> {
  const fetchFn = opts.fetch ?? globalThis.fetch
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const timeoutMs = Number.isFinite(opts.timeoutMs) && opts.timeoutMs! > 0 ? opts.timeoutMs! : 5000
  const retries = Number.isInteger(opts.retries) && opts.retries! >= 0 ? Math.min(opts.retries!, 5) : 1

  let json: string
  try {
    json = JSON.stringify(formatNotification(target.kind, target, n).body)
  } catch (error: unknown) {
    safeWarn(
      opts,
      `${label(target)} failed: could not build the message (${maskSecrets(messageOf(error), target.url)}). The notification was not delivered; the incident is not affected.`,
    )
    return false
  }

  const started = performance.now()
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  let outcome: Outcome = { ok: false, kind: 'timeout' }
  let attempts = 0
  try {
    for (;;) {
      attempts++
      outcome = await attempt(fetchFn, target.url, json, controller.signal)
      if (outcome.ok) return true
      const retryable =
        outcome.kind === 'network' || (outcome.kind === 'http' && (outcome.status === 429 || outcome.status >= 500))
      if (!retryable || attempts > retries) break
      const wait =
        outcome.kind === 'http' && outcome.retryAfterMs !== null ? outcome.retryAfterMs : BACKOFF_MS * attempts
      // No point waiting past the budget: the retry would be cut off anyway.
      if (performance.now() - started + wait >= timeoutMs) break
      await sleep(wait)
      if (controller.signal.aborted) {
        outcome = { ok: false, kind: 'timeout' }
        break
      }
    }
  } finally {
    clearTimeout(timer)
    // Releases anything still pending for this target (a body being read, a hung socket).
    controller.abort()
  }
  safeWarn(opts, failureMessage(target, outcome, attempts, timeoutMs))
  return false
}

/** One POST, raced against the deadline so that even a fetch that ignores its signal cannot hang us. */
async function attempt(fetchFn: typeof fetch, url: string, json: string, signal: AbortSignal): Promise<Outcome> {
  const deadline = new Promise<'timeout'>((resolve) => {
    if (signal.aborted) resolve('timeout')
    else signal.addEventListener('abort', () => resolve('timeout'), { once: true })
  })
  try {
    const res = await Promise.race([
      fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'incidentops' },
        body: json,
        signal,
        // A webhook that redirects is misconfigured; following it would repost to another host.
        redirect: 'manual',
      }),
      deadline,
    ])
    if (res === 'timeout') return { ok: false, kind: 'timeout' }
    if (res.ok) {
      // Delivered: the answer's body (`ok`, or nothing) tells us nothing more.
      await res.body?.cancel().catch(() => undefined)
      return { ok: true }
    }
    const text = await Promise.race([res.text().catch(() => ''), deadline])
    return {
      ok: false,
      kind: 'http',
      status: res.status,
      detail: text === 'timeout' ? '' : text,
      retryAfterMs: res.status === 429 ? retryAfter(res.headers.get('retry-after')) : null,
    }
  } catch (error: unknown) {
    if (signal.aborted) return { ok: false, kind: 'timeout' }
    return { ok: false, kind: 'network', detail: networkDetail(error) }
  }
}

/** `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfter(header: string | null): number | null {
  if (!header) return null
  const s = Number(header)
  if (Number.isFinite(s) && s >= 0) return Math.ceil(s * 1000)
  const at = Date.parse(header)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null
}

function failureMessage(target: NotifyTarget, o: Outcome, attempts: number, timeoutMs: number): string {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  let why: string
  if (o.ok) why = 'unknown failure'
  else if (o.kind === 'timeout') why = `no answer within ${timeoutMs} ms (timeout)`
  else if (o.kind === 'network') why = `network error (${maskSecrets(o.detail, target.url)}) after ${tries}`
  else {
    const detail = maskSecrets(o.detail, target.url).replace(/\s+/g, ' ').trim().slice(0, 200)
    why = `HTTP ${o.status}${detail ? ` "${detail}"` : ''} after ${tries}`
  }
  return `${label(target)} failed: ${why}. The notification was not delivered; the incident is not affected.`
}

const KIND_NAMES: Record<NotifyKind, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  webhook: 'the generic webhook',
}

/** `Notification to Slack (input notify-slack)`: the kind and the input, never the URL. */
function label(target: NotifyTarget): string {
  return `Notification to ${KIND_NAMES[target.kind] ?? 'a webhook'} (input ${NOTIFY_INPUTS[target.kind] ?? 'notify-?'})`
}

function networkDetail(error: unknown): string {
  // undici: TypeError('fetch failed') with the system error (ECONNREFUSED, ENOTFOUND…) as cause.
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : ''
  const msg = messageOf(error)
  if (code) return `${msg}: ${code}`
  return cause instanceof Error && cause.message ? `${msg}: ${cause.message}` : msg
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : 'unknown error'
}

function safeWarn(opts: SendOptions, msg: string): void {
  try {
    opts.warn(msg)
  } catch {
    // A broken logger must not turn a warning into a failed incident.
  }
}

/**
 * Removes the secret webhook URL from foreign text (error messages, response bodies): the URL
 * itself, its path and query, every long path segment and query value (the tokens), its
 * credentials, and then any URL at all.
 */
export function maskSecrets(text: string, url: string): string {
  if (!text) return text
  const secrets = new Set<string>([url])
  try {
    const u = new URL(url)
    for (const s of [u.href, u.pathname + u.search, u.search.slice(1), u.username, u.password]) secrets.add(s)
    for (const seg of u.pathname.split('/')) secrets.add(seg)
    for (const [, v] of u.searchParams) secrets.add(v)
    for (const s of [...secrets]) {
      secrets.add(encodeURIComponent(s))
      try {
        secrets.add(decodeURIComponent(s))
      } catch {
        // not percent-encoded: nothing to add
      }
    }
  } catch {
    // not a URL: mask it as given
  }
  let out = text
  for (const s of [...secrets].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length))
    out = out.split(s).join('***')
  return out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '[url]')
}
