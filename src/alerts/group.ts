/**
 * Alertmanager and Grafana group alerts (their `group_by`): one notification is one problem, so
 * one group is one incident. The adapters keep every alert (with its own fingerprint) for the
 * record; this collapses a group into the single alert the incident logic handles, keyed by the
 * group's `groupKey`. Pure.
 */
import { hashKey, isObj } from './text.js'
import { LIMITS, type NormalizedAlert } from './schema.js'

/** The group key of a native Alertmanager or Grafana body inside our payload, or null. */
export function groupKeyOf(clientPayload: unknown): { source: 'alertmanager' | 'grafana'; key: string } | null {
  if (!isObj(clientPayload) || !isObj(clientPayload.incidentops)) return null
  const inner = clientPayload.incidentops
  for (const source of ['alertmanager', 'grafana'] as const) {
    const body = inner[source]
    if (isObj(body) && typeof body.groupKey === 'string' && body.groupKey.trim())
      return { source, key: hashKey(`${source}-group`, body.groupKey) }
  }
  return null
}

/** One alert standing for the group: firing while any member fires, resolved when all are. */
export function collapseGroup(alerts: NormalizedAlert[], group: { key: string }): NormalizedAlert {
  const firing = alerts.filter((a) => a.status === 'firing')
  const lead = firing[0] ?? alerts[0]!
  const common = Object.fromEntries(
    Object.entries(lead.labels).filter(([k, v]) => alerts.every((a) => a.labels[k] === v)),
  )
  const starts = alerts
    .map((a) => a.startsAt)
    .filter((s): s is string => s !== null)
    .sort()
  const ends = alerts
    .map((a) => a.endsAt)
    .filter((s): s is string => s !== null)
    .sort()
  const services = [...new Set(alerts.map((a) => a.service).filter((s): s is string => s !== null))]
  const title = alerts.length > 1 ? `${lead.title} (+${alerts.length - 1} more in the group)` : lead.title
  const list = alerts.map((a) => `- ${a.status}: ${a.title}`).join('\n')
  const description =
    alerts.length > 1
      ? `${lead.description ? `${lead.description}\n\n` : ''}${list}`.slice(0, LIMITS.description)
      : lead.description
  return {
    status: firing.length ? 'firing' : 'resolved',
    key: group.key,
    title: title.slice(0, LIMITS.title),
    description,
    service: services.length === 1 ? services[0]! : lead.service,
    severity: lead.severity,
    labels: common,
    startsAt: starts[0] ?? null,
    endsAt: firing.length ? null : (ends.at(-1) ?? null),
    source: lead.source,
    links: [...new Set(alerts.flatMap((a) => a.links))].slice(0, 10),
  }
}

/**
 * The alerts the incident logic handles for one dispatch, each with the key that dedups it: an
 * Alertmanager or Grafana group collapsed into one alert keyed by the group, any other payload's
 * alerts as parsed. The action (dispatch.ts) and the relay's 202 reply both use this, so the key
 * the relay prints is the one the incident is found by.
 */
export function incidentAlerts(parsed: NormalizedAlert[], clientPayload: unknown): NormalizedAlert[] {
  const group = groupKeyOf(clientPayload)
  return group && parsed.length > 0 ? [collapseGroup(parsed, group)] : parsed
}
