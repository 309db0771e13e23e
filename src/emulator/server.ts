// The HTTP server and the public Emulator object: authentication, request accounting,
// rate-limit headers, fault injection, and the in-process helpers tests use to act as people
// and to read the end state.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import type { components } from '@octokit/openapi-types'
import {
  ApiError,
  DEFAULT_BRANCH,
  State,
  type Dispatch,
  type Permission,
  type ProjectFieldType,
  type PullRequest,
  type Workflow,
} from './state.js'
import {
  Shapes,
  type RestBranch,
  type RestComment,
  type RestIssue,
  type RestLabel,
  type RestPull,
  type TimelineEvent,
} from './rest-shapes.js'
import { matchRoute, runRest, type RestResponse } from './rest.js'
import { githubGraphqlSchema, prepareGraphql, runGraphql, type PreparedGraphql, type RateWindow } from './graphql.js'
import { changeSeeds, type ChangeSeeds } from './changes.js'
import { FaultInjector, type FaultKind, type Faults } from './faults.js'

export type {
  Permission,
  FaultKind,
  Faults,
  Dispatch,
  Workflow,
  RestIssue,
  RestComment,
  RestLabel,
  RestPull,
  RestBranch,
  TimelineEvent,
}

export interface RequestLog {
  method: string
  /** Path and query string as requested. */
  path: string
  /** Templated: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' or 'POST /graphql IncidentContext'. */
  route: string
  /** HTTP status sent; 0 when a 'timeout' fault dropped the connection. */
  status: number
  write: boolean
  graphql?: { operationName: string | null; mutation: boolean; cost: number }
  /** The fault injected into this request, if any. */
  fault?: FaultKind
  /** When it arrived: real milliseconds (performance.now), for asserting a client's pace. */
  at: number
  /** Who sent it (the token's login), once authenticated. */
  viewer?: string
  /** Created content (an issue, a comment, a pull request): counted against 80/min and 500/h. */
  creation?: boolean
}

/** GitHub's secondary limits on content creation, per identity (docs: "Rate limits for the REST API"). */
export interface EmulatorLimits {
  creationsPerMinute: number
  creationsPerHour: number
}

/** Routes that create content, as GitHub counts them for the 80/min and 500/h limits. */
const CREATION_ROUTES = new Set([
  'POST /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/pulls',
])

export interface Counts {
  total: number
  rest: number
  graphql: number
  writes: number
  byRoute: Record<string, number>
}

export interface ProjectSpec {
  number: number
  title: string
  fields: { name: string; dataType: ProjectFieldType; options?: string[] }[]
}

/** Ids of a project made by addProject, for tests that talk to it directly. */
export interface ProjectHandle {
  id: string
  number: number
  fields: Record<string, { id: string; options: Record<string, string> }>
}

export interface ProjectItemView {
  issue: { repo: string; number: number }
  fields: Record<string, string | null>
}

export interface Emulator {
  /** REST base, 'http://127.0.0.1:PORT'. */
  url: string
  /** `${url}/graphql` */
  graphqlUrl: string
  /** Token of 'github-actions[bot]' (type Bot), the GITHUB_TOKEN identity; write access everywhere. */
  botToken: string
  addUser(login: string, opts?: { type?: 'User' | 'Bot'; token?: string }): { login: string; id: number; token: string }
  addRepo(
    fullName: string,
    opts?: {
      files?: Record<string, string>
      collaborators?: Record<string, Permission>
      owner_type?: 'User' | 'Organization'
    },
  ): void
  setPermission(repo: string, login: string, p: Permission): void
  /**
   * null deletes; served by the contents API and GraphQL object(expression: "HEAD:path").
   * A commit by the repo's owner: the branch (default `main`) moves to a new sha.
   */
  setFile(repo: string, path: string, content: string | null, branch?: string): void
  /** A file's text on a branch (default `main`), or undefined when it is not there. */
  getFile(repo: string, path: string, branch?: string): string | undefined
  /** Every branch, `main` first, then in creation order. */
  listBranches(repo: string): RestBranch[]
  // Acting as a person (what a human does in the UI); not API requests, never faulted or counted.
  createIssue(
    repo: string,
    i: { title: string; body?: string; labels?: string[]; user: string; createdAt?: string },
  ): RestIssue
  createComment(repo: string, issue: number, c: { body: string; user: string }): RestComment
  editIssue(
    repo: string,
    number: number,
    patch: {
      title?: string
      body?: string
      state?: 'open' | 'closed'
      state_reason?: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null
      labels?: string[]
    },
    user: string,
  ): RestIssue
  /** Records 'labeled' timeline events with that actor. */
  addLabelsAs(repo: string, number: number, labels: string[], user: string): void
  // Reading state (REST-shaped plain objects).
  getIssue(repo: string, number: number): RestIssue
  listComments(repo: string, number: number): RestComment[]
  listLabels(repo: string): RestLabel[]
  /** Every issue, open and closed, by number. */
  listIssues(repo: string): RestIssue[]
  timeline(repo: string, number: number): TimelineEvent[]
  /** Every pull request, open and closed, by number (as GET /pulls/{number} shows it). */
  listPulls(repo: string): RestPull[]
  getPull(repo: string, number: number): RestPull
  /**
   * Merges as `user` would with the button: the head branch's changes land on the base branch
   * (its sha moves), and the pull request is closed, merged, merged_by `user`, at the emulator's now.
   */
  mergePull(repo: string, number: number, user: string): RestPull
  clock: { now(): Date; set(d: Date | string): void; advance(ms: number): void; resume(): void }
  // Request accounting.
  requests: RequestLog[]
  counts(): Counts
  resetCounters(): void
  faults: Faults
  /**
   * Calls `fn` with each API request's route before it is handled (what a person does meanwhile:
   * a race a test stages between two of the action's requests); null removes it.
   */
  beforeRequest(fn: ((route: string) => void) | null): void
  /** The content-creation limits enforced (GitHub's by default); tests may change them. */
  limits: EmulatorLimits
  /** Requests refused by the content-creation limit so far. */
  limited(): RequestLog[]
  /** Declares an Actions workflow file (e.g. `incidentops-sweep.yml`), active; its id is returned. */
  addWorkflow(repo: string, file: string): number
  /** The workflow's state and the history of its enable/disable calls. */
  workflow(repo: string, file: string): Workflow
  /** From now on the repo's tokens get 403 on enable/disable (a workflow without `actions: write`). */
  denyActionsWrite(repo: string, denied?: boolean): void
  /** Repository dispatches received (POST /repos/{owner}/{repo}/dispatches). */
  dispatches: Dispatch[]
  addProject(owner: string, spec: ProjectSpec): ProjectHandle
  /** Deployments, their statuses, releases and merged pull requests, seeded (src/emulator/changes.ts). */
  changes: ChangeSeeds
  projectItems(owner: string, number: number): ProjectItemView[]
  close(): Promise<void>
}

const RATE_LIMIT = { core: 5000, graphql: 5000, search: 30 } as const
type Resource = keyof typeof RATE_LIMIT
/** How long a 'timeout' fault holds the socket before destroying it. */
const TIMEOUT_HOLD_MS = 500
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID '

/** Start an emulator on 127.0.0.1 (random port unless given). */
export async function startEmulator(
  opts: { now?: Date | string; port?: number; limits?: Partial<EmulatorLimits> } = {},
): Promise<Emulator> {
  githubGraphqlSchema() // build the big schema now, not inside the first request's timing
  const state = new State()
  if (opts.now !== undefined) state.clock.set(opts.now)
  const faults = new FaultInjector()
  let before: ((route: string) => void) | null = null
  const requests: RequestLog[] = []
  const limits: EmulatorLimits = { creationsPerMinute: 80, creationsPerHour: 500, ...opts.limits }
  // Content created per identity, at the clock's simulated elapsed time (real time + clock jumps).
  const created = new Map<string, number[]>()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  // Rate-limit windows run on real time: clients compare x-ratelimit-reset with their own clock.
  const windows: Record<Resource, { used: number; reset: number }> = {
    core: { used: 0, reset: 0 },
    graphql: { used: 0, reset: 0 },
    search: { used: 0, reset: 0 },
  }
  const windowOf = (r: Resource) => {
    const w = windows[r]
    const now = Math.floor(Date.now() / 1000)
    if (now >= w.reset) {
      w.used = 0
      w.reset = now + 3600
    }
    return w
  }
  const rateOf = (r: Resource): components['schemas']['rate-limit'] => {
    const w = windowOf(r)
    return { limit: RATE_LIMIT[r], used: w.used, remaining: Math.max(0, RATE_LIMIT[r] - w.used), reset: w.reset }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the emulator: answer 500 with the reason, so the failing test shows it.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(
          JSON.stringify({ message: `emulator error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` }),
        )
      } else res.destroy()
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const shapes = new Shapes(url)
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    resource: Resource,
    headers: Record<string, string> = {},
  ): void {
    const rate = rateOf(resource)
    const h: Record<string, string> = {
      'x-ratelimit-limit': String(rate.limit),
      'x-ratelimit-remaining': String(rate.remaining),
      'x-ratelimit-used': String(rate.used),
      'x-ratelimit-reset': String(rate.reset),
      'x-ratelimit-resource': resource,
      'x-github-request-id': `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      // GitHub's own clock, as every HTTP server sends it: the action takes "now" from it, so tests
      // that move the emulator's clock move the action's too.
      date: state.clock.now().toUTCString(),
      ...headers,
    }
    if (status === 204 || body === undefined) {
      res.writeHead(status, h)
      res.end()
      return
    }
    const text = JSON.stringify(body)
    res.writeHead(status, {
      ...h,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    })
    res.end(text)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const method = (req.method ?? 'GET').toUpperCase()
    const reqUrl = new URL(req.url ?? '/', url)
    const pathname = reqUrl.pathname.replace(/\/+$/, '') || '/'
    let body: unknown = undefined
    let badJson = false
    if (raw.trim()) {
      try {
        body = JSON.parse(raw)
      } catch {
        badJson = true
      }
    }

    // Classify first: the route, resource and write-ness are known before anything runs.
    const isGraphql = pathname === '/graphql' && method === 'POST'
    let prepared: PreparedGraphql | null = null
    let route: string
    let write: boolean
    if (isGraphql) {
      prepared = prepareGraphql(body)
      route = `POST /graphql${prepared.operationName ? ` ${prepared.operationName}` : ''}`
      write = prepared.mutation
    } else {
      const m = matchRoute(method, pathname)
      route = `${method} ${m ? m.route.template : pathname}`
      write = method !== 'GET' && method !== 'HEAD'
    }
    const resource: Resource = isGraphql ? 'graphql' : pathname.startsWith('/search/') ? 'search' : 'core'
    const entry: RequestLog = {
      method,
      path: `${reqUrl.pathname}${reqUrl.search}`,
      route,
      status: 0,
      write,
      at: performance.now(),
    }
    if (isGraphql && prepared)
      entry.graphql = { operationName: prepared.operationName, mutation: prepared.mutation, cost: 0 }
    requests.push(entry)
    before?.(route)

    const fault = faults.pick(route)
    if (faults.delay) await sleep(faults.delay)
    // A lost response: the request runs, and its answer is replaced by a 502 below.
    const lost = fault === 'lost-502'
    if (lost) entry.fault = fault
    if (fault !== null && !lost) {
      entry.fault = fault
      if (fault === 'timeout') {
        await sleep(TIMEOUT_HOLD_MS)
        req.socket.destroy()
        return
      }
      if (fault === 'secondary-403' || fault === 429) {
        const id = randomBytes(4).toString('hex').toUpperCase()
        entry.status = fault === 429 ? 429 : 403
        send(
          res,
          entry.status,
          {
            message: `${SECONDARY_MESSAGE}${id}.`,
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
          resource,
          { 'retry-after': '1' },
        )
        return
      }
      entry.status = fault
      send(res, fault, { message: fault === 502 ? 'Server Error' : 'Internal Server Error' }, resource)
      return
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    const viewer = auth?.[1] ? state.tokens.get(auth[1]) : undefined
    if (!viewer) {
      entry.status = 401
      send(
        res,
        401,
        { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
        resource,
      )
      return
    }
    entry.viewer = viewer.login
    const creates = CREATION_ROUTES.has(route) ? 1 : (prepared?.creates ?? 0)
    if (creates > 0) {
      entry.creation = true
      // GitHub's secondary limit: at most 80 content creations a minute and 500 an hour per identity.
      const now = state.clock.elapsed()
      const times = (created.get(viewer.login) ?? []).filter((t) => t > now - 3_600_000)
      const lastMinute = times.filter((t) => t > now - 60_000)
      const over =
        lastMinute.length >= limits.creationsPerMinute
          ? lastMinute[lastMinute.length - limits.creationsPerMinute]! + 60_000
          : times.length >= limits.creationsPerHour
            ? times[times.length - limits.creationsPerHour]! + 3_600_000
            : null
      if (over !== null) {
        entry.status = 403
        const id = randomBytes(4).toString('hex').toUpperCase()
        send(
          res,
          403,
          {
            message: `${SECONDARY_MESSAGE}${id}.`,
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
          resource,
          {
            'retry-after': String(Math.max(1, Math.ceil((over - now) / 1000))),
          },
        )
        return
      }
      times.push(now)
      created.set(viewer.login, times)
    }
    if (badJson) {
      entry.status = 400
      send(
        res,
        400,
        { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' },
        resource,
      )
      return
    }

    if (isGraphql && prepared) {
      const result = runGraphql(
        prepared,
        body,
        {
          state,
          shapes,
          viewer,
          rate: (): RateWindow => {
            const w = windowOf('graphql')
            return { limit: RATE_LIMIT.graphql, used: w.used, resetAt: new Date(w.reset * 1000) }
          },
        },
        (cost) => {
          windowOf('graphql').used += cost
        },
      )
      entry.status = lost ? 502 : 200
      entry.graphql = { operationName: result.operationName, mutation: result.mutation, cost: result.cost }
      if (lost) send(res, 502, { message: 'Server Error' }, resource)
      else send(res, 200, result.body, resource)
      return
    }

    if (pathname !== '/rate_limit') windowOf(resource).used++
    let out: RestResponse
    if (method === 'HEAD') out = { status: 200 }
    else {
      out = runRest(
        method,
        pathname,
        { url: reqUrl, body, viewer },
        {
          state,
          shapes,
          rateLimit: () => ({
            resources: { core: rateOf('core'), graphql: rateOf('graphql'), search: rateOf('search') },
            rate: rateOf('core'),
          }),
        },
      ).res
    }
    entry.status = lost ? 502 : out.status
    if (lost) send(res, 502, { message: 'Server Error' }, resource)
    else send(res, out.status, out.body, resource, out.headers)
  }

  // ---------- helpers ----------

  const perm = (repo: string) => {
    const r = state.mustRepo(repo)
    return (a: Parameters<State['permission']>[1]) => state.permission(r, a)
  }
  /** As the REST API shows it to someone without a role on the repo. */
  const pullShape = (p: PullRequest): RestPull =>
    shapes.pull(p, (a) => state.permission(p.repo, a), 'none', state.openCount(p.repo), state.pullStats(p))
  const apiError = (e: unknown): never => {
    if (e instanceof ApiError)
      throw new Error(`emulator: ${e.message}${e.errors ? ` ${JSON.stringify(e.errors)}` : ''}`)
    throw e
  }

  const emulator: Emulator = {
    url,
    graphqlUrl: `${url}/graphql`,
    botToken: state.bot.token ?? '',
    addUser(login, o = {}) {
      // A helper may already have created this person on first use: hand back the same account.
      const existing = state.account(login)
      if (existing && existing.type === (o.type ?? existing.type) && existing.type !== 'Organization') {
        if (o.token && o.token !== existing.token) {
          if (existing.token) state.tokens.delete(existing.token)
          existing.token = o.token
          state.tokens.set(o.token, existing)
        }
        return { login: existing.login, id: existing.id, token: existing.token ?? '' }
      }
      const a = state.addAccount(login, o.type ?? 'User', o.token)
      return { login: a.login, id: a.id, token: a.token ?? '' }
    },
    addRepo(fullName, o = {}) {
      const r = state.addRepo(fullName, o.owner_type ?? 'User')
      for (const [path, content] of Object.entries(o.files ?? {})) r.files.set(path.replace(/^\/+/, ''), content)
      for (const [login, p] of Object.entries(o.collaborators ?? {})) {
        state.accountOrCreate(login)
        r.collaborators.set(login.toLowerCase(), p)
      }
    },
    setPermission(repo, login, p) {
      state.accountOrCreate(login)
      state.mustRepo(repo).collaborators.set(login.toLowerCase(), p)
    },
    setFile(repo, path, content, branch = DEFAULT_BRANCH) {
      const r = state.mustRepo(repo)
      const b = state.mustBranch(r, branch)
      const key = path.replace(/^\/+/, '')
      if (content === null && !b.files.has(key)) return
      state.writeFile(r, b, key, content, r.owner, `${content === null ? 'Delete' : 'Update'} ${key}`)
    },
    getFile(repo, path, branch = DEFAULT_BRANCH) {
      const r = state.mustRepo(repo)
      return state.mustBranch(r, branch).files.get(path.replace(/^\/+/, ''))
    },
    listBranches(repo) {
      const r = state.mustRepo(repo)
      return [...r.branches.values()].map((b) => shapes.branch(r, b))
    },
    createIssue(repo, i) {
      const r = state.mustRepo(repo)
      try {
        const issue = state.createIssue(r, state.accountOrCreate(i.user), i)
        return shapes.issue(issue, perm(repo))
      } catch (e) {
        return apiError(e)
      }
    },
    createComment(repo, number, c) {
      try {
        const comment = state.createComment(state.mustIssue(repo, number), state.accountOrCreate(c.user), c.body)
        return shapes.comment(comment, perm(repo))
      } catch (e) {
        return apiError(e)
      }
    },
    editIssue(repo, number, patch, user) {
      const issue = state.mustIssue(repo, number)
      const actor = state.accountOrCreate(user)
      try {
        if (patch.title !== undefined || patch.body !== undefined)
          state.updateIssue(issue, actor, {
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.body !== undefined ? { body: patch.body } : {}),
          })
        if (patch.state) state.setState(issue, actor, patch.state, patch.state_reason ?? undefined)
        else if (patch.state_reason && issue.state === 'closed')
          state.setState(issue, actor, 'closed', patch.state_reason)
        if (patch.labels) state.setLabels(issue, actor, patch.labels)
      } catch (e) {
        return apiError(e)
      }
      return shapes.issue(issue, perm(repo))
    },
    addLabelsAs(repo, number, labels, user) {
      state.addLabels(state.mustIssue(repo, number), state.accountOrCreate(user), labels)
    },
    getIssue(repo, number) {
      return shapes.issue(state.mustIssue(repo, number), perm(repo))
    },
    listComments(repo, number) {
      const p = perm(repo)
      return state.mustIssue(repo, number).comments.map((c) => shapes.comment(c, p))
    },
    listLabels(repo) {
      return [...state.mustRepo(repo).labels.values()].map((l) => shapes.label(l))
    },
    listIssues(repo) {
      const p = perm(repo)
      return state.mustRepo(repo).issues.map((i) => shapes.issue(i, p))
    },
    timeline(repo, number) {
      const issue = state.mustIssue(repo, number)
      const p = perm(repo)
      return issue.events.map((e) => shapes.timelineEvent(e, issue, p))
    },
    listPulls(repo) {
      const r = state.mustRepo(repo)
      return [...r.pulls.values()].sort((a, b) => a.number - b.number).map((p) => pullShape(p))
    },
    getPull(repo, number) {
      return pullShape(state.mustPull(repo, number))
    },
    mergePull(repo, number, user) {
      const pull = state.mustPull(repo, number)
      try {
        state.mergePull(pull, state.accountOrCreate(user))
      } catch (e) {
        return apiError(e)
      }
      return pullShape(pull)
    },
    clock: state.clock,
    changes: changeSeeds(state),
    requests,
    counts() {
      const byRoute: Record<string, number> = {}
      let graphql = 0
      let writes = 0
      for (const r of requests) {
        byRoute[r.route] = (byRoute[r.route] ?? 0) + 1
        if (r.graphql) graphql++
        if (r.write) writes++
      }
      return { total: requests.length, rest: requests.length - graphql, graphql, writes, byRoute }
    },
    resetCounters() {
      requests.length = 0
      for (const w of Object.values(windows)) w.used = 0
    },
    faults,
    beforeRequest(fn) {
      before = fn
    },
    limits,
    limited: () => requests.filter((r) => r.creation === true && r.status === 403),
    addWorkflow(repo, file) {
      const r = state.mustRepo(repo)
      const all = state.workflows.get(r.fullName) ?? new Map<string, Workflow>()
      state.workflows.set(r.fullName, all)
      const existing = all.get(file)
      if (existing) return existing.id
      const id = 160_000_000 + all.size + 1
      all.set(file, { id, path: `.github/workflows/${file}`, state: 'active', history: [] })
      return id
    },
    workflow(repo, file) {
      const wf = state.workflows.get(state.mustRepo(repo).fullName)?.get(file)
      if (!wf) throw new Error(`emulator: no workflow ${file} in ${repo}`)
      return wf
    },
    denyActionsWrite(repo, denied = true) {
      const name = state.mustRepo(repo).fullName
      if (denied) state.actionsReadOnly.add(name)
      else state.actionsReadOnly.delete(name)
    },
    dispatches: state.dispatches,
    addProject(owner, spec) {
      const p = state.addProject(owner, spec)
      return {
        id: p.nodeId,
        number: p.number,
        fields: Object.fromEntries(
          p.fields.map((f) => [
            f.name,
            { id: f.nodeId, options: Object.fromEntries(f.options.map((o) => [o.name, o.id])) },
          ]),
        ),
      }
    },
    projectItems(owner, number) {
      const p = state.project(owner, number)
      if (!p) throw new Error(`emulator: no project ${owner}#${number}`)
      return p.items.map((it) => ({
        issue: { repo: it.issue.repo.fullName, number: it.issue.number },
        fields: Object.fromEntries(p.fields.map((f) => [f.name, state.projectValueText(it, f)])),
      }))
    },
    async close() {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
    },
  }
  return emulator
}
