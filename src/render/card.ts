import type { Config } from '../config/types.js'
import { formatDuration } from '../config/duration.js'
import type { IncidentFacts } from '../intake/facts.js'
import { CARD_MARKER, encodeRecord, type IncidentRecord, type TimelineEvent } from '../domain/record.js'
import { code, inline, neutralizeMentions } from './markdown.js'
import { utc, utcShort } from './time.js'
import { ackClockStart } from '../domain/due.js'
import { serviceRow } from '../oncall/render.js'
import { renderSuspects } from './suspects.js'
import { similarSection } from '../history/render.js'

const PRIORITY_ICON: Record<string, string> = { P1: '🔴', P2: '🟠', P3: '🟡', P4: '🟢' }

export const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** A login shown without pinging its owner (edits never notify, but the first post would). */
const who = (login: string): string =>
  login === 'incidentops' ? 'IncidentOps' : login.includes('[bot]') ? inline(login) : neutralizeMentions(`@${login}`)

export interface CardInput {
  record: IncidentRecord
  facts: IncidentFacts
  config: Config
  /** Checklist items already ticked in the current card, so re-rendering keeps people's ticks. */
  ticked: ReadonlySet<string>
  /** Our own warnings about the installation (markdown we wrote, each starting with its hidden marker), shown under the heading. */
  warnings?: readonly string[]
}

/**
 * The incident card: live status for people, the record hidden at the end for the machine.
 * Renders only from its inputs (times are absolute): the same record gives the same bytes.
 */
export function renderCard({ record: r, facts: f, config, ticked, warnings = [] }: CardInput): string {
  const policy = config.priorities[r.priority]
  const lines: string[] = [CARD_MARKER]
  lines.push(`### ${PRIORITY_ICON[r.priority] ?? ''} ${r.priority} incident · ${title(r.stage)}`)
  lines.push('')
  for (const w of warnings) lines.push(`> [!WARNING]\n> ${w}`, '')
  if (f.summary) lines.push(`**What is broken:** ${inline(f.summary, 300)}`, '')
  const stageSince = [...r.events].reverse().find((e) => e.kind === 'stage')?.at ?? r.declaredAt
  const impact = [
    f.impact ? title(f.impact.replace(/-/g, ' ')) : 'impact not stated',
    f.usersAffected !== null ? `${f.usersAffected === 0 ? 'under 1' : f.usersAffected}% of users` : null,
    f.dataLoss ? '**data loss**' : null,
    f.security ? '**security exposure**' : null,
  ].filter(Boolean)
  const rows: [string, string][] = [
    [
      'Priority',
      `**${r.priority}** (${inline(policy.description, 120)}): ${r.prioritySource === 'human' ? inline(r.priorityReason, 200) : inline(r.priorityReason, 200)}`,
    ],
    ['Stage', `${title(r.stage)} since ${utcShort(stageSince, r.declaredAt)}`],
    [
      'Started',
      r.startedAt === r.declaredAt
        ? `${utc(r.startedAt)} (reported then)`
        : `${utc(r.startedAt)} · reported ${utcShort(r.declaredAt, r.startedAt)}`,
    ],
    ['Impact', impact.join(' · ')],
  ]
  if (f.services.length) rows.push(['Services', f.services.map((s) => code(s, 40)).join(', ')])
  const service = r.service ? config.services.find((s) => s.name === r.service) : undefined
  if (service) rows.push(['Service', serviceRow(service)])
  if (f.detection) rows.push(['Detected by', inline(f.detection.replace(/-/g, ' '), 60)])
  if (r.alert) {
    const a = r.alert
    rows.push([
      'Alert',
      `${a.status === 'firing' ? '🔥 firing' : '✅ resolved'} · ${a.occurrences} occurrence${a.occurrences === 1 ? '' : 's'} · last ${utcShort(a.lastSeen, r.declaredAt)} · key ${code(a.key, 80)}`,
    ])
  }
  if (r.unconfirmed)
    rows.push([
      'Unconfirmed',
      'declared by someone without the triage role: nobody is paged or escalated to until a responder comments `/confirm` (or `/ack`)',
    ])
  if (r.stage === 'triage') {
    rows.push(['Commander', 'nobody yet: comment `/ack` to take command'])
    if (!r.unconfirmed)
      rows.push([
        'Acknowledge by',
        `${utcShort(new Date(Date.parse(ackClockStart(r)) + policy.ack).toISOString(), r.declaredAt)} (${r.priority}: within ${formatDuration(policy.ack)})`,
      ])
  }
  if (r.postmortem?.issue) rows.push(['Postmortem', `#${r.postmortem.issue}${r.postmortem.done ? ' (done)' : ''}`])
  else if (r.postmortem?.pr)
    rows.push([
      'Postmortem',
      `#${r.postmortem.pr} (pull request${r.postmortem.done ? ', merged' : ': merge it when it is done'})`,
    ])
  else if (r.postmortem?.comment)
    rows.push([
      'Postmortem',
      r.postmortem.done
        ? 'in a comment below (done)'
        : 'in a comment below: fill it in, then comment `/postmortem done`',
    ])
  if (r.followups?.length)
    rows.push(['Follow-ups', r.followups.map((x) => `#${x.number}${x.state === 'closed' ? ' ✓' : ''}`).join(', ')])
  rows.push(['Updates', `every ${formatDuration(policy.update)}: comment \`/update <what changed>\``])
  lines.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| **${k}** | ${v} |`), '')

  if (f.notes.length) lines.push(...f.notes.map((n) => `> [!NOTE]\n> ${n}`), '')

  if (policy.crisis && config.crisis.checklist.length) {
    lines.push('#### Crisis communication', '')
    for (const item of config.crisis.checklist) lines.push(`- [${ticked.has(item) ? 'x' : ' '}] ${inline(item, 200)}`)
    lines.push('')
  }

  lines.push(...renderSuspects(r))
  if (r.similar) lines.push(...similarSection(r.similar))

  lines.push('#### Timeline', '', '| time | what | by |', '|---|---|---|')
  // In the order things happened: some events are recorded after later ones (an alert's resolution
  // carries the monitor's time, which precedes the run that learns of it). Equal times keep record order.
  const byTime = r.events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
  const shown = byTime.slice(-30)
  if (shown.length < r.events.length)
    lines.push(`| | _${r.events.length - shown.length} earlier entries in the record_ | |`)
  for (const e of shown) lines.push(`| ${utcShort(e.at, r.declaredAt)} | ${describeEvent(e)} | ${who(e.actor)} |`)
  lines.push('')
  lines.push(
    '<sub>Managed by IncidentOps: this comment is rewritten as the incident changes. Commands: `/ack`, `/update`, `/priority`, `/help`.</sub>',
  )
  lines.push(encodeRecord(r))
  return lines.join('\n')
}

function describeEvent(e: TimelineEvent): string {
  switch (e.kind) {
    case 'declared':
      return `Declared ${e.to ?? ''} (${e.via === 'form' ? 'incident form' : e.via})`
    case 'priority':
      return `Priority ${e.from ?? '?'} → **${e.to}** (${e.via})${e.text ? `: ${inline(e.text, 150)}` : ''}`
    case 'stage':
      return `Stage ${title(e.from ?? '?')} → **${title(e.to ?? '?')}** (${e.via})`
    case 'impact':
      return `Impact changed: ${inline(e.text, 150)}`
    case 'update':
      return `Update: ${inline(e.text, 200)}`
    case 'note':
      return `Note: ${inline(e.text, 200)}`
    case 'ack':
      return 'Acknowledged: took command'
    case 'commander':
      return `Commander → ${e.to ? who(e.to) : '?'}`
    case 'dismissed':
      return `Dismissed as a false alarm${e.text ? `: ${inline(e.text, 150)}` : ''}`
    case 'alert':
      return `Alert ${inline(e.text, 150)}`
    case 'escalation':
      return `Escalated (level ${e.to ?? '?'}): not acknowledged in time`
    case 'postmortem':
      return e.text === 'done'
        ? 'Postmortem done'
        : e.to === 'comment'
          ? 'Postmortem written (a comment below)'
          : `Postmortem ${e.to ?? ''} opened`
    case 'followup':
      return `Follow-up ${e.to ?? ''} opened${e.text ? `: ${inline(e.text, 120)}` : ''}`
    case 'refused':
      return `Refused (needs the triage role): ${inline(e.text, 150)}`
    case 'confirmed':
      return 'Confirmed: the response starts'
    case 'cause':
      // Our own label (src/changes/cause.ts causeLabel: digits and hex only), so `#12` stays a link.
      return `Cause confirmed: ${e.to ?? '?'}`
    case 'mitigation':
      return `Mitigation: ${e.to ?? '?'} merged${e.from ? ` (reverts ${e.from})` : ''}`
    case 'start':
      return `Start time edited: ${e.from ? utc(e.from) : '?'} → **${e.to ? utc(e.to) : '?'}** (${e.via})`
  }
}

/** The checklist items ticked in an existing card (`- [x] item`). */
export function tickedItems(cardBody: string | undefined, checklist: readonly string[]): Set<string> {
  const out = new Set<string>()
  if (!cardBody) return out
  for (const item of checklist) {
    const rendered = inline(item, 200)
    if (cardBody.includes(`- [x] ${rendered}`) || cardBody.includes(`- [X] ${rendered}`)) out.add(item)
  }
  return out
}
