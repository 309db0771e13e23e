/**
 * `maintenances.ics` (pure): the public scheduled maintenances as an iCalendar file (RFC 5545), for
 * customers to subscribe to. It reuses the on-call calendars' writer (src/oncall/ics.ts: text
 * escaping after defusing mentions and our markers, line folding, UTC stamps). Stable: the same
 * maintenances give the same bytes (DTSTAMP is each maintenance's own last update, not the build time).
 */
import { fold, icsText, stamp } from '../oncall/ics.js'
import { MAINTENANCE_TEXT } from './maintenance.js'
import type { StatusPageData } from './model.js'

/** Every public maintenance (upcoming, in progress, completed) as a VEVENT; cancelled ones are off the page, so off the calendar. */
export function maintenancesIcs(d: StatusPageData, repo: string): string {
  const host = (() => {
    try {
      return new URL(d.url ?? '').host || repo.toLowerCase().replace('/', '.')
    } catch {
      return repo.toLowerCase().replace('/', '.')
    }
  })()
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//IncidentOps//Status page//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${d.name}: scheduled maintenance`)}`,
  ]
  for (const m of d.maintenances) {
    const names = d.components.filter((c) => m.components.includes(c.id)).map((c) => c.name)
    const latest = m.updates[0]
    lines.push(
      'BEGIN:VEVENT',
      `UID:maintenance-${m.id}@${host}`,
      `DTSTAMP:${stamp(Date.parse(m.updatedAt))}`,
      `DTSTART:${stamp(Date.parse(m.scheduledFor))}`,
      `DTEND:${stamp(Date.parse(m.scheduledUntil))}`,
      `SUMMARY:${icsText(`Maintenance: ${m.name}`)}`,
      `DESCRIPTION:${icsText(
        [
          `${MAINTENANCE_TEXT[m.status]}.`,
          names.length ? `Affects: ${names.join(', ')}.` : '',
          latest ? latest.body : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      )}`,
      ...(d.url ? [`URL:${d.url}history.html#maintenance-${m.id}`] : []),
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
