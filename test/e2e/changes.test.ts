import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { renderIssueForm } from '../../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../../src/intake/form-spec.js'
import { CARD_MARKER, decodeRecord } from '../../src/domain/record.js'
import { commentPayload, issuesPayload, runAction, TWIN_SCALE, type ActionRun } from './harness.js'

// The checkout service owns src/checkout/**; DORA is on for the report.
const CONFIG = `services:
  - name: checkout
    owners: ["@acme/payments"]
    paths: ["src/checkout/**"]
changes:
  dora: true
`

let emu: Emulator
let seq = 0
const HOUR = 3_600_000

const bot = (repo: string, n: number) =>
  emu.listComments(repo, n).filter((c) => c.user?.login === 'github-actions[bot]')
const card = (repo: string, n: number) => bot(repo, n).find((c) => c.body!.startsWith(CARD_MARKER))!.body!
const record = (repo: string, n: number) => decodeRecord(card(repo, n))!

async function run(repo: string, event: string, payload: unknown, time: string, inputs?: Record<string, string>) {
  emu.clock.set(time)
  const r: ActionRun = await runAction({ emu, repo, event, payload, ...(inputs ? { inputs } : {}) })
  expect(r.code, r.stdout + r.stderr).toBe(0)
  return r
}

async function declare(repo: string, time: string, startedAt: string, services = 'checkout'): Promise<number> {
  emu.clock.set(time)
  const body = renderIssueForm(
    {
      summary: 'Checkout totals are wrong',
      started_at: startedAt,
      impact: 'Major degradation',
      users_affected: 'Many users (10–49%)',
      services,
      exposure: [],
      detection: 'Customer report',
      links: null,
    },
    INCIDENT_FORM,
  )
  const n = emu.createIssue(repo, {
    title: '[Incident]: Checkout totals',
    body,
    labels: ['incident'],
    user: 'alice',
  }).number
  await run(repo, 'issues', issuesPayload(emu, repo, n, 'opened', 'alice'), time)
  return n
}

async function say(repo: string, n: number, user: string, text: string, time: string) {
  emu.clock.set(time)
  const c = emu.createComment(repo, n, { body: text, user })
  return run(repo, 'issue_comment', commentPayload(emu, repo, n, c), time)
}

function newRepo(): string {
  const repo = `acme/changes-${++seq}`
  emu.addRepo(repo, {
    collaborators: { alice: 'write', mallory: 'read' },
    files: { '.github/incidents.yml': CONFIG },
  })
  return repo
}

beforeAll(async () => {
  emu = await startEmulator({ now: '2026-11-25T12:00:00Z' })
  for (const u of ['alice', 'mallory']) emu.addUser(u)
})
afterAll(async () => emu?.close())

describe('changes that caused incidents, as the bundle runs', { timeout: 240_000 * TWIN_SCALE }, () => {
  it('ranks the deploy that touched the service first with its reason, /cause confirms it, the postmortem and the report show it', async () => {
    const repo = newRepo()
    // 13:00 the checkout refactor is merged (work started 10:00), deployed 13:05, healthy at 13:10.
    const refactor = emu.changes.mergedPull(repo, {
      title: 'Refactor checkout totals',
      files: ['src/checkout/total.ts', 'src/checkout/cart.ts', 'README.md'],
      commits: [{ at: '2026-11-25T10:00:00Z' }, { at: '2026-11-25T12:30:00Z' }],
      mergedAt: '2026-11-25T13:00:00Z',
    })
    const d1 = emu.changes.deploy(repo, {
      sha: refactor.mergeSha,
      environment: 'production',
      at: '2026-11-25T13:05:00Z',
      statuses: [{ state: 'in_progress' }, { state: 'success', at: '2026-11-25T13:10:00Z' }],
    })
    // A release of the same commit is the same change: folded into the pull request, not a suspect of its own.
    emu.changes.release(repo, { tagName: 'v1.4.0', sha: refactor.mergeSha, at: '2026-11-25T13:20:00Z' })
    // 13:40 a docs change, closer to the start but nowhere near checkout; its title is hostile.
    const docs = emu.changes.mergedPull(repo, {
      title: 'Fix typo @cto <!-- incidentops:card --> [x](https://evil.example) | pipe',
      files: ['docs/guide.md'],
      commits: [{ at: '2026-11-25T13:30:00Z' }],
      mergedAt: '2026-11-25T13:40:00Z',
    })
    const d2 = emu.changes.deploy(repo, {
      sha: docs.mergeSha,
      at: '2026-11-25T13:42:00Z',
      statuses: [{ state: 'success', at: '2026-11-25T13:45:00Z' }],
    })
    // A staging deploy and a pull request from the day before (outside the 24 h window).
    emu.changes.deploy(repo, { environment: 'staging', at: '2026-11-25T13:30:00Z', statuses: [{ state: 'success' }] })
    emu.changes.mergedPull(repo, {
      title: 'Old checkout change',
      files: ['src/checkout/old.ts'],
      mergedAt: '2026-11-24T12:00:00Z',
    })

    emu.resetCounters()
    const n = await declare(repo, '2026-11-25T14:00:00Z', '2026-11-25 13:50 UTC')
    // Intake with suspects: the changes ride on the incident's own GraphQL read (no extra request).
    const intake = emu.counts()
    expect(intake.total, JSON.stringify(intake.byRoute)).toBeLessThanOrEqual(6)
    expect(intake.byRoute['POST /graphql IncidentContext']).toBe(1)
    expect(intake.byRoute['POST /graphql RecentChanges']).toBeUndefined()

    const c = card(repo, n)
    const rows = c.split('\n').filter((l) => /^\| \d \| /.test(l))
    // The refactor first: it touches src/checkout/** and was deployed to production; then the docs change.
    expect(rows[0]).toContain(`| 1 | #${refactor.number} Refactor checkout totals |`)
    expect(rows[0]).toContain("touches the service's code paths (`src/checkout/total.ts` and 1 more)")
    expect(rows[0]).toContain(`deployed (deployment ${d1.id}, \`success\`) at 13:05 UTC`)
    expect(rows[0]).toContain('50 min before the start')
    expect(rows[1]).toContain(`| 2 | #${docs.number} `)
    expect(rows[1]).toContain('10 min before the start')
    expect(rows[1]).not.toContain('code paths')
    // The staging deploy stands alone (not deployed to the affected environment); the old PR is out of the window.
    expect(rows).toHaveLength(3)
    expect(rows[2]).toMatch(/deployment \d+ to `staging`/)
    expect(c).not.toContain('Old checkout change')
    expect(c).not.toContain('v1.4.0')
    // The hostile title: no mention, no marker, no link, no broken table.
    expect(rows[1]).not.toMatch(/(^|[^\u200b])@cto/)
    expect(rows[1]).not.toContain('<!-- incidentops:')
    expect(rows[1]).not.toContain('[x](https://evil.example)')
    expect(rows[1]!.split(' | ').length).toBe(3)
    expect(record(repo, n).suspects!.map((s) => s.id)).toEqual([refactor.number, docs.number, expect.any(Number)])

    // Someone below triage cannot confirm a cause.
    await say(repo, n, 'mallory', '/cause none', '2026-11-25T14:05:00Z')
    expect(record(repo, n).cause).toBeUndefined()

    await say(repo, n, 'alice', '/ack', '2026-11-25T14:06:00Z')

    // 14:30 the refactor is reverted: the merge is recorded as a mitigation, and the refactor proposed as the cause.
    const revert = emu.changes.mergedPull(repo, {
      title: 'Revert "Refactor checkout totals"',
      body: `Reverts ${repo}#${refactor.number}`,
      files: ['src/checkout/total.ts', 'src/checkout/cart.ts'],
      mergedAt: '2026-11-25T14:30:00Z',
    })
    const revertEvent = {
      action: 'closed',
      number: revert.number,
      pull_request: emu.getPull(repo, revert.number),
      repository: { full_name: repo, name: repo.split('/')[1], owner: { login: 'acme' } },
      sender: { login: 'alice', type: 'User' },
    }
    await run(repo, 'pull_request', revertEvent, '2026-11-25T14:31:00Z')
    expect(record(repo, n).mitigations).toEqual([
      {
        pr: revert.number,
        at: '2026-11-25T14:30:00Z',
        reverts: refactor.number,
        title: 'Revert "Refactor checkout totals"',
      },
    ])
    expect(card(repo, n)).toContain(`**Mitigation:** #${revert.number} merged 14:30 UTC (reverts #${refactor.number})`)
    expect(card(repo, n)).toContain(`**Proposed cause:** #${refactor.number} (reverted during the incident)`)
    expect(card(repo, n)).toContain(`Mitigation: #${revert.number} merged (reverts #${refactor.number})`)
    // The same delivery again writes nothing.
    emu.resetCounters()
    await run(repo, 'pull_request', revertEvent, '2026-11-25T14:32:00Z')
    expect(emu.counts().writes).toBe(0)

    // /changes reads them again (in the comment's own read): the same ranking, the revert recorded once.
    emu.resetCounters()
    await say(repo, n, 'alice', '/changes', '2026-11-25T14:35:00Z')
    expect(emu.counts().byRoute['POST /graphql RecentChanges']).toBeUndefined()
    expect(record(repo, n).suspectsAt).toBe('2026-11-25T14:35:00Z')
    expect(record(repo, n).suspects!.map((s) => s.id)).toEqual([refactor.number, docs.number, expect.any(Number)])
    expect(record(repo, n).mitigations).toHaveLength(1)

    emu.resetCounters()
    await say(repo, n, 'alice', `/cause #${refactor.number}`, '2026-11-25T14:10:00Z')
    expect(emu.counts().byRoute['POST /graphql RecentChanges']).toBeUndefined()
    const r = record(repo, n)
    expect(r.cause).toMatchObject({ kind: 'pr', number: refactor.number, by: 'alice', deployment: d1.id })
    expect(r.events.at(-1)).toMatchObject({ kind: 'cause', actor: 'alice', to: `#${refactor.number}` })
    expect(card(repo, n)).toContain(`**Cause confirmed:** #${refactor.number} Refactor checkout totals`)
    expect(card(repo, n)).toContain(`Cause confirmed: #${refactor.number}`)

    // Resolved at 15:20 (started 13:50): the postmortem lists the suspects and the confirmed cause.
    await say(repo, n, 'alice', '/resolve', '2026-11-25T15:20:00Z')
    await say(repo, n, 'alice', '/postmortem', '2026-11-25T15:21:00Z')
    const pm = emu.listIssues(repo).find((i) => i.title.startsWith('Postmortem:'))!
    expect(pm).toBeDefined()
    expect(pm.body).toContain('## Changes')
    expect(pm.body).toContain(`**Cause confirmed:** #${refactor.number} Refactor checkout totals`)
    expect(pm.body).toContain(`| 1 | #${refactor.number} Refactor checkout totals |`)
    expect(pm.body).toContain(`| Cause confirmed: #${refactor.number} |`)

    // The report (Monday 2026-11-30 06:00): change failure rate and recovery time over 12 weeks.
    const rep = await run(repo, 'schedule', { schedule: '0 6 * * 1' }, '2026-11-30T06:00:00Z', { mode: 'report' })
    const json = JSON.parse(readFileSync(rep.outputs['report-json']!, 'utf8'))
    // From the seeded data: two successful production deployments (d1, d2) in the 12 weeks; one (d1)
    // shipped the confirmed cause. Recovery: started 13:50, resolved 15:20.
    const deploymentsInPeriod = [d1, d2].length
    const failed = 1
    expect(json.dora.overall.source).toBe('deployments')
    expect(json.dora.overall.changeFailureRate).toMatchObject({
      numerator: failed,
      denominator: deploymentsInPeriod,
      rate: failed / deploymentsInPeriod,
    })
    expect(json.dora.overall.recoveryTime).toMatchObject({
      n: 1,
      open: 0,
      medianMs: Date.parse('2026-11-25T15:20:00Z') - Date.parse('2026-11-25T13:50:00Z'),
    })
    // checkout: only d1 shipped a change to its paths, and it failed.
    const checkout = json.dora.services.find((s: { service: string }) => s.service === 'checkout')
    expect(checkout.changeFailureRate).toMatchObject({ numerator: 1, denominator: 1, rate: 1 })
    // Lead time to checkout: the refactor (first commit 10:00) and the old checkout change (merged the
    // day before, its one commit then), both shipped by d1, healthy at 13:10.
    const shipped = Date.parse('2026-11-25T13:10:00Z')
    const leads = [shipped - Date.parse('2026-11-25T10:00:00Z'), shipped - Date.parse('2026-11-24T12:00:00Z')]
    expect(checkout.leadTime).toMatchObject({ n: 2, medianMs: (leads[0]! + leads[1]!) / 2 })
    const issue = emu.listIssues(repo).find((i) => i.title.startsWith('Reliability report'))!
    expect(issue.body).toContain('### Delivery (DORA)')
    expect(issue.body).toContain(`| all | change failure rate | 50% | 1 / 2 deployments with a confirmed incident |`)
  })
})

describe('a 12-week seeded history', { timeout: 240_000 * TWIN_SCALE }, () => {
  it('gives DORA figures that match an independent computation, reading ⌈deploys/100⌉ + ⌈PRs/100⌉ pages', async () => {
    const repo = newRepo()
    const end = Date.parse('2026-11-30T00:00:00Z')
    const start = end - 12 * 7 * 24 * HOUR
    // A small deterministic generator: 150 pull requests, each deployed 1–5 h after merging;
    // every 13th deployment fails (status failure) and is never counted; every 10th successful one
    // is the cause of an incident resolved 30–150 min after it started.
    let x = 42
    const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const pulls: { mergedAt: number; first: number; deployedAt: number | null; files: string[]; number: number }[] = []
    const causes: { number: number; startedAt: number; resolvedAt: number }[] = []
    let successes: { id: number; at: number; pr: number }[] = []
    for (let i = 0; i < 150; i++) {
      const mergedAt = start + Math.floor(((i + 0.5) / 150) * (end - start - 6 * HOUR))
      const first = mergedAt - Math.floor(rnd() * 72) * HOUR - HOUR
      const files = i % 3 === 0 ? ['src/checkout/a.ts'] : ['src/search/b.ts']
      const p = emu.changes.mergedPull(repo, {
        title: `change ${i}`,
        files,
        commits: [{ at: new Date(first).toISOString() }],
        mergedAt: new Date(mergedAt).toISOString(),
      })
      const deployAt = mergedAt + (1 + Math.floor(rnd() * 4)) * HOUR
      const ok = i % 13 !== 5
      const d = emu.changes.deploy(repo, {
        sha: p.mergeSha,
        at: new Date(deployAt).toISOString(),
        statuses: [{ state: ok ? 'success' : 'failure', at: new Date(deployAt + 60_000).toISOString() }],
      })
      pulls.push({ mergedAt, first, deployedAt: ok ? deployAt + 60_000 : null, files, number: p.number })
      if (ok) successes.push({ id: d.id, at: deployAt + 60_000, pr: p.number })
    }
    successes = successes.filter((s) => s.at > start && s.at <= end)

    // Incidents whose cause is every 10th successful deployment, confirmed by /cause <deployment id>.
    for (let k = 0; k < successes.length; k += 10) {
      const s = successes[k]!
      const startedAt = s.at + 20 * 60_000
      const resolvedAt = startedAt + (30 + ((k * 7) % 120)) * 60_000
      emu.clock.set(new Date(startedAt + 60_000).toISOString())
      const n = await declare(
        repo,
        new Date(startedAt + 60_000).toISOString(),
        new Date(startedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        k % 20 === 0 ? 'checkout' : 'search',
      )
      await say(repo, n, 'alice', `/cause ${s.id}`, new Date(startedAt + 2 * 60_000).toISOString())
      await say(repo, n, 'alice', '/resolve', new Date(resolvedAt).toISOString())
      causes.push({ number: n, startedAt, resolvedAt })
    }

    // The scenario has what it should: failed deployments, several causes, pull requests shipped late.
    expect(successes.length).toBeLessThan(150)
    expect(causes.length).toBeGreaterThan(10)
    emu.resetCounters()
    const rep = await run(repo, 'schedule', { schedule: '0 6 * * 1' }, '2026-11-30T06:00:00Z', { mode: 'report' })
    const counts = emu.counts().byRoute
    // ⌈150 deployments/100⌉ = 2 and ⌈150 merged pull requests/100⌉ = 2 extra pages.
    expect(counts['POST /graphql DeploymentHistory']).toBe(Math.ceil(150 / 100))
    expect(counts['POST /graphql MergedPullHistory']).toBe(Math.ceil(150 / 100))
    const dora = JSON.parse(readFileSync(rep.outputs['report-json']!, 'utf8')).dora

    // The independent computation, from what was seeded.
    const median = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b)
      const m = Math.floor(s.length / 2)
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
    }
    const days = (end - start) / (24 * HOUR)
    expect(dora.overall.deploymentFrequency.numerator).toBe(successes.length)
    expect(dora.overall.deploymentFrequency.denominator).toBe(days)
    expect(dora.overall.deploymentFrequency.perDay).toBeCloseTo(successes.length / days, 9)
    // Lead time: each pull request's first commit → its successful deployment (failed deployments ship
    // nothing; those pull requests are shipped by the next successful deployment after their merge).
    const leads = pulls.map((p) => {
      const shippedAt = p.deployedAt ?? successes.find((s) => s.at >= p.mergedAt && s.at > p.mergedAt)!.at
      return shippedAt - p.first
    })
    expect(dora.overall.leadTime.n).toBe(leads.length)
    expect(dora.overall.leadTime.medianMs).toBe(median(leads))
    expect(dora.overall.changeFailureRate).toMatchObject({
      numerator: causes.length,
      denominator: successes.length,
      rate: causes.length / successes.length,
    })
    expect(dora.overall.recoveryTime.n).toBe(causes.length)
    expect(dora.overall.recoveryTime.medianMs).toBe(median(causes.map((c) => c.resolvedAt - c.startedAt)))
    // Bands (DORA 2023): more than once a day is Elite; ≤ 5% failures Elite … ≥ 15% Low.
    const perDay = successes.length / days
    expect(dora.overall.deploymentFrequency.band).toBe(perDay >= 1 ? 'elite' : perDay >= 1 / 7 ? 'high' : 'medium')
    const rate = causes.length / successes.length
    expect(dora.overall.changeFailureRate.band).toBe(
      rate <= 0.05 ? 'elite' : rate <= 0.1 ? 'high' : rate <= 0.15 ? 'medium' : 'low',
    )
  })
})
