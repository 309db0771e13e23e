/**
 * The Atom feeds (site-wide `history.atom`, one per component `components/<id>.atom`) through the
 * `feed` package, and the SVG badge for READMEs (pure). Text is HTML-escaped before it goes in
 * (the package puts titles and content in CDATA as HTML, so `]]>` cannot close it either).
 */
import { Feed } from 'feed'
import { esc } from './html.js'
import { INDICATOR_TEXT, type Indicator, type PageIncident, type StatusPageData } from './model.js'
import { MAINTENANCE_TEXT, type PageMaintenance } from './maintenance.js'

const STATUS_WORD: Record<PageIncident['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
}

/** The feed of these incidents (newest first, at most 50). `self` is the feed's own path. */
export function atomFeed(
  d: StatusPageData,
  baseUrl: string,
  incidents: readonly PageIncident[],
  title: string,
  self: string,
  /** Scheduled maintenances, as entries of their own (latest window first, at most 50). */
  maintenances: readonly PageMaintenance[] = [],
): string {
  const latest = [incidents[0]?.updatedAt, ...maintenances.map((m) => m.updatedAt)]
    .filter((t): t is string => !!t)
    .sort()
    .pop()
  const feed = new Feed({
    id: `${baseUrl}${self}`,
    title,
    link: baseUrl,
    feedLinks: { atom: `${baseUrl}${self}` },
    updated: new Date(latest ?? d.now),
    generator: 'IncidentOps',
    copyright: d.name,
  })
  for (const i of incidents.slice(0, 50)) {
    // The feed package's own method (it adds an entry to the XML), not a GitHub port's `addItem`.
    // eslint-disable-next-line no-restricted-syntax
    feed.addItem({
      id: `urn:incidentops:incident:${i.id}`,
      title: esc(`${i.name} (${STATUS_WORD[i.status]})`),
      link: `${baseUrl}history.html#incident-${i.id}`,
      date: new Date(i.updatedAt),
      published: new Date(i.createdAt),
      content: i.updates
        .map(
          (u) =>
            `<p><strong>${STATUS_WORD[u.status]}</strong> · ${new Date(u.at).toISOString().slice(0, 16).replace('T', ' ')} UTC</p><p>${esc(u.body).replace(/\n/g, '<br>')}</p>`,
        )
        .join(''),
    })
  }
  for (const m of maintenances.slice(0, 50)) {
    // eslint-disable-next-line no-restricted-syntax
    feed.addItem({
      id: `urn:incidentops:maintenance:${m.id}`,
      title: esc(`Maintenance: ${m.name} (${MAINTENANCE_TEXT[m.status]})`),
      link: `${baseUrl}history.html#maintenance-${m.id}`,
      date: new Date(m.updatedAt),
      published: new Date(m.createdAt),
      content:
        `<p>${when(m.scheduledFor)} to ${when(m.scheduledUntil)}</p>` +
        m.updates
          .map(
            (u) =>
              `<p><strong>${MAINTENANCE_TEXT[u.status]}</strong> · ${when(u.at)}</p><p>${esc(u.body).replace(/\n/g, '<br>')}</p>`,
          )
          .join(''),
    })
  }
  return feed.atom1()
}

const when = (t: string): string => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`

const BADGE_COLOUR: Record<Indicator, string> = {
  maintenance: '#0969da',
  none: '#1a7f37',
  minor: '#9a6700',
  major: '#bc4c00',
  critical: '#cf222e',
}

/** A shields-style badge: "status | All Systems Operational", its text readable without colour. */
export function badgeSvg(d: Pick<StatusPageData, 'indicator'>): string {
  const label = 'status'
  const text = INDICATOR_TEXT[d.indicator]
  // Approximate Verdana 11px widths: 7 px a character is enough for these fixed words.
  const lw = label.length * 7 + 10
  const tw = text.length * 7 + 10
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + tw}" height="20" role="img" aria-label="${label}: ${text}">
<title>${label}: ${text}</title>
<rect width="${lw}" height="20" fill="#555"/>
<rect x="${lw}" width="${tw}" height="20" fill="${BADGE_COLOUR[d.indicator]}"/>
<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${label}</text>
<text x="${lw + tw / 2}" y="14">${text}</text>
</g>
</svg>
`
}
