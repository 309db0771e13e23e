import { getOctokit } from '@actions/github'
import type { ChangeSet } from '../changes/types.js'
import {
  CHANGES_SELECTION,
  changeSetOf,
  type ChangesResult,
  readChangeHistory,
  readRecentChanges,
  type GraphqlRunner,
} from './changes.js'
import { throttling } from '@octokit/plugin-throttling'
import { retry } from '@octokit/plugin-retry'
import { limiterPlugin, realClock, type RequestLimiter } from './limiter.js'
import { GitHubApiError, getErrorMessage } from '../errors.js'
import type {
  TogetherWrite,
  CommentSnapshot,
  GitHubPort,
  IncidentPage,
  IncidentQuery,
  IssueContext,
  IssueSnapshot,
  LabelSpec,
  RepoRef,
} from './port.js'

type Octokit = ReturnType<typeof getOctokit>

export interface OctokitPortOptions {
  token: string
  repo: RepoRef
  /** REST base URL (GITHUB_API_URL); GraphQL is derived from it the way Octokit does. */
  baseUrl: string
  warn: (message: string) => void
  /** The token's limiter (one per token: GitHub counts per identity); it carries the limits. */
  limiter: RequestLimiter
  /** Retries for 5xx and secondary rate limits before the run fails. */
  retries?: number
}

/**
 * Builds an Octokit whose every attempt goes through the limiter (GitHub's documented pace, see
 * limits.ts), with plugin-retry for 5xx and timeouts and plugin-throttling for 403/429 rate limits.
 * Neither plugin adds spacing of its own: their waits are `retry-after` (or the back-off) times
 * the limits' `retryBaseMs`, and a wait longer than `maxWaitMs` fails the request instead.
 */
export function createOctokit(opts: OctokitPortOptions): Octokit {
  const retries = opts.retries ?? 4
  const limits = opts.limiter.limits
  const wantRetry =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
      const waitMs = retryAfter * limits.retryBaseMs
      if (retryCount >= retries || waitMs > limits.maxWaitMs) return false
      opts.warn(
        `${kind} for ${options.method} ${options.url}; retrying after ${retryAfter}s (attempt ${retryCount + 1}).`,
      )
      return true
    }
  return getOctokit(
    opts.token,
    {
      baseUrl: opts.baseUrl,
      retry: { retries, doNotRetry: [400, 401, 404, 410, 422, 451], retryAfterBaseValue: limits.retryBaseMs },
      throttle: {
        // The limiter paces requests; plugin-throttling only handles the 403/429 answers.
        write: UNSPACED,
        notifications: UNSPACED,
        search: UNSPACED,
        retryAfterBaseValue: limits.retryBaseMs,
        onRateLimit: wantRetry('Rate limit reached'),
        onSecondaryRateLimit: wantRetry('Secondary rate limit'),
      },
    },
    limiterPlugin(opts.limiter),
    throttling,
    retry,
  )
}

/**
 * Stands in for plugin-throttling's spacing groups (a Bottleneck.Group whose `write` waits 1 s and
 * `notifications` 3 s before every write, GraphQL reads included): runs each job at once.
 */
const UNSPACED = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]): Promise<unknown> =>
      Promise.resolve().then(() => job(...args)),
  }),
}

const ISSUE_CONTEXT = /* GraphQL */ `
  query IncidentContext(
    $owner: String!
    $name: String!
    $number: Int!
    $configExpr: String!
    $withConfig: Boolean!
    $withChanges: Boolean!
  ) {
    repository(owner: $owner, name: $name) {
      id
      ${CHANGES_SELECTION}
      config: object(expression: $configExpr) @include(if: $withConfig) {
        ... on Blob {
          text
          isBinary
          byteSize
        }
      }
      labels(first: 100) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
      issue(number: $number) {
        id
        number
        title
        body
        state
        stateReason
        createdAt
        updatedAt
        closedAt
        url
        viewerDidAuthor
        author {
          login
        }
        assignees(first: 20) {
          nodes {
            login
          }
        }
        labels(first: 100) {
          nodes {
            name
          }
        }
        comments(first: 100) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            databaseId
            body
            createdAt
            updatedAt
            viewerDidAuthor
            author {
              __typename
              login
            }
          }
        }
      }
    }
  }
`

const MORE_LABELS = /* GraphQL */ `
  query RepositoryLabels($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      labels(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
    }
  }
`

const MORE_COMMENTS = /* GraphQL */ `
  query IssueComments($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        comments(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            databaseId
            body
            createdAt
            updatedAt
            viewerDidAuthor
            author {
              __typename
              login
            }
          }
        }
      }
    }
  }
`

const INCIDENT_PAGE = /* GraphQL */ `
  query IncidentsPage(
    $owner: String!
    $name: String!
    $label: String!
    $states: [IssueState!]
    $after: String
    $since: DateTime
    $configExpr: String!
    $withConfig: Boolean!
    $labelled: String!
    $withLabelled: Boolean!
    $withLabels: Boolean!
    $heartbeats: String!
    $withHeartbeats: Boolean!
    $fileRef: String!
    $fileExpr: String!
    $withFile: Boolean!
  ) {
    repository(owner: $owner, name: $name) {
      id
      fileRef: ref(qualifiedName: $fileRef) @include(if: $withFile) {
        target {
          oid
        }
      }
      fileBlob: object(expression: $fileExpr) @include(if: $withFile) {
        ... on Blob {
          oid
        }
      }
      labelledLabel: label(name: $labelled) @include(if: $withLabelled) {
        id
      }
      repoLabels: labels(first: 100) @include(if: $withLabels) {
        nodes {
          name
          color
          description
        }
      }
      config: object(expression: $configExpr) @include(if: $withConfig) {
        ... on Blob {
          text
          isBinary
        }
      }
      labelled: issues(labels: [$labelled], last: 20, orderBy: { field: CREATED_AT, direction: ASC })
        @include(if: $withLabelled) {
        nodes {
          number
          id
          title
          body
          state
          viewerDidAuthor
        }
      }
      heartbeats: issues(labels: [$heartbeats], first: 5, orderBy: { field: CREATED_AT, direction: ASC })
        @include(if: $withHeartbeats) {
        nodes {
          number
          body
          viewerDidAuthor
          comments(first: 100) {
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
        }
      }
      issues(
        first: 100
        after: $after
        labels: [$label]
        states: $states
        filterBy: { since: $since }
        orderBy: { field: CREATED_AT, direction: ASC }
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          number
          title
          body
          state
          stateReason
          createdAt
          updatedAt
          closedAt
          url
          viewerDidAuthor
          author {
            login
          }
          assignees(first: 10) {
            nodes {
              login
            }
          }
          labels(first: 50) {
            nodes {
              name
            }
          }
          head: comments(first: 3) {
            totalCount
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
          tail: comments(last: 20) {
            nodes {
              databaseId
              body
              createdAt
              updatedAt
              viewerDidAuthor
              author {
                __typename
                login
              }
            }
          }
        }
      }
    }
  }
`

const ORG_REPOSITORIES = /* GraphQL */ `
  query OrgRepositories($org: String!, $after: String, $label: String!) {
    organization(login: $org) {
      repositories(
        first: 100
        after: $after
        isArchived: false
        hasIssuesEnabled: true
        orderBy: { field: NAME, direction: ASC }
      ) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          owner {
            login
          }
          incidents: issues(labels: [$label], first: 0) {
            totalCount
          }
        }
      }
    }
  }
`

/** The issue fields both queries read (IncidentContext and IncidentsPage). */
type GqlIssue = {
  id: string
  number: number
  title: string
  body: string
  state: 'OPEN' | 'CLOSED'
  stateReason: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
  url: string
  viewerDidAuthor: boolean
  author: { login: string } | null
  assignees: { nodes: { login: string }[] }
  labels: { nodes: { name: string }[] }
}

type GqlPageIssue = GqlIssue & { head: { totalCount: number; nodes: GqlComment[] }; tail: { nodes: GqlComment[] } }

type PageInfo = { hasNextPage: boolean; endCursor: string | null }
type GqlComment = {
  databaseId: number
  body: string
  createdAt: string
  updatedAt: string
  viewerDidAuthor: boolean
  author: { __typename?: string; login: string } | null
}
type GqlLabel = { name: string; color: string; description: string | null }
type IssueContextResult = {
  repository:
    | (ChangesResult & {
        id: string
        config?: { text: string | null; isBinary: boolean; byteSize: number } | null
        labels: { pageInfo: PageInfo; nodes: GqlLabel[] }
        issue: (GqlIssue & { comments: { pageInfo: PageInfo; nodes: GqlComment[] } }) | null
      })
    | null
}

/** The GitHub port over Octokit: GraphQL for reads (one query per incident), REST for writes. */
export class OctokitPort implements GitHubPort {
  private repositoryId: string | undefined
  private lastDate: string | null = null

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
    /** Retries of a create whose answer was lost (see `create`), with (n + 1)² × baseMs between them, as plugin-retry does. */
    private readonly createRetry: { retries: number; baseMs: number; sleep: (ms: number) => Promise<void> } = {
      retries: 4,
      baseMs: 1000,
      sleep: realClock.sleep,
    },
  ) {
    // Decisions use GitHub's clock (every response's Date header), not the runner's: one clock for
    // every run, and the one the timestamps in GitHub's own data come from.
    octokit.hook.after('request', (response) => {
      const d = (response.headers as Record<string, string | undefined>).date
      const t = d ? Date.parse(d) : NaN
      if (!Number.isNaN(t)) this.lastDate = new Date(t).toISOString()
    })
  }

  serverTime(): string | null {
    return this.lastDate
  }

  recentChanges(): Promise<ChangeSet> {
    return readRecentChanges(this.gql, this.repo)
  }

  changeHistory(since: string): Promise<ChangeSet> {
    return readChangeHistory(this.gql, this.repo, since)
  }

  /** One named GraphQL query through the port's error mapping (for the readers in github/changes.ts). */
  private readonly gql: GraphqlRunner = (name, query, vars) => this.call(name, () => this.octokit.graphql(query, vars))

  async loadIssueContext(number: number, opts: { configPath?: string; withChanges?: boolean }): Promise<IssueContext> {
    const vars = { owner: this.repo.owner, name: this.repo.repo }
    const res = await this.call('query IncidentContext', () =>
      this.octokit.graphql<IssueContextResult>(ISSUE_CONTEXT, {
        ...vars,
        number,
        configExpr: `HEAD:${opts.configPath ?? ''}`,
        withConfig: opts.configPath !== undefined,
        withChanges: opts.withChanges === true,
      }),
    )
    const repo = res.repository
    if (!repo)
      throw new GitHubApiError(
        `Repository ${this.repo.owner}/${this.repo.repo} not found or not readable with this token.`,
        404,
        'graphql',
      )
    this.repositoryId = repo.id
    const labels = [...repo.labels.nodes]
    let page = repo.labels.pageInfo
    while (page.hasNextPage) {
      const more = await this.call('query RepositoryLabels', () =>
        this.octokit.graphql<{ repository: { labels: { pageInfo: PageInfo; nodes: GqlLabel[] } } }>(MORE_LABELS, {
          ...vars,
          after: page.endCursor,
        }),
      )
      labels.push(...more.repository.labels.nodes)
      page = more.repository.labels.pageInfo
    }
    const i = repo.issue
    let comments: GqlComment[] = []
    if (i) {
      comments = [...i.comments.nodes]
      let cpage = i.comments.pageInfo
      while (cpage.hasNextPage) {
        const more = await this.call('query IssueComments', () =>
          this.octokit.graphql<{ repository: { issue: { comments: { pageInfo: PageInfo; nodes: GqlComment[] } } } }>(
            MORE_COMMENTS,
            { ...vars, number, after: cpage.endCursor },
          ),
        )
        comments.push(...more.repository.issue.comments.nodes)
        cpage = more.repository.issue.comments.pageInfo
      }
    }
    const ctx: IssueContext = {
      repositoryId: repo.id,
      repoLabels: labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? '' })),
      issue: i ? toIssue(i, comments.map(toComment)) : null,
    }
    const changes = changeSetOf(repo)
    if (changes) ctx.changes = changes
    if (opts.configPath !== undefined)
      ctx.configText = repo.config ? (repo.config.isBinary ? '\u0000binary' : (repo.config.text ?? null)) : null
    return ctx
  }

  async *incidentPages(q: IncidentQuery): AsyncGenerator<IncidentPage> {
    let after: string | null = null
    let first = true
    for (;;) {
      const res: {
        repository: {
          id: string
          config?: { text: string | null; isBinary: boolean } | null
          labelled?: {
            nodes: {
              number: number
              id: string
              title: string
              body: string
              state: 'OPEN' | 'CLOSED'
              viewerDidAuthor: boolean
            }[]
          }
          labelledLabel?: { id: string } | null
          fileRef?: { target: { oid: string } | null } | null
          fileBlob?: { oid?: string } | null
          repoLabels?: { nodes: GqlLabel[] }
          heartbeats?: {
            nodes: { number: number; body: string; viewerDidAuthor: boolean; comments: { nodes: GqlComment[] } }[]
          }
          issues: { totalCount: number; pageInfo: PageInfo; nodes: GqlPageIssue[] }
        } | null
      } = await this.call('query IncidentsPage', () =>
        this.octokit.graphql(INCIDENT_PAGE, {
          owner: this.repo.owner,
          name: this.repo.repo,
          label: q.label,
          states: q.states,
          after,
          since: q.since ?? null,
          configExpr: `HEAD:${q.configPath ?? ''}`,
          withConfig: first && q.configPath !== undefined,
          labelled: q.labelled ?? '',
          withLabelled: first && q.labelled !== undefined,
          withLabels: first && q.withRepoLabels === true,
          heartbeats: q.heartbeats ?? '',
          withHeartbeats: first && q.heartbeats !== undefined,
          fileRef: q.file ? `refs/heads/${q.file.branch}` : '',
          fileExpr: q.file ? `${q.file.branch}:${q.file.path}` : '',
          withFile: first && q.file !== undefined,
        }),
      )
      const repo = res.repository
      if (!repo)
        throw new GitHubApiError(
          `Repository ${this.repo.owner}/${this.repo.repo} not found or not readable with this token.`,
          404,
          'graphql',
        )
      this.repositoryId = repo.id
      const page: IncidentPage = {
        repositoryId: repo.id,
        totalCount: repo.issues.totalCount,
        incidents: repo.issues.nodes.map((i) => {
          const seen = new Set<number>()
          const comments = [...i.head.nodes, ...i.tail.nodes]
            .filter((c) => !seen.has(c.databaseId) && seen.add(c.databaseId))
            .map(toComment)
          return { ...toIssue(i, comments), commentCount: i.head.totalCount }
        }),
      }
      if (first && q.configPath !== undefined)
        page.configText = repo.config ? (repo.config.isBinary ? '\u0000binary' : (repo.config.text ?? null)) : null
      if (first && q.withRepoLabels)
        page.repoLabels = (repo.repoLabels?.nodes ?? []).map((l) => ({
          name: l.name,
          color: l.color,
          description: l.description ?? '',
        }))
      if (first && q.labelled !== undefined) {
        page.labelled = (repo.labelled?.nodes ?? [])
          .reverse()
          .map((l) => ({ ...l, state: l.state === 'OPEN' ? ('open' as const) : ('closed' as const) }))
        page.labelledLabelId = repo.labelledLabel?.id ?? null
      }
      if (first && q.file)
        page.file = { headOid: repo.fileRef?.target?.oid ?? null, blobOid: repo.fileBlob?.oid ?? null }
      if (first && q.heartbeats !== undefined)
        page.heartbeats = (repo.heartbeats?.nodes ?? []).map((h) => ({
          number: h.number,
          body: h.body,
          viewerDidAuthor: h.viewerDidAuthor,
          comments: h.comments.nodes.map(toComment),
        }))
      yield page
      first = false
      if (!repo.issues.pageInfo.hasNextPage) return
      after = repo.issues.pageInfo.endCursor
    }
  }

  async orgRepositories(org: string, incidentLabel: string): Promise<(RepoRef & { incidents: number })[]> {
    const out: (RepoRef & { incidents: number })[] = []
    let after: string | null = null
    for (;;) {
      const res: {
        organization: {
          repositories: {
            pageInfo: PageInfo
            nodes: { name: string; owner: { login: string }; incidents: { totalCount: number } }[]
          }
        } | null
      } = await this.call('query OrgRepositories', () =>
        this.octokit.graphql(ORG_REPOSITORIES, { org, after, label: incidentLabel }),
      )
      const page = res.organization?.repositories
      if (!page)
        throw new GitHubApiError(`Organisation ${org} not found or not readable with this token.`, 404, 'graphql')
      for (const r of page.nodes) out.push({ owner: r.owner.login, repo: r.name, incidents: r.incidents.totalCount })
      if (!page.pageInfo.hasNextPage) return out
      after = page.pageInfo.endCursor
    }
  }

  async readConfig(path: string): Promise<string | null> {
    const res = await this.call('query ConfigFile', () =>
      this.octokit.graphql<{ repository: { object: { text: string | null; isBinary: boolean } | null } | null }>(
        `query ConfigFile($owner: String!, $name: String!, $expr: String!) { repository(owner: $owner, name: $name) { object(expression: $expr) { ... on Blob { text isBinary } } } }`,
        { owner: this.repo.owner, name: this.repo.repo, expr: `HEAD:${path}` },
      ),
    )
    const obj = res.repository?.object
    if (!obj) return null
    return obj.isBinary ? '\u0000binary' : (obj.text ?? null)
  }

  async readFile(branch: string, path: string): Promise<{ text: string; sha: string } | null> {
    const route = 'GET /repos/{owner}/{repo}/contents/{path}'
    try {
      const res = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref: branch })
      const d = res.data
      if (Array.isArray(d) || d.type !== 'file') return null
      if ('content' in d && d.encoding === 'base64')
        return { text: Buffer.from(d.content, 'base64').toString('utf8'), sha: d.sha }
      // Over 1 MB GitHub answers without the content: ask for the raw bytes.
      const raw = await this.call(route, () =>
        this.octokit.rest.repos.getContent({ ...this.repo, path, ref: branch, mediaType: { format: 'raw' } }),
      )
      return { text: String(raw.data as unknown), sha: d.sha }
    } catch (error: unknown) {
      if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return null
      throw toApiError(error, route)
    }
  }

  async putFile(p: {
    branch: string
    path: string
    content: string
    message: string
    sha?: string
    newBranch?: boolean
  }): Promise<void> {
    const route = 'PUT /repos/{owner}/{repo}/contents/{path}'
    const put = (sha?: string) =>
      this.octokit.rest.repos.createOrUpdateFileContents({
        ...this.repo,
        path: p.path,
        branch: p.branch,
        message: p.message,
        content: Buffer.from(p.content, 'utf8').toString('base64'),
        ...(sha ? { sha } : {}),
      })
    const branch = async (): Promise<void> => {
      const base = (await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get({ ...this.repo })))
        .data.default_branch
      const head = (
        await this.call('GET /repos/{owner}/{repo}/git/ref/{ref}', () =>
          this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${base}` }),
        )
      ).data.object.sha
      await this.tolerate422('POST /repos/{owner}/{repo}/git/refs', /already exists/i, () =>
        this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${p.branch}`, sha: head }),
      )
    }
    if (p.newBranch) await branch()
    try {
      await put(p.sha)
      return
    } catch (error: unknown) {
      const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : 0
      const text = getErrorMessage(error)
      if (status === 422 && /sha/i.test(text) && !p.sha) {
        // The file is there after all (our label was deleted, not the file): replace it.
        const current = await this.readFile(p.branch, p.path)
        await this.call(route, () => put(current?.sha))
        return
      }
      // GitHub answers 404 (or 422 "Branch … not found") for a branch that does not exist.
      if (!(status === 404 || (status === 422 && /branch/i.test(text)))) throw toApiError(error, route)
    }
    await branch()
    await this.call(route, () => put(p.sha))
  }

  async writeTogether(writes: TogetherWrite[]): Promise<({ number: number; nodeId: string } | void)[]> {
    if (writes.length === 0) return []
    const repositoryId = writes.some((w) => w.kind === 'create-issue')
      ? (this.repositoryId ?? (await this.fetchRepositoryId()))
      : null
    const params: string[] = []
    const vars: Record<string, unknown> = {}
    const fields = writes.map((w, i) => {
      if (w.kind === 'create-issue') {
        params.push(`$w${i}: CreateIssueInput!`)
        vars[`w${i}`] = { repositoryId, title: w.title, body: w.body, labelIds: w.labelIds }
        return `w${i}: createIssue(input: $w${i}) { issue { number id } }`
      }
      if (w.kind === 'edit-issue') {
        params.push(`$w${i}: UpdateIssueInput!`)
        vars[`w${i}`] = {
          id: w.id,
          ...(w.title !== undefined ? { title: w.title } : {}),
          ...(w.body !== undefined ? { body: w.body } : {}),
        }
        return `w${i}: updateIssue(input: $w${i}) { issue { number } }`
      }
      params.push(`$w${i}: CreateCommitOnBranchInput!`)
      vars[`w${i}`] = {
        branch: { repositoryNameWithOwner: `${this.repo.owner}/${this.repo.repo}`, branchName: w.branch },
        expectedHeadOid: w.expectedHeadOid,
        message: { headline: w.message },
        fileChanges: { additions: [{ path: w.path, contents: Buffer.from(w.content, 'utf8').toString('base64') }] },
      }
      return `w${i}: createCommitOnBranch(input: $w${i}) { commit { oid } }`
    })
    const res = await this.call('mutation WriteTogether', () =>
      this.octokit.graphql<Record<string, { issue?: { number: number; id: string } } | null>>(
        `mutation WriteTogether(${params.join(', ')}) {\n${fields.join('\n')}\n}`,
        // Not retried: a 5xx may have written some of it; the next run reconciles instead.
        { ...vars, request: { retries: 0 } },
      ),
    )
    return writes.map((w, i) => {
      const issue = res[`w${i}`]?.issue
      return w.kind === 'create-issue' && issue ? { number: issue.number, nodeId: issue.id } : undefined
    })
  }

  async createLabels(labels: LabelSpec[]): Promise<void> {
    if (labels.length === 0) return
    const repositoryId = this.repositoryId ?? (await this.fetchRepositoryId())
    // One request for every missing label: aliased createLabel mutations.
    const fields = labels
      .map(
        (_, i) =>
          `l${i}: createLabel(input: { repositoryId: $repo, name: $n${i}, color: $c${i}, description: $d${i} }) { label { name } }`,
      )
      .join('\n')
    const params = labels.map((_, i) => `$n${i}: String!, $c${i}: String!, $d${i}: String`).join(', ')
    const vars: Record<string, string> = { repo: repositoryId }
    labels.forEach((l, i) => {
      vars[`n${i}`] = l.name
      vars[`c${i}`] = l.color
      vars[`d${i}`] = l.description
    })
    try {
      await this.octokit.graphql(`mutation CreateLabels($repo: ID!, ${params}) {\n${fields}\n}`, vars)
    } catch (error: unknown) {
      // A label created meanwhile (a parallel run, a person) is success; anything else is not.
      const msg = getErrorMessage(error)
      if (/already (been )?taken|already exists/i.test(msg)) return
      // Anything but "this GitHub has no createLabel mutation" is a real failure (a rate limit, a 5xx):
      // falling back to one REST request per label would multiply requests exactly when GitHub is
      // under strain, so the error goes up and the next run creates the labels.
      if (!/createLabel/.test(msg) || !/(doesn't|does not) exist|undefinedField|not available/i.test(msg))
        throw toApiError(error, 'mutation CreateLabels')
      // GitHub has gated createLabel behind a preview before: fall back to REST, one label at a time.
      for (const l of labels) {
        try {
          await this.octokit.rest.issues.createLabel({
            ...this.repo,
            name: l.name,
            color: l.color,
            description: l.description,
          })
        } catch (e: unknown) {
          if (!(typeof e === 'object' && e !== null && 'status' in e && e.status === 422))
            throw toApiError(e, 'POST /repos/{owner}/{repo}/labels')
        }
      }
    }
  }

  async addLabels(issue: number, labels: string[]): Promise<void> {
    await this.call('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', () =>
      this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: issue, labels }),
    )
  }

  async setLabels(issue: number, labels: string[]): Promise<void> {
    await this.call('PUT /repos/{owner}/{repo}/issues/{issue_number}/labels', () =>
      this.octokit.rest.issues.setLabels({ ...this.repo, issue_number: issue, labels }),
    )
  }

  async updateIssue(
    issue: number,
    patch: {
      labels?: string[]
      state?: 'open' | 'closed'
      stateReason?: 'completed' | 'not_planned' | 'reopened'
      assignees?: string[]
    },
  ): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/issues/{issue_number}', () =>
      this.octokit.rest.issues.update({
        ...this.repo,
        issue_number: issue,
        ...(patch.labels ? { labels: patch.labels } : {}),
        ...(patch.state ? { state: patch.state, state_reason: patch.stateReason } : {}),
        ...(patch.assignees ? { assignees: patch.assignees } : {}),
      }),
    )
  }

  async getRole(login: string): Promise<string> {
    try {
      const res = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.repo, username: login })
      return res.data.role_name ?? res.data.permission
    } catch (error: unknown) {
      // Not a collaborator (or no such user): no access. Anything else is a real failure.
      if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return 'none'
      throw toApiError(error, 'GET /repos/{owner}/{repo}/collaborators/{username}/permission')
    }
  }

  async createIssue(issue: {
    title: string
    body: string
    labels: string[]
    assignees?: string[]
  }): Promise<{ number: number; nodeId: string }> {
    return this.create(
      'POST /repos/{owner}/{repo}/issues',
      issue.body,
      async (request) => {
        const res = await this.octokit.rest.issues.create({ ...this.repo, ...issue, request })
        return { number: res.data.number, nodeId: res.data.node_id }
      },
      async (marker, notBefore) => {
        const label = issue.labels[0]
        if (!label) return null
        // Only issues touched since the first attempt: a handful, one page.
        const since = new Date(Date.parse(notBefore) - 60_000).toISOString()
        for await (const page of this.incidentPages({ label, states: ['OPEN', 'CLOSED'], since })) {
          const hit = page.incidents.find((i) => i.viewerDidAuthor && i.body.startsWith(marker) && i.createdAt >= since)
          if (hit) return { number: hit.number, nodeId: hit.nodeId }
        }
        return null
      },
    )
  }

  async editIssue(number: number, patch: { title?: string; body?: string }): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/issues/{issue_number}', () =>
      this.octokit.rest.issues.update({ ...this.repo, issue_number: number, ...patch }),
    )
  }

  async createComment(issue: number, body: string): Promise<{ databaseId: number }> {
    return this.create(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      body,
      async (request) => ({
        databaseId: (await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request }))
          .data.id,
      }),
      // Our comments' markers are one per issue (the card) or one per cause (a reply): any one of
      // ours with the marker is the one this run meant to post, even a concurrent run's.
      async (marker) => {
        const ctx = await this.loadIssueContext(issue, {})
        const hit = ctx.issue?.comments.find((c) => c.viewerDidAuthor && c.body.startsWith(marker))
        return hit ? { databaseId: hit.databaseId } : null
      },
    )
  }

  async proposeFile(p: {
    branch: string
    path: string
    content: string
    message: string
    title: string
    body: string
  }): Promise<{ number: number; created: boolean }> {
    const head = `${this.repo.owner}:${p.branch}`
    const existing = async (): Promise<number | null> => {
      const res = await this.call('GET /repos/{owner}/{repo}/pulls', () =>
        this.octokit.rest.pulls.list({ ...this.repo, head, state: 'all', per_page: 1 }),
      )
      return res.data[0]?.number ?? null
    }
    const found = await existing()
    if (found !== null) return { number: found, created: false }
    const base = (await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get({ ...this.repo })))
      .data.default_branch
    const sha = (
      await this.call('GET /repos/{owner}/{repo}/git/ref/{ref}', () =>
        this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${base}` }),
      )
    ).data.object.sha
    // Each step tolerates its own earlier success (a re-run after a failure, or a retried request whose answer was lost).
    await this.tolerate422('POST /repos/{owner}/{repo}/git/refs', /already exists/i, () =>
      this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${p.branch}`, sha }),
    )
    await this.tolerate422('PUT /repos/{owner}/{repo}/contents/{path}', /sha.*supplied/i, () =>
      this.octokit.rest.repos.createOrUpdateFileContents({
        ...this.repo,
        path: p.path,
        branch: p.branch,
        message: p.message,
        content: Buffer.from(p.content, 'utf8').toString('base64'),
      }),
    )
    try {
      const res = await this.octokit.rest.pulls.create({
        ...this.repo,
        head: p.branch,
        base,
        title: p.title,
        body: p.body,
      })
      return { number: res.data.number, created: true }
    } catch (error: unknown) {
      const again =
        typeof error === 'object' && error !== null && 'status' in error && error.status === 422
          ? await existing()
          : null
      if (again !== null) return { number: again, created: false }
      throw toApiError(error, 'POST /repos/{owner}/{repo}/pulls')
    }
  }

  async pullBody(number: number): Promise<string> {
    return (
      (
        await this.call('GET /repos/{owner}/{repo}/pulls/{pull_number}', () =>
          this.octokit.rest.pulls.get({ ...this.repo, pull_number: number }),
        )
      ).data.body ?? ''
    )
  }

  async editPullBody(number: number, body: string): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', () =>
      this.octokit.rest.pulls.update({ ...this.repo, pull_number: number, body }),
    )
  }

  async setWorkflowEnabled(workflow: string, enabled: boolean): Promise<void> {
    const route = `PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/${enabled ? 'enable' : 'disable'}`
    await this.call(route, () =>
      enabled
        ? this.octokit.rest.actions.enableWorkflow({ ...this.repo, workflow_id: workflow })
        : this.octokit.rest.actions.disableWorkflow({ ...this.repo, workflow_id: workflow }),
    )
  }

  async updateLabel(name: string, patch: { description: string }): Promise<void> {
    try {
      await this.octokit.rest.issues.updateLabel({ ...this.repo, name, description: patch.description })
    } catch (error: unknown) {
      throw toApiError(error, 'PATCH /repos/{owner}/{repo}/labels/{name}')
    }
  }

  async deleteLabel(name: string): Promise<void> {
    try {
      await this.octokit.rest.issues.deleteLabel({ ...this.repo, name })
    } catch (error: unknown) {
      if (typeof error === 'object' && error !== null && 'status' in error && error.status === 404) return
      throw toApiError(error, 'DELETE /repos/{owner}/{repo}/labels/{name}')
    }
  }

  /** Runs a write whose 422 matching `already` means "it was done before": success. */
  private async tolerate422(route: string, already: RegExp, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn()
    } catch (error: unknown) {
      const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : 0
      if (status === 422 && already.test(getErrorMessage(error))) return
      throw toApiError(error, route)
    }
  }

  /**
   * Creating is the one write that is not idempotent: when GitHub finishes a POST but its answer
   * is lost (a 502 from its front end, a dropped connection), a blind retry posts it twice. So
   * plugin-retry does not retry creates; before each retry we look for what we were creating by
   * its marker (the hidden first line of every body we create), and adopt it when it is there.
   * A body without a marker is not retried: the next run, which reconciles, finishes the job.
   */
  private async create<T>(
    route: string,
    body: string,
    post: (request: { retries: number }) => Promise<T>,
    find: (marker: string, notBefore: string) => Promise<T | null>,
  ): Promise<T> {
    const marker = /^<!-- incidentops:[^\n>]* -->/.exec(body)?.[0] ?? null
    const notBefore = this.lastDate ?? new Date().toISOString()
    for (let attempt = 0; ; attempt++) {
      try {
        return await post({ retries: 0 })
      } catch (error: unknown) {
        const status =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : 0
        const unknownOutcome = status === 0 || status >= 500
        if (!unknownOutcome || marker === null || attempt >= this.createRetry.retries) throw toApiError(error, route)
        await this.createRetry.sleep((attempt + 1) ** 2 * this.createRetry.baseMs)
        const found = await find(marker, notBefore)
        if (found) return found
      }
    }
  }

  async updateComment(databaseId: number, body: string): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', () =>
      this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: databaseId, body }),
    )
  }

  private async fetchRepositoryId(): Promise<string> {
    const res = await this.call('query RepositoryId', () =>
      this.octokit.graphql<{ repository: { id: string } }>(
        `query RepositoryId($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }`,
        {
          owner: this.repo.owner,
          name: this.repo.repo,
        },
      ),
    )
    this.repositoryId = res.repository.id
    return this.repositoryId
  }

  private async call<T>(route: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error: unknown) {
      throw toApiError(error, route)
    }
  }
}

function toIssue(i: GqlIssue, comments: CommentSnapshot[]): IssueSnapshot {
  return {
    nodeId: i.id,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state === 'OPEN' ? 'open' : 'closed',
    stateReason: i.stateReason,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    closedAt: i.closedAt,
    url: i.url,
    author: i.author?.login ?? null,
    viewerDidAuthor: i.viewerDidAuthor,
    assignees: i.assignees.nodes.map((a) => a.login),
    labels: i.labels.nodes.map((l) => l.name),
    comments,
  }
}

function toComment(c: GqlComment): CommentSnapshot {
  return {
    databaseId: c.databaseId,
    body: c.body,
    author: c.author?.login ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    viewerDidAuthor: c.viewerDidAuthor,
    authorIsBot: c.author?.__typename === 'Bot',
  }
}

/** Turns Octokit's errors into a GitHubApiError that says what to do about the common ones. */
export function toApiError(error: unknown, route: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const status =
    typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
      ? error.status
      : 0
  const msg = getErrorMessage(error)
  let hint = ''
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers ?? {}
  const limited =
    (status === 403 || status === 429) && (/rate limit/i.test(msg) || String(headers['x-ratelimit-remaining']) === '0')
  if (limited) {
    const retryAfter = Number(headers['retry-after'])
    const reset = Number(headers['x-ratelimit-reset'])
    const when =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? `after ${retryAfter} s`
        : Number.isFinite(reset) && reset > 0
          ? `at ${new Date(reset * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`
          : 'within a few minutes'
    hint =
      ` This is GitHub's ${/secondary/i.test(msg) ? 'secondary ' : ''}rate limit, not a missing permission: it clears ${when}.` +
      ' This request was not applied; what the run wrote before it is complete, and the next run carries on from there.'
  } else if (status === 401) hint = ' The token is invalid or expired: check the `github-token` input.'
  else if (status === 403 || /Resource not accessible by integration/i.test(msg))
    hint = ' The token lacks a permission: give the workflow `permissions: issues: write` (and `contents: read`).'
  else if (status === 404) hint = ' Not found: check the repository and that the token can read it.'
  return new GitHubApiError(
    `GitHub API ${route} failed${status ? ` (HTTP ${status})` : ''}: ${msg}.${hint}`,
    status,
    route,
  )
}
