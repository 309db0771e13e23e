// The emulator's in-memory GitHub: accounts, repositories, issues, comments, labels,
// timeline events, Projects v2, and branches, files and pull requests (no git history: a
// branch is a head sha and its files). REST, GraphQL and the in-process helpers all mutate
// through the functions here, so the three views can never disagree.
//
// Everything a hot path touches is indexed (maps by id, node id, number, lower-cased
// label name) and filtered issue lists are cached per repository version, so paging
// through 50,000 issues stays linear.

import { createHash } from 'node:crypto'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export type AccountType = 'User' | 'Bot' | 'Organization'
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 }

/** True when `have` is at least `need` (admin > maintain > write > triage > read > none). */
export function atLeast(have: Permission, need: Permission): boolean {
  return RANK[have] >= RANK[need]
}

/** One entry of a 422's `errors`; GitHub's `custom` errors have a message and no field. */
export interface ErrorDetail {
  resource: string
  code: string
  field?: string
  message?: string
}

/** An error GitHub would answer with; REST turns it into a status, GraphQL into an error `type`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: ErrorDetail[],
    readonly graphqlType?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface Account {
  id: number
  nodeId: string
  login: string
  type: AccountType
  token: string | null
  createdAt: string
}

export interface Label {
  id: number
  nodeId: string
  repo: Repo
  name: string
  color: string
  description: string | null
  createdAt: string
  updatedAt: string
}

export interface Comment {
  id: number
  nodeId: string
  issue: Issue
  body: string
  author: Account
  createdAt: string
  updatedAt: string
}

export type EventKind = 'labeled' | 'unlabeled' | 'closed' | 'reopened' | 'assigned' | 'unassigned' | 'commented'

export interface IssueEvent {
  id: number
  nodeId: string
  kind: EventKind
  actor: Account
  createdAt: string
  /** The label as it was when the event happened (REST shows this snapshot). */
  labelSnapshot?: { name: string; color: string }
  label?: Label
  assignee?: Account
  comment?: Comment
  stateReason?: StateReason
}

export interface Issue {
  id: number
  nodeId: string
  repo: Repo
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  stateReason: StateReason
  author: Account
  labels: Label[]
  assignees: Account[]
  createdAt: string
  updatedAt: string
  closedAt: string | null
  closedBy: Account | null
  comments: Comment[]
  events: IssueEvent[]
  projectItems: ProjectItem[]
}

export interface Commit {
  sha: string
  /** Derived from the files, so two commits with the same files share a tree. */
  tree: string
  parents: string[]
  message: string
  author: Account
  date: string
}

export interface Branch {
  name: string
  /** The head commit. */
  sha: string
  /** path → text. The default branch's map is the repo's `files` itself. */
  files: Map<string, string>
  /**
   * The files of the merge base (where the branch was created, or last merged): a merge
   * applies only what changed on the branch since, so it never reverts the base's own changes.
   */
  forkedFiles: Map<string, string> | null
  /** Commits since the merge base (a pull request's `commits`). */
  ahead: number
}

export interface PullRequest {
  id: number
  nodeId: string
  repo: Repo
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  author: Account
  /** Branch names in this repo (the emulator has no forks). */
  head: string
  base: string
  /** Head and base commits; followed while the branches move, frozen once merged or closed. */
  headSha: string
  baseSha: string
  draft: boolean
  merged: boolean
  mergedAt: string | null
  mergedBy: Account | null
  mergeCommitSha: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
  /** What the pull request changed, frozen when it is merged (the branches move on). */
  mergedStats: PullStats | null
  /** Label names (set by the change seeds, src/emulator/changes.ts). */
  labels?: string[]
  /** The paths it changed, frozen when merged (or seeded). */
  files?: string[]
  /** Its commits, oldest first (seeded; a real merge records one per commit count). */
  commitLog?: { oid: string; message: string; date: string }[]
}

export interface PullStats {
  commits: number
  additions: number
  deletions: number
  changedFiles: number
}

export const DEFAULT_BRANCH = 'main'

/** An Actions workflow, as GET /repos/{owner}/{repo}/actions/workflows/{id} shows it. */
export interface Workflow {
  id: number
  path: string
  state: 'active' | 'disabled_manually'
  /** Every state change, in order (for tests of the sweep's sleep). */
  history: { state: Workflow['state']; at: string; by: string }[]
}

export interface Repo {
  id: number
  nodeId: string
  owner: Account
  name: string
  fullName: string
  /** The default branch's files (`branches.get('main').files` is this very map). */
  files: Map<string, string>
  /** By name; always holds the default branch `main`. */
  branches: Map<string, Branch>
  collaborators: Map<string, Permission>
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, Label>
  /** In number order. Issues and pull requests share one number sequence, so numbers can have gaps. */
  issues: Issue[]
  issueByNumber: Map<number, Issue>
  /** By number, in creation order. */
  pulls: Map<number, PullRequest>
  /** The last issue or pull request number handed out. */
  lastNumber: number
  createdAt: string
  /** Bumped on every change that can affect issue listings; invalidates `listCache`. */
  version: number
  listCache: Map<string, { version: number; list: Issue[] }>
}

export type ProjectFieldType = 'SINGLE_SELECT' | 'TEXT' | 'DATE' | 'NUMBER'

export interface ProjectField {
  id: number
  nodeId: string
  project: Project
  name: string
  dataType: ProjectFieldType
  options: { id: string; name: string }[]
  createdAt: string
}

export type FieldValue =
  | { kind: 'SINGLE_SELECT'; optionId: string }
  | { kind: 'TEXT'; text: string }
  | { kind: 'DATE'; date: string }
  | { kind: 'NUMBER'; number: number }

export interface ProjectItem {
  id: number
  nodeId: string
  project: Project
  issue: Issue
  values: Map<number, { value: FieldValue; updatedAt: string; creator: Account }>
  createdAt: string
  updatedAt: string
  creator: Account
}

export interface Project {
  id: number
  nodeId: string
  owner: Account
  number: number
  title: string
  fields: ProjectField[]
  items: ProjectItem[]
  /** Item by issue id: adding the same issue twice returns the existing item, like GitHub. */
  itemByIssue: Map<number, ProjectItem>
  createdAt: string
  updatedAt: string
}

export type Entity =
  | { kind: 'Account'; value: Account }
  | { kind: 'Repository'; value: Repo }
  | { kind: 'Issue'; value: Issue }
  | { kind: 'IssueComment'; value: Comment }
  | { kind: 'Label'; value: Label }
  | { kind: 'Event'; value: IssueEvent }
  | { kind: 'ProjectV2'; value: Project }
  | { kind: 'ProjectV2Field'; value: ProjectField }
  | { kind: 'ProjectV2Item'; value: ProjectItem }

export interface Dispatch {
  repo: string
  event_type: string
  client_payload: Record<string, unknown>
  actor: string
  created_at: string
}

export interface IssueFilter {
  state?: 'open' | 'closed' | 'all'
  /** Every one of these (case-insensitive) must be on the issue (REST's `labels=a,b`). */
  labels?: string[]
  /** At least one of these must be on the issue (GraphQL's `labels:` argument). */
  anyLabels?: string[]
  /** updated_at at or after. */
  since?: string
  creator?: string
  assignee?: string
  sort?: 'created' | 'updated' | 'comments'
  direction?: 'asc' | 'desc'
}

export const MAX_BODY = 65_536
const MAX_TITLE = 256
/** GitHub's limits on labels: name and description lengths, and labels on one issue. */
export const MAX_LABEL_NAME = 50
const MAX_LABEL_DESCRIPTION = 100
export const MAX_LABELS_PER_ISSUE = 100

/** GitHub timestamps have whole seconds: 2024-05-01T12:00:00Z. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Settable clock; real time until set, then frozen (so tests are deterministic). */
export class Clock {
  private fixed: number | null = null
  /** Every forward move of the clock, added up (see `elapsed`). */
  private jumped = 0
  now(): Date {
    return new Date(this.fixed ?? Date.now())
  }
  set(d: Date | string): void {
    const t = new Date(d).getTime()
    if (Number.isNaN(t)) throw new Error(`clock.set: invalid date ${String(d)}`)
    this.jumped += Math.max(0, t - this.now().getTime())
    this.fixed = t
  }
  advance(ms: number): void {
    this.jumped += Math.max(0, ms)
    this.fixed = (this.fixed ?? Date.now()) + ms
  }
  /** Back to real time (a long-running emulator after seeding a history at the present). */
  resume(): void {
    this.fixed = null
  }
  /**
   * Simulated elapsed milliseconds for the secondary-limit windows: real time plus every forward
   * move of the clock. A test that moves the clock an hour between two runs has given GitHub's
   * windows an hour to drain; within a run (the clock frozen) real seconds still count.
   */
  elapsed(): number {
    return performance.now() + this.jumped
  }
}

const NODE_PREFIX: Record<string, string> = {
  User: 'U_kgDO',
  Bot: 'BOT_kgDO',
  Organization: 'O_kgDO',
  Repository: 'R_kgDO',
  Issue: 'I_kwDO',
  IssueComment: 'IC_kwDO',
  Label: 'LA_kwDO',
  Event: 'LE_lADO',
  ProjectV2: 'PVT_kwDO',
  ProjectV2Field: 'PVTF_lADO',
  ProjectV2SingleSelectField: 'PVTSSF_lADO',
  ProjectV2Item: 'PVTI_lADO',
  PullRequest: 'PR_kwDO',
}

export class State {
  readonly clock = new Clock()
  private seq = 1000
  /** Commit shas come from their own counter, so adding git objects never shifts other ids. */
  private commitSeq = 0
  readonly accounts = new Map<string, Account>() // by lower-cased login
  readonly tokens = new Map<string, Account>()
  readonly repos = new Map<string, Repo>() // by lower-cased full name
  readonly nodes = new Map<string, Entity>()
  readonly comments = new Map<number, Comment>()
  readonly projects = new Map<string, Project>() // `${ownerLogin lower}#${number}`
  readonly dispatches: Dispatch[] = []
  /** Actions workflows per repository (full name), by file name: GitHub's enable/disable state. */
  readonly workflows = new Map<string, Map<string, Workflow>>()
  /** Repositories whose GITHUB_TOKEN lacks `actions: write` (enable/disable answer 403). */
  readonly actionsReadOnly = new Set<string>()
  readonly bot: Account

  constructor() {
    this.bot = this.addAccount('github-actions[bot]', 'Bot')
  }

  now(): string {
    return stamp(this.clock.now())
  }

  /** The next global id (also used by the deployments and releases of src/emulator/changes.ts). */
  nextId(): number {
    return ++this.seq
  }

  nodeId(prefix: string, id: number): string {
    // Opaque, stable and unique, shaped like GitHub's next-generation ids.
    return `${NODE_PREFIX[prefix] ?? 'X_'}${Buffer.from(`${prefix}:${id}`).toString('base64url')}`
  }

  private register(e: Entity & { value: { nodeId: string } }): void {
    this.nodes.set(e.value.nodeId, e)
  }

  // ---------- accounts and repositories ----------

  addAccount(login: string, type: AccountType, token?: string): Account {
    const key = login.toLowerCase()
    if (this.accounts.has(key)) throw new Error(`emulator: account ${login} already exists`)
    const id = this.nextId()
    const tok =
      type === 'Organization'
        ? null
        : (token ?? `ghs_${createHash('sha256').update(`${login}:${id}`).digest('hex').slice(0, 36)}`)
    const account: Account = { id, nodeId: this.nodeId(type, id), login, type, token: tok, createdAt: this.now() }
    this.accounts.set(key, account)
    if (tok) this.tokens.set(tok, account)
    this.register({ kind: 'Account', value: account })
    return account
  }

  account(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase())
  }

  /** The helpers act as people who may not have been added explicitly: create them on first use. */
  accountOrCreate(login: string): Account {
    return this.account(login) ?? this.addAccount(login, login.endsWith('[bot]') ? 'Bot' : 'User')
  }

  addRepo(fullName: string, ownerType: 'User' | 'Organization'): Repo {
    const [ownerLogin, name, extra] = fullName.split('/')
    if (!ownerLogin || !name || extra !== undefined)
      throw new Error(`emulator: repo must be "owner/name", got ${fullName}`)
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`emulator: repo ${fullName} already exists`)
    const owner = this.account(ownerLogin) ?? this.addAccount(ownerLogin, ownerType)
    const id = this.nextId()
    const files = new Map<string, string>()
    const repo: Repo = {
      id,
      nodeId: this.nodeId('Repository', id),
      owner,
      name,
      fullName: `${owner.login}/${name}`,
      files,
      branches: new Map(),
      collaborators: new Map(),
      labels: new Map(),
      issues: [],
      issueByNumber: new Map(),
      pulls: new Map(),
      lastNumber: 0,
      createdAt: this.now(),
      version: 0,
      listCache: new Map(),
    }
    repo.branches.set(DEFAULT_BRANCH, {
      name: DEFAULT_BRANCH,
      sha: this.nextCommitSha(),
      files,
      forkedFiles: null,
      ahead: 0,
    })
    this.repos.set(fullName.toLowerCase(), repo)
    this.register({ kind: 'Repository', value: repo })
    return repo
  }

  repo(fullName: string): Repo | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  /** For helpers: an unknown repo is a bug in the test, so say so loudly. */
  mustRepo(fullName: string): Repo {
    const r = this.repo(fullName)
    if (!r) throw new Error(`emulator: no repo ${fullName} (call addRepo first)`)
    return r
  }

  mustIssue(fullName: string, number: number): Issue {
    const i = this.mustRepo(fullName).issueByNumber.get(number)
    if (!i) throw new Error(`emulator: no issue ${fullName}#${number}`)
    return i
  }

  mustPull(fullName: string, number: number): PullRequest {
    const p = this.mustRepo(fullName).pulls.get(number)
    if (!p) throw new Error(`emulator: no pull request ${fullName}#${number}`)
    return p
  }

  /** Open issues and open pull requests: GitHub's `open_issues_count` counts both. */
  openCount(repo: Repo): number {
    let n = 0
    for (const i of repo.issues) if (i.state === 'open') n++
    for (const p of repo.pulls.values()) if (p.state === 'open') n++
    return n
  }

  /** The role GitHub would report for `who` on `repo`. */
  permission(repo: Repo, who: Account): Permission {
    const explicit = repo.collaborators.get(who.login.toLowerCase())
    if (explicit) return explicit
    if (who.id === repo.owner.id) return 'admin'
    if (who.id === this.bot.id) return 'write'
    return 'none'
  }

  // ---------- labels ----------

  createLabel(repo: Repo, name: string, color = 'ededed', description: string | null = null): Label {
    const trimmed = name.trim()
    if (!trimmed)
      throw new ApiError(422, 'Validation Failed', [{ resource: 'Label', code: 'missing_field', field: 'name' }])
    validateLabelName(trimmed)
    if (description !== null && description.length > MAX_LABEL_DESCRIPTION)
      throw new ApiError(
        422,
        'Validation Failed',
        [
          {
            resource: 'Label',
            code: 'custom',
            field: 'description',
            message: `description is too long (maximum is ${MAX_LABEL_DESCRIPTION} characters)`,
          },
        ],
        'UNPROCESSABLE',
      )
    if (repo.labels.has(trimmed.toLowerCase()))
      throw new ApiError(
        422,
        'Validation Failed',
        [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        'UNPROCESSABLE',
      )
    const c = normalizeColor(color)
    const id = this.nextId()
    const now = this.now()
    const label: Label = {
      id,
      nodeId: this.nodeId('Label', id),
      repo,
      name: trimmed,
      color: c,
      description,
      createdAt: now,
      updatedAt: now,
    }
    repo.labels.set(trimmed.toLowerCase(), label)
    this.register({ kind: 'Label', value: label })
    return label
  }

  updateLabel(label: Label, patch: { name?: string; color?: string; description?: string | null }): Label {
    const repo = label.repo
    if (patch.name !== undefined) validateLabelName(patch.name.trim())
    if (patch.name !== undefined && patch.name.toLowerCase() !== label.name.toLowerCase()) {
      if (repo.labels.has(patch.name.toLowerCase()))
        throw new ApiError(
          422,
          'Validation Failed',
          [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          'UNPROCESSABLE',
        )
      repo.labels.delete(label.name.toLowerCase())
      repo.labels.set(patch.name.toLowerCase(), label)
    }
    if (patch.name !== undefined) label.name = patch.name
    if (patch.color !== undefined) label.color = normalizeColor(patch.color)
    if (patch.description !== undefined) label.description = patch.description
    label.updatedAt = this.now()
    repo.version++
    return label
  }

  /** Deletes a repository label; it goes from every issue that had it, as on GitHub. */
  deleteLabel(label: Label): void {
    const repo = label.repo
    repo.labels.delete(label.name.toLowerCase())
    for (const i of repo.issues) i.labels = i.labels.filter((l) => l !== label)
    repo.version++
  }

  /**
   * GitHub refuses, before changing anything, a write that would leave an issue with more than 100
   * labels or that names a label it would have to create with a name over 50 characters.
   * `issue` null is a new issue; `replace` is a full set (PUT, PATCH) rather than an addition.
   */
  checkLabels(repo: Repo, issue: Issue | null, names: readonly string[], replace: boolean): void {
    const after = new Set(replace || !issue ? [] : issue.labels.map((l) => l.name.toLowerCase()))
    for (const n of names) {
      const key = n.trim().toLowerCase()
      if (!repo.labels.has(key)) validateLabelName(n.trim())
      after.add(key)
    }
    if (after.size > MAX_LABELS_PER_ISSUE)
      throw new ApiError(
        422,
        'Validation Failed',
        [
          {
            resource: 'Issue',
            code: 'custom',
            field: 'labels',
            message: `labels is too long (maximum is ${MAX_LABELS_PER_ISSUE} labels)`,
          },
        ],
        'UNPROCESSABLE',
      )
  }

  /** Like GitHub's issue endpoints: a label name that does not exist yet is created (color ededed). */
  labelOrCreate(repo: Repo, name: string): Label {
    return repo.labels.get(name.trim().toLowerCase()) ?? this.createLabel(repo, name)
  }

  // ---------- issues ----------

  createIssue(
    repo: Repo,
    actor: Account,
    i: { title: string; body?: string | null; labels?: string[]; assignees?: string[]; createdAt?: string },
  ): Issue {
    validateTitle(i.title)
    validateBody('Issue', i.body)
    if (i.labels?.length) this.checkLabels(repo, null, i.labels, true)
    const id = this.nextId()
    const created = i.createdAt ? stamp(new Date(i.createdAt)) : this.now()
    const issue: Issue = {
      id,
      nodeId: this.nodeId('Issue', id),
      repo,
      number: ++repo.lastNumber,
      title: i.title,
      body: i.body ?? null,
      state: 'open',
      stateReason: null,
      author: actor,
      labels: [],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: null,
      closedBy: null,
      comments: [],
      events: [],
      projectItems: [],
    }
    repo.issues.push(issue)
    repo.issueByNumber.set(issue.number, issue)
    repo.version++
    this.register({ kind: 'Issue', value: issue })
    if (i.labels?.length) this.addLabels(issue, actor, i.labels, created)
    if (i.assignees?.length) this.addAssignees(issue, actor, i.assignees, created)
    return issue
  }

  private touch(issue: Issue, at?: string): void {
    issue.updatedAt = at ?? this.now()
    issue.repo.version++
  }

  private event(
    issue: Issue,
    kind: EventKind,
    actor: Account,
    at: string,
    extra: Partial<IssueEvent> = {},
  ): IssueEvent {
    const id = this.nextId()
    const e: IssueEvent = { id, nodeId: this.nodeId('Event', id), kind, actor, createdAt: at, ...extra }
    issue.events.push(e)
    this.register({ kind: 'Event', value: e })
    return e
  }

  updateIssue(issue: Issue, actor: Account, patch: { title?: string; body?: string | null }): void {
    if (patch.title !== undefined) validateTitle(patch.title)
    if (patch.body !== undefined) validateBody('Issue', patch.body)
    if (patch.title !== undefined) issue.title = patch.title
    if (patch.body !== undefined) issue.body = patch.body
    this.touch(issue)
  }

  setState(issue: Issue, actor: Account, state: 'open' | 'closed', reason?: StateReason): void {
    if (issue.state === state) {
      // GitHub lets you change the reason of a closed issue without a new event.
      if (state === 'closed' && reason) issue.stateReason = reason
      return
    }
    const at = this.now()
    if (state === 'closed') {
      issue.state = 'closed'
      issue.stateReason = reason ?? 'completed'
      issue.closedAt = at
      issue.closedBy = actor
      this.event(issue, 'closed', actor, at, { stateReason: issue.stateReason })
    } else {
      issue.state = 'open'
      issue.stateReason = 'reopened'
      issue.closedAt = null
      issue.closedBy = null
      this.event(issue, 'reopened', actor, at, { stateReason: 'reopened' })
    }
    this.touch(issue, at)
  }

  addLabels(issue: Issue, actor: Account, names: string[], at = this.now()): Label[] {
    this.checkLabels(issue.repo, issue, names, false)
    let changed = false
    for (const name of names) {
      const label = this.labelOrCreate(issue.repo, name)
      if (issue.labels.includes(label)) continue
      issue.labels.push(label)
      this.event(issue, 'labeled', actor, at, { label, labelSnapshot: { name: label.name, color: label.color } })
      changed = true
    }
    if (changed) this.touch(issue, at)
    return issue.labels
  }

  removeLabel(issue: Issue, actor: Account, label: Label, at = this.now()): void {
    const idx = issue.labels.indexOf(label)
    if (idx < 0) return
    issue.labels.splice(idx, 1)
    this.event(issue, 'unlabeled', actor, at, { label, labelSnapshot: { name: label.name, color: label.color } })
    this.touch(issue, at)
  }

  setLabels(issue: Issue, actor: Account, names: string[]): Label[] {
    this.checkLabels(issue.repo, issue, names, true)
    const wanted = names.map((n) => this.labelOrCreate(issue.repo, n))
    for (const l of [...issue.labels]) if (!wanted.includes(l)) this.removeLabel(issue, actor, l)
    this.addLabels(
      issue,
      actor,
      wanted.map((l) => l.name),
    )
    return issue.labels
  }

  /** Unknown logins are silently ignored, as GitHub does for assignees it cannot assign. */
  addAssignees(issue: Issue, actor: Account, logins: string[], at = this.now()): void {
    let changed = false
    for (const login of logins) {
      const who = this.account(login)
      if (!who || who.type === 'Organization' || issue.assignees.includes(who)) continue
      if (issue.assignees.length >= 10) break
      issue.assignees.push(who)
      this.event(issue, 'assigned', actor, at, { assignee: who })
      changed = true
    }
    if (changed) this.touch(issue, at)
  }

  removeAssignees(issue: Issue, actor: Account, logins: string[]): void {
    const at = this.now()
    let changed = false
    for (const login of logins) {
      const idx = issue.assignees.findIndex((a) => a.login.toLowerCase() === login.toLowerCase())
      if (idx < 0) continue
      const [who] = issue.assignees.splice(idx, 1)
      this.event(issue, 'unassigned', actor, at, { assignee: who })
      changed = true
    }
    if (changed) this.touch(issue, at)
  }

  setAssignees(issue: Issue, actor: Account, logins: string[]): void {
    const keep = new Set(logins.map((l) => l.toLowerCase()))
    this.removeAssignees(
      issue,
      actor,
      issue.assignees.filter((a) => !keep.has(a.login.toLowerCase())).map((a) => a.login),
    )
    this.addAssignees(issue, actor, logins)
  }

  // ---------- comments ----------

  createComment(issue: Issue, actor: Account, body: string): Comment {
    if (!body || !body.trim())
      throw new ApiError(
        422,
        'Validation Failed',
        [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
        'UNPROCESSABLE',
      )
    validateBody('IssueComment', body)
    const id = this.nextId()
    const at = this.now()
    const c: Comment = {
      id,
      nodeId: this.nodeId('IssueComment', id),
      issue,
      body,
      author: actor,
      createdAt: at,
      updatedAt: at,
    }
    issue.comments.push(c)
    this.comments.set(id, c)
    this.register({ kind: 'IssueComment', value: c })
    this.event(issue, 'commented', actor, at, { comment: c })
    this.touch(issue, at)
    return c
  }

  updateComment(c: Comment, body: string): void {
    validateBody('IssueComment', body)
    c.body = body
    c.updatedAt = this.now()
    c.issue.repo.version++
  }

  deleteComment(c: Comment): void {
    const issue = c.issue
    issue.comments.splice(issue.comments.indexOf(c), 1)
    const ev = issue.events.findIndex((e) => e.comment === c)
    if (ev >= 0) issue.events.splice(ev, 1)
    this.comments.delete(c.id)
    this.nodes.delete(c.nodeId)
    this.touch(issue)
  }

  // ---------- branches and files ----------

  private nextCommitSha(): string {
    return createHash('sha1').update(`commit:${++this.commitSeq}`).digest('hex')
  }

  branch(repo: Repo, name: string): Branch | undefined {
    return repo.branches.get(name)
  }

  /** For helpers: an unknown branch is a bug in the test. */
  mustBranch(repo: Repo, name: string): Branch {
    const b = repo.branches.get(name)
    if (!b) throw new Error(`emulator: no branch ${name} in ${repo.fullName}`)
    return b
  }

  /** The branch whose head is `sha` (the emulator keeps no history, so only heads resolve). */
  branchAt(repo: Repo, sha: string): Branch | undefined {
    for (const b of repo.branches.values()) if (b.sha === sha) return b
    return undefined
  }

  /** `refs/heads/<name>` at `sha`, with a copy of the files of the branch whose head that is. */
  createBranch(repo: Repo, name: string, sha: string): Branch {
    if (repo.branches.has(name)) throw new ApiError(422, 'Reference already exists')
    const from = this.branchAt(repo, sha)
    if (!from) throw new ApiError(422, 'Object does not exist')
    const b: Branch = { name, sha, files: new Map(from.files), forkedFiles: new Map(from.files), ahead: 0 }
    repo.branches.set(name, b)
    return b
  }

  /** Records a commit on `branch` (its files already changed) and moves the branch to it. */
  private commit(branch: Branch, actor: Account, message: string): Commit {
    const c: Commit = {
      sha: this.nextCommitSha(),
      tree: treeSha(branch.files),
      parents: [branch.sha],
      message,
      author: actor,
      date: this.now(),
    }
    branch.sha = c.sha
    branch.ahead++
    return c
  }

  /** Writes (or, with null, deletes) one file on a branch as a new commit. */
  writeFile(repo: Repo, branch: Branch, path: string, content: string | null, actor: Account, message: string): Commit {
    if (content === null) branch.files.delete(path)
    else branch.files.set(path, content)
    const c = this.commit(branch, actor, message)
    this.followBranches(repo)
    return c
  }

  /**
   * The contents API's create-or-update: `sha` must be the file's current blob sha to
   * replace it, and must be absent to create it.
   */
  putFile(
    repo: Repo,
    actor: Account,
    f: { branch: string; path: string; content: string; message: string; sha?: string },
  ): { branch: Branch; commit: Commit; created: boolean } {
    const branch = repo.branches.get(f.branch)
    if (!branch) throw new ApiError(404, `Branch ${f.branch} not found`)
    const current = branch.files.get(f.path)
    if (current !== undefined && f.sha === undefined)
      throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', [
        { resource: 'Contents', code: 'missing_field', field: 'sha' },
      ])
    // A sha for a file that does not exist matches nothing either.
    if (f.sha !== undefined && (current === undefined || gitBlobSha(current) !== f.sha))
      throw new ApiError(409, `${f.path} does not match ${f.sha}`)
    const commit = this.writeFile(repo, branch, f.path, f.content, actor, f.message)
    return { branch, commit, created: current === undefined }
  }

  // ---------- pull requests ----------

  /** An open pull request follows its branches; a closed one keeps the commits it ended with. */
  private followBranches(repo: Repo): void {
    for (const p of repo.pulls.values()) {
      if (p.state !== 'open') continue
      p.headSha = repo.branches.get(p.head)?.sha ?? p.headSha
      p.baseSha = repo.branches.get(p.base)?.sha ?? p.baseSha
    }
  }

  createPull(
    repo: Repo,
    actor: Account,
    p: { title: string; head: string; base: string; body?: string | null; draft?: boolean },
  ): PullRequest {
    validateTitle(p.title, 'PullRequest')
    validateBody('PullRequest', p.body)
    const head = repo.branches.get(p.head)
    const base = repo.branches.get(p.base)
    if (!base)
      throw new ApiError(
        422,
        'Validation Failed',
        [{ resource: 'PullRequest', code: 'invalid', field: 'base' }],
        'UNPROCESSABLE',
      )
    if (!head)
      throw new ApiError(
        422,
        'Validation Failed',
        [{ resource: 'PullRequest', code: 'invalid', field: 'head' }],
        'UNPROCESSABLE',
      )
    this.assertNoOpenPull(repo, p.head, p.base)
    if (head.sha === base.sha)
      throw new ApiError(
        422,
        'Validation Failed',
        [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${p.base} and ${p.head}` }],
        'UNPROCESSABLE',
      )
    const id = this.nextId()
    const now = this.now()
    const pull: PullRequest = {
      id,
      nodeId: this.nodeId('PullRequest', id),
      repo,
      number: ++repo.lastNumber,
      title: p.title,
      body: p.body ?? null,
      state: 'open',
      author: actor,
      head: p.head,
      base: p.base,
      headSha: head.sha,
      baseSha: base.sha,
      draft: p.draft ?? false,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedStats: null,
    }
    repo.pulls.set(pull.number, pull)
    return pull
  }

  private assertNoOpenPull(repo: Repo, head: string, base: string, except?: PullRequest): void {
    for (const o of repo.pulls.values()) {
      if (o !== except && o.state === 'open' && o.head === head && o.base === base)
        throw new ApiError(
          422,
          'Validation Failed',
          [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${repo.owner.login}:${head}.`,
            },
          ],
          'UNPROCESSABLE',
        )
    }
  }

  updatePull(pull: PullRequest, patch: { title?: string; body?: string | null; state?: 'open' | 'closed' }): void {
    if (patch.title !== undefined) validateTitle(patch.title, 'PullRequest')
    if (patch.body !== undefined) validateBody('PullRequest', patch.body)
    if (patch.state === 'open' && pull.state === 'closed') {
      if (pull.merged)
        throw new ApiError(
          422,
          'Validation Failed',
          [
            {
              resource: 'PullRequest',
              code: 'custom',
              field: 'state',
              message: 'state cannot be changed. The pull request has been merged.',
            },
          ],
          'UNPROCESSABLE',
        )
      if (!pull.repo.branches.has(pull.head))
        throw new ApiError(
          422,
          'Validation Failed',
          [
            {
              resource: 'PullRequest',
              code: 'custom',
              field: 'state',
              message: 'state cannot be changed. The head branch was deleted.',
            },
          ],
          'UNPROCESSABLE',
        )
      this.assertNoOpenPull(pull.repo, pull.head, pull.base, pull)
    }
    const now = this.now()
    if (patch.title !== undefined) pull.title = patch.title
    if (patch.body !== undefined) pull.body = patch.body
    if (patch.state === 'closed' && pull.state === 'open') {
      pull.state = 'closed'
      pull.closedAt = now
    } else if (patch.state === 'open' && pull.state === 'closed') {
      pull.state = 'open'
      pull.closedAt = null
      this.followBranches(pull.repo)
    }
    pull.updatedAt = now
  }

  /**
   * Merges as a merge commit: what changed on the head branch since its merge base is applied
   * to the base branch (changes made on the base meanwhile are kept), the base moves to the
   * merge commit, and the pull request is closed as merged.
   */
  mergePull(pull: PullRequest, actor: Account): Commit {
    if (pull.merged) throw new ApiError(405, 'Pull Request is not mergeable')
    if (pull.state !== 'open') throw new ApiError(422, 'Pull Request is not open')
    const repo = pull.repo
    const head = repo.branches.get(pull.head)
    const base = repo.branches.get(pull.base)
    if (!head || !base) throw new ApiError(422, 'Head or base branch is missing')
    pull.mergedStats = this.pullStats(pull)
    const before = head.forkedFiles ?? new Map<string, string>()
    pull.files = [...new Set([...head.files.keys(), ...before.keys()])].filter(
      (p) => head.files.get(p) !== before.get(p),
    )
    for (const path of new Set([...head.files.keys(), ...before.keys()])) {
      const now = head.files.get(path)
      if (now === before.get(path)) continue
      if (now === undefined) base.files.delete(path)
      else base.files.set(path, now)
    }
    const c = this.commit(
      base,
      actor,
      `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.head}\n\n${pull.title}`,
    )
    c.parents.push(head.sha)
    this.followBranches(repo)
    // The head's changes are in the base now: the merge base moves up to the head.
    head.forkedFiles = new Map(head.files)
    head.ahead = 0
    const at = c.date
    pull.headSha = head.sha
    pull.baseSha = base.sha
    pull.state = 'closed'
    pull.merged = true
    pull.mergedAt = at
    pull.closedAt = at
    pull.mergedBy = actor
    pull.mergeCommitSha = c.sha
    pull.updatedAt = at
    return c
  }

  /** Commits and changed lines of the head branch since its merge base (lines compared as multisets). */
  pullStats(pull: PullRequest): PullStats {
    if (pull.mergedStats) return pull.mergedStats
    const head = pull.repo.branches.get(pull.head)
    if (!head) return { commits: 0, additions: 0, deletions: 0, changedFiles: 0 }
    const before = head.forkedFiles ?? new Map<string, string>()
    let additions = 0
    let deletions = 0
    let changedFiles = 0
    for (const path of new Set([...head.files.keys(), ...before.keys()])) {
      const a = before.get(path)
      const b = head.files.get(path)
      if (a === b) continue
      changedFiles++
      const left = new Map<string, number>()
      for (const line of a === undefined ? [] : a.split('\n')) left.set(line, (left.get(line) ?? 0) + 1)
      for (const line of b === undefined ? [] : b.split('\n')) {
        const n = left.get(line) ?? 0
        if (n > 0) left.set(line, n - 1)
        else additions++
      }
      for (const n of left.values()) deletions += n
    }
    return { commits: head.ahead, additions, deletions, changedFiles }
  }

  /** Pull requests of a repo, newest first (GitHub's default order), filtered like the list endpoint. */
  listPulls(repo: Repo, f: { state?: 'open' | 'closed' | 'all'; head?: string; base?: string } = {}): PullRequest[] {
    const state = f.state ?? 'open'
    return [...repo.pulls.values()]
      .filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (f.head === undefined || p.head === f.head) &&
          (f.base === undefined || p.base === f.base),
      )
      .sort((a, b) => compareKeys([Date.parse(b.createdAt), b.number], [Date.parse(a.createdAt), a.number]))
  }

  // ---------- listing ----------

  /**
   * Issues of a repo filtered and sorted; cached until the repo changes, so paging through a
   * big listing costs one filter+sort, not one per page. Ties break on number, ascending or
   * descending with the direction, so the order is total and cursors can binary-search it.
   */
  listIssues(repo: Repo, f: IssueFilter): Issue[] {
    const key = JSON.stringify([
      f.state ?? 'open',
      f.labels?.map((l) => l.toLowerCase()).sort() ?? [],
      f.anyLabels?.map((l) => l.toLowerCase()).sort() ?? [],
      f.since ?? '',
      f.creator ?? '',
      f.assignee ?? '',
      f.sort ?? 'created',
      f.direction ?? 'desc',
    ])
    const hit = repo.listCache.get(key)
    if (hit && hit.version === repo.version) return hit.list
    const state = f.state ?? 'open'
    const wanted = (f.labels ?? []).map((l) => l.toLowerCase())
    const any = f.anyLabels?.length ? new Set(f.anyLabels.map((l) => l.toLowerCase())) : null
    const since = f.since ? new Date(f.since).getTime() : null
    const creator = f.creator?.toLowerCase()
    const assignee = f.assignee?.toLowerCase()
    const list = repo.issues.filter((i) => {
      if (state !== 'all' && i.state !== state) return false
      if (since !== null && Date.parse(i.updatedAt) < since) return false
      if (creator && i.author.login.toLowerCase() !== creator) return false
      if (assignee === 'none' && i.assignees.length) return false
      if (assignee === '*' && !i.assignees.length) return false
      if (
        assignee &&
        assignee !== 'none' &&
        assignee !== '*' &&
        !i.assignees.some((a) => a.login.toLowerCase() === assignee)
      )
        return false
      for (const w of wanted) if (!i.labels.some((l) => l.name.toLowerCase() === w)) return false
      if (any && !i.labels.some((l) => any.has(l.name.toLowerCase()))) return false
      return true
    })
    const keyOf = issueSortKey(f.sort ?? 'created')
    const dir = (f.direction ?? 'desc') === 'asc' ? 1 : -1
    list.sort((a, b) => dir * compareKeys(keyOf(a), keyOf(b)))
    if (repo.listCache.size > 64) repo.listCache.clear()
    repo.listCache.set(key, { version: repo.version, list })
    return list
  }

  // ---------- Projects v2 ----------

  addProject(
    ownerLogin: string,
    spec: { number: number; title: string; fields: { name: string; dataType: ProjectFieldType; options?: string[] }[] },
  ): Project {
    const owner = this.account(ownerLogin) ?? this.addAccount(ownerLogin, 'Organization')
    const key = `${owner.login.toLowerCase()}#${spec.number}`
    if (this.projects.has(key)) throw new Error(`emulator: project ${key} already exists`)
    const id = this.nextId()
    const now = this.now()
    const project: Project = {
      id,
      nodeId: this.nodeId('ProjectV2', id),
      owner,
      number: spec.number,
      title: spec.title,
      fields: [],
      items: [],
      itemByIssue: new Map(),
      createdAt: now,
      updatedAt: now,
    }
    for (const f of spec.fields) {
      const fid = this.nextId()
      const field: ProjectField = {
        id: fid,
        nodeId: this.nodeId(f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : 'ProjectV2Field', fid),
        project,
        name: f.name,
        dataType: f.dataType,
        // Option ids on GitHub are short hex strings, unique within the field.
        options: (f.options ?? []).map((name, n) => ({
          id: createHash('sha1').update(`${fid}:${n}:${name}`).digest('hex').slice(0, 8),
          name,
        })),
        createdAt: now,
      }
      project.fields.push(field)
      this.register({ kind: 'ProjectV2Field', value: field })
    }
    this.projects.set(key, project)
    this.register({ kind: 'ProjectV2', value: project })
    return project
  }

  project(ownerLogin: string, number: number): Project | undefined {
    return this.projects.get(`${ownerLogin.toLowerCase()}#${number}`)
  }

  addProjectItem(project: Project, issue: Issue, actor: Account): ProjectItem {
    const existing = project.itemByIssue.get(issue.id)
    if (existing) return existing
    const id = this.nextId()
    const now = this.now()
    const item: ProjectItem = {
      id,
      nodeId: this.nodeId('ProjectV2Item', id),
      project,
      issue,
      values: new Map(),
      createdAt: now,
      updatedAt: now,
      creator: actor,
    }
    project.items.push(item)
    project.itemByIssue.set(issue.id, item)
    issue.projectItems.push(item)
    this.register({ kind: 'ProjectV2Item', value: item })
    return item
  }

  setProjectValue(item: ProjectItem, field: ProjectField, value: FieldValue | null, actor: Account): void {
    const now = this.now()
    if (value === null) item.values.delete(field.id)
    else item.values.set(field.id, { value, updatedAt: now, creator: actor })
    item.updatedAt = now
    item.project.updatedAt = now
  }

  /** A field's value as plain text (option name, date, text, number) for assertions. */
  projectValueText(item: ProjectItem, field: ProjectField): string | null {
    const v = item.values.get(field.id)?.value
    if (!v) return null
    switch (v.kind) {
      case 'SINGLE_SELECT':
        return field.options.find((o) => o.id === v.optionId)?.name ?? null
      case 'TEXT':
        return v.text
      case 'DATE':
        return v.date
      case 'NUMBER':
        return String(v.number)
    }
  }
}

export type SortKey = readonly (string | number)[]

/** Lexicographic comparison of sort keys; the basis of both sorting and cursor seeking. */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let n = 0; n < Math.max(a.length, b.length); n++) {
    const x = a[n]
    const y = b[n]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    return x < y ? -1 : 1
  }
  return 0
}

export function issueSortKey(sort: 'created' | 'updated' | 'comments'): (i: Issue) => SortKey {
  if (sort === 'updated') return (i) => [Date.parse(i.updatedAt), i.number]
  if (sort === 'comments') return (i) => [i.comments.length, i.number]
  return (i) => [Date.parse(i.createdAt), i.number]
}

function normalizeColor(color: string): string {
  const c = color.replace(/^#/, '')
  if (!/^[0-9a-fA-F]{6}$/.test(c))
    throw new ApiError(
      422,
      'Validation Failed',
      [{ resource: 'Label', code: 'invalid', field: 'color' }],
      'UNPROCESSABLE',
    )
  return c.toLowerCase()
}

function validateTitle(title: unknown, resource = 'Issue'): void {
  if (typeof title !== 'string' || !title.trim())
    throw new ApiError(422, 'Validation Failed', [{ resource, code: 'missing_field', field: 'title' }], 'UNPROCESSABLE')
  if (title.length > MAX_TITLE)
    throw new ApiError(
      422,
      'Validation Failed',
      [{ resource, code: 'custom', field: 'title', message: `title is too long (maximum is ${MAX_TITLE} characters)` }],
      'UNPROCESSABLE',
    )
}

function validateLabelName(name: string): void {
  if (name.length > MAX_LABEL_NAME)
    throw new ApiError(
      422,
      'Validation Failed',
      [
        {
          resource: 'Label',
          code: 'custom',
          field: 'name',
          message: `name is too long (maximum is ${MAX_LABEL_NAME} characters)`,
        },
      ],
      'UNPROCESSABLE',
    )
}

function validateBody(resource: string, body: unknown): void {
  if (typeof body === 'string' && body.length > MAX_BODY)
    throw new ApiError(
      422,
      'Validation Failed',
      [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }],
      'UNPROCESSABLE',
    )
}

/** Git's blob id (`sha1("blob <bytes>\0<content>")`), so `sha` changes exactly when the content does. */
export function gitBlobSha(content: string | Buffer): string {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex')
}

/** A stand-in for git's tree id: depends only on the paths and their blobs. */
function treeSha(files: Map<string, string>): string {
  const h = createHash('sha1').update('tree\0')
  for (const path of [...files.keys()].sort()) h.update(`${path}\0${gitBlobSha(files.get(path) ?? '')}\n`)
  return h.digest('hex')
}
