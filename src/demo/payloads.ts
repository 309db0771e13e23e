/**
 * The webhook payloads the demo delivers to the action, built from the emulator's state. They carry
 * what GitHub's do that the action reads (action, issue, comment, sender, client_payload and the
 * repository); the e2e tests use GitHub's full published examples (test/e2e/harness.ts), which the
 * shipped demo does without to stay small.
 */
import type { Emulator } from '../emulator/index.js'

function repository(repo: string): Record<string, unknown> {
  const [owner = '', name = ''] = repo.split('/')
  return { name, full_name: repo, private: false, owner: { login: owner, type: 'Organization' } }
}

const user = (login: string): Record<string, unknown> => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' })

/** An `issues` payload for an issue as the emulator has it now. */
export function issuesPayload(
  emu: Emulator,
  repo: string,
  number: number,
  action: string,
  sender: string,
): Record<string, unknown> {
  return { action, issue: emu.getIssue(repo, number), repository: repository(repo), sender: user(sender) }
}

/** An `issue_comment.created` payload for a comment that exists on the emulator. */
export function commentPayload(
  emu: Emulator,
  repo: string,
  number: number,
  comment: { id: number | bigint },
): Record<string, unknown> {
  const c = emu.listComments(repo, number).find((x) => x.id === comment.id)
  if (!c) throw new Error(`no comment ${comment.id} on ${repo}#${number}`)
  return {
    action: 'created',
    issue: emu.getIssue(repo, number),
    comment: c,
    repository: repository(repo),
    sender: user(c.user?.login ?? 'ghost'),
  }
}

/** A `repository_dispatch` payload with our event type and client_payload. */
export function dispatchPayload(repo: string, eventType: string, clientPayload: unknown): Record<string, unknown> {
  return {
    action: eventType,
    branch: 'main',
    client_payload: clientPayload,
    repository: repository(repo),
    sender: user('relay-bot'),
  }
}
