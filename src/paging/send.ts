/*
 * Sending pages: ntfy, Pushover, e-mail over SMTP (nodemailer) and SMS or a call through the
 * user's own Twilio account. A page is a courtesy beside the incident's GitHub writes, which are
 * done before it: a failure is returned (the executor reports it in the job log and summary),
 * never thrown. No retry: none of these providers takes an idempotency key, so a retried request
 * they had accepted would page twice; a page is sent at most once and its failure is reported.
 * Secrets are read from the environment variables the config names, and never printed.
 */
import { createTransport } from 'nodemailer'
import type { PagingConfig } from './config.js'
import type { PageEffect } from './plan.js'

export type PageResult = { ok: true } | { ok: false; error: string }

/** What the executor sends pages through. */
export interface Pager {
  send(e: PageEffect): Promise<PageResult>
}

/** A mail sender (nodemailer's transport by default; injected in unit tests). */
export type Mailer = (
  smtp: NonNullable<PagingConfig['smtp']>,
  auth: { user: string; pass: string } | null,
  mail: { from: string; to: string; subject: string; text: string; html?: string },
  timeoutMs: number,
) => Promise<void>

export interface PagerOptions {
  /** Where the `*_env` names are looked up (process.env in the action). */
  env: Readonly<Record<string, string | undefined>>
  fetch?: typeof fetch
  mailer?: Mailer
  /** Per page. Default 10 s. */
  timeoutMs?: number
}

class Missing extends Error {}

/** The environment variable values the config names: the action masks them with core.setSecret. */
export function pagingSecrets(p: PagingConfig, env: Readonly<Record<string, string | undefined>>): string[] {
  const names = [
    p.ntfy.tokenEnv,
    p.pushover.appTokenEnv,
    p.smtp?.userEnv,
    p.smtp?.passwordEnv,
    p.twilio?.accountSidEnv,
    p.twilio?.authTokenEnv,
    ...[...Object.values(p.people), ...Object.values(p.schedules)].flatMap((c) => [
      c.ntfy?.topicEnv,
      c.pushover?.userKeyEnv,
      c.sms?.toEnv,
      c.voice?.toEnv,
    ]),
  ]
  return [...new Set(names.flatMap((n) => (n && env[n] ? [env[n]!] : [])))]
}

/** A pager for the config's channels. */
export function createPager(paging: PagingConfig, o: PagerOptions): Pager {
  const fetchFn = o.fetch ?? globalThis.fetch
  const timeoutMs = o.timeoutMs ?? 10_000
  const mailer = o.mailer ?? smtpMailer
  const secrets = pagingSecrets(paging, o.env)
  const need = (name: string | null | undefined, what: string): string => {
    const v = name ? o.env[name] : undefined
    if (!v)
      throw new Missing(
        `the environment variable ${name ?? '(none named)'} (${what}) is not set: pass it in the workflow step's \`env:\` from a secret`,
      )
    return v
  }
  const post = async (url: string, body: string, headers: Record<string, string>): Promise<PageResult> => {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'user-agent': 'incidentops', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (res.ok) {
      await res.body?.cancel().catch(() => undefined)
      return { ok: true }
    }
    const text = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200)
    return { ok: false, error: `HTTP ${res.status}${text ? ` "${text}"` : ''}` }
  }
  const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString()
  const FORM = 'application/x-www-form-urlencoded'

  const deliver = async (e: PageEffect): Promise<PageResult> => {
    const contact = e.schedule ? paging.schedules[e.schedule] : e.who ? paging.people[e.who] : undefined
    switch (e.channel) {
      case 'ntfy': {
        const topic = need(contact?.ntfy?.topicEnv, 'ntfy topic')
        const token = paging.ntfy.tokenEnv ? need(paging.ntfy.tokenEnv, 'ntfy token') : null
        // JSON publishing (POST to the server's root): any text, no header encoding to get wrong.
        return post(
          `${paging.ntfy.server}/`,
          JSON.stringify({
            topic,
            title: e.title,
            message: e.text,
            priority: paging.ntfy.priority === 'urgent' ? 5 : 4,
            tags: ['rotating_light'],
            click: e.url,
          }),
          { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        )
      }
      case 'pushover': {
        const p = paging.pushover
        return post(
          `${p.apiUrl}/1/messages.json`,
          form({
            token: need(p.appTokenEnv, 'Pushover application token'),
            user: need(contact?.pushover?.userKeyEnv, 'Pushover user key'),
            title: e.title,
            message: e.text,
            priority: String(p.priority),
            url: e.url,
            url_title: 'Open the incident',
            // Emergency priority repeats until acknowledged: every 60 s for at most an hour.
            ...(p.priority === 2 ? { retry: '60', expire: '3600' } : {}),
          }),
          { 'content-type': FORM },
        )
      }
      case 'email': {
        const smtp = paging.smtp
        if (!smtp || !contact?.email) return { ok: false, error: 'no SMTP server or address in the config' }
        const auth = smtp.userEnv
          ? { user: need(smtp.userEnv, 'SMTP user'), pass: need(smtp.passwordEnv, 'SMTP password') }
          : null
        await mailer(
          smtp,
          auth,
          { from: smtp.from, to: contact.email.to, subject: e.title, text: `${e.text}\n\n${e.url}\n` },
          timeoutMs,
        )
        return { ok: true }
      }
      case 'sms':
      case 'voice': {
        const t = paging.twilio
        if (!t) return { ok: false, error: 'no `oncall.paging.twilio` in the config' }
        const sid = need(t.accountSidEnv, 'Twilio account SID')
        const tokenValue = need(t.authTokenEnv, 'Twilio auth token')
        const to = need(e.channel === 'sms' ? contact?.sms?.toEnv : contact?.voice?.toEnv, 'phone number')
        const base = `${t.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}`
        const auth = {
          authorization: `Basic ${Buffer.from(`${sid}:${tokenValue}`).toString('base64')}`,
          'content-type': FORM,
        }
        if (e.channel === 'sms')
          return post(
            `${base}/Messages.json`,
            form({ To: to, From: t.from, Body: `${e.title}: ${e.text} ${e.url}` }),
            auth,
          )
        const say = xml(`IncidentOps. ${e.title}. ${e.text}`)
        return post(
          `${base}/Calls.json`,
          form({ To: to, From: t.from, Twiml: `<Response><Say loop="2">${say}</Say></Response>` }),
          auth,
        )
      }
    }
  }

  return {
    async send(e) {
      try {
        const r = await deliver(e)
        return r.ok ? r : { ok: false, error: mask(r.error, secrets) }
      } catch (error: unknown) {
        if (error instanceof Missing) return { ok: false, error: error.message }
        return { ok: false, error: mask(describe(error, timeoutMs), secrets) }
      }
    },
  }
}

/** Nodemailer over SMTP: STARTTLS when offered (required with `secure: false` only when the server offers it). Also the status page's e-mail subscribers'. */
export const smtpMailer: Mailer = async (smtp, auth, mail, timeoutMs) => {
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(auth ? { auth } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  })
  try {
    await transport.sendMail(mail)
  } finally {
    transport.close()
  }
}

function xml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
}

/** A failed request in words (a timeout, a refused connection), for the warning. */
export function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`
  const cause = error instanceof Error ? (error as Error & { cause?: { code?: string } }).cause : undefined
  const msg = error instanceof Error ? error.message : String(error)
  return cause?.code ? `${msg}: ${cause.code}` : msg
}

/** `text` with every secret value replaced by `***`. */
export function mask(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of [...secrets].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length))
    out = out.split(s).join('***')
  return out
}
