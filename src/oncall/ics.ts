/*
 * An iCalendar (RFC 5545) file of a schedule: one event per stretch with someone on call. Written by
 * hand rather than with a library: the subset is small (VCALENDAR, VEVENT, UTC times, text
 * escaping, line folding) and fully specified, and a calendar app subscribing to it needs nothing else.
 */
import { neutralizeMarkers, neutralizeMentions } from '../render/markdown.js'
import type { Override, Schedule, Segment } from './schedule.js'
import { timeline } from './schedule.js'

/** `20261130T080000Z`. */
export const stamp = (t: number): string =>
  new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** TEXT value escaping (RFC 5545 §3.3.11), after defusing what a reader could take for a mention or our markers. */
export function icsText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = neutralizeMarkers(neutralizeMentions(text)).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  return clean.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const out: string[] = []
  let cur = ''
  let octets = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8')
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(cur)
      cur = ''
      octets = 0
    }
    cur += ch
    octets += n
  }
  out.push(cur)
  return out.join('\r\n ')
}

function describe(g: Segment): string {
  if (g.override)
    return `Override${g.override.by ? ` asked by ${g.override.by}` : ''}${g.override.reason ? `: ${g.override.reason}` : ''}`
  return `Layer ${g.layer}`
}

/**
 * The calendar of a schedule from `from` to `to` (epoch ms): an event per stretch with someone on
 * call (gaps have none). Stable: the same schedule and window give the same bytes, so a published
 * file changes only when the schedule does (DTSTAMP is the window's start, not the time of writing).
 */
export function scheduleIcs(s: Schedule, from: number, to: number, extra: readonly Override[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//IncidentOps//On call//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`On call: ${s.name}`)}`,
    `X-WR-TIMEZONE:${s.timeZone}`,
  ]
  for (const g of timeline(s, from, to, extra)) {
    if (g.who === null) continue
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.name}-${stamp(g.from)}-${g.who}@incidentops`,
      `DTSTAMP:${stamp(from)}`,
      `DTSTART:${stamp(g.from)}`,
      `DTEND:${stamp(g.to)}`,
      `SUMMARY:${icsText(`On call (${s.name}): ${g.who}`)}`,
      `DESCRIPTION:${icsText(describe(g))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
