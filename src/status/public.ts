/**
 * What an incident shows the public, and the `/status` command that chooses it (pure). The state
 * lives in the incident's record (`status`, schema v1, optional), so the page is built from the one
 * read of the incidents and nothing else: no comment, note, body, person or link is ever consulted.
 *
 * Public statuses follow Atlassian Statuspage's (investigating, identified, monitoring, resolved,
 * postmortem), so that its clients read our JSON unchanged.
 */
import type { Config, Priority } from '../config/types.js'
import type { IncidentRecord, TimelineEvent } from '../domain/record.js'
import { isActive, type Stage } from '../domain/stages.js'
import { sourceOf } from '../report/load.js'

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem'

/** One update written for customers. */
export interface PublicUpdate {
  at: string
  text: string
  /** The incident's public status when it was written. */
  status: IncidentStatus
}

/** The public state of an incident, in its record. */
export interface PublicState {
  /** The title for customers; null: published by the config's rule without one (a generic title is shown). */
  title: string | null
  /** When it was first published. */
  publishedAt: string
  /** False after `/status unpublish` (a rule does not bring it back). */
  published: boolean
  updates: PublicUpdate[]
  /** The postmortem's summary for customers (`/status postmortem <summary>`). */
  postmortem?: { at: string; text: string }
}

export type StatusCommand =
  | { name: 'status'; action: 'publish'; title: string; text: string }
  | { name: 'status'; action: 'update'; text: string }
  | { name: 'status'; action: 'postmortem'; text: string }
  | { name: 'status'; action: 'unpublish' }

/** Longest public title, update and postmortem summary; most updates kept (the record lives in a 65,536-character comment). */
export const PUBLIC_LIMITS = Object.freeze({ title: 120, update: 1000, postmortem: 2000, updates: 20 })

const USAGE =
  '`/status publish <public title>`, `/status <update for customers>`, `/status postmortem <summary>` or `/status unpublish`'

/** Parses the argument of `/status` (its first line and the lines after it). */
export function parseStatus(arg: string): StatusCommand | { message: string } {
  const [first = '', ...rest] = arg.split('\n')
  const m = /^(\S+)\s*(.*)$/.exec(first.trim())
  const word = m?.[1]?.toLowerCase() ?? ''
  const more = rest.join('\n').trim()
  if (word === 'publish') {
    const title = (m?.[2] ?? '').trim()
    if (!title)
      return {
        message: `\`/status publish\` needs the title customers will read: \`/status publish Checkout unavailable\``,
      }
    if (title.length > PUBLIC_LIMITS.title)
      return {
        message: `\`/status publish\`: the public title has ${title.length} characters; write at most ${PUBLIC_LIMITS.title}.`,
      }
    return { name: 'status', action: 'publish', title, text: more }
  }
  if (word === 'unpublish') return { name: 'status', action: 'unpublish' }
  if (word === 'postmortem') {
    const text = [(m?.[2] ?? '').trim(), more].filter(Boolean).join('\n')
    if (!text)
      return {
        message: '`/status postmortem` needs the summary customers will read, on the same line or the lines after it.',
      }
    return { name: 'status', action: 'postmortem', text }
  }
  const text = arg.trim()
  if (!text) return { message: `\`/status\` needs a text: ${USAGE}.` }
  return { name: 'status', action: 'update', text }
}

/** The public status of an incident at a stage (docs/status-page.md). */
export function publicStatusOf(stage: Stage, state?: PublicState): IncidentStatus {
  if (stage === 'triage' || stage === 'investigating') return 'investigating'
  if (stage === 'fixing') return 'identified'
  if (stage === 'monitoring') return 'monitoring'
  return state?.postmortem ? 'postmortem' : 'resolved'
}

const dismissed = (r: IncidentRecord): boolean => r.events.some((e) => e.kind === 'dismissed')

/** True when the config's rule publishes this incident (priority and source both listed). */
export function publishedByRule(r: IncidentRecord, config: Pick<Config, 'status'>): boolean {
  const rule = config.status.publish
  if (!rule.priorities.includes(r.priority as Priority)) return false
  const source = sourceOf(r)
  const fromAlert = !!r.alert || r.events.some((e) => e.kind === 'declared' && e.via === 'alert')
  return rule.sources.includes(source) || (fromAlert && rule.sources.includes('alert'))
}

/**
 * Whether the incident is on the page: published by command (and not taken off) or by the rule;
 * never while unconfirmed (declared by someone below triage and not confirmed), never when dismissed
 * as a false alarm unless a responder published it by command.
 */
export function isPublic(r: IncidentRecord, config: Pick<Config, 'status'>): boolean {
  if (r.unconfirmed) return false
  const s = r.status
  if (s) return s.published
  return !dismissed(r) && publishedByRule(r, config)
}

type Actor = Pick<TimelineEvent, 'at' | 'actor' | 'via'>

/**
 * Runs `/status …` on the record (the caller checked the role: triage or more). Returns a problem to
 * tell the author, or null.
 */
export function runStatusCommand(
  record: IncidentRecord,
  c: StatusCommand,
  e: Actor,
  config: Pick<Config, 'status'>,
  changes: string[],
): string | null {
  if (c.action === 'unpublish') {
    if (!isPublic(record, config)) return null
    record.status = { ...(record.status ?? emptyState(e.at)), published: false }
    changes.push('taken off the status page')
    return null
  }
  if (record.unconfirmed)
    return '`/status`: the incident is unconfirmed (declared by someone below triage); `/confirm` it before it goes on the status page.'
  if (c.action === 'publish') {
    if (dismissed(record) && !isActive(record.stage))
      return '`/status publish`: a dismissed false alarm is not published.'
    const was = record.status
    const state: PublicState = { ...(was ?? emptyState(e.at)), title: c.title, published: true }
    if (was && !was.published) state.publishedAt = was.publishedAt
    if (c.text) {
      const problem = addUpdate(state, c.text, e.at, record.stage)
      if (problem) return problem
    }
    record.status = state
    changes.push(was?.published ? 'public title changed' : 'published on the status page')
    return null
  }
  if (!isPublic(record, config))
    return '`/status`: the incident is not on the status page; publish it first with `/status publish <public title>`.'
  const state = record.status ?? emptyState(e.at)
  if (c.action === 'postmortem') {
    if (isActive(record.stage))
      return '`/status postmortem`: the incident is not resolved yet; publish the postmortem summary once it is.'
    if (c.text.length > PUBLIC_LIMITS.postmortem)
      return `\`/status postmortem\`: the summary has ${c.text.length} characters; write at most ${PUBLIC_LIMITS.postmortem}.`
    state.postmortem = { at: e.at, text: c.text }
    record.status = state
    changes.push('postmortem summary published on the status page')
    return null
  }
  const problem = addUpdate(state, c.text, e.at, record.stage)
  if (problem) return problem
  record.status = state
  changes.push('public update posted on the status page')
  return null
}

function emptyState(at: string): PublicState {
  return { title: null, publishedAt: at, published: true, updates: [] }
}

function addUpdate(state: PublicState, text: string, at: string, stage: Stage): string | null {
  if (text.length > PUBLIC_LIMITS.update)
    return `\`/status\`: the update has ${text.length} characters; write at most ${PUBLIC_LIMITS.update}.`
  if (state.updates.length >= PUBLIC_LIMITS.updates)
    return `\`/status\`: this incident already has ${PUBLIC_LIMITS.updates} public updates, the most it keeps; the resolution is published by itself.`
  state.updates.push({ at, text, status: publicStatusOf(stage, state) })
  return null
}
