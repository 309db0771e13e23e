/*
 * Overrides without a pull request: `/cover` comments on the on-call issue, an issue IncidentOps
 * opens, whose body carries the overrides as a record (base64 JSON in a hidden line).
 *
 * Why an issue, and why its comments: the `/cover` comments are the audit trail (who asked, when,
 * in GitHub's own history, with our reply under each), and the body is what runs read: one request,
 * and none at all for the sweep, which gets it in the first page it already reads. Each override is
 * keyed by its comment's id, so a re-run adds nothing. Runs for comments on one issue share the
 * workflow's per-issue concurrency group, so they never write the body at once; a run that GitHub
 * dropped is caught up by the next one, which recomputes from the comments not yet in the record.
 * Pure: parsing, the record, and the body.
 */
import type { Config } from '../config/types.js'
import { code, inline, neutralizeMentions } from '../render/markdown.js'
import { iso, localTime, parseLocal, upcoming } from './schedule.js'
import type { OncallView, ScheduleOverride } from './resolve.js'

export const ONCALL_MARKER = '<!-- incidentops:oncall -->'
const RECORD_RE = /<!-- incidentops:oncall-record:v1:([A-Za-z0-9+/=]+) -->/

/** The on-call issue's record: the overrides asked for with `/cover`, and the comments already handled. */
export interface OncallRecord {
  v: 1
  overrides: (ScheduleOverride & { at: string })[]
  /** Ids of `/cover` comments handled (accepted or refused), so none is handled twice. */
  processed: number[]
  /** The last hand-off announced per schedule (src/oncall/handoff.ts): who, and when the sweep saw it. */
  handoffs?: Record<string, { who: string | null; at: string }>
}

/** Overrides that ended this long ago leave the record (their comments stay in the thread). */
export const KEEP_ENDED_MS = 30 * 86_400_000

export function encodeOncall(r: OncallRecord): string {
  return `<!-- incidentops:oncall-record:v1:${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`
}

/** The record in an on-call issue's body; null when absent or unreadable. Trust it only from an issue we opened. */
export function decodeOncall(body: string): OncallRecord | null {
  const m = RECORD_RE.exec(body)
  if (!m) return null
  try {
    const r = JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')) as OncallRecord
    if (r?.v !== 1 || !Array.isArray(r.overrides) || !Array.isArray(r.processed)) return null
    return r
  } catch {
    return null
  }
}

/** The on-call issue among issues carrying its label: the lowest-numbered open one we opened (a race that opened two keeps the first). */
export function findOncallIssue<I extends { number: number; body: string; viewerDidAuthor: boolean; state: string }>(
  issues: readonly I[],
): I | null {
  return (
    [...issues]
      .filter((i) => i.viewerDidAuthor && i.state.toLowerCase() === 'open' && i.body.startsWith(ONCALL_MARKER))
      .sort((a, b) => a.number - b.number)[0] ?? null
  )
}

/** The view the pure core needs (the overrides), from the on-call issue's body. */
export function viewOf(body: string | null): OncallView {
  return { overrides: (body ? decodeOncall(body)?.overrides : undefined) ?? [] }
}

export type OncallCommand =
  | { name: 'oncall'; line: string }
  | {
      name: 'cover'
      line: string
      who: string
      schedule: string | null
      from: string | null
      to: string
      reason: string
    }
  | { name: 'cover-invalid'; line: string }

const TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?`
const COVER = new RegExp(
  String.raw`^/cover\s+@?([A-Za-z0-9][A-Za-z0-9-]{0,38})(?:\s+(?:on\s+)?([a-z0-9][a-z0-9-]{0,39}))??\s+(?:until\s+(${TIME})|from\s+(${TIME})\s+to\s+(${TIME}))(?:\s+(.*))?$`,
  'i',
)

/**
 * The `/oncall` and `/cover` lines of a comment, with the rules of the incident commands: outside
 * fenced code, HTML comments and `>` quotes. At most 10 are taken.
 */
export function parseOncallCommands(body: string): OncallCommand[] {
  const out: OncallCommand[] = []
  let fence: string | null = null
  let inComment = false
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (out.length >= 10) break
    const line = raw.trim()
    if (inComment) {
      if (line.includes('-->')) inComment = false
      continue
    }
    const f = /^(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null
      continue
    }
    if (f) {
      fence = f[1]!
      continue
    }
    if (line.startsWith('<!--')) {
      if (!line.includes('-->')) inComment = true
      continue
    }
    if (line.startsWith('>')) continue
    if (/^\/oncall\b/i.test(line) && !/^\/oncall[-\w]/i.test(line)) out.push({ name: 'oncall', line })
    else if (/^\/cover\b/i.test(line)) {
      const m = COVER.exec(line.slice(0, 600))
      out.push(
        m
          ? {
              name: 'cover',
              line,
              who: m[1]!,
              schedule: m[2]?.toLowerCase() ?? null,
              from: m[4] ?? null,
              to: (m[3] ?? m[5])!,
              reason: (m[6] ?? '')
                .trim()
                .replace(/^[-—:]\s*/, '')
                .slice(0, 200),
            }
          : { name: 'cover-invalid', line },
      )
    }
  }
  return out
}

/** The longest override a command may ask for: longer cover belongs in the config, reviewed. */
export const MAX_COVER_MS = 31 * 86_400_000

/**
 * A `/cover` turned into an override, or the reason it cannot be: an unknown or missing schedule,
 * a time that does not parse, an end not after the start or already past, cover longer than 31 days.
 */
export function coverOverride(
  c: Extract<OncallCommand, { name: 'cover' }>,
  config: Pick<Config, 'oncall'>,
  by: string,
  commentId: number,
  createdAt: string,
): ScheduleOverride | { problem: string } {
  const names = config.oncall.schedules.map((s) => s.name)
  const schedule = c.schedule ?? (names.length === 1 ? names[0]! : null)
  if (!schedule)
    return { problem: `name the schedule: \`/cover @${c.who} <schedule> until …\` (schedules: ${names.join(', ')})` }
  const s = config.oncall.schedules.find((x) => x.name === schedule)
  if (!s) return { problem: `there is no schedule ${code(schedule, 40)} (schedules: ${names.join(', ') || 'none'})` }
  const from = c.from ? parseLocal(c.from, s.timeZone)?.toMillis() : Date.parse(createdAt)
  const to = parseLocal(c.to, s.timeZone)?.toMillis()
  if (from === undefined || to === undefined || Number.isNaN(from))
    return { problem: `a time does not parse; write it like 2026-12-06 09:00 (in ${s.timeZone}) or 2026-12-06T08:00Z` }
  if (to <= from)
    return { problem: `the end (${localTime(to, s.timeZone)}) is not after the start (${localTime(from, s.timeZone)})` }
  if (to <= Date.parse(createdAt)) return { problem: `the end (${localTime(to, s.timeZone)}) is already past` }
  if (to - from > MAX_COVER_MS)
    return {
      problem:
        'cover longer than 31 days belongs in the configuration (`overrides:` of the schedule), reviewed in a pull request',
    }
  return {
    schedule,
    who: c.who,
    from,
    to,
    source: `comment:${commentId}`,
    by,
    ...(c.reason ? { reason: c.reason } : {}),
  }
}

/** The on-call issue's body: what it is for, the overrides in force or to come, and the record. */
export function renderOncallIssue(record: OncallRecord, config: Pick<Config, 'oncall'>, now: string): string {
  const t = Date.parse(now)
  const live = record.overrides.filter((o) => o.to > t).sort((a, b) => a.from - b.from)
  const zone = (name: string): string => config.oncall.schedules.find((s) => s.name === name)?.timeZone ?? 'UTC'
  const lines = [
    ONCALL_MARKER,
    '## On call',
    '',
    `Who is on call comes from the schedules in the configuration (${config.oncall.schedules.map((s) => code(s.name, 40)).join(', ')}) and the overrides below. Comment here to add one (triage role or more):`,
    '',
    '```',
    '/cover @user until 2026-12-06 09:00',
    '/cover @user <schedule> from 2026-12-24 00:00 to 2026-12-27 00:00 holidays',
    '```',
    '',
    "Times are in the schedule's time zone unless they carry an offset (`Z`, `+01:00`). `/oncall` in any issue answers who is on call now and next.",
    '',
    '### Overrides',
    '',
  ]
  if (!live.length) lines.push('_None in force or to come._')
  else {
    lines.push('| schedule | who | from | to | asked by | reason |', '|---|---|---|---|---|---|')
    for (const o of live)
      lines.push(
        `| ${code(o.schedule, 40)} | ${neutralizeMentions(`@${o.who}`)} | ${localTime(o.from, zone(o.schedule))} | ${localTime(o.to, zone(o.schedule))} | ${o.by ? neutralizeMentions(`@${o.by}`) : ''} | ${inline(o.reason ?? '', 200)} |`,
      )
  }
  lines.push('', encodeOncall(record))
  return lines.join('\n')
}

/** The answer to `/oncall`: per schedule, who now (and why), and the next two changes. Mentions defused: it pages nobody. */
export function renderOncallAnswer(config: Pick<Config, 'oncall'>, view: OncallView, now: string): string {
  const t = Date.parse(now)
  const out: string[] = []
  for (const s of config.oncall.schedules) {
    const [first, ...next] = upcoming(
      s,
      t,
      3,
      view.overrides.filter((o) => o.schedule === s.name),
    )
    const show = (who: string | null): string => (who ? neutralizeMentions(`@${who}`) : '_nobody_')
    const why = (r: typeof first): string =>
      r!.override
        ? `override${r!.override.by ? ` asked by ${neutralizeMentions(`@${r!.override.by}`)}` : ''}${r!.override.reason ? `: ${inline(r!.override.reason, 120)}` : ''}`
        : r!.layer
          ? `layer ${code(r!.layer, 40)}`
          : 'a gap'
    out.push(
      `- **${inline(s.name, 40)}**: ${show(first!.who)} (${why(first)})${first!.until ? ` until ${localTime(Date.parse(first!.until), s.timeZone)}` : ''}`,
    )
    for (const r of next)
      out.push(`  - then ${show(r.who)} (${why(r)}) from ${localTime(Date.parse(r.time), s.timeZone)}`)
  }
  return `**On call** at ${iso(t).slice(0, 16).replace('T', ' ')} UTC:\n\n${out.join('\n')}`
}
