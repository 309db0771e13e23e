import type { Config } from '../config/types.js'
import type { IncidentFacts } from '../intake/facts.js'
import type { BoardCache, IncidentRecord } from './record.js'
import { milestones } from './milestones.js'

export type FieldType = BoardCache['fields'][string]['type']

/** The project as read through the API: its fields, and this item with its values. */
export interface BoardSnapshot {
  projectId: string
  fields: BoardCache['fields']
  item: { id: string; values: Record<string, string | null> } | null
}

export interface FieldUpdate {
  field: string
  fieldId: string
  type: FieldType
  /** Option id for single-select, YYYY-MM-DD for dates, text for text; null clears the field. */
  value: string | null
  /** The value as a person reads it (option name, date, text), for the cache and the log. */
  shown: string | null
}

/** Field name → the value the board should show for this incident. */
export function desiredBoardValues(
  record: IncidentRecord,
  facts: IncidentFacts,
  config: Config,
): Record<string, string | null> {
  const p = config.project!
  const m = milestones(record)
  const out: Record<string, string | null> = { [p.statusField]: config.stages[record.stage].column }
  if (p.priorityField) out[p.priorityField] = record.priority
  if (p.startedField) out[p.startedField] = record.startedAt.slice(0, 10)
  if (p.resolvedField) out[p.resolvedField] = m.resolvedAt ? m.resolvedAt.slice(0, 10) : null
  if (p.serviceField) out[p.serviceField] = facts.services.length ? facts.services.join(', ') : null
  return out
}

/**
 * The updates that bring the item's values to the desired ones. A missing field or column is a
 * setup problem, reported with what exists so the fix is obvious; it never blocks the other fields.
 */
export function boardUpdates(
  desired: Record<string, string | null>,
  fields: BoardCache['fields'],
  current: Record<string, string | null>,
): { updates: FieldUpdate[]; problems: string[] } {
  const updates: FieldUpdate[] = []
  const problems: string[] = []
  for (const [name, want] of Object.entries(desired)) {
    const f = fields[name]
    if (!f) {
      problems.push(`the project has no field "${name}" (fields: ${Object.keys(fields).join(', ') || 'none'})`)
      continue
    }
    if ((current[name] ?? null) === want) continue
    if (f.type === 'SINGLE_SELECT' && want !== null) {
      const optionId = f.options?.[want]
      if (!optionId) {
        problems.push(
          `the field "${name}" has no option "${want}" (options: ${Object.keys(f.options ?? {}).join(', ') || 'none'}); add it to the project or rename it under \`stages\` in the config`,
        )
        continue
      }
      updates.push({ field: name, fieldId: f.id, type: f.type, value: optionId, shown: want })
    } else updates.push({ field: name, fieldId: f.id, type: f.type, value: want, shown: want })
  }
  return { updates, problems }
}
