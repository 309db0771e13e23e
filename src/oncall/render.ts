/* What the card and replies show of the on-call world: a service's row, an answer to `/oncall`. */
import type { Service } from '../config/types.js'
import { code, inline } from '../render/markdown.js'

/**
 * A link to a runbook: an https URL as it is, a repository path relative to the issue
 * (`../blob/HEAD/<path>` from `/<owner>/<repo>/issues/<n>` is the file on the default branch).
 * Anything else is shown as text, never as a link.
 */
export function runbookLink(runbook: string): string {
  if (/^https:\/\/[^\s<>()[\]`]+$/.test(runbook)) return `[runbook](${runbook})`
  const path = runbook.replace(/^\.?\//, '')
  if (/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..'))
    return `[runbook](../blob/HEAD/${path}) (${code(path, 100)})`
  return `runbook ${code(runbook, 100)}`
}

/** The card's Service row: name, runbook, channel, owners and code paths (owners in code: the card pings nobody). */
export function serviceRow(s: Service): string {
  const parts = [`**${inline(s.name, 40)}**`]
  if (s.runbook) parts.push(runbookLink(s.runbook))
  if (s.channel) parts.push(`chat ${code(s.channel, 60)}`)
  if (s.owners.length) parts.push(`owners ${s.owners.map((o) => code(o, 60)).join(', ')}`)
  if (s.paths.length)
    parts.push(
      `code ${s.paths
        .slice(0, 5)
        .map((p) => code(p, 80))
        .join(', ')}${s.paths.length > 5 ? ` and ${s.paths.length - 5} more` : ''}`,
    )
  return parts.join(' · ')
}
