/**
 * The `incidentops relay` and `incidentops alert` commands. They talk to a person through the
 * `out`/`err` functions the CLI passes in; exit codes: 0 ok, 1 failure, 2 usage.
 */
import type { AddressInfo } from 'node:net'
import { parseAlertDispatch } from '../alerts/parse.js'
import { PayloadError, getErrorMessage } from '../errors.js'
import { REPO_PATTERN, sendDispatch } from './github.js'
import { createRelay } from './server.js'
import { parseCommand } from '../cli/args.js'

type Print = (s: string) => void
type Env = Record<string, string | undefined>

export const RELAY_HELP = `incidentops relay --repo owner/name [--port 8080] [--host 127.0.0.1] [--api-url URL]

Receives monitoring webhooks and forwards each as one repository_dispatch (event type "alert"):
  POST /alertmanager   Prometheus Alertmanager's webhook body
  POST /grafana        Grafana alerting's webhook body
  POST /alert          IncidentOps' own alert schema
  GET  /healthz        health check
Callers authenticate with "Authorization: Bearer $INCIDENTOPS_RELAY_TOKEN".
It listens on 127.0.0.1 (this machine only) unless --host says otherwise (--host 0.0.0.0 for
every interface): it speaks plain HTTP, so put a TLS proxy in front of it before exposing it.

Environment:
  GITHUB_TOKEN              token for GitHub (fine-grained PAT: Contents read & write on the repository)
  INCIDENTOPS_RELAY_TOKEN   the secret callers must send (at least 16 characters)
  GITHUB_API_URL            GitHub's API (default https://api.github.com), overridden by --api-url

Stops on SIGINT/SIGTERM. Exit codes: 0 stopped cleanly, 1 could not start, 2 usage error.`

export const ALERT_HELP = `incidentops alert --repo owner/name --key KEY --title TITLE [--status firing|resolved]
                  [--service NAME] [--severity LEVEL] [--description TEXT] [--api-url URL]

Sends one test alert to the repository as a repository_dispatch (event type "alert") in the
IncidentOps alert schema, as a monitor would. The token comes from GITHUB_TOKEN (a fine-grained
PAT with Contents: read & write on the repository).

Exit codes: 0 sent, 1 the alert or GitHub refused it, 2 usage error.`

/**
 * The command's flags, parsed strictly (src/cli/args.ts). Returns the flags, or an exit code after
 * printing the help (0) or the usage error with the usage (2).
 */
function flags(
  args: string[],
  allowed: string[],
  help: string,
  out: Print,
  err: Print,
): Record<string, string> | number {
  const parsed = parseCommand(args, {
    options: Object.fromEntries(allowed.map((f) => [f, { type: 'string' as const }])),
    maxPositionals: 0,
  })
  if (parsed.kind === 'help') {
    out(help)
    return 0
  }
  if (parsed.kind === 'usage') {
    err(`${parsed.message}\n\n${help}`)
    return 2
  }
  return parsed.values as Record<string, string>
}

function repoArg(f: Record<string, string>, err: Print): string | null {
  const repo = f.repo
  if (!repo) {
    err('--repo owner/name is required.')
    return null
  }
  if (!REPO_PATTERN.test(repo)) {
    err(`--repo must look like owner/name; it is "${repo}".`)
    return null
  }
  return repo
}

function apiUrlArg(f: Record<string, string>, env: Env, err: Print): string | null {
  const url = f['api-url'] ?? env.GITHUB_API_URL ?? 'https://api.github.com'
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)')
    return url.replace(/\/+$/, '')
  } catch {
    err(`--api-url must be an http(s) URL; it is "${url}".`)
    return null
  }
}

/** `incidentops relay`: resolves when the server stops (a signal, or `stop` for tests). */
export async function relayCommand(
  args: string[],
  out: Print,
  err: Print,
  env: Env = process.env,
  hooks: { onListening?: (url: string, stop: () => void) => void } = {},
): Promise<number> {
  const f = flags(args, ['repo', 'port', 'host', 'api-url'], RELAY_HELP, out, err)
  if (typeof f === 'number') return f
  const repo = repoArg(f, err)
  const apiUrl = apiUrlArg(f, env, err)
  if (!repo || !apiUrl) return 2
  const port = Number(f.port ?? '8080')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`--port must be a port number (0-65535); it is "${f.port}".`)
    return 2
  }
  const githubToken = env.GITHUB_TOKEN?.trim()
  const relayToken = env.INCIDENTOPS_RELAY_TOKEN?.trim()
  if (!githubToken) {
    err(
      'GITHUB_TOKEN is not set: the relay needs a token for GitHub (a fine-grained PAT with Contents: read & write on the repository).',
    )
    return 2
  }
  if (!relayToken || relayToken.length < 16) {
    err(
      'INCIDENTOPS_RELAY_TOKEN is not set or shorter than 16 characters: it is the secret monitors send as "Authorization: Bearer …" (e.g. `openssl rand -hex 32`).',
    )
    return 2
  }
  const server = createRelay({
    githubToken,
    repo,
    apiUrl,
    relayToken,
    log: (l) => out(`${new Date().toISOString()} ${l}`),
  })
  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = () => {
      if (stopping) return
      stopping = true
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      out('Stopping the relay…')
      server.close(() => resolve(0))
      server.closeAllConnections()
    }
    server.once('error', (e) => {
      err(`The relay could not start: ${getErrorMessage(e)}`)
      resolve(1)
    })
    // Loopback by default: plain HTTP with a bearer token is for this machine or behind a TLS proxy.
    server.listen(port, f.host ?? '127.0.0.1', () => {
      const a = server.address() as AddressInfo
      const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`
      out(
        `IncidentOps relay listening on ${url}, forwarding to ${repo} via ${apiUrl}. POST /alertmanager, /grafana, /alert; GET /healthz.`,
      )
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
      hooks.onListening?.(url, stop)
    })
  })
}

/** `incidentops alert`: one test alert in our schema, checked locally, then dispatched. */
export async function alertCommand(
  args: string[],
  out: Print,
  err: Print,
  env: Env = process.env,
  sleep?: (ms: number) => Promise<void>,
): Promise<number> {
  const f = flags(
    args,
    ['repo', 'key', 'title', 'status', 'service', 'severity', 'description', 'api-url'],
    ALERT_HELP,
    out,
    err,
  )
  if (typeof f === 'number') return f
  const repo = repoArg(f, err)
  const apiUrl = apiUrlArg(f, env, err)
  if (!repo || !apiUrl) return 2
  for (const required of ['key', 'title']) {
    if (!f[required]) {
      err(`--${required} is required.\n\n${ALERT_HELP}`)
      return 2
    }
  }
  const status = f.status ?? 'firing'
  if (status !== 'firing' && status !== 'resolved') {
    err(`--status must be firing or resolved; it is "${status}".`)
    return 2
  }
  const token = env.GITHUB_TOKEN?.trim()
  if (!token) {
    err(
      'GITHUB_TOKEN is not set: it must hold a token that can create repository dispatches (fine-grained PAT: Contents read & write).',
    )
    return 2
  }
  const now = new Date().toISOString()
  const alert: Record<string, unknown> = {
    status,
    key: f.key,
    title: f.title,
    source: 'cli',
    startsAt: status === 'firing' ? now : null,
    endsAt: status === 'resolved' ? now : null,
  }
  if (f.service) alert.service = f.service
  if (f.severity) alert.severity = f.severity
  if (f.description) alert.description = f.description
  const clientPayload = { incidentops: { version: 1, alerts: [alert] } }
  try {
    parseAlertDispatch('alert', clientPayload)
  } catch (error: unknown) {
    err(`The alert is not valid: ${error instanceof PayloadError ? error.message : getErrorMessage(error)}`)
    return 1
  }
  try {
    const r = await sendDispatch({ apiUrl, token, repo, eventType: 'alert', clientPayload, sleep })
    out(
      `Sent ${status} alert "${f.key}" to ${repo} as repository_dispatch "alert" (HTTP ${r.status}, ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}).`,
    )
    return 0
  } catch (error: unknown) {
    err(getErrorMessage(error))
    return 1
  }
}
