// The ready-to-paste recipes in examples/monitoring: valid for their tool as far as we can check
// here, and what they produce is accepted by the parser.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseAlertDispatch } from '../../../src/alerts/index.js'

const DIR = resolve(import.meta.dirname, '..', '..', '..', 'examples', 'monitoring')
const read = (f: string) => readFileSync(resolve(DIR, f), 'utf8')

describe('monitoring recipes', () => {
  it('alertmanager.yml: a webhook receiver pointing at the relay with bearer authorization', () => {
    const cfg = parseYaml(read('alertmanager.yml')) as {
      route: { receiver: string }
      receivers: { name: string; webhook_configs: Record<string, unknown>[] }[]
    }
    const receiver = cfg.receivers.find((r) => r.name === cfg.route.receiver)!
    const wh = receiver.webhook_configs[0]!
    expect(wh.url).toMatch(/^https:\/\/.+\/alertmanager$/)
    expect(wh).toMatchObject({
      send_resolved: true,
      max_alerts: 100,
      http_config: { authorization: { type: 'Bearer' } },
    })
    expect(Object.keys((wh.http_config as { authorization: object }).authorization).sort()).toEqual([
      'credentials_file',
      'type',
    ])
  })

  it('datadog-webhook.json, filled in as Datadog would, is a valid dispatch', () => {
    const values: Record<string, string> = {
      ALERT_ID: '81234567',
      AGGREG_KEY: '9bd4ac313a4d1e8fae2482df7b77628',
      ALERT_TRANSITION: 'Re-Triggered',
      EVENT_TITLE: '[Re-Triggered] Checkout "5xx" high',
      EVENT_MSG: 'Line one\nLine "two" @team',
      DATE: '1715678463000',
      TAGS: 'env:prod,service:checkout',
      LINK: 'https://app.datadoghq.com/monitors/81234567',
      ALERT_PRIORITY: 'P2',
    }
    // Datadog substitutes inside JSON strings; we escape as JSON does.
    const body = read('datadog-webhook.json').replace(/\$([A-Z_]+)/g, (_, name: string) =>
      JSON.stringify(values[name]!).slice(1, -1),
    )
    const dispatch = JSON.parse(body) as { event_type: string; client_payload: Record<string, unknown> }
    expect(Object.keys(dispatch.client_payload)).toEqual(['incidentops'])
    const [a] = parseAlertDispatch(dispatch.event_type, dispatch.client_payload)
    expect(a).toMatchObject({
      status: 'firing',
      key: 'datadog:9bd4ac313a4d1e8fae2482df7b77628',
      title: 'Checkout "5xx" high',
      service: 'checkout',
      severity: 'p2',
    })
    expect(JSON.parse(read('datadog-headers.json'))).toMatchObject({ Authorization: 'Bearer $GITHUB_DISPATCH_TOKEN' })
  })

  /** The subset of Liquid the recipe uses: `{{ a.b | default: nil | json }}`. */
  function renderKuma(template: string, ctx: Record<string, unknown>): string {
    return template.replace(/\{\{\s*([A-Za-z.]+)\s*\|\s*default:\s*nil\s*\|\s*json\s*\}\}/g, (_, path: string) => {
      const v = path
        .split('.')
        .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), ctx)
      return JSON.stringify(v ?? null)
    })
  }

  it('uptime-kuma-body.liquid renders to a valid dispatch for down and up, and the Test button is refused clearly', () => {
    const tpl = read('uptime-kuma-body.liquid')
    expect(tpl.replace(/\{\{[^}]*\}\}/g, '')).not.toContain('{{')
    const monitorJSON = { id: 7, name: 'Checkout "API"', url: 'https://shop.example.com/health', type: 'http' }
    for (const [status, expected] of [
      [0, 'firing'],
      [1, 'resolved'],
    ] as const) {
      const heartbeatJSON = { monitorID: 7, status, time: '2024-05-14 09:21:03.512', msg: 'HTTP 503 @oncall' }
      const dispatch = JSON.parse(renderKuma(tpl, { heartbeatJSON, monitorJSON, msg: '[Checkout] down' })) as {
        event_type: string
        client_payload: unknown
      }
      const [a] = parseAlertDispatch(dispatch.event_type, dispatch.client_payload)
      expect(a).toMatchObject({
        status: expected,
        key: 'uptime-kuma:7',
        title: `Checkout "API" is ${status === 0 ? 'down' : 'up'}`,
      })
    }
    const test = JSON.parse(renderKuma(tpl, { heartbeatJSON: null, monitorJSON: null, msg: 'Uptime Kuma test' })) as {
      event_type: string
      client_payload: unknown
    }
    expect(() => parseAlertDispatch(test.event_type, test.client_payload)).toThrow("Uptime Kuma's test notification")
    expect(JSON.parse(read('uptime-kuma-headers.json'))).toHaveProperty('Authorization')
  })

  it('generic-curl.sh sends a valid alert in our schema', () => {
    const body = /-d '([\s\S]*?)'\n?$/.exec(read('generic-curl.sh').trimEnd())![1]!
    const dispatch = JSON.parse(body) as { event_type: string; client_payload: unknown }
    expect(parseAlertDispatch(dispatch.event_type, dispatch.client_payload)[0]).toMatchObject({
      key: 'checkout-5xx',
      source: 'my-monitor',
    })
  })

  it('grafana-payload.tmpl defines the template the docs tell people to call, with the right body', () => {
    const tmpl = read('grafana-payload.tmpl')
    expect(tmpl).toContain('{{ define "incidentops.dispatch" -}}')
    expect(tmpl).toContain('"event_type" "alert"')
    expect(tmpl).toMatch(/"client_payload" \(coll\.Dict "incidentops" \(coll\.Dict "grafana"/)
    for (const f of ['status', 'labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'fingerprint'])
      expect(tmpl).toContain(`"${f}" .`)
  })
})
