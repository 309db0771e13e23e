/**
 * The Statuspage v2 public API as static files (pure): the same paths, field names and status
 * values Atlassian documents for `/api/v2/*.json`, so that widgets, aggregators and chat apps written
 * for Statuspage read our page unchanged. The shape is pinned by schema/statuspage-v2/ (with its
 * source) and checked in the tests.
 */
import { createHash } from 'node:crypto'
import type { PageComponent, PageIncident, StatusPageData } from './model.js'
import { COMPONENT_TEXT } from './model.js'
import { esc } from './html.js'
import { isActiveMaintenance, type PageMaintenance } from './maintenance.js'

const iso = (t: string): string => new Date(t).toISOString()

/** The page object every endpoint starts with. */
function pageOf(d: StatusPageData, pageId: string) {
  return { id: pageId, name: d.name, url: d.url ?? '', time_zone: 'Etc/UTC', updated_at: iso(d.now) }
}

/** A stable page id from the repository (never its name). */
export function pageIdOf(repo: string): string {
  return createHash('sha256').update(`incidentops-page:${repo.toLowerCase()}`).digest('hex').slice(0, 12)
}

const groupId = (name: string): string => `group-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`

function componentJson(c: PageComponent, pageId: string, created: string) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: created,
    updated_at: iso(c.updatedAt),
    position: c.position,
    description: null,
    showcase: true,
    start_date: null,
    group_id: c.group ? groupId(c.group) : null,
    page_id: pageId,
    group: false,
    only_show_if_degraded: false,
  }
}

type ComponentJson = ReturnType<typeof componentJson> & { components?: string[] }

/** Components, with a group component (Statuspage's `group: true`) before the first of each group's members. */
function componentsJson(d: StatusPageData, pageId: string): ComponentJson[] {
  const created = iso(d.now)
  const out: ComponentJson[] = []
  const seen = new Set<string>()
  const severity = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage']
  for (const c of d.components) {
    if (c.group && !seen.has(c.group)) {
      seen.add(c.group)
      const members = d.components.filter((m) => m.group === c.group)
      const worst = members.reduce(
        (w, m) => (severity.indexOf(m.status) > severity.indexOf(w) ? m.status : w),
        'operational' as PageComponent['status'],
      )
      out.push({
        ...componentJson({ ...c, id: groupId(c.group), name: c.group, status: worst }, pageId, created),
        group_id: null,
        group: true,
        components: members.map((m) => m.id),
      })
    }
    out.push(componentJson(c, pageId, created))
  }
  return out
}

/**
 * Widgets and chat apps commonly insert Statuspage's incident names and update bodies as HTML, so
 * what a responder wrote goes out HTML-escaped here too (`<` as `&lt;`): shown as written, never run.
 * Also the `incident` of the subscribers' webhooks (src/subscriptions/notice.ts).
 */
export function incidentJson(i: PageIncident, d: StatusPageData, pageId: string) {
  const comps = d.components.filter((c) => i.components.includes(c.id))
  return {
    id: i.id,
    name: esc(i.name),
    status: i.status,
    created_at: iso(i.createdAt),
    updated_at: iso(i.updatedAt),
    monitoring_at: i.monitoringAt ? iso(i.monitoringAt) : null,
    resolved_at: i.resolvedAt ? iso(i.resolvedAt) : null,
    impact: i.impact,
    shortlink: `${d.url ?? ''}history.html#incident-${i.id}`,
    started_at: iso(i.startedAt),
    page_id: pageId,
    incident_updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: esc(u.body),
      incident_id: i.id,
      created_at: iso(u.at),
      updated_at: iso(u.at),
      display_at: iso(u.at),
      affected_components: comps.map((c) => ({
        code: c.id,
        name: c.name,
        old_status: 'operational',
        new_status: u.status === 'resolved' || u.status === 'postmortem' ? 'operational' : i.componentStatus,
      })),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: comps.map((c) => componentJson(c, pageId, iso(d.now))),
  }
}

/**
 * A scheduled maintenance as Statuspage gives it: an incident object with `impact: maintenance`,
 * `scheduled_for` and `scheduled_until`, and updates whose status is the maintenance's at the time.
 */
export function maintenanceJson(m: PageMaintenance, d: StatusPageData, pageId: string) {
  const comps = d.components.filter((c) => m.components.includes(c.id))
  return {
    id: m.id,
    name: esc(m.name),
    status: m.status,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    monitoring_at: null,
    resolved_at: m.resolvedAt ? iso(m.resolvedAt) : null,
    impact: 'maintenance' as const,
    shortlink: `${d.url ?? ''}history.html#maintenance-${m.id}`,
    started_at: iso(m.createdAt),
    page_id: pageId,
    incident_updates: m.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: esc(u.body),
      incident_id: m.id,
      created_at: iso(u.at),
      updated_at: iso(u.at),
      display_at: iso(u.at),
      affected_components: comps.map((c) => ({
        code: c.id,
        name: c.name,
        old_status: 'operational',
        new_status: u.status === 'in_progress' || u.status === 'verifying' ? 'under_maintenance' : 'operational',
      })),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: comps.map((c) => componentJson(c, pageId, iso(d.now))),
    scheduled_for: iso(m.scheduledFor),
    scheduled_until: iso(m.scheduledUntil),
  }
}

/** Statuspage returns the 50 most recent incidents in incidents.json. */
export const INCIDENTS_LISTED = 50

/** …and the 50 most recent scheduled maintenances in scheduled-maintenances.json (latest window first). */
export const MAINTENANCES_LISTED = 50

/**
 * Every file of `/api/v2/`, by path (relative to the site's root), as text. The maintenance
 * endpoints: every one (50), the upcoming (`scheduled`, soonest first) and the active (`in_progress`
 * or `verifying`); summary.json carries the upcoming and active ones, as Statuspage's does.
 */
export function statuspageFiles(d: StatusPageData, repo: string): Record<string, string> {
  const pageId = pageIdOf(repo)
  const page = pageOf(d, pageId)
  const status = { indicator: d.indicator, description: d.description }
  const components = componentsJson(d, pageId)
  const incidents = d.incidents.slice(0, INCIDENTS_LISTED).map((i) => incidentJson(i, d, pageId))
  const unresolved = d.incidents
    .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
    .map((i) => incidentJson(i, d, pageId))
  const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n'
  const maint = (list: readonly PageMaintenance[]) => list.map((m) => maintenanceJson(m, d, pageId))
  const upcoming = d.maintenances.filter((m) => m.status === 'scheduled').reverse()
  const active = d.maintenances.filter(isActiveMaintenance)
  return {
    'api/v2/summary.json': json({
      page,
      components,
      incidents: unresolved,
      scheduled_maintenances: maint([...active, ...upcoming]),
      status,
    }),
    'api/v2/status.json': json({ page, status }),
    'api/v2/components.json': json({ page, components }),
    'api/v2/incidents.json': json({ page, incidents }),
    'api/v2/incidents/unresolved.json': json({ page, incidents: unresolved }),
    'api/v2/scheduled-maintenances.json': json({
      page,
      scheduled_maintenances: maint(d.maintenances.slice(0, MAINTENANCES_LISTED)),
    }),
    'api/v2/scheduled-maintenances/upcoming.json': json({ page, scheduled_maintenances: maint(upcoming) }),
    'api/v2/scheduled-maintenances/active.json': json({ page, scheduled_maintenances: maint(active) }),
  }
}

/** The words for a component status, for text outputs. */
export const statusWords = (s: PageComponent['status']): string => COMPONENT_TEXT[s]
