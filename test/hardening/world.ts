// One isolated GitHub (its own emulator) per scenario run, so that faults, request logs and
// kills never leak between scenarios, and the bundle driven as a runner drives it.
import { spawn } from 'node:child_process'
import { startEmulator, type Emulator, type FaultKind } from '../../src/emulator/index.js'
import {
  BUNDLE,
  BUNDLE_NODE,
  commentPayload,
  dispatchPayload,
  example,
  issuesPayload,
  prepareRun,
  runAction,
  type ActionRun,
} from '../e2e/harness.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'

export const OWNER = 'acme'
export const REPO = `${OWNER}/shop`
export const BOT = 'github-actions[bot]'
export const COLUMNS = ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Resolved', 'Postmortem', 'Closed', 'Done']
export const FAULT_KINDS: FaultKind[] = [500, 502, 'secondary-403', 429, 'timeout', 'lost-502']

/** How a world delivers each event. */
export type Mode =
  | { kind: 'plain' }
  /** Every event delivered three times in a row (at-least-once webhooks), each a new workflow run. */
  | { kind: 'triple' }
  /** Every event's first run is SIGKILLed right after its first write landed, then run again (same run id). */
  | { kind: 'kill' }
  /** Seeded random faults on 10% of requests; a failed run must say why and is re-run until it succeeds. */
  | { kind: 'faults'; seed: number; rate: number }

export interface Delivery {
  event: string
  payload: unknown
  runId: string
  at: string
}

export interface WorldStats {
  runs: number
  failedRuns: number
  killed: number
  /** Failed runs' ::error:: lines (each names GitHub and the HTTP status). */
  errors: string[]
}

const STACK = /\n\s+at .+:\d+:\d+\)?/

/** Runs the bundle like runAction does, and SIGKILLs it as soon as one of its writes has landed. */
export async function runKilledAfterFirstWrite(o: {
  emu: Emulator
  repo: string
  event: string
  payload: unknown
  inputs?: Record<string, string>
  runId: string
}): Promise<{ killed: boolean; code: number | null }> {
  const { env } = prepareRun({ ...o, prefix: 'incidentops-kill-' })
  const from = o.emu.requests.length
  const child = spawn(BUNDLE_NODE.node ?? process.execPath, [BUNDLE], {
    env: { ...env, ...BUNDLE_NODE.nodeEnv },
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  let killed = false
  const timer = setInterval(() => {
    for (let i = from; i < o.emu.requests.length; i++) {
      const r = o.emu.requests[i]!
      if (r.write && r.status >= 200 && r.status < 300) {
        killed = child.kill('SIGKILL')
        clearInterval(timer)
        return
      }
    }
  }, 2)
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)))
  clearInterval(timer)
  return { killed, code }
}

/** One repository on its own emulator, with the board, the people and the config of a scenario. */
export class World {
  emu!: Emulator
  projectToken = ''
  readonly delivered: Delivery[] = []
  readonly stats: WorldStats = { runs: 0, failedRuns: 0, killed: 0, errors: [] }
  private seq = 0
  private faulting = false

  constructor(
    readonly name: string,
    readonly mode: Mode,
    readonly config: string,
    readonly board: boolean,
  ) {}

  async start(): Promise<this> {
    this.emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
    for (const u of ['alice', 'bob', 'mallory', 'reader', 'triager']) this.emu.addUser(u)
    this.emu.addUser('dependabot[bot]', { type: 'Bot' })
    this.projectToken = this.board ? this.emu.addUser('board-bot').token : ''
    this.emu.addRepo(REPO, {
      collaborators: { alice: 'write', bob: 'maintain', reader: 'read', triager: 'triage' },
      files: this.config ? { '.github/incidents.yml': this.config } : {},
    })
    // An ordinary issue #1 that carries the `incident` label once, so the label exists (as after copying the form).
    this.emu.createIssue(REPO, { title: 'seed', user: 'alice' })
    this.emu.addLabelsAs(REPO, 1, ['incident'], 'alice')
    this.emu.editIssue(REPO, 1, { labels: [] }, 'alice')
    if (this.board) {
      this.emu.addProject(OWNER, {
        number: 1,
        title: 'Incidents',
        fields: [
          { name: 'Status', dataType: 'SINGLE_SELECT', options: COLUMNS },
          { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P1', 'P2', 'P3', 'P4'] },
          { name: 'Started', dataType: 'DATE' },
          { name: 'Resolved', dataType: 'DATE' },
          { name: 'Service', dataType: 'TEXT' },
        ],
      })
    }
    return this
  }

  async close(): Promise<void> {
    this.emu.faults.random(null)
    await this.emu.close()
  }

  private inputs(): Record<string, string> {
    return { 'project-token': this.projectToken }
  }

  /** One plain run of the bundle. */
  async once(event: string, payload: unknown, runId: string): Promise<ActionRun> {
    this.stats.runs++
    return runAction({ emu: this.emu, repo: REPO, event, payload, runId, inputs: this.inputs() })
  }

  /** Delivers one event the way this world's mode says, and asserts it ends well. */
  async deliver(event: string, payload: unknown, at: string, runId = `run-${++this.seq}`): Promise<void> {
    this.emu.clock.set(at)
    this.delivered.push({ event, payload, runId, at })
    const m = this.mode
    if (m.kind === 'plain') return this.must(await this.once(event, payload, runId))
    if (m.kind === 'triple') {
      for (let i = 0; i < 3; i++)
        this.must(await this.once(event, payload, i === 0 ? runId : `${runId}-redelivery-${i}`))
      return
    }
    if (m.kind === 'kill') {
      this.stats.runs++
      const k = await runKilledAfterFirstWrite({
        emu: this.emu,
        repo: REPO,
        event,
        payload,
        inputs: this.inputs(),
        runId,
      })
      if (k.killed) this.stats.killed++
      // A re-run of the same workflow run (same GITHUB_RUN_ID) finishes the job.
      return this.must(await this.once(event, payload, runId))
    }
    // Faults: run until it succeeds (bounded); every failure must be a clear message naming GitHub and the status.
    // One seeded sequence for the whole world (re-seeding per event would reuse the generator's first, weakest draws).
    if (!this.faulting) this.emu.faults.random({ rate: m.rate, seed: m.seed, kinds: FAULT_KINDS })
    this.faulting = true
    {
      for (let attempt = 1; ; attempt++) {
        const r = await this.once(event, payload, runId)
        if (r.code === 0) return
        this.stats.failedRuns++
        const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
        this.stats.errors.push(error)
        if (
          !/^::error::IncidentOps failed: GitHub API .+ failed \(HTTP (4\d\d|5\d\d)\)/.test(error) ||
          STACK.test(r.stdout + r.stderr)
        ) {
          throw new Error(
            `${this.name}: a failed run must say which GitHub call failed and its status, without a stack trace:\n${r.stdout}\n${r.stderr}`,
          )
        }
        if (attempt >= 8) throw new Error(`${this.name}: still failing after ${attempt} runs: ${error}`)
      }
    }
  }

  private must(r: ActionRun): void {
    if (r.code !== 0) throw new Error(`${this.name} (${this.mode.kind}): the run failed:\n${r.stdout}\n${r.stderr}`)
  }

  // ---------- acting as people ----------

  openIncident(body: string, title: string, at: string, user = 'alice'): number {
    this.emu.clock.set(at)
    return this.emu.createIssue(REPO, { title, body, labels: ['incident'], user }).number
  }

  async opened(n: number, at: string, sender = 'alice'): Promise<void> {
    await this.deliver('issues', issuesPayload(this.emu, REPO, n, 'opened', sender), at)
  }

  async say(n: number, user: string, text: string, at: string): Promise<void> {
    this.emu.clock.set(at)
    const c = this.emu.createComment(REPO, n, { body: text, user })
    await this.deliver('issue_comment', commentPayload(this.emu, REPO, n, c), at)
  }

  async editBody(n: number, body: string, at: string): Promise<void> {
    this.emu.clock.set(at)
    this.emu.editIssue(REPO, n, { body }, 'alice')
    await this.deliver('issues', issuesPayload(this.emu, REPO, n, 'edited', 'alice'), at)
  }

  async closeIssue(n: number, at: string, user = 'bob'): Promise<void> {
    this.emu.clock.set(at)
    this.emu.editIssue(REPO, n, { state: 'closed', state_reason: 'completed' }, user)
    await this.deliver('issues', issuesPayload(this.emu, REPO, n, 'closed', user), at)
  }

  async alert(clientPayload: unknown, at: string): Promise<void> {
    await this.deliver('repository_dispatch', dispatchPayload(REPO, 'alert', clientPayload), at)
  }

  async sweep(at: string): Promise<void> {
    await this.deliver('schedule', { schedule: '*/10 * * * *', ...example('watch'), action: undefined }, at)
  }

  snapshot(): Snapshot {
    return snapshot(this.emu, this.board)
  }
}

// ---------- the end state ----------

export interface Snapshot {
  labels: { name: string; color: string; description: string | null }[]
  issues: {
    number: number
    title: string
    state: string
    reason: string | null
    labels: string[]
    assignees: string[]
    body: string
    comments: { user: string | undefined; body: string; record?: unknown }[]
  }[]
  board: { issue: number; fields: Record<string, string | null> }[]
}

/**
 * Everything the scenario's end state consists of: labels, issues (state, labels, assignees,
 * body), every comment, and the board items. Ids the emulator hands out in the order requests
 * arrive (comment ids inside markers and the record, the board's node ids) are replaced by the
 * comment's position, so two worlds that did the same things compare equal.
 */
export function snapshot(emu: Emulator, board: boolean): Snapshot {
  const ids = new Map<number, string>()
  const issues = emu.listIssues(REPO)
  for (const i of issues) emu.listComments(REPO, i.number).forEach((c, k) => ids.set(Number(c.id), `c${i.number}.${k}`))
  const idOf = (n: number | string): string => ids.get(Number(n)) ?? `?${n}`
  const markers = (s: string): string =>
    s
      .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://emulator')
      .replace(/(<!-- incidentops:(?:reply|help|followup:\d+):)(\d+)/g, (_, p: string, id: string) => `${p}${idOf(id)}`)
  return {
    labels: emu
      .listLabels(REPO)
      .map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    issues: issues.map((i) => ({
      number: i.number,
      title: i.title,
      state: i.state,
      reason: i.state_reason ?? null,
      labels: i.labels.map((l) => (typeof l === 'string' ? l : l.name!)).sort(),
      assignees: (i.assignees ?? []).map((a) => a.login).sort(),
      body: markers(i.body ?? ''),
      comments: emu.listComments(REPO, i.number).map((c) => {
        const body = c.body ?? ''
        const rec = body.startsWith(CARD_MARKER) ? decodeRecord(body) : null
        if (!rec) return { user: c.user?.login, body: markers(body) }
        const r = structuredClone(rec) as unknown as Record<string, unknown>
        delete r.board
        r.processed = ((r.processed as number[] | undefined) ?? []).map(idOf)
        r.pendingFollowups = ((r.pendingFollowups as { key: string; title: string }[] | undefined) ?? []).map((p) => ({
          ...p,
          key: p.key.replace(/^\d+/, (d) => idOf(d)),
        }))
        return {
          user: c.user?.login,
          body: markers(body.replace(/<!-- incidentops:record:v1:[A-Za-z0-9+/=]+ -->/, '<!-- record -->')),
          record: r,
        }
      }),
    })),
    board: board
      ? emu
          .projectItems(OWNER, 1)
          .map((it) => ({ issue: it.issue.number, fields: it.fields }))
          .sort((a, b) => a.issue - b.issue)
      : [],
  }
}

/**
 * Writes that happened twice: a second card on an issue, two comments of ours with the same
 * leading marker, two issues of ours with the same leading marker (alert key, postmortem,
 * follow-up), two board items for one issue. Each is named.
 */
export function duplicates(s: Snapshot): string[] {
  const out: string[] = []
  const first = (t: string): string | null => /^<!-- incidentops:[^>]+ -->/.exec(t)?.[0] ?? null
  const issueMarkers = new Map<string, { number: number; state: string }[]>()
  for (const i of s.issues) {
    const m = first(i.body)
    if (m) {
      const same = issueMarkers.get(m) ?? []
      // An alert may open a new incident after the old one was closed; two open ones, or any other repeat, is a duplicate.
      const clash = m.includes('incidentops:alert-key:')
        ? same.find((x) => x.state === 'open' && i.state === 'open')
        : same[0]
      if (clash) out.push(`#${i.number} repeats #${clash.number} (${m})`)
      issueMarkers.set(m, [...same, { number: i.number, state: i.state }])
    }
    if (i.comments.some((c) => c.user === BOT && c.body.includes('Duplicate of #')))
      out.push(`#${i.number} was opened twice and closed as a duplicate`)
    const seen = new Set<string>()
    for (const c of i.comments.filter((x) => x.user === BOT)) {
      const cm = first(c.body)
      if (!cm) continue
      if (seen.has(cm)) out.push(`#${i.number}: ${cm} posted twice`)
      seen.add(cm)
    }
  }
  const items = new Map<number, number>()
  for (const b of s.board) items.set(b.issue, (items.get(b.issue) ?? 0) + 1)
  for (const [n, k] of items) if (k > 1) out.push(`#${n} is on the board ${k} times`)
  return out
}

/** Runs tasks with at most `n` at a time (the bundle runs are CPU-bound on 2 cores). */
export async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(n, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++
        out[i] = await tasks[i]!()
      }
    }),
  )
  return out
}
