// A write GitHub finished but whose answer was lost (a 502 from its front end, a dropped
// connection) must not be written twice: creates are not retried blindly, they look for what
// they were creating (by its marker) and adopt it. The emulator's 'lost-502' fault applies the
// request and then answers 502 in its place.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { commentPayload, dispatchPayload, issuesPayload, runAction, type ActionRun } from './harness.js'

const CREATE_COMMENT = /^POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments$/
const CREATE_ISSUE = /^POST \/repos\/\{owner\}\/\{repo\}\/issues$/

let emu: Emulator
let repo = ''
let seq = 0
const bot = (n: number) => emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const cards = (n: number) => bot(n).filter((c) => c.body!.startsWith(CARD_MARKER))
const lostFaults = () => emu.requests.filter((r) => r.fault === 'lost-502').length

async function run(event: string, payload: unknown): Promise<ActionRun> {
  const r = await runAction({ emu, repo, event, payload })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function open(impact = 'Major degradation'): Promise<number> {
  const body = renderIssueForm({ summary: 'Search is slow', impact, services: 'search', exposure: [] }, INCIDENT_FORM)
  const n = emu.createIssue(repo, {
    title: '[Incident]: Search is slow',
    body,
    labels: ['incident'],
    user: 'alice',
  }).number
  await run('issues', issuesPayload(emu, repo, n, 'opened', 'alice'))
  return n
}

async function say(n: number, text: string): Promise<void> {
  const c = emu.createComment(repo, n, { body: text, user: 'alice' })
  await run('issue_comment', commentPayload(emu, repo, n, c))
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
})
afterAll(async () => emu?.close())
beforeEach(() => {
  repo = `acme/lost-${++seq}`
  emu.addRepo(repo, { collaborators: { alice: 'write' } })
  emu.clock.set('2026-11-25T14:00:00Z')
  emu.resetCounters()
})

describe('a create whose answer is lost is adopted, never written twice', () => {
  it('the card', async () => {
    emu.faults.failOn(CREATE_COMMENT, 1, 'lost-502')
    const n = await open()
    expect(lostFaults()).toBe(1)
    expect(cards(n)).toHaveLength(1)
    expect(decodeRecord(cards(n)[0]!.body!)!.number).toBe(n)
  })

  it('the labels (one GraphQL mutation, retried: a label that exists is success)', async () => {
    emu.faults.failOn(/^POST \/graphql CreateLabels$/, 1, 'lost-502')
    const n = await open()
    expect(lostFaults()).toBe(1)
    expect(
      emu
        .getIssue(repo, n)
        .labels.map((l) => (typeof l === 'string' ? l : l.name))
        .sort(),
    ).toEqual(['incident', 'priority/P2', 'service/search', 'stage/triage'])
    expect(cards(n)).toHaveLength(1)
  })

  it('a reply (the answer to /help)', async () => {
    const n = await open()
    emu.faults.failOn(CREATE_COMMENT, 1, 'lost-502')
    await say(n, '/help')
    expect(lostFaults()).toBe(1)
    expect(bot(n).filter((c) => c.body!.includes('| `/ack` |'))).toHaveLength(1)
  })

  it('the issue of a new alert', async () => {
    emu.faults.failOn(CREATE_ISSUE, 1, 'lost-502')
    await run(
      'repository_dispatch',
      dispatchPayload(repo, 'alert', {
        incidentops: { version: 1, alerts: [{ status: 'firing', key: 'disk-full', title: 'Disk full on db-1' }] },
      }),
    )
    expect(lostFaults()).toBe(1)
    expect(emu.listIssues(repo).map((i) => i.title)).toEqual(['[Alert] Disk full on db-1'])
    expect(cards(emu.listIssues(repo)[0]!.number)).toHaveLength(1)
  })

  it('the postmortem issue and a follow-up issue', async () => {
    const n = await open()
    emu.faults.failOn(CREATE_ISSUE, 1, 'lost-502')
    await say(n, '/followup Add an index')
    emu.faults.failOn(CREATE_ISSUE, 1, 'lost-502')
    await say(n, '/resolve')
    expect(lostFaults()).toBe(2)
    const titles = emu
      .listIssues(repo)
      .map((i) => i.title)
      .sort()
    expect(titles).toEqual(['Add an index', 'Postmortem: Search is slow', '[Incident]: Search is slow'])
    const card = decodeRecord(cards(n)[0]!.body!)!
    expect(card.postmortem?.issue).toBe(emu.listIssues(repo).find((i) => i.title.startsWith('Postmortem'))!.number)
    expect(card.followups?.map((f) => f.title)).toEqual(['Add an index'])
  })
})
