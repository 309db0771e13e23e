import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import type { Emulator } from '../emulator/index.js'

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
export function issuesPayload(emu: Emulator, repo: string, number: number, action: string, sender: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const p = example('issues', action)
  const [owner, name] = repo.split('/') as [string, string]
  p.issue = emu.getIssue(repo, number)
  const r = p.repository as Record<string, unknown>
  p.repository = { ...r, name, full_name: repo, owner: { ...(r.owner as object), login: owner } }
  p.sender = { ...(p.sender as object), login: sender }
  return { ...p, ...extra }
}

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunOptions {
  emu: Emulator
  repo: string
  event: string
  payload: unknown
  inputs?: Record<string, string>
  token?: string
  /** A checkout to read the config from; none by default (the config comes through the API). */
  workspace?: string
  /** Node binary (Node 24 smoke); default the current one. */
  node?: string
  /** GITHUB_RUN_ID: the same id is a re-run of the same delivery; default a new one per call. */
  runId?: string
}

let runSeq = 1000

/** How much longer a test may take under the dry-run twin (every run is made twice): for explicit timeouts. */
export const TWIN_SCALE = process.env.INCIDENTOPS_DRY_TWIN === '1' ? 3 : 1

/**
 * The pace the tests run the action at: no spacing between writes and a millisecond for each second
 * of `retry-after` and back-off, so the retry paths still run, at the speed of the code. The
 * content-creation limits (80/min, 500/h) stay GitHub's, and the emulator enforces them. The bench
 * and test/e2e/pace.test.ts run with GitHub's limits (`'api-limits': ''`).
 */
export const TEST_LIMITS = 'mutation-spacing=0 retry-base=1ms board-settle=0'

export interface PreparedRun {
  /** A fresh temporary directory (RUNNER_TEMP), holding the event, output and summary files. */
  dir: string
  env: Record<string, string>
  outputPath: string
  summaryPath: string
}

/**
 * What a runner gives the action, in a fresh directory: the event file, empty GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a workspace (unless one is given), the GITHUB_* variables pointing at
 * the emulator, and INPUT_* for the inputs over the defaults action.yml declares.
 */
export function prepareRun(o: Pick<RunOptions, 'emu' | 'repo' | 'event' | 'payload' | 'inputs' | 'token' | 'workspace'> & { runId: string; prefix: string }): PreparedRun {
  const dir = mkdtempSync(join(tmpdir(), o.prefix))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload))
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary.md')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const inputs: Record<string, string> = {
    'github-token': o.token ?? o.emu.botToken,
    config: '.github/incidents.yml',
    mode: 'auto',
    'dry-run': 'false',
    'project-token': '',
    'api-limits': TEST_LIMITS,
    ...o.inputs,
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repo,
    GITHUB_API_URL: o.emu.url,
    GITHUB_GRAPHQL_URL: o.emu.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: o.workspace ?? join(dir, 'workspace'),
    RUNNER_TEMP: dir,
    GITHUB_RUN_ID: o.runId,
    GITHUB_RUN_ATTEMPT: '1',
  }
  if (!o.workspace) mkdirSync(env.GITHUB_WORKSPACE!, { recursive: true })
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { dir, env, outputPath, summaryPath }
}

/**
 * Runs the built bundle exactly as a runner does: INPUT_* env, event file, output and summary files.
 * With INCIDENTOPS_DRY_TWIN=1 (`npm run test:dry-twin`, a CI step) every run is preceded by the same
 * run in dry-run, which must write nothing and plan exactly what the real run then does (see
 * dryTwin). The twin's requests are taken out of the emulator's log, so the scenario's own request
 * counts stay what they assert.
 */
export async function runAction(o: RunOptions): Promise<ActionRun> {
  const run = { ...o, runId: o.runId ?? String(++runSeq) }
  if (process.env.INCIDENTOPS_DRY_TWIN !== '1' || o.inputs?.['dry-run'] === 'true' || o.emu.faults.armed()) return spawnRun(run)
  const before = o.emu.requests.length
  const at = o.emu.clock.now()
  const dry = await spawnRun({ ...run, inputs: { ...o.inputs, 'dry-run': 'true' } })
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
      throw new Error(`the dry-run twin planned a different plan from the one the run executed:\nplanned:  ${JSON.stringify(planned, null, 1)}\nexecuted: ${JSON.stringify(normalizeCreated(done), null, 1)}`)
  }
  return real
}

type PlanLine = { kind: string; issue?: number; description: string }

function planOf(actions: string | undefined): PlanLine[] {
  const list = JSON.parse(actions || '[]') as (PlanLine & { status: string })[]
  return list.map((a) => ({ kind: a.kind, ...(a.issue !== undefined ? { issue: a.issue } : {}), description: a.description }))
}

/** The real run's created issue and pull-request numbers, as a dry run names them: -1, -2, … in order. */
function normalizeCreated(plan: PlanLine[]): PlanLine[] {
  const ids = new Map<number, number>()
  for (const a of plan) if ((a.kind === 'create-issue' || a.kind === 'propose-file') && a.issue !== undefined && !ids.has(a.issue)) ids.set(a.issue, -(ids.size + 1))
  const swap = (n: number): number => ids.get(n) ?? n
  return plan.map((a) => ({ ...a, ...(a.issue !== undefined ? { issue: swap(a.issue) } : {}), description: a.description.replace(/#(\d+)/g, (m, d: string) => (ids.has(Number(d)) ? `#${swap(Number(d))}` : m)) }))
}

async function spawnRun(o: RunOptions & { runId: string }): Promise<ActionRun> {
  const { env, outputPath, summaryPath } = prepareRun({ ...o, prefix: 'incidentops-run-' })
  if (!existsSync(BUNDLE)) throw new Error('dist/index.js is missing: run `npm run bundle` first')
  const child = spawn(o.node ?? process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number>((res) => child.on('close', (c) => res(c ?? -1)))
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') }
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (m) {
      const [, name, delim] = m
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=')
      out[k!] = v.join('=')
    }
  }
  return out
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
export function commentPayload(emu: Emulator, repo: string, number: number, comment: { id: number | bigint }, sender?: string): Record<string, unknown> {
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
