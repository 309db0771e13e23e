/*
 * Subscriptions to the status page (#18, item 6), as the bundle runs: a local webhook receiver and a
 * local SMTP server. Publishing an incident, each `/status` update and its resolution send one signed
 * webhook delivery and one e-mail each; replays send nothing; a component filter is honoured; a
 * receiver that fails or a secret that is missing is a warning and a `failed` row, never a failed
 * run; nothing internal reaches a payload or a mail.
 */
import { createHmac } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Ajv } from 'ajv'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttp, startSmtp, type Hit } from './receivers.js'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { verifySignature } from '../../src/subscriptions/send.js'
import { commentPayload, dispatchPayload, example, issuesPayload, runAction, type ActionRun } from './harness.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { MAINTENANCE_FORM } from '../../src/maintenance/form.js'

let emu: Emulator
let http: Awaited<ReturnType<typeof startHttp>> | undefined
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined
let httpBase = ''
let smtpPort = 0
const hits: Hit[] = []
const mails: { to: string[]; data: string }[] = []
let seq = 0

const HOOK_SECRET = 'whsec-0123456789abcdef-s3cret'
const ENV = { HOOK_SECRET }

// Text that must never reach a subscriber: each marks one internal channel.
const SECRETS = {
  alertTitle: 'SECRET-ALERT-TITLE-db-10-0-0-5',
  alertBody: 'SECRET-ALERT-BODY-password=hunter2',
  comment: 'SECRET-COMMENT-customer-list',
  note: 'SECRET-NOTE-root-cause-guess',
  update: 'SECRET-INTERNAL-UPDATE-blame',
  link: 'https://internal.example/dashboards/SECRET-LINK',
  runbook: 'SECRET-RUNBOOK',
}

function config(extraHooks = '', publish = ''): string {
  return `services:
  - name: checkout
    display_name: Checkout
    runbook: https://internal.example/runbooks/${SECRETS.runbook}
  - name: cart
    display_name: Cart
status:
  name: Acme status
  url: https://status.acme.example/
${publish}  subscribers:
    webhooks:
      - url: "${httpBase}/hook/all"
        secret_env: HOOK_SECRET
      - url: "${httpBase}/hook/cart-only"
        secret_env: HOOK_SECRET
        components: [cart]
${extraHooks}    email:
      smtp: { host: 127.0.0.1, port: ${smtpPort}, from: "status@acme.example" }
      to: [customer@example.com]
`
}

function newRepo(cfg: string): string {
  const repo = `acme/subs-${++seq}`
  emu.addRepo(repo, {
    collaborators: { alice: 'write', bob: 'triage', mallory: 'read' },
    files: { '.github/incidents.yml': cfg },
  })
  return repo
}

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

const say = async (
  repo: string,
  n: number,
  user: string,
  text: string,
  time: string,
): Promise<{ run: ActionRun; replay: () => Promise<ActionRun> }> => {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user })
  const go = () =>
    at(time, () => runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c), env: ENV }))
  return { run: await go(), replay: go }
}

const alert = (repo: string, time: string) =>
  at(time, () =>
    runAction({
      emu,
      repo,
      event: 'repository_dispatch',
      env: ENV,
      payload: dispatchPayload(repo, 'alert', {
        incidentops: {
          version: 1,
          alerts: [
            {
              status: 'firing',
              key: `checkout-probe-${repo}`,
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

const bot = (repo: string, n: number) =>
  emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const record = (repo: string, n: number) =>
  decodeRecord(bot(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!)!

/** Deliveries to `path` for this repository's incidents (told apart by the page id in the body). */
const deliveries = (path: string, pageId?: string) =>
  hits.filter(
    (h) => h.path === path && (!pageId || (JSON.parse(h.body) as { page: { id: string } }).page.id === pageId),
  )
const body = (h: Hit) =>
  JSON.parse(h.body) as {
    meta: { delivery_id: string; sent_at: string; event: string }
    page: { id: string; name: string; url: string; status_indicator: string }
    incident: {
      id: string
      name: string
      status: string
      shortlink: string
      incident_updates: { id: string; status: string; body: string }[]
      components: { id: string; name: string }[]
    }
  }
const actions = (r: ActionRun) =>
  JSON.parse(r.outputs.actions!) as { kind: string; status: string; description: string; error?: string }[]

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  for (const u of ['alice', 'bob', 'mallory']) emu.addUser(u)
  http = await startHttp(hits, (hit, res) => {
    if (hit.path === '/hook/moved') {
      res.writeHead(301, { location: 'http://elsewhere.example/hook' })
      res.end()
      return
    }
    const down = hit.path.startsWith('/hook/down')
    res.writeHead(down ? 500 : 204)
    res.end(down ? 'internal error' : undefined)
  })
  httpBase = http.base
  smtp = await startSmtp(mails)
  smtpPort = smtp.port
})
afterAll(async () => {
  await emu?.close()
  await http?.close()
  await smtp?.close()
})

/** A port nothing listens on now (for a receiver that takes its port from the environment). */
async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as AddressInfo).port
  await new Promise((r) => s.close(r))
  return port
}

/** The decoded text of a mail (quoted-printable: soft breaks joined, `=XX` bytes read as UTF-8). */
const mailText = (m: { data: string }) =>
  Buffer.from(
    m.data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8')

describe('subscriptions to the status page, as the bundle runs', { timeout: 300_000 }, () => {
  it('publish, a customer update and the resolution each send one signed webhook and one e-mail; replays send nothing; nothing internal appears', async () => {
    const repo = newRepo(config())
    await alert(repo, '2026-11-25T14:00:00Z')
    const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
    // Internal traffic, before and after publication: none of it is public, none of it is announced.
    await say(repo, n, 'alice', `/ack\nLooking at ${SECRETS.link} — ${SECRETS.comment}`, '2026-11-25T14:01:00Z')
    await say(repo, n, 'alice', `/note ${SECRETS.note}`, '2026-11-25T14:02:00Z')
    expect(hits).toHaveLength(0)
    expect(mails).toHaveLength(0)

    // Published by a responder, with a first update that tries a mention and a marker.
    const published = await say(
      repo,
      n,
      'bob',
      '/status publish Checkout unavailable\nPayments fail for some customers @everyone <!-- incidentops:card -->',
      '2026-11-25T14:03:00Z',
    )
    const first = deliveries('/hook/all')
    expect(first).toHaveLength(1)
    const h = first[0]!
    // Signed: HMAC-SHA256 of the raw body with the secret, as a receiver computes it.
    const expected = `sha256=${createHmac('sha256', HOOK_SECRET).update(h.body).digest('hex')}`
    expect(h.headers['x-incidentops-signature-256']).toBe(expected)
    expect(verifySignature(h.body, HOOK_SECRET, h.headers['x-incidentops-signature-256'] as string)).toBe(true)
    expect(verifySignature(h.body, 'another-secret', h.headers['x-incidentops-signature-256'] as string)).toBe(false)
    expect(verifySignature(h.body.replace('Checkout', 'Checkouts'), HOOK_SECRET, expected)).toBe(false)
    const b = body(h)
    expect(h.headers['x-incidentops-delivery']).toBe(b.meta.delivery_id)
    expect(h.headers['x-incidentops-event']).toBe('incident')
    expect(h.headers['x-incidentops-timestamp']).toBe(String(Date.parse('2026-11-25T14:03:00Z') / 1000))
    expect(b.meta.sent_at).toBe('2026-11-25T14:03:00.000Z')
    expect(b.page).toMatchObject({
      name: 'Acme status',
      url: 'https://status.acme.example/',
      status_indicator: 'critical',
    })
    expect(b.incident.name).toBe('Checkout unavailable')
    expect(b.incident.status).toBe('investigating')
    expect(b.incident.components.map((c) => c.name)).toEqual(['Checkout'])
    expect(b.incident.incident_updates).toHaveLength(1)
    // Defused as on the page's JSON: the mention broken, the marker HTML-escaped.
    expect(b.incident.incident_updates[0]!.body).toBe(
      'Payments fail for some customers @\u200beveryone &lt;!-- incidentops:card --&gt;',
    )
    // The component filter: an incident on Checkout does not reach the Cart-only subscriber.
    expect(deliveries('/hook/cart-only')).toHaveLength(0)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toEqual(['customer@example.com'])
    const mail = mailText(mails[0]!)
    expect(mail).toMatch(/^Subject: \[Acme status\] Investigating: Checkout unavailable\r?$/m)
    expect(mail).toContain(`https://status.acme.example/history.html#incident-${b.incident.id}`)
    expect(mail).toContain('Payments fail for some customers @\u200beveryone')
    expect(mail).not.toMatch(/@everyone/)
    // The HTML part escapes the marker; the text part carries it as inert text.
    expect(mail).toContain('&lt;!-- incidentops:card --&gt;')
    // Recorded in the card write that published it.
    expect(record(repo, n).notices).toEqual(['1@2026-11-25T14:03:00.000Z'])
    expect(actions(published.run).filter((a) => a.kind === 'announce')).toEqual([
      expect.objectContaining({
        status: 'done',
        description: expect.stringMatching(/^#\d+: notify 127\.0\.0\.1:\d+ by webhook \(incident investigating\)$/),
      }),
      expect.objectContaining({
        status: 'done',
        description: expect.stringMatching(/notify customer@example\.com by e-mail/),
      }),
    ])

    // A replay of the same event (GitHub redelivers, a re-run) sends nothing.
    const replayed = await published.replay()
    expect(actions(replayed)).toEqual([])
    expect(deliveries('/hook/all')).toHaveLength(1)
    expect(mails).toHaveLength(1)

    // An internal update and a stage change announce nothing; a customer update does, once.
    await say(repo, n, 'alice', `/update ${SECRETS.update}`, '2026-11-25T14:04:00Z')
    await say(repo, n, 'alice', '/fixing', '2026-11-25T14:05:00Z')
    expect(deliveries('/hook/all')).toHaveLength(1)
    const update = await say(repo, n, 'alice', '/status Payments are recovering.', '2026-11-25T14:06:00Z')
    await update.replay()
    expect(deliveries('/hook/all')).toHaveLength(2)
    expect(mails).toHaveLength(2)
    const second = body(deliveries('/hook/all')[1]!)
    expect(second.meta.delivery_id).not.toBe(b.meta.delivery_id)
    expect(second.incident.status).toBe('identified')
    expect(second.incident.incident_updates[0]!.body).toBe('Payments are recovering.')
    expect(mailText(mails[1]!)).toMatch(/^Subject: \[Acme status\] Identified: Checkout unavailable\r?$/m)

    // The resolution, once.
    const resolved = await say(repo, n, 'alice', '/resolve', '2026-11-25T14:20:00Z')
    await resolved.replay()
    await say(repo, n, 'alice', `/note after the fact ${SECRETS.note}`, '2026-11-25T14:21:00Z')
    const all = deliveries('/hook/all')
    expect(all).toHaveLength(3)
    expect(mails).toHaveLength(3)
    const third = body(all[2]!)
    expect(third.incident.status).toBe('resolved')
    expect(third.incident.incident_updates.map((u) => u.status)).toEqual(['resolved', 'identified', 'investigating'])
    expect(third.page.status_indicator).toBe('none')
    expect(new Set(all.map((x) => x.headers['x-incidentops-delivery'])).size).toBe(3)
    for (const x of all)
      expect(x.headers['x-incidentops-signature-256']).toBe(
        `sha256=${createHmac('sha256', HOOK_SECRET).update(x.body).digest('hex')}`,
      )
    expect(deliveries('/hook/cart-only')).toHaveLength(0)
    expect(record(repo, n).notices).toEqual([
      '1@2026-11-25T14:03:00.000Z',
      '2@2026-11-25T14:06:00.000Z',
      'r@2026-11-25T14:20:00.000Z',
    ])

    // The postmortem summary for customers, once.
    const pm = await say(
      repo,
      n,
      'alice',
      '/status postmortem A failed database failover stopped payments.',
      '2026-11-26T10:00:00Z',
    )
    await pm.replay()
    expect(deliveries('/hook/all')).toHaveLength(4)
    expect(mails).toHaveLength(4)
    const fourth = body(deliveries('/hook/all')[3]!)
    expect(fourth.incident.status).toBe('postmortem')
    expect(fourth.incident.incident_updates[0]!.body).toBe('A failed database failover stopped payments.')
    expect(mailText(mails[3]!)).toMatch(/^Subject: \[Acme status\] Postmortem: Checkout unavailable\r?$/m)
    expect(record(repo, n).notices).toHaveLength(4)

    // Each `incident` is Statuspage's incident object: it validates against the schema written from its documentation.
    const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false })
    const schemaDir = resolve(import.meta.dirname, '..', '..', 'schema', 'statuspage-v2')
    for (const f of readdirSync(schemaDir).filter((f) => f.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, f), 'utf8')))
    const incidentSchema = ajv.getSchema('https://incidentops.dev/schema/statuspage-v2/defs.json#/$defs/incident')!
    expect(incidentSchema).toBeDefined()
    for (const x of deliveries('/hook/all'))
      expect(incidentSchema(body(x).incident), ajv.errorsText(incidentSchema.errors)).toBe(true)
    expect(incidentSchema({ ...body(all[0]!).incident, status: 'down' })).toBe(false)

    // Nothing internal in any payload or mail, nor who did what, nor the repository or issue.
    const sent = [...deliveries('/hook/all').map((x) => x.body), ...mails.map(mailText)]
    for (const text of sent) {
      for (const [what, secret] of Object.entries(SECRETS)) expect(text, what).not.toContain(secret)
      for (const who of ['alice', 'bob']) expect(text).not.toContain(who)
      expect(text).not.toContain(repo)
      expect(text).not.toContain(`#${n}`)
    }
  })

  it('the config rule announces the publication at declaration; a failing receiver and a missing secret are warnings and failed rows, never a failed run; nothing is retried by a later run', async () => {
    const repo = newRepo(
      config(
        `      - url: "${httpBase}/hook/down"
        secret_env: HOOK_SECRET
      - url: "${httpBase}/hook/unsigned"
        secret_env: NO_SUCH_SECRET
      - url: "${httpBase}/hook/moved"
        secret_env: HOOK_SECRET
`,
        `  publish: { priorities: [P1], sources: [alert] }
`,
      ),
    )
    const before = { all: deliveries('/hook/all').length, mails: mails.length }
    const run = await alert(repo, '2026-11-26T09:00:00Z')
    const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
    // Published by the rule at declaration, with its generic title and the first default update.
    const got = deliveries('/hook/all').slice(before.all)
    expect(got).toHaveLength(1)
    const b = body(got[0]!)
    expect(b.incident.name).toBe('Major outage: Checkout')
    expect(b.incident.incident_updates.map((u) => u.body)).toEqual(['We are investigating this issue.'])
    expect(mails.length - before.mails).toBe(1)

    // The receiver that answers 500 was tried twice with the same delivery id, then reported.
    const down = deliveries('/hook/down')
    expect(down).toHaveLength(2)
    expect(down[0]!.headers['x-incidentops-delivery']).toBe(down[1]!.headers['x-incidentops-delivery'])
    expect(down[0]!.headers['x-incidentops-delivery']).toBe(b.meta.delivery_id)
    // Without its secret nothing is sent unsigned; a redirect is not followed.
    expect(deliveries('/hook/unsigned')).toHaveLength(0)
    expect(deliveries('/hook/moved')).toHaveLength(1)
    const rows = actions(run).filter((a) => a.kind === 'announce')
    expect(rows.map((a) => a.status)).toEqual(['done', 'failed', 'failed', 'failed', 'done'])
    expect(rows[1]!.error).toBe('HTTP 500 "internal error" (twice)')
    expect(rows[2]!.error).toMatch(/^the environment variable NO_SUCH_SECRET \(the webhook signing secret\) is not set/)
    expect(rows[3]!.error).toMatch(/^HTTP 301: redirects are not followed/)
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings.filter((w) => w.includes('by webhook') && w.includes('failed'))).toHaveLength(3)
    expect(warnings.join('\n')).toContain('NO_SUCH_SECRET')
    // The secret is masked, and printed nowhere.
    expect(run.stdout).toContain(`::add-mask::${HOOK_SECRET}`)
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(HOOK_SECRET)

    // At most once: a later run (a note, a sweep) does not try the failed deliveries again.
    await say(repo, n, 'alice', '/note still down', '2026-11-26T09:05:00Z')
    expect(deliveries('/hook/down')).toHaveLength(2)
    expect(deliveries('/hook/all').slice(before.all)).toHaveLength(1)
    expect(record(repo, n).notices).toEqual(['0'])
  })

  it('the verification sample of docs/status-page.md, run as a subscriber, accepts the delivery, refuses a forged one and ignores a repeat', async () => {
    // The sample, as the page gives it.
    const doc = readFileSync(resolve(import.meta.dirname, '..', '..', 'docs', 'status-page.md'), 'utf8')
    const code = /### Verifying a delivery[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)![1]!
    const dir = mkdtempSync(join(tmpdir(), 'incidentops-receiver-'))
    writeFileSync(join(dir, 'receiver.mjs'), code)
    const port = await freePort()
    const child = spawn(process.execPath, [join(dir, 'receiver.mjs')], {
      env: { ...process.env, STATUS_HOOK_SECRET: HOOK_SECRET, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    try {
      const url = `http://127.0.0.1:${port}/`
      for (let i = 0; i < 100; i++) {
        if (
          await fetch(url, { method: 'POST', body: '' }).then(
            () => true,
            () => false,
          )
        )
          break
        await new Promise((r) => setTimeout(r, 50))
      }
      const repo = newRepo(
        config(`      - url: "${url}"
        secret_env: HOOK_SECRET
`),
      )
      // The sample refuses deliveries older than 15 minutes by its own clock: run at the real time.
      const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString()
      await alert(repo, now)
      const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
      const { run } = await say(repo, n, 'alice', '/status publish Checkout slow', now)
      const rows = actions(run).filter((a) => a.kind === 'announce')
      expect(rows.find((a) => a.description.includes(`notify 127.0.0.1:${port} `))?.status).toBe('done')
      expect(out).toBe('Checkout slow: investigating\n')
      // The same delivery again (same body and signature, as another subscriber got it): accepted, not handled twice.
      const delivered = deliveries('/hook/all').at(-1)!
      expect(body(delivered).incident.name).toBe('Checkout slow')
      const headers = {
        'content-type': 'application/json',
        'x-incidentops-signature-256': String(delivered.headers['x-incidentops-signature-256']),
      }
      expect((await fetch(url, { method: 'POST', headers, body: delivered.body })).status).toBe(204)
      // A forged body with the real signature, and a body signed with another secret: refused.
      const forged = delivered.body.replace('Checkout slow', 'All fine')
      expect((await fetch(url, { method: 'POST', headers, body: forged })).status).toBe(401)
      const other = `sha256=${createHmac('sha256', 'not-the-secret').update(forged).digest('hex')}`
      expect(
        (
          await fetch(url, {
            method: 'POST',
            headers: { ...headers, 'x-incidentops-signature-256': other },
            body: forged,
          })
        ).status,
      ).toBe(401)
      expect(out).toBe('Checkout slow: investigating\n')
    } finally {
      child.kill()
    }
  })

  it('costs no GitHub request: the same scenario with and without subscribers makes the same requests', async () => {
    const routes: string[][] = []
    for (const cfg of [
      config(),
      'services:\n  - name: checkout\n    display_name: Checkout\nstatus:\n  name: Acme status\n',
    ]) {
      const repo = newRepo(cfg)
      await alert(repo, '2026-11-28T10:00:00Z')
      const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
      const from = emu.requests.length
      await say(repo, n, 'alice', '/status publish Checkout slow', '2026-11-28T10:01:00Z')
      await say(repo, n, 'alice', '/resolve', '2026-11-28T10:02:00Z')
      routes.push(emu.requests.slice(from).map((r) => r.route))
    }
    expect(routes[0]!.length).toBeGreaterThan(0)
    expect(routes[0]).toEqual(routes[1])
    // …and the first scenario did notify.
    expect(deliveries('/hook/all').map((h) => body(h).incident.name)).toContain('Checkout slow')
  })

  it('a dry run plans the notices and sends nothing', async () => {
    const repo = newRepo(config())
    await alert(repo, '2026-11-27T10:00:00Z')
    const n = emu.listIssues(repo).find((i) => i.title.includes(SECRETS.alertTitle))!.number
    const before = { hooks: hits.length, mails: mails.length }
    emu.clock.set('2026-11-27T10:01:00Z')
    const c = emu.createComment(repo, n, { body: '/status publish Checkout slow', user: 'alice' })
    const dry = await at('2026-11-27T10:01:00Z', () =>
      runAction({
        emu,
        repo,
        event: 'issue_comment',
        payload: commentPayload(emu, repo, n, c),
        env: ENV,
        inputs: { 'dry-run': 'true' },
      }),
    )
    expect(
      actions(dry)
        .filter((a) => a.kind === 'announce')
        .map((a) => a.status),
    ).toEqual(['planned', 'planned'])
    expect(hits.length - before.hooks).toBe(0)
    expect(mails.length - before.mails).toBe(0)
    expect(record(repo, n).notices).toBeUndefined()
  })

  it('scheduled maintenance: going public, its start, its end and each customer update send one notice each; a replay sends nothing', async () => {
    const repo = newRepo(config())
    const pageOf = (h: Hit) => body(h).page.id
    const mine = () =>
      hits.filter((h) => h.path === '/hook/all' && body(h).meta.event === 'maintenance' && pageOf(h) === page)
    const form = renderIssueForm(
      {
        title: 'Database upgrade',
        start: '2026-12-10 14:00',
        end: '2026-12-10 16:00',
        components: 'checkout',
        text: `We are upgrading the database. ${SECRETS.comment.replace(/SECRET/, 'public')}`,
      },
      MAINTENANCE_FORM,
    )
    emu.clock.set('2026-12-01T09:00:00Z')
    const n = emu.createIssue(repo, {
      title: '[Maintenance]: upgrade',
      body: form,
      labels: ['maintenance'],
      user: 'bob',
    }).number
    const opened = () =>
      at('2026-12-01T09:00:00Z', () =>
        runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'bob'), env: ENV }),
      )
    const before = hits.length
    await opened()
    const first = hits.slice(before).filter((h) => body(h).meta.event === 'maintenance')
    expect(first.map((h) => h.path).sort()).toEqual(['/hook/all'])
    const page = pageOf(first[0]!)
    const b0 = body(first[0]!) as ReturnType<typeof body> & { incident: { scheduled_for: string; impact: string } }
    expect(b0.incident).toMatchObject({
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: '2026-12-10T14:00:00.000Z',
    })
    expect(b0.incident.components.map((c) => c.id)).toEqual(['checkout'])
    expect(verifySignature(first[0]!.body, HOOK_SECRET, String(first[0]!.headers['x-incidentops-signature-256']))).toBe(
      true,
    )
    // A replay of the same event: the transition is in the record already, nothing is sent.
    await opened()
    expect(mine()).toHaveLength(1)

    const sweep = (time: string) =>
      at(time, () =>
        runAction({
          emu,
          repo,
          event: 'schedule',
          payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
          env: ENV,
        }),
      )
    await sweep('2026-12-10T14:05:00Z')
    await sweep('2026-12-10T14:15:00Z')
    expect(mine().map((h) => body(h).incident.status)).toEqual(['scheduled', 'in_progress'])
    await say(repo, n, 'bob', '/maintenance Half of the tables are done.', '2026-12-10T15:00:00Z')
    expect(mine()).toHaveLength(3)
    expect(body(mine()[2]!).incident.incident_updates[0]!.body).toBe('Half of the tables are done.')
    await sweep('2026-12-10T16:05:00Z')
    await sweep('2026-12-10T16:15:00Z')
    expect(mine().map((h) => body(h).incident.status)).toEqual(['scheduled', 'in_progress', 'in_progress', 'completed'])
    // Each delivery has its own id; the e-mails went out too, one per notice.
    expect(new Set(mine().map((h) => body(h).meta.delivery_id)).size).toBe(4)
    expect(mails.filter((m) => mailText(m).includes('Database upgrade'))).toHaveLength(4)
  })
})
