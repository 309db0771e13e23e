// The example alerts workflow's concurrency group, evaluated by GitHub's own expression engine
// (@actions/expressions) on every payload kind: a group never holds two different keys (GitHub keeps
// one pending run per group, so that would lose an alert), and every kind whose key an expression
// can derive gets a group of its own.
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { parseAlertDispatch } from '../../../src/alerts/index.js'
import { collapseGroup, groupKeyOf } from '../../../src/alerts/group.js'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const workflow = parseYaml(readFileSync(resolve(ROOT, 'examples/workflows/incidentops-alerts.yml'), 'utf8')) as {
  concurrency: { group: string; 'cancel-in-progress': boolean }
}

/** Evaluates `prefix${{ expr }}` the way GitHub does for this event. */
function group(clientPayload: unknown, runId: string, action = 'alert'): string {
  const m = /^([^$]*)\$\{\{(.*)\}\}$/s.exec(workflow.concurrency.group)
  if (!m) throw new Error(`the group is not one expression: ${workflow.concurrency.group}`)
  const lexed = new Lexer(m[2]!).lex()
  const expr = new Parser(lexed.tokens, ['github'], []).parse()
  const github = JSON.parse(
    JSON.stringify({ event: { action, client_payload: clientPayload }, run_id: runId }),
    data.reviver,
  ) as data.Dictionary
  const ctx = new data.Dictionary({ key: 'github', value: github })
  return `${m[1]}${new Evaluator(expr, ctx).evaluate().coerceString()}`
}

/** The incident keys the action derives from a dispatch (a group collapses into one). */
function keys(eventType: string, clientPayload: unknown): string[] {
  const parsed = parseAlertDispatch(eventType, clientPayload)
  const g = groupKeyOf(clientPayload)
  return (g ? [collapseGroup(parsed, g)] : parsed).map((a) => a.key).sort()
}

interface Case {
  name: string
  eventType: string
  payload: Record<string, unknown>
}

const FIXTURES = resolve(ROOT, 'test/fixtures/alerts/valid')
const fixtures: Case[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const j = JSON.parse(readFileSync(resolve(FIXTURES, f), 'utf8')) as {
      event_type: string
      client_payload: Record<string, unknown>
    }
    return { name: f, eventType: j.event_type, payload: j.client_payload }
  })
const one = (key: string) => ({ status: 'firing', key, title: `t ${key}` })
/** Several alerts in one delivery: grouping them by the first key would mix keys in one group. */
const multi: Case[] = [
  { name: 'two alerts a+b', eventType: 'alert', payload: { incidentops: { alerts: [one('a'), one('b')] } } },
  { name: 'two alerts a+c', eventType: 'alert', payload: { incidentops: { alerts: [one('a'), one('c')] } } },
  { name: 'one alert a', eventType: 'alert', payload: { incidentops: { alerts: [one('a')] } } },
]
/** PagerDuty's documented examples (trigger, acknowledge and resolve of one dedup_key). */
const PD = resolve(ROOT, 'test/fixtures/alerts/pagerduty')
const pagerduty: Case[] = ['trigger', 'acknowledge', 'resolve'].map((f) => ({
  name: `pagerduty ${f}`,
  eventType: 'alert',
  payload: {
    incidentops: { pagerduty: (JSON.parse(readFileSync(resolve(PD, `${f}.json`), 'utf8')) as { body: unknown }).body },
  },
}))
const cases = [...fixtures, ...multi, ...pagerduty]

/** The same payload with the field the key comes from changed: a different alert of the same kind. */
function otherAlert(c: Case): Case {
  const p = structuredClone(c.payload) as {
    incidentops: Record<
      string,
      Record<string, unknown> & { monitor?: Record<string, unknown>; heartbeat?: Record<string, unknown> }
    >
  }
  const io = p.incidentops
  const body = io.alertmanager ?? io.grafana ?? io.datadog ?? io['uptime-kuma'] ?? io.pagerduty ?? io.alert ?? io.alerts
  if (io.pagerduty) body!.dedup_key = `${String(body!.dedup_key)}-other`
  else if (io.alertmanager || io.grafana) body!.groupKey = `${String(body!.groupKey)}-other`
  else if (io.datadog && /^\$/.test(String(body!.aggreg_key))) body!.alert_id = `${String(body!.alert_id)}0`
  else if (io.datadog) body!.aggreg_key = `${String(body!.aggreg_key)}0`
  else if (io['uptime-kuma']) {
    body!.monitor!.id = Number(body!.monitor!.id) + 1000
    body!.heartbeat!.monitorID = Number(body!.heartbeat!.monitorID) + 1000
  } else if (Array.isArray(body))
    for (const a of body as Record<string, unknown>[])
      a.key = a.key === undefined ? undefined : `${String(a.key)}-other`
  else if (body && body.key !== undefined) body.key = `${String(body.key)}-other`
  return { name: `${c.name} (another alert)`, eventType: c.eventType, payload: p }
}

describe('the example alerts workflow concurrency group', () => {
  const all = [...cases, ...cases.map(otherAlert)].map((c, i) => ({
    ...c,
    group: group(c.payload, String(5000 + i)),
    keys: keys(c.eventType, c.payload),
  }))

  it('keeps runs in progress (cancel-in-progress: false)', () => {
    expect(workflow.concurrency['cancel-in-progress']).toBe(false)
  })

  it('never puts two different keys in one group', () => {
    for (const a of all)
      for (const b of all)
        if (a.group === b.group) expect(b.keys, `${a.name} and ${b.name} share ${a.group}`).toEqual(a.keys)
  })

  it('gives every kind whose key an expression can derive a per-key group, the same for every delivery of it', () => {
    const derivable = all.filter((c) => !/generic-single-object|two alerts/.test(c.name))
    for (const c of derivable) {
      expect(c.group, c.name).not.toMatch(/-run-\d+$/)
      // A second delivery of the same alert (another run) is in the same group.
      expect(group(c.payload, '999999'), c.name).toBe(c.group)
    }
    // Every kind is covered.
    const kinds = new Set(derivable.map((c) => /^incidentops-alert-([a-z]+)-/.exec(c.group)?.[1]))
    expect([...kinds].sort()).toEqual(['am', 'dd', 'grafana', 'key', 'kuma', 'pd'])
  })

  it('falls back to the run id (no grouping) where the key is a hash expressions cannot compute', () => {
    const keyless = all.find((c) => c.name === 'generic-single-object.json')!
    expect(keyless.keys[0]).toMatch(/^generic:[0-9a-f]{32}$/)
    expect(keyless.group).toMatch(/^incidentops-alert-run-\d+$/)
  })

  it('gives heartbeat pings a group per heartbeat name, apart from every alert group', () => {
    const ping = (name: string, run: string) => group({ name }, run, 'heartbeat')
    expect(ping('nightly-backup', '1')).toBe('incidentops-alert-heartbeat-nightly-backup')
    expect(ping('nightly-backup', '2')).toBe(ping('nightly-backup', '1'))
    expect(ping('queue-worker', '1')).not.toBe(ping('nightly-backup', '1'))
    for (const a of all) expect(a.group).not.toMatch(/^incidentops-alert-heartbeat-/)
  })
})
