/*
 * The on-call load per person over the report's window, for the weekly report: hours on call
 * (from the schedules), pages and out-of-hours pages (from the pages recorded in incidents' cards),
 * incidents commanded (who acknowledged or was handed command). Pure.
 */
import { DateTime } from 'luxon'
import type { Config } from '../config/types.js'
import type { IncidentRecord } from '../domain/record.js'
import { code } from '../render/markdown.js'
import { timeline } from './schedule.js'

export interface PersonLoad {
  who: string
  hoursOnCall: number
  pages: number
  outOfHoursPages: number
  commanded: number
}

/** Business hours: Monday to Friday, 09:00 to 18:00 in the person's time zone. A page outside them is out of hours. */
export const BUSINESS_HOURS = { days: [1, 2, 3, 4, 5], from: 9, to: 18 } as const

/** The person's time zone: that of the first schedule naming them in a layer, else UTC. */
export function zoneOf(who: string, config: Pick<Config, 'oncall'>): string {
  const w = who.toLowerCase()
  return (
    config.oncall.schedules.find((s) => s.layers.some((l) => l.members.some((m) => m.toLowerCase() === w)))?.timeZone ??
    'UTC'
  )
}

/** Whether `at` falls outside business hours in `zone`. */
export function outOfHours(at: string, zone: string): boolean {
  const d = DateTime.fromISO(at, { zone })
  return (
    !(BUSINESS_HOURS.days as readonly number[]).includes(d.weekday) ||
    d.hour < BUSINESS_HOURS.from ||
    d.hour >= BUSINESS_HOURS.to
  )
}

/**
 * The load of everyone who was on call, paged or in command within [start, end), most hours first.
 * Hours come from the config's schedules and their config overrides (`/cover` overrides live in the
 * on-call issue, which the report does not read); a person on two schedules at once counts once.
 */
export function onCallLoad(
  records: readonly IncidentRecord[],
  config: Pick<Config, 'oncall'>,
  start: string,
  end: string,
): PersonLoad[] {
  const from = Date.parse(start)
  const to = Date.parse(end)
  const inWindow = (t: string): boolean => Date.parse(t) >= from && Date.parse(t) < to
  const people = new Map<string, PersonLoad>()
  const get = (who: string): PersonLoad => {
    const k = who.toLowerCase()
    if (!people.has(k)) people.set(k, { who: k, hoursOnCall: 0, pages: 0, outOfHoursPages: 0, commanded: 0 })
    return people.get(k)!
  }
  const spans = new Map<string, [number, number][]>()
  for (const s of config.oncall.schedules)
    for (const seg of timeline(s, from, to))
      if (seg.who) spans.set(seg.who.toLowerCase(), [...(spans.get(seg.who.toLowerCase()) ?? []), [seg.from, seg.to]])
  for (const [who, list] of spans) get(who).hoursOnCall = union(list) / 3_600_000
  for (const r of records) {
    for (const p of Array.isArray(r.pages) ? r.pages : [])
      if (p.who && inWindow(p.at)) {
        const l = get(p.who)
        l.pages++
        if (outOfHours(p.at, zoneOf(p.who, config))) l.outOfHoursPages++
      }
    const commanders = new Set<string>()
    for (const e of r.events) {
      if (!inWindow(e.at)) continue
      if (e.kind === 'ack' && e.actor) commanders.add(e.actor.toLowerCase())
      if (e.kind === 'commander' && e.to) commanders.add(e.to.replace(/^@/, '').toLowerCase())
    }
    for (const c of commanders) get(c).commanded++
  }
  return [...people.values()].sort(
    (a, b) => b.hoursOnCall - a.hoursOnCall || b.pages - a.pages || a.who.localeCompare(b.who),
  )
}

function union(list: [number, number][]): number {
  let total = 0
  let end = -Infinity
  for (const [a, b] of [...list].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue
    total += b - Math.max(a, end)
    end = b
  }
  return total
}

/** At most this many people in the table (the rest are counted). */
const MAX_ROWS = 50

/** The report's section: a table, names in code (it pings nobody); empty when nobody had any load. */
export function renderLoad(load: readonly PersonLoad[]): string {
  if (!load.length) return ''
  const rows = load
    .slice(0, MAX_ROWS)
    .map(
      (l) =>
        `| ${code(l.who, 40)} | ${l.hoursOnCall.toFixed(1)} | ${l.pages} | ${l.outOfHoursPages} | ${l.commanded} |`,
    )
  return [
    '### On-call load',
    '',
    '| person | hours on call | pages | out-of-hours pages | incidents commanded |',
    '|---|--:|--:|--:|--:|',
    ...rows,
    ...(load.length > MAX_ROWS ? [`| and ${load.length - MAX_ROWS} more | | | | |`] : []),
    '',
    '_Pages: phone pages recorded at escalations; out of hours: outside Monday–Friday 09:00–18:00 in the time zone of the first schedule the person is in. Hours from the schedules in the config (`/cover` overrides not counted). Commanded: acknowledged or was handed command in the window (docs/oncall.md#load-in-the-weekly-report)._',
  ].join('\n')
}
