import { mayDecide, type IncidentEvent } from '../domain/decide.js'
import { parseCommands } from '../domain/commands.js'
import type { IncidentRecord } from '../domain/record.js'

/**
 * Whether this run needs the repository's recent changes (one GraphQL query): a declaration (the
 * suspects are ranked once), or `/changes` or `/cause` from someone who may run them. Every other
 * run costs nothing more.
 */
export function needsChanges(previous: IncidentRecord | null, isIncident: boolean, event: IncidentEvent): boolean {
  if (!isIncident) return false
  if (!previous) return true
  if (event.kind !== 'comment') return false
  const done = new Set(previous.processed ?? [])
  const comments = [...(event.earlier ?? []), event].filter((c) => !done.has(c.commentId) && mayDecide(c.role))
  return comments.some((c) => parseCommands(c.body).commands.some((x) => x.name === 'changes' || x.name === 'cause'))
}

/**
 * Before the read, from the event alone: whether the incident's read should bring the recent
 * changes along (no extra request). Declarations come with `opened` or `labeled`; commands are in
 * the comment. When this guesses wrong, `needsChanges` still asks for them (one more query).
 */
export function changesLikelyNeeded(r: { kind: string; action?: string; body?: string }): boolean {
  if (r.kind === 'issue') return r.action === 'opened' || r.action === 'labeled'
  if (r.kind === 'comment') return /^[ \t]*\/(changes|cause)\b/im.test(r.body ?? '')
  return false
}
