// Delivery over real HTTP to a local receiver (node:http on 127.0.0.1, random port): what arrives,
// and what a failing, throttling or hanging webhook turns into (a warning, never a throw, no URL).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/errors.js'
import { formatNotification, type Notification, type NotifyTarget } from '../../../src/notify/format.js'
import { maskSecrets, parseTargets, sendNotifications } from '../../../src/notify/send.js'

interface Received {
  path: string
  contentType: string | undefined
  body: unknown
}

/** Per path: how the receiver answers. Default 200 "ok". */
type Behaviour = (req: IncomingMessage, res: ServerResponse, hit: number) => void

let server: Server
let base: string
const received: Received[] = []
const hits = new Map<string, number>()
const behaviours = new Map<string, Behaviour>()

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? '/'
      // Behaviours and hit counts are keyed by the first path segment (`/slack`, `/teams`, …).
      const key = `/${path.split(/[/?]/)[1] ?? ''}`
      const hit = (hits.get(key) ?? 0) + 1
      hits.set(key, hit)
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: unknown = raw
      try {
        body = JSON.parse(raw)
      } catch {
        // keep it raw
      }
      received.push({ path, contentType: req.headers['content-type'], body })
      const behave = behaviours.get(key)
      if (behave) return behave(req, res, hit)
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  received.length = 0
  hits.clear()
  behaviours.clear()
})

const n: Notification = {
  event: 'escalation',
  repo: 'acme/shop',
  number: 7,
  title: 'Payments failing @everyone',
  url: 'https://github.com/acme/shop/issues/7',
  priority: 'P2',
  stage: 'Mitigating',
  text: 'Not acknowledged within 15 minutes: paging the next level.',
  at: '2025-03-04T05:06:07Z',
}

// Paths shaped like real webhook URLs: the tokens in them are what must never be printed.
const SECRET = 'xoxTOKENs3cr3tVALUE'
const url = (path: string) => `${base}${path}/${SECRET}?sig=SIGs3cr3t123`

function collect(): { warnings: string[]; warn: (m: string) => void } {
  const warnings: string[] = []
  return { warnings, warn: (m) => warnings.push(m) }
}

function expectNoSecret(warnings: string[], ...urls: string[]): void {
  for (const w of warnings) {
    for (const u of urls) expect(w).not.toContain(u)
    expect(w).not.toContain(SECRET)
    expect(w).not.toContain('SIGs3cr3t123')
    expect(w).not.toContain(base)
    expect(w).not.toMatch(/https?:\/\//)
  }
}

describe('sendNotifications over HTTP', () => {
  it('delivers all four kinds, as JSON with the right content-type and body', async () => {
    const targets = parseTargets({
      slack: url('/slack'),
      teams: url('/teams'),
      discord: url('/discord'),
      webhook: url('/webhook'),
    })
    behaviours.set('/discord', (_req, res) => res.writeHead(204).end()) // Discord answers 204
    behaviours.set('/teams', (_req, res) => res.writeHead(202).end()) // Workflows answer 202
    const { warnings, warn } = collect()
    const result = await sendNotifications(targets, n, { warn })
    expect(warnings).toEqual([])
    expect(result).toEqual({ sent: 4, failed: 0 })
    expect(received).toHaveLength(4)
    for (const t of targets) {
      const r = received.find((x) => x.path.startsWith(`/${t.kind}/`))!
      expect(r.contentType).toBe('application/json')
      expect(r.body).toEqual(formatNotification(t.kind, t, n).body)
    }
    const discord = received.find((x) => x.path.startsWith('/discord/'))!.body as {
      allowed_mentions: unknown
      content: string
    }
    expect(discord.allowed_mentions).toEqual({ parse: [] })
    expect(discord.content).not.toContain('@everyone')
    expect(received.find((x) => x.path.startsWith('/webhook/'))!.body).toMatchObject({
      version: 1,
      event: 'escalation',
      number: 7,
      priority: 'P2',
    })
  })

  it('a receiver answering 500 twice: one retry, one warning naming the kind and status, failed 1, no throw', async () => {
    behaviours.set('/slack', (_req, res) =>
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`internal error for ${url('/slack')}`),
    )
    const waits: number[] = []
    const { warnings, warn } = collect()
    const result = await sendNotifications(parseTargets({ slack: url('/slack'), webhook: url('/webhook') }), n, {
      warn,
      sleep: async (ms) => void waits.push(ms),
    })
    expect(result).toEqual({ sent: 1, failed: 1 })
    expect(hits.get('/slack')).toBe(2)
    expect(waits).toEqual([500])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toBe(
      'Notification to Slack (input notify-slack) failed: HTTP 500 "internal error for ***" after 2 attempts. The notification was not delivered; the incident is not affected.',
    )
    expectNoSecret(warnings, url('/slack'))
  })

  it('retries a 429 after Retry-After, then succeeds', async () => {
    behaviours.set('/discord', (_req, res, hit) =>
      hit === 1 ? res.writeHead(429, { 'retry-after': '0.2' }).end('{"retry_after":0.2}') : res.writeHead(204).end(),
    )
    const waits: number[] = []
    const { warnings, warn } = collect()
    const result = await sendNotifications(parseTargets({ discord: url('/discord') }), n, {
      warn,
      sleep: async (ms) => void waits.push(ms),
    })
    expect(result).toEqual({ sent: 1, failed: 0 })
    expect(waits).toEqual([200])
    expect(warnings).toEqual([])
  })

  it('does not retry a 4xx: the payload or the URL is wrong, and says so', async () => {
    behaviours.set('/teams', (_req, res) => res.writeHead(400).end('Bad payload'))
    const { warnings, warn } = collect()
    const result = await sendNotifications(parseTargets({ teams: url('/teams') }), n, {
      warn,
      sleep: async () => undefined,
    })
    expect(result).toEqual({ sent: 0, failed: 1 })
    expect(received).toHaveLength(1)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toBe(
      'Notification to Microsoft Teams (input notify-teams) failed: HTTP 400 "Bad payload" after 1 attempt. The notification was not delivered; the incident is not affected.',
    )
  })

  it('a receiver that hangs: a timeout warning within the bound, no throw', async () => {
    behaviours.set('/webhook', () => undefined) // never answers
    const { warnings, warn } = collect()
    const started = performance.now()
    const result = await sendNotifications(parseTargets({ webhook: url('/webhook'), slack: url('/slack') }), n, {
      warn,
      timeoutMs: 300,
    })
    const elapsed = performance.now() - started
    expect(result).toEqual({ sent: 1, failed: 1 })
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1500)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toBe(
      'Notification to the generic webhook (input notify-webhook) failed: no answer within 300 ms (timeout). The notification was not delivered; the incident is not affected.',
    )
    expectNoSecret(warnings, url('/webhook'))
  })

  it('a receiver that is gone: a network-error warning after the retry, no throw, no URL', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const gone = `http://127.0.0.1:${port}/hooks/${SECRET}`
    const { warnings, warn } = collect()
    const result = await sendNotifications(parseTargets({ discord: gone }), n, { warn, sleep: async () => undefined })
    expect(result).toEqual({ sent: 0, failed: 1 })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^Notification to Discord \(input notify-discord\) failed: network error \(fetch failed: ECONNREFUSED\) after 2 attempts\./,
    )
    expectNoSecret(warnings, gone)
  })

  it('never throws, even when fetch itself throws synchronously or warn throws', async () => {
    const targets: NotifyTarget[] = [{ kind: 'slack', url: url('/slack') }]
    const boom = (() => {
      throw new Error(`cannot POST ${url('/slack')}`)
    }) as unknown as typeof fetch
    const { warnings, warn } = collect()
    await expect(sendNotifications(targets, n, { warn, fetch: boom, sleep: async () => undefined })).resolves.toEqual({
      sent: 0,
      failed: 1,
    })
    expectNoSecret(warnings, url('/slack'))
    await expect(
      sendNotifications(targets, n, {
        warn: () => {
          throw new Error('logger down')
        },
        fetch: boom,
        sleep: async () => undefined,
      }),
    ).resolves.toEqual({ sent: 0, failed: 1 })
  })

  it('does nothing without targets', async () => {
    const { warnings, warn } = collect()
    expect(await sendNotifications([], n, { warn })).toEqual({ sent: 0, failed: 0 })
    expect(warnings).toEqual([])
  })
})

describe('parseTargets', () => {
  it('takes https URLs, http only on localhost, and skips empty inputs', () => {
    expect(
      parseTargets({
        slack: ' https://hooks.slack.com/services/T0/B0/abc ',
        teams: '',
        discord: undefined,
        webhook: 'http://localhost:8080/in',
      }),
    ).toEqual([
      { kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/abc' },
      { kind: 'webhook', url: 'http://localhost:8080/in' },
    ])
    expect(parseTargets({})).toEqual([])
  })

  it.each([
    ['teams', 'http://prod-00.westus.logic.azure.com/workflows/abc/sig=s3cr3tSIG', 'notify-teams'],
    ['discord', 'not a url s3cr3tSIG', 'notify-discord'],
    ['webhook', 'ftp://example.com/s3cr3tSIG', 'notify-webhook'],
    ['slack', 'javascript:alert("s3cr3tSIG")', 'notify-slack'],
  ] as const)('rejects a bad %s URL with a ConfigError naming the input, not the URL', (kind, bad, input) => {
    let error: unknown
    try {
      parseTargets({ [kind]: bad })
    } catch (e: unknown) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect(message).toContain(`"${input}"`)
    expect(message).not.toContain('s3cr3tSIG')
    expect(message).not.toContain(bad)
  })
})

describe('maskSecrets', () => {
  it('removes the URL, its tokens (also encoded) and any other URL from foreign text', () => {
    const u = 'https://discord.com/api/webhooks/123456789012345678/AbCdEf_token-XYZ'
    const text = `failed ${u}; token AbCdEf_token-XYZ, id 123456789012345678, encoded ${encodeURIComponent(u)}, other https://x.example/y`
    const masked = maskSecrets(text, u)
    expect(masked).not.toContain('AbCdEf_token-XYZ')
    expect(masked).not.toContain('123456789012345678')
    expect(masked).not.toContain('discord.com/api')
    expect(masked).not.toContain('https://')
  })
})
