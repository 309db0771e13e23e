/**
 * Learning from history (#20), end to end: the bundle against the emulator. The weekly report
 * writes the history index and shows the forecast with its calibration; a new incident that
 * matches an old one by alert key and terms shows it first in its card, with both reasons; a
 * missing index degrades to a note, never a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { decodeRecord } from '../../src/domain/record.js'
import { seedHistory } from '../../src/demo/seed.js'
import { decodeIndex, HISTORY_BRANCH, HISTORY_PATH } from '../../src/history/index-file.js'
import {
  TWIN_SCALE,
  commentPayload,
  dispatchPayload,
  issuesPayload,
  runAction,
  snapshotRepo,
  type ActionRun,
} from './harness.js'

let emu: Emulator
const REPO = 'acme/history'

const cardOf = (repo: string, n: number): string =>
  emu.listComments(repo, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? ''
const incidents = (repo: string) =>
  emu.listIssues(repo).filter((i) => i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))

async function ok(r: Promise<ActionRun>): Promise<ActionRun> {
  const run = await r
  expect(run.code, run.stdout + run.stderr).toBe(0)
  return run
}
const checkoutAlert = (status: 'firing' | 'resolved', title: string) => ({
  incidentops: {
    version: 1,
    alerts: [{ status, key: 'checkout-502', title, service: 'checkout', severity: 'high', source: 'uptime' }],
  },
})
async function deliver(repo: string, payload: unknown, at: string, runId?: string): Promise<ActionRun> {
  emu.clock.set(at)
  return ok(
    runAction({ emu, repo, event: 'repository_dispatch', payload: dispatchPayload(repo, 'alert', payload), runId }),
  )
}
async function say(repo: string, n: number, user: string, text: string, at: string): Promise<ActionRun> {
  emu.clock.set(at)
  const c = emu.createComment(repo, n, { body: text, user })
  return ok(runAction({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) }))
}
async function report(repo: string, at: string): Promise<ActionRun> {
  emu.clock.set(at)
  return ok(runAction({ emu, repo, event: 'schedule', payload: { schedule: '0 6 * * 1' }, inputs: { mode: 'report' } }))
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-20T00:00:00Z' })
  emu.addUser('alice')
  emu.addUser('reader')
  emu.addRepo(REPO, { collaborators: { alice: 'write', reader: 'read' } })
})
afterAll(async () => emu?.close())

describe('similar past incidents and the forecast', () => {
  let old = 0
  let fresh = 0

  it(
    'the report writes the history index and shows the forecast with its calibration',
    { timeout: 180_000 * TWIN_SCALE },
    async () => {
      // 16 weeks of ordinary history (titles like "checkout errors #3"), then the incident to remember.
      seedHistory(emu, REPO, { now: '2026-11-20T00:00:00Z', count: 120, seed: 7, weeks: 16 })
      await deliver(REPO, checkoutAlert('firing', 'Checkout payment step returns 502'), '2026-11-21T10:00:00Z')
      old = incidents(REPO).find((i) => i.title.includes('payment step'))!.number
      await say(
        REPO,
        old,
        'alice',
        '/update Rolled back release 4.2: the payment client timed out',
        '2026-11-21T10:20:00Z',
      )
      await say(REPO, old, 'alice', '/followup Add a canary for the payment step', '2026-11-21T10:30:00Z')
      emu.clock.set('2026-11-21T10:40:00Z')
      emu.editIssue(REPO, old, { state: 'closed', state_reason: 'completed' }, 'alice')
      await ok(
        runAction({ emu, repo: REPO, event: 'issues', payload: issuesPayload(emu, REPO, old, 'closed', 'alice') }),
      )

      emu.resetCounters()
      const r = await report(REPO, '2026-11-23T07:00:00Z')
      // The index: one file on our own branch, holding every incident.
      const text = emu.getFile(REPO, HISTORY_PATH, HISTORY_BRANCH)
      expect(text).toBeDefined()
      const index = decodeIndex(text!)!
      expect(index.builtAt).toBe('2026-11-23T00:00:00.000Z')
      expect(index.incidents).toHaveLength(incidents(REPO).length)
      expect(index.incidents.find((p) => p.number === old)).toMatchObject({
        alertKey: 'checkout-502',
        services: ['checkout'],
        end: 'resolved',
        cause: 'Rolled back release 4.2: the payment client timed out',
      })
      // The first time: our branch, then the file, then the label that tells declarations the index exists.
      expect(emu.counts().byRoute['POST /repos/{owner}/{repo}/git/refs']).toBe(1)
      expect(emu.counts().byRoute['PUT /repos/{owner}/{repo}/contents/{path}']).toBe(1)
      expect(emu.listLabels(REPO).map((l) => l.name)).toContain('incidentops/history-index')
      // Nothing refused on the way (no 404 for the missing file or branch).
      expect(emu.requests.filter((q) => q.status >= 400)).toEqual([])

      // The forecast and its calibration, in the published report.
      const body = emu.getIssue(REPO, Number(r.outputs['report-issue'])).body!
      expect(body).toContain('### Forecast: the next 4 weeks')
      expect(body).toMatch(/\| \*\*All\*\* \| \d+(\.\d)? \(\d+–\d+; \d+–\d+\) \|/)
      for (const p of ['P1', 'P2', 'P3', 'P4']) expect(body).toMatch(new RegExp(`\\| ${p} \\| \\d`))
      expect(body).toMatch(/\*\*P\(at least one P1 next week\):\*\* \d+ %/)
      expect(body).toMatch(/\*\*Calibration:\*\* \d+ of the last \d+ weeks \(\d+ %\) fell inside their 80 % interval/)
      expect(body).toContain('**Possible recurrences in this window:**')

      // The same day again: the same index, nothing written.
      emu.resetCounters()
      const again = await report(REPO, '2026-11-23T09:00:00Z')
      expect(JSON.parse(again.outputs.actions!)).toEqual([])
      expect(emu.counts().writes).toBe(0)
    },
  )

  it(
    'a new incident matching an old one by alert key and terms shows it first, with both reasons and how it ended',
    { timeout: 120_000 * TWIN_SCALE },
    async () => {
      emu.resetCounters()
      const again = checkoutAlert('firing', 'Checkout payment step returns 502 again')
      await deliver(REPO, again, '2026-11-25T09:00:00Z', 'run-again')
      fresh = incidents(REPO).find((i) => i.title.includes('502 again'))!.number
      expect(fresh).not.toBe(old)
      // The history costs 2 requests: the index, and one page of the incidents updated since it was built.
      const routes = emu.counts().byRoute
      expect(routes['GET /repos/{owner}/{repo}/contents/{path}']).toBe(1)

      const card = cardOf(REPO, fresh)
      const section = card.slice(card.indexOf('#### Similar past incidents'), card.indexOf('#### Timeline'))
      expect(section).toContain(`1. #${old} [Alert] Checkout payment step returns 502`)
      const why = section.split('\n').find((l) => l.includes('**Why:**'))!
      expect(why).toContain('same alert key `checkout-502`')
      expect(why).toMatch(/shared terms .*`payment`/)
      expect(section).toContain('last update: “Rolled back release 4.2: the payment client timed out”')
      expect(section).toMatch(/follow-ups: 1 open \(#\d+\), 0 closed/)
      // Declared 4 days after the old one, whose follow-up is still open: a possible recurrence.
      expect(section).toContain(`**Possible recurrence** of #${old}`)
      expect(decodeRecord(card)!.similar).toMatchObject({ recurrenceOf: old, note: null })

      // Re-running the same delivery (the same workflow run) writes nothing new.
      const before = snapshotRepo(emu, REPO)
      emu.resetCounters()
      await deliver(REPO, again, '2026-11-25T09:01:00Z', 'run-again')
      expect(cardOf(REPO, fresh)).toContain(`1. #${old} [Alert] Checkout payment step returns 502`)
      expect(snapshotRepo(emu, REPO)).toEqual(before)
      expect(emu.counts().writes).toBe(0)
    },
  )

  it('`/similar` replies with the matches; someone without triage gets the usual refusal', async () => {
    const r = await say(REPO, fresh, 'alice', '/similar', '2026-11-25T10:00:00Z')
    expect(r.code).toBe(0)
    const reply = emu.listComments(REPO, fresh).find((c) => c.body?.startsWith('<!-- incidentops:similar:'))
    expect(reply?.body).toContain('**Similar past incidents**')
    expect(reply?.body).toContain(`1. #${old} [Alert] Checkout payment step returns 502`)
    await say(REPO, fresh, 'reader', '/similar', '2026-11-25T10:05:00Z')
    const replies = emu.listComments(REPO, fresh).filter((c) => c.body?.startsWith('<!-- incidentops:similar:'))
    expect(replies).toHaveLength(1)
  })

  it('without an index: the incident is declared, its card says why no past incident was searched', async () => {
    const repo = 'acme/new-install'
    emu.addRepo(repo, { collaborators: { alice: 'write' } })
    emu.clock.set('2026-11-25T11:00:00Z')
    const n = emu.createIssue(repo, {
      title: 'Checkout 502',
      body: 'It broke',
      labels: ['incident'],
      user: 'alice',
    }).number
    await ok(runAction({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') }))
    const card = cardOf(repo, n)
    expect(card).toContain('#### Similar past incidents')
    expect(card).toContain('_Past incidents not searched yet: the history index')
  })
})
