// The pace tier: the bundle at GitHub's own limits (`api-limits` empty), not the tests' zero
// spacing. It proves, from the emulator's arrival times, that writes are at least one second apart
// and that reads are not spaced, and that the emulator's content-creation limit is never hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator, type RequestLog } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { example, issuesPayload, runAction } from '../e2e/harness.js'

const REPO = 'acme/pace'
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T14:00:00Z' })
  emu.addUser('alice')
  emu.addRepo(REPO, {
    collaborators: { alice: 'write' },
    files: { '.github/incidents.yml': 'escalation:\n  - mention: ["@acme/oncall"]\n' },
  })
})
afterAll(async () => emu?.close())

function gaps(reqs: RequestLog[]): number[] {
  return reqs.slice(1).map((r, i) => r.at - reqs[i]!.at)
}

describe('GitHub pace (api-limits at GitHub.com defaults)', () => {
  it('a sweep with 4 escalations due spaces its writes at least 1 s apart and its reads not at all', async () => {
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
    // Four P1 incidents, declared at the tests' pace (zero spacing).
    for (let i = 0; i < 4; i++) {
      const n = emu.createIssue(REPO, {
        title: `[Incident]: Checkout down ${i}`,
        body,
        labels: ['incident'],
        user: 'alice',
      }).number
      const r = await runAction({
        emu,
        repo: REPO,
        event: 'issues',
        payload: issuesPayload(emu, REPO, n, 'opened', 'alice'),
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
    }

    emu.clock.set('2026-11-25T14:16:00Z') // past every P1's 15-minute acknowledgement deadline
    emu.resetCounters()
    const sweep = await runAction({
      emu,
      repo: REPO,
      event: 'schedule',
      payload: { schedule: '*/10 * * * *', ...example('watch'), action: undefined },
      inputs: { 'api-limits': '' },
    })
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0)

    const writes = emu.requests.filter((r) => r.write)
    // Each escalation is a comment and a card update: 8 writes, at least 7 gaps.
    expect(writes.length).toBeGreaterThanOrEqual(8)
    for (const g of gaps(writes)) expect(g).toBeGreaterThanOrEqual(1000)
    // GitHub's 80/min: never refused (and at this pace it cannot be reached).
    expect(emu.limited()).toEqual([])

    // The sweep's reads come before its first write: none of them waited for anything.
    const reads = emu.requests.slice(0, emu.requests.indexOf(writes[0]!))
    expect(reads.length).toBeGreaterThanOrEqual(1)
    for (const g of gaps(reads)) expect(g).toBeLessThan(500)
  })

  it('the emulator refuses the 81st content creation within a minute, as GitHub does', async () => {
    const local = await startEmulator({ now: '2026-11-25T14:00:00Z' })
    try {
      local.addRepo('acme/limit', {})
      const post = (n: number) =>
        fetch(`${local.url}/repos/acme/limit/issues`, {
          method: 'POST',
          headers: { authorization: `token ${local.botToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `issue ${n}` }),
        })
      for (let i = 0; i < 80; i++) expect((await post(i)).status).toBe(201)
      const refused = await post(80)
      expect(refused.status).toBe(403)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(((await refused.json()) as { message: string }).message).toMatch(/secondary rate limit/)
      expect(local.limited()).toHaveLength(1)
      // A minute later (the clock moved), creation is allowed again.
      local.clock.advance(60_000)
      expect((await post(81)).status).toBe(201)
    } finally {
      await local.close()
    }
  })
})
