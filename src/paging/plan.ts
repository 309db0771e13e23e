/*
 * Which pages an escalation makes, and the effects that send them. Pure: the pages are recorded in
 * the incident's record (the card) when the level fires, and their effects are applied only once
 * the card that records them was written. A re-run, a retried run or a later sweep finds the level
 * escalated and the page keys recorded, and pages nobody again: at most once per page.
 */
import type { Config } from '../config/types.js'
import type { IncidentRecord, PageRecord } from '../domain/record.js'
import { CHANNEL_KINDS, type ChannelKind, type Contact } from './config.js'
import { pageText } from './text.js'

/** One page on one channel: sent by the run's executor (never in a dry run), after the record is written. */
export interface PageEffect {
  kind: 'page'
  issue: number
  /** The page's key in the record (`L1:@alice`). */
  key: string
  who: string | null
  schedule?: string
  channel: ChannelKind
  /** Short, one line (the push title, the mail subject). */
  title: string
  /** The message: defused and bounded (text.ts). */
  text: string
  /** The incident's issue URL. */
  url: string
  priority: string
}

const channelsOf = (c: Contact | undefined): ChannelKind[] => (c ? CHANNEL_KINDS.filter((k) => c[k]) : [])

/**
 * The pages of one escalation level: every person called who has channels in `oncall.paging.people`,
 * and every whole schedule resolved that has channels of its own. Keys already recorded are left
 * out, as are priorities that do not page phones. The GitHub mention is posted either way.
 */
export function planPages(
  r: IncidentRecord,
  level: number,
  called: readonly string[],
  schedules: readonly { name: string; who: string | null }[],
  config: Pick<Config, 'oncall'>,
  now: string,
): PageRecord[] {
  const paging = config.oncall.paging
  if (!paging.priorities.includes(r.priority)) return []
  const have = new Set((Array.isArray(r.pages) ? r.pages : []).map((p) => p.key))
  const out: PageRecord[] = []
  const add = (p: PageRecord): void => {
    if (p.channels.length && !have.has(p.key)) {
      have.add(p.key)
      out.push(p)
    }
  }
  for (const m of called) {
    // People only: a team (`@org/team`) has no phone.
    if (!/^@[A-Za-z0-9][A-Za-z0-9-]*$/.test(m)) continue
    const who = m.slice(1).toLowerCase()
    add({ key: `L${level}:@${who}`, at: now, level, who, channels: channelsOf(paging.people[who]) })
  }
  for (const s of schedules)
    add({
      key: `L${level}:schedule:${s.name}`,
      at: now,
      level,
      who: s.who?.toLowerCase() ?? null,
      schedule: s.name,
      channels: channelsOf(paging.schedules[s.name]),
    })
  return out
}

/** The pages in `after` whose keys `before` did not have: what this run recorded, so what it sends. */
export function newPages(before: IncidentRecord | null, after: IncidentRecord): PageRecord[] {
  const had = new Set((Array.isArray(before?.pages) ? before.pages : []).map((p) => p.key))
  return (Array.isArray(after.pages) ? after.pages : []).filter((p) => !had.has(p.key))
}

/** One effect per page and channel, with the text every channel sends. */
export function pageEffects(
  pages: readonly PageRecord[],
  r: IncidentRecord,
  issue: { title: string; url: string },
  repo: string,
): PageEffect[] {
  return pages.flatMap((p) =>
    p.channels.map((channel): PageEffect => ({
      kind: 'page',
      issue: r.number,
      key: p.key,
      who: p.who,
      ...(p.schedule ? { schedule: p.schedule } : {}),
      channel: channel as ChannelKind,
      title: pageText(`${r.priority} incident #${r.number} not acknowledged (level ${p.level})`, 120),
      text: pageText(
        `${issue.title} (${repo}#${r.number}, ${r.priority}, ${r.stage}). Nobody took command in time: take it with /ack on the issue.`,
        600,
      ),
      url: issue.url,
      priority: r.priority,
    })),
  )
}

/** `page @alice by ntfy (L1)`: the plan line (no secret, no address). */
export function describePage(e: PageEffect): string {
  const whom = e.schedule ? `schedule ${e.schedule}${e.who ? ` (@${e.who})` : ''}` : `@${e.who ?? '?'}`
  return `#${e.issue}: page ${whom} by ${e.channel} (${e.key.split(':')[0]})`
}
