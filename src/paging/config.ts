/*
 * `oncall.paging`: how a person (or whoever a schedule resolves to) is paged on their phone, beyond
 * the GitHub mention. The config names channels and, for every secret, the environment variable
 * that holds it (`topic_env: NTFY_ALICE`): the file is reviewed in pull requests and readable by
 * everyone with access to the repository, so no secret is ever written in it. The workflow step
 * passes the secrets in its `env:` from the repository's secrets.
 */
import type { JsonSchema } from '../config/schema.js'
import type { Path, SchemaProblem } from '../config/validate.js'
import { PRIORITIES, type Priority } from '../config/types.js'

/** Every channel kind, in the order a person's channels are paged. */
export const CHANNEL_KINDS = ['ntfy', 'pushover', 'email', 'sms', 'voice'] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

/** One person's (or one schedule's) channels. Secrets are environment variable names. */
export interface Contact {
  ntfy?: { topicEnv: string }
  pushover?: { userKeyEnv: string }
  email?: { to: string }
  sms?: { toEnv: string }
  voice?: { toEnv: string }
}

/** The typed `oncall.paging` section. */
export interface PagingConfig {
  /** The priorities whose escalations page phones (the mention is posted for every priority). */
  priorities: Priority[]
  /** By GitHub login (lowercase). */
  people: Record<string, Contact>
  /** By schedule name: a shared phone or topic paged whenever an escalation resolves that schedule. */
  schedules: Record<string, Contact>
  ntfy: { server: string; tokenEnv: string | null; priority: 'high' | 'urgent' }
  pushover: { apiUrl: string; appTokenEnv: string | null; priority: 1 | 2 }
  smtp: {
    host: string
    port: number
    secure: boolean
    from: string
    userEnv: string | null
    passwordEnv: string | null
  } | null
  twilio: { apiUrl: string; from: string; accountSidEnv: string; authTokenEnv: string } | null
}

export const NO_PAGING: PagingConfig = {
  priorities: ['P1', 'P2'],
  people: {},
  schedules: {},
  ntfy: { server: 'https://ntfy.sh', tokenEnv: null, priority: 'urgent' },
  pushover: { apiUrl: 'https://api.pushover.net', appTokenEnv: null, priority: 1 },
  smtp: null,
  twilio: null,
}

const ENV = '^[A-Z_][A-Z0-9_]{0,99}$'
/** A `*_env` key: the name of an environment variable that holds a secret, never the secret. */
export const env = (description: string): JsonSchema => ({
  type: 'string',
  pattern: ENV,
  description: `${description} The name of an environment variable (e.g. set from a secret in the workflow step's \`env:\`), never the secret itself.`,
})
const url = (description: string, def: string): JsonSchema => ({
  type: 'string',
  pattern: '^https?://',
  maxLength: 300,
  description,
  default: def,
})

const contact: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'The channels that page this person (or this schedule); each is optional.',
  properties: {
    ntfy: {
      type: 'object',
      additionalProperties: false,
      required: ['topic_env'],
      properties: { topic_env: env('The ntfy topic (anyone who knows a topic can read it: treat it as a secret).') },
    },
    pushover: {
      type: 'object',
      additionalProperties: false,
      required: ['user_key_env'],
      properties: { user_key_env: env("The person's Pushover user key.") },
    },
    email: {
      type: 'object',
      additionalProperties: false,
      required: ['to'],
      properties: {
        to: { type: 'string', pattern: '^[^\\s@<>]+@[^\\s@<>]+$', maxLength: 254, description: 'Address.' },
      },
    },
    sms: {
      type: 'object',
      additionalProperties: false,
      required: ['to_env'],
      properties: { to_env: env('The phone number (E.164, +4915…), kept out of the repository.') },
    },
    voice: {
      type: 'object',
      additionalProperties: false,
      required: ['to_env'],
      properties: { to_env: env('The phone number to call (E.164), kept out of the repository.') },
    },
  },
}

/** An SMTP server (nodemailer): e-mail pages, and the status page's e-mail subscribers (src/subscriptions/). */
export const SMTP_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'The SMTP server e-mail is sent through (nodemailer).',
  required: ['host', 'from'],
  properties: {
    host: { type: 'string', minLength: 1, maxLength: 253, description: 'SMTP server.' },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port.', default: 587 },
    secure: {
      type: 'boolean',
      description: 'TLS from the start (port 465); otherwise STARTTLS when the server offers it.',
      default: false,
    },
    from: { type: 'string', minLength: 3, maxLength: 254, description: 'Sender address.' },
    user_env: env('SMTP user name (optional).'),
    password_env: env('SMTP password (optional).'),
  },
}

/** `oncall.paging` in the configuration's JSON Schema. */
export const PAGING_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'Paging phones when an escalation level fires (docs/oncall.md#paging-phones): ntfy, Pushover, e-mail (SMTP) and SMS/voice through your Twilio account. Secrets are named by environment variable (`*_env`), never written here.',
  properties: {
    priorities: {
      type: 'array',
      items: { type: 'string', enum: [...PRIORITIES] },
      maxItems: 4,
      description: 'The priorities whose escalations page phones (the GitHub mention is always posted).',
      default: ['P1', 'P2'],
    },
    people: {
      type: 'object',
      additionalProperties: contact,
      description: 'Channels by GitHub login (`alice: {ntfy: {topic_env: NTFY_ALICE}}`).',
      default: {},
    },
    schedules: {
      type: 'object',
      additionalProperties: contact,
      description:
        'Channels by schedule name, paged whenever an escalation resolves that schedule (a shared on-call phone or topic).',
      default: {},
    },
    ntfy: {
      type: 'object',
      additionalProperties: false,
      description: 'ntfy (https://ntfy.sh or your own server): free push notifications that can pass Do-Not-Disturb.',
      properties: {
        server: url('The ntfy server (self-hosted or public).', 'https://ntfy.sh'),
        token_env: env('An access token for a protected server (optional).'),
        priority: {
          type: 'string',
          enum: ['high', 'urgent'],
          description: 'ntfy priority: both can pass Do-Not-Disturb when the app is allowed to.',
          default: 'urgent',
        },
      },
    },
    pushover: {
      type: 'object',
      additionalProperties: false,
      description: 'Pushover: your application token and the priority of pages.',
      properties: {
        api_url: url('The Pushover API.', 'https://api.pushover.net'),
        app_token_env: env("Your Pushover application's API token."),
        priority: {
          type: 'integer',
          enum: [1, 2],
          description:
            '1: high (bypasses quiet hours); 2: emergency (repeats every 60 s for an hour until acknowledged).',
          default: 1,
        },
      },
    },
    smtp: SMTP_SCHEMA,
    twilio: {
      type: 'object',
      additionalProperties: false,
      description: 'Your Twilio account, for SMS and voice-call pages.',
      required: ['from', 'account_sid_env', 'auth_token_env'],
      properties: {
        api_url: url('The Twilio API.', 'https://api.twilio.com'),
        from: { type: 'string', pattern: '^\\+[1-9]\\d{6,14}$', description: 'Your Twilio number (E.164).' },
        account_sid_env: env('Your Twilio account SID.'),
        auth_token_env: env('Your Twilio auth token.'),
      },
    },
  },
}

type RawContact = {
  ntfy?: { topic_env: string }
  pushover?: { user_key_env: string }
  email?: { to: string }
  sms?: { to_env: string }
  voice?: { to_env: string }
}
/** The raw section, as validated by PAGING_SCHEMA. */
export type RawPaging = {
  priorities?: Priority[]
  people?: Record<string, RawContact>
  schedules?: Record<string, RawContact>
  ntfy?: { server?: string; token_env?: string; priority?: 'high' | 'urgent' }
  pushover?: { api_url?: string; app_token_env?: string; priority?: 1 | 2 }
  smtp?: { host: string; port?: number; secure?: boolean; from: string; user_env?: string; password_env?: string }
  twilio?: { api_url?: string; from: string; account_sid_env: string; auth_token_env: string }
}

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const LOGIN = /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$/
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * What the schema cannot say: people are logins, schedules exist, and a channel has what it needs
 * to send (e-mail needs `smtp`, SMS and calls need `twilio`, Pushover needs the app token).
 */
export function pagingProblems(raw: RawPaging | undefined, scheduleNames: readonly string[]): SchemaProblem[] {
  if (!obj(raw)) return []
  const out: SchemaProblem[] = []
  const base: Path = ['oncall', 'paging']
  const checkContact = (c: unknown, path: Path): void => {
    if (!obj(c)) return
    if (c.email && !raw.smtp)
      out.push({ path: [...path, 'email'], message: 'needs `oncall.paging.smtp` (the server to send through)' })
    for (const k of ['sms', 'voice'] as const)
      if (c[k] && !raw.twilio)
        out.push({ path: [...path, k], message: 'needs `oncall.paging.twilio` (your account and number)' })
    if (c.pushover && !raw.pushover?.app_token_env)
      out.push({
        path: [...path, 'pushover'],
        message: 'needs `oncall.paging.pushover.app_token_env` (your Pushover application token)',
      })
  }
  // Tokens and topics travel to these servers: https, or plain http to this machine only (tests, a local relay).
  const urls: [unknown, Path][] = [
    [raw.ntfy?.server, [...base, 'ntfy', 'server']],
    [raw.pushover?.api_url, [...base, 'pushover', 'api_url']],
    [raw.twilio?.api_url, [...base, 'twilio', 'api_url']],
  ]
  for (const [u, path] of urls) {
    if (typeof u !== 'string') continue
    if (!isSafeUrl(u))
      out.push({
        path,
        message: `is "${u}": write an https:// URL (plain http is accepted only for 127.0.0.1 or localhost, since secrets travel to it)`,
      })
  }
  for (const [who, c] of Object.entries(obj(raw.people) ? raw.people : {})) {
    if (!LOGIN.test(who))
      out.push({
        path: [...base, 'people', who],
        atKey: true,
        message: `oncall.paging.people: "${who}" is not a GitHub login`,
      })
    checkContact(c, [...base, 'people', who])
  }
  for (const [name, c] of Object.entries(obj(raw.schedules) ? raw.schedules : {})) {
    if (!scheduleNames.includes(name))
      out.push({
        path: [...base, 'schedules', name],
        atKey: true,
        message: `oncall.paging.schedules: "${name}" is not a schedule under \`oncall.schedules\`${scheduleNames.length ? ` (schedules: ${scheduleNames.join(', ')})` : ''}`,
      })
    checkContact(c, [...base, 'schedules', name])
  }
  return out
}

/** True for an https URL, or plain http to this machine only (tests, a local relay): secrets and signed bodies travel to it. */
export function isSafeUrl(u: string): boolean {
  try {
    const url = new URL(u)
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))
  } catch {
    return false
  }
}

function contactOf(c: RawContact): Contact {
  return {
    ...(c.ntfy ? { ntfy: { topicEnv: c.ntfy.topic_env } } : {}),
    ...(c.pushover ? { pushover: { userKeyEnv: c.pushover.user_key_env } } : {}),
    ...(c.email ? { email: { to: c.email.to } } : {}),
    ...(c.sms ? { sms: { toEnv: c.sms.to_env } } : {}),
    ...(c.voice ? { voice: { toEnv: c.voice.to_env } } : {}),
  }
}

/** The typed section (after pagingProblems found nothing). */
export function resolvePaging(raw: RawPaging | undefined): PagingConfig {
  if (!raw) return NO_PAGING
  const trim = (u: string): string => u.replace(/\/+$/, '')
  return {
    priorities: raw.priorities ?? NO_PAGING.priorities,
    people: Object.fromEntries(
      Object.entries(raw.people ?? {}).map(([k, v]) => [k.replace(/^@/, '').toLowerCase(), contactOf(v)]),
    ),
    schedules: Object.fromEntries(Object.entries(raw.schedules ?? {}).map(([k, v]) => [k, contactOf(v)])),
    ntfy: {
      server: trim(raw.ntfy?.server ?? NO_PAGING.ntfy.server),
      tokenEnv: raw.ntfy?.token_env ?? null,
      priority: raw.ntfy?.priority ?? 'urgent',
    },
    pushover: {
      apiUrl: trim(raw.pushover?.api_url ?? NO_PAGING.pushover.apiUrl),
      appTokenEnv: raw.pushover?.app_token_env ?? null,
      priority: raw.pushover?.priority ?? 1,
    },
    smtp: raw.smtp
      ? {
          host: raw.smtp.host,
          port: raw.smtp.port ?? 587,
          secure: raw.smtp.secure ?? false,
          from: raw.smtp.from,
          userEnv: raw.smtp.user_env ?? null,
          passwordEnv: raw.smtp.password_env ?? null,
        }
      : null,
    twilio: raw.twilio
      ? {
          apiUrl: trim(raw.twilio.api_url ?? 'https://api.twilio.com'),
          from: raw.twilio.from,
          accountSidEnv: raw.twilio.account_sid_env,
          authTokenEnv: raw.twilio.auth_token_env,
        }
      : null,
  }
}
