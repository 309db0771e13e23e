/*
 * Sending the notices a run recorded, after the write that records them. The incident runs use
 * `sendIncidentNotice`; anything else that changes what the page shows (scheduled maintenance)
 * builds its notice with `buildNotice` (notice.ts), records `notice.keys` in the same write as the
 * change, and then calls `announce` with that write's result.
 */
import type { IssueContext } from '../domain/snapshot.js'
import { CARD_MARKER } from '../domain/record.js'
import type { Effect } from '../plan.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'
import type { SubscribersConfig } from './config.js'
import type { Notice } from './notice.js'
import { announceEffects } from './plan.js'

/**
 * Sends `notice` to every subscriber whose filter it passes, once `recorded` (the write that records
 * its keys) was done, or planned in a dry run. When it was not (the run's write budget ran out),
 * nothing is sent: the next run sees the change as new again and announces it then.
 */
export async function announce(
  notice: Notice,
  recorded: AppliedEffect | undefined,
  subscribers: SubscribersConfig,
  opts: { exec: Executor; log: (line: string) => void },
): Promise<AppliedEffect[]> {
  if (!createdBy(recorded)) {
    opts.log(`the notice of #${notice.issue} waits for its record to be written: left for the next run`)
    return []
  }
  return opts.exec.apply(announceEffects(notice, subscribers))
}

/** The incident's notice, after the card write among `effects` (applied as `done`). */
export async function sendIncidentNotice(
  notice: Notice | null,
  effects: readonly Effect[],
  done: readonly AppliedEffect[],
  ctx: IssueContext,
  subscribers: SubscribersConfig,
  opts: { exec: Executor; log: (line: string) => void },
): Promise<AppliedEffect[]> {
  if (!notice || !ctx.issue) return []
  const i = effects.findIndex(
    (e) => (e.kind === 'create-comment' || e.kind === 'update-comment') && e.marker === CARD_MARKER,
  )
  return announce(notice, i < 0 ? undefined : done[i], subscribers, opts)
}
