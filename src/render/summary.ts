import type { Config } from '../config/types.js'
import { formatDuration } from '../config/duration.js'
import type { IncidentRecord } from '../domain/record.js'
import { lastUpdateAt, updatePeriod } from '../domain/due.js'
import { isActive } from '../domain/stages.js'
import { inline } from './markdown.js'
import { utc } from './time.js'

/**
 * The incident in one paragraph, as of `at` (the `/summary` reply): priority and why, stage and for
 * how long, the commander, the latest update and when the next is due. Names are written without
 * `@` and quoted text is defused (inline), so the reply pings nobody and breaks no markdown.
 */
export function renderSummary(r: IncidentRecord, config: Config, at: string): string {
  const t = Date.parse(at)
  const stage = config.stages[r.stage].name
  const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt
  const parts = [
    `**${r.priority}** (${inline(r.priorityReason, 200)}), ${stage} for ${formatDuration(Math.max(0, t - Date.parse(stageSince)))}; started ${utc(r.startedAt)}, ${formatDuration(Math.max(0, t - Date.parse(r.startedAt)))} ago.`,
    r.commander ? `Commander: \`${r.commander}\`.` : 'No commander yet: `/ack` to take command.',
  ]
  const update = [...r.events].reverse().find((e) => e.kind === 'update')
  if (update)
    parts.push(
      `Latest update (${utc(update.at)}, \`${update.actor}\`): ${inline(update.text ?? '', 300).replace(/([^.!?…])$/, '$1.')}`,
    )
  else parts.push('No update posted yet.')
  if (isActive(r.stage)) {
    const next = updatePeriod(r, config, at)
    parts.push(
      next.k > 0
        ? `An update is overdue since ${utc(next.dueAt)}.`
        : `Next update due by ${utc(new Date(Date.parse(lastUpdateAt(r)) + config.priorities[r.priority].update).toISOString())}.`,
    )
  }
  return parts.join(' ')
}
