/**
 * The postmortem document: a parsed template filled in from the incident's record and facts.
 * Pure: no clock, no I/O, so the same input gives the same bytes.
 *
 * Shape of the body: a hidden first line `<!-- incidentops:postmortem:<incident> -->` (a re-run
 * finds the postmortem by it and never writes a second one), then the rendered template. The
 * follow-up list sits between `<!-- incidentops:followups -->` and `<!-- /incidentops:followups -->`
 * so `replaceFollowups` can rewrite just that part after people edited the rest.
 *
 * Size: GitHub refuses bodies over 65,536 characters. The result never exceeds `maxChars`
 * (default 60,000). When the timeline does not fit, it is summarised: the first and last entries
 * and every stage and priority change (and the declaration, acknowledgements, hand-overs and
 * dismissal) are kept, then as many of the other entries (updates, notes, alerts, impact edits)
 * as fit, taken from both ends; gap rows say how many entries were left out where, and a line
 * above the table counts them by kind and points to the incident. A table row is never cut.
 */
import { postmortemChanges } from '../render/suspects.js'
import { formatDuration } from '../config/duration.js'
import { marker, type IncidentRecord, type TimelineEvent } from '../domain/record.js'
import { milestones } from '../domain/milestones.js'
import { ConfigError } from '../errors.js'
import type { IncidentFacts } from '../intake/facts.js'
import { code, inline, neutralizeMentions } from '../render/markdown.js'
import { utc } from '../render/time.js'
import type { PlaceholderName, Template } from './template.js'

export const DEFAULT_MAX_CHARS = 60_000
/** Below this not even a summarised postmortem is useful. */
export const MIN_MAX_CHARS = 2_000
/** The follow-up list takes at most this many characters; further items are counted, not listed. */
export const FOLLOWUPS_MAX_CHARS = 10_000

export const FOLLOWUPS_START = '<!-- incidentops:followups -->'
export const FOLLOWUPS_END = '<!-- /incidentops:followups -->'

export interface Followup {
  number: number
  title: string
  state: 'open' | 'closed'
}

export interface PostmortemInput {
  record: IncidentRecord
  facts: IncidentFacts
  /** The incident issue's title. */
  title: string
  /** The incident issue's URL. */
  url: string
  /** `owner/name`. */
  repo: string
  followups: Followup[]
}

export interface RenderPostmortemOptions {
  /** Upper bound of the body length in characters (UTF-16 code units, as GitHub counts). Default 60,000; at least 2,000. */
  maxChars?: number
}

/** The hidden first line of a postmortem: `<!-- incidentops:postmortem:42 -->`. */
export const postmortemMarker = (incident: number): string => marker('postmortem', incident)

/** The incident a postmortem body belongs to, read from its first line; null when it is not one of ours. */
export function postmortemIncident(body: string): number | null {
  const m = /^<!-- incidentops:postmortem:(\d{1,10}) -->/.exec(body)
  return m ? Number(m[1]) : null
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

/**
 * The follow-up list wrapped in its markers: `- [x] #12 title` when closed, `- [ ] #13 title` when
 * open, sorted by number so the same set always gives the same bytes. Bounded by
 * `FOLLOWUPS_MAX_CHARS`: items that do not fit are counted.
 */
export function followupsSection(followups: readonly Followup[]): string {
  const sorted = [...followups].sort((a, b) => a.number - b.number)
  const lines: string[] = []
  if (sorted.length === 0)
    lines.push('_No follow-ups yet: comment `/followup <title>` on the incident or on this issue to open one._')
  else {
    const more = (n: number): string => `- _… and ${thousands(n)} more follow-ups, labelled \`incident-followup\`._`
    const reserve = more(sorted.length).length + 1
    let used = 0
    for (const [i, f] of sorted.entries()) {
      const line = `- [${f.state === 'closed' ? 'x' : ' '}] #${Math.trunc(f.number)} ${inline(f.title, 200)}`.trimEnd()
      if (used + line.length + 1 + reserve > FOLLOWUPS_MAX_CHARS) {
        lines.push(more(sorted.length - i))
        break
      }
      lines.push(line)
      used += line.length + 1
    }
  }
  return [FOLLOWUPS_START, ...lines, FOLLOWUPS_END].join('\n')
}

/**
 * Rewrites the follow-up section of a postmortem body and leaves every other character as people
 * left it. The section is the last start marker that has an end marker after it, up to that end
 * marker (a stray marker left by an edit is left alone). When there is no such section (people
 * deleted it), it is appended at the end. Line endings follow the body's (GitHub's editor sends CRLF).
 * Idempotent: applying it twice gives the same body as applying it once.
 */
export function replaceFollowups(body: string, followups: readonly Followup[]): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n'
  const section = followupsSection(followups).replace(/\n/g, eol)
  let start = body.lastIndexOf(FOLLOWUPS_START)
  while (start >= 0) {
    const end = body.indexOf(FOLLOWUPS_END, start + FOLLOWUPS_START.length)
    if (end >= 0) return body.slice(0, start) + section + body.slice(end + FOLLOWUPS_END.length)
    start = start === 0 ? -1 : body.lastIndexOf(FOLLOWUPS_START, start - 1)
  }
  if (body === '') return section + eol
  const sep = body.endsWith(eol + eol) ? '' : body.endsWith(eol) ? eol : eol + eol
  return `${body}${sep}${section}${eol}`
}

// ---------------------------------------------------------------------------------------------
// The document

/**
 * Renders a postmortem body from a parsed template. Throws `ConfigError` when the template alone
 * (everything but the timeline) does not fit in `maxChars`, and `RangeError` for a `maxChars`
 * below 2,000. When the template has no `{{followups}}`, the follow-up section is appended at the
 * end, so the action can keep it current.
 */
export function renderPostmortem(t: Template, input: PostmortemInput, opts: RenderPostmortemOptions = {}): string {
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS
  if (!(max >= MIN_MAX_CHARS))
    throw new RangeError(`renderPostmortem: maxChars must be at least ${MIN_MAX_CHARS}, got ${max}`)
  const values = placeholderValues(input)
  const hasFollowups = t.parts.some((p) => p.kind === 'placeholder' && p.name === 'followups')
  const hasChanges = t.parts.some((p) => p.kind === 'placeholder' && p.name === 'changes')
  const timelines = t.parts.filter((p) => p.kind === 'placeholder' && p.name === 'timeline').length

  const assemble = (timeline: string): string => {
    let out = `${postmortemMarker(input.record.number)}\n`
    for (const p of t.parts) out += p.kind === 'text' ? p.text : p.name === 'timeline' ? timeline : values[p.name]
    if (!hasChanges && values.changes) out = `${out.replace(/\n*$/, '')}\n\n## Changes\n\n${values.changes}\n`
    if (!hasFollowups) out = `${out.replace(/\n*$/, '')}\n\n${values.followups}\n`
    return out
  }

  const fixed = assemble('')
  if (fixed.length > max) {
    throw new ConfigError(
      `The postmortem template ${t.file} renders to ${thousands(fixed.length)} characters without the timeline, over the limit of ${thousands(max)}: shorten it.`,
      [
        {
          file: t.file,
          line: 1,
          column: 1,
          message: `renders to ${thousands(fixed.length)} characters without the timeline, over the limit of ${thousands(max)}`,
        },
      ],
    )
  }
  if (timelines === 0) return fixed
  const budget = Math.floor((max - fixed.length) / timelines)
  return assemble(timelineWithin(input, budget))
}

type Values = Record<Exclude<PlaceholderName, 'timeline'>, string>

function placeholderValues({ record: r, facts: f, title, url, repo, followups }: PostmortemInput): Values {
  const m = milestones(r)
  const at = (iso: string | null): string => (iso === null ? 'not reached' : utc(iso))
  const between = (a: string | null, b: string | null): string =>
    a === null || b === null ? 'not reached' : formatDuration(Date.parse(b) - Date.parse(a))
  const participants = participantsOf(r)
  const shownParticipants = participants.slice(0, 100)
  return {
    title: inline(title, 200) || `Incident #${r.number}`,
    number: String(r.number),
    url: safeUrl(url) ?? inline(url, 300),
    repo: inline(repo, 140),
    priority: inline(r.priority, 10),
    priority_reason:
      r.prioritySource === 'human'
        ? inline(r.priorityReason, 300)
        : `classified by the rules: ${inline(r.priorityReason, 300)}`,
    stage: inline(capital(r.stage), 40),
    services: f.services.length ? f.services.map((s) => code(s, 40)).join(', ') : 'none stated',
    impact: impactOf(f),
    summary: inline(f.summary, 500) || 'not stated',
    detection: f.detection ? inline(f.detection.replace(/-/g, ' '), 60) : 'not stated',
    started: at(m.startedAt),
    declared: at(m.declaredAt),
    acknowledged: at(m.acknowledgedAt),
    mitigated: at(m.mitigatedAt),
    resolved: at(m.resolvedAt),
    time_to_detect: between(m.startedAt, m.declaredAt),
    time_to_acknowledge: between(m.declaredAt, m.acknowledgedAt),
    time_to_mitigate: between(m.startedAt, m.mitigatedAt),
    time_to_resolve: between(m.startedAt, m.resolvedAt),
    participants: participants.length
      ? shownParticipants.map(who).join(', ') +
        (participants.length > shownParticipants.length
          ? ` and ${thousands(participants.length - shownParticipants.length)} more`
          : '')
      : 'nobody recorded',
    commander: r.commander ? who(r.commander) : 'nobody',
    links: linksOf(r.number, title, url, repo, f.links),
    followups: followupsSection(followups),
    changes: postmortemChanges(r),
  }
}

/** `Major degradation · 30% of users · **data loss**`, as the incident card says it. */
function impactOf(f: IncidentFacts): string {
  const parts = [
    f.impact ? inline(capital(f.impact.replace(/-/g, ' ')), 60) : 'impact not stated',
    f.usersAffected !== null ? `${f.usersAffected === 0 ? 'under 1' : f.usersAffected}% of users` : null,
    f.dataLoss ? '**data loss**' : null,
    f.security ? '**security exposure**' : null,
  ]
  return parts.filter(Boolean).join(' · ')
}

function linksOf(n: number, title: string, url: string, repo: string, links: string | null): string {
  const href = safeUrl(url)
  const ref = `${inline(repo, 140)}#${n}`
  const lines = [`- Incident: ${href ? `[${ref}](${href})` : ref}${title.trim() ? ` ${inline(title, 200)}` : ''}`]
  const given = (links ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
  for (const l of given.slice(0, 20)) lines.push(`- ${inline(l, 300)}`)
  if (given.length > 20) lines.push(`- _… and ${given.length - 20} more lines in the incident._`)
  return lines.join('\n')
}

/** An http(s) URL fit for a markdown link target, or null. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s()<>"'`\\]+$/.test(url) ? url : null
}

/** People who acted, in order of first appearance: event actors, commanders handed over to, the commander. Bots and monitors are not participants. */
function participantsOf(r: IncidentRecord): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  const add = (login: unknown): void => {
    if (typeof login !== 'string' || !login.trim() || /\[bot\]$/i.test(login)) return
    const key = login.toLowerCase()
    if (seen.has(key)) return
    seen.add(key)
    out.push(login)
  }
  for (const e of r.events) {
    // An alert's actor is the monitor (`grafana`), not a person.
    if (e.via !== 'alert') add(e.actor)
    if ((e.kind as string) === 'commander') add(e.to)
  }
  add(r.commander)
  return out
}

/** A login shown without pinging its owner: `@\u200balice` (as src/render/markdown.ts does). */
function who(login: unknown): string {
  if (typeof login !== 'string' || !login.trim()) return '—'
  return login.includes('[bot]') ? inline(login, 60) : neutralizeMentions(inline(`@${login.replace(/^@/, '')}`, 60))
}

// ---------------------------------------------------------------------------------------------
// The timeline

/** Entries kept when summarising: the milestones of the response. The rest (updates, notes, alerts, impact edits, unknown kinds) may be left out. */
const KEY_KINDS = new Set(['declared', 'stage', 'priority', 'ack', 'commander', 'dismissed'])

interface Row {
  index: number
  key: boolean
  kind: string
  line: string
}

const TABLE_HEAD = '| time (UTC) | what | who |\n|---|---|---|'

/** The events in time order (stable: equal or unreadable times keep their recorded order). */
function ordered(events: readonly TimelineEvent[]): TimelineEvent[] {
  let last = -Infinity
  const keyed = events.map((e, i) => {
    const t = Date.parse(typeof e?.at === 'string' ? e.at : '')
    if (!Number.isNaN(t)) last = t
    return { e, i, t: Number.isNaN(t) ? last : t }
  })
  return keyed.sort((a, b) => a.t - b.t || a.i - b.i).map((k) => k.e)
}

function timelineWithin(input: PostmortemInput, budget: number): string {
  const events = ordered(input.record.events ?? [])
  if (events.length === 0) return '_No events recorded._'
  const alertTitle = alertTitleOf(input.record)
  const rows: Row[] = events.map((e, index) => {
    const kind = typeof e?.kind === 'string' ? e.kind : 'unknown'
    return {
      index,
      kind,
      key: KEY_KINDS.has(kind) || index === 0 || index === events.length - 1,
      line: rowOf(e, alertTitle),
    }
  })
  const full = [TABLE_HEAD, ...rows.map((r) => r.line)].join('\n')
  if (full.length <= budget) return full

  const incident = safeUrl(input.url) ? `[#${input.record.number}](${input.url})` : `#${input.record.number}`
  const keyRows = rows.filter((r) => r.key)
  const otherRows = rows.filter((r) => !r.key)
  // Level 1: every key entry, and as many others as fit, from both ends.
  const withOthers = (k: number): Row[] => [...keyRows, ...ends(otherRows, k)].sort((a, b) => a.index - b.index)
  const level1 = largest(otherRows.length, (k) => summarised(rows, withOthers(k), incident, false), budget)
  if (level1 !== null) return level1
  // Level 2: too many key entries: the first and last, and as many key entries as fit, from both ends.
  const inner = keyRows.filter((r) => r.index !== 0 && r.index !== rows.length - 1)
  const firstLast = rows.length > 1 ? [rows[0]!, rows[rows.length - 1]!] : [rows[0]!]
  const withKeys = (k: number): Row[] => [...firstLast, ...ends(inner, k)].sort((a, b) => a.index - b.index)
  const level2 = largest(inner.length, (k) => summarised(rows, withKeys(k), incident, true), budget)
  if (level2 !== null) return level2
  const bare = `_The timeline (${thousands(rows.length)} entries) is too long for this issue: it is in the incident, ${incident}._`
  return bare.length <= budget ? bare : ''
}

/** The first ⌈k/2⌉ and last ⌊k/2⌋ of a list. */
function ends<T>(list: readonly T[], k: number): T[] {
  if (k >= list.length) return [...list]
  const head = Math.ceil(k / 2)
  return [...list.slice(0, head), ...list.slice(list.length - (k - head))]
}

/** The render for the largest k in [0, n] that fits the budget (binary search; the result is always checked), or null. */
function largest(n: number, render: (k: number) => string, budget: number): string | null {
  let best = render(0)
  if (best.length > budget) return null
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    const out = render(mid)
    if (out.length <= budget) {
      lo = mid
      best = out
    } else hi = mid - 1
  }
  return best
}

/** The kept rows, with a gap row wherever entries were left out, under a line counting them by kind. */
function summarised(all: readonly Row[], kept: readonly Row[], incident: string, keysDropped: boolean): string {
  const left = all.length - kept.length
  const keptIndex = new Set(kept.map((r) => r.index))
  const counts = new Map<string, number>()
  for (const r of all) if (!keptIndex.has(r.index)) counts.set(bucket(r.kind), (counts.get(bucket(r.kind)) ?? 0) + 1)
  const order = ['update', 'note', 'alert', 'impact', 'stage', 'priority', 'other']
  const names: Record<string, [string, string]> = {
    update: ['update', 'updates'],
    note: ['note', 'notes'],
    alert: ['alert event', 'alert events'],
    impact: ['impact edit', 'impact edits'],
    stage: ['stage change', 'stage changes'],
    priority: ['priority change', 'priority changes'],
    other: ['other entry', 'other entries'],
  }
  const what = order
    .filter((k) => counts.has(k))
    .map((k) => {
      const n = counts.get(k)!
      return `${thousands(n)} ${names[k]![n === 1 ? 0 : 1]}`
    })
  const kept_ = keysDropped
    ? 'the first and last entries are kept'
    : 'the first and last entries and every stage and priority change are kept'
  const note = `_Summarised to fit GitHub's size limit: ${thousands(left)} of ${thousands(all.length)} entries left out (${list(what)}); ${kept_}. The full timeline is in the incident, ${incident}._`
  const lines = [note, '', TABLE_HEAD]
  let prev = -1
  for (const r of kept) {
    if (r.index > prev + 1) lines.push(gap(r.index - prev - 1))
    lines.push(r.line)
    prev = r.index
  }
  if (prev < all.length - 1) lines.push(gap(all.length - 1 - prev))
  return lines.join('\n')
}

const gap = (n: number): string => `| ⋯ | _${thousands(n)} ${n === 1 ? 'entry' : 'entries'} left out_ | |`

function bucket(kind: string): string {
  if (
    kind === 'update' ||
    kind === 'note' ||
    kind === 'alert' ||
    kind === 'impact' ||
    kind === 'stage' ||
    kind === 'priority'
  )
    return kind
  return 'other'
}

function rowOf(e: TimelineEvent, alertTitle: string | null): string {
  const time = typeof e?.at === 'string' ? utc(e.at).replace(/ UTC$/, '') : '—'
  // What an alert did was done by the monitor (its name, e.g. `grafana`), not by a GitHub user.
  const by = e?.via === 'alert' && typeof e.actor === 'string' && e.actor.trim() ? code(e.actor, 40) : who(e?.actor)
  return `| ${time} | ${describe(e, alertTitle)} | ${by} |`
}

/** The title of the alert behind the incident, when the record has one. */
function alertTitleOf(r: IncidentRecord): string | null {
  const t = (r as { alert?: { title?: unknown } }).alert?.title
  return typeof t === 'string' && t.trim() ? t : null
}

const VIA: Record<string, string> = {
  form: 'incident form',
  rules: 'rules',
  label: 'label',
  command: 'command',
  alert: 'alert',
  close: 'issue closed',
  reopen: 'issue reopened',
  edit: 'issue edited',
  schedule: 'schedule',
}

/** One timeline entry in words. Unknown kinds (a newer record read by an older renderer) are shown generically, never dropped. */
function describe(e: TimelineEvent, alertTitle: string | null): string {
  const via = typeof e.via === 'string' ? ` (${VIA[e.via] ?? inline(e.via, 30)})` : ''
  const text = (max: number): string => (typeof e.text === 'string' && e.text.trim() ? inline(e.text, max) : '')
  const withText = (s: string, max: number): string => (text(max) ? `${s}: ${text(max)}` : s)
  const from = typeof e.from === 'string' ? inline(e.from, 40) : '?'
  const to = typeof e.to === 'string' ? inline(e.to, 40) : '?'
  const kind = e.kind as string
  switch (kind) {
    case 'declared':
      return `Declared${typeof e.to === 'string' ? ` as **${to}**` : ''}${via}`
    case 'priority':
      return withText(`Priority ${from} → **${to}**${via}`, 200)
    case 'stage':
      return `Stage ${capital(from)} → **${capital(to)}**${via}`
    case 'impact':
      return withText('Impact changed', 200)
    case 'update':
      return withText('**Update**', 500)
    case 'note':
      return withText('Note', 500)
    case 'ack':
      return 'Acknowledged: took command'
    case 'commander':
      return `Commander → ${typeof e.to === 'string' ? who(e.to) : '?'}`
    case 'dismissed':
      return withText('Dismissed as a false alarm', 200)
    case 'alert': {
      // The record stores the alert's status in `text` ('firing', 'firing again', 'resolved'); the alert's title is on the record.
      const status = typeof e.to === 'string' ? e.to : typeof e.text === 'string' ? e.text : ''
      const known = /^(firing|firing again|resolved)$/.test(status.trim())
      const head = `Alert ${known ? status.trim() : ''}`.trim()
      const name = alertTitle ? `: ${inline(alertTitle, 200)}` : ''
      return known ? `${head}${name}` : withText(`${head}${name}`, 200)
    }
    case 'escalation':
      return `Escalated to level ${to}: not acknowledged in time${via}`
    case 'postmortem':
      return e.text === 'done'
        ? 'Postmortem done'
        : e.to === 'comment'
          ? 'Postmortem written (a comment on the incident)'
          : `Postmortem ${to} opened`
    case 'followup':
      return withText(`Follow-up ${to} opened`, 200)
    // Ours (src/changes/cause.ts): `#12`, a short sha or `deployment 12`, kept as written so `#12` links.
    case 'cause':
      return `Cause confirmed: ${typeof e.to === 'string' && /^[#\w ()-]{1,60}$/.test(e.to) ? e.to : to}`
    case 'mitigation':
      return `Mitigation: ${typeof e.to === 'string' && /^#\d+$/.test(e.to) ? e.to : to} merged${typeof e.from === 'string' && /^#\d+$/.test(e.from) ? ` (reverts ${e.from})` : ''}`
    case 'start':
      return `Start time edited: ${typeof e.from === 'string' ? utc(e.from) : '?'} → ${typeof e.to === 'string' ? utc(e.to) : '?'}${via}`
    default: {
      const change = typeof e.from === 'string' || typeof e.to === 'string' ? ` ${from} → ${to}` : ''
      return withText(`${capital(inline(kind, 40) || 'Event')}${change}${via}`, 200)
    }
  }
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
