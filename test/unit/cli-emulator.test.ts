/**
 * `incidentops emulator`: a person starts the local GitHub, reads its URL and token from the output,
 * drives it over HTTP (REST with curl's headers, and `incidentops report --api-url`), then stops it.
 * The signal is injected (the command listens to SIGINT/SIGTERM by default; pack-smoke sends a real SIGTERM).
 */
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { emulatorCommand } from '../../src/cli/emulator.js'
import { reportCommand } from '../../src/cli/report.js'

function started(lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now()
    const poll = setInterval(() => {
      if (lines.some((l) => l.startsWith('Stop with Ctrl-C'))) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() - t0 > 30_000) {
        clearInterval(poll)
        reject(new Error(`the emulator did not say it was up:\n${lines.join('\n')}`))
      }
    }, 20)
  })
}

describe('incidentops emulator', () => {
  it('--seed demo: prints the URL and tokens that work with curl-style requests and report --api-url, and stops on the signal', async () => {
    const lines: string[] = []
    const errs: string[] = []
    const stop = new AbortController()
    const running = emulatorCommand(
      ['--seed', 'demo'],
      (s) => lines.push(...s.split('\n')),
      (s) => errs.push(s),
      stop.signal,
    )
    await started(lines)
    const url = /^IncidentOps GitHub emulator at (http:\/\/127\.0\.0\.1:\d+) \(GraphQL: \1\/graphql\)$/.exec(
      lines[0] ?? '',
    )?.[1]
    const token = /^Token: (\S+) {2}\(github-actions\[bot\]/.exec(lines[1] ?? '')?.[1]
    expect(url, lines.join('\n')).toBeTruthy()
    expect(token).toBeTruthy()
    expect(lines.join('\n')).toContain(`GITHUB_TOKEN=${token} incidentops report --repo acme/shop --api-url ${url}`)

    // REST, as the README's curl lines do it.
    const res = await fetch(`${url}/repos/acme/shop/issues?state=all&per_page=100`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
    const issues = (await res.json()) as { number: number; labels: { name: string }[] }[]
    expect(issues.length).toBe(60)
    expect(issues.every((i) => i.labels.some((l) => l.name === 'incident'))).toBe(true)
    expect((await fetch(`${url}/repos/acme/shop/issues`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    )

    // The CLI's report against it: the seeded history ends now, so last week has incidents.
    const report: string[] = []
    const reportErr: string[] = []
    const code = await reportCommand(
      ['--repo', 'acme/shop', '--api-url', url!],
      (s) => report.push(s),
      (s) => reportErr.push(s),
      { GITHUB_TOKEN: token },
    )
    expect(code, reportErr.join('\n')).toBe(0)
    expect(report.join('\n')).toMatch(/^## Reliability report: acme\/shop, \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d$/m)
    expect(report.join('\n')).toMatch(/MTTR/)

    stop.abort()
    expect(await running).toBe(0)
    expect(lines.at(-1)).toBe('Emulator stopped.')
    await expect(fetch(`${url}/rate_limit`)).rejects.toThrow()
    expect(errs).toEqual([])
  })

  it('without --seed: an empty GitHub, and says how to get the demo repository', async () => {
    const lines: string[] = []
    const stop = new AbortController()
    const running = emulatorCommand(
      [],
      (s) => lines.push(...s.split('\n')),
      () => {},
      stop.signal,
    )
    await started(lines)
    expect(lines.join('\n')).toContain('No repository yet: start it with --seed demo')
    stop.abort()
    expect(await running).toBe(0)
  })

  it('a taken --port is exit 1 with what to do', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const port = (blocker.address() as { port: number }).port
    try {
      const errs: string[] = []
      const code = await emulatorCommand(
        ['--port', String(port)],
        () => {},
        (s) => errs.push(s),
        new AbortController().signal,
      )
      expect(code).toBe(1)
      expect(errs.join('\n')).toBe(`Port ${port} is already in use: pass another --port, or omit it for a free one.`)
    } finally {
      blocker.close()
    }
  })
})
