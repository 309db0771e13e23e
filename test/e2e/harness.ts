import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import type { Emulator } from '../../src/emulator/index.js'
import {
  prepareRun as sharedPrepareRun,
  runAction as sharedRunAction,
  type ActionRun,
  type PreparedRun,
  type RunOptions as SharedRunOptions,
} from '../../src/demo/action-runner.js'

const require = createRequire(import.meta.url)
const ROOT = resolve(import.meta.dirname, '..', '..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')

type Example = { action?: string; [k: string]: unknown }
const EXAMPLES = require('@octokit/webhooks-examples') as { name: string; examples: Example[] }[]

/** A real webhook payload from @octokit/webhooks-examples, for the event and action, deep-copied. */
export function example(event: string, action?: string): Record<string, unknown> {
  const group = EXAMPLES.find((e) => e.name === event)
  // Some actions (issues.closed) have no example: take another of the same event, with the action changed.
  const ex = group?.examples.find((e) => action === undefined || e.action === action) ?? group?.examples[0]
  if (!ex) throw new Error(`no webhook example for ${event}`)
  const p = structuredClone(ex) as Record<string, unknown>
  if (action !== undefined) p.action = action
  return p
}

/**
 * An `issues` (or `issue_comment`) payload as GitHub would deliver it now: the real example with
 * only what the scenario needs changed (the issue as the emulator has it, the repository, the sender).
 */
export function issuesPayload(
  emu: Emulator,
  repo: string,
  number: number,
  action: string,
  sender: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const p = example('issues', action)
  const [owner, name] = repo.split('/') as [string, string]
  p.issue = emu.getIssue(repo, number)
  const r = p.repository as Record<string, unknown>
  p.repository = { ...r, name, full_name: repo, owner: { ...(r.owner as object), login: owner } }
  p.sender = { ...(p.sender as object), login: sender }
  return { ...p, ...extra }
}

export type { ActionRun, PreparedRun } from '../../src/demo/action-runner.js'
export { parseOutputs } from '../../src/demo/action-runner.js'

/** The options of runAction: the shared runner's, with the bundle defaulting to this checkout's dist/index.js. */
export type RunOptions = Omit<SharedRunOptions, 'bundle' | 'apiLimits' | 'removeTemp'> & {
  /**
   * Why this run has no dry-run twin: what makes its plan unknowable beforehand (a write GitHub
   * refuses, an event the test injects while the run is in flight). Said, never silent.
   */
  noTwin?: string
}

/** How much longer a test may take under the dry-run twin (every run is made twice): for explicit timeouts. */
export const TWIN_SCALE = process.env.INCIDENTOPS_DRY_TWIN === '1' ? 4 : 1

/**
 * The pace the tests run the action at: no spacing between writes and a millisecond for each second
 * of `retry-after` and back-off, so the retry paths still run, at the speed of the code. The
 * content-creation limits (80/min, 500/h) stay GitHub's, and the emulator enforces them. The bench
 * and test/e2e/pace.test.ts run with GitHub's limits (`'api-limits': ''`).
 */
export const TEST_LIMITS = 'mutation-spacing=0 retry-base=1ms board-settle=0'

/** The shared prepareRun at the tests' pace (TEST_LIMITS unless the inputs set `api-limits`). */
export function prepareRun(o: Parameters<typeof sharedPrepareRun>[0]): PreparedRun {
  return sharedPrepareRun({ apiLimits: TEST_LIMITS, ...o })
}

let runSeq = 1000

/**
 * Runs the built bundle exactly as a runner does: INPUT_* env, event file, output and summary files.
 * With INCIDENTOPS_DRY_TWIN=1 (`npm run test:dry-twin`, a CI step) every run is preceded by the same
 * run in dry-run, which must write nothing and plan exactly what the real run then does (see
 * dryTwin). The twin's requests are taken out of the emulator's log, so the scenario's own request
 * counts stay what they assert.
 */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  const { noTwin, ...rest } = o
  const run = { ...rest, runId: o.runId ?? String(++runSeq) }
  const flight = inFlight(o.emu)
  flight.started++
  flight.running++
  try {
    // Injected faults would hit the twin instead of the run they were armed for; runs in parallel on
    // one emulator (a race under test) mix their requests, so no twin can be told apart from them.
    if (
      process.env.INCIDENTOPS_DRY_TWIN !== '1' ||
      o.inputs?.['dry-run'] === 'true' ||
      o.emu.faults.armed() ||
      noTwin ||
      flight.running > 1
    )
      return await spawnRun(run)
    const started = flight.started
    const before = o.emu.requests.length
    const at = o.emu.clock.now()
    const dry = await spawnRun({ ...run, inputs: { ...o.inputs, 'dry-run': 'true' } })
    if (flight.started !== started || flight.running > 1) return await spawnRun(run) // another run began meanwhile: no verdict
    const twin = o.emu.requests.splice(before)
    // The real run starts at the twin's time: what is due, and every timestamp, is the same for both.
    o.emu.clock.set(at)
    const writes = twin.filter((r) => r.write).map((r) => r.route)
    if (writes.length) throw new Error(`the dry-run twin wrote ${writes.length} time(s): ${writes.join(', ')}`)
    const real = await spawnRun(run)
    if (dry.code === 0 && real.code === 0) {
      const planned = planOf(dry.outputs.actions)
      const done = planOf(real.outputs.actions)
      if (JSON.stringify(normalizeCreated(done)) !== JSON.stringify(planned))
        throw new Error(
          `the dry-run twin planned a different plan from the one the run executed:\nplanned:  ${JSON.stringify(planned, null, 1)}\nexecuted: ${JSON.stringify(normalizeCreated(done), null, 1)}`,
        )
    }
    return real
  } finally {
    flight.running--
  }
}

/** Runs of each emulator: how many are going on now, and how many began in all. */
const flights = new WeakMap<Emulator, { running: number; started: number }>()
function inFlight(emu: Emulator): { running: number; started: number } {
  let f = flights.get(emu)
  if (!f) flights.set(emu, (f = { running: 0, started: 0 }))
  return f
}

type PlanLine = { kind: string; issue?: number; description: string }

function planOf(actions: string | undefined): PlanLine[] {
  const list = JSON.parse(actions || '[]') as (PlanLine & { status: string })[]
  return list.map((a) => ({
    kind: a.kind,
    ...(a.issue !== undefined ? { issue: a.issue } : {}),
    description: a.description,
  }))
}

/** The real run's created issue and pull-request numbers, as a dry run names them: -1, -2, … in order. */
function normalizeCreated(plan: PlanLine[]): PlanLine[] {
  const ids = new Map<number, number>()
  for (const a of plan)
    if ((a.kind === 'create-issue' || a.kind === 'propose-file') && a.issue !== undefined && !ids.has(a.issue))
      ids.set(a.issue, -(ids.size + 1))
  const swap = (n: number): number => ids.get(n) ?? n
  return plan.map((a) => ({
    ...a,
    ...(a.issue !== undefined ? { issue: swap(a.issue) } : {}),
    description: a.description.replace(/#(\d+)/g, (m, d: string) => (ids.has(Number(d)) ? `#${swap(Number(d))}` : m)),
  }))
}

function spawnRun(o: RunOptions & { runId: string }): Promise<ActionRun> {
  return sharedRunAction({ bundle: BUNDLE, apiLimits: TEST_LIMITS, ...BUNDLE_NODE, ...o })
}

/**
 * The Node the bundle runs under: this process's own (the README's `npm test`), or the binary
 * INCIDENTOPS_BUNDLE_NODE names. CI's test step names Node 24 (.ci/node24), the runtime GitHub runs
 * the action on (`runs.using: node24`), while its dry-run twin step keeps the machine's Node 20: every
 * scenario runs on both. From Node 22 on, V8's compile cache (NODE_COMPILE_CACHE, in .tmp/) spares
 * each of the suite's ~800 runs most of the parsing of the 2.7 MB bundle; it is keyed by the file's
 * contents, so a rebuilt bundle is never run from a stale cache. It changes nothing the action sees.
 */
export const BUNDLE_NODE = bundleNode(process.env.INCIDENTOPS_BUNDLE_NODE)

function bundleNode(path: string | undefined): { node?: string; nodeEnv?: Record<string, string> } {
  if (!path) return {}
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8' })
  const version = /^v(\d+)\./.exec(probe.stdout ?? '')
  if (probe.error || probe.status !== 0 || !version)
    throw new Error(
      `INCIDENTOPS_BUNDLE_NODE=${path} is not a Node binary that runs (${probe.error?.message ?? probe.stderr}): unset it, or install one (npm ci --prefix .ci/node24)`,
    )
  const cache = Number(version[1]) >= 22 ? { NODE_COMPILE_CACHE: join(ROOT, '.tmp', 'node-compile-cache') } : undefined
  return { node: path, ...(cache ? { nodeEnv: cache } : {}) }
}

/** Everything a scenario's end state consists of, for comparing replays. */
export function snapshotRepo(emu: Emulator, repo: string): unknown {
  return {
    labels: emu
      .listLabels(repo)
      .map((l) => ({ name: l.name, color: l.color, description: l.description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    issues: emu.listIssues(repo).map((i) => ({
      number: i.number,
      state: i.state,
      labels: i.labels.map((l) => (typeof l === 'string' ? l : l.name)).sort(),
      comments: emu.listComments(repo, i.number).map((c) => ({ user: c.user?.login, body: c.body })),
    })),
  }
}

/** An `issue_comment.created` payload for a comment that exists on the emulator. */
export function commentPayload(
  emu: Emulator,
  repo: string,
  number: number,
  comment: { id: number | bigint },
  sender?: string,
): Record<string, unknown> {
  const p = example('issue_comment', 'created')
  const [owner, name] = repo.split('/') as [string, string]
  const c = emu.listComments(repo, number).find((x) => x.id === comment.id)
  if (!c) throw new Error(`no comment ${comment.id} on ${repo}#${number}`)
  p.issue = emu.getIssue(repo, number)
  p.comment = c
  const r = p.repository as Record<string, unknown>
  p.repository = { ...r, name, full_name: repo, owner: { ...(r.owner as object), login: owner } }
  p.sender = { ...(p.sender as object), login: sender ?? c.user?.login }
  return p
}

/** A `repository_dispatch` payload as GitHub delivers it (the real example, with our event type and client_payload). */
export function dispatchPayload(repo: string, eventType: string, clientPayload: unknown): Record<string, unknown> {
  const p = example('repository_dispatch')
  const [owner, name] = repo.split('/') as [string, string]
  p.action = eventType
  p.client_payload = clientPayload
  const r = p.repository as Record<string, unknown>
  p.repository = { ...r, name, full_name: repo, owner: { ...(r.owner as object), login: owner } }
  return p
}
