// `incidentops alert` and `incidentops relay` through the CLI entry point, against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/index.js'
import { relayCommand } from '../../../src/relay/cli.js'
import { startEmulator, type Emulator } from '../../../src/emulator/index.js'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  )
  return { code, out, err }
}

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator()
  emu.addRepo('acme/shop')
})
afterAll(async () => {
  await emu.close()
})

function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  return fn().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
}

describe('incidentops alert', () => {
  it('sends a test alert in our schema as a repository_dispatch', async () => {
    emu.dispatches.length = 0
    const r = await withEnv({ GITHUB_TOKEN: emu.botToken }, () =>
      cli([
        'alert',
        '--repo',
        'acme/shop',
        '--key',
        'checkout-5xx',
        '--title',
        'Checkout 5xx',
        '--service',
        'checkout',
        '--severity',
        'critical',
        '--api-url',
        emu.url,
      ]),
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('Sent firing alert "checkout-5xx" to acme/shop')
    expect(emu.dispatches).toHaveLength(1)
    expect(emu.dispatches[0]).toMatchObject({
      event_type: 'alert',
      client_payload: {
        incidentops: {
          version: 1,
          alerts: [
            {
              status: 'firing',
              key: 'checkout-5xx',
              title: 'Checkout 5xx',
              service: 'checkout',
              severity: 'critical',
              source: 'cli',
              endsAt: null,
            },
          ],
        },
      },
    })
  })

  it('checks the alert before sending it, and needs a token', async () => {
    emu.dispatches.length = 0
    const bad = await withEnv({ GITHUB_TOKEN: emu.botToken }, () =>
      cli(['alert', '--repo', 'acme/shop', '--key', 'has spaces', '--title', 't', '--api-url', emu.url]),
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('alerts[0].key must be 1 to 200 characters')
    const noToken = await withEnv({ GITHUB_TOKEN: undefined }, () =>
      cli(['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--api-url', emu.url]),
    )
    expect(noToken.code).toBe(2)
    expect(noToken.err).toContain('GITHUB_TOKEN is not set')
    expect(emu.dispatches).toHaveLength(0)
  })

  it('reports usage errors with exit 2 and has help', async () => {
    expect((await cli(['alert', '--repo', 'acme/shop', '--title', 't'])).code).toBe(2)
    expect((await cli(['alert', '--repo', 'nope', '--key', 'k', '--title', 't'])).err).toContain(
      '--repo must look like owner/name',
    )
    expect(
      (await cli(['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--status', 'down'])).err,
    ).toContain('--status must be firing or resolved')
    expect((await cli(['alert', '--bogus'])).code).toBe(2)
    const help = await cli(['alert', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('incidentops alert --repo owner/name --key KEY --title TITLE')
  })

  it('fails with exit 1 when GitHub refuses', async () => {
    const r = await withEnv({ GITHUB_TOKEN: 'wrong' }, () =>
      cli(['alert', '--repo', 'acme/shop', '--key', 'k', '--title', 't', '--api-url', emu.url]),
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain('POST /repos/acme/shop/dispatches failed after 1 attempt: HTTP 401')
  })
})

describe('incidentops relay', () => {
  it('refuses to start without its tokens, with a clear error', async () => {
    const noGh = await withEnv({ GITHUB_TOKEN: undefined, INCIDENTOPS_RELAY_TOKEN: 'x'.repeat(32) }, () =>
      cli(['relay', '--repo', 'acme/shop']),
    )
    expect(noGh.code).toBe(2)
    expect(noGh.err).toContain('GITHUB_TOKEN is not set')
    const weak = await withEnv({ GITHUB_TOKEN: 't', INCIDENTOPS_RELAY_TOKEN: 'short' }, () =>
      cli(['relay', '--repo', 'acme/shop']),
    )
    expect(weak.code).toBe(2)
    expect(weak.err).toContain('INCIDENTOPS_RELAY_TOKEN is not set or shorter than 16 characters')
    expect((await cli(['relay'])).err).toContain('--repo owner/name is required')
    expect((await cli(['relay', '--repo', 'acme/shop', '--port', 'http'])).err).toContain(
      '--port must be a port number',
    )
  })

  it('has help, listed in the main help', async () => {
    const r = await cli(['relay', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('POST /alertmanager')
    const top = await cli(['--help'])
    expect(top.out).toContain('incidentops relay --repo owner/name')
    expect(top.out).toContain('incidentops alert --repo owner/name')
  })

  it('serves until stopped, forwarding to the repository', async () => {
    emu.dispatches.length = 0
    const lines: string[] = []
    const code = await relayCommand(
      ['--repo', 'acme/shop', '--port', '0', '--host', '127.0.0.1', '--api-url', emu.url],
      (s) => lines.push(s),
      (s) => lines.push(`ERR ${s}`),
      { GITHUB_TOKEN: emu.botToken, INCIDENTOPS_RELAY_TOKEN: 'relay-token-0123456789' },
      {
        onListening: (url, stop) => {
          void (async () => {
            const health = await fetch(`${url}/healthz`)
            expect(health.status).toBe(200)
            const res = await fetch(`${url}/alert`, {
              method: 'POST',
              headers: { authorization: 'Bearer relay-token-0123456789', 'content-type': 'application/json' },
              body: JSON.stringify({ version: 1, alerts: [{ status: 'firing', key: 'k1', title: 'T' }] }),
            })
            expect(res.status).toBe(202)
            stop()
          })()
        },
      },
    )
    expect(code).toBe(0)
    expect(lines[0]).toMatch(/^IncidentOps relay listening on http:\/\/127\.0\.0\.1:\d+, forwarding to acme\/shop/)
    expect(lines.some((l) => l.includes('→ 202 forwarded alert to acme/shop'))).toBe(true)
    expect(emu.dispatches).toHaveLength(1)
  })
})
