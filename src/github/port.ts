/**
 * The GitHub port: everything the action reads and writes, as an interface. The Octokit adapter
 * implements it over HTTP; nothing else in src/ talks to GitHub.
 */

export interface RepoRef {
  owner: string
  repo: string
}

import type { CommentSnapshot, IssueContext, IssueSnapshot, LabelSpec } from '../domain/snapshot.js'
import type { ChangeSet } from '../changes/types.js'

/** The domain's snapshot types, re-exported: the adapter produces them. */
export type { CommentSnapshot, IssueContext, IssueSnapshot, LabelSpec }

/** One page of incidents from the bulk query (100 a page); the first page also carries the extras asked for. */
export interface IncidentPage {
  repositoryId: string
  /** The config file's text (first page only, when asked): null when there is none. */
  configText?: string | null
  /** Every label of the repository (first page only, when asked). */
  repoLabels?: LabelSpec[]
  /** Issues with the given label (first page only, when asked), newest first: e.g. the report issues. */
  labelled?: {
    number: number
    /** The issue's GraphQL id (to edit it in a batch of writes, `writeTogether`). */
    id: string
    title: string
    body: string
    state: 'open' | 'closed'
    viewerDidAuthor: boolean
  }[]
  /** The GraphQL id of the query's `labelled` label (first page only, when asked); null when the repository has no such label. */
  labelledLabelId?: string | null
  /**
   * The query's `file` as it is now (first page only, when asked): the branch's head commit and the
   * file's blob sha (the contents API's `sha`); each null when the branch or the file does not exist.
   */
  file?: { headOid: string | null; blobOid: string | null }
  /**
   * The issues labelled with the query's `heartbeats` label (first page only, when asked), oldest
   * first, each with its first 100 comments: where the last ping of each heartbeat is kept.
   */
  heartbeats?: { number: number; body: string; viewerDidAuthor: boolean; comments: CommentSnapshot[] }[]
  totalCount: number
  /**
   * The incidents. Their `comments` hold only the first 3 and the last 20 comments (where the card
   * and our latest reminders are); `commentCount` says how many there are in all.
   */
  incidents: (IssueSnapshot & { commentCount: number })[]
}

export interface IncidentQuery {
  label: string
  states: ('OPEN' | 'CLOSED')[]
  /** Only issues updated since (ISO). */
  since?: string
  configPath?: string
  /** Also return issues with this label (first page). */
  labelled?: string
  /** Also return the repository's labels (first page). */
  withRepoLabels?: boolean
  /** Also return the issues with this label and their comments (first page): the heartbeat pings. */
  heartbeats?: string
  /** Also return where this file stands (first page): its branch's head and its blob sha. */
  file?: { branch: string; path: string }
}

/**
 * A write that can be sent with others in ONE request (aliased GraphQL mutations, run by GitHub in
 * order): each carries the GraphQL ids it needs, which the planner read beforehand.
 */
export type TogetherWrite =
  | { kind: 'create-issue'; title: string; body: string; labelIds: string[] }
  | { kind: 'edit-issue'; id: string; title?: string; body?: string }
  /** `createCommitOnBranch`: refused (nothing written) when the branch no longer points at `expectedHeadOid`. */
  | { kind: 'commit-file'; branch: string; path: string; content: string; message: string; expectedHeadOid: string }

export interface GitHubPort {
  /** GitHub's clock: the Date of its latest response (null before the first request). */
  serverTime(): string | null
  /** Pages through every incident of the repository with one GraphQL query per 100. */
  incidentPages(q: IncidentQuery): AsyncGenerator<IncidentPage>
  /**
   * The organisation's repositories that are not archived and have issues, one GraphQL query per
   * 100, each with its number of issues carrying `incidentLabel` (so empty ones cost nothing more).
   */
  orgRepositories(org: string, incidentLabel: string): Promise<(RepoRef & { incidents: number })[]>
  /**
   * One GraphQL query: the issue, its labels and comments, the repository's labels, and optionally
   * the config file and the recent changes (`withChanges`: what `recentChanges` reads, in `ctx.changes`).
   */
  loadIssueContext(number: number, opts: { configPath?: string; withChanges?: boolean }): Promise<IssueContext>
  /**
   * One GraphQL query: the newest merged pull requests to the default branch (with files and first
   * commit), deployments (with statuses), releases and CODEOWNERS: an incident's suspects.
   */
  recentChanges(): Promise<ChangeSet>
  /** The deployments, releases and merged pull requests since `since`: ⌈deployments/100⌉ + ⌈pull requests/100⌉ queries. */
  changeHistory(since: string): Promise<ChangeSet>
  /** Reads only the config file (for events without an issue). null when absent. */
  readConfig(path: string): Promise<string | null>
  /**
   * A text file on a branch (contents API, one request; a second only for a file over 1 MB, which
   * GitHub sends without content). null when the branch or the file does not exist.
   */
  readFile(branch: string, path: string): Promise<{ text: string; sha: string } | null>
  /**
   * Writes a text file on a branch of our own: `sha` is the blob it replaces (absent to create it).
   * A missing branch is created from the default branch's head (first when `newBranch` says it is
   * expected to be missing, else when GitHub says so); a file that exists after all is replaced.
   */
  putFile(p: {
    branch: string
    path: string
    content: string
    message: string
    sha?: string
    newBranch?: boolean
  }): Promise<void>
  /**
   * Several writes in ONE request (GitHub's documented 1 s between mutating requests applies once,
   * not per write). Not retried on an unknown outcome: a failed batch fails the run, and the next
   * run, which reconciles again, repairs it. Returns what each write created, in order.
   */
  writeTogether(writes: TogetherWrite[]): Promise<({ number: number; nodeId: string } | void)[]>
  /** Creates labels in one request; labels that already exist are not an error. */
  createLabels(labels: LabelSpec[]): Promise<void>
  addLabels(issue: number, labels: string[]): Promise<void>
  setLabels(issue: number, labels: string[]): Promise<void>
  /** One PATCH: any of labels (full set), state (with its reason) and assignees (full set). */
  updateIssue(
    issue: number,
    patch: {
      labels?: string[]
      state?: 'open' | 'closed'
      stateReason?: 'completed' | 'not_planned' | 'reopened'
      assignees?: string[]
    },
  ): Promise<void>
  /** The repository role of a user (GitHub's role_name), for command access; 'none' when not a collaborator. */
  getRole(login: string): Promise<string>
  createComment(issue: number, body: string): Promise<{ databaseId: number }>
  /** Opens an issue (a report, a postmortem, a follow-up); returns its number. */
  createIssue(issue: {
    title: string
    body: string
    labels: string[]
    assignees?: string[]
  }): Promise<{ number: number; nodeId: string }>
  /** Rewrites an issue's title and/or body. */
  editIssue(number: number, patch: { title?: string; body?: string }): Promise<void>
  updateComment(databaseId: number, body: string): Promise<void>
  /**
   * Proposes a file in a pull request from `branch` into the default branch (postmortems as files).
   * The branch is ours and unique: a pull request from it, in any state, is adopted instead of
   * opening another, and a branch or file that already exists is reused.
   */
  proposeFile(p: {
    branch: string
    path: string
    content: string
    message: string
    title: string
    body: string
  }): Promise<{ number: number; created: boolean }>
  /** A pull request's body ('' when empty). */
  pullBody(number: number): Promise<string>
  editPullBody(number: number, body: string): Promise<void>
  /** Turns an Actions workflow (its file name, e.g. incidentops-sweep.yml) on or off; needs `actions: write`. */
  setWorkflowEnabled(workflow: string, enabled: boolean): Promise<void>
  /** Rewrites a repository label's description (the sweep records its last run there). */
  updateLabel(name: string, patch: { description: string }): Promise<void>
  /** Deletes a repository label; one that is already gone is success. */
  deleteLabel(name: string): Promise<void>
}
