/**
 * `npm run bench`: the built action (dist/index.js) against the local GitHub emulator — API
 * requests, GraphQL points, writes, wall time and the action process's peak memory, beside the
 * minimum possible and a naive per-issue baseline (bench/naive.ts) run on the same data.
 * Writes bench/results.json and prints the markdown table (the one in the README).
 *
 *   npm run bench                      default (quick): storm of 100 events, report up to 10,000
 *   npm run bench -- --full            storm of 1,000 events, report up to 50,000, every naive baseline run
 *   npm run bench -- --only=report --report=50000 --merge
 *                                      one scenario/size, merged into the existing results.json
 *   npm run bench -- --table           print the table of bench/results.json, run nothing
 *   npm run bench -- --only=storm10    only the storm with 10 deliveries in flight at once
 *   npm run bench -- --only=compute,demo   the in-process timings (regexes, link defusing, the
 *                                      emulator at 50,000 issues) and the demo's wall time
 *   options: --storm=N  --report=100,1000  --sweep=10,100  --runs=10 (cold start)  --out=path
 *
 * Run `npm run bundle` first if src/ changed: this measures the committed bundle.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../src/emulator/index.js'
import { mulberry32 } from '../src/emulator/faults.js'
import { BUNDLE, dispatchPayload, example, issuesPayload, commentPayload } from '../test/e2e/harness.js'
import { seedHistory } from '../src/demo/seed.js'
import { decodeIndex, HISTORY_BRANCH, HISTORY_PATH } from '../src/history/index-file.js'
import { decodeRecord, type IncidentRecord } from '../src/domain/record.js'
import { loadConfig } from '../src/config/load.js'
import { renderIssueForm, parseIssueForm } from '../src/intake/issue-form.js'
import { INCIDENT_FORM } from '../src/intake/form-spec.js'
import { factsFromForm, fieldsOf } from '../src/intake/facts.js'
import { classify } from '../src/domain/classify.js'
import { impactDigest } from '../src/domain/decide.js'
import { renderCard } from '../src/render/card.js'
import { HAS_TIME, ROOT, currentBundle, firstError, freezeBundle, runBundle, tally, type Measured } from './runner.js'
import { naiveAlert, naiveCommand, naiveIntake, naiveReport, naiveSweep } from './naive.js'
import { computeRows, demoRow } from './compute.js'
import { historyBench } from './history.js'
import {
  linearFit,
  markdownTable,
  median,
  missed,
  pagesPlusOne,
  verdict,
  withoutMeasuredExtrapolations,
  type Row,
} from './table.js'

// ---------- options ----------

const argv = process.argv.slice(2)
const flag = (name: string): boolean => argv.includes(`--${name}`)
const opt = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const list = (name: string, dflt: number[]): number[] => (opt(name) ? opt(name)!.split(',').map(Number) : dflt)
const FULL = flag('full')
const STORM = Number(opt('storm') ?? (FULL ? 1000 : 100))
const REPORT_SIZES = list('report', FULL ? [100, 1000, 10_000, 50_000] : [100, 1000, 10_000])
const SWEEP_SIZES = list('sweep', [10, 100, 1000, 5000])
const RUNS = Number(opt('runs') ?? 10)
/** Naive baselines are run (not just computed) up to this many incidents. */
const NAIVE_RUN_MAX = FULL ? Infinity : 10_000
const ONLY = opt('only')?.split(',')
const OUT = opt('out') ?? join(ROOT, 'bench', 'results.json')
const MERGE = flag('merge')
/** --table: print the table of the existing results.json, run nothing. */
const TABLE_ONLY = flag('table')
const want = (s: string): boolean => !ONLY || ONLY.includes(s)

const BOT = 'github-actions[bot]'
const NOW = '2026-11-25T14:00:00Z'
const rows: Row[] = []
const log = (s: string): void => void process.stderr.write(`${s}\n`)

function measuredRow(
  scenario: string,
  size: string,
  m: Measured,
  emu: Emulator,
  rest: Partial<Row>,
  t = tally(emu.requests),
): Row {
  const row: Row = {
    scenario,
    size,
    available: true,
    requests: t.total,
    rest: t.rest,
    graphql: t.graphql,
    points: t.points,
    writes: t.writes,
    wallMs: m.wallMs,
    peakRssMb: m.peakRssMb,
    cpuMs: m.cpuMs,
    min: null,
    naive: null,
    targets: [],
    ...rest,
    extra: { byRoute: JSON.stringify(t.byRoute), ...rest.extra },
  }
  if (m.code !== 0) row.note = `exit ${m.code}: ${firstError(m)}`
  log(
    `  ${scenario} ${size}: ${t.total} requests (${t.rest} REST + ${t.graphql} GraphQL, ${t.points} points), ${t.writes} writes, ${Math.round(m.wallMs)} ms, ${m.peakRssMb?.toFixed(0) ?? '?'} MB`,
  )
  return row
}

/** Requests and writes the naive baseline made (counted by the emulator, then cleared). */
async function countNaive(
  emu: Emulator,
  f: () => Promise<unknown>,
): Promise<{ requests: number; writes: number; run: true }> {
  emu.resetCounters()
  await f()
  const t = tally(emu.requests)
  emu.resetCounters()
  return { requests: t.total, writes: t.writes, run: true }
}

/** A repository as after copying the form: only the `incident` label (issue #1 is an ordinary issue). */
function freshRepo(
  emu: Emulator,
  repo: string,
  files: Record<string, string> = {},
  collaborators: Record<string, 'write' | 'maintain'> = { alice: 'write' },
): void {
  emu.addRepo(repo, { files, collaborators })
  emu.createIssue(repo, { title: 'seed', user: 'alice' })
  emu.addLabelsAs(repo, 1, ['incident'], 'alice')
}

const formBody = (): string =>
  renderIssueForm(
    {
      summary: 'Search returns errors',
      impact: 'Major degradation',
      users_affected: 'Many users (10–49%)',
      services: 'search',
      exposure: [],
      detection: 'Customer report',
    },
    INCIDENT_FORM,
  )

// ---------- scenarios ----------

async function intake(emu: Emulator): Promise<void> {
  log('intake of one form incident')
  for (const r of ['acme/intake', 'acme/intake-naive']) freshRepo(emu, r)
  emu.clock.set(NOW)
  const n = emu.createIssue('acme/intake', {
    title: '[Incident]: Search is failing',
    body: formBody(),
    labels: ['incident'],
    user: 'alice',
  }).number
  const nn = emu.createIssue('acme/intake-naive', {
    title: '[Incident]: Search is failing',
    body: formBody(),
    labels: ['incident'],
    user: 'alice',
  }).number
  emu.resetCounters()
  const m = await runBundle({
    emu,
    repo: 'acme/intake',
    event: 'issues',
    payload: issuesPayload(emu, 'acme/intake', n, 'opened', 'alice'),
  })
  const t = tally(emu.requests)
  const row = measuredRow('intake (form)', '1', m, emu, {
    min: 3,
    minWhy:
      'one read (issue, labels, config), the card, the labels (GitHub creates missing labels on add, without colours)',
    targets: [{ what: 'requests', limit: 6, actual: t.total, unit: 'requests' }],
  })
  const labels = emu
    .getIssue('acme/intake', n)
    .labels.map((l) => (typeof l === 'string' ? l : l.name!))
    .filter((l) => l !== 'incident')
  row.naive = await countNaive(emu, () => naiveIntake(emu, 'acme/intake-naive', nn, labels))
  rows.push(row)
}

async function command(emu: Emulator): Promise<void> {
  log('one command (/ack) with a Projects board')
  const COLUMNS = ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Resolved', 'Postmortem', 'Closed']
  const boardToken = emu.addUser('board-bot').token
  let number = 90
  const setup = async (repo: string): Promise<{ n: number; project: number }> => {
    const project = ++number
    const config = [
      'project:',
      `  number: ${project}`,
      '  priority_field: Priority',
      '  started_field: Started',
      '  resolved_field: Resolved',
      '  service_field: Service',
    ].join('\n')
    freshRepo(emu, repo, { '.github/incidents.yml': config }, { alice: 'write', bob: 'maintain' })
    emu.addProject('acme', {
      number: project,
      title: 'Incidents',
      fields: [
        { name: 'Status', dataType: 'SINGLE_SELECT', options: [...COLUMNS, 'Done'] },
        { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P1', 'P2', 'P3', 'P4'] },
        { name: 'Started', dataType: 'DATE' },
        { name: 'Resolved', dataType: 'DATE' },
        { name: 'Service', dataType: 'TEXT' },
      ],
    })
    emu.clock.set(NOW)
    const n = emu.createIssue(repo, {
      title: '[Incident]: Search is failing',
      body: formBody(),
      labels: ['incident'],
      user: 'alice',
    }).number
    // The incident is opened by the action itself (not measured), so the card and the board item exist.
    const opened = await runBundle({
      emu,
      repo,
      event: 'issues',
      payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
      inputs: { 'project-token': boardToken },
    })
    if (opened.code !== 0) log(`  setup failed: ${firstError(opened)}`)
    return { n, project }
  }
  const a = await setup('acme/command')
  const b = await setup('acme/command-naive')
  emu.clock.set('2026-11-25T14:12:00Z')
  const c = emu.createComment('acme/command', a.n, { body: '/ack', user: 'alice' })
  emu.createComment('acme/command-naive', b.n, { body: '/ack', user: 'alice' })
  emu.resetCounters()
  const m = await runBundle({
    emu,
    repo: 'acme/command',
    event: 'issue_comment',
    payload: commentPayload(emu, 'acme/command', a.n, c),
    inputs: { 'project-token': boardToken },
  })
  const t = tally(emu.requests)
  const row = measuredRow('command (/ack, with board)', '1', m, emu, {
    min: 4,
    minWhy: 'one read, the card, one PATCH (labels + assignee), one board mutation (ids cached in the record)',
    targets: [{ what: 'requests', limit: 5, actual: t.total, unit: 'requests' }],
  })
  row.naive = await countNaive(emu, () =>
    naiveCommand(emu, 'acme/command-naive', b.n, 'alice', { owner: 'acme', number: b.project, token: boardToken }),
  )
  rows.push(row)
}

const genericAlert = (key: string, status: 'firing' | 'resolved' = 'firing') => ({
  incidentops: {
    version: 1,
    alerts: [{ status, key, title: `Probe ${key} failing`, service: 'api', severity: 'high', source: 'uptime' }],
  },
})

async function alerts(emu: Emulator): Promise<void> {
  log('one alert (new key) and one repeat')
  freshRepo(emu, 'acme/alert')
  freshRepo(emu, 'acme/alert-naive')
  const deliver = async (at: string, runId: string): Promise<Measured> => {
    emu.clock.set(at)
    emu.resetCounters()
    return runBundle({
      emu,
      repo: 'acme/alert',
      event: 'repository_dispatch',
      payload: dispatchPayload('acme/alert', 'alert', genericAlert('probe-1')),
      runId,
    })
  }
  const first = await deliver(NOW, 'alert-1')
  const t1 = tally(emu.requests)
  const row1 = measuredRow('alert (generic, new key)', '1', first, emu, {
    min: 3,
    minWhy: 'one read (open incidents + labels), the issue created with its labels, the card',
    note: `no target set; ${t1.total - 3} above the minimum`,
  })
  row1.naive = await countNaive(emu, () => naiveAlert(emu, 'acme/alert-naive', 'probe-1', 'Probe probe-1 failing'))
  rows.push(row1)
  const repeat = await deliver('2026-11-25T14:05:00Z', 'alert-2')
  const row2 = measuredRow('alert (same key, repeat 5 min later)', '1', repeat, emu, {
    min: 1,
    minWhy: 'one read; the occurrence count may wait for the next write',
    note: `no target set; ${tally(emu.requests).total - 1} above the minimum`,
  })
  row2.naive = await countNaive(emu, () => naiveAlert(emu, 'acme/alert-naive', 'probe-1', 'Probe probe-1 failing'))
  rows.push(row2)
}

/**
 * What on-call adds: the same runs in two repositories, one whose escalation names
 * `schedule:platform` (with a `/cover` override recorded in the on-call issue), one with the person
 * written in. Targets: no extra request for intake and the sweep, one read for another run.
 */
async function oncall(emu: Emulator): Promise<void> {
  log('on call: the requests a schedule and /cover overrides add')
  const schedule = [
    'oncall:',
    '  schedules:',
    '    - name: platform',
    '      time_zone: Europe/Berlin',
    '      layers:',
    '        - members: [alice, bob]',
    '          rotation: weekly',
    '          start: "2026-11-23 09:00"',
    'services:',
    '  - name: search',
    '    owners: ["schedule:platform"]',
    '    runbook: docs/runbooks/search.md',
    'escalation:',
    '  - mention: ["schedule:platform"]',
  ].join('\n')
  const repos = { oncall: 'acme/oncall', fixed: 'acme/oncall-fixed' }
  freshRepo(emu, repos.oncall, { '.github/incidents.yml': schedule }, { alice: 'write', bob: 'maintain' })
  freshRepo(
    emu,
    repos.fixed,
    { '.github/incidents.yml': 'escalation:\n  - mention: ["@alice"]\n' },
    { alice: 'write', bob: 'maintain' },
  )
  const comment = async (repo: string, n: number, user: string, body: string, at: string): Promise<Measured> => {
    emu.clock.set(at)
    const c = emu.createComment(repo, n, { body, user })
    return runBundle({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c) })
  }
  // The seed issue carries the `incident` label: closed, so that neither sweep adopts it.
  for (const r of Object.values(repos)) emu.editIssue(r, 1, { state: 'closed', state_reason: 'completed' }, 'alice')
  // Setup (not measured): the on-call issue, opened by `/oncall` in an ordinary issue, and bob's override.
  emu.clock.set('2026-11-25T13:00:00Z')
  const q = emu.createIssue(repos.oncall, { title: 'Who is on call?', body: '', user: 'alice' }).number
  await comment(repos.oncall, q, 'alice', '/oncall', '2026-11-25T13:00:00Z')
  const oc = emu.listIssues(repos.oncall).find((i) => i.title === 'On call')!.number
  await comment(repos.oncall, oc, 'bob', '/cover @bob until 2026-11-26 09:00', '2026-11-25T13:05:00Z')
  const both = async (
    name: string,
    f: (repo: string) => Promise<Measured>,
    extraAllowed: number,
    minWhy: string,
  ): Promise<void> => {
    const counts: number[] = []
    let row: Row | null = null
    for (const repo of [repos.oncall, repos.fixed]) {
      emu.resetCounters()
      const m = await f(repo)
      counts.push(tally(emu.requests).total)
      if (repo === repos.oncall) row = measuredRow(`on call: ${name}`, '1', m, emu, { minWhy })
    }
    const extra = counts[0]! - counts[1]!
    row!.min = counts[1]! + extraAllowed
    row!.targets = [{ what: 'requests added by on-call', limit: extraAllowed, actual: extra, unit: 'requests' }]
    row!.note = `${counts[0]} requests against ${counts[1]} with the person written in the config (+${extra})`
    rows.push(row!)
  }
  const numbers: Record<string, number> = {}
  await both(
    'intake of an incident for a service',
    async (repo) => {
      emu.clock.set(NOW)
      const n = emu.createIssue(repo, {
        title: '[Incident]: Search is failing',
        body: formBody(),
        labels: ['incident'],
        user: 'alice',
      }).number
      numbers[repo] = n
      return runBundle({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
    },
    0,
    'the schedule is in the config: nothing to read',
  )
  await both(
    'sweep escalating to schedule:<name> (override in force)',
    async (repo) => {
      emu.clock.set('2026-11-25T14:30:00Z')
      return runBundle({
        emu,
        repo,
        event: 'schedule',
        payload: { schedule: '*/5 * * * *', ...example('watch'), action: undefined },
      })
    },
    0,
    'the on-call issue comes with the first page the sweep reads anyway',
  )
  await both(
    'comment run that finds an escalation due',
    async (repo) => {
      emu.clock.set('2026-11-25T14:40:00Z')
      const n = emu.createIssue(repo, {
        title: '[Incident]: Search is failing again',
        body: formBody(),
        labels: ['incident'],
        user: 'alice',
      }).number
      await runBundle({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
      emu.resetCounters()
      return comment(repo, n, 'alice', 'looking into it', '2026-11-25T15:11:00Z')
    },
    1,
    'one read of the on-call issue, only because a due level names a schedule',
  )
  const esc = emu
    .listComments(repos.oncall, numbers[repos.oncall]!)
    .find((c) => c.body!.startsWith('<!-- incidentops:escalation:1 -->'))
  log(`  escalation in ${repos.oncall}: ${esc?.body?.split('\n')[1]?.slice(-60) ?? 'none'}`)
}

/**
 * Changes that caused incidents (docs/changes.md): intake of an incident with suspects (50 merged
 * pull requests with files, 50 deployments, releases, CODEOWNERS in the window), and the weekly
 * report's extra requests for DORA over 250 deployments and 250 merged pull requests.
 */
async function changes(emu: Emulator): Promise<void> {
  log('changes: intake with suspects, the report with DORA')
  const repo = 'acme/changes'
  freshRepo(emu, repo, {
    '.github/incidents.yml': 'services:\n  - name: search\n    paths: ["src/search/**"]\nchanges:\n  dora: true\n',
    '.github/CODEOWNERS': '/src/search/ @acme/search\n',
  })
  const start = Date.parse(NOW)
  for (let i = 0; i < 60; i++) {
    const at = new Date(start - (i + 1) * 20 * 60_000).toISOString()
    const p = emu.changes.mergedPull(repo, {
      title: `change ${i}`,
      files: Array.from({ length: 20 }, (_, f) => (i % 4 === 0 ? `src/search/f${f}.ts` : `src/other/f${f}.ts`)),
      labels: i % 10 === 0 ? ['hotfix'] : [],
      commits: [{ at: new Date(start - (i + 5) * 20 * 60_000).toISOString() }],
      mergedAt: at,
    })
    emu.changes.deploy(repo, { sha: p.mergeSha, at, statuses: [{ state: 'success', at }] })
    if (i % 10 === 0) emu.changes.release(repo, { tagName: `v1.${i}.0`, sha: p.mergeSha, at })
  }
  emu.clock.set(NOW)
  const n = emu.createIssue(repo, {
    title: '[Incident]: Search is failing',
    body: formBody(),
    labels: ['incident'],
    user: 'alice',
  }).number
  emu.resetCounters()
  const m = await runBundle({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
  const t = tally(emu.requests)
  rows.push(
    measuredRow('intake with suspects (60 changes in the window)', '1', m, emu, {
      min: 3,
      minWhy:
        'as intake: the changes (50 merged pull requests with files, 50 deployments, 20 releases, CODEOWNERS) ride on the incident read',
      targets: [{ what: 'requests', limit: 6, actual: t.total, unit: 'requests' }],
    }),
  )

  const rrepo = 'acme/changes-report'
  freshRepo(emu, rrepo, { '.github/incidents.yml': 'changes:\n  dora: true\n' })
  const REPORT_NOW = '2026-11-30T09:00:00Z'
  const end = Date.parse('2026-11-30T00:00:00Z')
  const N = 250
  for (let i = 0; i < N; i++) {
    const at = new Date(end - (i + 1) * 7 * 60 * 60_000).toISOString()
    const p = emu.changes.mergedPull(rrepo, { title: `change ${i}`, files: ['src/a.ts'], mergedAt: at })
    emu.changes.deploy(rrepo, { sha: p.mergeSha, at, statuses: [{ state: 'success', at }] })
  }
  emu.clock.set(REPORT_NOW)
  emu.resetCounters()
  const r = await runBundle({
    emu,
    repo: rrepo,
    event: 'schedule',
    payload: { schedule: '0 6 * * 1' },
    inputs: { mode: 'report' },
  })
  const rt = tally(emu.requests)
  const extra =
    (rt.byRoute['POST /graphql DeploymentHistory'] ?? 0) + (rt.byRoute['POST /graphql MergedPullHistory'] ?? 0)
  rows.push(
    measuredRow('report with DORA (250 deployments, 250 merged pull requests)', '1', r, emu, {
      min: 1 + Math.ceil(N / 100) * 2 + 1,
      minWhy: 'the incidents page, ⌈deployments/100⌉ + ⌈pull requests/100⌉ pages of changes, the report issue',
      targets: [{ what: 'pages of changes', limit: Math.ceil(N / 100) * 2, actual: extra, unit: 'requests' }],
    }),
  )
}

/**
 * What a phone page adds to an escalation: the same sweep in two repositories, one paging alice
 * through ntfy (a stand-in server on 127.0.0.1), one without paging. Target: no GitHub request
 * beyond the card write the escalation makes anyway (the page is recorded in it).
 */
async function paging(emu: Emulator): Promise<void> {
  log('paging: the GitHub requests a phone page adds to an escalation')
  let pushes = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      pushes++
      res.writeHead(200).end('{}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const ntfy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const base = ['escalation:', '  - mention: ["@alice"]'].join('\n')
  const paged = [
    base,
    'oncall:',
    '  paging:',
    '    people:',
    '      alice: { ntfy: { topic_env: NTFY_ALICE } }',
    `    ntfy: { server: "${ntfy}" }`,
  ].join('\n')
  const repos = { paged: 'acme/paging', plain: 'acme/paging-none' }
  freshRepo(emu, repos.paged, { '.github/incidents.yml': paged }, { alice: 'write' })
  freshRepo(emu, repos.plain, { '.github/incidents.yml': base }, { alice: 'write' })
  const counts: number[] = []
  let row: Row | null = null
  for (const repo of [repos.paged, repos.plain]) {
    emu.editIssue(repo, 1, { state: 'closed', state_reason: 'completed' }, 'alice')
    emu.clock.set(NOW)
    const n = emu.createIssue(repo, {
      title: '[Incident]: Search is failing',
      body: formBody(),
      labels: ['incident'],
      user: 'alice',
    }).number
    await runBundle({ emu, repo, event: 'issues', payload: issuesPayload(emu, repo, n, 'opened', 'alice') })
    emu.clock.set('2026-11-25T14:30:00Z')
    emu.resetCounters()
    const m = await runBundle({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/5 * * * *', ...example('watch'), action: undefined },
      env: { NTFY_ALICE: 'bench-topic' },
    })
    counts.push(tally(emu.requests).total)
    if (repo === repos.paged)
      row = measuredRow('paging: sweep escalation that pages by ntfy', '1', m, emu, {
        minWhy: 'the page is recorded in the card write the escalation makes anyway',
      })
  }
  server.close()
  const extra = counts[0]! - counts[1]!
  row!.min = counts[1]!
  row!.targets = [{ what: 'GitHub requests added by a page', limit: 0, actual: extra, unit: 'requests' }]
  row!.note = `${counts[0]} GitHub requests against ${counts[1]} without paging (+${extra}); ${pushes} push sent to the stand-in ntfy`
  rows.push(row!)
}

/**
 * Heartbeats (docs/monitoring.md): a ping when nothing changes state, the sweep that finds one late
 * and opens its incident, and the late ping that resolves it.
 */
async function heartbeat(emu: Emulator): Promise<void> {
  log('heartbeats: ping, late, late ping')
  const repo = 'acme/heartbeat'
  freshRepo(emu, repo, {
    '.github/incidents.yml': 'heartbeats:\n  - name: nightly-backup\n    period: 1h\n    grace: 15m\n',
  })
  // Issue #1 carries the incident label: closed, so that the sweep has no card-less incident to adopt.
  emu.editIssue(repo, 1, { state: 'closed', state_reason: 'completed' }, 'alice')
  const ping = (at: string, runId: string) => {
    emu.clock.set(at)
    emu.resetCounters()
    return runBundle({
      emu,
      repo,
      event: 'repository_dispatch',
      payload: dispatchPayload(repo, 'heartbeat', { name: 'nightly-backup' }),
      runId,
    })
  }
  await ping(NOW, 'hb-first') // the first ping opens the heartbeats issue (not measured)
  const onTime = await ping('2026-11-25T14:30:00Z', 'hb-2')
  const t = tally(emu.requests)
  rows.push(
    measuredRow('heartbeat ping (on time)', '1', onTime, emu, {
      min: 2,
      minWhy: 'one read (open incidents, config, labels, the heartbeats issue), one comment edit',
      targets: [{ what: 'requests', limit: 2, actual: t.total, unit: 'requests' }],
    }),
  )
  emu.clock.set('2026-11-25T15:46:00Z')
  emu.resetCounters()
  const late = await runBundle({
    emu,
    repo,
    event: 'schedule',
    payload: { schedule: '*/10 * * * *' },
    inputs: { mode: 'sweep' },
  })
  rows.push(
    measuredRow('heartbeat late (the sweep opens its incident)', '1', late, emu, {
      min: 4,
      minWhy:
        'the sweep read, the labels, the issue, the card (the alert path also reads the closed incidents and re-reads the open ones for races)',
      note: 'nothing was open: the sweep stays on while heartbeats are declared',
    }),
  )
  const back = await ping('2026-11-25T16:10:00Z', 'hb-3')
  rows.push(
    measuredRow('heartbeat late ping (resolves it)', '1', back, emu, {
      min: 3,
      minWhy: 'one read, the comment edit, the card; the stage labels in the same PATCH',
    }),
  )
}

async function storm(emu: Emulator): Promise<void> {
  log(`alert storm: ${STORM} events over 10 keys, 1 s apart (${STORM === 1000 ? 'full' : 'quick: --full runs 1,000'})`)
  const repo = 'acme/storm'
  freshRepo(emu, repo)
  freshRepo(emu, 'acme/storm-naive')
  const start = Date.parse(NOW)
  const all = { total: 0, rest: 0, graphql: 0, points: 0, writes: 0 }
  type Sum = keyof typeof all
  const naive = { requests: 0, writes: 0, run: true }
  let wall = 0
  let peak = 0
  let cpu = 0
  let failed = 0
  let firstFailure = ''
  for (let i = 0; i < STORM; i++) {
    const key = `storm-${i % 10}`
    emu.clock.set(new Date(start + i * 1000))
    emu.resetCounters()
    const m = await runBundle({
      emu,
      repo,
      event: 'repository_dispatch',
      payload: dispatchPayload(repo, 'alert', genericAlert(key)),
      runId: `storm-${i}`,
    })
    const t = tally(emu.requests)
    for (const k of Object.keys(all) as Sum[]) all[k] += t[k]
    wall += m.wallMs
    cpu += m.cpuMs ?? 0
    peak = Math.max(peak, m.peakRssMb ?? 0)
    if (m.code !== 0) {
      failed++
      firstFailure ||= firstError(m)
    }
    const nv = await countNaive(emu, () => naiveAlert(emu, 'acme/storm-naive', key, `Probe ${key} failing`))
    naive.requests += nv.requests
    naive.writes += nv.writes
    if ((i + 1) % 50 === 0) log(`  … ${i + 1}/${STORM} events, ${all.total} requests so far`)
  }
  // Issue #1 is the seed that carries the `incident` label; the storm's incidents are the ones the action opened.
  const incidents = emu
    .listIssues(repo)
    .filter((i) => i.user?.login === BOT && i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
  const comments = incidents.reduce(
    (s, i) => s + emu.listComments(repo, i.number).filter((c) => c.user?.login === BOT).length,
    0,
  )
  rows.push({
    scenario: `alert storm (10 keys, 1 event/s)${STORM === 1000 ? '' : ' — quick'}`,
    size: `${STORM} events`,
    available: true,
    requests: all.total,
    rest: all.rest,
    graphql: all.graphql,
    points: all.points,
    writes: all.writes,
    wallMs: wall,
    peakRssMb: peak,
    cpuMs: cpu,
    min: STORM + 20,
    minWhy: 'one read per event, plus 10 issues (labels at creation) and 10 cards',
    naive,
    targets: [{ what: 'incidents', limit: 10, actual: incidents.length, unit: '' }],
    extra: {
      incidents: incidents.length,
      comments,
      failedRuns: failed,
      requestsPerEvent: +(all.total / STORM).toFixed(2),
      writesPerEvent: +(all.writes / STORM).toFixed(2),
    },
    note: `${incidents.length} incidents (exactly 10 expected), ${comments} bot comments (cards included)${failed ? `, ${failed} runs failed: ${firstFailure}` : ''}; wall is the sum over the runs`,
  })
  log(`  storm: ${all.total} requests, ${all.writes} writes, ${incidents.length} incidents, ${comments} comments`)
}

/**
 * The same storm as monitoring really sends it during an outage: 10 deliveries in flight at once
 * (no concurrency group), keys drawn at random (seeded), so first deliveries of one key race. Every
 * racing run must apply the same rule (the lowest issue number with the key survives): exactly 10
 * incidents, nothing GitHub refuses, and about one read per event.
 */
async function stormConcurrent(emu: Emulator): Promise<void> {
  const WIDTH = 10
  log(`alert storm, concurrency ${WIDTH}: ${STORM} events over 10 random keys (seeded), ${WIDTH} runs at a time`)
  const repo = 'acme/storm-concurrent'
  freshRepo(emu, repo)
  const random = mulberry32(20261204)
  const keys = Array.from({ length: STORM }, () => `storm-${Math.floor(random() * 10)}`)
  const start = Date.parse(NOW)
  const all = { total: 0, rest: 0, graphql: 0, points: 0, writes: 0 }
  type Sum = keyof typeof all
  let refused = 0
  let wall = 0
  let peak = 0
  let cpu = 0
  let failed = 0
  let firstFailure = ''
  for (let b = 0; b < STORM; b += WIDTH) {
    // One event a second on average: the batch's 10 start together, 10 s after the previous batch.
    emu.clock.set(new Date(start + b * 1000))
    emu.resetCounters()
    const batch = keys.slice(b, b + WIDTH)
    const began = Date.now()
    const runs = await Promise.all(
      batch.map((key, i) =>
        runBundle({
          emu,
          repo,
          event: 'repository_dispatch',
          payload: dispatchPayload(repo, 'alert', genericAlert(key)),
          runId: `storm10-${b + i}`,
        }),
      ),
    )
    wall += Date.now() - began
    const t = tally(emu.requests)
    for (const k of Object.keys(all) as Sum[]) all[k] += t[k]
    refused += emu.requests.filter((r) => r.status >= 400 && r.status < 500).length
    for (const m of runs) {
      cpu += m.cpuMs ?? 0
      peak = Math.max(peak, m.peakRssMb ?? 0)
      if (m.code !== 0) {
        failed++
        firstFailure ||= firstError(m)
      }
    }
    if ((b + WIDTH) % 100 === 0)
      log(`  … ${b + WIDTH}/${STORM} events, ${all.total} requests, ${refused} refused so far`)
  }
  const incidents = emu
    .listIssues(repo)
    .filter((i) => i.user?.login === BOT && i.labels.some((l) => (typeof l === 'string' ? l : l.name) === 'incident'))
  const open = incidents.filter((i) => i.state === 'open')
  const comments = incidents.reduce(
    (s, i) => s + emu.listComments(repo, i.number).filter((c) => c.user?.login === BOT).length,
    0,
  )
  const cards = open.map(
    (i) => emu.listComments(repo, i.number).filter((c) => c.body?.startsWith('<!-- incidentops:card -->')).length,
  )
  const perEvent = +(all.total / STORM).toFixed(2)
  rows.push({
    scenario: `alert storm, concurrency ${WIDTH} (10 random keys)${STORM === 1000 ? '' : ' — quick'}`,
    size: `${STORM} events`,
    available: true,
    requests: all.total,
    rest: all.rest,
    graphql: all.graphql,
    points: all.points,
    writes: all.writes,
    wallMs: wall,
    peakRssMb: peak,
    cpuMs: cpu,
    min: STORM + 20,
    minWhy: 'one read per event, plus 10 issues (labels at creation) and 10 cards',
    naive: null,
    targets: [
      { what: 'open incidents', limit: 10, actual: open.length, unit: '' },
      { what: 'refused writes (4xx)', limit: 0, actual: refused, unit: '' },
      { what: 'requests per event', limit: 1.3, actual: perEvent, unit: '' },
    ],
    extra: {
      incidents: open.length,
      duplicatesClosed: incidents.length - open.length,
      comments,
      cardsPerIncident: cards.join(','),
      refused,
      failedRuns: failed,
      requestsPerEvent: perEvent,
      writesPerEvent: +(all.writes / STORM).toFixed(2),
    },
    note: `${open.length} open incidents (exactly 10 expected), ${incidents.length - open.length} racing duplicates closed, cards per incident ${[...new Set(cards)].join('/')}, ${refused} refused${failed ? `, ${failed} runs failed: ${firstFailure}` : ''}; wall is per batch of ${WIDTH}`,
  })
  log(
    `  storm, concurrency ${WIDTH}: ${all.total} requests (${perEvent}/event), ${all.writes} writes, ${refused} refused, ${open.length} open incidents (${incidents.length - open.length} duplicates closed), ${comments} comments`,
  )
}

/**
 * What a weekly report adds for the history index (#20) once it exists: nothing. Where the index
 * stands comes with the first page, and its new commit goes in the same request as the report issue
 * (`WriteTogether`), so the index costs no request of its own.
 */
const HISTORY_INDEX_REQUESTS = 0

async function report(emu: Emulator): Promise<void> {
  const REPORT_NOW = '2026-11-30T09:00:00Z'
  const fitPoints: [number, number][] = []
  for (const size of REPORT_SIZES) {
    log(`report over ${size.toLocaleString('en')} incidents`)
    const repo = `acme/report-${size}`
    emu.addRepo(repo)
    seedHistory(emu, repo, { now: REPORT_NOW, count: size, seed: 11, chatter: 0 })
    // Last week's report first: it creates the history index (docs/history.md: the branch, the file
    // and its label, 5 requests once per repository), so the row measures a weekly report as it runs
    // from then on: a new report issue and, since a week went by, the index rewritten, both in one request.
    emu.clock.set(new Date(Date.parse(REPORT_NOW) - 7 * 86_400_000).toISOString())
    await runBundle({ emu, repo, event: 'schedule', payload: { schedule: '0 6 * * 1' }, inputs: { mode: 'report' } })
    emu.clock.set(REPORT_NOW)
    emu.resetCounters()
    const m = await runBundle({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      inputs: { mode: 'report' },
    })
    if (m.stdout.includes('is not available')) {
      rows.push({
        scenario: 'report',
        size: size.toLocaleString('en'),
        available: false,
        requests: null,
        rest: null,
        graphql: null,
        points: null,
        writes: null,
        wallMs: null,
        peakRssMb: null,
        min: pagesPlusOne(size),
        naive: null,
        targets: [],
        note: 'mode `report` is not wired in dist/index.js',
      })
      continue
    }
    const t = tally(emu.requests)
    // The row counts only if both writes happened: the index on its branch is this week's.
    const index = decodeIndex(emu.getFile(repo, HISTORY_PATH, HISTORY_BRANCH) ?? '')
    const { reportEnd } = await import('../src/events/report.js')
    if (index?.builtAt !== reportEnd(new Date(REPORT_NOW)) || index.incidents.length !== size)
      throw new Error(`report ${size}: the history index was not rewritten (built ${index?.builtAt ?? 'never'})`)
    const row = measuredRow('report', size.toLocaleString('en'), m, emu, {
      min: Math.max(1, Math.ceil(size / 100)) + 1 + HISTORY_INDEX_REQUESTS,
      minWhy:
        '⌈N/100⌉ pages (100 incidents each, the config and where the history index stands on the first) + one request that writes the report issue and commits the history index',
      targets: [
        { what: 'requests', limit: pagesPlusOne(size) + HISTORY_INDEX_REQUESTS, actual: t.total, unit: 'requests' },
        // The report issue and the index's commit: two writes, one mutating request (one 1 s spacing less).
        { what: 'mutating requests', limit: 1, actual: t.writes, unit: 'requests' },
      ],
    })
    // After the row has read the request log: the in-process load below resets it.
    const compute = await inProcessCompute(emu, repo)
    const wallLimit: Record<number, number> = { 1000: 1500, 10_000: 8000, 50_000: 40_000 }
    row.targets.push(
      ...(wallLimit[size] !== undefined
        ? [{ what: 'wall time', limit: wallLimit[size]!, actual: Math.round(m.wallMs), unit: 'ms' }]
        : []),
      ...(size === 10_000
        ? [{ what: 'compute (build + render)', limit: 1000, actual: compute?.ms ?? null, unit: 'ms' }]
        : []),
      ...(size === 50_000 ? [{ what: 'peak RSS', limit: 200, actual: m.peakRssMb, unit: 'MB' }] : []),
    )
    row.extra = {
      ...row.extra,
      computeBuildRenderMs: compute ? Math.round(compute.ms) : 'n/a',
      childCpuMs: m.cpuMs === null ? 'n/a' : Math.round(m.cpuMs),
      wallMinusEmulatorMs: Math.round(m.wallMs - m.emulatorMs),
      emulatorMs: Math.round(m.emulatorMs),
    }
    row.note = `build+render ${compute ? Math.round(compute.ms) : 'n/a'} ms, action CPU ${m.cpuMs === null ? 'n/a' : Math.round(m.cpuMs)} ms, wall − emulator ${Math.round(m.wallMs - m.emulatorMs)} ms${row.note ? `; ${row.note}` : ''}`
    if (m.peakRssMb !== null) fitPoints.push([size, m.peakRssMb])
    if (size <= NAIVE_RUN_MAX) row.naive = await countNaive(emu, () => naiveReport(emu, repo))
    else row.naive = { requests: Math.ceil(size / 100) + size, writes: 0, run: false }
    rows.push(row)
  }
  const fit = linearFit(fitPoints)
  if (fit && fitPoints.length >= 3) {
    const at50k = fit.a + fit.b * 50_000
    const last = rows.filter((r) => r.scenario === 'report').at(-1)!
    last.extra = {
      ...last.extra,
      rssFit: `${fit.a.toFixed(0)} MB + ${(fit.b * 1000).toFixed(2)} MB per 1,000 incidents (R² ${fit.r2.toFixed(3)})`,
      rssAt50kMb: Math.round(at50k),
    }
    // Not a measurement: marked as such, and dropped from the table once a 50,000 row measures it.
    if (!REPORT_SIZES.includes(50_000))
      last.targets.push({
        what: 'peak RSS at 50,000 (`--full` measures it)',
        limit: 200,
        actual: Math.round(at50k),
        unit: 'MB',
        basis: 'extrapolated',
        at: (50_000).toLocaleString('en'),
      })
    log(`  memory: ${fit.a.toFixed(0)} MB + ${(fit.b * 1000).toFixed(2)} MB / 1,000 incidents, R² ${fit.r2.toFixed(3)}`)
  }
}

/** The status page config the bench builds with: six services, P1 and P2 published by the rule whatever their source. */
const STATUS_CONFIG = `services:
${['api', 'checkout', 'search', 'auth', 'db', 'web'].map((s) => `  - name: ${s}\n    group: ${s === 'db' || s === 'auth' ? 'Platform' : 'Product'}`).join('\n')}
status:
  name: Bench status
  publish: { priorities: [P1, P2], sources: [form, manual, alert, grafana, alertmanager] }
`

/** `mode: status` over N incidents: ⌈N/100⌉ GraphQL pages (the config on the first), no write; the publish is the Pages upload. */
async function statusPage(emu: Emulator): Promise<void> {
  const NOW_STATUS = '2026-11-30T09:00:00Z'
  for (const size of REPORT_SIZES) {
    log(`status page over ${size.toLocaleString('en')} incidents`)
    const repo = `acme/status-${size}`
    emu.addRepo(repo, { files: { '.github/incidents.yml': STATUS_CONFIG } })
    seedHistory(emu, repo, { now: NOW_STATUS, count: size, seed: 11, chatter: 0 })
    emu.clock.set(NOW_STATUS)
    emu.resetCounters()
    const m = await runBundle({
      emu,
      repo,
      event: 'schedule',
      payload: { schedule: '*/15 * * * *' },
      inputs: { mode: 'status' },
    })
    const pages = Math.max(1, Math.ceil(size / 100))
    const t = tally(emu.requests)
    const row = measuredRow('status page', size.toLocaleString('en'), m, emu, {
      min: pages,
      minWhy:
        '⌈N/100⌉ pages (100 incidents each, the config on the first); no GitHub write (actions/deploy-pages publishes)',
      targets: [{ what: 'requests', limit: pages, actual: t.total, unit: 'requests' }],
    })
    const line = /Status page: .*/.exec(m.stdout)?.[0]
    if (line)
      row.note = `${line.replace(/ files written to .*/, ' files').slice(0, 300)}${row.note ? `; ${row.note}` : ''}`
    rows.push(row)
  }
}

/** buildReport + renderReport in this process, on the incidents loaded the action's way (no throttling). */
async function inProcessCompute(emu: Emulator, full: string): Promise<{ ms: number } | null> {
  try {
    const { getOctokit } = await import('@actions/github')
    const { OctokitPort } = await import('../src/github/octokit.js')
    const { gatherIncidents, composeReport, reportOptions, reportEnd, scopeName } =
      await import('../src/events/report.js')
    const [owner, name] = full.split('/') as [string, string]
    const port = new OctokitPort(getOctokit(emu.botToken, { baseUrl: emu.url }), { owner, repo: name })
    const g = await gatherIncidents({
      port,
      repo: { owner, repo: name },
      portFor: () => port,
      local: undefined,
      configPath: '.github/incidents.yml',
      log: () => {},
    })
    emu.resetCounters()
    const t0 = performance.now()
    composeReport(g, reportOptions(g.config, reportEnd(emu.clock.now()), scopeName(g.config, { owner, repo: name })))
    return { ms: performance.now() - t0 }
  } catch (e) {
    log(`  in-process compute unavailable: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
}

/**
 * N open incidents with the card exactly as the action renders it (so nothing but what is due is
 * written; no commander, since the emulator's helpers cannot assign one and the action would repair that); `due` of them owe a progress update (acknowledged, last update 70 minutes ago on a P2,
 * whose cadence is 1 h), the rest updated 5 minutes ago.
 */
function seedOpen(emu: Emulator, repo: string, count: number, due: number): void {
  const now = Date.parse(NOW)
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
  const config = loadConfig(null, 'defaults')
  const body = renderIssueForm(
    {
      summary: 'api errors',
      impact: 'Major degradation',
      users_affected: 'Many users (10–49%)',
      services: 'api',
      exposure: [],
      detection: 'Monitoring alert',
    },
    INCIDENT_FORM,
  )
  for (let k = 0; k < count; k++) {
    const isDue = k % Math.round(count / Math.max(1, due)) === 0 && k / Math.round(count / Math.max(1, due)) < due
    const declared = now - 2 * 3_600_000
    emu.clock.set(iso(declared))
    const issue = emu.createIssue(repo, {
      title: `api errors #${k + 1}`,
      body,
      labels: ['incident', 'priority/P2', 'stage/investigating', 'service/api'],
      user: 'alice',
      createdAt: iso(declared),
    })
    const facts = factsFromForm(parseIssueForm(body, INCIDENT_FORM), INCIDENT_FORM, new Date(declared))
    const events: IncidentRecord['events'] = [
      { at: iso(declared), kind: 'declared', actor: 'alice', via: 'form', to: 'P2' },
      { at: iso(declared + 5 * 60_000), kind: 'ack', actor: 'bob', via: 'command' },
      {
        at: iso(declared + 5 * 60_000),
        kind: 'stage',
        actor: 'bob',
        via: 'command',
        from: 'triage',
        to: 'investigating',
      },
      { at: iso(now - (isDue ? 70 : 5) * 60_000), kind: 'update', actor: 'bob', via: 'command', text: 'rolling back' },
    ]
    const record: IncidentRecord = {
      v: 1,
      number: issue.number,
      declaredAt: iso(declared),
      startedAt: iso(declared),
      priority: 'P2',
      prioritySource: 'rules',
      priorityReason: classify(fieldsOf(facts), config).reason,
      stage: 'investigating',
      impactDigest: impactDigest(facts),
      events,
      commander: null,
      processed: [],
      source: 'form',
      // As intake records it: the service that got its label (without it, every first run rewrites the card).
      serviceLabels: ['api'],
    }
    emu.createComment(repo, issue.number, { body: renderCard({ record, facts, config, ticked: new Set() }), user: BOT })
  }
  emu.clock.set(NOW)
}

async function sweep(emu: Emulator): Promise<void> {
  for (const size of SWEEP_SIZES) {
    for (const share of [0, 0.1]) {
      const due = Math.round(size * share)
      const label = `${size.toLocaleString('en')}, ${share ? '10 % due' : 'nothing due'}`
      log(`sweep over ${label}`)
      const repo = `acme/sweep-${size}-${due}`
      emu.addRepo(repo)
      seedOpen(emu, repo, size, due)
      const naiveRepo = `${repo}-naive`
      emu.addRepo(naiveRepo)
      seedOpen(emu, naiveRepo, size, due)
      emu.resetCounters()
      const m = await runBundle({
        emu,
        repo,
        event: 'schedule',
        payload: { schedule: '*/15 * * * *' },
        inputs: { mode: 'sweep' },
      })
      const min = Math.max(1, Math.ceil(size / 100)) + due
      const t = tally(emu.requests)
      const actionWrites = emu.requests.filter((q) => q.write).map((q) => q.path)
      // After the action's requests are tallied: counting the baseline resets the log.
      const naive =
        size <= NAIVE_RUN_MAX
          ? await countNaive(emu, () => naiveSweep(emu, naiveRepo, (b) => decodeRecord(b)?.stage === 'triage'))
          : { requests: Math.ceil(size / 100) + size + due, writes: due, run: false }
      if (m.stdout.includes('is not available')) {
        rows.push({
          scenario: 'sweep',
          size: label,
          available: false,
          requests: null,
          rest: null,
          graphql: null,
          points: null,
          writes: null,
          wallMs: null,
          peakRssMb: null,
          min,
          minWhy: '⌈N/100⌉ pages + one write per due incident',
          naive,
          targets: [],
          note: 'mode `sweep` is not wired in dist/index.js yet (the router answers "not available")',
        })
        log('  not available in dist/index.js')
        continue
      }
      const creationsIn60s = maxInWindow(
        emu.requests.filter((q) => q.creation && q.status < 400).map((q) => q.at),
        60_000,
      )
      const refused = emu.limited().length
      const row = measuredRow(
        'sweep',
        label,
        m,
        emu,
        {
          min,
          minWhy: '⌈N/100⌉ pages + one write per due incident',
          naive,
          targets:
            due === 0
              ? [
                  { what: 'requests', limit: pagesPlusOne(size), actual: t.total, unit: 'requests' },
                  { what: 'writes', limit: 0, actual: t.writes, unit: 'writes' },
                  ...(size === 1000
                    ? [{ what: 'wall time', limit: 1500, actual: Math.round(m.wallMs), unit: 'ms' }]
                    : []),
                ]
              : [{ what: 'writes (one per due item)', limit: due, actual: t.writes, unit: 'writes' }],
        },
        t,
      )
      // The sweep stops at its write budget (config sweep.budget, 50 by default) and leaves the rest to the next run.
      const handled = new Set(actionWrites.map((path) => /\/issues\/(\d+)/.exec(path)?.[1]).filter(Boolean)).size
      if (due > 0) {
        // The repository's missing labels are created once (one CreateLabels for all): not a write per item.
        const itemWrites = t.writes - (t.byRoute['POST /graphql CreateLabels'] ?? 0)
        row.extra = {
          ...row.extra,
          dueHandled: handled,
          writesPerDueItem: handled ? +(itemWrites / handled).toFixed(2) : 'n/a',
        }
        const perMinute = t.writes / (m.wallMs / 60_000)
        row.targets = [
          {
            what: 'writes per due item (besides the one label creation)',
            limit: 1,
            actual: handled ? +(itemWrites / handled).toFixed(2) : null,
            unit: '',
          },
          // ≥ 55 writes a minute, as a ceiling on the time per write (60/55 s).
          ...(size === 1000
            ? [
                {
                  what: 'seconds per write (≥ 55 writes a minute)',
                  limit: 1.09,
                  actual: +(m.wallMs / 1000 / Math.max(1, t.writes)).toFixed(3),
                  unit: 's',
                },
              ]
            : []),
          { what: 'content creations in any 60 s', limit: 80, actual: creationsIn60s, unit: '' },
          { what: 'writes refused by the emulator’s 80/min limit', limit: 0, actual: refused, unit: '' },
        ]
        row.extra = {
          ...row.extra,
          writesPerMinute: +perMinute.toFixed(1),
          maxCreationsIn60s: creationsIn60s,
          refusedByLimit: refused,
        }
        row.note = `${handled} of ${due} due incidents handled${handled < due ? ' (write budget reached: the rest wait for the next run)' : ''}${row.note ? `; ${row.note}` : ''}`
      }
      rows.push(row)
    }
  }
}

async function coldStart(emu: Emulator): Promise<void> {
  log(`cold start: a no-op event (watch) vs bare node -e '' (median of ${RUNS})`)
  const repo = 'acme/cold'
  emu.addRepo(repo)
  const payload = example('watch', 'started')
  const bare: number[] = []
  const action: number[] = []
  emu.resetCounters()
  // One warm-up of each (file cache), then alternate so drift hits both alike.
  await runBundle({ emu, repo, event: 'watch', payload, plain: true, argv: ['-e', ''] })
  await runBundle({ emu, repo, event: 'watch', payload, plain: true })
  for (let i = 0; i < RUNS; i++) {
    bare.push((await runBundle({ emu, repo, event: 'watch', payload, plain: true, argv: ['-e', ''] })).wallMs)
    action.push((await runBundle({ emu, repo, event: 'watch', payload, plain: true })).wallMs)
  }
  emu.resetCounters()
  const withRss = await runBundle({ emu, repo, event: 'watch', payload })
  const b = median(bare)
  const a = median(action)
  const limit = 1.5 * b + 50
  const size = statSync(currentBundle()).size
  const gz = gzipSync(readFileSync(currentBundle())).length
  const row = measuredRow('cold start (watch: no-op)', '1', { ...withRss, wallMs: a }, emu, {
    min: 0,
    minWhy: 'a no-op needs no request',
    targets: [{ what: 'cold start (1.5 × bare + 50 ms)', limit: Math.round(limit), actual: Math.round(a), unit: 'ms' }],
    extra: {
      bareNodeMedianMs: Math.round(b),
      actionMedianMs: Math.round(a),
      runs: RUNS,
      bundleBytes: size,
      bundleGzipBytes: gz,
    },
    note: `median ${Math.round(a)} ms vs bare node ${Math.round(b)} ms (${(a / b).toFixed(2)}×); dist/index.js ${(size / 1024 / 1024).toFixed(2)} MB (${(gz / 1024).toFixed(0)} KB gzipped)`,
  })
  rows.push(row)
}

/** The most timestamps (ms) that fall within any window of `ms`. */
function maxInWindow(times: number[], ms: number): number {
  const t = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= ms) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

/**
 * 30 simulated days of the example sweep (every 10 minutes) with `sweep-workflow` set: a tick runs
 * only while the emulator has the workflow on, as GitHub would. Each run is a billed minute at
 * least (GitHub rounds every job up to the minute). One repository with no incident, one with 4
 * incidents of 3 hours (declared by the form, resolved by command), whose own runs are counted apart.
 */
async function idleMonth(emu: Emulator): Promise<void> {
  const WF = 'incidentops-sweep.yml'
  const start = Date.parse('2026-11-01T00:00:00Z')
  const TICK = 10 * 60_000
  const TICKS = (30 * 86_400_000) / TICK
  const iso = (ms: number) => new Date(ms).toISOString()
  for (const [name, incidents] of [
    ['no incident', 0],
    ['4 incidents of 3 h', 4],
  ] as const) {
    log(`idle month: ${name}`)
    const repo = `acme/month-${incidents}`
    freshRepo(emu, repo)
    // The seed issue only brought the `incident` label: an open issue with it counts as open.
    emu.editIssue(repo, 1, { state: 'closed' }, 'alice')
    emu.addWorkflow(repo, WF)
    // Incident k: declared on day 3 + 7k at 10:03, resolved 3 hours later by /resolve.
    const events: { at: number; kind: 'declare' | 'resolve'; k: number }[] = []
    for (let k = 0; k < incidents; k++) {
      const at = start + (3 + 7 * k) * 86_400_000 + 10 * 3_600_000 + 3 * 60_000
      events.push({ at, kind: 'declare', k }, { at: at + 3 * 3_600_000, kind: 'resolve', k })
    }
    const numbers = new Map<number, number>()
    let runs = 0
    let billed = 0
    let eventRuns = 0
    let eventBilled = 0
    let requests = 0
    let rest = 0
    let graphql = 0
    let writes = 0
    let wall = 0
    let failed = ''
    const inputs = { 'sweep-workflow': WF, mode: 'auto' }
    const count = (m: Measured) => {
      const t = tally(emu.requests)
      requests += t.total
      rest += t.rest
      graphql += t.graphql
      writes += t.writes
      emu.resetCounters()
      if (m.code !== 0) failed ||= firstError(m)
      return Math.max(1, Math.ceil(m.wallMs / 60_000))
    }
    emu.resetCounters()
    for (let i = 0; i < TICKS; i++) {
      const now = start + i * TICK
      while (events.length && events[0]!.at <= now) {
        const e = events.shift()!
        emu.clock.set(iso(e.at))
        let m: Measured
        if (e.kind === 'declare') {
          const n = emu.createIssue(repo, {
            title: `[Incident]: Checkout slow ${e.k + 1}`,
            body: renderIssueForm(
              {
                summary: 'checkout slow',
                impact: 'Minor degradation',
                users_affected: 'Few users (1–9%)',
                services: 'checkout',
                exposure: [],
                detection: 'Customer report',
              },
              INCIDENT_FORM,
            ),
            labels: ['incident'],
            user: 'alice',
          }).number
          numbers.set(e.k, n)
          m = await runBundle({
            emu,
            repo,
            event: 'issues',
            payload: issuesPayload(emu, repo, n, 'opened', 'alice'),
            inputs,
          })
        } else {
          const n = numbers.get(e.k)!
          const c = emu.createComment(repo, n, { body: '/resolve fixed', user: 'alice' })
          m = await runBundle({ emu, repo, event: 'issue_comment', payload: commentPayload(emu, repo, n, c), inputs })
        }
        eventRuns++
        eventBilled += count(m)
      }
      if (emu.workflow(repo, WF).state !== 'active') continue
      emu.clock.set(iso(now))
      const m = await runBundle({
        emu,
        repo,
        event: 'schedule',
        payload: { schedule: '*/10 * * * *' },
        inputs: { ...inputs, mode: 'sweep' },
      })
      runs++
      billed += count(m)
      wall += m.wallMs
    }
    const goal = incidents === 0 ? 10 : 200
    const row: Row = {
      scenario: 'idle month',
      size: name,
      available: true,
      requests,
      rest,
      graphql,
      points: null,
      writes,
      wallMs: wall,
      peakRssMb: null,
      min: null,
      naive: { requests: TICKS, writes: 0, run: false },
      runs,
      billedMinutes: billed,
      targets: [{ what: 'billed minutes of scheduled runs', limit: goal, actual: billed, unit: 'min' }],
      extra: {
        scheduledRunsWithoutSleep: TICKS,
        billedMinutesWithoutSleep: TICKS,
        eventRuns,
        eventBilledMinutes: eventBilled,
      },
      note: `${runs} scheduled runs (${billed} billed minutes) instead of ${TICKS.toLocaleString('en')}; plus ${eventRuns} intake/command runs (${eventBilled} min)${failed ? `; a run failed: ${failed}` : ''}`,
    }
    log(`  ${row.note}`)
    rows.push(row)
  }
}

// ---------- main ----------

async function main(): Promise<void> {
  if (TABLE_ONLY) {
    const prev = JSON.parse(readFileSync(OUT, 'utf8')) as { rows: Row[] }
    process.stdout.write(`${markdownTable(prev.rows)}\n`)
    return
  }
  if (!existsSync(BUNDLE)) throw new Error('dist/index.js is missing: run `npm run bundle` first')
  const started = Date.now()
  const frozen = freezeBundle()
  const bundleHash = (path: string): string =>
    createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)
  const hashBefore = bundleHash(frozen)
  const emu = await startEmulator({ now: NOW })
  for (const u of ['alice', 'bob']) emu.addUser(u)
  log(
    `IncidentOps bench: ${FULL ? 'full' : 'quick (default)'} — peak RSS from ${HAS_TIME ? '/usr/bin/time -v' : 'a --import preload (process.resourceUsage)'}`,
  )
  try {
    if (want('intake')) await intake(emu)
    if (want('command')) await command(emu)
    if (want('alert')) await alerts(emu)
    if (want('oncall')) await oncall(emu)
    if (want('paging')) await paging(emu)
    if (want('heartbeat')) await heartbeat(emu)
    if (want('changes')) await changes(emu)
    if (want('history')) await historyBench(emu, rows, log, measuredRow)
    if (want('storm')) await storm(emu)
    if (want('storm') || want('storm10')) await stormConcurrent(emu)
    if (want('report')) await report(emu)
    if (want('status')) await statusPage(emu)
    if (want('sweep')) await sweep(emu)
    if (want('cold')) await coldStart(emu)
    if (want('month')) await idleMonth(emu)
    if (want('compute')) rows.push(...(await computeRows(log)))
    if (want('demo')) rows.push(await demoRow(log))
  } finally {
    await emu.close()
  }
  const hashAfter = bundleHash(BUNDLE)
  if (hashAfter !== hashBefore)
    log(
      `note: dist/index.js was rebuilt during the run (${hashBefore} → ${hashAfter}); every row measured the copy taken at the start (${hashBefore}).`,
    )
  let all = rows
  if (MERGE && existsSync(OUT)) {
    const prev = JSON.parse(readFileSync(OUT, 'utf8')) as { rows: Row[] }
    const key = (r: Row) => `${r.scenario}|${r.size}`
    const mine = new Map(rows.map((r) => [key(r), r]))
    all = prev.rows.map((r) => mine.get(key(r)) ?? r)
    for (const r of rows) if (!prev.rows.some((p) => key(p) === key(r))) all.push(r)
  }
  all = withoutMeasuredExtrapolations(all)
  const result = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    mode: FULL ? 'full' : 'quick',
    storm: STORM,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    peakRss: HAS_TIME ? '/usr/bin/time -v' : 'process.resourceUsage() preload',
    bundle: {
      path: 'dist/index.js',
      sha256: hashBefore,
      rebuiltDuringRun: hashAfter !== hashBefore,
      bytes: statSync(frozen).size,
      gzipBytes: gzipSync(readFileSync(frozen)).length,
    },
    durationS: Math.round((Date.now() - started) / 1000),
    rows: all,
  }
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n')
  process.stdout.write(`\n${markdownTable(all)}\n\n`)
  const misses = all.flatMap((r) => r.targets.filter(missed).map((t) => `${r.scenario} ${r.size}: ${verdict(t)}`))
  process.stdout.write(
    misses.length ? `Missed targets:\n${misses.map((m) => `- ${m}`).join('\n')}\n` : 'Every measured target met.\n',
  )
  const guesses = all.flatMap((r) =>
    r.targets.filter((t) => t.basis === 'extrapolated').map((t) => `${r.scenario} ${r.size}: ${verdict(t)}`),
  )
  if (guesses.length) process.stdout.write(`Extrapolated, not measured:\n${guesses.map((m) => `- ${m}`).join('\n')}\n`)
  const na = all.filter((r) => !r.available).map((r) => `${r.scenario} ${r.size}`)
  if (na.length) process.stdout.write(`Not available in this bundle: ${na.join(', ')}\n`)
  process.stdout.write(`Written to ${OUT} in ${result.durationS} s.\n`)
}

await main()
