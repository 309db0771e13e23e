/*
 * `/oncall` and `/cover` in a comment: read the on-call issue (one request, unless the comment is on
 * it), decide purely, and write through the run's executor: the replies, then the record in the issue body.
 */
import type { Config } from '../config/types.js'
import type { GitHubPort, IssueContext } from '../github/port.js'
import type { Effect } from '../plan.js'
import type { AppliedEffect, Executor } from '../apply.js'
import { findMarked, marker } from '../domain/record.js'
import { mayDecide, type Role } from '../domain/decide.js'
import { code, neutralizeMentions } from '../render/markdown.js'
import { localTime } from '../oncall/schedule.js'
import type { OncallView } from '../oncall/resolve.js'
import {
  KEEP_ENDED_MS,
  coverOverride,
  decodeOncall,
  findOncallIssue,
  parseOncallCommands,
  renderOncallAnswer,
  renderOncallIssue,
  viewOf,
  type OncallRecord,
} from '../oncall/store.js'

/** The on-call issue as a run finds it: its number and body, or null when none was opened yet. */
export interface OncallIssue {
  number: number
  body: string
}

/** Reads the on-call issue: one GraphQL request (the open issues with its label, first page). */
export async function readOncallIssue(port: GitHubPort, config: Config): Promise<OncallIssue | null> {
  for await (const page of port.incidentPages({ label: config.oncall.label, states: ['OPEN'] })) {
    const found = findOncallIssue(page.incidents)
    return found ? { number: found.number, body: found.body } : null
  }
  return null
}

/** The overrides for the pure core, read once per run however many incidents ask. */
export function oncallViewLoader(
  port: GitHubPort,
  config: Config,
  preloaded?: OncallIssue | null,
): () => Promise<OncallView> {
  let cached: Promise<OncallView> | undefined
  return () =>
    (cached ??= (preloaded !== undefined ? Promise.resolve(preloaded) : readOncallIssue(port, config)).then((i) =>
      viewOf(i?.body ?? null),
    ))
}

export interface OncallCommentResult {
  handled: boolean
  applied: AppliedEffect[]
  changes: string[]
}

const MAX_CATCH_UP = 20

/**
 * Handles the `/oncall` and `/cover` lines of a new comment. `/cover` counts only on the on-call
 * issue and from triage or more; earlier `/cover` comments there that no run handled are caught up.
 */
export async function handleOncallComment(
  port: GitHubPort,
  ctx: IssueContext,
  comment: { commentId: number; body: string; author: string; createdAt: string },
  config: Config,
  opts: { exec: Executor; now: () => string | null },
): Promise<OncallCommentResult> {
  const commands = parseOncallCommands(comment.body)
  if (!commands.length || !ctx.issue) return { handled: false, applied: [], changes: [] }
  const issue = ctx.issue
  const changes: string[] = []
  const effects: Effect[] = []
  const now = opts.now() ?? comment.createdAt
  if (!config.oncall.schedules.length) {
    const mk = marker('oncall-reply', comment.commentId)
    if (!findMarked(issue.comments, mk))
      effects.push({
        kind: 'create-comment',
        issue: issue.number,
        marker: mk,
        body: `${mk}\nThere are no on-call schedules in the configuration: add them under \`oncall.schedules\` (docs/oncall.md).`,
      })
    return { handled: true, applied: await opts.exec.apply(effects), changes: ['/oncall: no schedules configured'] }
  }
  const here =
    issue.viewerDidAuthor &&
    issue.body.startsWith('<!-- incidentops:oncall -->') &&
    issue.labels.some((l) => l.toLowerCase() === config.oncall.label.toLowerCase())
  const oncallIssue: OncallIssue | null = here
    ? { number: issue.number, body: issue.body }
    : await readOncallIssue(port, config)
  const previous: OncallRecord = (oncallIssue && decodeOncall(oncallIssue.body)) || {
    v: 1,
    overrides: [],
    processed: [],
  }
  const record: OncallRecord = structuredClone(previous)

  if (here) {
    // This comment and earlier ones no run handled (GitHub drops queued runs of a concurrency group).
    const roles = new Map<string, Role>()
    const roleOf = async (login: string): Promise<Role> => {
      if (!roles.has(login)) roles.set(login, (await port.getRole(login)) as Role)
      return roles.get(login)!
    }
    const floor = previous.processed.length ? Math.min(...previous.processed) : 0
    const pending = [
      ...issue.comments
        .filter(
          (c) =>
            c.databaseId < comment.commentId &&
            c.databaseId > floor &&
            !previous.processed.includes(c.databaseId) &&
            !c.viewerDidAuthor &&
            !c.authorIsBot &&
            c.author &&
            c.updatedAt === c.createdAt &&
            parseOncallCommands(c.body).some((x) => x.name !== 'oncall'),
        )
        .sort((a, b) => a.databaseId - b.databaseId)
        .slice(-MAX_CATCH_UP)
        .map((c) => ({ commentId: c.databaseId, body: c.body, author: c.author!, createdAt: c.createdAt })),
      comment,
    ]
    for (const c of pending) {
      if (record.processed.includes(c.commentId)) continue
      const covers = parseOncallCommands(c.body).filter((x) => x.name !== 'oncall')
      if (!covers.length) continue
      const role = await roleOf(c.author)
      const lines: string[] = []
      for (const cv of covers) {
        if (!mayDecide(role)) {
          lines.push(
            `${code(cv.line, 80)}: overrides need the triage role or more on this repository; nothing changed.`,
          )
          continue
        }
        if (cv.name === 'cover-invalid') {
          lines.push(
            `${code(cv.line, 80)}: write it as \`/cover @user until 2026-12-06 09:00\` or \`/cover @user <schedule> from 2026-12-24 00:00 to 2026-12-27 00:00 <reason>\`.`,
          )
          continue
        }
        const o = coverOverride(cv, config, c.author, c.commentId, c.createdAt)
        if ('problem' in o) {
          lines.push(`${code(cv.line, 80)}: ${o.problem}.`)
          continue
        }
        // Keyed by the comment (and the line's order in it): a re-run adds nothing.
        const key = `${o.source}:${covers.indexOf(cv)}`
        if (!record.overrides.some((x) => x.source === key))
          record.overrides.push({ ...o, source: key, at: c.createdAt })
        const zone = config.oncall.schedules.find((s) => s.name === o.schedule)!.timeZone
        lines.push(
          `✅ ${neutralizeMentions(`@${o.who}`)} covers ${code(o.schedule, 40)} from ${localTime(o.from, zone)} to ${localTime(o.to, zone)} (asked by ${neutralizeMentions(`@${c.author}`)}).`,
        )
        changes.push(
          `override: ${o.who} covers ${o.schedule} ${new Date(o.from).toISOString()} → ${new Date(o.to).toISOString()} (comment ${c.commentId})`,
        )
      }
      record.processed.push(c.commentId)
      const mk = marker('oncall-cover', c.commentId)
      if (lines.length && !findMarked(issue.comments, mk))
        effects.push({ kind: 'create-comment', issue: issue.number, marker: mk, body: `${mk}\n${lines.join('\n')}` })
    }
  } else if (commands.some((x) => x.name !== 'oncall')) {
    const mk = marker('oncall-cover', comment.commentId)
    const where = oncallIssue
      ? `the on-call issue #${oncallIssue.number}`
      : 'the on-call issue (comment `/oncall` once to have it opened)'
    if (!findMarked(issue.comments, mk))
      effects.push({
        kind: 'create-comment',
        issue: issue.number,
        marker: mk,
        body: `${mk}\n\`/cover\` counts only on ${where}, where every override is recorded with who asked; nothing changed here.`,
      })
    changes.push('/cover outside the on-call issue: pointed there')
  }

  if (commands.some((x) => x.name === 'oncall')) {
    const mk = marker('oncall-reply', comment.commentId)
    if (!findMarked(issue.comments, mk))
      effects.push({
        kind: 'create-comment',
        issue: issue.number,
        marker: mk,
        body: `${mk}\n${renderOncallAnswer(config, { overrides: record.overrides }, now)}`,
      })
    changes.push('/oncall answered')
  }

  // The record: overrides long over leave it (their comments stay); written only when it changed.
  const t = Date.parse(now)
  record.overrides = record.overrides.filter((o) => o.to > t - KEEP_ENDED_MS)
  record.processed = record.processed.slice(-300)
  const body = renderOncallIssue(record, config, now)
  if (!oncallIssue)
    effects.push({
      kind: 'create-issue',
      title: 'On call',
      body,
      labels: [config.oncall.label],
      marker: '<!-- incidentops:oncall -->',
    })
  else if (JSON.stringify(record) !== JSON.stringify(previous))
    effects.push({ kind: 'edit-issue', issue: oncallIssue.number, body, marker: '<!-- incidentops:oncall -->' })
  return { handled: true, applied: await opts.exec.apply(effects), changes }
}
