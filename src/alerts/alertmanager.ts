/**
 * Prometheus Alertmanager's webhook body (version "4") and Grafana's unified-alerting webhook body,
 * which is the same shape with a few additions.
 *
 * Shapes relied on:
 * - Alertmanager: https://prometheus.io/docs/alerting/latest/configuration/#webhook_config — `version`
 *   "4", `groupKey`, `truncatedAlerts`, `status`, `receiver`, `groupLabels`, `commonLabels`,
 *   `commonAnnotations`, `externalURL`, `alerts[]` of { status, labels, annotations, startsAt, endsAt,
 *   generatorURL, fingerprint }; `endsAt` "0001-01-01T00:00:00Z" means unset (Go's zero time).
 * - Grafana: https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
 *   — adds `orgId`, `title`, `state` ("alerting" | "ok"), `message`, and per alert `fingerprint`,
 *   `silenceURL`, `dashboardURL`, `panelURL`, `imageURL`, `values`; its `version` is "1".
 *   Legacy (pre-unified) Grafana alerting bodies (`ruleName`, `evalMatches`, no `alerts`) are refused.
 */
import { PayloadError } from '../errors.js'
import { status } from './generic.js'
import { LIMITS, type NormalizedAlert } from './schema.js'
import {
  collectLinks,
  derivedKey,
  fail,
  field,
  hashKey,
  isObj,
  isoTime,
  lenientLabels,
  multiline,
  plainLine,
  slugOrNull,
  type Obj,
} from './text.js'

type Flavour = 'alertmanager' | 'grafana'

function stringMap(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {}
  if (!isObj(v)) fail(path, 'must be an object of strings', v)
  return v
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.slice(0, LIMITS.rawString) : null)

function oneAlert(a: unknown, path: string, body: Obj, flavour: Flavour): NormalizedAlert {
  if (!isObj(a)) fail(path, 'must be an alert object', a)
  const st = status(a.status, field(path, 'status'))
  const labelsIn = stringMap(a.labels, field(path, 'labels'))
  const ann = stringMap(a.annotations, field(path, 'annotations'))
  const labels = lenientLabels(labelsIn)
  if (a.fingerprint !== undefined && (typeof a.fingerprint !== 'string' || !a.fingerprint))
    fail(field(path, 'fingerprint'), 'must be a non-empty string', a.fingerprint)
  // Alertmanager added `fingerprint` in 0.19; before that, the sorted label set is the identity it stands for.
  const fp =
    typeof a.fingerprint === 'string'
      ? derivedKey(flavour, a.fingerprint)
      : hashKey(
          flavour,
          ...Object.keys(labelsIn)
            .sort()
            .map((k) => `${k}=${String(labelsIn[k])}`),
        )
  const titleText =
    text(ann.summary) ??
    text(labelsIn.alertname) ??
    (flavour === 'grafana' ? text(body.title) : null) ??
    `${flavour === 'grafana' ? 'Grafana' : 'Alertmanager'} alert`
  const descText = text(ann.description) ?? text(ann.message) ?? (flavour === 'grafana' ? text(body.message) : null)
  const startsAt = isoTime(a.startsAt, field(path, 'startsAt'))
  const endsAt = isoTime(a.endsAt, field(path, 'endsAt'))
  return {
    status: st,
    key: fp,
    title: plainLine(titleText, LIMITS.title) || 'Alert',
    description: descText === null ? null : multiline(descText, LIMITS.description),
    service: slugOrNull(text(labelsIn.service) ?? text(labelsIn.service_name) ?? text(labelsIn.app), LIMITS.service),
    severity: slugOrNull(text(labelsIn.severity) ?? text(labelsIn.priority), LIMITS.severity),
    labels,
    startsAt,
    // A firing alert's endsAt is Alertmanager's expiry estimate, not an end: only a resolved one has ended.
    endsAt: st === 'resolved' ? endsAt : null,
    source: flavour,
    links: collectLinks([
      a.generatorURL,
      ann.runbook_url,
      ann.runbook,
      ann.dashboard,
      ...(flavour === 'grafana' ? [a.dashboardURL, a.panelURL, a.silenceURL] : []),
    ]),
  }
}

/** An Alertmanager (or Grafana) group: one NormalizedAlert per alert, each with its own status and key. */
export function prometheusStyle(body: unknown, path: string, flavour: Flavour): NormalizedAlert[] {
  if (!isObj(body))
    fail(path, `must be the ${flavour === 'grafana' ? 'Grafana' : 'Alertmanager'} webhook body (a JSON object)`, body)
  if (flavour === 'alertmanager' && body.version !== undefined && body.version !== '4')
    fail(
      field(path, 'version'),
      'must be "4" (the Alertmanager webhook payload version this adapter reads)',
      body.version,
    )
  if (
    flavour === 'grafana' &&
    body.alerts === undefined &&
    (body.ruleName !== undefined || body.evalMatches !== undefined)
  )
    throw new PayloadError(
      `${path} is a legacy Grafana alerting body (ruleName/evalMatches); use Grafana's unified alerting webhook, which sends \`alerts\`.`,
    )
  const alerts = body.alerts
  if (!Array.isArray(alerts)) fail(field(path, 'alerts'), 'must be an array of alerts', alerts)
  if (alerts.length === 0) fail(field(path, 'alerts'), 'must contain at least one alert', alerts)
  if (alerts.length > LIMITS.alerts)
    throw new PayloadError(
      `${field(path, 'alerts')} must have at most ${LIMITS.alerts} alerts; it has ${alerts.length} (set max_alerts on the receiver).`,
    )
  if (body.status !== undefined && body.status !== 'firing' && body.status !== 'resolved')
    fail(field(path, 'status'), 'must be "firing" or "resolved"', body.status)
  return alerts.map((a, i) => oneAlert(a, field(field(path, 'alerts'), i), body, flavour))
}
