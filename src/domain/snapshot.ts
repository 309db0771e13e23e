/**
 * What the core reads: the issue, its comments and the repository's labels, as the domain sees
 * them. The GitHub adapter (src/github/) maps GraphQL and REST answers onto these types; the pure
 * core (domain/, plan.ts, render/) depends on them, never on src/github/.
 */

import type { ChangeSet } from '../changes/types.js'

export interface LabelSpec {
  name: string
  color: string
  description: string
}

export interface CommentSnapshot {
  /** REST id (databaseId), used to edit the comment. */
  databaseId: number
  body: string
  author: string | null
  createdAt: string
  updatedAt: string
  /** True when the token's own identity wrote it: the only comments whose markers we trust. */
  viewerDidAuthor: boolean
  /** True for bots and apps: their comments never run commands. */
  authorIsBot?: boolean
}

export interface IssueSnapshot {
  nodeId: string
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
  url: string
  author: string | null
  /** True when our own identity opened it (alert incidents, postmortems, reports): markers in its body are trusted. */
  viewerDidAuthor: boolean
  assignees: string[]
  labels: string[]
  comments: CommentSnapshot[]
}

/** What one read of an incident returns: the repository facts and the issue with its comments. */
export interface IssueContext {
  repositoryId: string
  /** Every label of the repository (to know which of ours must be created). */
  repoLabels: LabelSpec[]
  /** The config file's text: null when there is none, undefined when not asked for. */
  configText?: string | null
  issue: IssueSnapshot | null
  /** The repository's recent changes, when the read asked for them (src/changes/). */
  changes?: ChangeSet
}
