import type { Fields } from './classify.js'
import type { AlertState } from './record.js'
import type { IncidentFacts } from '../intake/facts.js'

/** The hidden marker in the body of an issue we opened for an alert: how racing runs find each other's issues. */
export const alertMarker = (key: string): string => `<!-- incidentops:alert-key:${key} -->`

/** Reads the alert key from the body of an issue we opened (the caller checks we wrote it). */
export function alertKeyOf(body: string): string | null {
  return /^<!-- incidentops:alert-key:([A-Za-z0-9._:/=+-]{1,200}) -->/.exec(body)?.[1] ?? null
}

/** An alert incident's facts, for the card: what the monitor said. */
export function factsFromAlert(a: AlertState): IncidentFacts {
  return {
    summary: a.title,
    startedAt: null,
    impact: null,
    usersAffected: null,
    services: a.service ? [a.service] : [],
    dataLoss: false,
    security: false,
    detection: `${a.source} alert`,
    links: null,
    fromForm: false,
    notes: [],
  }
}

/** The fields rules test for an alert: `severity`, `service`, `source`, `summary` and `labels.<name>`. */
export function alertFields(a: AlertState): Fields {
  const f: Fields = {
    severity: a.severity,
    service: a.service,
    services: a.service ? [a.service] : [],
    source: a.source,
    summary: a.title,
  }
  for (const [k, v] of Object.entries(a.labels)) f[`labels.${k}`] = v
  return f
}
