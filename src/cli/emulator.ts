/* `incidentops emulator`: the local GitHub (REST + GraphQL) the demo and the tests use, as a server a person can drive. */
import { startEmulator } from '../emulator/index.js'
import { seedHistory } from '../demo/seed.js'
import { DEMO_REPO, seedDemoWorld } from '../demo/world.js'
import { parseCommand, type CommandSpec } from './args.js'

export const EMULATOR_HELP = `incidentops emulator [--port N] [--seed demo]

Starts a local GitHub emulator (REST at URL, GraphQL at URL/graphql) and prints its URL and the
tokens to use; it stays up until Ctrl-C (SIGINT) or SIGTERM. State lives in memory only.
  --port   the port on 127.0.0.1 (default: a free port, printed)
  --seed   demo: the demo's repository acme/shop (its .github/incidents.yml, the people alice,
           bob and carol, the Projects board "Incidents") and 12 weeks of past incidents
Then, e.g.: GITHUB_TOKEN=<token> incidentops report --repo acme/shop --api-url <URL>
Exit 0 when stopped, 1 when it cannot start (e.g. the port is taken), 2 usage error.`

const SPEC = {
  options: { port: { type: 'string' }, seed: { type: 'string' } },
  maxPositionals: 0,
} satisfies CommandSpec<Record<'port' | 'seed', { type: 'string' }>>
const SEEDS = ['demo']

/** How the command is stopped: by default SIGINT or SIGTERM; tests pass their own signal. */
export type StopSignal = AbortSignal

function processStop(): AbortSignal {
  const ctl = new AbortController()
  const stop = (): void => ctl.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return ctl.signal
}

/** Runs the command; resolves with the exit code once stopped. */
export async function emulatorCommand(
  args: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  stop?: StopSignal,
): Promise<number> {
  const parsed = parseCommand(args, SPEC)
  if (parsed.kind === 'help') {
    out(EMULATOR_HELP)
    return 0
  }
  if (parsed.kind === 'usage') return usage(err, parsed.message)
  const { port: portText, seed } = parsed.values
  let port = 0
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535)
      return usage(err, `--port must be a port number (0-65535); it is "${portText}".`)
    port = Number(portText)
  }
  if (seed !== undefined && !SEEDS.includes(seed))
    return usage(err, `--seed must be demo (the one seed there is); it is "${seed}".`)

  let emu
  try {
    emu = await startEmulator({ port })
  } catch (error: unknown) {
    const code = (error as { code?: string }).code
    err(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use: pass another --port, or omit it for a free one.`
        : `The emulator did not start: ${String(error)}`,
    )
    return 1
  }
  const signal = stop ?? processStop()
  try {
    out(`IncidentOps GitHub emulator at ${emu.url} (GraphQL: ${emu.graphqlUrl})`)
    out(`Token: ${emu.botToken}  (github-actions[bot], what the action gets as GITHUB_TOKEN)`)
    if (seed === 'demo') {
      const world = seedDemoWorld(emu)
      const seeded = seedHistory(emu, DEMO_REPO, {
        now: emu.clock.now().toISOString(),
        count: 60,
        weeks: 12,
        seed: 42,
        chatter: 1,
        forged: 0,
        old: 0.02,
      })
      emu.clock.resume()
      out(
        `Seeded ${DEMO_REPO}: .github/incidents.yml, the board "Incidents" (project 1), ${seeded.length} past incidents (#${seeded[0]!.number}–#${seeded.at(-1)!.number}).`,
      )
      for (const [login, token] of Object.entries(world.tokens)) out(`Token for ${login}: ${token}`)
      out(`Token for the board (project-token): ${world.projectToken}`)
      out('')
      out('Try:')
      out(`  curl -s -H "Authorization: Bearer ${emu.botToken}" ${emu.url}/repos/${DEMO_REPO}/issues?state=all`)
      out(`  GITHUB_TOKEN=${emu.botToken} incidentops report --repo ${DEMO_REPO} --api-url ${emu.url}`)
    } else {
      out('No repository yet: start it with --seed demo for the demo repository acme/shop and its history.')
    }
    out('Stop with Ctrl-C.')
    if (!signal.aborted)
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
    out('Emulator stopped.')
    return 0
  } finally {
    await emu.close()
  }
}

function usage(err: (s: string) => void, message: string): number {
  err(`${message}\n\n${EMULATOR_HELP}`)
  return 2
}
