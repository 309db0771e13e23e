/**
 * The card's "Suspect changes" section and the postmortem's "Changes" section: pure markdown from
 * the record. Titles, paths, labels and environments are other people's text: defused (inline/code).
 */
import type { IncidentRecord } from '../domain/record.js'
import type { Reason, Suspect } from '../changes/rank.js'
import { causeLabel, proposedCause } from '../changes/cause.js'
import { code, inline } from './markdown.js'
import { utcShort } from './time.js'

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m ? `${h} h ${m} min` : `${h} h`
}

/** One reason in words. */
export function describeReason(r: Reason, ref: string): string {
  switch (r.kind) {
    case 'time':
      return `${duration(Math.max(0, r.minutes))} before the start`
    case 'paths':
      return `touches the service's code paths (${code(r.detail, 80)}${r.count > 1 ? ` and ${r.count - 1} more` : ''})`
    case 'owners':
      return `touches files CODEOWNERS gives the service's owners (${code(r.detail, 80)}${r.count > 1 ? ` and ${r.count - 1} more` : ''})`
    case 'reverted':
      return `**reverted** by #${r.number} at ${utcShort(r.at, ref)}`
    case 'hotfix':
      return `hotfix label ${code(r.detail, 40)}`
    case 'deployed':
      return `deployed (deployment ${r.id}, ${code(r.detail, 20)}) at ${utcShort(r.at, ref)}`
  }
}

/** How a suspect is named: a pull request links itself; a deployment and a release are named. */
export function suspectName(s: Suspect): string {
  if (s.kind === 'pr') return `#${s.id}`
  if (s.kind === 'deployment') return `deployment ${s.id}`
  return `release ${code(s.tag ?? '?', 60)}`
}

function suspectTitle(s: Suspect): string {
  if (s.kind === 'deployment') return `to ${code(s.title, 60)}${s.sha ? ` (${code(s.sha.slice(0, 7), 10)})` : ''}`
  return inline(s.title, 120)
}

/** The card section: the ranked suspects with their reasons, the proposed or confirmed cause. */
export function renderSuspects(r: IncidentRecord): string[] {
  if (!r.suspects && !r.cause && !r.mitigations?.length) return []
  const lines = ['#### Suspect changes', '']
  const proposed = proposedCause(r)
  if (r.cause)
    lines.push(
      `**Cause confirmed:** ${causeLabel(r.cause)}${r.cause.title ? ` ${inline(r.cause.title, 120)}` : ''}`,
      '',
    )
  else if (proposed !== null)
    lines.push(
      `**Proposed cause:** #${proposed} (reverted during the incident): confirm with \`/cause #${proposed}\``,
      '',
    )
  const suspects = r.suspects ?? []
  if (suspects.length === 0 && r.suspects)
    lines.push('_No pull request merged, deployment or release in the window before the start._', '')
  if (suspects.length) {
    lines.push('| # | change | why |', '|---|---|---|')
    suspects.forEach((s, i) =>
      lines.push(
        `| ${i + 1} | ${suspectName(s)} ${suspectTitle(s)} | ${s.reasons.map((x) => describeReason(x, r.startedAt)).join(' · ')} |`,
      ),
    )
    lines.push('')
  }
  if (r.mitigations?.length)
    lines.push(
      `**Mitigation:** ${r.mitigations.map((m) => `#${m.pr} merged ${utcShort(m.at, r.startedAt)}${m.reverts !== null ? ` (reverts #${m.reverts})` : ''}`).join(', ')}`,
      '',
    )
  if (!r.cause)
    lines.push(
      '<sub>`/cause #123`, `/cause <sha>`, `/cause <deployment id>` or `/cause none` records the cause; `/changes` reads the changes again.</sub>',
      '',
    )
  return lines
}

/** The postmortem's changes section ('' when the record has no suspects, cause or mitigation). */
export function postmortemChanges(r: IncidentRecord): string {
  const lines = renderSuspects(r)
  if (!lines.length) return ''
  // The card's heading and its command hint have no place in a postmortem.
  return lines
    .slice(2)
    .filter((l) => !l.startsWith('<sub>'))
    .join('\n')
    .trim()
}
