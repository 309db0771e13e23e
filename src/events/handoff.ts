/*
 * The sweep's hand-off notices (src/oncall/handoff.ts decides): the on-call issue's record first,
 * then one comment per hand-off, through the run's executor. A schedule without `channel` costs
 * nothing; a sweep with no hand-off due costs no request (the on-call issue comes with the first
 * page the sweep reads); a hand-off costs one read (the issue again, just before writing its body,
 * so that a `/cover` recorded meanwhile is kept) and two writes.
 */
import type { Config } from '../config/types.js'
import type { GitHubPort } from '../github/port.js'
import type { Effect } from '../plan.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'
import { decodeOncall, ONCALL_MARKER, renderOncallIssue } from '../oncall/store.js'
import { planHandoffs, type OpenIncident } from '../oncall/handoff.js'
import { readOncallIssue, type OncallIssue } from './oncall.js'

/** Posts the hand-offs due now; returns the writes and one summary line per notice. */
export async function announceHandoffs(
  port: GitHubPort,
  config: Config,
  now: string,
  open: readonly OpenIncident[],
  /** The on-call issue from the sweep's first page (null: none yet; undefined: not read). */
  preloaded: OncallIssue | null | undefined,
  exec: Executor,
): Promise<{ applied: AppliedEffect[]; lines: string[] }> {
  if (!config.oncall.schedules.some((s) => s.channel)) return { applied: [], lines: [] }
  let issue = preloaded !== undefined ? preloaded : await readOncallIssue(port, config)
  if (!planHandoffs(config, issue ? decodeOncall(issue.body) : null, now, open).changed)
    return { applied: [], lines: [] }
  // Read again right before the write: a `/cover` run may have changed the body since the sweep began.
  if (issue) issue = await readOncallIssue(port, config)
  const plan = planHandoffs(config, issue ? decodeOncall(issue.body) : null, now, open)
  if (!plan.changed) return { applied: [], lines: [] }
  const body = renderOncallIssue(plan.record, config, now)
  const first: Effect = issue
    ? { kind: 'edit-issue', issue: issue.number, body, marker: ONCALL_MARKER }
    : { kind: 'create-issue', title: 'On call', body, labels: [config.oncall.label], marker: ONCALL_MARKER }
  const applied = await exec.apply([first])
  const written = createdBy(applied[0])
  const number = issue?.number ?? written?.issue
  if (!written || number === undefined) return { applied, lines: [] }
  applied.push(
    ...(await exec.apply(
      plan.notices.map((n): Effect => ({ kind: 'create-comment', issue: number, marker: n.marker, body: n.body })),
    )),
  )
  return { applied, lines: plan.notices.map((n) => `Hand-off on schedule ${n.schedule} announced in #${number}.`) }
}
