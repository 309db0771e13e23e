/*
 * Hand-off notices, as the bundle runs: the sweep announces "now on call" on the on-call issue once
 * per hand-off, even when the sweeps around the shift change were dropped, and never twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { decodeOncall } from '../../src/oncall/store.js'
import { example, issuesPayload, runAction, type ActionRun } from './harness.js'

// alice from Mon 2026-11-23 09:00 Berlin, bob from Mon 2026-11-30 09:00 (08:00 UTC).
const CONFIG = `oncall:
  schedules:
    - name: platform
      time_zone: Europe/Berlin
      channel: "#platform-oncall"
      layers:
        - name: primary
          members: [alice, bob]
          rotation: weekly
          start: "2026-11-23 09:00"
    - name: secondary
      time_zone: Europe/Berlin
      layers:
        - members: [carol]
          rotation: weekly
          start: "2026-11-23 09:00"
          restrictions: [{ days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }]
services:
  - name: checkout
    owners: ["schedule:platform"]
sweep:
  interval: 10m
`

let emu: Emulator
const REPO = 'acme/handoff'

async function at(time: string, fn: () => Promise<ActionRun>): Promise<ActionRun> {
  emu.clock.set(time)
  const r = await fn()
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}
const sweep = (time: string, runId?: string) =>
  at(time, () =>
    runAction({
      emu,
      repo: REPO,
      event: 'schedule',
      payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      ...(runId ? { runId } : {}),
    }),
  )
const oncallIssue = () =>
  emu.listIssues(REPO).find((i) => i.user?.login === 'github-actions[bot]' && i.title === 'On call')
const notices = () =>
  emu
    .listComments(REPO, oncallIssue()!.number)
    .filter((c) => c.user?.login === 'github-actions[bot]' && c.body!.startsWith('<!-- incidentops:handoff:'))

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-29T20:00:00Z' })
  for (const u of ['alice', 'bob', 'carol']) emu.addUser(u)
  emu.addRepo(REPO, {
    collaborators: { alice: 'write', bob: 'write', carol: 'write' },
    files: { '.github/incidents.yml': CONFIG },
  })
})
afterAll(async () => emu?.close())

describe('hand-off notices, as the bundle runs', { timeout: 240_000 }, () => {
  it('announces the new person on call once, after two dropped sweeps, with the incidents they inherit', async () => {
    const body = renderIssueForm(
      {
        summary: 'Checkout slow',
        impact: 'Degraded',
        users_affected: 'Some users (<10%)',
        services: 'checkout',
        exposure: [],
        detection: 'Monitoring alert',
      },
      INCIDENT_FORM,
    )
    const n = emu.createIssue(REPO, {
      title: 'Checkout slow @everyone',
      body,
      labels: ['incident'],
      user: 'carol',
    }).number
    await at('2026-11-29T20:00:00Z', () =>
      runAction({ emu, repo: REPO, event: 'issues', payload: issuesPayload(emu, REPO, n, 'opened', 'carol') }),
    )
    // Sunday evening: alice is on call. The first sweep records it (its first notice is its first hand-off).
    const first = await sweep('2026-11-29T20:10:00Z')
    // What `validate` warns about is shown in the sweep's log, as an annotation on the config file.
    expect(first.stdout).toMatch(
      /::warning file=\.github\/incidents\.yml,line=14,col=9::`oncall\.schedules\[1\]\.layers` leave nobody on call from Mon 2026-11-23 17:00 \+01:00 to Tue 2026-11-24 09:00/,
    )
    expect(decodeOncall(oncallIssue()!.body!)?.handoffs).toEqual({
      platform: { who: 'alice', at: '2026-11-29T20:10:00.000Z' },
    })
    expect(notices()).toHaveLength(0)
    await sweep('2026-11-30T07:50:00Z')
    expect(notices()).toHaveLength(0)

    // The sweeps of 08:00 and 08:10 were dropped; bob took over at 08:00 UTC (09:00 Berlin). One run at 08:20.
    emu.resetCounters()
    const r = await sweep('2026-11-30T08:20:00Z', 'handoff-run')
    const handoffRequests = emu.counts().total
    expect(notices()).toHaveLength(1)
    const notice = notices()[0]!.body!
    expect(notice).toContain('🔁 **Hand-off** · schedule `platform` · chat `#platform-oncall`')
    expect(notice).toContain(
      '**Now on call: @bob** (layer `primary`) until Mon 2026-12-07 09:00 +01:00, after @\u200balice.',
    )
    expect(notice).toMatch(/after @\u200balice\./) // the one going off duty is not pinged
    expect(notice).toContain(`- #${n} Checkout slow @\u200beveryone · P`) // the title's mention is defused
    expect(r.summary).toContain('Hand-off on schedule platform announced')
    expect(decodeOncall(oncallIssue()!.body!)?.handoffs?.platform?.who).toBe('bob')

    // A re-run of that run, and the next sweeps: no second notice.
    await sweep('2026-11-30T08:21:00Z', 'handoff-run')
    await sweep('2026-11-30T08:30:00Z')
    emu.resetCounters()
    await sweep('2026-11-30T08:40:00Z')
    expect(notices()).toHaveLength(1)
    // What a hand-off costs over a sweep with nothing to do: one read (the on-call issue again) and two writes.
    expect(handoffRequests - emu.counts().total).toBe(3)
  })
})
