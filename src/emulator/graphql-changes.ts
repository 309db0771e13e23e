// GraphQL for the changes a repository ships (src/emulator/changes.ts): Repository.pullRequests,
// .deployments and .releases, and the PullRequest, Deployment and Release objects they return.
// Field names and arguments are GitHub's (the schema validates every query before it gets here).

import { changesOf, pullCommits, type Deployment, type Release } from './changes.js'
import { compareKeys, type Account, type PullRequest, type Repo, type SortKey } from './state.js'

interface PageArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

interface Order {
  field: string
  direction: string
}

/** What graphql.ts lends: its cursor pagination, its account wrapper and its label lookup. */
export interface ChangesKit {
  connection<T>(
    all: readonly T[],
    args: PageArgs,
    keyOf: (t: T) => SortKey,
    desc: boolean,
    wrap: (t: T) => unknown,
  ): unknown
  account(a: Account | null): unknown
  label(repo: Repo, name: string): unknown
  html(path: string): string
}

const commitObj = (oid: string, date?: string, message?: string) => ({
  __typename: 'Commit',
  id: `C_${oid}`,
  oid,
  abbreviatedOid: oid.slice(0, 7),
  committedDate: date,
  authoredDate: date,
  message,
})

class PullRequestNode {
  readonly __typename = 'PullRequest'
  constructor(
    private readonly p: PullRequest,
    private readonly kit: ChangesKit,
  ) {}
  get id() {
    return this.p.nodeId
  }
  get databaseId() {
    return this.p.id
  }
  get number() {
    return this.p.number
  }
  get title() {
    return this.p.title
  }
  get body() {
    return this.p.body ?? ''
  }
  get url() {
    return this.kit.html(`${this.p.repo.fullName}/pull/${this.p.number}`)
  }
  get state() {
    return this.p.merged ? 'MERGED' : this.p.state === 'open' ? 'OPEN' : 'CLOSED'
  }
  get merged() {
    return this.p.merged
  }
  get mergedAt() {
    return this.p.mergedAt
  }
  get createdAt() {
    return this.p.createdAt
  }
  get updatedAt() {
    return this.p.updatedAt
  }
  get closedAt() {
    return this.p.closedAt
  }
  get baseRefName() {
    return this.p.base
  }
  get headRefName() {
    return this.p.head
  }
  get author() {
    return this.kit.account(this.p.author)
  }
  get mergeCommit() {
    return this.p.mergeCommitSha ? commitObj(this.p.mergeCommitSha, this.p.mergedAt ?? undefined) : null
  }
  labels(args: PageArgs) {
    const names = this.p.labels ?? []
    return this.kit.connection(
      names.map((n, i) => ({ n, i })),
      args,
      (x) => [x.i],
      false,
      (x) => this.kit.label(this.p.repo, x.n) ?? { __typename: 'Label', id: `LA_${x.n}`, name: x.n, color: 'ededed' },
    )
  }
  files(args: PageArgs) {
    const files = (this.p.files ?? []).map((path, i) => ({ path, i }))
    return this.kit.connection(
      files,
      args,
      (x) => [x.i],
      false,
      (x) => ({ path: x.path, additions: 1, deletions: 0, changeType: 'MODIFIED', viewerViewedState: 'UNVIEWED' }),
    )
  }
  commits(args: PageArgs) {
    const list = pullCommits(this.p).map((c, i) => ({ c, i }))
    return this.kit.connection(
      list,
      args,
      (x) => [x.i],
      false,
      (x) => ({
        __typename: 'PullRequestCommit',
        id: `PRC_${x.c.oid}`,
        commit: commitObj(x.c.oid, x.c.date, x.c.message),
      }),
    )
  }
}

function statusNode(s: Deployment['statuses'][number]) {
  return {
    __typename: 'DeploymentStatus',
    id: s.nodeId,
    state: s.state.toUpperCase(),
    description: s.description,
    environment: s.environment,
    createdAt: s.createdAt,
    updatedAt: s.createdAt,
  }
}

/** GitHub's Deployment.state: the latest status's, PENDING before any. */
function deploymentState(d: Deployment): string {
  const last = d.statuses[d.statuses.length - 1]
  if (!last) return 'PENDING'
  return last.state === 'failure' ? 'FAILURE' : last.state.toUpperCase()
}

function deploymentNode(d: Deployment, kit: ChangesKit) {
  return {
    __typename: 'Deployment',
    id: d.nodeId,
    databaseId: d.id,
    commitOid: d.sha,
    commit: commitObj(d.sha),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    environment: d.environment,
    latestEnvironment: d.statuses[d.statuses.length - 1]?.environment ?? d.environment,
    originalEnvironment: d.environment,
    description: d.description,
    task: d.task,
    state: deploymentState(d),
    creator: kit.account(d.creator),
    latestStatus: d.statuses.length ? statusNode(d.statuses[d.statuses.length - 1]!) : null,
    statuses: (args: PageArgs) =>
      kit.connection(
        d.statuses.map((s, i) => ({ s, i })),
        args,
        (x) => [x.i],
        false,
        (x) => statusNode(x.s),
      ),
  }
}

function releaseNode(r: Release, repo: Repo, kit: ChangesKit) {
  return {
    __typename: 'Release',
    id: r.nodeId,
    databaseId: r.id,
    tagName: r.tagName,
    name: r.name,
    description: r.body,
    isDraft: r.draft,
    isPrerelease: r.prerelease,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    updatedAt: r.createdAt,
    tagCommit: commitObj(r.sha),
    url: kit.html(`${repo.fullName}/releases/tag/${encodeURIComponent(r.tagName)}`),
    author: kit.account(r.author),
  }
}

const dir = (o: Order | null | undefined, fallback: 'ASC' | 'DESC'): boolean => (o?.direction ?? fallback) === 'DESC'

/** Repository.pullRequests(states, baseRefName, headRefName, labels, orderBy). */
export function repoPullRequests(
  repo: Repo,
  args: PageArgs & {
    states?: string[] | null
    baseRefName?: string | null
    headRefName?: string | null
    labels?: string[] | null
    orderBy?: Order | null
  },
  kit: ChangesKit,
) {
  const stateOf = (p: PullRequest): string => (p.merged ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED')
  const field = args.orderBy?.field === 'UPDATED_AT' ? 'updatedAt' : 'createdAt'
  const desc = dir(args.orderBy, 'ASC')
  const keyOf = (p: PullRequest): SortKey => [Date.parse(p[field]), p.id]
  const list = [...repo.pulls.values()]
    .filter(
      (p) =>
        (!args.states?.length || args.states.includes(stateOf(p))) &&
        (!args.baseRefName || p.base === args.baseRefName) &&
        (!args.headRefName || p.head === args.headRefName) &&
        (!args.labels?.length || args.labels.some((l) => (p.labels ?? []).includes(l))),
    )
    .sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)))
  return kit.connection(list, args, keyOf, desc, (p) => new PullRequestNode(p, kit))
}

/** Repository.deployments(environments, orderBy: {field: CREATED_AT, direction}); GitHub's default is ascending. */
export function repoDeployments(
  repo: Repo,
  args: PageArgs & { environments?: string[] | null; orderBy?: Order | null },
  kit: ChangesKit,
) {
  const desc = dir(args.orderBy, 'ASC')
  const keyOf = (d: Deployment): SortKey => [Date.parse(d.createdAt), d.id]
  const list = changesOf(repo)
    .deployments.filter((d) => !args.environments?.length || args.environments.includes(d.environment))
    .sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)))
  return kit.connection(list, args, keyOf, desc, (d) => deploymentNode(d, kit))
}

/** Repository.releases(orderBy: {field: CREATED_AT | NAME, direction}). */
export function repoReleases(repo: Repo, args: PageArgs & { orderBy?: Order | null }, kit: ChangesKit) {
  const desc = dir(args.orderBy, 'ASC')
  const keyOf = (r: Release): SortKey =>
    args.orderBy?.field === 'NAME' ? [r.tagName, r.id] : [Date.parse(r.createdAt), r.id]
  const list = [...changesOf(repo).releases].sort((a, b) => (desc ? -1 : 1) * compareKeys(keyOf(a), keyOf(b)))
  return kit.connection(list, args, keyOf, desc, (r) => releaseNode(r, repo, kit))
}
