/**
 * The Atom feeds (site-wide `history.atom`, one per component `components/<id>.atom`) through the
 * `feed` package, and the SVG badge for READMEs (pure). Text is HTML-escaped before it goes in
 * (the package puts titles and content in CDATA as HTML, so `]]>` cannot close it either).
 */
import { Feed } from 'feed'
import { esc } from './html.js'
import { INDICATOR_TEXT, type Impact, type PageIncident, type StatusPageData } from './model.js'

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
): string {
  const feed = new Feed({
    id: `${baseUrl}${self}`,
    title,
    link: baseUrl,
    feedLinks: { atom: `${baseUrl}${self}` },
    updated: new Date(incidents[0]?.updatedAt ?? d.now),
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
  return feed.atom1()
}

const BADGE_COLOUR: Record<Impact, string> = {
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
