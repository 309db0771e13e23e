/**
 * The alert payload IncidentOps accepts through `repository_dispatch`, version 1.
 *
 * Everything lives under ONE top-level key of `client_payload`, `incidentops`, because GitHub
 * allows at most 10 top-level properties and about 64 KB in total (REST "Create a repository
 * dispatch event", as typed in @octokit/openapi-types). Other top-level keys are ignored.
 *
 *     client_payload.incidentops = {
 *       version: 1,                       // optional; when present it must be 1
 *       alerts: [Alert, …] | Alert,       // our own schema (or `alert: Alert`)
 *     }
 *   or exactly one native body from a monitor:
 *       { alertmanager: <Alertmanager webhook body, version "4"> }
 *       { grafana: <Grafana alerting webhook body> }
 *       { datadog: <the Datadog custom payload documented in docs/monitoring.md> }
 *       { "uptime-kuma": <Uptime Kuma's webhook JSON: { heartbeat, monitor, msg }> }
 *       { pagerduty: <a PagerDuty Events API v2 body: trigger, acknowledge, resolve, or a change event> }
 *
 * docs/monitoring.md is the user-facing reference; keep the two in step.
 */

/** One alert, whatever monitor sent it, ready for the incident logic. All text is neutralised. */
export interface NormalizedAlert {
  /** `acknowledged` comes only from a PagerDuty acknowledge: Triage → Investigating. */
  status: 'firing' | 'resolved' | 'acknowledged'
  /** Dedup key: given, else derived (Alertmanager/Grafana fingerprint, Datadog aggregation key, Kuma monitor id); ≤ 200 chars of KEY_PATTERN. */
  key: string
  /** Plain text, ≤ 256 chars (GitHub's issue title limit), neutralised. */
  title: string
  /** ≤ 4,000 chars, neutralised: no live @mentions, HTML, `<!--` or `incidentops:` markers. */
  description: string | null
  /** A slug (`checkout-api`), or null. */
  service: string | null
  /** A slug (`critical`, `p1`), or null. */
  severity: string | null
  /** ≤ 50 keys; keys match LABEL_KEY_PATTERN, values ≤ 500 chars, neutralised. Rules test them as `labels.<name>`. */
  labels: Record<string, string>
  /** ISO 8601 UTC (`toISOString()`), or null when unknown. */
  startsAt: string | null
  endsAt: string | null
  /** 'alertmanager' | 'grafana' | 'datadog' | 'uptime-kuma' | 'generic' | a custom slug. */
  source: string
  /** http(s) only, ≤ 10, no credentials. */
  links: string[]
}

export const ALERT_STATUSES = ['firing', 'resolved'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]

/** The event types a dispatch may carry unless configured otherwise. */
export const DEFAULT_EVENT_TYPES: readonly string[] = ['alert', 'incident']

/** The top-level key of `client_payload` that holds everything of ours. */
export const PAYLOAD_KEY = 'incidentops'
export const SCHEMA_VERSION = 1

/** The native bodies accepted inside `client_payload.incidentops`, by key. */
export const NATIVE_SOURCES = ['alertmanager', 'grafana', 'datadog', 'uptime-kuma', 'pagerduty'] as const
export type NativeSource = (typeof NATIVE_SOURCES)[number]

export const LIMITS = {
  alerts: 100,
  key: 200,
  title: 256,
  description: 4000,
  labels: 50,
  labelKey: 100,
  labelValue: 500,
  service: 40,
  severity: 40,
  source: 40,
  links: 10,
  link: 2000,
  /** Any single input string longer than this is refused outright rather than truncated. */
  rawString: 65_536,
} as const

/**
 * A dedup key we accept as given: ASCII letters, digits and `. _ : / = + -`, starting with a letter
 * or digit. It goes into labels-free places (the card's record, search) so it must be boring.
 */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/=+-]{0,199}$/

/** A label name: what Prometheus, Grafana and Datadog tag keys use. `__`-prefixed names are reserved. */
export const LABEL_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,99}$/

/** The body of one alert in our own schema (version 1), as the sender writes it. */
export interface GenericAlertInput {
  status: AlertStatus
  key?: string
  title: string
  description?: string | null
  service?: string | null
  severity?: string | null
  labels?: Record<string, string>
  startsAt?: string | null
  endsAt?: string | null
  source?: string
  links?: string[]
}

/** The fields of an alert object in our schema; any other key is a mistake we report. */
export const GENERIC_ALERT_FIELDS = [
  'status',
  'key',
  'title',
  'description',
  'service',
  'severity',
  'labels',
  'startsAt',
  'endsAt',
  'source',
  'links',
] as const
