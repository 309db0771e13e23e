// The relay bounds what a stranger can hold (issue #14): request and idle timeouts, a connection
// cap, JSON-only content types, and a back-off per address after wrong tokens. Real sockets on
// 127.0.0.1 against the real server, forwarding to the local GitHub emulator.
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createRelay, type RelayOptions } from '../../../src/relay/server.js'
import { relayCommand } from '../../../src/relay/cli.js'
import { startEmulator, type Emulator } from '../../../src/emulator/index.js'

const RELAY_TOKEN = 'relay-secret-0123456789abcdef'
const REPO = 'acme/shop'
const ALERT = JSON.stringify({ version: 1, alerts: [{ status: 'firing', key: 'k1', title: 'Probe failing' }] })

let emu: Emulator
let server: Server | null = null
let port = 0
let base = ''
let clock = 1_000_000
const sockets: Socket[] = []

beforeAll(async () => {
  emu = await startEmulator()
  emu.addRepo(REPO)
})
afterAll(async () => emu.close())
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy()
  if (server) {
    server.closeAllConnections()
    await new Promise<void>((r) => server!.close(() => r()))
    server = null
  }
})

async function start(over: Partial<RelayOptions> = {}): Promise<void> {
  emu.dispatches.length = 0
  server = createRelay({
    githubToken: emu.botToken,
    repo: REPO,
    apiUrl: emu.url,
    relayToken: RELAY_TOKEN,
    log: () => {},
    sleep: async () => {},
    now: () => clock,
    ...over,
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()))
  port = (server!.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
}

/** A raw socket to the relay, recording what it receives and when it is closed. */
async function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const t0 = Date.now()
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let data = ''
  socket.on('data', (d: Buffer) => (data += d.toString()))
  socket.on('error', () => {})
  const closed = new Promise<number>((r) => socket.on('close', () => r(Date.now() - t0)))
  await new Promise<void>((r, j) => {
    socket.once('connect', () => r())
    socket.once('error', j)
  })
  return { socket, received: () => data, closed }
}

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([p, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))])

function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers, body })
}

describe('relay limits', () => {
  it('an authenticated body that never ends, trickled so the socket is never idle, is cut off after the request timeout (408)', async () => {
    await start({ timeoutMs: 400 })
    const c = await open()
    c.socket.write(
      `POST /alert HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${RELAY_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"version":1,`,
    )
    const trickle = setInterval(() => c.socket.writable && c.socket.write(' '), 50)
    const ms = await within(c.closed, 5_000)
    clearInterval(trickle)
    expect(ms).not.toBe('still open')
    expect(ms as number).toBeLessThan(2_000)
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/)
    expect(emu.dispatches).toHaveLength(0)
  })

  it('headers that never end, and sockets that send nothing, are closed after the timeout', async () => {
    await start({ timeoutMs: 400 })
    const slow = await open()
    slow.socket.write('POST /alert HTTP/1.1\r\nHost: x\r\n')
    const idle = await Promise.all(Array.from({ length: 10 }, () => open()))
    for (const c of [slow, ...idle]) {
      const ms = await within(c.closed, 5_000)
      expect(ms).not.toBe('still open')
      expect(ms as number).toBeLessThan(2_500)
    }
  })

  it('caps open connections: past the cap a new one is closed at once, and service resumes when they go', async () => {
    await start({ timeoutMs: 10_000, maxConnections: 3 })
    const held = await Promise.all([open(), open(), open()])
    const extra = await open()
    const ms = await within(extra.closed, 2_000)
    expect(ms).not.toBe('still open')
    expect(extra.received()).toBe('')
    for (const c of held) c.socket.destroy()
    await Promise.all(held.map((c) => c.closed))
    await new Promise((r) => setTimeout(r, 50))
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
  })

  it('answers 415 for a body that is not declared JSON (text/plain, form, none) and forwards nothing', async () => {
    await start()
    const auth = { authorization: `Bearer ${RELAY_TOKEN}` }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/json']) {
      const r = await post('/alert', ALERT, { ...auth, 'content-type': type })
      expect(r.status, type).toBe(415)
      expect(((await r.json()) as { error: string }).error).toContain('Content-Type: application/json')
    }
    const none = await fetch(`${base}/alert`, { method: 'POST', headers: auth, body: new Blob([ALERT]) })
    expect(none.status).toBe(415)
    expect(emu.dispatches).toHaveLength(0)
    const ok = await post('/alert', ALERT, { ...auth, 'content-type': 'application/json; charset=utf-8' })
    expect(ok.status).toBe(202)
    expect(emu.dispatches).toHaveLength(1)
  })

  it('slows down an address that keeps sending wrong tokens (429, Retry-After doubling), even with the right one; the wait ends', async () => {
    clock = 1_000_000
    await start({ authFailuresAllowed: 2 })
    const json = { 'content-type': 'application/json' }
    const wrong = () => post('/alert', ALERT, { ...json, authorization: 'Bearer wrong-token-0000000000' })
    const right = () => post('/alert', ALERT, { ...json, authorization: `Bearer ${RELAY_TOKEN}` })
    expect((await wrong()).status).toBe(401)
    expect((await wrong()).status).toBe(401)
    expect((await wrong()).status).toBe(401) // the third in a row starts a 1 s wait
    const held = await right()
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('1')
    expect(emu.dispatches).toHaveLength(0)
    clock += 1_001
    expect((await wrong()).status).toBe(401) // the fourth: a 2 s wait
    const longer = await right()
    expect(longer.status).toBe(429)
    expect(longer.headers.get('retry-after')).toBe('2')
    clock += 2_001
    expect((await right()).status).toBe(202)
    // A right token clears the address.
    expect((await wrong()).status).toBe(401)
    expect((await wrong()).status).toBe(401)
    expect((await right()).status).toBe(202)
    expect(emu.dispatches).toHaveLength(2)
  })

  it('listens on 127.0.0.1 unless --host says otherwise', async () => {
    const lines: string[] = []
    const code = await relayCommand(
      ['--repo', REPO, '--port', '0', '--api-url', emu.url],
      (s) => lines.push(s),
      (s) => lines.push(`ERR ${s}`),
      { GITHUB_TOKEN: emu.botToken, INCIDENTOPS_RELAY_TOKEN: RELAY_TOKEN },
      { onListening: (_url, stop) => stop() },
    )
    expect(code).toBe(0)
    expect(lines[0]).toMatch(/^IncidentOps relay listening on http:\/\/127\.0\.0\.1:\d+,/)
  })
})
