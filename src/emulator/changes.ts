// The changes a repository ships, in the emulator: deployments with their statuses, releases,
// and pull requests merged to the default branch with their files, labels and commits (seeded
// directly, with the times a test needs). REST (rest-changes.ts) and GraphQL (graphql-changes.ts)
// read and write them through the functions here, so the two views agree.

import { createHash } from 'node:crypto'
import { ApiError, DEFAULT_BRANCH, type Account, type PullRequest, type Repo, type State } from './state.js'

/** GitHub's deployment status states (REST, lower case). */
export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number]

export interface DeploymentStatus {
  id: number
  nodeId: string
  state: DeploymentState
  description: string
  environment: string
  creator: Account
  createdAt: string
}

export interface Deployment {
  id: number
  nodeId: string
  sha: string
  ref: string
  task: string
  environment: string
  description: string | null
  creator: Account
  createdAt: string
  updatedAt: string
  /** Oldest first. */
  statuses: DeploymentStatus[]
}

export interface Release {
  id: number
  nodeId: string
  tagName: string
  name: string | null
  body: string | null
  /** The commit the tag points at. */
  sha: string
  draft: boolean
  prerelease: boolean
  author: Account
  createdAt: string
  publishedAt: string | null
}

interface RepoChanges {
  deployments: Deployment[]
  releases: Release[]
}

const byRepo = new WeakMap<Repo, RepoChanges>()

/** A repository's deployments and releases (created on first use). */
export function changesOf(repo: Repo): RepoChanges {
  let c = byRepo.get(repo)
  if (!c) byRepo.set(repo, (c = { deployments: [], releases: [] }))
  return c
}

const stamp = (d: string): string => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z')

function checkTime(at: string | undefined, what: string): void {
  if (at !== undefined && Number.isNaN(Date.parse(at))) throw new Error(`emulator: ${what} is not a date: ${at}`)
}

/** A sha for seeded commits: stable for the same seed text. */
export function seedSha(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

/** POST /repos/{o}/{r}/deployments (and the seed helper): `at` backdates it. */
export function createDeployment(
  state: State,
  repo: Repo,
  actor: Account,
  d: { ref: string; sha?: string; environment?: string; task?: string; description?: string | null; at?: string },
): Deployment {
  checkTime(d.at, 'deployment time')
  const sha =
    d.sha ??
    (d.ref === DEFAULT_BRANCH || d.ref === `refs/heads/${DEFAULT_BRANCH}`
      ? repo.branches.get(DEFAULT_BRANCH)!.sha
      : (repo.branches.get(d.ref)?.sha ?? (/^[0-9a-f]{7,40}$/.test(d.ref) ? d.ref : undefined)))
  if (!sha) throw new ApiError(422, 'No ref found for: ' + d.ref)
  const id = state.nextId()
  const at = d.at ? stamp(d.at) : state.now()
  const dep: Deployment = {
    id,
    nodeId: state.nodeId('Deployment', id),
    sha,
    ref: d.ref,
    task: d.task ?? 'deploy',
    environment: d.environment ?? 'production',
    description: d.description ?? null,
    creator: actor,
    createdAt: at,
    updatedAt: at,
    statuses: [],
  }
  changesOf(repo).deployments.push(dep)
  return dep
}

/** POST /repos/{o}/{r}/deployments/{id}/statuses (and the seed helper). */
export function addDeploymentStatus(
  state: State,
  dep: Deployment,
  actor: Account,
  s: { state: string; description?: string; environment?: string; at?: string },
): DeploymentStatus {
  if (!(DEPLOYMENT_STATES as readonly string[]).includes(s.state))
    throw new ApiError(422, 'Validation Failed', [{ resource: 'DeploymentStatus', code: 'invalid', field: 'state' }])
  checkTime(s.at, 'deployment status time')
  const id = state.nextId()
  const at = s.at ? stamp(s.at) : state.now()
  const st: DeploymentStatus = {
    id,
    nodeId: state.nodeId('DeploymentStatus', id),
    state: s.state as DeploymentState,
    description: s.description ?? '',
    environment: s.environment ?? dep.environment,
    creator: actor,
    createdAt: at,
  }
  dep.statuses.push(st)
  dep.updatedAt = at
  return st
}

/** POST /repos/{o}/{r}/releases (and the seed helper). */
export function createRelease(
  state: State,
  repo: Repo,
  actor: Account,
  r: {
    tagName: string
    name?: string | null
    body?: string | null
    sha?: string
    draft?: boolean
    prerelease?: boolean
    at?: string
  },
): Release {
  if (!r.tagName)
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }])
  if (changesOf(repo).releases.some((x) => x.tagName === r.tagName))
    throw new ApiError(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }])
  checkTime(r.at, 'release time')
  const id = state.nextId()
  const at = r.at ? stamp(r.at) : state.now()
  const rel: Release = {
    id,
    nodeId: state.nodeId('Release', id),
    tagName: r.tagName,
    name: r.name ?? null,
    body: r.body ?? null,
    sha: r.sha ?? repo.branches.get(DEFAULT_BRANCH)!.sha,
    draft: r.draft ?? false,
    prerelease: r.prerelease ?? false,
    author: actor,
    createdAt: at,
    publishedAt: r.draft ? null : at,
  }
  changesOf(repo).releases.push(rel)
  return rel
}

/**
 * A pull request merged to the default branch at `mergedAt`, with its files, labels and commits,
 * without replaying git: the branches do not move (the emulator keeps no history). Its merge
 * commit's sha is `mergeSha` or derived from the number, so a deployment can name it.
 */
export function seedMergedPull(
  state: State,
  repo: Repo,
  author: Account,
  p: {
    title: string
    body?: string | null
    files: string[]
    labels?: string[]
    /** Commit times, oldest first (the first is where lead time starts); default: one at `createdAt`. */
    commits?: { at: string; message?: string }[]
    createdAt?: string
    mergedAt: string
    mergeSha?: string
    base?: string
  },
): PullRequest {
  checkTime(p.mergedAt, 'mergedAt')
  checkTime(p.createdAt, 'createdAt')
  for (const c of p.commits ?? []) checkTime(c.at, 'commit time')
  const id = state.nextId()
  const number = ++repo.lastNumber
  const mergedAt = stamp(p.mergedAt)
  const createdAt = p.createdAt ? stamp(p.createdAt) : p.commits?.[0] ? stamp(p.commits[0].at) : mergedAt
  const commitLog = (p.commits ?? [{ at: createdAt }]).map((c, i) => ({
    oid: seedSha(`${repo.fullName}#${number}:commit:${i}`),
    message: c.message ?? `commit ${i + 1} of #${number}`,
    date: stamp(c.at),
  }))
  const pull: PullRequest = {
    id,
    nodeId: state.nodeId('PullRequest', id),
    repo,
    number,
    title: p.title,
    body: p.body ?? null,
    state: 'closed',
    author,
    head: `change-${number}`,
    base: p.base ?? DEFAULT_BRANCH,
    headSha: commitLog[commitLog.length - 1]!.oid,
    baseSha: repo.branches.get(DEFAULT_BRANCH)!.sha,
    draft: false,
    merged: true,
    mergedAt,
    mergedBy: author,
    mergeCommitSha: p.mergeSha ?? seedSha(`${repo.fullName}#${number}:merge`),
    createdAt,
    updatedAt: mergedAt,
    closedAt: mergedAt,
    mergedStats: { commits: commitLog.length, additions: p.files.length, deletions: 0, changedFiles: p.files.length },
    labels: p.labels ?? [],
    files: [...p.files],
    commitLog,
  }
  repo.pulls.set(number, pull)
  return pull
}

/** The commits GraphQL and REST show for a pull request: seeded ones, else one at its creation with its head sha. */
export function pullCommits(p: PullRequest): { oid: string; message: string; date: string }[] {
  return p.commitLog ?? [{ oid: p.headSha, message: p.title, date: p.createdAt }]
}

/** Test and demo helpers on the emulator (`emu.changes`): acting as a deploy pipeline would, never counted or faulted. */
export interface ChangeSeeds {
  /** A deployment (of `sha`, else the ref's head) with its statuses in order; `at` backdates it. */
  deploy(
    repo: string,
    d: {
      ref?: string
      sha?: string
      environment?: string
      at?: string
      user?: string
      statuses?: { state: DeploymentState; at?: string; environment?: string }[]
    },
  ): { id: number; sha: string }
  deploymentStatus(repo: string, id: number, s: { state: DeploymentState; at?: string; user?: string }): void
  release(
    repo: string,
    r: {
      tagName: string
      name?: string
      body?: string
      sha?: string
      at?: string
      user?: string
      prerelease?: boolean
    },
  ): { id: number }
  /** A pull request merged to the default branch at `mergedAt` (see seedMergedPull). */
  mergedPull(
    repo: string,
    p: Parameters<typeof seedMergedPull>[3] & { user?: string },
  ): { number: number; mergeSha: string; firstCommitAt: string }
  deployments(repo: string): Deployment[]
  releases(repo: string): Release[]
}

/** The helpers behind `emu.changes`. */
export function changeSeeds(state: State): ChangeSeeds {
  const who = (login?: string): Account => state.accountOrCreate(login ?? 'deploy-bot')
  return {
    deploy(repo, d) {
      const r = state.mustRepo(repo)
      const dep = createDeployment(state, r, who(d.user), {
        ref: d.ref ?? d.sha ?? DEFAULT_BRANCH,
        sha: d.sha,
        environment: d.environment,
        at: d.at,
      })
      for (const s of d.statuses ?? [])
        addDeploymentStatus(state, dep, who(d.user), { state: s.state, at: s.at ?? d.at, environment: s.environment })
      return { id: dep.id, sha: dep.sha }
    },
    deploymentStatus(repo, id, s) {
      const dep = changesOf(state.mustRepo(repo)).deployments.find((x) => x.id === id)
      if (!dep) throw new Error(`emulator: no deployment ${id} in ${repo}`)
      addDeploymentStatus(state, dep, who(s.user), s)
    },
    release(repo, r) {
      const rel = createRelease(state, state.mustRepo(repo), who(r.user), r)
      return { id: rel.id }
    },
    mergedPull(repo, p) {
      const pull = seedMergedPull(state, state.mustRepo(repo), state.accountOrCreate(p.user ?? 'octo-dev'), p)
      return { number: pull.number, mergeSha: pull.mergeCommitSha!, firstCommitAt: pullCommits(pull)[0]!.date }
    },
    deployments: (repo) => [...changesOf(state.mustRepo(repo)).deployments],
    releases: (repo) => [...changesOf(state.mustRepo(repo)).releases],
  }
}
