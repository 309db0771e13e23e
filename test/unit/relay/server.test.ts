// The relay over real HTTP, forwarding to the local GitHub emulator.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createRelay, type RelayOptions } from '../../../src/relay/server.js'
import { startEmulator, type Emulator } from '../../../src/emulator/index.js'

const NATIVE = resolve(import.meta.dirname, '..', '..', 'fixtures', 'alerts', 'native')
const alertmanagerBody = JSON.parse(readFileSync(resolve(NATIVE, 'alertmanager-webhook.json'), 'utf8')) as Record<
  string,
  unknown
>
const grafanaBody = JSON.parse(readFileSync(resolve(NATIVE, 'grafana-webhook.json'), 'utf8')) as Record<string, unknown>
const RELAY_TOKEN = 'relay-secret-0123456789abcdef'
/** A group's key, computed here as docs/monitoring.md describes it: `<source>-group:` and 32 hex digits of the SHA-256 of its groupKey. */
const groupKey = (source: string, body: Record<string, unknown>): string =>
  `${source}-group:${createHash('sha256').update(String(body.groupKey)).digest('hex').slice(0, 32)}`
const REPO = 'acme/shop'

let emu: Emulator
let server: Server | null = null
let base = ''
let logs: string[] = []
let sleeps: number[] = []

beforeAll(async () => {
  emu = await startEmulator()
  emu.addRepo(REPO)
})
afterAll(async () => {
  await emu.close()
})
afterEach(async () => {
  if (server) {
    server.closeAllConnections()
    await new Promise<void>((r) => server!.close(() => r()))
    server = null
  }
  emu.faults.random(null)
})

async function start(over: Partial<RelayOptions> = {}): Promise<void> {
  logs = []
  sleeps = []
  emu.dispatches.length = 0
  emu.resetCounters()
  server = createRelay({
    githubToken: emu.botToken,
    repo: REPO,
    apiUrl: emu.url,
    relayToken: RELAY_TOKEN,
    log: (l) => logs.push(l),
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...over,
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

async function post(
  path: string,
  body: unknown,
  token: string | null = RELAY_TOKEN,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('incidentops relay', () => {
  it("takes PagerDuty Events v2 at PagerDuty's own paths, answers as PagerDuty does, and never forwards the routing key", async () => {
    await start()
    const pd = (name: string) =>
      (
        JSON.parse(
          readFileSync(
            resolve(import.meta.dirname, '..', '..', 'fixtures', 'alerts', 'pagerduty', `${name}.json`),
            'utf8',
          ),
        ) as { body: Record<string, unknown> }
      ).body
    const trigger = await post('/v2/enqueue', pd('trigger'))
    expect(trigger.status).toBe(202)
    expect(trigger.json).toMatchObject({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'samplekeyhere',
      forwarded: true,
      keys: ['pagerduty:samplekeyhere'],
    })
    const resolved = await post('/pagerduty', pd('resolve'))
    expect(resolved.json).toMatchObject({
      status: 'success',
      dedup_key: 'samplekeyhere',
      keys: ['pagerduty:samplekeyhere'],
    })
    const change = await post('/v2/change/enqueue', pd('change'))
    expect(change.status).toBe(202)
    expect(change.json).toMatchObject({ forwarded: true, alerts: 0 })
    expect(emu.dispatches).toHaveLength(3)
    for (const d of emu.dispatches) {
      expect(Object.keys(d.client_payload as object)).toEqual(['incidentops'])
      expect(JSON.stringify(d)).not.toContain('routing_key')
      expect(JSON.stringify(d)).not.toContain('samplekeyhere0000')
    }
    // A bad PagerDuty body is refused naming the field, and nothing is forwarded.
    const bad = await post('/v2/enqueue', { ...pd('trigger'), event_action: 'page' })
    expect(bad.status).toBe(422)
    expect(String(bad.json.error)).toMatch(/pagerduty\.event_action must be/)
    expect(emu.dispatches).toHaveLength(3)
    // Without the relay's bearer token nothing is read or forwarded, whatever the routing key.
    expect((await post('/v2/enqueue', pd('trigger'), null)).status).toBe(401)
  })

  it('forwards a real Alertmanager body end to end as one repository_dispatch', async () => {
    await start()
    const r = await post('/alertmanager', alertmanagerBody)
    expect(r.status).toBe(202)
    // One group is one incident: the key printed is the group's (the one the action dedups on), not the members'.
    expect(r.json).toMatchObject({
      forwarded: true,
      alerts: 3,
      keys: [groupKey('alertmanager', alertmanagerBody)],
      attempts: 1,
    })
    expect(emu.dispatches).toHaveLength(1)
    expect(emu.dispatches[0]).toMatchObject({
      repo: REPO,
      event_type: 'alert',
      actor: 'github-actions[bot]',
      client_payload: { incidentops: { alertmanager: alertmanagerBody } },
    })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain(
      `→ 202 forwarded alertmanager to acme/shop as "alert" after 1 attempt: 3 alerts (2 firing, 1 resolved) as 1 incident key: ${groupKey('alertmanager', alertmanagerBody)} (`,
    )
    expect(logs.join('\n')).not.toContain(RELAY_TOKEN)
    expect(logs.join('\n')).not.toContain(emu.botToken)
  })

  it('forwards Grafana bodies and our own schema', async () => {
    await start()
    const grafana = await post('/grafana', grafanaBody)
    expect(grafana.status).toBe(202)
    expect(grafana.json.keys).toEqual([groupKey('grafana', grafanaBody)])
    const ours = { version: 1, alerts: [{ status: 'firing', key: 'db-disk', title: 'Disk full' }] }
    const mine = await post('/alert', ours)
    expect(mine.status).toBe(202)
    expect(mine.json).toMatchObject({ alerts: 1, keys: ['db-disk'] })
    expect((await post('/alert', { incidentops: ours })).status).toBe(202)
    expect(emu.dispatches.map((d) => d.client_payload)).toEqual([
      { incidentops: { grafana: grafanaBody } },
      { incidentops: ours },
      { incidentops: ours },
    ])
  })

  it('a group without a groupKey is no group: each member is its own alert, keyed by its fingerprint', async () => {
    await start()
    const { groupKey: _none, ...loose } = alertmanagerBody
    const r = await post('/alertmanager', loose)
    expect(r.status).toBe(202)
    expect(r.json).toMatchObject({
      alerts: 3,
      keys: ['alertmanager:b5a4a7f6c3d2e1f0', 'alertmanager:0c1d2e3f4a5b6c7d', 'alertmanager:9f8e7d6c5b4a3928'],
    })
    expect(logs[0]).toContain(': 3 alerts (2 firing, 1 resolved): alertmanager:b5a4a7f6c3d2e1f0, ')
  })

  it('refuses a wrong or missing token with 401 and forwards nothing', async () => {
    await start()
    const wrong = await post('/alertmanager', alertmanagerBody, 'relay-secret-0123456789abcdeX')
    expect(wrong.status).toBe(401)
    expect(wrong.json.error).toContain('Authorization: Bearer')
    expect((await post('/alertmanager', alertmanagerBody, null)).status).toBe(401)
    expect((await post('/alertmanager', alertmanagerBody, '')).status).toBe(401)
    // Nothing reached GitHub at all, not even a failed request.
    expect(emu.dispatches).toHaveLength(0)
    expect(emu.counts().total).toBe(0)
  })

  it('refuses an oversize body with 413 and forwards nothing', async () => {
    await start({ maxBodyBytes: 4096 })
    const big = { ...alertmanagerBody, commonAnnotations: { description: 'x'.repeat(10_000) } }
    const r = await post('/alertmanager', big)
    expect(r.status).toBe(413)
    expect(r.json.error).toContain('at most 4096')
    expect(emu.counts().total).toBe(0)
  })

  it('validates before forwarding: junk never reaches GitHub', async () => {
    await start()
    const notJson = await post('/alertmanager', '{"alerts": [')
    expect(notJson.status).toBe(400)
    const bad = await post('/alertmanager', { ...alertmanagerBody, version: '3' })
    expect(bad.status).toBe(422)
    expect(bad.json.error).toBe(
      'client_payload.incidentops.alertmanager.version must be "4" (the Alertmanager webhook payload version this adapter reads); it is "3".',
    )
    const badOwn = await post('/alert', { alerts: [{ status: 'fire', title: 't' }] })
    expect(badOwn.status).toBe(422)
    expect(badOwn.json.error).toContain('alerts[0].status must be "firing" or "resolved"; it is "fire".')
    expect(emu.counts().total).toBe(0)
  })

  it('retries GitHub failing twice, then answers 202 with one dispatch', async () => {
    await start()
    emu.faults.failNext(2, 502)
    const r = await post('/alertmanager', alertmanagerBody)
    expect(r.status).toBe(202)
    expect(r.json.attempts).toBe(3)
    expect(emu.dispatches).toHaveLength(1)
    expect(sleeps).toEqual([1000, 2000])
  })

  it('honours retry-after on a secondary rate limit', async () => {
    await start()
    emu.faults.failNext(1, 'secondary-403')
    const r = await post('/grafana', grafanaBody)
    expect(r.status).toBe(202)
    expect(emu.dispatches).toHaveLength(1)
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000)
  })

  it('answers 502 when GitHub keeps failing, after bounded attempts', async () => {
    await start({ retries: 2 })
    emu.faults.failNext(3, 500)
    const r = await post('/alertmanager', alertmanagerBody)
    expect(r.status).toBe(502)
    expect(r.json.error).toContain('failed after 3 attempts: HTTP 500')
    expect(emu.dispatches).toHaveLength(0)
    expect(logs[0]).toContain('→ 502')
  })

  it('answers 502 without retrying when GitHub refuses the token', async () => {
    await start({ githubToken: 'not-a-token' })
    const r = await post('/alertmanager', alertmanagerBody)
    expect(r.status).toBe(502)
    expect(sleeps).toEqual([])
    expect(emu.dispatches).toHaveLength(0)
  })

  it('slims a group too big for GitHub to what the adapter reads, or refuses it with 413', async () => {
    await start()
    const alerts = (alertmanagerBody.alerts as Record<string, unknown>[]).map((a) => ({
      ...a,
      annotations: { ...(a.annotations as object), huge: 'y'.repeat(30_000) },
    }))
    const r = await post('/alertmanager', { ...alertmanagerBody, alerts })
    expect(r.status).toBe(202)
    const forwarded = emu.dispatches[0]!.client_payload as {
      incidentops: { alertmanager: { alerts: { annotations: Record<string, string> }[] } }
    }
    expect(Object.keys(forwarded.incidentops.alertmanager.alerts[0]!.annotations).sort()).toEqual([
      'description',
      'runbook_url',
      'summary',
    ])
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...(alertmanagerBody.alerts as object[])[0],
      fingerprint: `f${i}`,
      annotations: { description: 'z'.repeat(1900) },
    }))
    const tooBig = await post('/alertmanager', { ...alertmanagerBody, alerts: many })
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error).toContain('max_alerts')
    expect(emu.dispatches).toHaveLength(1)
  })

  it('answers the health check without a token, and 404/405 elsewhere', async () => {
    await start()
    const h = await fetch(`${base}/healthz`)
    expect(h.status).toBe(200)
    expect(await h.json()).toEqual({ ok: true })
    expect((await fetch(`${base}/nope`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${base}/alertmanager`)).status).toBe(405)
  })

  it('forwards a heartbeat ping from POST /heartbeat/<name>, with or without a body; refuses a bad name or token, forwarding nothing', async () => {
    await start()
    // What a cron job sends: no body, no content type.
    const bare = await fetch(`${base}/heartbeat/nightly-backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${RELAY_TOKEN}` },
    })
    expect(bare.status).toBe(202)
    expect(await bare.json()).toMatchObject({ forwarded: true, event_type: 'heartbeat', heartbeat: 'nightly-backup' })
    const withBody = await post('/heartbeat/queue.worker_2', { anything: true })
    expect(withBody.status).toBe(202)
    expect(emu.dispatches.map((d) => [d.event_type, d.client_payload])).toEqual([
      ['heartbeat', { name: 'nightly-backup' }],
      ['heartbeat', { name: 'queue.worker_2' }],
    ])
    expect((await post('/heartbeat/Bad%20Name', {})).status).toBe(422)
    expect((await post('/heartbeat/', {})).status).toBe(422)
    expect((await post('/heartbeat/nightly-backup', {}, 'wrong-token')).status).toBe(401)
    expect(
      (await fetch(`${base}/heartbeat/nightly-backup`, { headers: { authorization: `Bearer ${RELAY_TOKEN}` } })).status,
    ).toBe(405)
    expect(emu.dispatches).toHaveLength(2)
  })
})
