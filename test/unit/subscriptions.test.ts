/**
 * Subscriptions' pure parts (#18, item 6): the config (and `incidentops validate` refusing bad
 * ones), which changes make a notice and which do not, the payload (Statuspage's shape, public
 * fields only), the e-mail (one-line subject, defused), signing and its verification, and the
 * sender's retry and failure rules against injected fetch and mailer.
 */
import { createHmac } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.js'
import { ConfigError } from '../../src/errors.js'
import { main } from '../../src/cli/index.js'
import type { IncidentRecord } from '../../src/domain/record.js'
import { runStatusCommand } from '../../src/status/public.js'
import { announceEffects, planIncidentNotice, recordNotice } from '../../src/subscriptions/plan.js'
import { changeKeys, unescapeHtml } from '../../src/subscriptions/notice.js'
import { createAnnouncer, signBody, verifySignature } from '../../src/subscriptions/send.js'
import { subscriberSecrets } from '../../src/subscriptions/config.js'
import { announce } from '../../src/subscriptions/apply.js'
import { Executor } from '../../src/apply.js'
import type { GitHubPort } from '../../src/github/port.js'

const CONFIG = `services:
  - name: checkout
    display_name: Checkout
  - name: cart
    display_name: Cart
status:
  name: Acme status
  subscribers:
    webhooks:
      - url: https://hooks.example.com/status?token=abc
        secret_env: HOOK_SECRET
      - url: https://cart.example.com/hook
        secret_env: CART_SECRET
        components: [cart]
    email:
      smtp: { host: smtp.example.com, from: status@acme.example, user_env: SMTP_USER, password_env: SMTP_PASS }
      to: [a@example.com, b@example.com]
`
const config = loadConfig(CONFIG, '.github/incidents.yml')
const REPO = 'acme/shop'
const by = { at: '2026-11-25T14:10:00Z', actor: 'bob', via: 'command' as const }

function record(over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    v: 1,
    number: 7,
    declaredAt: '2026-11-25T14:00:00Z',
    startedAt: '2026-11-25T13:50:00Z',
    priority: 'P1',
    prioritySource: 'rules',
    priorityReason: 'x',
    stage: 'investigating',
    impactDigest: 'x',
    service: 'checkout',
    events: [{ at: '2026-11-25T14:00:00Z', kind: 'declared', actor: 'rita', via: 'form' }],
    ...over,
  }
}

const clone = (r: IncidentRecord): IncidentRecord => structuredClone(r)
const plan = (before: IncidentRecord | null, after: IncidentRecord, cfg = config) =>
  planIncidentNotice(
    before && { record: before, services: [] },
    { record: after, services: [] },
    cfg,
    REPO,
    '2026-11-25T15:00:00Z',
  )

/** A published incident (`/status publish` with a first update). */
function published(): IncidentRecord {
  const r = record()
  expect(
    runStatusCommand(
      r,
      { name: 'status', action: 'publish', title: 'Checkout down', text: 'Looking @team' },
      by,
      config,
      [],
    ),
  ).toBeNull()
  return r
}

describe('status.subscribers in the config', () => {
  it('resolves webhooks, filters and e-mail; names the secrets to mask', () => {
    const s = config.status.subscribers
    expect(s.webhooks).toEqual([
      { url: 'https://hooks.example.com/status?token=abc', secretEnv: 'HOOK_SECRET', components: null },
      { url: 'https://cart.example.com/hook', secretEnv: 'CART_SECRET', components: ['cart'] },
    ])
    expect(s.email?.to).toEqual(['a@example.com', 'b@example.com'])
    expect(s.email?.smtp).toMatchObject({ host: 'smtp.example.com', port: 587, userEnv: 'SMTP_USER' })
    expect(
      subscriberSecrets(s, { HOOK_SECRET: 'h-secret', CART_SECRET: 'c-secret', SMTP_PASS: 'p', OTHER: 'o' }).sort(),
    ).toEqual(['c-secret', 'h-secret', 'p'])
  })

  it('refuses plain http to another machine, an unknown component and a secret written in the file, at file:line:column', () => {
    const bad = `services:
  - name: checkout
status:
  subscribers:
    webhooks:
      - url: http://hooks.example.com/status
        secret_env: HOOK_SECRET
      - url: https://ok.example.com/
        secret_env: HOOK_SECRET
        components: [checkout, payments]
      - url: https://ok.example.com/
        secret: s3cret
`
    let error: unknown
    try {
      loadConfig(bad, 'x.yml')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const text = (error as Error).message
    // The schema's problems come first (a key that is not allowed, a required one missing) …
    expect(text).toMatch(/x\.yml:12:\d+: .*secret/)
    expect(text).toContain('secret_env')
    // … and once the shape is right, the checks the schema cannot make.
    const shaped = bad.replace('        secret: s3cret\n', '        secret_env: HOOK_SECRET\n')
    let second: unknown
    try {
      loadConfig(shaped, 'x.yml')
    } catch (e) {
      second = e
    }
    const msg = (second as Error).message
    expect(msg).toMatch(
      /x\.yml:6:14: `status\.subscribers\.webhooks\[0\]\.url` is "http:\/\/hooks\.example\.com\/status": write an https:\/\/ URL/,
    )
    expect(msg).toMatch(
      /x\.yml:10:32: .* is "payments", which is not a service under `services:` \(services: checkout\)/,
    )
    // Local receivers (tests, a relay on the runner) may use plain http.
    expect(() =>
      loadConfig(
        shaped.replace('http://hooks.example.com', 'http://127.0.0.1:8080').replace(', payments', ''),
        'x.yml',
      ),
    ).not.toThrow()
  })

  it('`incidentops validate` refuses a bad subscriber and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incidentops-subs-'))
    const f = join(dir, 'incidents.yml')
    writeFileSync(
      f,
      'status:\n  subscribers:\n    webhooks:\n      - url: ftp://x.example/\n        secret_env: lower-case\n',
    )
    let err = ''
    const code = await main(
      ['validate', f],
      () => undefined,
      (s) => (err += s + '\n'),
    )
    expect(code).toBe(1)
    expect(err).toContain(`${f}:4:14:`)
    expect(err).toContain(`${f}:5:21:`)
  })
})

describe('which changes make a notice', () => {
  it('publication, each /status update, the resolution and the postmortem: one notice each, none on a replay', () => {
    const a = published()
    const n1 = plan(record(), a)!
    expect(n1.keys).toEqual(['1@2026-11-25T14:10:00.000Z'])
    expect(n1.kind).toBe('incident')
    recordNotice(a, n1)
    // A replay: the record is already the new one.
    expect(plan(a, clone(a))).toBeNull()

    const b = clone(a)
    runStatusCommand(
      b,
      { name: 'status', action: 'update', text: 'Recovering' },
      { ...by, at: '2026-11-25T14:20:00Z' },
      config,
      [],
    )
    const n2 = plan(a, b)!
    expect(n2.keys).toEqual(['2@2026-11-25T14:20:00.000Z'])
    expect(n2.deliveryId).not.toBe(n1.deliveryId)
    // The same change planned twice (a re-run after a skipped card write) has the same delivery id.
    expect(plan(a, clone(b))!.deliveryId).toBe(n2.deliveryId)
    recordNotice(b, n2)

    const c = clone(b)
    c.stage = 'resolved'
    c.events.push({
      at: '2026-11-25T14:30:00Z',
      kind: 'stage',
      actor: 'bob',
      via: 'command',
      from: 'investigating',
      to: 'resolved',
    } as never)
    const n3 = plan(b, c)!
    expect(n3.keys).toHaveLength(1)
    expect(n3.keys[0]).toMatch(/^r@/)
    expect(n3.body.incident.status).toBe('resolved')
    recordNotice(c, n3)

    const d = clone(c)
    runStatusCommand(
      d,
      { name: 'status', action: 'postmortem', text: 'A bad deploy.' },
      { ...by, at: '2026-11-26T10:00:00Z' },
      config,
      [],
    )
    const n4 = plan(c, d)!
    expect(n4.keys).toEqual(['p@2026-11-26T10:00:00.000Z'])
    expect(n4.body.incident.status).toBe('postmortem')
  })

  it('nothing for an unpublished incident, a title change, an unpublish, a republication that repeats nothing, or no subscribers', () => {
    const r = record()
    expect(plan(null, r)).toBeNull()
    const a = published()
    recordNotice(a, plan(record(), a)!)
    const retitled = clone(a)
    runStatusCommand(retitled, { name: 'status', action: 'publish', title: 'Checkout slow', text: '' }, by, config, [])
    expect(plan(a, retitled)).toBeNull()
    const off = clone(a)
    runStatusCommand(off, { name: 'status', action: 'unpublish' }, by, config, [])
    expect(plan(a, off)).toBeNull()
    const back = clone(off)
    runStatusCommand(back, { name: 'status', action: 'publish', title: 'Checkout down', text: '' }, by, config, [])
    expect(plan(off, back)).toBeNull()
    const none = loadConfig('services:\n  - name: checkout\n', 'x.yml')
    expect(plan(record(), published(), none)).toBeNull()
  })

  it('a config rule that starts matching announces none of the past; several changes in one run make one notice', () => {
    const rule = loadConfig(`${CONFIG}  publish: { priorities: [P1], sources: [form] }\n`, 'x.yml')
    const old = record()
    const touched = clone(old)
    touched.events.push({ at: '2026-11-25T14:40:00Z', kind: 'note', actor: 'bob', via: 'command' } as never)
    expect(plan(old, touched, rule)).toBeNull()
    // Declared and published by the rule in the same run: the default first update.
    expect(plan(null, old, rule)!.keys).toEqual(['0'])
    // Titled later by `/status publish <title>` (which moves the default update's time): no new change.
    const ruled = clone(old)
    recordNotice(ruled, plan(null, old, rule)!)
    const titled = clone(ruled)
    runStatusCommand(titled, { name: 'status', action: 'publish', title: 'Checkout down', text: '' }, by, rule, [])
    expect(plan(ruled, titled, rule)).toBeNull()
    const both = record()
    runStatusCommand(both, { name: 'status', action: 'publish', title: 'Down', text: 'First' }, by, config, [])
    both.stage = 'resolved'
    both.events.push({
      at: '2026-11-25T14:10:00Z',
      kind: 'stage',
      actor: 'bob',
      via: 'command',
      from: 'investigating',
      to: 'resolved',
    } as never)
    const one = plan(record(), both)!
    expect(one.keys.sort()).toEqual(['1@2026-11-25T14:10:00.000Z', 'r@2026-11-25T14:10:00.000Z'])
  })
})

describe('the payload', () => {
  it("is Statuspage's {meta, page, incident} with public fields only, defused as the page's JSON", () => {
    const r = published()
    r.commander = 'alice'
    r.events.push({
      at: '2026-11-25T14:05:00Z',
      kind: 'note',
      actor: 'alice',
      via: 'command',
      text: 'SECRET-NOTE',
    } as never)
    const n = plan(record(), r)!
    expect(Object.keys(n.body)).toEqual(['meta', 'page', 'incident'])
    expect(n.body.meta).toMatchObject({
      unsubscribe: null,
      delivery_id: n.deliveryId,
      event: 'incident',
      sent_at: '2026-11-25T15:00:00.000Z',
    })
    expect(n.deliveryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(n.body.page).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      name: 'Acme status',
      url: 'https://acme.github.io/shop/',
      status_indicator: 'critical',
      status_description: 'Major Service Outage',
    })
    const i = n.body.incident
    expect(i.name).toBe('Checkout down')
    expect(i.impact).toBe('critical')
    expect(i.shortlink).toBe(`https://acme.github.io/shop/history.html#incident-${i.id}`)
    expect(i.incident_updates.map((u) => u.body)).toEqual(['Looking @\u200bteam'])
    expect(i.components.map((c) => [c.id, c.status])).toEqual([['checkout', 'major_outage']])
    const text = JSON.stringify(n.body)
    for (const s of ['SECRET-NOTE', 'alice', 'bob', 'rita', 'acme/shop', '#7']) expect(text).not.toContain(s)
    expect(changeKeys(i)).toEqual(n.keys)
  })

  it('the e-mail: a one-line subject, the text as written but defused, an escaped HTML part', () => {
    const r = record()
    runStatusCommand(
      r,
      {
        name: 'status',
        action: 'publish',
        title: 'Down\r\nBcc: victim@example.com <b>',
        text: 'Fix <script>x</script> @all\nline two',
      },
      by,
      config,
      [],
    )
    const m = plan(record(), r)!.mail
    expect(m.subject).toBe('[Acme status] Investigating: Down Bcc: victim@\u200bexample.com <b>')
    expect(m.subject).not.toMatch(/[\r\n]/)
    expect(m.text).toContain('Fix <script>x</script> @\u200ball\nline two')
    expect(m.html).toContain('Fix &lt;script&gt;x&lt;/script&gt; @\u200ball<br>line two')
    expect(m.html).not.toContain('<script>')
    expect(m.html).not.toContain('<b>')
    expect(unescapeHtml('&lt;a&gt; &amp;lt; &quot;&#39;')).toBe('<a> &lt; "\'')
  })

  it('goes to every webhook and address whose filter it passes', () => {
    const n = plan(record(), published())!
    const effects = announceEffects(n, config.status.subscribers)
    expect(effects.map((e) => [e.channel, e.to])).toEqual([
      ['webhook', 'https://hooks.example.com/status?token=abc'],
      ['email', 'a@example.com'],
      ['email', 'b@example.com'],
    ])
  })
})

describe('signing and sending', () => {
  it('signs the raw body with HMAC-SHA256 as GitHub does, and verifies in constant time', () => {
    const body = '{"a":1}'
    const sig = signBody(body, 'k')
    expect(sig).toBe(`sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`)
    expect(verifySignature(body, 'k', sig)).toBe(true)
    expect(verifySignature(body, 'k2', sig)).toBe(false)
    expect(verifySignature('{"a":2}', 'k', sig)).toBe(false)
    expect(verifySignature(body, 'k', undefined)).toBe(false)
    expect(verifySignature(body, 'k', sig.slice(0, -1))).toBe(false)
  })

  const notice = () => plan(record(), published())!
  const hook = (n = notice()) => announceEffects(n, config.status.subscribers)[0]!

  it('retries a webhook once after a 5xx with the same delivery id, not after a 4xx; masks the secret in errors', async () => {
    const calls: { url: string; headers: Record<string, string>; body: string }[] = []
    const answers = [503, 200]
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) })
      expect(init.redirect).toBe('manual')
      return new Response('', { status: answers.shift() ?? 200 })
    }) as unknown as typeof fetch
    const slept: number[] = []
    const a = createAnnouncer(config.status.subscribers, {
      env: { HOOK_SECRET: 'the-hook-secret' },
      fetch: fetchFn,
      sleep: async (ms) => void slept.push(ms),
    })
    expect(await a.send(hook())).toEqual({ ok: true })
    expect(calls).toHaveLength(2)
    expect(slept).toEqual([1000])
    expect(calls[0]!.headers['x-incidentops-delivery']).toBe(calls[1]!.headers['x-incidentops-delivery'])
    expect(calls[0]!.headers['x-incidentops-signature-256']).toBe(signBody(calls[0]!.body, 'the-hook-secret'))

    const four = createAnnouncer(config.status.subscribers, {
      env: { HOOK_SECRET: 'the-hook-secret' },
      fetch: (async () => new Response('bad token the-hook-secret', { status: 401 })) as unknown as typeof fetch,
      sleep: async () => undefined,
    })
    expect(await four.send(hook())).toEqual({ ok: false, error: 'HTTP 401 "bad token ***"' })
  })

  it('refuses to send unsigned when the secret is missing; a mail failure is reported once, not retried', async () => {
    let fetched = 0
    const a = createAnnouncer(config.status.subscribers, {
      env: {},
      fetch: (async () => (fetched++, new Response(''))) as unknown as typeof fetch,
    })
    const r = await a.send(hook())
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatch(/^the environment variable HOOK_SECRET \(the webhook signing secret\) is not set/)
    expect(fetched).toBe(0)

    let mailed = 0
    const m = createAnnouncer(config.status.subscribers, {
      env: { SMTP_USER: 'u', SMTP_PASS: 'the-smtp-password' },
      mailer: async (_s, auth, mail) => {
        mailed++
        expect(auth).toEqual({ user: 'u', pass: 'the-smtp-password' })
        expect(mail.html).toContain('<h1')
        throw new Error('535 auth failed for the-smtp-password')
      },
      sleep: async () => undefined,
    })
    const mail = announceEffects(notice(), config.status.subscribers)[1]!
    expect(await m.send(mail)).toEqual({ ok: false, error: '535 auth failed for ***' })
    expect(mailed).toBe(1)
  })
})

describe('sent after the write that records it', () => {
  const sent: string[] = []
  const exec = (dryRun: boolean) =>
    new Executor(
      {
        github: {} as GitHubPort,
        announcer: { send: async (e) => (sent.push(`${e.channel}:${e.to}`), { ok: true }) },
      },
      { dryRun, budget: 0, log: () => undefined },
    )
  const n = () => plan(record(), published())!
  const write = (status: 'done' | 'planned' | 'skipped') => ({
    kind: 'update-comment' as const,
    description: 'x',
    status,
  })

  it('sends once the write is done, outside the write budget; nothing when it was skipped; planned in a dry run', async () => {
    sent.length = 0
    expect(
      await announce(n(), write('skipped'), config.status.subscribers, { exec: exec(false), log: () => undefined }),
    ).toEqual([])
    expect(sent).toEqual([])
    const done = await announce(n(), write('done'), config.status.subscribers, {
      exec: exec(false),
      log: () => undefined,
    })
    expect(done.map((a) => a.status)).toEqual(['done', 'done', 'done'])
    expect(sent).toEqual([
      'webhook:https://hooks.example.com/status?token=abc',
      'email:a@example.com',
      'email:b@example.com',
    ])
    sent.length = 0
    const dry = await announce(n(), write('planned'), config.status.subscribers, {
      exec: exec(true),
      log: () => undefined,
    })
    expect(dry.map((a) => a.status)).toEqual(['planned', 'planned', 'planned'])
    expect(sent).toEqual([])
  })
})
