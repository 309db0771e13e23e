// Routing of pull_request events: only a merged postmortem pull request reaches an incident.
import { describe, expect, it } from 'vitest'
import { route } from '../../src/events/router.js'
import { PayloadError } from '../../src/errors.js'

const pr = (extra: Record<string, unknown> = {}, action = 'closed') => ({
  action,
  number: 12,
  pull_request: {
    number: 12,
    body: '<!-- incidentops:postmortem:7 -->\nThe postmortem of incident #7',
    merged: true,
    merged_at: '2026-11-27T10:00:00Z',
    ...extra,
  },
  sender: { login: 'alice', type: 'User' },
})

describe('route: pull_request', () => {
  it('a merged postmortem pull request goes to its incident, with the merge time', () => {
    expect(route('pull_request', pr(), 'auto')).toEqual({
      kind: 'merged',
      number: 7,
      pr: 12,
      sender: 'alice',
      at: '2026-11-27T10:00:00Z',
    })
  })

  it('anything else is a no-op with a notice', () => {
    expect(route('pull_request', pr({}, 'opened'), 'auto')).toMatchObject({
      kind: 'noop',
      notice: 'pull_request.opened needs nothing from IncidentOps.',
    })
    expect(route('pull_request', pr({ merged: false }), 'auto')).toMatchObject({
      kind: 'noop',
      notice: 'The postmortem pull request #12 was closed without merging: the postmortem of #7 stays open.',
    })
    expect(route('pull_request', pr({ body: 'Fix typo\n<!-- incidentops:postmortem:7 -->' }), 'auto')).toMatchObject({
      kind: 'noop',
      notice: 'Pull request #12 is not a postmortem proposed by IncidentOps.',
    })
    expect(route('pull_request', pr({ body: null }), 'auto')).toMatchObject({ kind: 'noop' })
  })

  it('rejects a payload with wrong types, naming the field', () => {
    expect(() => route('pull_request', pr({ number: '12' }), 'auto')).toThrow(PayloadError)
    expect(() => route('pull_request', pr({ number: '12' }), 'auto')).toThrow(
      '`pull_request.number` must be a positive whole number',
    )
    expect(() => route('pull_request', { action: 'closed' }, 'auto')).toThrow('has no `pull_request` object')
  })
})

describe('route: repository_dispatch heartbeat', () => {
  it('a ping names its heartbeat; any other event type stays an alert', () => {
    expect(
      route('repository_dispatch', { action: 'heartbeat', client_payload: { name: 'nightly-backup' } }, 'auto'),
    ).toEqual({ kind: 'heartbeat', name: 'nightly-backup' })
    expect(route('repository_dispatch', { action: 'alert', client_payload: { name: 'x' } }, 'auto')).toMatchObject({
      kind: 'alerts',
      eventType: 'alert',
    })
  })

  it('a ping without a name says what to send', () => {
    for (const cp of [undefined, {}, { name: 3 }, { name: '' }])
      expect(() => route('repository_dispatch', { action: 'heartbeat', client_payload: cp }, 'auto')).toThrow(
        '`client_payload.name`',
      )
  })
})

describe('route: mode intake', () => {
  it('routes issue events as auto does, and makes alerts and schedules a no-op with a notice', () => {
    const issue = { action: 'opened', issue: { number: 3 }, sender: { login: 'rita' } }
    expect(route('issues', issue, 'intake')).toEqual(route('issues', issue, 'auto'))
    expect(route('issues', issue, 'intake')).toMatchObject({ kind: 'issue', number: 3 })
    expect(route('pull_request', pr(), 'intake')).toMatchObject({ kind: 'merged', number: 7 })
    expect(route('repository_dispatch', { action: 'alert', client_payload: {} }, 'intake')).toEqual({
      kind: 'noop',
      notice:
        'mode: intake handles issues, issue_comment and pull_request events; repository_dispatch was ignored (use mode: auto or sweep).',
    })
    expect(route('schedule', {}, 'intake')).toMatchObject({ kind: 'noop' })
    expect(route('schedule', {}, 'auto')).toEqual({ kind: 'sweep' })
  })
})
