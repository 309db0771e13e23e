/**
 * The demo: the whole incident lifecycle, run by the real action bundle (dist/index.js, started
 * exactly as a runner starts it) against the embedded GitHub emulator. No GitHub, no token.
 *
 * The story, on one repository with a Projects (v2) board and a configuration file:
 *   a P1 from the incident form and an Alertmanager storm (one incident, repeats counted) →
 *   nobody acknowledges: the sweep escalates → /ack, /update → an update is missed: the sweep
 *   reminds → /fixing, /monitoring, /resolve (the postmortem) → the alert resolves: Monitoring,
 *   then auto-resolved by the sweep after a quiet hour → the weekly report over a seeded history.
 *
 * The emulator's clock is moved between steps, so deadlines fall due in seconds. Every step
 * prints one line (what happened, API requests and writes). At the end, what a person would see
 * on GitHub (each issue thread, the board, the report) is written as markdown and as one static
 * HTML page (index.html) into the output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startEmulator, type Emulator, type RestIssue } from '../emulator/index.js'
import { renderIssueForm } from '../intake/issue-form.js'
import { INCIDENT_FORM } from '../intake/form-spec.js'
import { runAction, type ActionRun, type RunOptions } from './action-runner.js'
import amGroup from './alertmanager-group.json' with { type: 'json' }
import { commentPayload, dispatchPayload, issuesPayload } from './payloads.js'
import { mermaidBundle, renderPage, type PageSection } from './html.js'
import { stepRow } from './console-table.js'
import { seedHistory } from './seed.js'
import { COLUMNS, DEMO_REPO, OWNER, PROJECT, seedDemoWorld } from './world.js'

export { COLUMNS, DEMO_CONFIG, DEMO_REPO } from './world.js'

/**
 * The pace the demo runs the action at: no spacing between writes (the emulator needs none) and a
 * millisecond per second of back-off, so the story takes seconds rather than GitHub's minutes.
 */
const DEMO_LIMITS = 'mutation-spacing=0 retry-base=1ms board-settle=0'

/** How to run the demo. */
export interface DemoOptions {
  /** The action bundle to run (dist/index.js of the checkout or of the installed package). */
  bundle: string
  /** The short story: one incident from the form, acknowledged and resolved, then the weekly report. */
  quick?: boolean
}

/** What the demo produced, for the test and for the README's examples. */
export interface DemoResult {
  outDir: string
  files: string[]
  /** Steps skipped because the bundle does not do them yet, with the reason shown. */
  skipped: string[]
  ms: number
  /** The emulator's server URL (GITHUB_SERVER_URL in the runs): links in what was written start with it. */
  serverUrl: string
  /** The issue numbers behind the files: the form incident, the alert incident, the postmortems, the report. */
  issues: { form: number; alert: number | null; postmortems: number[]; report: number | null }
}

interface Ctx {
  day?: string
  bundle: string
  emu: Emulator
  projectToken: string
  out: (s: string) => void
  skipped: string[]
}

const labelNames = (issue: RestIssue): string[] =>
  issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).sort()

/**
 * Runs one step: moves the clock, runs the action (or a person's act), prints one line with
 * what happened and the API requests and writes it cost. Fails the demo if the run failed.
 */
async function step(
  c: Ctx,
  at: string,
  what: string,
  fn: () => Promise<ActionRun>,
  opts: { mayFail?: boolean } = {},
): Promise<ActionRun> {
  c.emu.clock.set(at)
  if (c.day !== at.slice(0, 10)) {
    c.day = at.slice(0, 10)
    c.out(`  ${new Date(at).toUTCString().slice(0, 16)}`)
  }
  c.emu.resetCounters()
  const started = Date.now()
  const r = await fn()
  const ms = Date.now() - started
  const n = c.emu.counts()
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'))
  if (r.code !== 0 && !opts.mayFail)
    throw new Error(`${what}: the action failed (exit ${r.code}):\n${errors.join('\n') || r.stdout + r.stderr}`)
  const actions = safeActions(r.outputs.actions)
  const did = actions.length === 0 ? 'nothing to write' : summarise(actions.map((a) => a.description))
  for (const line of stepRow({ time: at.slice(11, 16), what, requests: n.total, writes: n.writes, ms, did }))
    out(c, line)
  return r
}

/** Runs the action bundle on an event in the demo repository, at the demo's pace. */
function act(c: Ctx, o: Omit<RunOptions, 'bundle' | 'emu' | 'repo' | 'apiLimits' | 'removeTemp'>): Promise<ActionRun> {
  return runAction({ bundle: c.bundle, emu: c.emu, repo: DEMO_REPO, apiLimits: DEMO_LIMITS, removeTemp: true, ...o })
}

function out(c: Ctx, s: string): void {
  c.out(s)
}

function safeActions(json: string | undefined): { description: string; status?: string }[] {
  try {
    const v = JSON.parse(json ?? '[]') as unknown
    return Array.isArray(v) ? (v as { description: string }[]).filter((a) => typeof a?.description === 'string') : []
  } catch {
    return []
  }
}

/** The writes of a run in a few words: the first ones, and how many more. */
function summarise(descriptions: string[]): string {
  // Whole descriptions (the console table wraps them at spaces): cutting at a length cut words and dates.
  const short = descriptions.map((d) => d.replace(/\s+/g, ' ').trim())
  return short.length <= 3 ? short.join('; ') : `${short.slice(0, 3).join('; ')}; +${short.length - 3} more`
}

/** A person writes a comment; the issue_comment run follows. */
async function comment(c: Ctx, n: number, user: string, text: string, at: string, what: string): Promise<ActionRun> {
  return step(c, at, what, async () => {
    const cm = c.emu.createComment(DEMO_REPO, n, { body: text, user })
    return act(c, {
      event: 'issue_comment',
      payload: commentPayload(c.emu, DEMO_REPO, n, cm),
      inputs: { 'project-token': c.projectToken },
    })
  })
}

/** The scheduled sweep (cron every 10 minutes; mode auto picks the sweep from the event). */
function sweep(c: Ctx, at: string, what: string): Promise<ActionRun> {
  return step(c, at, what, () =>
    act(c, { event: 'schedule', payload: { schedule: '*/10 * * * *' }, inputs: { 'project-token': c.projectToken } }),
  )
}

/** One Alertmanager group as the relay forwards it, every alert in `status`. */
function alertmanager(status: 'firing' | 'resolved', at: string): unknown {
  const body = structuredClone(amGroup) as Record<string, unknown> & { alerts: Record<string, unknown>[] }
  body.status = status
  body.alerts = body.alerts.map((a) => ({
    ...a,
    status,
    startsAt: '2026-11-26T14:03:30Z',
    ...(status === 'resolved' ? { endsAt: at } : { endsAt: '0001-01-01T00:00:00Z' }),
  }))
  return { incidentops: { alertmanager: body } }
}

function deliverAlert(c: Ctx, status: 'firing' | 'resolved', at: string, what: string): Promise<ActionRun> {
  return step(c, at, what, () =>
    act(c, {
      event: 'repository_dispatch',
      payload: dispatchPayload(DEMO_REPO, 'alert', alertmanager(status, at)),
      inputs: { 'project-token': c.projectToken },
    }),
  )
}

/** Runs the demo into outDir; returns what it wrote. */
export async function demo(outDir: string, print: (s: string) => void, o: DemoOptions): Promise<DemoResult> {
  const t0 = Date.now()
  const quick = o.quick === true
  const emu = await startEmulator({ now: '2026-11-26T14:00:00Z' })
  const c: Ctx = { bundle: o.bundle, emu, projectToken: '', out: print, skipped: [] }
  try {
    c.projectToken = seedDemoWorld(emu).projectToken
    print(`IncidentOps demo: the real action bundle (dist/index.js) on a local GitHub emulator at ${emu.url}`)
    print(
      `Repository ${DEMO_REPO} with .github/incidents.yml (a board, an escalation chain, report figures) and the Projects board "Incidents".`,
    )
    print('The emulator clock jumps between steps. Each line: time, step, API requests and writes, what was written.\n')

    // ---- 1. A person declares an incident with the form.
    print('— An incident from the form')
    const body = renderIssueForm(
      {
        summary: 'Nobody can sign in: the login page returns HTTP 500 since the 13:55 deploy of auth.',
        started_at: '2026-11-26 13:55 UTC',
        impact: 'Full outage',
        users_affected: 'All users (100%)',
        services: 'auth, web',
        exposure: [],
        detection: 'Customer report',
        links: 'https://status.example.com',
      },
      INCIDENT_FORM,
    )
    emu.clock.set('2026-11-26T14:02:00Z')
    const form = emu.createIssue(DEMO_REPO, {
      title: '[Incident]: Nobody can sign in',
      body,
      labels: ['incident'],
      user: 'alice',
    }).number
    const intake = await step(c, '2026-11-26T14:02:00Z', `#${form} opened with the form (issues.opened)`, () =>
      act(c, {
        event: 'issues',
        payload: issuesPayload(emu, DEMO_REPO, form, 'opened', 'alice'),
        inputs: { 'project-token': c.projectToken },
      }),
    )
    print(`       → stage ${intake.outputs.stage ?? '?'}: ${reasonOf(emu, form)}`)
    await step(c, '2026-11-26T14:02:30Z', `#${form} the same event redelivered`, () =>
      act(c, {
        event: 'issues',
        payload: issuesPayload(emu, DEMO_REPO, form, 'opened', 'alice'),
        inputs: { 'project-token': c.projectToken },
      }),
    )

    const { alert, boards } = quick ? await quickStory(c, form) : await fullStory(c, form)

    // ---- 5. The weekly report over a seeded history.
    print('\n— The weekly report (Monday 06:00, mode: report) over 12 weeks of seeded history')
    let reportIssue: number | null = null
    {
      const seeded = seedHistory(emu, DEMO_REPO, {
        now: '2026-11-30T06:00:00Z',
        count: 60,
        weeks: 12,
        seed: 42,
        chatter: 1,
        forged: 0,
        old: 0.02,
      })
      print(
        `       seeded ${seeded.length} past incidents (#${seeded[0]!.number}–#${seeded.at(-1)!.number}) with their cards, as the action would have written them`,
      )
      const r = await step(
        c,
        '2026-11-30T06:00:00Z',
        'weekly report (schedule, mode: report)',
        () => act(c, { event: 'schedule', payload: { schedule: '0 6 * * 1' }, inputs: { mode: 'report' } }),
        { mayFail: true },
      )
      if (r.code === 0 && r.outputs['report-issue']) {
        reportIssue = Number(r.outputs['report-issue'])
        print(`       → report issue #${reportIssue}: ${emu.getIssue(DEMO_REPO, reportIssue).title}`)
      } else {
        const why = r.stdout.split('\n').find((l) => l.startsWith('::error')) ?? `exit ${r.code}, no report issue`
        const note = `Report skipped: this bundle does not publish the report yet (${why.replace(/^::error[^:]*::/, '')}).`
        c.skipped.push(note)
        print(`       ${note}`)
      }
    }

    // ---- 6. What a person would see on GitHub.
    boards.push(renderBoard(emu, DEMO_REPO, 'at the end'))
    const issues = { form, alert, postmortems: postmortems(emu).map((p) => p.number), report: reportIssue }
    const files = writeOutput(emu, outDir, { ...issues, skipped: c.skipped, boards })
    const ms = Date.now() - t0
    const rel = relative(process.cwd(), outDir) || '.'
    print(
      `\n✔ Done in ${(ms / 1000).toFixed(1)} s. What a person would see on GitHub is in ${rel.startsWith('..') ? outDir : rel}/`,
    )
    print(
      `  open ${join(rel.startsWith('..') ? outDir : rel, 'index.html')} in a browser; markdown: ${files.filter((f) => f.endsWith('.md')).join(', ')}`,
    )
    return { outDir, files, skipped: c.skipped, ms, serverUrl: emu.url, issues }
  } finally {
    await emu.close()
  }
}

/** Sections 2–4 of the story: the alert storm, escalation, the lifecycle by commands, reminders, resolution, postmortem. */
async function fullStory(c: Ctx, form: number): Promise<{ alert: number; boards: string[] }> {
  const { emu, out: print } = c
  // ---- 2. Monitoring: an Alertmanager group fires, and keeps firing.
  print('\n— An alert storm from monitoring (Alertmanager → relay → repository_dispatch)')
  const storm = await deliverAlert(c, 'firing', '2026-11-26T14:04:00Z', 'alert checkout 5xx fires (group of 3)')
  const alert = Number(storm.outputs['incident-number'] || findIncident(emu, '[Alert]'))
  print(`       → incident #${alert}: ${reasonOf(emu, alert)}`)
  await deliverAlert(c, 'firing', '2026-11-26T14:04:20Z', 'the same group again, 20 s later')
  await deliverAlert(c, 'firing', '2026-11-26T14:06:00Z', 'and again, 2 min later')
  await deliverAlert(c, 'firing', '2026-11-26T14:09:00Z', 'and again, 5 min later')
  const alertIssues = emu.listIssues(DEMO_REPO).filter((i) => i.title.startsWith('[Alert]'))
  print(`       ${alertIssues.length} alert issue(s) for 4 deliveries; ${occurrences(emu, alert)}`)

  // ---- 3. Nobody acknowledges: the sweep escalates.
  print('\n— Nobody acknowledges: the scheduled sweep (every 10 min) escalates')
  await sweep(c, '2026-11-26T14:10:00Z', 'sweep: nothing due yet')
  await sweep(c, '2026-11-26T14:20:00Z', `sweep: ack deadline (15 min) passed`)
  print(
    `       escalations: ${countMarked(emu, form, 'escalation')} on #${form}, ${countMarked(emu, alert, 'escalation')} on #${alert}`,
  )

  // ---- 4. The lifecycle by commands.
  print('\n— The responders take over (slash commands in comments)')
  await comment(c, form, 'alice', '/ack', '2026-11-26T14:24:00Z', `#${form} alice: /ack`)
  await comment(
    c,
    alert,
    'bob',
    '/ack\n/commander @bob',
    '2026-11-26T14:25:00Z',
    `#${alert} bob: /ack, /commander @bob`,
  )
  await comment(
    c,
    form,
    'alice',
    '/update 500s come from the new session store client; rolling back auth to 2026.11.26-1',
    '2026-11-26T14:31:00Z',
    `#${form} alice: /update …`,
  )
  await comment(
    c,
    alert,
    'bob',
    'Same root cause as the login outage: checkout calls auth.\n/update waiting for the auth rollback',
    '2026-11-26T14:33:00Z',
    `#${alert} bob: /update …`,
  )

  print('\n— An update is missed (P1: every 30 min): the sweep reminds')
  await sweep(c, '2026-11-26T14:50:00Z', 'sweep: updates not due yet')
  await sweep(c, '2026-11-26T15:02:00Z', 'sweep: 30 min without an update')
  print(
    `       reminders: ${countMarked(emu, form, 'reminder')} on #${form}, ${countMarked(emu, alert, 'reminder')} on #${alert}`,
  )

  print('\n— Mitigation, recovery, resolution')
  await comment(
    c,
    form,
    'alice',
    '/fixing\n/update rollback in progress',
    '2026-11-26T15:05:00Z',
    `#${form} alice: /fixing, /update`,
  )
  const boards = [renderBoard(emu, DEMO_REPO, 'during the incidents')]
  await comment(
    c,
    form,
    'alice',
    '/monitoring\n/update rollback done, sign-ins succeed again; watching error rates',
    '2026-11-26T15:14:00Z',
    `#${form} alice: /monitoring, /update`,
  )
  await deliverAlert(c, 'resolved', '2026-11-26T15:16:00Z', 'alert checkout 5xx resolves')
  print(`       #${alert} is now ${stageOf(emu, alert)}`)
  await comment(
    c,
    form,
    'carol',
    '/note support confirms customers can sign in',
    '2026-11-26T15:30:00Z',
    `#${form} carol: /note …`,
  )
  await comment(c, form, 'alice', '/resolve', '2026-11-26T15:45:00Z', `#${form} alice: /resolve`)
  const pm = postmortems(emu)
  if (pm.length > 0) print(`       postmortem: ${pm.map((p) => `#${p.number} ${p.title}`).join(', ')}`)
  else {
    const note = 'No postmortem issue was created: the postmortem capability is not in this bundle yet.'
    c.skipped.push(note)
    print(`       ${note}`)
  }
  print(`       #${form} is ${stageOf(emu, form)} (${emu.getIssue(DEMO_REPO, form).state} on GitHub)`)

  print('\n— The alert stays quiet: the sweep auto-resolves its incident after an hour in Monitoring')
  await sweep(c, '2026-11-26T16:00:00Z', 'sweep: quiet for 44 min, not yet')
  await sweep(c, '2026-11-26T16:20:00Z', 'sweep: quiet for over an hour')
  print(`       #${alert} is ${stageOf(emu, alert)} (${emu.getIssue(DEMO_REPO, alert).state} on GitHub)`)
  await sweep(c, '2026-11-26T16:30:00Z', 'sweep: everything is up to date')

  if (pm.length > 0) {
    print('\n— The next morning the postmortem is written; closing it closes the incident')
    const pmIssue = pm.find((p) => (p.body ?? '').startsWith(`<!-- incidentops:postmortem:${form} -->`)) ?? pm[0]!
    await step(c, '2026-11-27T11:00:00Z', `postmortem #${pmIssue.number} written and closed (issues.closed)`, () => {
      emu.editIssue(DEMO_REPO, pmIssue.number, { state: 'closed', state_reason: 'completed' }, 'alice')
      return act(c, {
        event: 'issues',
        payload: issuesPayload(emu, DEMO_REPO, pmIssue.number, 'closed', 'alice'),
        inputs: { 'project-token': c.projectToken },
      })
    })
    print(`       #${form} is ${stageOf(emu, form)}`)
  }
  return { alert, boards }
}

/** The quick story (`demo --quick`): the form incident is acknowledged and resolved; no alert, no sweeps. */
async function quickStory(c: Ctx, form: number): Promise<{ alert: null; boards: string[] }> {
  c.out('\n— A responder takes over and resolves it (the quick demo: `incidentops demo` tells the whole story)')
  await comment(c, form, 'alice', '/ack', '2026-11-26T14:24:00Z', `#${form} alice: /ack`)
  await comment(
    c,
    form,
    'alice',
    '/fixing\n/update rolling back auth to 2026.11.26-1',
    '2026-11-26T14:31:00Z',
    `#${form} alice: /fixing, /update`,
  )
  const boards = [renderBoard(c.emu, DEMO_REPO, 'during the incident')]
  await comment(c, form, 'alice', '/resolve', '2026-11-26T14:45:00Z', `#${form} alice: /resolve`)
  c.out(`       #${form} is ${stageOf(c.emu, form)} (${c.emu.getIssue(DEMO_REPO, form).state} on GitHub)`)
  return { alert: null, boards }
}

// ---------- reading the emulator's state ----------

function cardOf(emu: Emulator, n: number): string {
  return emu.listComments(DEMO_REPO, n).find((c) => c.body?.startsWith('<!-- incidentops:card -->'))?.body ?? ''
}

/** The classification line of the card ("Priority P1 because …"), or its first line. */
function reasonOf(emu: Emulator, n: number): string {
  const card = cardOf(emu, n)
  const line = card.split('\n').find((l) => /rule|because|score|reason/i.test(l) && !l.startsWith('<!--'))
  return (
    (line ?? '')
      .replace(/[*_`>|]/g, '')
      .replace(/\s+/g, ' ')
      .trim() || '(see the card)'
  )
}

function stageOf(emu: Emulator, n: number): string {
  const stage = labelNames(emu.getIssue(DEMO_REPO, n)).find((l) => l.startsWith('stage/'))
  return stage ?? 'without a stage label'
}

function occurrences(emu: Emulator, n: number): string {
  const m = /(\d+)\s+occurrences?|occurrences?:?\s*\**\s*(\d+)|fired\s+(\d+)\s+times?/i.exec(cardOf(emu, n))
  return m ? `the card counts ${m[1] ?? m[2] ?? m[3]} occurrences` : 'repeats are counted in the card'
}

function countMarked(emu: Emulator, n: number, kind: string): number {
  return emu.listComments(DEMO_REPO, n).filter((c) => c.body?.startsWith(`<!-- incidentops:${kind}:`)).length
}

function findIncident(emu: Emulator, prefix: string): number {
  return emu.listIssues(DEMO_REPO).find((i) => i.title.startsWith(prefix))?.number ?? 0
}

function postmortems(emu: Emulator): RestIssue[] {
  return emu
    .listIssues(DEMO_REPO)
    .filter((i) => labelNames(i).includes('postmortem') || (i.body ?? '').startsWith('<!-- incidentops:postmortem:'))
}

// ---------- the output: markdown files and one HTML page ----------

/** One issue thread as GitHub shows it: title, state, labels, assignees, body, then every comment in order. */
export function renderThread(emu: Emulator, repo: string, n: number): string {
  const issue = emu.getIssue(repo, n)
  const labels = labelNames(issue)
  const assignees = (issue.assignees ?? []).map((a) => `@${a.login}`)
  const state =
    issue.state === 'open' ? 'Open' : `Closed${issue.state_reason ? ` (${issue.state_reason.replace('_', ' ')})` : ''}`
  const parts = [
    `# ${issue.title} #${n}`,
    '',
    `**${state}** · opened by **@${issue.user?.login ?? 'ghost'}** at ${issue.created_at.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, ' UTC')}`,
    '',
    `Labels: ${labels.length ? labels.map((l) => `\`${l}\``).join(' ') : '—'}${assignees.length ? ` · Assignees: ${assignees.join(', ')}` : ''}`,
    '',
    '<!-- thread:body -->',
    '',
    issue.body ?? '*No description provided.*',
  ]
  for (const c of emu.listComments(repo, n)) {
    const when = c.created_at.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, ' UTC')
    const edited = c.updated_at && c.updated_at !== c.created_at ? ` (edited ${c.updated_at.slice(11, 16)})` : ''
    parts.push(
      '',
      '---',
      '',
      `<!-- thread:comment -->`,
      `**@${c.user?.login ?? 'ghost'}** commented at ${when}${edited}:`,
      '',
      c.body ?? '',
    )
  }
  return parts.join('\n') + '\n'
}

/** The board as GitHub's board view shows it: one column per Status option, a card per issue. */
export function renderBoard(emu: Emulator, repo: string, when: string): string {
  const items = emu.projectItems(OWNER, PROJECT)
  const at = emu.clock.now().toISOString().slice(0, 16).replace('T', ' ')
  const lines = [
    `# Board "Incidents" ${when} (${at} UTC)`,
    '',
    'The Projects (v2) board: one column per stage (the Status field); each card shows the fields IncidentOps keeps in step.',
    '',
  ]
  const known = new Set(COLUMNS)
  const columns = [
    ...COLUMNS,
    ...new Set(items.map((i) => i.fields.Status ?? 'No Status').filter((s) => !known.has(s))),
  ]
  for (const col of columns) {
    const cards = items.filter((i) => (i.fields.Status ?? 'No Status') === col)
    lines.push(`## ${col} (${cards.length})`, '')
    if (cards.length === 0) lines.push('*empty*', '')
    for (const it of cards) {
      const issue = emu.getIssue(it.issue.repo, it.issue.number)
      const f = it.fields
      const facts = [
        f.Priority && `**${f.Priority}**`,
        f.Service && `service: ${f.Service}`,
        f.Started && `started ${f.Started}`,
        f.Resolved && `resolved ${f.Resolved}`,
      ].filter(Boolean)
      lines.push(
        `- **#${it.issue.number}** ${issue.title}${it.issue.repo !== repo ? ` (${it.issue.repo})` : ''}  `,
        `  ${facts.join(' · ') || '—'}`,
      )
    }
    if (cards.length) lines.push('')
  }
  return lines.join('\n') + '\n'
}

interface Written {
  form: number
  /** The alert storm's incident; null in the quick demo. */
  alert: number | null
  postmortems: number[]
  report: number | null
  skipped: string[]
  boards: string[]
}

function writeOutput(emu: Emulator, outDir: string, w: Written): string[] {
  mkdirSync(outDir, { recursive: true })
  const files: string[] = []
  const sections: PageSection[] = []
  const write = (name: string, text: string): void => {
    writeFileSync(join(outDir, name), text)
    files.push(name)
  }
  const threads: [string, number, string][] = [
    ['Incident from the form', w.form, `issue-${w.form}.md`],
    ...(w.alert === null
      ? []
      : [['Incident from the alert storm', w.alert, `issue-${w.alert}.md`] as [string, number, string]]),
    ...w.postmortems.map((n): [string, number, string] => ['Postmortem', n, `postmortem-${n}.md`]),
  ]
  for (const [label, n, file] of threads) {
    const md = renderThread(emu, DEMO_REPO, n)
    write(file, md)
    sections.push({ id: file.replace(/\.md$/, ''), nav: `${label} #${n}`, markdown: md })
  }
  const board = w.boards.join('\n')
  write('board.md', board)
  sections.push({ id: 'board', nav: 'Board', markdown: board, kind: 'board' })
  if (w.report !== null) {
    const md = renderThread(emu, DEMO_REPO, w.report)
    write('report.md', md)
    sections.push({ id: 'report', nav: `Weekly report #${w.report}`, markdown: md })
  }
  const notes = w.skipped.length ? w.skipped : []
  write(
    'index.html',
    renderPage(
      {
        title: `IncidentOps demo — ${DEMO_REPO}`,
        intro: `What a person would see on GitHub after the demo: the real action bundle ran every step against a local GitHub emulator. Generated ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC (emulated time: 2026-11-26 → 2026-11-30).`,
        notes,
        sections,
        repo: DEMO_REPO,
      },
      mermaidBundle(),
    ),
  )
  write(
    'README.md',
    [
      '# IncidentOps demo output',
      '',
      'Written by `npm start` (`incidentops demo`). Open `index.html` in a browser, or read the markdown:',
      '',
      ...files.filter((f) => f.endsWith('.md')).map((f) => `- [${f}](${f})`),
      '',
      ...notes.map((n) => `> ${n}`),
    ].join('\n') + '\n',
  )
  return files
}
