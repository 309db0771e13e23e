import type { GitHubPort, TogetherWrite } from './github/port.js'
import type { BoardPort } from './github/board.js'
import { describeEffect, type Effect } from './plan.js'
import { fitBody, fitLabelDescription, fitLabelName, fitLabels, fitTitle } from './github/content-limits.js'
import type { Pager } from './paging/send.js'

export interface AppliedEffect {
  kind: Effect['kind'] | 'board'
  issue?: number
  /** The GraphQL id of an issue this effect created (to put it on the board without a read). */
  nodeId?: string
  /** The board item an effect created or found (`board-add-item`). */
  itemId?: string
  description: string
  /** `failed`: a phone page the provider refused or did not answer (`error` says why); never a GitHub write. */
  status: 'done' | 'planned' | 'skipped' | 'failed'
  error?: string
}

/** The prefix of the node ids a dry run imagines for what it would create (never sent as a write). */
export const DRY_RUN_ID = 'DRY_RUN_'

/** The number (or id) a write created, or would have created in a dry run; undefined when skipped. */
export function createdBy(a: AppliedEffect | undefined): AppliedEffect | undefined {
  return a && a.status !== 'skipped' && a.status !== 'failed' ? a : undefined
}

export interface ExecutorOptions {
  dryRun: boolean
  /** Writes allowed in the whole run; the rest is left for the next run, which recomputes it. */
  budget: number
  log: (line: string) => void
  /** Where a failed page is reported (core.warning in the action); `log` when absent. */
  warn?: (line: string) => void
}

/** The ports an executor writes through: the repository's, and the board's when a project is set up. */
export interface WritePorts {
  github: GitHubPort
  board?: BoardPort | null
  /** Sends phone pages (src/paging/send.ts); absent when the config pages nobody. */
  pager?: Pager | null
}

/**
 * The only place that writes to GitHub, and the only place that knows dry-run. One executor is
 * made per run, so its budget is the run's: issue, board, file and pull-request writes all count.
 * When the budget runs out it stops cleanly; nothing is lost because the next run reconciles again.
 * Planners compute effects purely; a planner that needs an id a write creates (the postmortem issue,
 * the board item) applies that write first and plans the rest with the id it got back.
 */
export class Executor {
  private used = 0
  private limit: number
  /** Issues and board items a dry run would have created so far: each gets a placeholder id. */
  private imagined = { issues: 0, items: 0 }

  constructor(
    private readonly ports: WritePorts,
    private readonly opts: ExecutorOptions,
  ) {
    this.limit = opts.budget
  }

  /** True when nothing is written: effects are described and returned as `planned`. */
  get dryRun(): boolean {
    return this.opts.dryRun
  }

  /** Writes done (or, in a dry run, planned) so far in this run. */
  get written(): number {
    return this.used
  }

  /** Writes still allowed in this run. */
  get remaining(): number {
    return Math.max(0, this.limit - this.used)
  }

  /** Lowers the run's budget (the sweep's own, once its config is read); never raises it. */
  capBudget(budget: number): void {
    this.limit = Math.min(this.limit, budget)
  }

  /**
   * Executes the effects in order; each done, planned (dry-run) or skipped (budget reached).
   * `after: false` says the effects depend on an earlier write that was not done (an id it would
   * have created): they are planned in a dry run and skipped otherwise.
   */
  async apply(effects: readonly Effect[], o: { after?: boolean } = {}): Promise<AppliedEffect[]> {
    const out: AppliedEffect[] = []
    for (const e of effects) {
      const description = describeEffect(e)
      const issue = 'issue' in e ? e.issue : undefined
      const kind = e.kind.startsWith('board-') ? 'board' : e.kind
      if (e.kind === 'page') {
        // Not a GitHub write: outside the budget (the card that records it is already written, so
        // a page left for later would never be sent), and its failure is reported, not thrown.
        if (this.opts.dryRun) {
          this.opts.log(`[dry-run] would ${description}`)
          out.push({ kind, issue, description, status: 'planned' })
          continue
        }
        const r = this.ports.pager
          ? await this.ports.pager.send(e)
          : { ok: false as const, error: 'no pager was set up (a bug)' }
        if (r.ok) this.opts.log(description)
        else
          (this.opts.warn ?? this.opts.log)(
            `${description} failed: ${r.error}. The incident's GitHub writes are done; the mention stands.`,
          )
        out.push({ kind, issue, description, status: r.ok ? 'done' : 'failed', ...(r.ok ? {} : { error: r.error }) })
        continue
      }
      // A dry run counts its planned writes against the budget too: it stops where the run would.
      if ((o.after === false && !this.opts.dryRun) || this.used >= this.limit) {
        this.opts.log(
          `${o.after === false ? 'waits for a write that was not done' : `budget of ${this.limit} writes reached`}: left for the next run: ${description}`,
        )
        out.push({ kind, issue, description, status: 'skipped' })
        continue
      }
      if (this.opts.dryRun) {
        this.used++
        this.opts.log(`[dry-run] would ${description}`)
        out.push({ kind, issue, description, status: 'planned', ...this.placeholder(e) })
        continue
      }
      const created = await this.execute(e)
      this.used++
      this.opts.log(created?.note ? `${created.note}: ${description}` : description)
      // A created issue (report, postmortem, follow-up, pull request) is known by its new number from here on.
      out.push({
        kind,
        issue: e.kind === 'propose-file' ? created?.number : (issue ?? created?.number),
        ...(created?.nodeId ? { nodeId: created.nodeId } : {}),
        ...(created?.itemId ? { itemId: created.itemId } : {}),
        description,
        status: 'done',
      })
    }
    return out
  }

  /**
   * Executes the effects as `apply` does, but in ONE request when every one of them can go in a
   * batch (an issue created or edited, a file committed, each with the GraphQL ids its planner
   * read): GitHub's 1 s between mutating requests is then paid once. Anything else (a dry run, too
   * little budget left for all of them, an id not read) falls back to `apply`, one write at a time.
   */
  async applyTogether(effects: readonly Effect[]): Promise<AppliedEffect[]> {
    const writes = effects.map(togetherWrite)
    if (this.opts.dryRun || effects.length < 2 || this.remaining < effects.length || writes.includes(null))
      return this.apply(effects)
    const created = await this.ports.github.writeTogether(writes as TogetherWrite[])
    this.used += effects.length
    return effects.map((e, i) => {
      const description = describeEffect(e)
      this.opts.log(`${description} (${i + 1} of ${effects.length} writes in one request)`)
      const c = created[i]
      return {
        kind: e.kind,
        issue: 'issue' in e ? e.issue : c?.number,
        ...(c?.nodeId ? { nodeId: c.nodeId } : {}),
        description,
        status: 'done' as const,
      }
    })
  }

  /**
   * Every write passes GitHub's documented limits (content-limits.ts) on its way out: a value that
   * already fits is sent as planned, a longer one is cut so that it fits and says so. The planners
   * that compare with GitHub's state use the same functions, so a cut value is not rewritten next run.
   */
  private async execute(
    e: Effect,
  ): Promise<{ number?: number; nodeId?: string; itemId?: string; note?: string } | void> {
    const port = this.ports.github
    switch (e.kind) {
      case 'create-labels':
        return port.createLabels(
          e.labels.map((l) => ({
            name: fitLabelName(l.name),
            color: l.color,
            description: fitLabelDescription(l.description),
          })),
        )
      case 'add-labels':
        return port.addLabels(e.issue, fitLabels(e.labels))
      case 'set-labels':
        return port.setLabels(e.issue, fitLabels(e.labels))
      case 'update-issue':
        return port.updateIssue(e.issue, {
          labels: e.labels && fitLabels(e.labels),
          state: e.state,
          stateReason: e.stateReason,
          assignees: e.assignees,
        })
      case 'create-issue':
        return port.createIssue({
          title: fitTitle(e.title),
          body: fitBody(e.body),
          labels: fitLabels(e.labels),
          assignees: e.assignees,
        })
      case 'edit-issue':
        return port.editIssue(e.issue, {
          title: e.title === undefined ? undefined : fitTitle(e.title),
          body: e.body === undefined ? undefined : fitBody(e.body),
        })
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
      case 'put-file':
        return port.putFile({
          branch: e.branch,
          path: e.path,
          content: e.content,
          message: e.message,
          sha: e.sha,
          newBranch: e.newBranch,
        })
      case 'propose-file': {
        const pr = await port.proposeFile({
          branch: e.branch,
          path: e.path,
          content: e.content,
          message: e.message,
          title: fitTitle(e.title),
          body: fitBody(e.body),
        })
        return {
          number: pr.number,
          note: pr.created ? `opened pull request #${pr.number}` : `found pull request #${pr.number}`,
        }
      }
      case 'edit-pull-body':
        return port.editPullBody(e.pr, fitBody(e.body))
      case 'board-add-item':
        return { itemId: await this.boardPort().addItem(e.projectId, e.contentId) }
      case 'board-set-fields':
        return this.boardPort().setFields(e.projectId, e.itemId, e.updates)
    }
  }

  /**
   * What a write would have created, in a dry run: placeholder ids (issue -1, node DRY_RUN_1, …), so
   * that the planners go on as in the real run and the dry run's plan is the real run's, id for id.
   */
  private placeholder(e: Effect): Partial<AppliedEffect> {
    if (e.kind !== 'create-issue' && e.kind !== 'propose-file' && e.kind !== 'board-add-item') return {}
    if (e.kind === 'board-add-item') return { itemId: `${DRY_RUN_ID}ITEM_${++this.imagined.items}` }
    const k = ++this.imagined.issues
    return { issue: -k, ...(e.kind === 'create-issue' ? { nodeId: `${DRY_RUN_ID}${k}` } : {}) }
  }

  private boardPort(): BoardPort {
    if (!this.ports.board)
      throw new Error('a board write was planned without a project token (a bug: the board planner runs only with one)')
    return this.ports.board
  }
}

/** The effect as a write `writeTogether` can batch, with its values fitted as `execute` fits them; null when it cannot. */
function togetherWrite(e: Effect): TogetherWrite | null {
  switch (e.kind) {
    case 'create-issue':
      return e.labelIds && e.labelIds.length === e.labels.length && !e.assignees?.length
        ? { kind: 'create-issue', title: fitTitle(e.title), body: fitBody(e.body), labelIds: e.labelIds }
        : null
    case 'edit-issue':
      return e.nodeId
        ? {
            kind: 'edit-issue',
            id: e.nodeId,
            ...(e.title !== undefined ? { title: fitTitle(e.title) } : {}),
            ...(e.body !== undefined ? { body: fitBody(e.body) } : {}),
          }
        : null
    case 'put-file':
      return e.headOid && !e.newBranch
        ? {
            kind: 'commit-file',
            branch: e.branch,
            path: e.path,
            content: e.content,
            message: e.message,
            expectedHeadOid: e.headOid,
          }
        : null
    default:
      return null
  }
}
