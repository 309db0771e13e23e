/*
 * Sending notices: signed webhooks (fetch) and e-mail (nodemailer, paging's SMTP transport). A
 * notice is a courtesy beside the incident's GitHub writes, which are done before it: a failure is
 * returned (the executor reports it as a warning and a `failed` row), never thrown.
 *
 * At most once across runs: the record lists a notice's changes before it is sent, so no later run
 * sends it again, whatever happened to it. Within the run a webhook gets one more attempt after a
 * network error, a timeout, a 429 or a 5xx, with the same delivery id and body (receivers
 * deduplicate by the id); e-mail gets one attempt, since SMTP has no such id and a timed-out
 * message may well have been delivered.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { describe, mask, smtpMailer, type Mailer, type PageResult } from '../paging/send.js'
import { subscriberSecrets, type SubscribersConfig } from './config.js'
import type { AnnounceEffect } from './plan.js'

/** The signature header: `sha256=` and the HMAC-SHA256 of the raw body, hex (GitHub's webhook convention). */
export const SIGNATURE_HEADER = 'x-incidentops-signature-256'
export const DELIVERY_HEADER = 'x-incidentops-delivery'
export const TIMESTAMP_HEADER = 'x-incidentops-timestamp'
export const EVENT_HEADER = 'x-incidentops-event'

/** What the executor sends notices through. */
export interface Announcer {
  send(e: AnnounceEffect): Promise<PageResult>
}

export interface AnnouncerOptions {
  /** Where the `*_env` names are looked up (process.env in the action). */
  env: Readonly<Record<string, string | undefined>>
  fetch?: typeof fetch
  mailer?: Mailer
  /** Per attempt. Default 5 s: a subscriber that does not answer must not hold the incident's run. */
  timeoutMs?: number
  /** Waits before a webhook's second attempt (injected: the run's sleep). */
  sleep?: (ms: number) => Promise<void>
  /** Before the second attempt. Default 1 s. */
  retryDelayMs?: number
}

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body with the subscriber's secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** True when `header` is the body's signature with `secret` (constant-time comparison): what a receiver checks. */
export function verifySignature(body: string, secret: string, header: string | null | undefined): boolean {
  const want = Buffer.from(signBody(body, secret))
  const got = Buffer.from(header ?? '')
  return got.length === want.length && timingSafeEqual(got, want)
}

class Missing extends Error {}

/** An announcer for the config's subscribers. */
export function createAnnouncer(subs: SubscribersConfig, o: AnnouncerOptions): Announcer {
  const fetchFn = o.fetch ?? globalThis.fetch
  const timeoutMs = o.timeoutMs ?? 5_000
  const mailer = o.mailer ?? smtpMailer
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const secrets = subscriberSecrets(subs, o.env)
  const need = (name: string | null | undefined, what: string): string => {
    const v = name ? o.env[name] : undefined
    if (!v)
      throw new Missing(
        `the environment variable ${name ?? '(none named)'} (${what}) is not set or empty: pass it in the workflow step's \`env:\` from a secret; nothing was sent unsigned`,
      )
    return v
  }

  const webhook = async (e: AnnounceEffect): Promise<PageResult & { retry?: boolean }> => {
    const secret = need(e.secretEnv, 'the webhook signing secret')
    const body = JSON.stringify(e.notice.body)
    const res = await fetchFn(e.to, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'IncidentOps-Subscriptions',
        [EVENT_HEADER]: e.notice.kind,
        [DELIVERY_HEADER]: e.notice.deliveryId,
        [TIMESTAMP_HEADER]: String(Math.floor(Date.parse(e.notice.body.meta.sent_at) / 1000)),
        [SIGNATURE_HEADER]: signBody(body, secret),
      },
      body,
      // Never followed: a signed body goes only where the config says (and never to plain http).
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (res.ok) {
      await res.body?.cancel().catch(() => undefined)
      return { ok: true }
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined)
      return {
        ok: false,
        error: `HTTP ${res.status}: redirects are not followed; put the final URL in \`status.subscribers.webhooks\``,
      }
    }
    const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200)
    return {
      ok: false,
      error: `HTTP ${res.status}${text ? ` "${text}"` : ''}`,
      retry: res.status === 429 || res.status >= 500,
    }
  }

  const attempt = async (e: AnnounceEffect): Promise<PageResult & { retry?: boolean }> => {
    try {
      if (e.channel === 'webhook') return await webhook(e)
      const smtp = subs.email?.smtp
      if (!smtp) return { ok: false, error: 'no `status.subscribers.email.smtp` in the config' }
      const auth = smtp.userEnv
        ? { user: need(smtp.userEnv, 'SMTP user'), pass: need(smtp.passwordEnv, 'SMTP password') }
        : null
      const m = e.notice.mail
      await mailer(smtp, auth, { from: smtp.from, to: e.to, subject: m.subject, text: m.text, html: m.html }, timeoutMs)
      return { ok: true }
    } catch (error: unknown) {
      if (error instanceof Missing) return { ok: false, error: error.message }
      return { ok: false, error: describe(error, timeoutMs), retry: e.channel === 'webhook' }
    }
  }

  return {
    async send(e) {
      let r = await attempt(e)
      if (!r.ok && r.retry) {
        await sleep(o.retryDelayMs ?? 1_000)
        const again = await attempt(e)
        r = again.ok ? again : { ok: false, error: `${again.error} (twice)` }
      }
      return r.ok ? { ok: true } : { ok: false, error: mask(r.error, secrets) }
    },
  }
}
