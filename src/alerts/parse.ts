import { PayloadError, getErrorMessage } from '../errors.js'
import { prometheusStyle } from './alertmanager.js'
import { datadog } from './datadog.js'
import { genericAlert } from './generic.js'
import {
  DEFAULT_EVENT_TYPES,
  LIMITS,
  NATIVE_SOURCES,
  PAYLOAD_KEY,
  SCHEMA_VERSION,
  type NormalizedAlert,
} from './schema.js'
import { describe, fail, field, isObj } from './text.js'
import { uptimeKuma } from './uptime-kuma.js'
import { isChangeEvent, pagerDuty } from './pagerduty.js'

const ROOT = `client_payload.${PAYLOAD_KEY}`
const OWN_KEYS = ['version', 'alerts', 'alert', ...NATIVE_SOURCES]

function generic(inner: Record<string, unknown>): NormalizedAlert[] {
  const many = inner.alerts
  const one = inner.alert
  if (many !== undefined && one !== undefined)
    throw new PayloadError(`${ROOT} must have either \`alerts\` or \`alert\`, not both.`)
  if (one !== undefined) return [genericAlert(one, `${ROOT}.alert`)]
  // A single alert object in place of the array is accepted too.
  if (isObj(many)) return [genericAlert(many, `${ROOT}.alerts`)]
  if (!Array.isArray(many)) fail(`${ROOT}.alerts`, 'must be an array of alerts (or one alert object)', many)
  if (many.length === 0) fail(`${ROOT}.alerts`, 'must contain at least one alert', many)
  if (many.length > LIMITS.alerts)
    throw new PayloadError(`${ROOT}.alerts must have at most ${LIMITS.alerts} alerts; it has ${many.length}.`)
  return many.map((a, i) => genericAlert(a, `${ROOT}.alerts[${i}]`))
}

function parse(eventType: string, clientPayload: unknown, eventTypes: readonly string[]): NormalizedAlert[] {
  if (typeof eventType !== 'string' || !eventTypes.includes(eventType))
    fail('event_type', `must be one of ${eventTypes.map((t) => JSON.stringify(t)).join(', ')} for an alert`, eventType)
  if (!isObj(clientPayload)) fail('client_payload', `must be an object with an \`${PAYLOAD_KEY}\` key`, clientPayload)
  const inner = clientPayload[PAYLOAD_KEY]
  if (inner === undefined)
    throw new PayloadError(
      `client_payload must have an \`${PAYLOAD_KEY}\` key holding the alert (see docs/monitoring.md); it has ${
        Object.keys(clientPayload).length
          ? Object.keys(clientPayload)
              .slice(0, 10)
              .map((k) => describe(k))
              .join(', ')
          : 'no keys'
      }.`,
    )
  if (!isObj(inner)) fail(ROOT, 'must be an object', inner)
  for (const k of Object.keys(inner)) {
    if (!OWN_KEYS.includes(k))
      throw new PayloadError(
        `${field(ROOT, k)} is not part of the schema; ${ROOT} holds \`version\` and one of ${['alerts', 'alert', ...NATIVE_SOURCES].map((s) => `\`${s}\``).join(', ')}.`,
      )
  }
  if (inner.version !== undefined && inner.version !== SCHEMA_VERSION && inner.version !== String(SCHEMA_VERSION))
    fail(`${ROOT}.version`, `must be ${SCHEMA_VERSION} (the only schema version)`, inner.version)
  const kinds = ['alerts', 'alert', ...NATIVE_SOURCES].filter((k) => inner[k] !== undefined)
  const natives = kinds.filter((k) => (NATIVE_SOURCES as readonly string[]).includes(k))
  if (kinds.length === 0)
    throw new PayloadError(
      `${ROOT} must have \`alerts\` (our schema) or one native body: ${NATIVE_SOURCES.map((s) => `\`${s}\``).join(', ')}; it has none.`,
    )
  if (natives.length > 1 || (natives.length === 1 && kinds.length > 1))
    throw new PayloadError(
      `${ROOT} must hold exactly one of \`alerts\`, ${NATIVE_SOURCES.map((s) => `\`${s}\``).join(', ')}; it has ${kinds.map((k) => `\`${k}\``).join(' and ')}.`,
    )
  switch (natives[0]) {
    case 'alertmanager':
      return prometheusStyle(inner.alertmanager, `${ROOT}.alertmanager`, 'alertmanager')
    case 'grafana':
      return prometheusStyle(inner.grafana, `${ROOT}.grafana`, 'grafana')
    case 'datadog':
      return datadog(inner.datadog, `${ROOT}.datadog`)
    case 'uptime-kuma':
      return uptimeKuma(inner['uptime-kuma'], `${ROOT}["uptime-kuma"]`)
    case 'pagerduty':
      // Change events are recorded by the caller (dispatch.ts), never parsed as alerts.
      if (isChangeEvent(inner.pagerduty))
        throw new PayloadError(`${ROOT}.pagerduty is a change event (no event_action): it is recorded, not an alert.`)
      return pagerDuty(inner.pagerduty, `${ROOT}.pagerduty`)
    default:
      return generic(inner)
  }
}

/**
 * Reads a `repository_dispatch` alert: our schema or a monitor's native body under
 * `client_payload.incidentops`, into neutralised, bounded alerts.
 *
 * @param eventType the dispatch's `event_type`; must be one of `opts.eventTypes` (default `alert`, `incident`)
 * @throws PayloadError naming the field and what was expected — and never anything else
 */
export function parseAlertDispatch(
  eventType: string,
  clientPayload: unknown,
  opts: { eventTypes?: string[] } = {},
): NormalizedAlert[] {
  try {
    return parse(eventType, clientPayload, opts.eventTypes ?? DEFAULT_EVENT_TYPES)
  } catch (error: unknown) {
    if (error instanceof PayloadError) throw error
    // A bug of ours or a pathological input (a getter, a cycle): still the one error type callers handle.
    throw new PayloadError(`client_payload could not be read as an alert: ${getErrorMessage(error)}`)
  }
}
