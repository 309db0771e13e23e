/**
 * DORA's four keys from the changes a repository shipped and the incidents it recorded: deployment
 * frequency, lead time for changes, change failure rate and failed deployment recovery time, per
 * service and overall, each with its numerator, denominator and source, and the performance band it
 * falls in (docs/metrics.md, "Delivery (DORA)"). Pure.
 */
import picomatch from 'picomatch'
import type { Cause } from './cause.js'
import type { FrequencySource } from './config.js'
import type { ChangeDeployment, ChangePull, ChangeSet } from './types.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEK = 7 * DAY
/** DORA's "month" in its bands. */
const MONTH = 30 * DAY

export type Band = 'elite' | 'high' | 'medium' | 'low'

export interface DoraIncident {
  number: number
  services: string[]
  startedAt: string
  resolvedAt: string | null
  dismissed: boolean
  cause?: Cause
}

export interface DoraInput {
  changes: ChangeSet
  incidents: readonly DoraIncident[]
  /** The period measured: (start, end]. */
  start: string
  end: string
  environment: string
  frequency: FrequencySource
  /** The services catalog's code paths, to attribute pull requests (and the deployments that shipped them) to services. */
  services: readonly { name: string; paths: readonly string[] }[]
}

export interface DoraFigures {
  /** What deployment frequency counted. */
  source: 'deployments' | 'releases' | 'merges'
  deploymentFrequency: {
    /** Changes shipped in the period. */
    numerator: number
    /** Days in the period. */
    denominator: number
    perDay: number
    perWeek: number
    band: Band | null
  }
  leadTime: {
    /** Median ms, first commit → the successful deployment that shipped it (→ merge or release without deployments). */
    medianMs: number | null
    /** Pull requests measured. */
    n: number
    band: Band | null
  }
  changeFailureRate: {
    /** Deployments (releases, merges) named by a confirmed incident cause. */
    numerator: number
    /** Deployments (releases, merges) in the period. */
    denominator: number
    rate: number | null
    band: Band | null
  }
  recoveryTime: {
    /** Median ms from the start to the resolution of incidents caused by a change shipped in the period. */
    medianMs: number | null
    /** Resolved incidents measured. */
    n: number
    /** Such incidents not resolved yet (left out of the median). */
    open: number
    band: Band | null
  }
}

export interface DoraReport {
  period: { start: string; end: string; days: number }
  environment: string
  overall: DoraFigures
  services: ({ service: string } & DoraFigures)[]
}

/** DORA's bands (2023 report's clusters, see docs/metrics.md): thresholds at or below which a figure is in a band. */
export function frequencyBand(perDay: number): Band {
  if (perDay >= 1) return 'elite'
  if (perDay * 7 >= 1) return 'high'
  if (perDay * 30 >= 1) return 'medium'
  return 'low'
}
export function leadTimeBand(ms: number): Band {
  if (ms < DAY) return 'elite'
  if (ms <= WEEK) return 'high'
  if (ms <= MONTH) return 'medium'
  return 'low'
}
export function failureRateBand(rate: number): Band {
  if (rate <= 0.05) return 'elite'
  if (rate <= 0.1) return 'high'
  if (rate <= 0.15) return 'medium'
  return 'low'
}
export function recoveryBand(ms: number): Band {
  if (ms < HOUR) return 'elite'
  if (ms < DAY) return 'high'
  if (ms <= WEEK) return 'medium'
  return 'low'
}

function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** When a deployment succeeded (its first `success` status), or null when it never did. */
export function succeededAt(d: ChangeDeployment): string | null {
  return d.statuses.find((s) => s.state.toLowerCase() === 'success')?.at ?? null
}

/** A shipped unit: what frequency counts, what a cause can name, and the pull requests in it. */
interface Unit {
  kind: 'deployment' | 'release' | 'merge'
  key: string
  /** When it reached users. */
  at: string
  sha: string | null
  deploymentId?: number
  pulls: ChangePull[]
}

/**
 * The units of the period: successful deployments to the environment, releases, or merges. A pull
 * request is shipped by the first unit at or after its merge (the same commit, or a later one).
 */
function unitsOf(input: DoraInput, source: DoraFigures['source']): Unit[] {
  const { changes } = input
  const env = input.environment.toLowerCase()
  let units: Unit[]
  if (source === 'deployments')
    units = changes.deployments
      .filter((d) => d.environment.toLowerCase() === env && succeededAt(d) !== null)
      .map((d) => ({
        kind: 'deployment',
        key: `deployment ${d.id}`,
        at: succeededAt(d)!,
        sha: d.sha,
        deploymentId: d.id,
        pulls: [],
      }))
  else if (source === 'releases')
    units = changes.releases.map((r) => ({ kind: 'release', key: `release ${r.tag}`, at: r.at, sha: r.sha, pulls: [] }))
  else
    units = changes.pulls.map((p) => ({
      kind: 'merge',
      key: `#${p.number}`,
      at: p.mergedAt,
      sha: p.mergeSha,
      pulls: [p],
    }))
  units.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key))
  if (source !== 'merges')
    for (const p of changes.pulls) {
      const exact = units.find((u) => u.sha !== null && u.sha === p.mergeSha)
      const next = exact ?? units.find((u) => Date.parse(u.at) >= Date.parse(p.mergedAt))
      next?.pulls.push(p)
    }
  return units
}

/** The unit a confirmed cause names: a deployment id, a commit, or a pull request (through what shipped it). */
function unitOfCause(c: Cause, units: readonly Unit[]): Unit | undefined {
  switch (c.kind) {
    case 'none':
      return undefined
    case 'deployment':
      return units.find((u) => u.deploymentId === c.id)
    case 'sha':
      return (
        units.find((u) => u.sha?.startsWith(c.sha)) ??
        units.find((u) => u.pulls.some((p) => p.mergeSha?.startsWith(c.sha)))
      )
    case 'pr':
      return (
        (c.deployment !== undefined ? units.find((u) => u.deploymentId === c.deployment) : undefined) ??
        units.find((u) => u.pulls.some((p) => p.number === c.number))
      )
  }
}

function figures(
  units: readonly Unit[],
  input: DoraInput,
  source: DoraFigures['source'],
  incidents: readonly DoraIncident[],
  allUnits: readonly Unit[],
): DoraFigures {
  const start = Date.parse(input.start)
  const end = Date.parse(input.end)
  const inPeriod = units.filter((u) => Date.parse(u.at) > start && Date.parse(u.at) <= end)
  const days = (end - start) / DAY
  const perDay = days > 0 ? inPeriod.length / days : 0

  const leads = inPeriod.flatMap((u) =>
    u.pulls.flatMap((p) => (p.firstCommitAt ? [Math.max(0, Date.parse(u.at) - Date.parse(p.firstCommitAt))] : [])),
  )
  const lead = median(leads)

  const failed = new Set<string>()
  const recoveries: number[] = []
  let open = 0
  for (const i of incidents) {
    if (i.dismissed || !i.cause) continue
    const u = unitOfCause(i.cause, allUnits)
    if (!u || !inPeriod.some((x) => x.key === u.key)) continue
    failed.add(u.key)
    if (i.resolvedAt) recoveries.push(Math.max(0, Date.parse(i.resolvedAt) - Date.parse(i.startedAt)))
    else open++
  }
  const rate = inPeriod.length ? failed.size / inPeriod.length : null
  const recovery = median(recoveries)
  return {
    source,
    deploymentFrequency: {
      numerator: inPeriod.length,
      denominator: Math.round(days * 1000) / 1000,
      perDay,
      perWeek: perDay * 7,
      band: inPeriod.length ? frequencyBand(perDay) : null,
    },
    leadTime: { medianMs: lead, n: leads.length, band: lead === null ? null : leadTimeBand(lead) },
    changeFailureRate: {
      numerator: failed.size,
      denominator: inPeriod.length,
      rate,
      band: rate === null ? null : failureRateBand(rate),
    },
    recoveryTime: {
      medianMs: recovery,
      n: recoveries.length,
      open,
      band: recovery === null ? null : recoveryBand(recovery),
    },
  }
}

/** The source of deployment frequency: the configured one, or (auto) deployments, else releases, else merges. */
export function frequencySource(
  input: Pick<DoraInput, 'changes' | 'environment' | 'frequency'>,
): DoraFigures['source'] {
  if (input.frequency !== 'auto') return input.frequency
  const env = input.environment.toLowerCase()
  if (input.changes.deployments.some((d) => d.environment.toLowerCase() === env)) return 'deployments'
  if (input.changes.releases.length) return 'releases'
  return 'merges'
}

/** DORA's four keys over the period, overall and for each service of the catalog with code paths. */
export function computeDora(input: DoraInput): DoraReport {
  const source = frequencySource(input)
  const units = unitsOf(input, source)
  const overall = figures(units, input, source, input.incidents, units)
  const services = input.services
    .filter((s) => s.paths.length)
    .map((s) => {
      const m = picomatch([...s.paths], { dot: true })
      // A service's units: those that shipped a pull request touching its paths.
      const mine = units.filter((u) => u.pulls.some((p) => p.files.some((f) => m(f))))
      const incidents = input.incidents.filter((i) => i.services.includes(s.name))
      const f = figures(
        mine.map((u) => ({ ...u, pulls: u.pulls.filter((p) => p.files.some((f) => m(f))) })),
        input,
        source,
        incidents,
        units,
      )
      return { service: s.name, ...f }
    })
  const days = (Date.parse(input.end) - Date.parse(input.start)) / DAY
  return { period: { start: input.start, end: input.end, days }, environment: input.environment, overall, services }
}
