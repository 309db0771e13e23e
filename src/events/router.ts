import { PayloadError } from '../errors.js'
import type { Mode } from '../inputs.js'

export type Route =
  | { kind: 'issue'; number: number; action: string; sender: string; label?: string }
  | { kind: 'noop'; notice: string }

const ISSUE_ACTIONS = new Set(['opened', 'edited', 'labeled', 'unlabeled', 'reopened', 'closed', 'assigned', 'unassigned'])

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function str(o: Obj, key: string, where: string): string {
  const v = o[key]
  if (typeof v !== 'string') throw new PayloadError(`The event payload's \`${where}${key}\` must be a string; it is ${v === undefined ? 'missing' : typeof v}.`)
  return v
}

function issueNumber(payload: Obj): number {
  const issue = payload.issue
  if (!isObj(issue)) throw new PayloadError('The event payload has no `issue` object.')
  const n = issue.number
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw new PayloadError('The event payload\'s `issue.number` must be a positive whole number.')
  return n
}

/**
 * Picks what a run does from the event and the `mode` input. Unknown events and actions are a
 * no-op with a notice, never a failure: workflows often subscribe to more than we handle.
 */
export function route(eventName: string, payload: unknown, mode: Mode): Route {
  if (!isObj(payload)) throw new PayloadError('The event payload is not a JSON object.')
  if (mode === 'sweep' || mode === 'report') {
    return { kind: 'noop', notice: `mode \`${mode}\` is not available in this version of IncidentOps yet; nothing was done.` }
  }
  switch (eventName) {
    case 'issues': {
      const action = str(payload, 'action', '')
      if (!ISSUE_ACTIONS.has(action)) return { kind: 'noop', notice: `issues.${action} needs nothing from IncidentOps.` }
      const sender = isObj(payload.sender) ? str(payload.sender, 'login', 'sender.') : 'ghost'
      const label = isObj(payload.label) ? str(payload.label, 'name', 'label.') : undefined
      return { kind: 'issue', number: issueNumber(payload), action, sender, label }
    }
    case 'issue_comment': {
      // Commands come with the lifecycle capability; meanwhile a comment still brings its incident up to date.
      const issue = payload.issue
      if (isObj(issue) && isObj(issue.pull_request)) return { kind: 'noop', notice: 'Comments on pull requests are not incidents.' }
      const sender = isObj(payload.sender) ? str(payload.sender, 'login', 'sender.') : 'ghost'
      return { kind: 'issue', number: issueNumber(payload), action: 'commented', sender }
    }
    case 'repository_dispatch':
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'noop', notice: `${eventName} (alerts, the sweep and the report) is not available in this version of IncidentOps yet; nothing was done.` }
    default:
      return { kind: 'noop', notice: `IncidentOps does not handle the \`${eventName}\` event; nothing was done. It handles issues, issue_comment, repository_dispatch, schedule and workflow_dispatch.` }
  }
}
