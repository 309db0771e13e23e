/**
 * The status page as data (pure): from the incidents' records, the services catalog and GitHub's
 * clock to the components with their status and uptime, the published incidents with their public
 * updates, and the page's overall status. Every output (HTML, Statuspage JSON, Atom, badge) is
 * rendered from this and from nothing else, so what is public is decided here, once.
 *
 * docs/status-page.md has the tables this code follows.
 */
import { createHash } from 'node:crypto'
import type { Config, Priority, Service } from '../config/types.js'
import type { IncidentRecord } from '../domain/record.js'
import { milestones } from '../domain/milestones.js'
import { isActive, type Stage } from '../domain/stages.js'
import { neutralizeMentions } from '../render/markdown.js'
import { isPublic, publicStatusOf, type IncidentStatus } from './public.js'
import type { MaintenanceRecord } from '../maintenance/record.js'
import { isActiveMaintenance, pageMaintenances, type PageMaintenance } from './maintenance.js'

export type ComponentStatus =
  'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance'
export type Impact = 'none' | 'minor' | 'major' | 'critical'
/** The page's overall status: an incident's impact, or `maintenance` (Statuspage's) while only maintenance is under way. */
export type Indicator = Impact | 'maintenance'

/** One incident as read: its record (from our own card) and its `service/<name>` labels. */
export interface StatusSource {
  record: IncidentRecord
  /** Services named by the issue's `service/<name>` labels. */
  services: string[]
}

export interface PageUpdate {
  id: string
  status: IncidentStatus
  body: string
  at: string
}

export interface PageIncident {
  id: string
  name: string
  status: IncidentStatus
  impact: Impact
  /** When it went on the page. */
  createdAt: string
  startedAt: string
  updatedAt: string
  monitoringAt: string | null
  resolvedAt: string | null
  /** Component ids. */
  components: string[]
  /** What it does to its components now (operational once mitigated or resolved). */
  componentStatus: ComponentStatus
  /** Newest first, as Statuspage lists them. */
  updates: PageUpdate[]
}

export interface DayBar {
  /** YYYY-MM-DD (UTC). */
  date: string
  /** 1 − (major + 30 % of partial outage) / the day's length. */
  uptime: number
  majorMs: number
  partialMs: number
  degradedMs: number
}

export interface PageComponent {
  id: string
  name: string
  group: string | null
  position: number
  status: ComponentStatus
  updatedAt: string
  days: DayBar[]
  /** Over the days shown. */
  uptime: number
}

export interface StatusPageData {
  name: string
  url: string | null
  /** GitHub's clock when the page was built. */
  now: string
  indicator: Indicator
  description: string
  components: PageComponent[]
  /** Published incidents, newest first. */
  incidents: PageIncident[]
  /** Public scheduled maintenances, latest window first (src/status/maintenance.ts). */
  maintenances: PageMaintenance[]
}

const DAY = 86_400_000
/** Statuspage counts a partial outage as 30 % of a major one in its uptime, degraded performance not at all. */
export const PARTIAL_WEIGHT = 0.3

/** The status page's overall text for each indicator (Statuspage's wording). */
export const INDICATOR_TEXT: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
}

export const COMPONENT_TEXT: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
}

const IMPACT: Record<Priority, Impact> = { P1: 'critical', P2: 'major', P3: 'minor', P4: 'none' }
const SEVERITY: ComponentStatus[] = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
]
const worse = (a: ComponentStatus, b: ComponentStatus): ComponentStatus =>
  SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a

/**
 * What an open published incident does to its components (docs/status-page.md, "Component status"):
 * while it hurts (triage, investigating, fixing) by priority; once a fix is out (monitoring) P1 and
 * P2 leave it degraded while it is verified; resolved: operational.
 */
export function componentStatusFor(priority: Priority, stage: Stage): ComponentStatus {
  if (!isActive(stage)) return 'operational'
  if (stage === 'monitoring') return priority === 'P1' || priority === 'P2' ? 'degraded_performance' : 'operational'
  return priority === 'P1'
    ? 'major_outage'
    : priority === 'P2'
      ? 'partial_outage'
      : priority === 'P3'
        ? 'degraded_performance'
        : 'operational'
}

/** An incident's public id: stable, and telling nothing of the issue it comes from (its number, its repository). */
export function publicId(repo: string, number: number): string {
  return createHash('sha256').update(`incidentops:${repo.toLowerCase()}#${number}`).digest('hex').slice(0, 12)
}

/** The catalog's service a name (a `service/<name>` label, the record's service) refers to, by name or alias. */
function catalogService(name: string, catalog: readonly Service[]): Service | undefined {
  const n = name.toLowerCase()
  return catalog.find((s) => s.name === n || s.aliases.some((a) => a.toLowerCase() === n))
}

/** A generic public title for an incident published by the rule without one. */
function genericTitle(status: ComponentStatus, priority: Priority, names: string[]): string {
  const what =
    status === 'operational' ? (priority === 'P1' ? 'Major outage' : 'Service disruption') : COMPONENT_TEXT[status]
  return names.length ? `${what}: ${names.join(', ')}` : what
}

/**
 * Builds the page's data. `repo` (`owner/name`) only seeds the public ids; `now` is GitHub's clock.
 */
export function buildStatusPage(
  sources: readonly StatusSource[],
  config: Pick<Config, 'status' | 'services'>,
  repo: string,
  now: string,
  /** The maintenance records (any; only public ones show): their status is derived at `now`. */
  maintenanceRecords: readonly MaintenanceRecord[] = [],
): StatusPageData {
  const nowMs = Date.parse(now)
  const maintenances = pageMaintenances(maintenanceRecords, config.services, repo, now, publicText)
  const catalog = config.services
  const incidents: PageIncident[] = []
  const hits = new Map<string, { start: number; end: number; status: ComponentStatus }[]>()
  for (const { record: r, services } of sources) {
    if (!isPublic(r, config)) continue
    const state = r.status
    const m = milestones(r)
    const ids: string[] = []
    for (const name of [...(r.service ? [r.service] : []), ...services]) {
      const s = catalogService(name, catalog)
      if (s && !ids.includes(s.name)) ids.push(s.name)
    }
    const active = isActive(r.stage)
    // What it did at its worst (for the uptime bars) and what it does now.
    const atWorst = componentStatusFor(r.priority, 'investigating')
    const current = componentStatusFor(r.priority, r.stage)
    const publishedAt = state?.publishedAt ?? m.declaredAt
    const id = publicId(repo, r.number)
    const updates: PageUpdate[] = []
    const stored = state?.updates ?? []
    if (stored.length === 0 || Date.parse(stored[0]!.at) > Date.parse(publishedAt))
      updates.push({
        id: `${id}-0`,
        status: 'investigating',
        body: 'We are investigating this issue.',
        at: publishedAt,
      })
    stored.forEach((u, i) =>
      updates.push({ id: `${id}-${i + 1}`, status: u.status, body: publicText(u.text), at: u.at }),
    )
    const resolvedAt = active ? null : (m.resolvedAt ?? m.closedAt ?? m.mitigatedAt)
    if (resolvedAt)
      updates.push({ id: `${id}-r`, status: 'resolved', body: 'This incident has been resolved.', at: resolvedAt })
    if (!active && state?.postmortem)
      updates.push({
        id: `${id}-p`,
        status: 'postmortem',
        body: publicText(state.postmortem.text),
        at: state.postmortem.at,
      })
    updates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    const names = ids.map((i) => displayName(catalogService(i, catalog)!))
    incidents.push({
      id,
      name: state?.title ? publicText(state.title) : genericTitle(atWorst, r.priority, names),
      status: publicStatusOf(r.stage, state),
      impact: IMPACT[r.priority],
      createdAt: publishedAt,
      startedAt: m.startedAt,
      updatedAt: updates[0]?.at ?? publishedAt,
      monitoringAt: m.mitigatedAt,
      resolvedAt,
      components: ids,
      componentStatus: current,
      updates,
    })
    // Downtime counts from the incident's start to its mitigation (or resolution, or now).
    const end = Date.parse(m.mitigatedAt ?? resolvedAt ?? now)
    for (const c of ids) {
      const list = hits.get(c) ?? []
      list.push({ start: Date.parse(m.startedAt), end: Math.min(end, nowMs), status: atWorst })
      hits.set(c, list)
    }
  }
  incidents.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id))

  const days = config.status.uptimeDays
  const firstDay = Math.floor(nowMs / DAY) * DAY - (days - 1) * DAY
  const components: PageComponent[] = catalog
    .map((s, i) => ({ s, i }))
    // Services with an `order` first, lower first; then the others in catalog order.
    .sort((a, b) => (a.s.order ?? Infinity) - (b.s.order ?? Infinity) || a.i - b.i)
    .map(({ s }, position) => {
      let status: ComponentStatus = 'operational'
      let updatedAt: string | null = null
      for (const inc of incidents) {
        if (!inc.components.includes(s.name)) continue
        if (inc.status !== 'resolved' && inc.status !== 'postmortem') status = worse(status, inc.componentStatus)
        if (!updatedAt || inc.updatedAt > updatedAt) updatedAt = inc.updatedAt
      }
      // Under maintenance while one is under way, unless an incident makes it worse; never downtime in the bars.
      for (const m of maintenances)
        if (isActiveMaintenance(m) && m.components.includes(s.name)) {
          status = worse(status, 'under_maintenance')
          if (!updatedAt || m.updatedAt > updatedAt) updatedAt = m.updatedAt
        }
      const bars = uptimeBars(hits.get(s.name) ?? [], firstDay, days, nowMs)
      const span = days * DAY
      const lost = bars.reduce((t, d) => t + d.majorMs + PARTIAL_WEIGHT * d.partialMs, 0)
      return {
        id: s.name,
        name: displayName(s),
        group: s.group ?? null,
        position: position + 1,
        status,
        updatedAt: updatedAt ?? now,
        days: bars,
        uptime: span > 0 ? 1 - lost / span : 1,
      }
    })

  const open = incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
  let indicator: Indicator = 'none'
  const rank: Indicator[] = ['none', 'maintenance', 'minor', 'major', 'critical']
  for (const i of open) {
    const level: Impact =
      i.componentStatus === 'major_outage' ? 'critical' : i.componentStatus === 'partial_outage' ? 'major' : 'minor'
    if (rank.indexOf(level) > rank.indexOf(indicator)) indicator = level
  }
  if (indicator === 'none' && maintenances.some(isActiveMaintenance)) indicator = 'maintenance'
  return {
    name: config.status.name,
    url: config.status.url,
    now,
    indicator,
    description: INDICATOR_TEXT[indicator],
    components,
    incidents,
    maintenances,
  }
}

/** The component's name for customers. */
export function displayName(s: Pick<Service, 'name' | 'displayName'>): string {
  return s.displayName ?? s.name
}

/** One bar per UTC day: the time each day spent in major, partial and degraded outage (overlaps counted once, at the worst). */
export function uptimeBars(
  hits: readonly { start: number; end: number; status: ComponentStatus }[],
  firstDay: number,
  days: number,
  nowMs: number,
): DayBar[] {
  const out: DayBar[] = []
  for (let d = 0; d < days; d++) {
    const from = firstDay + d * DAY
    const to = Math.min(from + DAY, nowMs)
    const inDay = hits
      .map((h) => ({ start: Math.max(h.start, from), end: Math.min(h.end, to), status: h.status }))
      .filter((h) => h.end > h.start)
    const cuts = [...new Set(inDay.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b)
    const ms = { major_outage: 0, partial_outage: 0, degraded_performance: 0 } as Record<ComponentStatus, number>
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k]!
      const b = cuts[k + 1]!
      let w: ComponentStatus = 'operational'
      for (const h of inDay) if (h.start <= a && h.end >= b) w = worse(w, h.status)
      if (w !== 'operational') ms[w] = (ms[w] ?? 0) + (b - a)
    }
    // A whole day, today included, as Statuspage counts it: an outage this morning weighs what it will weigh tonight.
    const length = DAY
    const majorMs = ms.major_outage ?? 0
    const partialMs = ms.partial_outage ?? 0
    out.push({
      date: new Date(from).toISOString().slice(0, 10),
      uptime: 1 - (majorMs + PARTIAL_WEIGHT * partialMs) / length,
      majorMs,
      partialMs,
      degradedMs: ms.degraded_performance ?? 0,
    })
  }
  return out
}

/**
 * Text a responder wrote for customers, as every output carries it: no mention (a zero-width space
 * after `@`), no control characters. Each renderer escapes it for its format (HTML, XML).
 */
export function publicText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return neutralizeMentions(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''))
}
