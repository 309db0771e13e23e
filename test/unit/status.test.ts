/**
 * The status page's pure parts (#18): the `/status` command, what is public, the component status
 * table, the uptime weighting, and the page's size for 50 incidents.
 */
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { parseCommands } from '../../src/domain/commands.js'
import type { IncidentRecord } from '../../src/domain/record.js'
import { isPublic, runStatusCommand, PUBLIC_LIMITS } from '../../src/status/public.js'
import { buildStatusPage, componentStatusFor, uptimeBars, type StatusSource } from '../../src/status/model.js'
import { buildSite } from '../../src/status/site.js'
import { ConfigError } from '../../src/errors.js'

const CONFIG = `services:
  - name: checkout
    display_name: Checkout
    group: Shop
  - name: cart
    display_name: Cart
    group: Shop
  - name: api
    display_name: Public API
status:
  name: Acme status
  publish: { priorities: [P1], sources: [alert] }
`
const config = loadConfig(CONFIG, '.github/incidents.yml')
const e = { at: '2026-11-25T14:10:00Z', actor: 'bob', via: 'command' as const }

function record(over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    v: 1,
    number: 7,
    declaredAt: '2026-11-25T14:00:00Z',
    startedAt: '2026-11-25T13:50:00Z',
    priority: 'P2',
    prioritySource: 'rules',
    priorityReason: 'x',
    stage: 'investigating',
    impactDigest: 'x',
    events: [{ at: '2026-11-25T14:00:00Z', kind: 'declared', actor: 'rita', via: 'form' }],
    ...over,
  }
}

describe('/status', () => {
  it('parses publish (title, then the first update), unpublish, postmortem and plain updates; says how to write a wrong one', () => {
    const p = parseCommands('/status publish Checkout slow\nSome payments take a minute.\n/status unpublish')
    expect(p.commands).toEqual([
      { name: 'status', action: 'publish', title: 'Checkout slow', text: 'Some payments take a minute.' },
      { name: 'status', action: 'unpublish' },
    ])
    expect(parseCommands('/status Payments recovering').commands).toEqual([
      { name: 'status', action: 'update', text: 'Payments recovering' },
    ])
    expect(parseCommands('/status postmortem A certificate expired.').commands).toEqual([
      { name: 'status', action: 'postmortem', text: 'A certificate expired.' },
    ])
    expect(parseCommands('/status publish').problems[0]!.message).toContain('needs the title customers will read')
    expect(parseCommands('/status').problems[0]!.message).toContain('`/status publish <public title>`')
    expect(parseCommands(`/status publish ${'x'.repeat(121)}`).problems[0]!.message).toContain('at most 120')
  })

  it('publishes, updates with the status of the moment, refuses what cannot be public, and takes it off', () => {
    const r = record()
    const changes: string[] = []
    expect(runStatusCommand(r, { name: 'status', action: 'update', text: 'hi' }, e, config, changes)).toContain(
      'publish it first',
    )
    expect(
      runStatusCommand(r, { name: 'status', action: 'publish', title: 'Slow checkout', text: '' }, e, config, changes),
    ).toBeNull()
    expect(runStatusCommand(r, { name: 'status', action: 'postmortem', text: 'x' }, e, config, changes)).toContain(
      'not resolved yet',
    )
    r.stage = 'fixing'
    expect(runStatusCommand(r, { name: 'status', action: 'update', text: 'Fix found' }, e, config, changes)).toBeNull()
    expect(r.status).toEqual({
      title: 'Slow checkout',
      publishedAt: e.at,
      published: true,
      updates: [{ at: e.at, text: 'Fix found', status: 'identified' }],
    })
    expect(isPublic(r, config)).toBe(true)
    runStatusCommand(r, { name: 'status', action: 'unpublish' }, e, config, changes)
    expect(isPublic(r, config)).toBe(false)
    expect(changes).toEqual([
      'published on the status page',
      'public update posted on the status page',
      'taken off the status page',
    ])

    const held = record({ unconfirmed: true })
    expect(
      runStatusCommand(held, { name: 'status', action: 'publish', title: 'x', text: '' }, e, config, []),
    ).toContain('unconfirmed')
    expect(held.status).toBeUndefined()

    const full = record()
    runStatusCommand(full, { name: 'status', action: 'publish', title: 't', text: '' }, e, config, [])
    for (let i = 0; i < PUBLIC_LIMITS.updates; i++)
      expect(runStatusCommand(full, { name: 'status', action: 'update', text: `u${i}` }, e, config, [])).toBeNull()
    expect(runStatusCommand(full, { name: 'status', action: 'update', text: 'one more' }, e, config, [])).toContain(
      'the most it keeps',
    )
  })

  it('the rule publishes P1 alerts only; never unconfirmed or dismissed ones', () => {
    const alert = record({
      priority: 'P1',
      events: [{ at: '2026-11-25T14:00:00Z', kind: 'declared', actor: 'grafana', via: 'alert' }],
    })
    expect(isPublic(alert, config)).toBe(true)
    expect(isPublic({ ...alert, priority: 'P2' }, config)).toBe(false)
    expect(isPublic(record({ priority: 'P1' }), config)).toBe(false) // from the form
    expect(isPublic({ ...alert, unconfirmed: true }, config)).toBe(false)
    expect(
      isPublic(
        { ...alert, events: [...alert.events, { at: e.at, kind: 'dismissed', actor: 'bob', via: 'command' }] },
        config,
      ),
    ).toBe(false)
  })
})

describe('the page as data', () => {
  it('component status by priority and stage (docs/status-page.md)', () => {
    const table = (['P1', 'P2', 'P3', 'P4'] as const).map((p) =>
      (['investigating', 'fixing', 'monitoring', 'resolved'] as const).map((s) => componentStatusFor(p, s)),
    )
    expect(table).toEqual([
      ['major_outage', 'major_outage', 'degraded_performance', 'operational'],
      ['partial_outage', 'partial_outage', 'degraded_performance', 'operational'],
      ['degraded_performance', 'degraded_performance', 'operational', 'operational'],
      ['operational', 'operational', 'operational', 'operational'],
    ])
  })

  it('uptime counts a major outage in full, a partial one at 30 %, degraded not at all, overlaps once at the worst', () => {
    const day = Date.parse('2026-11-25T00:00:00Z')
    const h = 3_600_000
    const [bar] = uptimeBars(
      [
        { start: day + 1 * h, end: day + 3 * h, status: 'major_outage' },
        { start: day + 2 * h, end: day + 6 * h, status: 'partial_outage' }, // 2–3 h under the major one
        { start: day + 10 * h, end: day + 12 * h, status: 'degraded_performance' },
      ],
      day,
      1,
      day + 24 * h,
    )
    expect(bar).toMatchObject({ date: '2026-11-25', majorMs: 2 * h, partialMs: 3 * h, degradedMs: 2 * h })
    expect(bar!.uptime).toBeCloseTo(1 - (2 + 0.3 * 3) / 24, 10)
  })

  it('a page of 50 incidents weighs under 100 KB (index and history), and shows no unpublished one', () => {
    const sources: StatusSource[] = []
    for (let i = 1; i <= 60; i++) {
      const at = new Date(Date.parse('2026-11-24T00:00:00Z') - i * 36 * 3_600_000).toISOString()
      const r = record({
        number: i,
        priority: i % 3 === 0 ? 'P1' : 'P2',
        declaredAt: at,
        startedAt: at,
        stage: i === 1 ? 'fixing' : 'closed',
        events: [
          { at, kind: 'declared', actor: 'rita', via: 'form' },
          ...(i === 1
            ? []
            : [
                {
                  at: new Date(Date.parse(at) + 3_600_000).toISOString(),
                  kind: 'stage' as const,
                  from: 'investigating',
                  to: 'resolved',
                  actor: 'bob',
                  via: 'command' as const,
                },
              ]),
        ],
      })
      if (i <= 50)
        r.status = {
          title: `Incident number ${i}: checkout payments failing for some customers`,
          publishedAt: at,
          published: true,
          updates: Array.from({ length: 3 }, (_, k) => ({
            at,
            text: `Update ${k}: we identified the cause and are rolling out a fix; payments may fail meanwhile. `.repeat(
              2,
            ),
            status: 'identified' as const,
          })),
        }
      sources.push({ record: r, services: i % 2 ? ['checkout'] : ['cart', 'api'] })
    }
    const data = buildStatusPage(sources, config, 'acme/shop', '2026-11-24T12:00:00Z')
    expect(data.incidents).toHaveLength(50)
    const site = buildSite(data, 'acme/shop')
    for (const page of ['index.html', 'history.html']) {
      const bytes = Buffer.byteLength(site[page]!)
      console.log(`${page} for 50 incidents: ${bytes} bytes`)
      expect(bytes, page).toBeLessThan(100 * 1024)
    }
    expect(site['index.html']).toContain('Partial System Outage')
    expect(Object.values(site).join('')).not.toContain('Incident number 51')
  })

  it('refuses to replace a directory it did not write', async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { writeSite } = await import('../../src/status/site.js')
    const dir = mkdtempSync(join(tmpdir(), 'status-site-'))
    writeFileSync(join(dir, 'README.md'), 'mine')
    expect(() => writeSite(dir, { 'index.html': 'x' })).toThrow(ConfigError)
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine')
    const ours = join(dir, 'site')
    writeSite(ours, { 'index.html': 'one', '.incidentops-status': '' })
    writeSite(ours, { 'index.html': 'two', '.incidentops-status': '' })
    expect(readFileSync(join(ours, 'index.html'), 'utf8')).toBe('two')
  })
})
