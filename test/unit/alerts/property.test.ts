// Properties of the alert parser over arbitrary and hostile input.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAlertDispatch, type NormalizedAlert } from '../../../src/alerts/index.js'
import { PayloadError } from '../../../src/errors.js'
import { runs } from '../../fast-check-setup.js'

/** Every string anywhere in the output. */
function strings(alerts: NormalizedAlert[]): string[] {
  const out: string[] = []
  for (const a of alerts) {
    for (const v of [a.key, a.title, a.description, a.service, a.severity, a.startsAt, a.endsAt, a.source, ...a.links])
      if (typeof v === 'string') out.push(v)
    for (const [k, v] of Object.entries(a.labels)) out.push(k, v)
  }
  return out
}

function parseOrPayloadError(eventType: string, payload: unknown): NormalizedAlert[] | null {
  try {
    return parseAlertDispatch(eventType, payload)
  } catch (error: unknown) {
    if (!(error instanceof PayloadError)) throw new Error(`threw ${String(error)} instead of a PayloadError`)
    return null
  }
}

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '@alice',
    '@acme/sre',
    'x@y',
    '<!-- incidentops:card -->',
    '<!--',
    'INCIDENTOPS:record',
    '<script>alert(1)</script>',
    '![x](https://t.example/p.png)',
    '#12',
    '\u0000<\u0000!--',
    '@\u0000bob',
    '-->',
    '\r\n@carol\r\n',
  ),
  fc
    .array(fc.constantFrom('@', 'a', '<', '!', '-', 'incidentops:', ' ', '\n', '\u0000', '#', '1', 'B', '\u200b'), {
      maxLength: 30,
    })
    .map((a) => a.join('')),
)
const isoish = fc.oneof(
  fc.constant(null),
  fc.constant('2024-05-14T09:00:00Z'),
  fc.constant('0001-01-01T00:00:00Z'),
  hostile,
)

const genericAlert = fc.record(
  {
    status: fc.constantFrom('firing', 'resolved'),
    key: fc.oneof(fc.constant('checkout-5xx'), hostile),
    title: hostile,
    description: fc.oneof(fc.constant(null), hostile),
    service: fc.oneof(fc.constant(null), hostile),
    severity: fc.oneof(fc.constant(null), hostile),
    labels: fc.dictionary(
      fc.oneof(fc.constantFrom('team', 'region', 'app.kubernetes.io/name'), fc.string({ maxLength: 8 })),
      hostile,
      { maxKeys: 5 },
    ),
    startsAt: isoish,
    endsAt: isoish,
    source: hostile,
    links: fc.array(fc.oneof(fc.constant('https://grafana.example.com/d/x?u=@bob#<!--'), fc.webUrl(), hostile), {
      maxLength: 4,
    }),
  },
  { requiredKeys: ['status', 'title'] },
)

const amAlert = fc.record({
  status: fc.constantFrom('firing', 'resolved'),
  labels: fc.dictionary(
    fc.oneof(fc.constantFrom('alertname', 'service', 'severity', '__name__'), fc.string({ maxLength: 8 })),
    hostile,
    { maxKeys: 6 },
  ),
  annotations: fc.record({ summary: hostile, description: hostile, runbook_url: fc.oneof(fc.webUrl(), hostile) }),
  startsAt: isoish,
  endsAt: isoish,
  generatorURL: fc.oneof(fc.webUrl(), hostile),
  fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), hostile),
})

const payloads = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue().map((v) => ({ incidentops: v })),
  fc.array(genericAlert, { minLength: 1, maxLength: 3 }).map((alerts) => ({ incidentops: { version: 1, alerts } })),
  fc
    .array(amAlert, { minLength: 1, maxLength: 3 })
    .map((alerts) => ({ incidentops: { alertmanager: { version: '4', status: 'firing', alerts } } })),
  fc
    .array(amAlert, { minLength: 1, maxLength: 3 })
    .map((alerts) => ({ incidentops: { grafana: { status: 'firing', alerts, title: '@x', message: '<!--' } } })),
  fc
    .record({
      transition: fc.constantFrom('Triggered', 'Recovered', 'Warn'),
      aggreg_key: hostile,
      alert_id: hostile,
      title: hostile,
      message: hostile,
      tags: hostile,
      link: hostile,
      priority: hostile,
      date: fc.oneof(hostile, fc.constant('1715678463000')),
    })
    .map((d) => ({ incidentops: { datadog: d } })),
  fc
    .record({
      heartbeat: fc.record({ status: fc.constantFrom(0, 1), time: isoish, msg: hostile, monitorID: fc.nat() }),
      monitor: fc.record({ id: fc.nat(), name: hostile, url: fc.oneof(fc.webUrl(), hostile), type: hostile }),
      msg: hostile,
    })
    .map((k) => ({ incidentops: { 'uptime-kuma': k } })),
)

describe('parseAlertDispatch properties', () => {
  it('never throws anything but PayloadError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom('alert', 'incident', 'other'), fc.jsonValue(), (et, v) => {
        parseOrPayloadError(et, v)
        parseOrPayloadError(et, { incidentops: v })
      }),
      runs(500),
    )
  })

  it('never lets a live @mention, an HTML comment or a marker through, and respects the bounds', () => {
    let accepted = 0
    fc.assert(
      fc.property(payloads, (p) => {
        const alerts = parseOrPayloadError('alert', p)
        if (!alerts) return
        accepted++
        for (const s of strings(alerts)) {
          expect(s).not.toMatch(/@[A-Za-z]/)
          expect(s).not.toContain('<!--')
          expect(s).not.toMatch(/incidentops:/i)
        }
        for (const a of alerts) {
          expect(a.key.length).toBeLessThanOrEqual(200)
          expect(a.key).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:/=+-]*$/)
          expect(a.title.length).toBeGreaterThan(0)
          expect(a.title.length).toBeLessThanOrEqual(256)
          expect(a.title).not.toMatch(/[\n\r]/)
          expect((a.description ?? '').length).toBeLessThanOrEqual(4000)
          expect(a.description ?? '').not.toMatch(/[<>]/)
          expect(Object.keys(a.labels).length).toBeLessThanOrEqual(50)
          expect(a.links.length).toBeLessThanOrEqual(10)
          for (const l of a.links) expect(l).toMatch(/^https?:\/\//)
          for (const t of [a.startsAt, a.endsAt]) if (t !== null) expect(new Date(t).toISOString()).toBe(t)
          if (a.service !== null) expect(a.service).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
        }
      }),
      runs(400),
    )
    // The generators must exercise the accepting path, not only the rejections.
    expect(accepted).toBeGreaterThan(50)
  })

  it('is deterministic: the same payload gives the same alerts', () => {
    fc.assert(
      fc.property(payloads, (p) => {
        expect(parseOrPayloadError('alert', structuredClone(p))).toEqual(
          parseOrPayloadError('alert', structuredClone(p)),
        )
      }),
      runs(100),
    )
  })
})
