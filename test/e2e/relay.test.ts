/**
 * The relay and the action together: a monitor posts to the relay, the relay forwards one
 * repository_dispatch to the emulator, and the bundled action runs on exactly that dispatch. The
 * key the relay's 202 reply prints must be the key the incident is found by (issue #22): for an
 * Alertmanager or Grafana group, the group's key, whatever its members do between notifications.
 */
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { createRelay } from '../../src/relay/server.js'
import { decodeRecord } from '../../src/domain/record.js'
import { dispatchPayload, runAction, type ActionRun } from './harness.js'

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/alerts/native/${name}-webhook.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown> & { alerts: Record<string, unknown>[] }
const RELAY_TOKEN = 'relay-e2e-0123456789abcdef'

let emu: Emulator
let relay: Server
let base = ''

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T09:00:00Z' })
  for (const repo of ['acme/relay-am', 'acme/relay-grafana']) emu.addRepo(repo)
})
afterAll(async () => {
  if (relay) {
    relay.closeAllConnections()
    await new Promise<void>((r) => relay.close(() => r()))
  }
  await emu?.close()
})

async function startRelay(repo: string): Promise<void> {
  if (relay) {
    relay.closeAllConnections()
    await new Promise<void>((r) => relay.close(() => r()))
  }
  relay = createRelay({
    githubToken: emu.botToken,
    repo,
    apiUrl: emu.url,
    relayToken: RELAY_TOKEN,
    log: () => {},
    sleep: async () => {},
  })
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`
}

/** The monitor posts `body` to the relay at `at`; the action then runs on the dispatch the relay sent. */
async function notify(
  repo: string,
  path: string,
  body: unknown,
  at: string,
): Promise<{ reply: { keys: string[]; alerts: number }; run: ActionRun }> {
  emu.clock.set(at)
  const sent = emu.dispatches.length
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${RELAY_TOKEN}` },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(202)
  const reply = (await res.json()) as { keys: string[]; alerts: number }
  expect(emu.dispatches).toHaveLength(sent + 1)
  const d = emu.dispatches.at(-1)!
  const run = await runAction({
    emu,
    repo,
    event: 'repository_dispatch',
    payload: dispatchPayload(repo, d.event_type, d.client_payload),
  })
  expect(run.code, run.stdout).toBe(0)
  return { reply, run }
}

const incidents = (repo: string) =>
  emu.listIssues(repo).filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
const recordOf = (repo: string, n: number) =>
  decodeRecord(emu.listComments(repo, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? '')!

describe('relay → repository_dispatch → action', () => {
  it("an Alertmanager group: the reply's one key is the incident's, through new members, repeats and the resolution", async () => {
    const repo = 'acme/relay-am'
    await startRelay(repo)
    const am = fixture('alertmanager')
    const first = await notify(repo, '/alertmanager', am, '2026-11-25T09:21:30Z')
    expect(first.reply.alerts).toBe(3)
    expect(first.reply.keys).toHaveLength(1)
    const key = first.reply.keys[0]!
    expect(key).toMatch(/^alertmanager-group:[0-9a-f]{32}$/)
    expect(first.run.outputs).toMatchObject({ 'alert-key': key, 'alert-outcome': 'new' })
    expect(incidents(repo)).toHaveLength(1)
    const n = incidents(repo)[0]!.number
    expect(first.run.outputs['incident-number']).toBe(String(n))
    expect(recordOf(repo, n).alert?.key).toBe(key)

    // The next notification of the group has other members (one gone, a new one firing): same key, same incident.
    const next = structuredClone(am)
    next.alerts = [
      ...next.alerts.slice(1),
      {
        ...next.alerts[0]!,
        fingerprint: 'aaaabbbbccccdddd',
        labels: { ...(next.alerts[0]!.labels as object), instance: 'checkout-new-pod' },
      },
    ]
    const second = await notify(repo, '/alertmanager', next, '2026-11-25T09:40:00Z')
    expect(second.reply.keys).toEqual([key])
    expect(second.run.outputs).toMatchObject({
      'alert-key': key,
      'alert-outcome': 'repeat',
      'incident-number': String(n),
    })

    // Every member resolved: the same key resolves the same incident.
    const resolved = structuredClone(am)
    resolved.status = 'resolved'
    resolved.alerts = resolved.alerts.map((a) => ({ ...a, status: 'resolved', endsAt: '2026-11-25T09:55:00Z' }))
    const third = await notify(repo, '/alertmanager', resolved, '2026-11-25T09:56:00Z')
    expect(third.reply.keys).toEqual([key])
    expect(third.run.outputs).toMatchObject({
      'alert-key': key,
      'alert-outcome': 'resolve',
      'incident-number': String(n),
    })
    expect(incidents(repo)).toHaveLength(1)
    expect(recordOf(repo, n).alert?.key).toBe(key)
  })

  it("a Grafana notification: the reply's key is the incident's", async () => {
    const repo = 'acme/relay-grafana'
    await startRelay(repo)
    const { reply, run } = await notify(repo, '/grafana', fixture('grafana'), '2026-11-25T10:00:00Z')
    expect(reply.keys).toHaveLength(1)
    expect(reply.keys[0]).toMatch(/^grafana-group:[0-9a-f]{32}$/)
    expect(run.outputs['alert-key']).toBe(reply.keys[0])
    const n = Number(run.outputs['incident-number'])
    expect(incidents(repo).map((i) => i.number)).toEqual([n])
    expect(recordOf(repo, n).alert?.key).toBe(reply.keys[0])
  })
})
