/*
 * `status.subscribers`: who is told of every public change of the status page (docs/status-page.md,
 * "Subscriptions"). Webhooks get Statuspage's payload, signed with a secret named by environment
 * variable (`secret_env`), never written in the file, which everyone with access to the repository
 * reads; e-mail goes through an SMTP server of the same shape as paging's (src/paging/config.ts).
 */
import type { JsonSchema } from '../config/schema.js'
import type { Path, SchemaProblem } from '../config/validate.js'
import { SMTP_SCHEMA, env, isSafeUrl, type PagingConfig } from '../paging/config.js'

/** One webhook subscriber. */
export interface WebhookSubscriber {
  url: string
  /** The environment variable holding the signing secret. */
  secretEnv: string
  /** Component ids (catalog service names): only incidents touching one of them; null: every incident. */
  components: string[] | null
}

/** E-mail subscribers: one message per address (no address sees another). */
export interface EmailSubscribers {
  smtp: NonNullable<PagingConfig['smtp']>
  to: string[]
  components: string[] | null
}

/** The typed `status.subscribers` section. */
export interface SubscribersConfig {
  webhooks: WebhookSubscriber[]
  email: EmailSubscribers | null
}

export const NO_SUBSCRIBERS: SubscribersConfig = { webhooks: [], email: null }

/** Most webhooks and addresses: each is a request in the run that made the change (a mailing list address scales further). */
export const SUBSCRIBER_LIMITS = Object.freeze({ webhooks: 20, addresses: 50 })

const components: JsonSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  items: { type: 'string', minLength: 1, maxLength: 100 },
  description:
    'Only incidents that touch one of these components (service names from `services:`); absent: every published incident.',
}

/** `status.subscribers` in the configuration's JSON Schema. */
export const SUBSCRIBERS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    "Told of every public change of the status page (publication, `/status` update, resolution, postmortem): webhooks with Statuspage's payload, signed (HMAC-SHA256), and e-mail over SMTP (docs/status-page.md#subscriptions).",
  properties: {
    webhooks: {
      type: 'array',
      maxItems: SUBSCRIBER_LIMITS.webhooks,
      description: 'Endpoints that receive a signed POST per public change.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url', 'secret_env'],
        properties: {
          url: {
            type: 'string',
            pattern: '^https?://',
            maxLength: 500,
            description: 'The endpoint: https (plain http only to 127.0.0.1 or localhost). Redirects are not followed.',
          },
          secret_env: env(
            'The secret the payload is signed with (`X-IncidentOps-Signature-256: sha256=<HMAC-SHA256 hex>`), shared with the receiver.',
          ),
          components,
        },
      },
    },
    email: {
      type: 'object',
      additionalProperties: false,
      required: ['smtp', 'to'],
      description: 'Plain-text e-mail (with an HTML part) per public change, one message per address.',
      properties: {
        smtp: SMTP_SCHEMA,
        to: {
          type: 'array',
          minItems: 1,
          maxItems: SUBSCRIBER_LIMITS.addresses,
          items: { type: 'string', pattern: '^[^\\s@<>,;"]+@[^\\s@<>,;"]+$', maxLength: 254 },
          description: 'Addresses (a mailing list for many readers).',
        },
        components,
      },
    },
  },
}

type RawSmtp = { host: string; port?: number; secure?: boolean; from: string; user_env?: string; password_env?: string }
/** The raw section, as validated by SUBSCRIBERS_SCHEMA. */
export interface RawSubscribers {
  webhooks?: { url: string; secret_env: string; components?: string[] }[]
  email?: { smtp: RawSmtp; to: string[]; components?: string[] }
}

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/**
 * What the schema cannot say: URLs are https (or this machine), and a component filter names
 * services of the catalog by name (a misspelt one would silently never match). Takes the whole
 * raw config, already checked against the schema.
 */
export function subscribersProblems(config: unknown): SchemaProblem[] {
  const raw = obj(config) && obj(config.status) ? config.status.subscribers : undefined
  if (!obj(raw)) return []
  const services = arr(obj(config) ? config.services : []).flatMap((s) =>
    obj(s) && typeof s.name === 'string' ? [s.name] : [],
  )
  const out: SchemaProblem[] = []
  const base: Path = ['status', 'subscribers']
  const known = new Set(services.map((s) => s.toLowerCase()))
  const checkComponents = (list: unknown, path: Path): void =>
    arr(list).forEach((c, i) => {
      if (typeof c === 'string' && !known.has(c.toLowerCase()))
        out.push({
          path: [...path, i],
          message: `is "${c}", which is not a service under \`services:\`${services.length ? ` (services: ${services.join(', ')})` : ' (there is none)'}`,
        })
    })
  arr(raw.webhooks).forEach((w, i) => {
    if (!obj(w)) return
    if (typeof w.url === 'string' && !isSafeUrl(w.url))
      out.push({
        path: [...base, 'webhooks', i, 'url'],
        message: `is "${w.url}": write an https:// URL (plain http is accepted only for 127.0.0.1 or localhost, since signed payloads travel to it)`,
      })
    checkComponents(w.components, [...base, 'webhooks', i, 'components'])
  })
  if (obj(raw.email)) checkComponents(raw.email.components, [...base, 'email', 'components'])
  return out
}

/** The typed section (after subscribersProblems found nothing). */
export function resolveSubscribers(raw: RawSubscribers | undefined): SubscribersConfig {
  if (!raw) return NO_SUBSCRIBERS
  const comps = (c: string[] | undefined): string[] | null => (c ? c.map((x) => x.toLowerCase()) : null)
  const s = raw.email?.smtp
  return {
    webhooks: (raw.webhooks ?? []).map((w) => ({
      url: w.url,
      secretEnv: w.secret_env,
      components: comps(w.components),
    })),
    email:
      raw.email && s
        ? {
            smtp: {
              host: s.host,
              port: s.port ?? 587,
              secure: s.secure ?? false,
              from: s.from,
              userEnv: s.user_env ?? null,
              passwordEnv: s.password_env ?? null,
            },
            to: [...new Set(raw.email.to)],
            components: comps(raw.email.components),
          }
        : null,
  }
}

/** True when somebody is subscribed (else nothing is planned, recorded or sent). */
export function hasSubscribers(s: SubscribersConfig): boolean {
  return s.webhooks.length > 0 || (s.email?.to.length ?? 0) > 0
}

/** The values of the environment variables the section names: the action masks them with core.setSecret. */
export function subscriberSecrets(
  s: SubscribersConfig,
  envVars: Readonly<Record<string, string | undefined>>,
): string[] {
  const names = [...s.webhooks.map((w) => w.secretEnv), s.email?.smtp.userEnv, s.email?.smtp.passwordEnv]
  return [...new Set(names.flatMap((n) => (n && envVars[n] ? [envVars[n]!] : [])))]
}
