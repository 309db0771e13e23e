/**
 * The weekly reliability report (`mode: report`, any event): load every incident with one GraphQL
 * page per 100 → build the report (pure, src/report) → render → plan the report issue → apply →
 * JSON file, job summary and outputs. The CLI's `incidentops report` shares the loading and the
 * building, and writes nothing to GitHub.
 *
 * The window ends at 00:00 UTC of the day of the run, by GitHub's clock (the Date header of its
 * responses): a weekly cron that runs late, or a re-run later the same day, reports on the same
 * window with the same figures, so it finds its issue and writes nothing when nothing changed.
 */
import { dirname, join } from 'node:path'
import * as core from '@actions/core'
import type { AppliedEffect } from '../apply.js'
import type { Effect } from '../plan.js'
import { Executor } from '../apply.js'
import type { RunOutcome } from '../outcome.js'
import { loadConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import { OctokitPort, createOctokit } from '../github/octokit.js'
import { GITHUB_LIMITS, type ApiLimits } from '../github/limits.js'
import { RequestLimiter, realClock } from '../github/limiter.js'
import type { GitHubPort, IncidentPage, IncidentQuery, LabelSpec, RepoRef } from '../github/port.js'
import type { Inputs } from '../inputs.js'
import { buildReport } from '../report/build.js'
import { count } from '../report/format.js'
import { collectIncidents } from '../report/load.js'
import { onCallLoad, renderLoad } from '../oncall/load.js'
import { writeCalendars } from '../oncall/ics-files.js'
import type { IncidentRecord } from '../domain/record.js'
import { planReport, reportJsonPath, writeReportJson, type ReportIssue } from '../report/publish.js'
import { DEFAULT_MAX_CHARS, renderReport } from '../report/render.js'
import type { ReportData, ReportIncident, ReportOptions } from '../report/types.js'
import { logSafe } from '../log-safe.js'
import { collectGarbage } from '../memory.js'
import { doraForReport } from '../changes/report.js'
import type { DoraReport } from '../changes/dora.js'
import { renderDora } from '../render/dora.js'
import { buildForecast } from '../history/forecast.js'
import { renderForecast } from '../history/render.js'
import { HISTORY_BRANCH, HISTORY_PATH, IndexBuilder, pastIncident } from '../history/index-file.js'
import { planIndex } from '../history/lookup.js'

const DAY = 86_400_000
const STATES: IncidentQuery['states'] = ['OPEN', 'CLOSED']
/** The labels asked for before the config is known (they are the defaults; a config that changes them costs one more request). */
const DEFAULT_INCIDENT_LABEL = 'incident'
const DEFAULT_REPORT_LABEL = 'reliability-report'
/** The history index (src/history/): where it stands is read with the first page, so its write needs no read. */
const INDEX_FILE = { branch: HISTORY_BRANCH, path: HISTORY_PATH }
/** From this many incidents, a full collection between phases is worth its ~50 ms (src/memory.ts). */
const LARGE_HISTORY = 10_000
/** While loading, a collection every this many incidents (src/memory.ts). */
const GC_EVERY = 5_000

export interface GatherOptions {
  /** The repository the run belongs to: its config applies, and its report issues are listed. */
  port: GitHubPort
  repo: RepoRef
  /** A port for another repository of the organisation (organisation scope). */
  portFor: (repo: RepoRef) => GitHubPort
  /** The config text from a checkout: a string, null (no file there), undefined (no checkout: read it through the API). */
  local: string | null | undefined
  configPath: string
  log: (line: string) => void
  /** The report's end, known once GitHub answered: each incident's milestones are rebuilt as of then. */
  asOf?: () => string | undefined
  /** Sees each incident of the home repository as its page arrives, in repository scope (the history index is built from them). */
  visit?: (snap: IncidentPage['incidents'][number]) => void
}

export interface Gathered {
  config: Config
  incidents: ReportIncident[]
  /** Incidents counted from their issue's dates because their card was not in the comments read. */
  withoutCard: number
  /** Report issues of the home repository, newest first. */
  reportIssues: ReportIssue[]
  /** Repositories read (1 in repository scope). */
  repositories: number
  /** GraphQL pages read, the organisation's repository listing included. */
  pages: number
  /** The incidents' records (those with a card): the on-call load is computed from them. */
  records: IncidentRecord[]
  /** The home repository's labels (the history index's label tells whether the index exists). */
  repoLabels: LabelSpec[]
  /** The report label's GraphQL id (null: the repository has no such label yet). */
  reportLabelId: string | null
  /** Where the history index stands on its branch, read with the first page. */
  indexFile: IncidentPage['file']
}

const sameLabel = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
const fullName = (r: RepoRef): string => `${r.owner}/${r.repo}`

/**
 * Loads every incident of the scope. The home repository's first page also carries the config
 * (when there is no checkout) and the report issues, so a repository with N incidents costs
 * ⌈N/100⌉ requests (at least 1). Organisation scope adds ⌈R/100⌉ for the listing of R repositories
 * and ⌈n/100⌉ for each other repository that has n > 0 incidents.
 */
export async function gatherIncidents(o: GatherOptions): Promise<Gathered> {
  const incidents: ReportIncident[] = []
  const home = fullName(o.repo)
  let config: Config
  let pages: AsyncGenerator<IncidentPage>
  let first: IncidentPage | undefined
  let extra = 0
  if (o.local !== undefined) {
    config = loadConfig(o.local, o.configPath)
    pages = o.port.incidentPages({
      label: config.labels.incident,
      states: STATES,
      labelled: config.report.label,
      withRepoLabels: true,
      file: INDEX_FILE,
    })
  } else {
    pages = o.port.incidentPages({
      label: DEFAULT_INCIDENT_LABEL,
      states: STATES,
      configPath: o.configPath,
      labelled: DEFAULT_REPORT_LABEL,
      withRepoLabels: true,
      file: INDEX_FILE,
    })
    const r = await pages.next()
    first = r.done ? undefined : r.value
    config = loadConfig(first?.configText ?? null, o.configPath)
    if (
      !sameLabel(config.labels.incident, DEFAULT_INCIDENT_LABEL) ||
      !sameLabel(config.report.label, DEFAULT_REPORT_LABEL)
    ) {
      // The config renames the labels: the page read with the defaults is not the right one.
      await pages.return(undefined)
      extra = first ? 1 : 0
      first = undefined
      pages = o.port.incidentPages({
        label: config.labels.incident,
        states: STATES,
        labelled: config.report.label,
        withRepoLabels: true,
        file: INDEX_FILE,
      })
    }
  }
  // The history index is kept in repository scope only: an organisation's report builds none.
  const visit = config.report.scope === 'organization' ? undefined : o.visit
  const got = await collectIncidents(pages, home, config, incidents, first, o.asOf, visit)
  o.log(`${home}: ${count(got.pages)} page(s), ${count(incidents.length)} incidents.`)
  let withoutCard = got.withoutCard
  const records = [...got.records]
  let total = got.pages + extra
  let repositories = 1
  if (config.report.scope === 'organization') {
    const repos = await o.port.orgRepositories(o.repo.owner, config.labels.incident)
    total += Math.max(1, Math.ceil(repos.length / 100))
    for (const r of repos) {
      const name = fullName(r)
      if (name.toLowerCase() === home.toLowerCase() || r.incidents === 0) continue
      const before = incidents.length
      const c = await collectIncidents(
        o.portFor(r).incidentPages({ label: config.labels.incident, states: STATES }),
        name,
        config,
        incidents,
        undefined,
        o.asOf,
      )
      withoutCard += c.withoutCard
      records.push(...c.records)
      total += c.pages
      repositories++
      o.log(`${name}: ${count(c.pages)} page(s), ${count(incidents.length - before)} incidents.`)
    }
  }
  return {
    config,
    incidents,
    withoutCard,
    reportIssues: got.labelled ?? [],
    repositories,
    pages: total,
    repoLabels: got.repoLabels ?? [],
    records,
    reportLabelId: got.labelledLabelId ?? null,
    indexFile: got.file,
  }
}

/** The end of the report window: 00:00 UTC of the day `at` falls in. */
export function reportEnd(at: Date): string {
  return new Date(Math.floor(at.getTime() / DAY) * DAY).toISOString()
}

/** The report's options from the config, the end of the window and the scope. */
export function reportOptions(config: Config, end: string, scope: string, windowDays?: number): ReportOptions {
  const r = config.report
  return {
    now: end,
    windowDays: windowDays ?? r.windowDays,
    historyWeeks: r.historyWeeks,
    slo: r.sloTarget !== null ? { target: r.sloTarget } : null,
    costPerHour: r.costPerHour,
    currency: r.currency,
    downtimePriorities: r.downtimePriorities,
    scope,
  }
}

/** `owner/name`, or `org owner` in organisation scope. */
export const scopeName = (config: Config, repo: RepoRef): string =>
  config.report.scope === 'organization' ? `org ${repo.owner}` : fullName(repo)

/**
 * The report as data and as markdown. Incidents counted without their card are said so under the
 * introduction (and in the JSON as `input.withoutCard`).
 */
export function composeReport(
  g: Pick<Gathered, 'incidents' | 'withoutCard'> & Partial<Pick<Gathered, 'records' | 'config'>>,
  opts: ReportOptions,
  /** DORA's figures (repository scope), appended as their own section. */
  dora?: DoraReport,
): { data: ReportData; markdown: string } {
  const composed = composeBase(g, opts, dora)
  // The on-call load (src/oncall/load.ts), when the config has schedules: after the report.
  const load =
    g.config?.oncall.schedules.length && g.records
      ? renderLoad(
          onCallLoad(g.records, g.config, composed.data.current.period.start, composed.data.current.period.end),
        )
      : ''
  return load ? { ...composed, markdown: `${composed.markdown}\n\n${load}` } : composed
}

function composeBase(
  g: Pick<Gathered, 'incidents' | 'withoutCard'>,
  opts: ReportOptions,
  /** DORA's figures (repository scope), appended as their own section. */
  dora?: DoraReport,
  /** Room for the whole report (GitHub's issue body limit, less what is appended after it). */
  maxChars = DEFAULT_MAX_CHARS,
): { data: ReportData; markdown: string } {
  if (dora) {
    // The report is fitted to the room DORA's section leaves, so its history section and the
    // note on incidents without a card stay in it however long it is.
    const section = `\n\n${renderDora(dora)}\n`
    const inner = composeBase(g, opts, undefined, maxChars - section.length)
    inner.data.dora = dora
    return { data: inner.data, markdown: `${inner.markdown.replace(/\n*$/, '')}${section}` }
  }
  const data = buildReport(g.incidents, opts)
  data.input.withoutCard = g.withoutCard
  // The forecast and the recurrences (src/history/), placed before the incident list.
  const history = historySection(g.incidents, data, opts)
  const withHistory = (markdown: string): string => {
    const at = markdown.indexOf('\n### Incidents')
    return at < 0 ? `${markdown}\n\n${history}` : `${markdown.slice(0, at)}\n${history}\n${markdown.slice(at)}`
  }
  const room = maxChars - history.length - 4
  if (g.withoutCard === 0) return { data, markdown: withHistory(renderReport(data, { maxChars: room })) }
  const note = `\n\n_${count(g.withoutCard)} incident${g.withoutCard === 1 ? ' has' : 's have'} no IncidentOps card among the comments read (the first 3 and the last 20): counted with the issue's own dates: started and declared when opened; acknowledged, mitigated and resolved when closed (while open: none of them yet, an open lower bound); dismissed if closed as not planned; priority from its label._`
  const markdown = withHistory(renderReport(data, { maxChars: room - note.length }))
  const at = markdown.indexOf('\n\n### ')
  return { data, markdown: at < 0 ? markdown : markdown.slice(0, at) + note + markdown.slice(at) }
}

/** The forecast, its calibration and the window's possible recurrences, as a report section. */
function historySection(incidents: readonly ReportIncident[], data: ReportData, opts: ReportOptions): string {
  const forecast = renderForecast(buildForecast(incidents, opts.now, opts.observedSince))
  const { start, end } = data.current.period
  const rec = incidents
    .filter((i) => i.recurrenceOf && !i.dismissed && i.declaredAt > start && i.declaredAt <= end)
    .sort((a, b) => a.number - b.number)
  const line = rec.length
    ? `- **Possible recurrences in this window:** ${rec.length} (${rec.map((i) => `#${i.number} of #${i.recurrenceOf}`).join(', ')}): the best match was less than 30 days old and its follow-ups were still open.`
    : '- **Possible recurrences in this window:** 0.'
  return `${forecast}\n${line}\n`
}

/**
 * Octokit ports for any repository, and GitHub's clock: the Date header of its latest response
 * (the local clock until one arrives), so the window follows GitHub's day, and the emulator's in tests.
 */
export function octokitPorts(
  token: string,
  baseUrl: string,
  warn: (m: string) => void,
  limits: ApiLimits = GITHUB_LIMITS,
): { portFor: (r: RepoRef) => GitHubPort; now: () => Date } {
  let serverNow: Date | null = null
  // One token, one limiter, however many repositories an organisation report reads.
  const limiter = new RequestLimiter(limits)
  const portFor = (r: RepoRef): GitHubPort => {
    const octokit = createOctokit({ token, repo: r, baseUrl, warn, limiter })
    octokit.hook.after('request', (response) => {
      const d = Date.parse(String(response.headers.date ?? ''))
      if (Number.isFinite(d)) serverNow = new Date(d)
    })
    return new OctokitPort(octokit, r, { retries: 4, baseMs: limits.retryBaseMs, sleep: realClock.sleep })
  }
  return { portFor, now: () => serverNow ?? new Date() }
}

export interface ReportModeOptions {
  env: Record<string, string | undefined>
  inputs: Inputs
  repo: RepoRef
  baseUrl: string
  /** The config text from a checkout (see GatherOptions.local). */
  local: string | null | undefined
  budget: number
}

/**
 * `mode: report` in the action: gathers, builds, publishes (issue, JSON file, job summary) and sets
 * the outputs `report-issue`, `report-json` and `actions`. Errors propagate to main.ts.
 */
export async function runReportMode(o: ReportModeOptions): Promise<RunOutcome> {
  const ports = octokitPorts(o.inputs.githubToken, o.baseUrl, (m) => core.warning(logSafe(m)), o.inputs.limits)
  const { portFor } = ports
  const port = portFor(o.repo)
  core.startGroup('Reliability report: loading incidents')
  // The history index's rows, encoded as the pages arrive (not kept as objects: 50,000 incidents).
  const past = new IndexBuilder()
  const g = await gatherIncidents({
    visit: (snap) => {
      past.add(pastIncident(snap))
      // Every 5,000 incidents, the pages read so far are garbage: collected (src/memory.ts).
      if (past.count % GC_EVERY === 0) collectGarbage()
    },
    port,
    repo: o.repo,
    portFor,
    local: o.local,
    configPath: o.inputs.configPath,
    log: (l) => core.info(logSafe(l)),
    asOf: () => reportEnd(ports.now()),
  })
  core.endGroup()
  const end = reportEnd(ports.now())
  // The history index, from the incidents just read: kept by this run, read by every declaration.
  // Repository scope only: a declaration searches its own repository's index. Encoded before the
  // report is built, so its rows are garbage by then (50,000 incidents: about 10 MB).
  let indexEffects: Effect[] = []
  if (g.config.report.scope !== 'organization') {
    const index = await planIndex(port, past, end, g.repoLabels, g.indexFile)
    core.info(
      `History index: ${count(index.incidents)} incidents, ${count(index.bytes)} bytes${index.effects.length ? '' : ', unchanged'}.`,
    )
    indexEffects = index.effects
  }
  past.clear()
  // A large history: the pages read are garbage now; collected before the report is built (src/memory.ts).
  const large = g.incidents.length >= LARGE_HISTORY
  if (large) collectGarbage()
  // DORA needs the repository's changes: repository scope only (an organisation's repositories ship apart).
  const dora =
    g.config.changes.dora && g.config.report.scope === 'repository'
      ? await doraForReport(port, g.incidents, g.config, end)
      : undefined
  const { data, markdown } = composeReport(g, reportOptions(g.config, end, scopeName(g.config, o.repo)), dora)
  const read = g.incidents.length
  if (large) {
    // The report is built: the incidents and their records are not read again. Let go of them, and
    // collect, before the writes and the JSON file (src/memory.ts).
    g.incidents.length = 0
    g.records.length = 0
    collectGarbage()
  }
  core.info(
    `Report ${data.current.period.start} → ${data.current.period.end}: ${count(data.current.declared)} incidents declared in the window, ${count(read)} read with ${count(g.pages)} GraphQL page(s) over ${count(g.repositories)} repositor${g.repositories === 1 ? 'y' : 'ies'}.`,
  )
  if (g.withoutCard > 0)
    core.warning(
      `${g.withoutCard} incidents have no readable IncidentOps card in the comments read; they are counted from their issue's dates.`,
    )

  const plan = planReport(data, markdown, g.reportIssues, g.config.report.label, g.reportLabelId)
  const exec = new Executor(
    { github: port },
    { dryRun: o.inputs.dryRun, budget: o.budget, log: (l) => core.info(logSafe(l)) },
  )
  // The report issue and the index in one request when both are written (one mutation, not two
  // spaced 1 s apart); one by one otherwise (the first index: its branch and label are created).
  const all: AppliedEffect[] = await exec.applyTogether([...plan.effects, ...indexEffects])
  const applied = all.slice(0, plan.effects.length)
  const indexApplied = all.slice(plan.effects.length)
  const issue = plan.issue ?? applied.find((a) => a.kind === 'create-issue' && a.status === 'done')?.issue ?? null
  if (applied.length === 0) core.info(`Report issue #${issue} is up to date: nothing to write.`)

  const jsonPath = reportJsonPath(g.config.report.json, o.env, process.cwd())
  writeReportJson(jsonPath, data)
  core.info(`Report data written to ${jsonPath}.`)
  // The on-call calendars, as files next to the JSON: a later step publishes them (docs/oncall.md).
  const ics = writeCalendars(g.config, join(dirname(jsonPath), 'oncall-ics'), Date.parse(end))
  if (ics) core.info(`On-call calendars written to ${ics.dir}: ${ics.files.join(', ')}.`)

  const rows = [...applied, ...indexApplied].map((a) => `| ${a.status} | ${a.description.replace(/\|/g, '\\|')} |`)
  const writes = rows.length
    ? ['| status | write |', '|---|---|', ...rows]
    : ['_No writes: the report issue is up to date._']
  const where =
    issue !== null ? `Published as issue #${issue}.` : o.inputs.dryRun ? '_Dry run: nothing was written._' : ''
  return {
    outputs: {
      'report-issue': issue === null ? '' : String(issue),
      'report-json': jsonPath,
      'oncall-ics': ics?.dir ?? '',
      actions: JSON.stringify([...applied, ...indexApplied]),
    },
    summary: { raw: [markdown, '', '---', '', where, '', ...writes, ''].join('\n') },
    problems: [],
  }
}
