// The REST half of the emulator: a small route table over the shared state. Handlers
// return { status, body, headers }; the server adds rate-limit headers, accounting and faults.

import type { components } from '@octokit/openapi-types'
import {
  ApiError,
  DEFAULT_BRANCH,
  atLeast,
  compareKeys,
  type Account,
  type ErrorDetail,
  type Issue,
  type IssueFilter,
  type Permission,
  type PullRequest,
  type Repo,
  type State,
} from './state.js'
import type { Shapes } from './rest-shapes.js'
import {
  addDeploymentStatus,
  changesOf,
  createDeployment,
  createRelease,
  pullCommits,
  type Deployment,
  type Release,
} from './changes.js'

const DOCS = 'https://docs.github.com/rest'
const SEARCH_CAP = 1000

export interface RestRequest {
  method: string
  url: URL
  params: Record<string, string>
  body: unknown
  viewer: Account
}

export interface RestResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Handler = (req: RestRequest, ctx: RestContext) => RestResponse

export interface RestContext {
  state: State
  shapes: Shapes
  rateLimit(): components['schemas']['rate-limit-overview']
}

interface Route {
  method: string
  template: string
  regex: RegExp
  names: string[]
  handler: Handler
}

const routes: Route[] = []

/**
 * Register a route. `{path}` and `{ref}` match across slashes (contents API, `heads/main`);
 * `*_number` and `*_id` only match digits, so `/issues/comments/1` never parses as issue "comments".
 */
function route(method: string, template: string, handler: Handler): void {
  const names: string[] = []
  const pattern = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name)
    if (name === 'path' || name === 'ref') return '(.+)'
    // GitHub takes a workflow's file name as its id too (`/actions/workflows/ci.yml/enable`).
    if (name === 'workflow_id') return '([^/]+)'
    if (/_(number|id)$/.test(name)) return '(\\d+)'
    return '([^/]+)'
  })
  routes.push({ method, template, regex: new RegExp(`^${pattern}/?$`), names, handler })
}

/** The route for a request, with its template (for accounting) and decoded params. */
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    if (r.method !== method) continue
    const m = r.regex.exec(pathname)
    if (!m) continue
    const params: Record<string, string> = {}
    r.names.forEach((n, idx) => {
      params[n] = decodeURIComponent(m[idx + 1] ?? '')
    })
    return { route: r, params }
  }
  return null
}

export function notFound(message = 'Not Found'): RestResponse {
  return { status: 404, body: { message, documentation_url: DOCS, status: '404' } }
}

function forbidden(message = 'Must have admin rights to Repository.'): RestResponse {
  return { status: 403, body: { message, documentation_url: DOCS, status: '403' } }
}

function unprocessable(message: string, errors?: ErrorDetail[]): RestResponse {
  const body: components['schemas']['validation-error'] = {
    message,
    documentation_url: DOCS,
    ...(errors ? { errors } : {}),
  }
  return { status: 422, body }
}

/** Runs a handler and turns thrown ApiErrors into GitHub's error bodies. */
export function runRest(
  method: string,
  pathname: string,
  req: Omit<RestRequest, 'params' | 'method'>,
  ctx: RestContext,
): { template: string | null; res: RestResponse } {
  const m = matchRoute(method, pathname)
  if (!m) return { template: null, res: notFound() }
  try {
    return { template: m.route.template, res: m.route.handler({ ...req, method, params: m.params }, ctx) }
  } catch (e) {
    if (e instanceof ApiError) {
      if (e.status === 422) return { template: m.route.template, res: unprocessable(e.message, e.errors) }
      return {
        template: m.route.template,
        res: { status: e.status, body: { message: e.message, documentation_url: DOCS } },
      }
    }
    throw e
  }
}

// ---------- helpers ----------

function repoOf(req: RestRequest, ctx: RestContext): Repo {
  const r = ctx.state.repo(`${req.params.owner}/${req.params.repo}`)
  if (!r) throw new ApiError(404, 'Not Found')
  return r
}

function issueOf(req: RestRequest, ctx: RestContext): { repo: Repo; issue: Issue } {
  const repo = repoOf(req, ctx)
  // A pull request's number finds nothing here: the emulator keeps pull requests out of the issues API.
  const issue = repo.issueByNumber.get(Number(req.params.issue_number))
  if (!issue) throw new ApiError(404, 'Not Found')
  return { repo, issue }
}

function perm(ctx: RestContext, repo: Repo): (a: Account) => Permission {
  return (a) => ctx.state.permission(repo, a)
}

function can(ctx: RestContext, repo: Repo, who: Account, need: Permission): boolean {
  return atLeast(ctx.state.permission(repo, who), need)
}

function obj(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'Problems parsing JSON')
  return body as Record<string, unknown>
}

/** `labels` may be strings or `{name}` objects, as GitHub accepts both. */
function labelNames(v: unknown, field = 'labels'): string[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }])
  return v.map((x: unknown) => {
    if (typeof x === 'string') return x
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string')
      return (x as { name: string }).name
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }])
  })
}

function strings(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Issue', code: 'invalid', field }])
  return v as string[]
}

function optString(v: unknown, field: string, resource: string): string | null | undefined {
  if (v === undefined || v === null || typeof v === 'string') return v
  throw new ApiError(422, 'Invalid request.', [{ resource, code: 'invalid', field }])
}

/**
 * One page of `list` with GitHub's `Link` header (prev, next, last, first).
 * `cap` limits how far one may page (search serves only the first 1,000 results).
 */
export function paginate<T>(
  list: readonly T[],
  url: URL,
  cap = Infinity,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30))
  const page = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1))
  const reachable = Math.min(list.length, cap)
  if (cap !== Infinity && (page - 1) * perPage >= cap)
    throw new ApiError(422, 'Only the first 1000 search results are available', [
      { resource: 'Search', code: 'invalid', field: 'page' },
    ])
  const last = Math.max(1, Math.ceil(reachable / perPage))
  const start = (page - 1) * perPage
  const items = list.slice(start, Math.min(start + perPage, reachable))
  const at = (p: number): string => {
    const u = new URL(url.href)
    u.searchParams.set('page', String(p))
    return `<${u.href}>`
  }
  const links: string[] = []
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`)
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`)
  if (page > 1) links.push(`${at(1)}; rel="first"`)
  return { items, headers: links.length ? { link: links.join(', ') } : {} }
}

// ---------- routes ----------

route('GET', '/rate_limit', (_req, ctx) => ({ status: 200, body: ctx.rateLimit() }))

route('GET', '/user', (req, ctx) => {
  // An installation token (GITHUB_TOKEN) is not a user: GitHub answers 403 here.
  if (req.viewer.type === 'Bot') return forbidden('Resource not accessible by integration')
  return { status: 200, body: ctx.shapes.user(req.viewer) }
})

route('GET', '/repos/{owner}/{repo}', (req, ctx) => {
  const repo = repoOf(req, ctx)
  return { status: 200, body: ctx.shapes.repo(repo, ctx.state.permission(repo, req.viewer), ctx.state.openCount(repo)) }
})

// --- issues ---

function issueFilter(q: URLSearchParams): IssueFilter {
  const state = q.get('state') ?? 'open'
  const sort = q.get('sort') ?? 'created'
  const direction = q.get('direction') ?? 'desc'
  if (
    !['open', 'closed', 'all'].includes(state) ||
    !['created', 'updated', 'comments'].includes(sort) ||
    !['asc', 'desc'].includes(direction)
  )
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state' }])
  const labels = q.get('labels')
  return {
    state: state as IssueFilter['state'],
    sort: sort as IssueFilter['sort'],
    direction: direction as IssueFilter['direction'],
    labels: labels
      ? labels
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : undefined,
    since: q.get('since') ?? undefined,
    creator: q.get('creator') ?? undefined,
    assignee: q.get('assignee') ?? undefined,
  }
}

route('GET', '/repos/{owner}/{repo}/issues', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const { items, headers } = paginate(ctx.state.listIssues(repo, issueFilter(req.url.searchParams)), req.url)
  return { status: 200, body: items.map((i) => ctx.shapes.issue(i, perm(ctx, repo))), headers }
})

route('POST', '/repos/{owner}/{repo}/issues', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const b = obj(req.body)
  if (typeof b.title !== 'string' && typeof b.title !== 'number')
    throw new ApiError(422, 'Invalid request.\n\n"title" wasn\'t supplied.', [
      { resource: 'Issue', code: 'missing_field', field: 'title' },
    ])
  // "Only users with push access can set labels/assignees for new issues. [They] are silently dropped otherwise."
  const push = can(ctx, repo, req.viewer, 'write')
  const issue = ctx.state.createIssue(repo, req.viewer, {
    title: String(b.title),
    body: optString(b.body, 'body', 'Issue'),
    labels: push ? labelNames(b.labels) : [],
    assignees: push ? strings(b.assignees, 'assignees').concat(typeof b.assignee === 'string' ? [b.assignee] : []) : [],
  })
  return {
    status: 201,
    body: ctx.shapes.issue(issue, perm(ctx, repo)),
    headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/issues/${issue.number}`) },
  }
})

route('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) }
})

route('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  const b = obj(req.body)
  const isAuthor = issue.author.id === req.viewer.id
  const triage = can(ctx, repo, req.viewer, 'triage')
  if (!isAuthor && !triage) return forbidden()
  const push = can(ctx, repo, req.viewer, 'write')
  const title = optString(b.title, 'title', 'Issue')
  const body = optString(b.body, 'body', 'Issue')
  if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state' }])
  const reason = b.state_reason
  if (
    reason !== undefined &&
    reason !== null &&
    !['completed', 'not_planned', 'reopened', 'duplicate'].includes(String(reason))
  )
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Issue', code: 'invalid', field: 'state_reason' }])
  // Validate everything before changing anything: a rejected PATCH changes nothing.
  const labels = b.labels !== undefined ? labelNames(b.labels) : undefined
  const assignees = b.assignees !== undefined ? strings(b.assignees, 'assignees') : undefined
  if (labels && push) ctx.state.checkLabels(repo, issue, labels, true)
  if (title !== undefined || body !== undefined)
    ctx.state.updateIssue(issue, req.viewer, {
      ...(title !== undefined && title !== null ? { title } : {}),
      ...(body !== undefined ? { body } : {}),
    })
  if (b.state === 'closed' || b.state === 'open')
    ctx.state.setState(issue, req.viewer, b.state, (reason as Issue['stateReason'] | undefined) ?? undefined)
  else if (reason && issue.state === 'closed')
    ctx.state.setState(issue, req.viewer, 'closed', reason as Issue['stateReason'])
  if (labels && push) ctx.state.setLabels(issue, req.viewer, labels)
  if (assignees && push) ctx.state.setAssignees(issue, req.viewer, assignees)
  return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) }
})

// --- comments ---

function commentOf(req: RestRequest, ctx: RestContext) {
  const repo = repoOf(req, ctx)
  const c = ctx.state.comments.get(Number(req.params.comment_id))
  if (!c || c.issue.repo !== repo) throw new ApiError(404, 'Not Found')
  return { repo, c }
}

route('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
  const { repo, c } = commentOf(req, ctx)
  return { status: 200, body: ctx.shapes.comment(c, perm(ctx, repo)) }
})

route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
  const { repo, c } = commentOf(req, ctx)
  if (c.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write')) return forbidden()
  const body = obj(req.body).body
  if (typeof body !== 'string')
    throw new ApiError(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
  ctx.state.updateComment(c, body)
  return { status: 200, body: ctx.shapes.comment(c, perm(ctx, repo)) }
})

route('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (req, ctx) => {
  const { repo, c } = commentOf(req, ctx)
  if (c.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write')) return forbidden()
  ctx.state.deleteComment(c)
  return { status: 204 }
})

route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  const since = req.url.searchParams.get('since')
  const list = since ? issue.comments.filter((c) => Date.parse(c.updatedAt) >= Date.parse(since)) : issue.comments
  const { items, headers } = paginate(list, req.url)
  return { status: 200, body: items.map((c) => ctx.shapes.comment(c, perm(ctx, repo))), headers }
})

route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  const body = obj(req.body).body
  if (typeof body !== 'string')
    throw new ApiError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', [
      { resource: 'IssueComment', code: 'missing_field', field: 'body' },
    ])
  const c = ctx.state.createComment(issue, req.viewer, body)
  return {
    status: 201,
    body: ctx.shapes.comment(c, perm(ctx, repo)),
    headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/issues/comments/${c.id}`) },
  }
})

// --- labels on an issue ---

function issueLabels(ctx: RestContext, issue: Issue) {
  return issue.labels.map((l) => ctx.shapes.label(l))
}

function labelsBody(b: unknown): string[] {
  // Accepts {labels:[...]}, a bare array, or {labels:[{name}]}, as GitHub does.
  if (Array.isArray(b)) return labelNames(b)
  const o = obj(b)
  if (o.labels === undefined)
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Label', code: 'missing_field', field: 'labels' }])
  return labelNames(o.labels)
}

route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
  const { issue } = issueOf(req, ctx)
  const { items, headers } = paginate(issueLabels(ctx, issue), req.url)
  return { status: 200, body: items, headers }
})

route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'triage')) return forbidden()
  ctx.state.addLabels(issue, req.viewer, labelsBody(req.body))
  return { status: 200, body: issueLabels(ctx, issue) }
})

route('PUT', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'triage')) return forbidden()
  ctx.state.setLabels(issue, req.viewer, labelsBody(req.body))
  return { status: 200, body: issueLabels(ctx, issue) }
})

route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'triage')) return forbidden()
  ctx.state.setLabels(issue, req.viewer, [])
  return { status: 204 }
})

route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'triage')) return forbidden()
  const label = repo.labels.get((req.params.name ?? '').toLowerCase())
  if (!label || !issue.labels.includes(label)) return notFound('Label does not exist')
  ctx.state.removeLabel(issue, req.viewer, label)
  return { status: 200, body: issueLabels(ctx, issue) }
})

// --- assignees ---

route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (can(ctx, repo, req.viewer, 'triage'))
    ctx.state.addAssignees(issue, req.viewer, strings(obj(req.body).assignees, 'assignees'))
  return { status: 201, body: ctx.shapes.issue(issue, perm(ctx, repo)) }
})

route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  if (can(ctx, repo, req.viewer, 'triage'))
    ctx.state.removeAssignees(issue, req.viewer, strings(obj(req.body).assignees, 'assignees'))
  return { status: 200, body: ctx.shapes.issue(issue, perm(ctx, repo)) }
})

// --- timeline ---

route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/timeline', (req, ctx) => {
  const { repo, issue } = issueOf(req, ctx)
  const { items, headers } = paginate(issue.events, req.url)
  return { status: 200, body: items.map((e) => ctx.shapes.timelineEvent(e, issue, perm(ctx, repo))), headers }
})

// --- repository labels ---

route('GET', '/repos/{owner}/{repo}/labels', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const { items, headers } = paginate([...repo.labels.values()], req.url)
  return { status: 200, body: items.map((l) => ctx.shapes.label(l)), headers }
})

route('POST', '/repos/{owner}/{repo}/labels', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return forbidden()
  const b = obj(req.body)
  if (typeof b.name !== 'string')
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'missing_field', field: 'name' }])
  const label = ctx.state.createLabel(
    repo,
    b.name,
    typeof b.color === 'string' ? b.color : 'ededed',
    optString(b.description, 'description', 'Label') ?? null,
  )
  return { status: 201, body: ctx.shapes.label(label) }
})

function labelOf(req: RestRequest, ctx: RestContext) {
  const repo = repoOf(req, ctx)
  const label = repo.labels.get((req.params.name ?? '').toLowerCase())
  if (!label) throw new ApiError(404, 'Not Found')
  return { repo, label }
}

route('GET', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => ({
  status: 200,
  body: ctx.shapes.label(labelOf(req, ctx).label),
}))

route('PATCH', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => {
  const { repo, label } = labelOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return forbidden()
  const b = obj(req.body)
  ctx.state.updateLabel(label, {
    ...(typeof b.new_name === 'string' ? { name: b.new_name } : {}),
    ...(typeof b.color === 'string' ? { color: b.color } : {}),
    ...(b.description !== undefined ? { description: optString(b.description, 'description', 'Label') ?? null } : {}),
  })
  return { status: 200, body: ctx.shapes.label(label) }
})

// --- permissions, contents, dispatches ---

route('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const who = ctx.state.account(req.params.username ?? '')
  if (!who || who.type === 'Organization') return notFound()
  return { status: 200, body: ctx.shapes.permission(who, ctx.state.permission(repo, who)) }
})

function contentPath(req: RestRequest): string {
  return (req.params.path ?? '').replace(/^\/+|\/+$/g, '')
}

route('GET', '/repos/{owner}/{repo}/contents/{path}', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const path = contentPath(req)
  // `ref` names a branch (or a branch's head sha); without it, the default branch.
  const ref = (req.url.searchParams.get('ref') ?? '').replace(/^refs\/heads\//, '') || DEFAULT_BRANCH
  const branch = ctx.state.branch(repo, ref) ?? ctx.state.branchAt(repo, ref)
  if (!branch) return notFound(`No commit found for the ref ${ref}`)
  const content = branch.files.get(path)
  if (content === undefined) return notFound()
  return { status: 200, body: ctx.shapes.contentFile(repo, path, content, branch.name) }
})

/** Standard base64, as GitHub requires for `content` (line breaks allowed, padding required). */
function decodeBase64(v: string): string | null {
  const compact = v.replace(/[\r\n]/g, '')
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null
  return Buffer.from(compact, 'base64').toString('utf8')
}

route('PUT', '/repos/{owner}/{repo}/contents/{path}', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return notFound()
  const b = obj(req.body)
  const path = contentPath(req)
  for (const field of ['message', 'content'] as const)
    if (typeof b[field] !== 'string')
      throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
        { resource: 'Contents', code: 'missing_field', field },
      ])
  const content = decodeBase64(b.content as string)
  if (content === null)
    throw new ApiError(422, 'content is not valid Base64', [
      { resource: 'Contents', code: 'invalid', field: 'content' },
    ])
  const branch = optString(b.branch, 'branch', 'Contents') ?? DEFAULT_BRANCH
  const sha = optString(b.sha, 'sha', 'Contents') ?? undefined
  const put = ctx.state.putFile(repo, req.viewer, { branch, path, content, message: b.message as string, sha })
  return { status: put.created ? 201 : 200, body: ctx.shapes.fileCommit(repo, put.branch, path, put.commit) }
})

// --- git refs (branches only: refs/heads/*) ---

route('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const m = /^heads\/(.+)$/.exec(req.params.ref ?? '')
  const branch = m?.[1] ? ctx.state.branch(repo, m[1]) : undefined
  if (!branch) return notFound()
  return { status: 200, body: ctx.shapes.gitRef(repo, branch) }
})

route('POST', '/repos/{owner}/{repo}/git/refs', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return notFound()
  const b = obj(req.body)
  for (const field of ['ref', 'sha'] as const)
    if (typeof b[field] !== 'string')
      throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
        { resource: 'Reference', code: 'missing_field', field },
      ])
  const ref = b.ref as string
  const name = /^refs\/heads\/(.+)$/.exec(ref)?.[1]
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) throw new ApiError(422, 'Reference name is invalid')
  // Tags and other namespaces are not part of the emulator.
  if (!name || /(^|\/)\.|\.\.|[\s~^:?*[\\]|\/$|\.lock$/.test(name)) throw new ApiError(422, 'Reference name is invalid')
  const branch = ctx.state.createBranch(repo, name, b.sha as string)
  return {
    status: 201,
    body: ctx.shapes.gitRef(repo, branch),
    headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/git/${ref}`) },
  }
})

// --- pull requests ---

function pullOf(req: RestRequest, ctx: RestContext): { repo: Repo; pull: PullRequest } {
  const repo = repoOf(req, ctx)
  const pull = repo.pulls.get(Number(req.params.pull_number))
  if (!pull) throw new ApiError(404, 'Not Found')
  return { repo, pull }
}

function pullBody(req: RestRequest, ctx: RestContext, repo: Repo, pull: PullRequest) {
  return ctx.shapes.pull(
    pull,
    perm(ctx, repo),
    ctx.state.permission(repo, req.viewer),
    ctx.state.openCount(repo),
    ctx.state.pullStats(pull),
  )
}

/** `owner:branch` or `branch`; the emulator has no forks, so another owner names no branch here. */
function branchOfLabel(repo: Repo, v: string): string | null {
  const m = /^([^:]+):(.+)$/.exec(v)
  if (!m) return v
  return (m[1] ?? '').toLowerCase() === repo.owner.login.toLowerCase() ? (m[2] ?? null) : null
}

route('GET', '/repos/{owner}/{repo}/pulls', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const q = req.url.searchParams
  const state = q.get('state') ?? 'open'
  if (!['open', 'closed', 'all'].includes(state))
    throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'state' }])
  const headParam = q.get('head')
  const head = headParam === null ? undefined : branchOfLabel(repo, headParam)
  // A head of another owner matches nothing (GitHub answers an empty list, not an error).
  const list =
    head === null
      ? []
      : ctx.state.listPulls(repo, { state: state as 'open' | 'closed' | 'all', head, base: q.get('base') ?? undefined })
  const { items, headers } = paginate(list, req.url)
  return { status: 200, body: items.map((p) => ctx.shapes.pullSimple(pullBody(req, ctx, repo, p))), headers }
})

route('POST', '/repos/{owner}/{repo}/pulls', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return forbidden('Resource not accessible by integration')
  const b = obj(req.body)
  for (const field of ['head', 'base'] as const)
    if (typeof b[field] !== 'string')
      throw new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`, [
        { resource: 'PullRequest', code: 'missing_field', field },
      ])
  if (typeof b.title !== 'string')
    throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }])
  const head = branchOfLabel(repo, b.head as string)
  if (head === null)
    throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'head' }])
  if (b.draft !== undefined && typeof b.draft !== 'boolean')
    throw new ApiError(422, 'Invalid request.', [{ resource: 'PullRequest', code: 'invalid', field: 'draft' }])
  const pull = ctx.state.createPull(repo, req.viewer, {
    title: b.title,
    head,
    base: b.base as string,
    body: optString(b.body, 'body', 'PullRequest'),
    draft: b.draft === true,
  })
  return {
    status: 201,
    body: pullBody(req, ctx, repo, pull),
    headers: { location: ctx.shapes.api(`/repos/${repo.fullName}/pulls/${pull.number}`) },
  }
})

route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (req, ctx) => {
  const { repo, pull } = pullOf(req, ctx)
  return { status: 200, body: pullBody(req, ctx, repo, pull) }
})

route('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', (req, ctx) => {
  const { repo, pull } = pullOf(req, ctx)
  // Like issues: the author may edit their own pull request; anyone else needs push access.
  if (pull.author.id !== req.viewer.id && !can(ctx, repo, req.viewer, 'write'))
    return forbidden('Resource not accessible by integration')
  const b = obj(req.body)
  const title = optString(b.title, 'title', 'PullRequest')
  const body = optString(b.body, 'body', 'PullRequest')
  if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
    throw new ApiError(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'invalid', field: 'state' }])
  ctx.state.updatePull(pull, {
    ...(typeof title === 'string' ? { title } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(b.state === 'open' || b.state === 'closed' ? { state: b.state } : {}),
  })
  return { status: 200, body: pullBody(req, ctx, repo, pull) }
})

route('POST', '/repos/{owner}/{repo}/dispatches', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return notFound()
  const b = obj(req.body)
  if (typeof b.event_type !== 'string' || !b.event_type)
    throw new ApiError(422, 'Invalid request.\n\n"event_type" wasn\'t supplied.', [
      { resource: 'Repository', code: 'missing_field', field: 'event_type' },
    ])
  const payload = b.client_payload ?? {}
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Repository', code: 'invalid', field: 'client_payload' }])
  const keys = Object.keys(payload).length
  if (keys > 10)
    throw new ApiError(422, `Invalid request.\n\nNo more than 10 properties are allowed; ${keys} were supplied.`, [
      { resource: 'Repository', code: 'invalid', field: 'client_payload' },
    ])
  ctx.state.dispatches.push({
    repo: repo.fullName,
    event_type: b.event_type,
    client_payload: payload as Record<string, unknown>,
    actor: req.viewer.login,
    created_at: ctx.state.now(),
  })
  return { status: 204 }
})

// --- Actions workflows: the sweep turns its own schedule off while nothing is open ---

function workflowOf(req: RestRequest, ctx: RestContext) {
  const repo = repoOf(req, ctx)
  const id = req.params.workflow_id ?? ''
  const all = ctx.state.workflows.get(repo.fullName)
  const wf = all?.get(id) ?? [...(all?.values() ?? [])].find((w) => String(w.id) === id)
  if (!wf) throw new ApiError(404, 'Not Found')
  return { repo, wf }
}

route('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}', (req, ctx) => {
  const { wf } = workflowOf(req, ctx)
  return {
    status: 200,
    body: { id: wf.id, node_id: `W_kwDO${wf.id}`, name: wf.path.replace(/^.*\//, ''), path: wf.path, state: wf.state },
  }
})

for (const action of ['enable', 'disable'] as const) {
  route('PUT', `/repos/{owner}/{repo}/actions/workflows/{workflow_id}/${action}`, (req, ctx) => {
    const { repo, wf } = workflowOf(req, ctx)
    if (!can(ctx, repo, req.viewer, 'write') || ctx.state.actionsReadOnly.has(repo.fullName)) {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS } }
    }
    const state = action === 'enable' ? 'active' : 'disabled_manually'
    if (wf.state !== state) {
      wf.state = state
      wf.history.push({ state, at: ctx.state.now(), by: req.viewer.login })
    }
    return { status: 204 }
  })
}

route('DELETE', '/repos/{owner}/{repo}/labels/{name}', (req, ctx) => {
  const { repo, label } = labelOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) return forbidden()
  ctx.state.deleteLabel(label)
  return { status: 204 }
})

// --- search ---

/** Splits a search query into tokens, keeping `label:"two words"` together. */
function tokens(q: string): string[] {
  return q.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? []
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1')
}

/** `created:>=2024-01-01`, `created:<2024-02-01`, `created:2024-01-01..2024-01-31`, `created:2024-01-01`. */
function dateTest(expr: string): (iso: string) => boolean {
  const day = (s: string, end: boolean) => {
    const t = Date.parse(/T/.test(s) ? s : `${s}T00:00:00Z`)
    if (Number.isNaN(t))
      throw new ApiError(422, 'Validation Failed', [{ resource: 'Search', code: 'invalid', field: 'q' }])
    // A bare date as an upper bound covers that whole day.
    return end && !/T/.test(s) ? t + 86_400_000 - 1 : t
  }
  const range = /^(.+)\.\.(.+)$/.exec(expr)
  if (range) {
    const [a, b] = [range[1] ?? '*', range[2] ?? '*']
    const lo = a === '*' ? -Infinity : day(a, false)
    const hi = b === '*' ? Infinity : day(b, true)
    return (iso) => Date.parse(iso) >= lo && Date.parse(iso) <= hi
  }
  const m = /^(>=|<=|>|<)?(.+)$/.exec(expr)
  const op = m?.[1] ?? ''
  const v = m?.[2] ?? expr
  switch (op) {
    case '>=':
      return (iso) => Date.parse(iso) >= day(v, false)
    case '>':
      return (iso) => Date.parse(iso) > day(v, true)
    case '<=':
      return (iso) => Date.parse(iso) <= day(v, true)
    case '<':
      return (iso) => Date.parse(iso) < day(v, false)
    default:
      return (iso) => Date.parse(iso) >= day(v, false) && Date.parse(iso) <= day(v, true)
  }
}

route('GET', '/search/issues', (req, ctx) => {
  const q = req.url.searchParams.get('q')
  if (!q) throw new ApiError(422, 'Validation Failed', [{ resource: 'Search', code: 'missing', field: 'q' }])
  let repos: Repo[] | null = null
  const tests: ((i: Issue) => boolean)[] = []
  let pullsOnly = false
  for (const tok of tokens(q)) {
    const m = /^(-?)([a-z_]+):(.+)$/i.exec(tok)
    if (!m) {
      const word = unquote(tok).toLowerCase()
      tests.push((i) => i.title.toLowerCase().includes(word) || (i.body ?? '').toLowerCase().includes(word))
      continue
    }
    const neg = m[1] === '-'
    const key = (m[2] ?? '').toLowerCase()
    const val = unquote(m[3] ?? '')
    let t: ((i: Issue) => boolean) | null = null
    if (key === 'repo') {
      const r = ctx.state.repo(val)
      // GitHub rejects a repo qualifier naming nothing it can see.
      if (!r)
        throw new ApiError(422, 'Validation Failed', [
          {
            resource: 'Search',
            code: 'invalid',
            field: 'q',
            message: `The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.`,
          },
        ])
      repos = [...(repos ?? []), r]
    } else if (key === 'is' || key === 'type' || key === 'state') {
      const v = val.toLowerCase()
      if (v === 'issue') t = () => true
      else if (v === 'pr' || v === 'pull-request') pullsOnly = true
      else if (v === 'open' || v === 'closed') t = (i) => i.state === v
    } else if (key === 'label') {
      const names = val.split(',').map((s) => unquote(s).toLowerCase())
      t = (i) => i.labels.some((l) => names.includes(l.name.toLowerCase()))
    } else if (key === 'created' || key === 'updated' || key === 'closed') {
      const d = dateTest(val)
      t =
        key === 'created'
          ? (i) => d(i.createdAt)
          : key === 'updated'
            ? (i) => d(i.updatedAt)
            : (i) => i.closedAt !== null && d(i.closedAt)
    } else if (key === 'author') {
      t = (i) => i.author.login.toLowerCase() === val.toLowerCase()
    } else if (key === 'assignee') {
      t = (i) => i.assignees.some((a) => a.login.toLowerCase() === val.toLowerCase())
    } else if (key === 'no' && val === 'label') {
      t = (i) => i.labels.length === 0
    }
    if (t) {
      const test = t
      tests.push(neg ? (i) => !test(i) : test)
    }
  }
  const pool = (repos ?? [...ctx.state.repos.values()]).flatMap((r) => r.issues)
  const hits = pullsOnly ? [] : pool.filter((i) => tests.every((t) => t(i)))
  const sort = req.url.searchParams.get('sort')
  const asc = req.url.searchParams.get('order') === 'asc'
  if (sort === 'created' || sort === 'updated' || sort === 'comments') {
    const key =
      sort === 'comments'
        ? (i: Issue) => i.comments.length
        : sort === 'created'
          ? (i: Issue) => Date.parse(i.createdAt)
          : (i: Issue) => Date.parse(i.updatedAt)
    hits.sort((a, b) => (asc ? 1 : -1) * (key(a) - key(b) || a.id - b.id))
  } else {
    hits.sort((a, b) => b.id - a.id) // "best match": newest first is as good as any
  }
  const { items, headers } = paginate(hits, req.url, SEARCH_CAP)
  const body: components['schemas']['issue-search-result-item'][] = items.map((i) =>
    ctx.shapes.searchItem(i, (a) => ctx.state.permission(i.repo, a)),
  )
  return { status: 200, body: { total_count: hits.length, incomplete_results: false, items: body }, headers }
})

// --- deployments, releases, a pull request's files and commits (src/emulator/changes.ts) ---

function deploymentShape(ctx: RestContext, repo: Repo, d: Deployment) {
  const url = ctx.shapes.api(`/repos/${repo.fullName}/deployments/${d.id}`)
  return {
    url,
    id: d.id,
    node_id: d.nodeId,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: ctx.shapes.user(d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: ctx.shapes.api(`/repos/${repo.fullName}`),
  }
}

function releaseShape(ctx: RestContext, repo: Repo, r: Release) {
  return {
    url: ctx.shapes.api(`/repos/${repo.fullName}/releases/${r.id}`),
    html_url: ctx.shapes.html(`${repo.fullName}/releases/tag/${encodeURIComponent(r.tagName)}`),
    id: r.id,
    node_id: r.nodeId,
    tag_name: r.tagName,
    target_commitish: r.sha,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    author: ctx.shapes.user(r.author),
    created_at: r.createdAt,
    published_at: r.publishedAt,
    assets: [],
  }
}

function deploymentOf(req: RestRequest, ctx: RestContext): { repo: Repo; dep: Deployment } {
  const repo = repoOf(req, ctx)
  const dep = changesOf(repo).deployments.find((d) => d.id === Number(req.params.deployment_id))
  if (!dep) throw new ApiError(404, 'Not Found')
  return { repo, dep }
}

route('GET', '/repos/{owner}/{repo}/deployments', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const q = req.url.searchParams
  // Newest first, filtered like GitHub's `sha`, `ref`, `task` and `environment` parameters.
  const list = [...changesOf(repo).deployments]
    .filter(
      (d) =>
        (!q.get('sha') || d.sha === q.get('sha')) &&
        (!q.get('ref') || d.ref === q.get('ref')) &&
        (!q.get('task') || d.task === q.get('task')) &&
        (!q.get('environment') || d.environment === q.get('environment')),
    )
    .sort((a, b) => compareKeys([Date.parse(b.createdAt), b.id], [Date.parse(a.createdAt), a.id]))
  const { items, headers } = paginate(list, req.url)
  return { status: 200, body: items.map((d) => deploymentShape(ctx, repo, d)), headers }
})

route('POST', '/repos/{owner}/{repo}/deployments', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) throw new ApiError(404, 'Not Found')
  const b = obj(req.body)
  if (typeof b.ref !== 'string' || !b.ref)
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Deployment', code: 'missing_field', field: 'ref' }])
  const dep = createDeployment(ctx.state, repo, req.viewer, {
    ref: b.ref,
    environment: optString(b.environment, 'environment', 'Deployment') ?? undefined,
    task: optString(b.task, 'task', 'Deployment') ?? undefined,
    description: optString(b.description, 'description', 'Deployment') ?? null,
  })
  return { status: 201, body: deploymentShape(ctx, repo, dep) }
})

route('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', (req, ctx) => {
  const { repo, dep } = deploymentOf(req, ctx)
  return { status: 200, body: deploymentShape(ctx, repo, dep) }
})

route('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (req, ctx) => {
  const { repo, dep } = deploymentOf(req, ctx)
  const { items, headers } = paginate([...dep.statuses].reverse(), req.url)
  return {
    status: 200,
    body: items.map((s) => ({
      id: s.id,
      node_id: s.nodeId,
      state: s.state,
      description: s.description,
      environment: s.environment,
      creator: ctx.shapes.user(s.creator),
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: ctx.shapes.api(`/repos/${repo.fullName}/deployments/${dep.id}`),
    })),
    headers,
  }
})

route('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (req, ctx) => {
  const { repo, dep } = deploymentOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) throw new ApiError(404, 'Not Found')
  const b = obj(req.body)
  if (typeof b.state !== 'string')
    throw new ApiError(422, 'Invalid request.', [
      { resource: 'DeploymentStatus', code: 'missing_field', field: 'state' },
    ])
  const s = addDeploymentStatus(ctx.state, dep, req.viewer, {
    state: b.state,
    description: optString(b.description, 'description', 'DeploymentStatus') ?? undefined,
    environment: optString(b.environment, 'environment', 'DeploymentStatus') ?? undefined,
  })
  return { status: 201, body: { id: s.id, node_id: s.nodeId, state: s.state, created_at: s.createdAt } }
})

route('GET', '/repos/{owner}/{repo}/releases', (req, ctx) => {
  const repo = repoOf(req, ctx)
  const list = [...changesOf(repo).releases].sort((a, b) =>
    compareKeys([Date.parse(b.createdAt), b.id], [Date.parse(a.createdAt), a.id]),
  )
  const { items, headers } = paginate(list, req.url)
  return { status: 200, body: items.map((r) => releaseShape(ctx, repo, r)), headers }
})

route('POST', '/repos/{owner}/{repo}/releases', (req, ctx) => {
  const repo = repoOf(req, ctx)
  if (!can(ctx, repo, req.viewer, 'write')) throw new ApiError(404, 'Not Found')
  const b = obj(req.body)
  if (typeof b.tag_name !== 'string')
    throw new ApiError(422, 'Invalid request.', [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }])
  const r = createRelease(ctx.state, repo, req.viewer, {
    tagName: b.tag_name,
    name: optString(b.name, 'name', 'Release') ?? null,
    body: optString(b.body, 'body', 'Release') ?? null,
    draft: b.draft === true,
    prerelease: b.prerelease === true,
  })
  return { status: 201, body: releaseShape(ctx, repo, r) }
})

route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (req, ctx) => {
  const { pull } = pullOf(req, ctx)
  const { items, headers } = paginate(pull.files ?? [], req.url)
  return {
    status: 200,
    body: items.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0, changes: 1 })),
    headers,
  }
})

route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/commits', (req, ctx) => {
  const { pull } = pullOf(req, ctx)
  const { items, headers } = paginate(pullCommits(pull), req.url)
  return {
    status: 200,
    body: items.map((c) => ({
      sha: c.oid,
      commit: { message: c.message, author: { date: c.date }, committer: { date: c.date } },
    })),
    headers,
  }
})
