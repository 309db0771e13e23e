/**
 * The status page as static HTML and CSS (pure): readable without JavaScript, light and dark
 * (prefers-color-scheme), landmarks, WCAG AA contrast, and never information by colour alone (every
 * status has its words and a symbol; every uptime bar has its figure as text). Every string that
 * came from a person is escaped here.
 */
import {
  COMPONENT_TEXT,
  type ComponentStatus,
  type Indicator,
  type PageComponent,
  type PageIncident,
  type StatusPageData,
} from './model.js'
import type { IncidentStatus } from './public.js'
import { MAINTENANCE_TEXT, isActiveMaintenance, type PageMaintenance } from './maintenance.js'

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const SYMBOL: Record<ComponentStatus, string> = {
  operational: '✓',
  degraded_performance: '!',
  partial_outage: '◐',
  major_outage: '✕',
  under_maintenance: '⚙',
}
const INDICATOR_SYMBOL: Record<Indicator, string> = {
  none: '✓',
  minor: '!',
  major: '◐',
  critical: '✕',
  maintenance: '⚙',
}
const INCIDENT_TEXT: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
}

/** `2026-11-25 14:05 UTC`. */
const when = (t: string): string => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`
const time = (t: string): string => `<time datetime="${esc(new Date(t).toISOString())}">${when(t)}</time>`
const pct = (x: number): string => `${(Math.floor(x * 10000) / 100).toFixed(2)} %`
const minutes = (ms: number): string => {
  const m = Math.round(ms / 60_000)
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`
}

/** A text as paragraphs: blank lines split them, single line breaks stay. */
const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('')

function layout(d: StatusPageData, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" title="${esc(d.name)}: incidents" href="history.atom">
<link rel="alternate" type="text/calendar" title="${esc(d.name)}: scheduled maintenance" href="maintenances.ics">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header><p class="site"><a href="index.html">${esc(d.name)}</a></p></header>
<main id="main">
${body}
</main>
<footer>
<nav aria-label="More from this page">
<ul>
<li><a href="index.html">Current status</a></li>
<li><a href="history.html">Incident history</a></li>
<li><a href="history.atom">Atom feed</a></li>
<li><a href="maintenances.ics">Maintenance calendar</a></li>
<li><a href="api/v2/summary.json">API (Statuspage v2)</a></li>
<li><a href="badge.svg">Badge</a></li>
</ul>
</nav>
<p>Built ${time(d.now)} from the incidents a responder chose to publish.</p>
</footer>
</body>
</html>
`
}

function incidentHtml(i: PageIncident, d: StatusPageData, level: 2 | 3, full: boolean): string {
  const names = d.components.filter((c) => i.components.includes(c.id)).map((c) => c.name)
  const h = `h${level}`
  const updates = full ? i.updates : i.updates.slice(0, 3)
  return `<article class="incident impact-${i.impact}" id="incident-${esc(i.id)}" aria-labelledby="t-${esc(i.id)}">
<${h} id="t-${esc(i.id)}">${full ? esc(i.name) : `<a href="history.html#incident-${esc(i.id)}">${esc(i.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${INCIDENT_TEXT[i.status]}</span> Impact: ${i.impact}${names.length ? ` · Affects: ${names.map(esc).join(', ')}` : ''} · Since ${time(i.startedAt)}</p>
<ol class="updates">
${updates.map((u) => `<li><p class="when"><strong>${INCIDENT_TEXT[u.status]}</strong> · ${time(u.at)}</p>${paragraphs(u.body)}</li>`).join('\n')}
</ol>${!full && i.updates.length > updates.length ? `\n<p><a href="history.html#incident-${esc(i.id)}">All ${i.updates.length} updates</a></p>` : ''}
</article>`
}

/** A scheduled maintenance: its window, components and public updates (the last 3 on the front page). */
function maintenanceHtml(m: PageMaintenance, d: StatusPageData, level: 2 | 3, full: boolean): string {
  const names = d.components.filter((c) => m.components.includes(c.id)).map((c) => c.name)
  const h = `h${level}`
  const updates = full ? m.updates : m.updates.slice(0, 3)
  return `<article class="incident maintenance" id="maintenance-${esc(m.id)}" aria-labelledby="m-${esc(m.id)}">
<${h} id="m-${esc(m.id)}">${full ? esc(m.name) : `<a href="history.html#maintenance-${esc(m.id)}">${esc(m.name)}</a>`}</${h}>
<p class="meta"><span class="tag">${MAINTENANCE_TEXT[m.status]}</span> ${time(m.scheduledFor)} to ${time(m.scheduledUntil)}${names.length ? ` · Affects: ${names.map(esc).join(', ')}` : ''}</p>
<ol class="updates">
${updates.map((u) => `<li><p class="when"><strong>${MAINTENANCE_TEXT[u.status]}</strong> · ${time(u.at)}</p>${paragraphs(u.body)}</li>`).join('\n')}
</ol>
</article>`
}

function maintenanceSection(id: string, title: string, list: readonly PageMaintenance[], d: StatusPageData): string {
  if (!list.length) return ''
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${list.map((m) => maintenanceHtml(m, d, 3, false)).join('\n')}
</section>`
}

function bars(c: PageComponent): string {
  const n = c.days.length
  const w = 4
  const gap = 1
  const rects = c.days
    .map((day, k) => {
      const cls = day.majorMs > 0 ? 'bm' : day.partialMs > 0 ? 'bp' : day.degradedMs > 0 ? 'bd' : 'bo'
      const what = [
        day.majorMs ? `major outage ${minutes(day.majorMs)}` : '',
        day.partialMs ? `partial outage ${minutes(day.partialMs)}` : '',
        day.degradedMs ? `degraded ${minutes(day.degradedMs)}` : '',
      ].filter(Boolean)
      return `<rect x="${k * (w + gap)}" width="${w}" height="28" class="${cls}"><title>${day.date}: ${pct(day.uptime)}${what.length ? `, ${what.join(', ')}` : ''}</title></rect>`
    })
    .join('')
  return `<svg class="bars" viewBox="0 0 ${n * (w + gap) - gap} 28" preserveAspectRatio="none" role="img" aria-label="${esc(c.name)}: ${pct(c.uptime)} uptime over ${n} days">${rects}</svg>`
}

function componentHtml(c: PageComponent): string {
  return `<li class="component st-${c.status}">
<div class="row"><span class="name">${esc(c.name)}</span><span class="status"><span class="sym" aria-hidden="true">${SYMBOL[c.status]}</span> ${COMPONENT_TEXT[c.status]}</span></div>
${bars(c)}
<p class="axis"><span>${c.days.length} days ago</span><span>${pct(c.uptime)} uptime</span><span>Today</span></p>
</li>`
}

function componentsHtml(d: StatusPageData): string {
  if (d.components.length === 0) return ''
  const parts: string[] = []
  const done = new Set<string>()
  for (const c of d.components) {
    if (!c.group) {
      parts.push(componentHtml(c))
      continue
    }
    if (done.has(c.group)) continue
    done.add(c.group)
    const members = d.components.filter((m) => m.group === c.group)
    parts.push(
      `<li class="group"><h3>${esc(c.group)}</h3><ul class="components">${members.map(componentHtml).join('\n')}</ul></li>`,
    )
  }
  return `<section aria-labelledby="components-h">
<h2 id="components-h">Components</h2>
<ul class="components">
${parts.join('\n')}
</ul>
<p class="legend">Uptime counts a major outage in full and a partial outage at 30 %; each bar is a day (UTC), its figure in its tooltip.</p>
</section>`
}

/** Incidents resolved within this many days stay on the front page. */
export const RECENT_DAYS = 7
/** The history page lists this many incidents, newest first. */
export const HISTORY_LISTED = 100
/** …and this many maintenances, latest window first (as Statuspage's scheduled-maintenances.json). */
export const MAINTENANCE_LISTED = 50

/** index.html: the overall status, open incidents, components with their uptime, the last week's incidents. */
export function indexHtml(d: StatusPageData): string {
  const open = d.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
  const since = Date.parse(d.now) - RECENT_DAYS * 86_400_000
  const recent = d.incidents.filter(
    (i) => (i.status === 'resolved' || i.status === 'postmortem') && Date.parse(i.updatedAt) >= since,
  )
  // Maintenance: under way (at the top, with open incidents), upcoming (soonest first), completed this week.
  const active = d.maintenances.filter(isActiveMaintenance)
  const upcoming = d.maintenances.filter((m) => m.status === 'scheduled').reverse()
  const done = d.maintenances.filter(
    (m) => m.status === 'completed' && m.resolvedAt && Date.parse(m.resolvedAt) >= since,
  )
  const body = `<h1 class="overall ind-${d.indicator}"><span class="sym" aria-hidden="true">${INDICATOR_SYMBOL[d.indicator]}</span> ${esc(d.description)}</h1>
${
  open.length
    ? `<section aria-labelledby="open-h">
<h2 id="open-h">Open incidents</h2>
${open.map((i) => incidentHtml(i, d, 3, false)).join('\n')}
</section>`
    : ''
}
${maintenanceSection('active-m-h', 'Maintenance in progress', active, d)}
${componentsHtml(d)}
${maintenanceSection('upcoming-m-h', 'Scheduled maintenance', upcoming, d)}
${maintenanceSection('done-m-h', `Maintenance completed in the last ${RECENT_DAYS} days`, done, d)}
<section aria-labelledby="recent-h">
<h2 id="recent-h">Resolved in the last ${RECENT_DAYS} days</h2>
${recent.length ? recent.map((i) => incidentHtml(i, d, 3, false)).join('\n') : '<p>No incident.</p>'}
<p><a href="history.html">Incident history</a></p>
</section>`
  return layout(d, `${d.name}: ${d.description}`, body)
}

/** history.html: the most recent published incidents, each with every public update. */
export function historyHtml(d: StatusPageData): string {
  const list = d.incidents.slice(0, HISTORY_LISTED)
  const maint = d.maintenances.slice(0, MAINTENANCE_LISTED)
  const body = `<h1>Incident history</h1>
${list.length ? list.map((i) => incidentHtml(i, d, 2, true)).join('\n') : '<p>No incident has been published.</p>'}${d.incidents.length > list.length ? `\n<p>The ${HISTORY_LISTED} most recent of ${d.incidents.length} incidents.</p>` : ''}${
    maint.length
      ? `\n<section aria-labelledby="maint-h">\n<h2 id="maint-h">Scheduled maintenance</h2>\n${maint.map((m) => maintenanceHtml(m, d, 3, true)).join('\n')}\n</section>`
      : ''
  }`
  return layout(d, `${d.name}: incident history`, body)
}

/** The page's CSS: system fonts, light and dark, AA contrast for every text colour on its background. */
export const STYLE_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--ok:#1a7f37;--minor:#9a6700;--partial:#bc4c00;--major:#cf222e;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--ok:#3fb950;--minor:#d29922;--partial:#f0883e;--major:#f85149;--link:#4493f8}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header{padding:1rem 0;border-bottom:1px solid var(--line)}.site{margin:0;font-weight:600;font-size:1.25rem}.site a{color:var(--fg);text-decoration:none}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin:.25rem 0}
.overall{border-left:.5rem solid var(--ok);background:var(--card);padding:1rem;border-radius:.25rem}
.ind-minor{border-color:var(--minor)}.ind-maintenance{border-color:var(--link)}.maintenance{border-left-color:var(--link)}.st-under_maintenance .status{color:var(--link)}.ind-major{border-color:var(--partial)}.ind-critical{border-color:var(--major)}
.incident{border:1px solid var(--line);border-left:.35rem solid var(--minor);border-radius:.25rem;padding:.75rem 1rem;margin:1rem 0}
.impact-major{border-left-color:var(--partial)}.impact-critical{border-left-color:var(--major)}.impact-none{border-left-color:var(--muted)}
.meta,.when,.axis,.legend,footer{color:var(--muted);font-size:.875rem}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;color:var(--fg)}
.updates{list-style:none;padding:0;margin:0}.updates li{border-top:1px solid var(--line);padding:.5rem 0}.updates p{margin:.25rem 0}
.components{list-style:none;padding:0;margin:0}.component{border:1px solid var(--line);border-radius:.25rem;padding:.75rem 1rem;margin:.5rem 0}
.group>h3{margin-top:1rem}
.row{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}.name{font-weight:600}
.st-operational .status{color:var(--ok)}.st-degraded_performance .status{color:var(--minor)}.st-partial_outage .status{color:var(--partial)}.st-major_outage .status{color:var(--major)}
.bars{display:block;width:100%;height:28px;margin-top:.5rem}
.bo{fill:var(--ok)}.bd{fill:var(--minor)}.bp{fill:var(--partial)}.bm{fill:var(--major)}
.axis{display:flex;justify-content:space-between;margin:.25rem 0 0}
footer{margin-top:3rem;border-top:1px solid var(--line);padding-top:1rem}footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
`
