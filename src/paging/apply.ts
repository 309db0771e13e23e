/*
 * The pages one incident run sends: those its decision recorded, and only once the card carrying
 * that record was written (or, in a dry run, planned). Record first, then send: a run that dies
 * between the two loses the page (the escalation comment and its mention are already posted), and
 * no run ever pages twice. At most once, because a duplicate page at night is what people learn
 * to mute, and the mention stays as the fallback.
 */
import type { IssueContext } from '../domain/snapshot.js'
import { CARD_MARKER, type IncidentRecord } from '../domain/record.js'
import type { Effect } from '../plan.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'
import { newPages, pageEffects } from './plan.js'

/** Sends the pages this run recorded, after its card write; returns what was sent, planned or failed. */
export async function sendPages(
  previous: IncidentRecord | null,
  record: IncidentRecord,
  effects: readonly Effect[],
  done: readonly AppliedEffect[],
  ctx: IssueContext,
  opts: { exec: Executor; repo: string; log: (line: string) => void },
): Promise<AppliedEffect[]> {
  const fresh = newPages(previous, record)
  if (!fresh.length || !ctx.issue) return []
  const i = effects.findIndex(
    (e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === CARD_MARKER,
  )
  if (i < 0 || !createdBy(done[i])) {
    // The record was not written (the budget ran out): the next run recomputes the escalation and pages then.
    opts.log(`pages of #${record.number} wait for its record to be written: left for the next run`)
    return []
  }
  return opts.exec.apply(pageEffects(fresh, record, { title: ctx.issue.title, url: ctx.issue.url }, opts.repo))
}
