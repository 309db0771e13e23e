/**
 * The public status page end to end (#18): the built bundle against the emulator. An alert P1 on a
 * service, published by a responder's command, shows on the page, in the Statuspage JSON and in the
 * feeds with its public update; resolving restores the component; nothing internal (comments, notes,
 * internal updates, the alert's text, people, links) appears in any file. Then the JSON is checked
 * against the schema written from Statuspage's documentation, read by a small client written
 * against that API, and the site is opened in Chromium (light and dark screenshots, axe-core, links).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join, relative, resolve, extname } from 'node:path'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Ajv } from 'ajv'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord, encodeRecord } from '../../src/domain/record.js'
import {
  TWIN_SCALE,
  commentPayload,
  dispatchPayload,
  example,
  issuesPayload,
  runAction,
  type ActionRun,
} from './harness.js'

const require = createRequire(import.meta.url)
const CONFIG = `services:
  - name: checkout
    display_name: Checkout
    group: Shop
    runbook: https://internal.example/runbooks/SECRET-RUNBOOK
  - name: cart
    display_name: Cart
    group: Shop
  - name: api
    display_name: Public API
    order: 0
status:
  name: Acme status
`
const RULE_CONFIG = `intake:
  hold_unconfirmed: true
services:
  - name: checkout
    display_name: Checkout
status:
  name: Rule status
  publish:
    priorities: [P1]
    sources: [alert, form]
`
// Text that must never reach a public file: each marks one internal channel.
const SECRETS = {
  alertTitle: 'SECRET-ALERT-TITLE-db-10-0-0-5',
  alertBody: 'SECRET-ALERT-BODY-password=hunter2',
  comment: 'SECRET-COMMENT-customer-list',
  note: 'SECRET-NOTE-root-cause-guess',
  update: 'SECRET-INTERNAL-UPDATE-blame',
  link: 'https://internal.example/dashboards/SECRET-LINK',
  runbook: 'SECRET-RUNBOOK',
}

let emu: Emulator
let seq = 0

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

function newRepo(config: string): string {
  const repo = `acme/status-${++seq}`
  emu.addRepo(repo, {
    collaborators: { alice: 'write', bob: 'triage', mallory: 'read' },
    files: { '.github/incidents.yml': config },
  })
  return repo
}

const say = (repo: string, n: number, user: string, text: string, time: string): Promise<ActionRun> => {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user })
  return at(time, () => runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) }))
}

const alert = (repo: string, time: string, status: 'firing' | 'resolved' = 'firing') =>
  at(time, () =>
    runAction({
      emu,
      repo,
      event: 'repository_dispatch',
      payload: dispatchPayload(repo, 'alert', {
        incidentops: {
          version: 1,
          alerts: [
            {
              status,
              key: 'checkout-probe',
              title: SECRETS.alertTitle,
              description: SECRETS.alertBody,
              service: 'checkout',
              severity: 'critical',
              source: 'uptime',
              links: [SECRETS.link],
            },
          ],
        },
      }),
    }),
  )

/** Runs `mode: status`; returns the site's directory. */
async function buildPage(repo: string, time: string): Promise<string> {
  const r = await at(time, () =>
    runAction({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/15 * * * *', ...example('watch'), action: undefined },
      inputs: { mode: 'status' },
    }),
  )
  expect(r.outputs.actions).toBe('[]')
  return r.outputs['status-dir']!
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8')
interface Comp {
  id: string
  name: string
  status: string
  group: boolean
}
interface Inc {
  id: string
  name: string
  status: string
  impact: string
  created_at: string
  resolved_at: string | null
  incident_updates: { status: string; body: string }[]
  components: Comp[]
}
/** The fields of the Statuspage documents the scenarios read. */
interface Doc {
  status: { indicator: string; description: string }
  components: Comp[]
  incidents: Inc[]
}
const json = (dir: string, path: string): Doc => JSON.parse(read(dir, path)) as Doc

function files(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p))
    else out.push(p)
  }
  return out
}

const card = (repo: string, n: number) =>
  emu.listComments(repo, n).find((c) => c.user?.login === 'github-actions[bot]' && c.body!.startsWith(CARD_MARKER))!
    .body!

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'bob', 'mallory']) emu.addUser(u)
})
afterAll(async () => emu?.close())

let site = ''
/** The site while the outage was on (an open incident, a component down). */
let outage = ''

describe('the status page, as the bundle builds it', { timeout: 300_000 * TWIN_SCALE }, () => {
  it('an alert P1 published by command shows the component down and the public update; resolving restores it; nothing internal appears', async () => {
    const repo = newRepo(CONFIG)
    // A page with no incident: all operational, every component listed in its order.
    let dir = await buildPage(repo, '2026-11-25T13:59:00Z')
    expect(json(dir, 'api/v2/status.json').status).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    })
    expect(json(dir, 'api/v2/components.json').components.map((c) => [c.name, c.status, c.group])).toEqual([
      ['Public API', 'operational', false],
      ['Shop', 'operational', true],
      ['Checkout', 'operational', false],
      ['Cart', 'operational', false],
    ])

    await alert(repo, '2026-11-25T14:00:00Z')
    const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
    expect(decodeRecord(card(repo, n))!.priority).toBe('P1')
    // Internal traffic: a comment with a link, a note, an internal update, someone taking command.
    await say(repo, n, 'alice', `/ack\nLooking at ${SECRETS.link} — ${SECRETS.comment}`, '2026-11-25T14:03:00Z')
    await say(repo, n, 'alice', `/note ${SECRETS.note}`, '2026-11-25T14:04:00Z')
    await say(repo, n, 'alice', `/update ${SECRETS.update}`, '2026-11-25T14:05:00Z')

    // Not published yet: the page says nothing of it, even though a P1 is open.
    dir = await buildPage(repo, '2026-11-25T14:06:00Z')
    expect(json(dir, 'api/v2/summary.json').incidents).toEqual([])
    expect(json(dir, 'api/v2/status.json').status.indicator).toBe('none')

    // Someone below triage cannot publish.
    await say(repo, n, 'mallory', '/status publish Everything is broken', '2026-11-25T14:07:00Z')
    expect(decodeRecord(card(repo, n))!.status).toBeUndefined()

    // A responder publishes, with a first update for customers (markup and a mention in it).
    await say(
      repo,
      n,
      'bob',
      '/status publish Payments failing at checkout\nCustomers cannot complete payments. <script>alert(1)</script> cc @alice',
      '2026-11-25T14:10:00Z',
    )
    expect(decodeRecord(card(repo, n))!.status).toMatchObject({
      title: 'Payments failing at checkout',
      published: true,
    })
    dir = await buildPage(repo, '2026-11-25T14:12:00Z')
    outage = dir
    const summary = json(dir, 'api/v2/summary.json')
    expect(summary.status).toEqual({ indicator: 'critical', description: 'Major Service Outage' })
    expect(summary.components.find((c) => c.id === 'checkout')?.status).toBe('major_outage')
    expect(summary.components.find((c) => c.id === 'cart')?.status).toBe('operational')
    expect(summary.components.find((c) => c.name === 'Shop')?.status).toBe('major_outage')
    expect(summary.incidents).toHaveLength(1)
    const inc = summary.incidents[0]
    expect(inc).toMatchObject({ name: 'Payments failing at checkout', status: 'investigating', impact: 'critical' })
    expect(inc.incident_updates.map((u) => [u.status, u.body])).toEqual([
      // HTML-escaped: Statuspage clients often insert bodies as HTML.
      ['investigating', 'Customers cannot complete payments. &lt;script&gt;alert(1)&lt;/script&gt; cc @\u200balice'],
    ])
    expect(inc.components.map((c) => c.id)).toEqual(['checkout'])
    expect(json(dir, 'api/v2/incidents/unresolved.json').incidents.map((i) => i.id)).toEqual([inc.id])
    const index = read(dir, 'index.html')
    expect(index).toContain('Major Service Outage</h1>')
    expect(index).toMatch(
      /<span class="name">Checkout<\/span><span class="status">[^<]*<span[^>]*>✕<\/span> Major outage/,
    )
    expect(index).toContain('Payments failing at checkout')
    expect(index).toContain('Customers cannot complete payments. &lt;script&gt;alert(1)&lt;/script&gt; cc @\u200balice')
    expect(read(dir, 'history.atom')).toContain('Payments failing at checkout (Investigating)')
    expect(read(dir, 'components/checkout.atom')).toContain('Payments failing at checkout')
    expect(read(dir, 'components/cart.atom')).not.toContain('Payments failing')
    expect(read(dir, 'badge.svg')).toContain('status: Major Service Outage')

    // A public update, the fix out: monitoring leaves the component degraded while it is verified.
    await say(repo, n, 'bob', '/status Fix deployed, payments recovering.\n/monitoring', '2026-11-25T14:30:00Z')
    dir = await buildPage(repo, '2026-11-25T14:31:00Z')
    const mon = json(dir, 'api/v2/summary.json')
    expect(mon.components.find((c) => c.id === 'checkout')?.status).toBe('degraded_performance')
    expect(mon.incidents[0].status).toBe('monitoring')
    // The update was written before `/monitoring`, in the same comment: it carries the status it had then.
    expect(mon.incidents[0].incident_updates[0]).toMatchObject({
      status: 'investigating',
      body: 'Fix deployed, payments recovering.',
    })
    expect(mon.status.indicator).toBe('minor')

    // Resolved: the component is restored, the resolution is published by itself.
    await say(repo, n, 'alice', '/resolve', '2026-11-25T15:00:00Z')
    dir = await buildPage(repo, '2026-11-25T15:01:00Z')
    const done = json(dir, 'api/v2/summary.json')
    expect(done.status).toEqual({ indicator: 'none', description: 'All Systems Operational' })
    expect(done.components.every((c) => c.status === 'operational')).toBe(true)
    expect(done.incidents).toEqual([])
    const all = json(dir, 'api/v2/incidents.json').incidents
    expect(all).toHaveLength(1)
    expect(all[0].status).toBe('resolved')
    expect(all[0].resolved_at).toBe('2026-11-25T15:00:00.000Z')
    expect(all[0].incident_updates.map((u) => u.status)).toEqual(['resolved', 'investigating', 'investigating'])
    // Today's bar: 30 minutes of major outage (14:00 start → 14:30 mitigated), as text.
    expect(read(dir, 'index.html')).toContain('2026-11-25: 97.91 %, major outage 30 min')

    // The postmortem summary, once resolved.
    await say(
      repo,
      n,
      'bob',
      '/status postmortem A certificate expired; renewals are now monitored.',
      '2026-11-25T16:00:00Z',
    )
    dir = await buildPage(repo, '2026-11-25T16:01:00Z')
    const pm = json(dir, 'api/v2/incidents.json').incidents[0]
    expect(pm.status).toBe('postmortem')
    expect(pm.incident_updates[0].body).toBe('A certificate expired; renewals are now monitored.')

    // Nothing internal in any file of the site.
    const everything = files(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')] as const)
    expect(everything.length).toBeGreaterThanOrEqual(15)
    for (const [name, text] of everything) {
      for (const [what, secret] of Object.entries(SECRETS)) expect(text, `${what} in ${name}`).not.toContain(secret)
      expect(text, `a person in ${name}`).not.toMatch(/@alice|@bob|mallory|github-actions/)
      expect(text, `the issue in ${name}`).not.toMatch(/acme\/status-|issues\/\d/)
      expect(text, `unescaped markup in ${name}`).not.toContain('<script')
    }
    site = dir
  })

  it('the config rule publishes P1 alerts with a generic title; an outsider-declared incident never appears unconfirmed', async () => {
    const repo = newRepo(RULE_CONFIG)
    await alert(repo, '2026-11-25T14:00:00Z')
    let dir = await buildPage(repo, '2026-11-25T14:01:00Z')
    let s = json(dir, 'api/v2/summary.json')
    expect(s.incidents.map((i) => [i.name, i.status])).toEqual([['Major outage: Checkout', 'investigating']])
    expect(s.incidents[0].incident_updates.map((u) => u.body)).toEqual(['We are investigating this issue.'])

    // An outsider declares a P1 through the form: held unconfirmed, so not on the page.
    emu.clock.set('2026-11-25T14:05:00Z')
    const body = renderIssueForm(
      {
        summary: 'Site down SECRET-REPORTER',
        impact: 'Full outage',
        users_affected: 'All users (100%)',
        services: 'checkout',
        exposure: [],
        detection: 'Customer report',
      },
      INCIDENT_FORM,
    )
    const m = emu.createIssue(repo, { title: '[Incident]: down', body, labels: ['incident'], user: 'mallory' }).number
    await at('2026-11-25T14:05:00Z', () =>
      runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, m, 'opened', 'mallory') }),
    )
    expect(decodeRecord(card(repo, m))!).toMatchObject({ priority: 'P1', unconfirmed: true })
    await say(repo, m, 'bob', '/status publish Website unavailable', '2026-11-25T14:06:00Z')
    expect(decodeRecord(card(repo, m))!.status).toBeUndefined()
    dir = await buildPage(repo, '2026-11-25T14:07:00Z')
    s = json(dir, 'api/v2/summary.json')
    expect(s.incidents).toHaveLength(1)
    for (const f of files(dir)) expect(readFileSync(f, 'utf8')).not.toContain('SECRET-REPORTER')

    // Confirmed by a responder: the rule publishes it.
    await say(repo, m, 'bob', '/confirm', '2026-11-25T14:08:00Z')
    dir = await buildPage(repo, '2026-11-25T14:09:00Z')
    expect(json(dir, 'api/v2/summary.json').incidents).toHaveLength(2)

    // A forged card (someone else's comment carrying our marker and a record that says "published")
    // publishes nothing: only the card our own identity wrote is read.
    const forged = emu.createIssue(repo, { title: 'x', body: 'x', labels: ['incident'], user: 'mallory' }).number
    emu.createComment(repo, forged, {
      user: 'mallory',
      body: `${CARD_MARKER}\n${encodeRecord({
        v: 1,
        number: forged,
        declaredAt: '2026-11-25T14:09:00Z',
        startedAt: '2026-11-25T14:09:00Z',
        priority: 'P1',
        prioritySource: 'human',
        priorityReason: 'x',
        stage: 'investigating',
        impactDigest: 'x',
        events: [],
        status: { title: 'FORGED-TITLE', publishedAt: '2026-11-25T14:09:00Z', published: true, updates: [] },
      })}`,
    })
    dir = await buildPage(repo, '2026-11-25T14:09:30Z')
    for (const f of files(dir)) expect(readFileSync(f, 'utf8')).not.toContain('FORGED-TITLE')
    expect(json(dir, 'api/v2/summary.json').incidents).toHaveLength(2)

    // Taken off by command: gone from every file, whatever the rule says.
    const first = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
    await say(repo, first, 'bob', '/status unpublish', '2026-11-25T14:10:00Z')
    dir = await buildPage(repo, '2026-11-25T14:11:00Z')
    expect(json(dir, 'api/v2/incidents.json').incidents.map((i) => i.name)).toEqual(['Major outage: Checkout'])
    expect(json(dir, 'api/v2/incidents.json').incidents[0].created_at).toBe('2026-11-25T14:05:00.000Z')
  })

  it('the JSON validates against the schema written from Statuspage’s documentation, and a client written against that API reads it', async () => {
    expect(site, 'the first scenario built the site').not.toBe('')
    const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false })
    const schemaDir = resolve(import.meta.dirname, '..', '..', 'schema', 'statuspage-v2')
    for (const f of readdirSync(schemaDir).filter((f) => f.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, f), 'utf8')))
    const endpoints: Record<string, string> = {
      'api/v2/summary.json': 'summary',
      'api/v2/status.json': 'status',
      'api/v2/components.json': 'components',
      'api/v2/incidents.json': 'incidents',
      'api/v2/incidents/unresolved.json': 'incidents',
      'api/v2/scheduled-maintenances.json': 'scheduled-maintenances',
      'api/v2/scheduled-maintenances/upcoming.json': 'scheduled-maintenances',
      'api/v2/scheduled-maintenances/active.json': 'scheduled-maintenances',
    }
    for (const [path, schema] of Object.entries(endpoints)) {
      const validate = ajv.getSchema(`https://incidentops.dev/schema/statuspage-v2/${schema}.json`)!
      expect(validate, schema).toBeDefined()
      expect(validate(json(site, path)), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
    // The schema bites: a status value Statuspage does not have is refused.
    const bad = json(site, 'api/v2/status.json')
    bad.status.indicator = 'down'
    expect(ajv.getSchema('https://incidentops.dev/schema/statuspage-v2/status.json')!(bad)).toBe(false)

    const server = await serve(site)
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      const view = await statuspageClient(base)
      expect(view).toEqual({
        page: 'Acme status',
        overall: 'All Systems Operational',
        down: [],
        latest: 'Payments failing at checkout: postmortem',
      })
    } finally {
      server.close()
    }
  })

  it('opens in Chromium: light and dark screenshots, no serious or critical axe violation, every internal link resolves', async (ctx) => {
    expect(site && outage, 'the first scenario built the site').not.toBe('')
    if (!existsSync('/usr/bin/chromium')) {
      if (process.env.CI) throw new Error('Chromium is missing: `apt-get install -y chromium` (.ci/run installs it)')
      ctx.skip()
    }
    const { chromium } = await import('playwright-core')
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
    for (const [name, dir] of [
      ['status-page', site],
      ['status-page-outage', outage],
    ] as const) {
      const server = await serve(dir)
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
        mkdirSync('.tmp', { recursive: true })
        for (const scheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } })
          for (const path of ['index.html', 'history.html']) {
            const res = await page.goto(base + path)
            expect(res?.status()).toBe(200)
            await page.addScriptTag({ content: axe })
            const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
            }
            const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            expect(
              bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
              `${scheme} ${path}`,
            ).toEqual([])
            // Every internal link and anchor resolves.
            const links = (await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!))).filter(
              (h) => !/^[a-z]+:/i.test(h),
            )
            expect(links.length).toBeGreaterThan(3)
            for (const href of links) {
              const [file, anchor] = href.split('#') as [string, string | undefined]
              const target = file ? new URL(file, base + path).toString() : base + path
              const r = await fetch(target)
              expect(r.status, href).toBe(200)
              if (anchor) expect(await r.text(), href).toContain(`id="${anchor}"`)
            }
          }
          await page.goto(base + 'index.html')
          await page.screenshot({ path: `.tmp/${name}-${scheme}.png`, fullPage: true })
          await page.close()
        }
      } finally {
        server.close()
      }
    }
    await browser.close()
  })
})

/** A static file server for the site, as GitHub Pages serves it. */
async function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css',
    '.json': 'application/json',
    '.atom': 'application/atom+xml',
    '.svg': 'image/svg+xml',
  }
  const server = createServer((req, res) => {
    const path = resolve(dir, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return server
}

/**
 * A small client written against Statuspage's public API (not against our code): what a chat bot
 * or a dashboard widget does with `/api/v2/summary.json` and `/api/v2/incidents.json`.
 */
async function statuspageClient(
  base: string,
): Promise<{ page: string; overall: string; down: string[]; latest: string }> {
  const summary = (await (await fetch(new URL('api/v2/summary.json', base))).json()) as {
    page: { name: string }
    status: { description: string }
    components: { name: string; status: string; group: boolean }[]
  }
  const incidents = (await (await fetch(new URL('api/v2/incidents.json', base))).json()) as {
    incidents: { name: string; status: string }[]
  }
  return {
    page: summary.page.name,
    overall: summary.status.description,
    down: summary.components.filter((c) => !c.group && c.status !== 'operational').map((c) => c.name),
    latest: incidents.incidents[0] ? `${incidents.incidents[0].name}: ${incidents.incidents[0].status}` : 'none',
  }
}
