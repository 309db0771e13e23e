/**
 * Reading the changes a repository shipped over GraphQL: one query for the suspects of an incident
 * (merged pull requests with their files and first commit, deployments with their statuses,
 * releases, CODEOWNERS), and the report's pages (⌈deployments/100⌉ + ⌈pull requests/100⌉ queries).
 */
import type { ChangeDeployment, ChangePull, ChangeRelease, ChangeSet } from '../changes/types.js'

/** Runs one named GraphQL query through the port's error handling. */
export type GraphqlRunner = <T>(name: string, query: string, vars: Record<string, unknown>) => Promise<T>

/** Merged pull requests, deployments and releases read for an incident's suspects: the newest of each. */
export const RECENT = { pulls: 50, deployments: 50, releases: 20 } as const

const PULL_FIELDS = /* GraphQL */ `
  number
  title
  body
  mergedAt
  updatedAt
  baseRefName
  author {
    login
  }
  mergeCommit {
    oid
  }
  labels(first: 20) {
    nodes {
      name
    }
  }
  files(first: 100) {
    totalCount
    nodes {
      path
    }
  }
  commits(first: 1) {
    nodes {
      commit {
        authoredDate
        committedDate
      }
    }
  }
`

const DEPLOYMENT_FIELDS = /* GraphQL */ `
  databaseId
  commitOid
  environment
  createdAt
  statuses(first: 20) {
    nodes {
      state
      createdAt
    }
  }
`

const RELEASE_FIELDS = /* GraphQL */ `
  tagName
  name
  createdAt
  publishedAt
  isDraft
  tagCommit {
    oid
  }
`

/**
 * The repository fields that carry the recent changes, each included only when `$withChanges`: the
 * same selection serves the incident's own query (IncidentContext, no extra request) and RecentChanges.
 */
export const CHANGES_SELECTION = /* GraphQL */ `
      changesDefaultBranch: defaultBranchRef @include(if: $withChanges) {
        name
      }
      codeownersGithub: object(expression: "HEAD:.github/CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      codeownersRoot: object(expression: "HEAD:CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      codeownersDocs: object(expression: "HEAD:docs/CODEOWNERS") @include(if: $withChanges) {
        ... on Blob {
          text
        }
      }
      mergedPulls: pullRequests(states: [MERGED], first: ${RECENT.pulls}, orderBy: { field: UPDATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${PULL_FIELDS}
        }
      }
      recentDeployments: deployments(first: ${RECENT.deployments}, orderBy: { field: CREATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${DEPLOYMENT_FIELDS}
        }
      }
      recentReleases: releases(first: ${RECENT.releases}, orderBy: { field: CREATED_AT, direction: DESC })
        @include(if: $withChanges) {
        nodes {
          ${RELEASE_FIELDS}
        }
      }
`

const RECENT_CHANGES = /* GraphQL */ `
  query RecentChanges($owner: String!, $name: String!, $withChanges: Boolean!) {
    repository(owner: $owner, name: $name) {
      ${CHANGES_SELECTION}
    }
  }
`

const DEPLOYMENT_PAGE = /* GraphQL */ `
  query DeploymentHistory($owner: String!, $name: String!, $after: String, $withReleases: Boolean!) {
    repository(owner: $owner, name: $name) {
      defaultBranchRef {
        name
      }
      deployments(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ${DEPLOYMENT_FIELDS}
        }
      }
      releases(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) @include(if: $withReleases) {
        nodes {
          ${RELEASE_FIELDS}
        }
      }
    }
  }
`

const PULL_PAGE = /* GraphQL */ `
  query MergedPullHistory($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ${PULL_FIELDS}
        }
      }
    }
  }
`

interface GqlPull {
  number: number
  title: string
  body: string
  mergedAt: string | null
  updatedAt: string
  baseRefName: string
  author: { login: string } | null
  mergeCommit: { oid: string } | null
  labels: { nodes: { name: string }[] }
  files: { totalCount: number; nodes: { path: string }[] } | null
  commits: { nodes: { commit: { authoredDate: string; committedDate: string } }[] }
}
interface GqlDeployment {
  databaseId: number | null
  commitOid: string
  environment: string | null
  createdAt: string
  statuses: { nodes: { state: string; createdAt: string }[] } | null
}
interface GqlRelease {
  tagName: string
  name: string | null
  createdAt: string
  publishedAt: string | null
  isDraft: boolean
  tagCommit: { oid: string } | null
}
type Blob = { text: string | null } | null
type PageInfo = { hasNextPage: boolean; endCursor: string | null }

const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b)

function toPull(p: GqlPull): ChangePull | null {
  if (!p.mergedAt) return null
  const c = p.commits.nodes[0]?.commit
  return {
    number: p.number,
    title: p.title,
    body: (p.body ?? '').slice(0, 4000),
    author: p.author?.login ?? null,
    mergedAt: p.mergedAt,
    mergeSha: p.mergeCommit?.oid ?? null,
    labels: p.labels.nodes.map((l) => l.name),
    files: p.files?.nodes.map((f) => f.path) ?? [],
    filesTotal: p.files?.totalCount ?? 0,
    // A rebased commit keeps its author date: the earlier of the two is when the work started.
    firstCommitAt: c ? earlier(c.authoredDate, c.committedDate) : null,
  }
}

function toDeployment(d: GqlDeployment): ChangeDeployment | null {
  if (d.databaseId === null) return null
  return {
    id: d.databaseId,
    sha: d.commitOid,
    environment: d.environment ?? '',
    createdAt: d.createdAt,
    statuses: (d.statuses?.nodes ?? []).map((s) => ({ state: s.state.toLowerCase(), at: s.createdAt })),
  }
}

function toRelease(r: GqlRelease): ChangeRelease | null {
  if (r.isDraft) return null
  return { tag: r.tagName, name: r.name, sha: r.tagCommit?.oid ?? null, at: r.publishedAt ?? r.createdAt }
}

const defined = <T>(x: T | null): x is T => x !== null

/** What CHANGES_SELECTION returns on a repository (absent when not included). */
export interface ChangesResult {
  changesDefaultBranch?: { name: string } | null
  codeownersGithub?: Blob
  codeownersRoot?: Blob
  codeownersDocs?: Blob
  mergedPulls?: { nodes: GqlPull[] }
  recentDeployments?: { nodes: GqlDeployment[] }
  recentReleases?: { nodes: GqlRelease[] }
}

/** The change set in a repository answer that included CHANGES_SELECTION; undefined when it was not included. */
export function changeSetOf(r: ChangesResult | null | undefined): ChangeSet | undefined {
  if (!r?.mergedPulls) return undefined
  const defaultBranch = r.changesDefaultBranch?.name ?? 'main'
  return {
    defaultBranch,
    pulls: r.mergedPulls.nodes
      .filter((p) => p.baseRefName === defaultBranch)
      .map(toPull)
      .filter(defined),
    deployments: (r.recentDeployments?.nodes ?? []).map(toDeployment).filter(defined),
    releases: (r.recentReleases?.nodes ?? []).map(toRelease).filter(defined),
    // GitHub looks in .github/, then the root, then docs/ and uses the first it finds.
    codeowners: r.codeownersGithub?.text ?? r.codeownersRoot?.text ?? r.codeownersDocs?.text ?? null,
  }
}

/** One GraphQL query: the newest merged pull requests (to the default branch), deployments, releases and CODEOWNERS. */
export async function readRecentChanges(run: GraphqlRunner, repo: { owner: string; repo: string }): Promise<ChangeSet> {
  const res = await run<{ repository: ChangesResult | null }>('query RecentChanges', RECENT_CHANGES, {
    owner: repo.owner,
    name: repo.repo,
    withChanges: true,
  })
  return (
    changeSetOf(res.repository) ?? { defaultBranch: 'main', pulls: [], deployments: [], releases: [], codeowners: null }
  )
}

/**
 * The changes since `since`, for the report: deployments (newest first, 100 a page, with the
 * releases on the first page) and merged pull requests (by last update, 100 a page), each paged
 * until the page reaches before `since`.
 */
export async function readChangeHistory(
  run: GraphqlRunner,
  repo: { owner: string; repo: string },
  since: string,
): Promise<ChangeSet> {
  const from = Date.parse(since)
  const vars = { owner: repo.owner, name: repo.repo }
  const deployments: ChangeDeployment[] = []
  let releases: ChangeRelease[] = []
  let defaultBranch = 'main'
  let after: string | null = null
  for (let first = true; ; first = false) {
    const res: {
      repository: {
        defaultBranchRef: { name: string } | null
        deployments: { pageInfo: PageInfo; nodes: GqlDeployment[] }
        releases?: { nodes: GqlRelease[] }
      } | null
    } = await run('query DeploymentHistory', DEPLOYMENT_PAGE, { ...vars, after, withReleases: first })
    const r = res.repository
    if (!r) break
    defaultBranch = r.defaultBranchRef?.name ?? defaultBranch
    if (r.releases) releases = r.releases.nodes.map(toRelease).filter(defined)
    deployments.push(...r.deployments.nodes.map(toDeployment).filter(defined))
    const last = r.deployments.nodes[r.deployments.nodes.length - 1]
    if (!r.deployments.pageInfo.hasNextPage || !last || Date.parse(last.createdAt) < from) break
    after = r.deployments.pageInfo.endCursor
  }
  const pulls: ChangePull[] = []
  after = null
  for (;;) {
    const res: { repository: { pullRequests: { pageInfo: PageInfo; nodes: GqlPull[] } } | null } = await run(
      'query MergedPullHistory',
      PULL_PAGE,
      { ...vars, after },
    )
    const r = res.repository
    if (!r) break
    pulls.push(
      ...r.pullRequests.nodes
        .filter((p) => p.baseRefName === defaultBranch)
        .map(toPull)
        .filter(defined),
    )
    const last = r.pullRequests.nodes[r.pullRequests.nodes.length - 1]
    // Ordered by last update, which is never before the merge: a page that ends before `since` ends the read.
    if (!r.pullRequests.pageInfo.hasNextPage || !last || Date.parse(last.updatedAt) < from) break
    after = r.pullRequests.pageInfo.endCursor
  }
  return {
    defaultBranch,
    pulls: pulls.filter((p) => Date.parse(p.mergedAt) >= from),
    deployments: deployments.filter((d) => Date.parse(d.createdAt) >= from),
    releases: releases.filter((r) => Date.parse(r.at) >= from),
    codeowners: null,
  }
}
