/*
 * The on-call calendars published with the weekly report: one `<schedule>.ics` per schedule in a
 * directory next to the report's JSON, for a later step to publish (GitHub Pages, an artifact).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config/types.js'
import { scheduleIcs } from './ics.js'

/** How far ahead the published calendars reach. */
export const ICS_DAYS = 56

/** Writes every schedule's calendar from `from` (epoch ms) for ICS_DAYS days; null without schedules. */
export function writeCalendars(
  config: Pick<Config, 'oncall'>,
  dir: string,
  from: number,
): { dir: string; files: string[] } | null {
  if (!config.oncall.schedules.length) return null
  mkdirSync(dir, { recursive: true })
  const files = config.oncall.schedules.map((s) => {
    writeFileSync(join(dir, `${s.name}.ics`), scheduleIcs(s, from, from + ICS_DAYS * 86_400_000))
    return `${s.name}.ics`
  })
  return { dir, files }
}
