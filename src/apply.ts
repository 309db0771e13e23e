import type { GitHubPort } from './github/port.js'
import { describeEffect, type Effect } from './plan.js'
import { fitBody, fitLabelDescription, fitLabelName, fitLabels, fitTitle } from './github/content-limits.js'

export interface AppliedEffect {
  kind: Effect['kind'] | 'board'
  issue?: number
  /** The GraphQL id of an issue this effect created (to put it on the board without a read). */
  nodeId?: string
  description: string
  status: 'done' | 'planned' | 'skipped'
}

export interface ApplyOptions {
  dryRun: boolean
  /** Writes allowed in this run; the rest is left for the next run, which recomputes it. */
  budget: number
  log: (line: string) => void
}

/**
 * Executes a plan in order: the only place that writes to GitHub. In dry-run it only describes.
 * When the budget runs out it stops cleanly; nothing is lost because the next run reconciles again.
 */
export async function applyPlan(port: GitHubPort, effects: readonly Effect[], opts: ApplyOptions): Promise<AppliedEffect[]> {
  const out: AppliedEffect[] = []
  let used = 0
  for (const e of effects) {
    const description = describeEffect(e)
    const issue = 'issue' in e ? e.issue : undefined
    if (opts.dryRun) {
      opts.log(`[dry-run] would ${description}`)
      out.push({ kind: e.kind, issue, description, status: 'planned' })
      continue
    }
    if (used >= opts.budget) {
      opts.log(`budget of ${opts.budget} writes reached: left for the next run: ${description}`)
      out.push({ kind: e.kind, issue, description, status: 'skipped' })
      continue
    }
    const created = await execute(port, e)
    used++
    opts.log(description)
    // A created issue (report, postmortem, follow-up) is known by its new number from here on.
    out.push({ kind: e.kind, issue: issue ?? created?.number, ...(created?.nodeId ? { nodeId: created.nodeId } : {}), description, status: 'done' })
  }
  return out
}

/**
 * Every write passes GitHub's documented limits (content-limits.ts) on its way out: a value that
 * already fits is sent as planned, a longer one is cut so that it fits and says so. The planners
 * that compare with GitHub's state use the same functions, so a cut value is not rewritten next run.
 */
async function execute(port: GitHubPort, e: Effect): Promise<{ number: number; nodeId: string } | void> {
  switch (e.kind) {
    case 'create-labels':
      return port.createLabels(e.labels.map((l) => ({ name: fitLabelName(l.name), color: l.color, description: fitLabelDescription(l.description) })))
    case 'add-labels':
      return port.addLabels(e.issue, fitLabels(e.labels))
    case 'set-labels':
      return port.setLabels(e.issue, fitLabels(e.labels))
    case 'update-issue':
      return port.updateIssue(e.issue, { labels: e.labels && fitLabels(e.labels), state: e.state, stateReason: e.stateReason, assignees: e.assignees })
    case 'create-issue':
      return port.createIssue({ title: fitTitle(e.title), body: fitBody(e.body), labels: fitLabels(e.labels), assignees: e.assignees })
    case 'edit-issue':
      return port.editIssue(e.issue, { title: e.title === undefined ? undefined : fitTitle(e.title), body: e.body === undefined ? undefined : fitBody(e.body) })
    case 'create-comment':
      await port.createComment(e.issue, fitBody(e.body))
      return
    case 'update-comment':
      return port.updateComment(e.commentId, fitBody(e.body))
    case 'delete-label':
      return port.deleteLabel(e.name)
    case 'update-label':
      return port.updateLabel(e.name, { description: fitLabelDescription(e.description) })
    case 'set-workflow':
      return port.setWorkflowEnabled(e.workflow, e.enabled)
  }
}
