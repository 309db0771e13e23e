// Rate limits at the end of the retries: the run says it is a limit, when it clears, and that
// nothing was half-written; the next run finishes the job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { issuesPayload, runAction } from './harness.js'

const REPO = 'acme/limits'
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  emu.addRepo(REPO, { collaborators: { alice: 'write' } })
})
afterAll(async () => emu?.close())

describe('a secondary rate limit that outlasts the retries', () => {
  it('fails naming the limit and when it clears (not a permission), and the next run completes the incident', async () => {
    const body = renderIssueForm(
      {
        summary: 'Checkout down',
        impact: 'Full outage',
        users_affected: 'All users (100%)',
        services: 'checkout',
        exposure: [],
        detection: 'Monitoring alert',
      },
      INCIDENT_FORM,
    )
    const n = emu.createIssue(REPO, {
      title: '[Incident]: Checkout down',
      body,
      labels: ['incident'],
      user: 'alice',
    }).number
    // Every attempt to post the card (the first and the throttling plugin's 4 retries) meets GitHub's
    // secondary limit (retry-after: 1).
    const before = emu.faults.injected()
    emu.faults.failOn(/^POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments$/, 5, 'secondary-403')
    const r = await runAction({
      emu,
      repo: REPO,
      event: 'issues',
      payload: issuesPayload(emu, REPO, n, 'opened', 'alice'),
    })
    expect(r.code).toBe(1)
    const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
    expect(error).toMatch(/This is GitHub's secondary rate limit, not a missing permission: it clears after 1 s\./)
    expect(error).toMatch(
      /This request was not applied; what the run wrote before it is complete, and the next run carries on from there\./,
    )
    expect(error).not.toMatch(/lacks a permission|permissions: issues: write/)
    // The card was never posted (every attempt refused): no comment, no half card.
    expect(emu.listComments(REPO, n)).toEqual([])

    expect(emu.faults.injected() - before).toBe(5)

    // The limit clears; the same delivery again completes the incident.
    const again = await runAction({
      emu,
      repo: REPO,
      event: 'issues',
      payload: issuesPayload(emu, REPO, n, 'opened', 'alice'),
    })
    expect(again.code, again.stdout).toBe(0)
    expect(emu.listComments(REPO, n).filter((c) => c.body!.startsWith('<!-- incidentops:card -->'))).toHaveLength(1)
    expect(emu.getIssue(REPO, n).labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(
      expect.arrayContaining(['incident', 'priority/P1', 'stage/triage']),
    )
  })
})
