import type { Config } from '../config/types.js'
import type { GitHubPort, IncidentPage, IssueContext } from '../github/port.js'
import type { BoardPort } from '../github/board.js'
import { decodeRecord, findCard } from '../domain/record.js'
import { applyDue } from '../domain/due.js'
import { tickedItems } from '../render/card.js'
import type { AppliedEffect } from '../apply.js'
import { handleIncident, type HandleOptions } from './incident.js'
import { SWEEP_LATE_MARKER } from '../domain/heartbeats.js'

/**
 * How long an incident without a card is left to its own intake run (which starts within seconds
 * of the label or the issue, and may be queued behind others) before the sweep adopts it.
 */
export const ADOPT_AFTER_MS = 10 * 60_000

export interface SweepResult {
  scanned: number
  due: number
  handled: number[]
  /** Incidents left for the next run because the write budget ran out. */
  left: number[]
  /** Incidents without a card (labelled by hand, or opened before the action was installed) that this run carded. */
  adopted: number[]
  /** Incidents without a card changed too recently to adopt: their own intake run may still be writing it. */
  waiting: number[]
  applied: AppliedEffect[]
  problems: string[]
}

/**
 * The scheduled sweep: one paginated read of every open incident (100 a page, with the cards),
 * a pure check of what is due for each, and writes only for those. Nothing due costs
 * ⌈N/100⌉ requests and no write. The write budget stops the run cleanly; the next run, of any
 * kind, picks up what was left, because everything is computed from timestamps.
 */
export async function sweep(
  port: GitHubPort,
  board: BoardPort | null,
  pages: AsyncGenerator<IncidentPage>,
  config: Config,
  opts: HandleOptions,
  /** GitHub's clock when the run started: what is due is computed against it. */
  now: string,
): Promise<SweepResult> {
  const result: SweepResult = {
    scanned: 0,
    due: 0,
    handled: [],
    left: [],
    adopted: [],
    waiting: [],
    applied: [],
    problems: [],
  }
  // One list for the whole run: labels one incident creates are not created again for the next.
  let repoLabels: IssueContext['repoLabels'] | undefined
  let repositoryId = ''
  for await (const page of pages) {
    repoLabels ??= [...(page.repoLabels ?? [])]
    repositoryId ||= page.repositoryId
    for (const incident of page.incidents) {
      result.scanned++
      const card = findCard(incident.comments)
      const record = card ? decodeRecord(card.body) : null
      if (!record) {
        // No card: labelled by hand, opened before the action was installed, or its intake run
        // failed. Nobody would be reminded or escalated, so the sweep adopts it (writes the card as
        // the intake run would, then does what is due), once its own intake run has had time to.
        if (Date.parse(now) - Date.parse(incident.updatedAt) < ADOPT_AFTER_MS) {
          result.waiting.push(incident.number)
          continue
        }
      } else {
        // A dry check on a copy: most incidents have nothing due and cost nothing more.
        const probe = structuredClone(record)
        const pending = config.crisis.checklist.filter((c) => !tickedItems(card!.body, config.crisis.checklist).has(c))
        const due = applyDue(probe, config, now, incident.assignees, pending)
        // A card still warning that the sweep had stopped is rewritten without it, now that it runs.
        if (
          due.replies.length === 0 &&
          due.changes.length === 0 &&
          !due.resolve &&
          !card!.body.includes(SWEEP_LATE_MARKER)
        )
          continue
      }
      result.due++
      if (opts.exec.remaining === 0) {
        result.left.push(incident.number)
        continue
      }
      // With every comment at hand the once-markers are reliable; otherwise read the whole thread first.
      const ctx: IssueContext =
        incident.commentCount > incident.comments.length
          ? await port.loadIssueContext(incident.number, {})
          : { repositoryId, repoLabels: repoLabels!, issue: incident }
      const r = await handleIncident(port, board, ctx, { kind: 'tick' }, config, {
        ...opts,
        now: () => opts.now() ?? now,
      })
      result.applied.push(...r.applied)
      result.problems.push(...r.problems)
      result.handled.push(incident.number)
      if (!record && r.decision.kind === 'incident') result.adopted.push(incident.number)
    }
  }
  return result
}
