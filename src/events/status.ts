/**
 * `mode: status` (any event): read every incident with one GraphQL page per 100 (the report's query;
 * the first page also carries the config when there is no checkout) → the page as data (pure,
 * src/status/model.ts) → the static site written to `status-dir`, for the official
 * upload-pages-artifact and deploy-pages actions. It writes nothing to GitHub.
 */
import { resolve } from 'node:path'
import * as core from '@actions/core'
import { loadConfig } from '../config/load.js'
import type { Config } from '../config/types.js'
import type { GitHubPort, IncidentPage, IncidentQuery, RepoRef } from '../github/port.js'
import type { Inputs } from '../inputs.js'
import { logSafe } from '../log-safe.js'
import type { RunOutcome } from '../outcome.js'
import { decodeRecord, findCard } from '../domain/record.js'
import { servicesOf } from '../report/load.js'
import { octokitPorts } from './report.js'
import { buildStatusPage, type StatusSource, type StatusPageData } from '../status/model.js'
import { buildSite, writeSite } from '../status/site.js'
import { decodeMaintenance, findMaintenanceCard, type MaintenanceRecord } from '../maintenance/record.js'
import type { LabelSpec } from '../github/port.js'
import { needsSweep } from '../maintenance/record.js'
import { SWEEP_ON_LABEL } from './calm.js'
import { withCard } from './maintenance.js'

/** Without `status.maintenance.wake_before`, the page still says when a sleeping sweep is needed: this long before a start or end. */
const DEFAULT_WAKE_MS = 2 * 3_600_000

const STATES: IncidentQuery['states'] = ['OPEN', 'CLOSED']
const DEFAULT_INCIDENT_LABEL = 'incident'

export interface StatusLoaded {
  config: Config
  sources: StatusSource[]
  /** Incidents read (published or not). */
  read: number
  /** GraphQL pages read. */
  pages: number
  /** Scheduled maintenances (records from our own cards on issues with the maintenance label). */
  maintenances: MaintenanceRecord[]
  /** The sweep's marker label (`incidentops/sweep-on`) is there: the sweep is on. */
  sweepOn: boolean
}

/** The record and services of one incident page's issues; issues without a readable card of ours are skipped (they were never published). */
export function statusSources(page: IncidentPage): StatusSource[] {
  const out: StatusSource[] = []
  for (const issue of page.incidents) {
    const card = findCard(issue.comments)
    const record = card ? decodeRecord(card.body) : null
    if (record && record.number === issue.number) out.push({ record, services: servicesOf(issue.labels) })
  }
  return out
}

/**
 * Every incident of the repository, open and closed: ⌈N/100⌉ requests (at least 1), one more when
 * the config (read through the API) renames the incident label.
 */
export async function loadStatusSources(
  port: GitHubPort,
  local: string | null | undefined,
  configPath: string,
): Promise<StatusLoaded> {
  let config: Config
  let pages: AsyncGenerator<IncidentPage>
  let first: IncidentPage | undefined
  let extra = 0
  if (local !== undefined) {
    config = loadConfig(local, configPath)
    pages = port.incidentPages({ label: config.labels.incident, states: STATES, withRepoLabels: true })
  } else {
    pages = port.incidentPages({ label: DEFAULT_INCIDENT_LABEL, states: STATES, configPath, withRepoLabels: true })
    const r = await pages.next()
    first = r.done ? undefined : r.value
    config = loadConfig(first?.configText ?? null, configPath)
    if (config.labels.incident.toLowerCase() !== DEFAULT_INCIDENT_LABEL) {
      await pages.return(undefined)
      extra = first ? 1 : 0
      first = undefined
      pages = port.incidentPages({ label: config.labels.incident, states: STATES, withRepoLabels: true })
    }
  }
  const out: StatusLoaded = { config, sources: [], read: 0, pages: extra, maintenances: [], sweepOn: false }
  let repoLabels: LabelSpec[] | undefined
  const take = (p: IncidentPage): void => {
    repoLabels ??= p.repoLabels
    out.pages++
    out.read += p.incidents.length
    out.sources.push(...statusSources(p))
  }
  if (first) take(first)
  for await (const p of pages) take(p)
  out.sweepOn = !!repoLabels?.some((l) => l.name.toLowerCase() === SWEEP_ON_LABEL.name)
  // Maintenances only when the repository has their label: a page without any costs no request more.
  const label = config.status.maintenance.label.toLowerCase()
  if (repoLabels?.some((l) => l.name.toLowerCase() === label))
    for await (const p of port.incidentPages({ label: config.status.maintenance.label, states: STATES })) {
      out.pages++
      for (const listed of p.incidents) {
        if (listed.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase())) continue
        const issue = await withCard(port, listed)
        const card = findMaintenanceCard(issue.comments)
        const record = card ? decodeMaintenance(card.body) : null
        if (record && record.number === issue.number) out.maintenances.push(record)
      }
    }
  return out
}

export interface StatusModeOptions {
  env: Record<string, string | undefined>
  inputs: Inputs
  repo: RepoRef
  baseUrl: string
  local: string | null | undefined
}

/** `mode: status` in the action: loads, builds, writes the site; outputs `status-dir` and `status-indicator`. */
export async function runStatusMode(o: StatusModeOptions): Promise<RunOutcome> {
  const ports = octokitPorts(o.inputs.githubToken, o.baseUrl, (m) => core.warning(logSafe(m)), o.inputs.limits)
  const port = ports.portFor(o.repo)
  const full = `${o.repo.owner}/${o.repo.repo}`
  const loaded = await loadStatusSources(port, o.local, o.inputs.configPath)
  const now = ports.now().toISOString()
  const data: StatusPageData = buildStatusPage(loaded.sources, loaded.config, full, now, loaded.maintenances)
  const files = buildSite(data, full)
  const dir = resolve(o.env.GITHUB_WORKSPACE || process.cwd(), o.inputs.statusDir)
  writeSite(dir, files)
  const open = data.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem').length
  const line = `Status page: ${data.description} (${data.indicator}); ${data.incidents.length} published incident(s), ${open} open, of ${loaded.read} read with ${loaded.pages} GraphQL page(s); ${data.maintenances.length} scheduled maintenance(s); ${data.components.length} component(s); ${Object.keys(files).length} files written to ${dir}.`
  core.info(logSafe(line))
  // A maintenance starts or ends soon and the sweep sleeps: the workflow wakes it (`sweep-needed`).
  const wake = loaded.config.status.maintenance.wakeBeforeMs ?? DEFAULT_WAKE_MS
  const sweepNeeded = !loaded.sweepOn && loaded.maintenances.some((m) => needsSweep(m, now, wake))
  if (sweepNeeded)
    core.info('A scheduled maintenance starts or ends soon and the sweep is asleep: output sweep-needed=true.')
  return {
    outputs: {
      'status-dir': dir,
      'status-indicator': data.indicator,
      'sweep-needed': String(sweepNeeded),
      actions: '[]',
    },
    summary: {
      head: [
        `### IncidentOps status page: ${data.description}`,
        line,
        ...data.components.map((c) => `- ${c.name}: ${c.status.replace(/_/g, ' ')}`),
      ],
      applied: [],
    },
    problems: [],
  }
}
