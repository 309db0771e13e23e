/**
 * The changes a repository shipped, as the core sees them: pull requests merged to the default
 * branch, deployments with their statuses, releases. The GitHub adapter (src/github/) maps its
 * GraphQL answers onto these types; ranking (rank.ts) and DORA (dora.ts) are pure over them.
 */

export interface ChangePull {
  number: number
  title: string
  /** The first 4,000 characters of the body (where `Reverts #N` and "This reverts commit" are). */
  body: string
  author: string | null
  mergedAt: string
  mergeSha: string | null
  labels: string[]
  /** The first 100 changed paths; `filesTotal` says how many there are. */
  files: string[]
  filesTotal: number
  /** The first commit's time (lead time for changes starts here); null when unknown. */
  firstCommitAt: string | null
}

export interface ChangeDeployment {
  /** The REST id (GraphQL databaseId), what `/cause` names. */
  id: number
  sha: string
  environment: string
  createdAt: string
  /** Its statuses, oldest first (at most 20). */
  statuses: { state: string; at: string }[]
}

export interface ChangeRelease {
  tag: string
  name: string | null
  sha: string | null
  /** Published (or created, for a draft) at. */
  at: string
}

/** What one read of recent changes returns (intake), or the report's pages put together. */
export interface ChangeSet {
  defaultBranch: string
  pulls: ChangePull[]
  deployments: ChangeDeployment[]
  releases: ChangeRelease[]
  /** The text of CODEOWNERS (.github/, the root or docs/), null when there is none. */
  codeowners: string | null
}
