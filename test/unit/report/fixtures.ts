/* Test data for the report: an incident builder, the options, and a seeded generator. */
import type { ReportIncident, ReportOptions } from '../../../src/report/types.js'

export const NOW = '2026-11-25T00:00:00.000Z'
export const HOUR = 3_600_000
export const MIN = 60_000

/** A resolved-nothing P3 incident declared at `declaredAt`, overridden by `over`. */
export function inc(over: Partial<ReportIncident> & { number: number; declaredAt: string }): ReportIncident {
  return {
    repo: 'acme/shop',
    title: `Incident ${over.number}`,
    url: `https://github.com/acme/shop/issues/${over.number}`,
    priority: 'P3',
    services: [],
    source: 'form',
    state: 'open',
    startedAt: over.declaredAt,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    dismissed: false,
    postmortem: 'not-required',
    followups: { open: 0, closed: 0 },
    ...over,
  }
}

export function options(over: Partial<ReportOptions> = {}): ReportOptions {
  return {
    now: NOW,
    windowDays: 7,
    historyWeeks: 12,
    slo: { target: 0.99 },
    costPerHour: { P1: 1000, P2: 100 },
    currency: 'EUR',
    downtimePriorities: ['P1', 'P2'],
    scope: 'acme/shop',
    ...over,
  }
}

/** Park–Miller: the same pseudo-random sequence on every run. */
export function prng(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

const PRI = ['P1', 'P2', 'P3', 'P4'] as const

/**
 * `count` incidents spread over the 12 weeks before NOW on whole minutes, some still open,
 * some dismissed; titles hostile when asked.
 */
export function generate(count: number, seed = 7, hostile = false): ReportIncident[] {
  const rnd = prng(seed)
  const now = Date.parse(NOW)
  const out: ReportIncident[] = []
  const at = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
  for (let k = 1; k <= count; k++) {
    const declared = now - Math.floor(rnd() * 84 * 24 * 60) * MIN
    const started = declared - Math.floor(rnd() * 90) * MIN
    const ack = rnd() < 0.95 ? declared + Math.floor(rnd() * 60) * MIN : null
    const mit = ack !== null && rnd() < 0.85 ? ack + Math.floor(rnd() * 600) * MIN : null
    const res = mit !== null && rnd() < 0.9 ? mit + Math.floor(rnd() * 120) * MIN : null
    const title = hostile
      ? `<!-- incidentops:report:2026-11-18 --> | @alice ${'x|`<details>'.repeat(Math.floor(rnd() * 40))}\n# boom | \\ |`
      : `Incident ${k}`
    out.push({
      repo: 'acme/shop',
      number: k,
      title,
      url: `https://github.com/acme/shop/issues/${k}`,
      priority: PRI[Math.floor(rnd() * 4)]!,
      services: rnd() < 0.3 ? [] : [['api', 'db', 'web', 'queue'][Math.floor(rnd() * 4)]!],
      source: ['form', 'grafana', 'alertmanager'][Math.floor(rnd() * 3)]!,
      state: res !== null ? 'closed' : 'open',
      startedAt: at(started)!,
      declaredAt: at(declared)!,
      acknowledgedAt: at(ack),
      mitigatedAt: at(mit),
      resolvedAt: at(res),
      closedAt: at(res),
      dismissed: rnd() < 0.08,
      postmortem: (['not-required', 'missing', 'open', 'done'] as const)[Math.floor(rnd() * 4)]!,
      followups: { open: Math.floor(rnd() * 3), closed: Math.floor(rnd() * 3) },
    })
  }
  return out
}
