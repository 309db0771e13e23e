import { PayloadError } from '../errors.js'
import type { Mode } from '../inputs.js'

export type Route =
  | { kind: 'issue'; number: number; action: string; sender: string; label?: string; at?: string }
  | { kind: 'comment'; number: number; commentId: number; body: string; author: string; createdAt: string }
  /** The postmortem pull request `pr` of incident `number` was merged (its marker says so; the record must agree). */
  | { kind: 'merged'; number: number; pr: number; sender: string; at?: string }
  | { kind: 'alerts'; eventType: string; payload: unknown }
  /** A heartbeat's ping (`repository_dispatch` of type `heartbeat`): the name as sent, checked against the config later. */
  | { kind: 'heartbeat'; name: string }
  | { kind: 'report' }
  /** `mode: status`: build the public status page (any event). */
  | { kind: 'status' }
  | { kind: 'sweep' }
  | { kind: 'noop'; notice: string }

/** Comments longer than this are not scanned for commands (GitHub's own limit is 65,536). */
const MAX_COMMENT = 65_536

const ISSUE_ACTIONS = new Set([
  'opened',
  'edited',
  'labeled',
  'unlabeled',
  'reopened',
  'closed',
  'assigned',
  'unassigned',
])

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function str(o: Obj, key: string, where: string): string {
  const v = o[key]
  if (typeof v !== 'string')
    throw new PayloadError(
      `The event payload's \`${where}${key}\` must be a string; it is ${v === undefined ? 'missing' : typeof v}.`,
    )
  return v
}

function issueNumber(payload: Obj): number {
  const issue = payload.issue
  if (!isObj(issue)) throw new PayloadError('The event payload has no `issue` object.')
  const n = issue.number
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0)
    throw new PayloadError("The event payload's `issue.number` must be a positive whole number.")
  return n
}

/**
 * Picks what a run does from the event and the `mode` input. Unknown events and actions are a
 * no-op with a notice, never a failure: workflows often subscribe to more than we handle.
 */
export function route(eventName: string, payload: unknown, mode: Mode): Route {
  if (!isObj(payload)) throw new PayloadError('The event payload is not a JSON object.')
  // The report needs no issue: it runs on any event (schedule, workflow_dispatch, …).
  if (mode === 'report') return { kind: 'report' }
  if (mode === 'status') return { kind: 'status' }
  if (mode === 'sweep') return { kind: 'sweep' }
  // `mode: intake` handles what people do on issues (and merged postmortems), never alerts or the sweep.
  if (mode === 'intake' && !['issues', 'issue_comment', 'pull_request', 'pull_request_target'].includes(eventName))
    return {
      kind: 'noop',
      notice: `mode: intake handles issues, issue_comment and pull_request events; ${eventName || 'this event'} was ignored (use mode: auto or sweep).`,
    }
  switch (eventName) {
    case 'issues': {
      const action = str(payload, 'action', '')
      if (!ISSUE_ACTIONS.has(action))
        return { kind: 'noop', notice: `issues.${action} needs nothing from IncidentOps.` }
      const sender = isObj(payload.sender) ? str(payload.sender, 'login', 'sender.') : 'ghost'
      const label = isObj(payload.label) ? str(payload.label, 'name', 'label.') : undefined
      return { kind: 'issue', number: issueNumber(payload), action, sender, label }
    }
    case 'issue_comment': {
      const action = str(payload, 'action', '')
      if (action !== 'created')
        return {
          kind: 'noop',
          notice: `issue_comment.${action}: only new comments run commands (an edited comment does not run again).`,
        }
      const issue = payload.issue
      if (isObj(issue) && isObj(issue.pull_request))
        return { kind: 'noop', notice: 'Comments on pull requests are not incidents.' }
      const comment = payload.comment
      if (!isObj(comment)) throw new PayloadError('The event payload has no `comment` object.')
      const id = comment.id
      if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0)
        throw new PayloadError("The event payload's `comment.id` must be a positive whole number.")
      const body = typeof comment.body === 'string' ? comment.body : ''
      // Our own comments (a PAT or App token does trigger workflows) always start with a marker.
      if (body.startsWith('<!-- incidentops:'))
        return { kind: 'noop', notice: 'This comment was written by IncidentOps itself.' }
      const user = isObj(comment.user) ? comment.user : {}
      if (user.type === 'Bot')
        return { kind: 'noop', notice: `Comments from bots (${String(user.login)}) do not run incident commands.` }
      const author = str(user, 'login', 'comment.user.')
      const createdAt = str(comment, 'created_at', 'comment.')
      if (Number.isNaN(Date.parse(createdAt)))
        throw new PayloadError("The event payload's `comment.created_at` is not a date.")
      return {
        kind: 'comment',
        number: issueNumber(payload),
        commentId: id,
        body: body.slice(0, MAX_COMMENT),
        author,
        createdAt,
      }
    }
    case 'pull_request':
    case 'pull_request_target': {
      // Only a merged postmortem pull request matters: it finishes its incident's postmortem. The
      // marker in its body names the incident; the incident's record must name this pull request.
      const action = str(payload, 'action', '')
      const pr = payload.pull_request
      if (action !== 'closed') return { kind: 'noop', notice: `${eventName}.${action} needs nothing from IncidentOps.` }
      if (!isObj(pr)) throw new PayloadError('The event payload has no `pull_request` object.')
      const n = pr.number
      if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0)
        throw new PayloadError("The event payload's `pull_request.number` must be a positive whole number.")
      const incident = /^<!-- incidentops:postmortem:(\d{1,9}) -->/.exec(typeof pr.body === 'string' ? pr.body : '')
      if (!incident) return { kind: 'noop', notice: `Pull request #${n} is not a postmortem proposed by IncidentOps.` }
      if (pr.merged !== true)
        return {
          kind: 'noop',
          notice: `The postmortem pull request #${n} was closed without merging: the postmortem of #${incident[1]} stays open.`,
        }
      const mergedAt =
        typeof pr.merged_at === 'string' && !Number.isNaN(Date.parse(pr.merged_at))
          ? new Date(pr.merged_at).toISOString().replace('.000Z', 'Z')
          : undefined
      const sender = isObj(payload.sender) ? str(payload.sender, 'login', 'sender.') : 'ghost'
      return { kind: 'merged', number: Number(incident[1]), pr: n, sender, ...(mergedAt ? { at: mergedAt } : {}) }
    }
    case 'repository_dispatch': {
      // The payload is parsed (and rejected, naming the field) once the config says which event types carry alerts.
      const eventType = str(payload, 'action', '')
      if (eventType === 'heartbeat') {
        const cp = payload.client_payload
        const name = isObj(cp) ? cp.name : undefined
        if (typeof name !== 'string' || name === '')
          throw new PayloadError(
            'A `heartbeat` dispatch names its heartbeat in `client_payload.name` (a name from `heartbeats:` in .github/incidents.yml), e.g. {"event_type":"heartbeat","client_payload":{"name":"nightly-backup"}}.',
          )
        return { kind: 'heartbeat', name: name.slice(0, 200) }
      }
      return { kind: 'alerts', eventType, payload: payload.client_payload }
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'sweep' }
    default:
      return {
        kind: 'noop',
        notice: `IncidentOps does not handle the \`${eventName}\` event; nothing was done. It handles issues, issue_comment, pull_request (a merged postmortem), repository_dispatch, schedule and workflow_dispatch.`,
      }
  }
}
