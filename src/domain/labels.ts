import type { Config, Priority } from '../config/types.js'
import type { LabelSpec } from './snapshot.js'
import { fitLabelName } from '../github/content-limits.js'

export const PRIORITY_PREFIX = 'priority/'
export const STAGE_PREFIX = 'stage/'
export const SERVICE_PREFIX = 'service/'

const PRIORITY_COLORS: Record<Priority, string> = { P1: 'b60205', P2: 'd93f0b', P3: 'fbca04', P4: '0e8a16' }

export const priorityLabel = (p: Priority): string => `${PRIORITY_PREFIX}${p}`
// Names from config and people's text: cut to GitHub's 50 characters the same way everywhere.
export const stageLabel = (stage: string): string => fitLabelName(`${STAGE_PREFIX}${stage}`)
export const serviceLabel = (s: string): string => fitLabelName(`${SERVICE_PREFIX}${s}`)

/** The label specs (name, colour, description) the action creates when missing. */
export function labelSpec(name: string, config: Config): LabelSpec {
  const lower = name.toLowerCase()
  if (lower === config.labels.incident.toLowerCase())
    return { name, color: 'd73a4a', description: 'An incident, managed by IncidentOps' }
  if (lower.startsWith(PRIORITY_PREFIX)) {
    const p = name.slice(PRIORITY_PREFIX.length) as Priority
    return {
      name,
      color: PRIORITY_COLORS[p] ?? 'cccccc',
      description: `${p}: ${config.priorities[p]?.description ?? ''}`.slice(0, 100),
    }
  }
  if (lower.startsWith(STAGE_PREFIX))
    return { name, color: '1d76db', description: `Incident stage: ${name.slice(STAGE_PREFIX.length)}` }
  if (lower.startsWith(SERVICE_PREFIX)) return { name, color: 'c5def5', description: 'Service affected by an incident' }
  return { name, color: 'ededed', description: '' }
}

/** The priority labels on an issue, as priorities (unknown suffixes ignored). */
export function priorityLabelsOn(labels: readonly string[]): Priority[] {
  const out: Priority[] = []
  for (const l of labels) {
    if (!l.toLowerCase().startsWith(PRIORITY_PREFIX)) continue
    const p = l.slice(PRIORITY_PREFIX.length).toUpperCase()
    if (p === 'P1' || p === 'P2' || p === 'P3' || p === 'P4') out.push(p)
  }
  return out
}
