import type { Config } from '../config/types.js'
import type { GitHubPort, IssueContext, LabelSpec } from '../github/port.js'
import type { BoardPort } from '../github/board.js'
import {
  decide,
  desiredIssue,
  formSpec,
  impactDigest,
  mayDecide,
  type Decision,
  type IncidentEvent,
  type Role,
} from '../domain/decide.js'
import { boardUpdates, desiredBoardValues, type FieldUpdate } from '../domain/board.js'
import { decodeRecord, findCard, type BoardCache, type IncidentRecord } from '../domain/record.js'
import type { Notification } from '../notify/index.js'
import { hasCommands } from '../domain/commands.js'
import { factsFromForm, type IncidentFacts } from '../intake/facts.js'
import { parseIssueForm } from '../intake/issue-form.js'
import { INCIDENT_FORM } from '../intake/form-spec.js'
import { reconcile } from '../plan.js'
import { createdBy, type AppliedEffect, type Executor } from '../apply.js'
import { followupIncident, postmortemPhase } from './postmortem.js'
import { postmortemIncident } from '../postmortem/render.js'
import { chainNamesSchedule, type OncallView } from '../oncall/resolve.js'
import { needsChanges } from '../changes/need.js'
import type { ChangeSet } from '../changes/types.js'
import { sendPages } from '../paging/apply.js'
import { planIncidentNotice, recordNotice } from '../subscriptions/plan.js'
import { sendIncidentNotice } from '../subscriptions/apply.js'
import { servicesOf } from '../report/load.js'
import { parseCommands } from '../domain/commands.js'
import { cardSummary } from '../history/index-file.js'
import { queryOf, similarState, type History } from '../history/lookup.js'
import type { SimilarState } from '../history/similar-state.js'

/** What arrived, before we know the author's role (looked up only when needed). */
export type IncomingEvent =
  | Extract<IncidentEvent, { kind: 'issue' }>
  | Extract<IncidentEvent, { kind: 'related' }>
  /** The postmortem pull request `pr` was merged (routed by the marker in its body, which anyone can write). */
  | { kind: 'merged'; pr: number; sender: string; at?: string }
  | Extract<IncidentEvent, { kind: 'tick' }>
  | Extract<IncidentEvent, { kind: 'alert' }>
  | { kind: 'comment'; commentId: number; body: string; author: string; createdAt: string }

export interface HandleOptions {
  /** The run's executor: the only writer, with the run's budget and dry-run. */
  exec: Executor
  /** The repository owner, the default owner of the project. */
  repoOwner: string
  /** `owner/name`, for links in postmortems. */
  repo: string
  log: (line: string) => void
  warn: (line: string) => void
  /** Waits before re-reading the board after a close (GitHub's own "closed → Done" workflow races with us). */
  sleep: (ms: number) => Promise<void>
  /** How long GitHub's built-in project workflows take to act on a closed issue (the limits' `boardSettleMs`). */
  boardSettleMs: number
  /** GitHub's clock (null before any response): what is due is computed against it. */
  now: () => string | null
  /** Sends a chat notification (never throws); absent when no webhook is configured. */
  notify?: (n: Notification) => Promise<void>
  /** The `/cover` overrides (the on-call issue), read at most once per run and only when a due escalation names a schedule. */
  oncallView?: () => Promise<OncallView>
  /** Warnings about the installation for the card (the sweep stopped running); none clears them. */
  cardWarnings?: readonly string[]
  /**
   * The history, read at most once per run and only when needed (a declaration, a `/similar`):
   * absent in runs that do not search it (the sweep).
   */
  history?: (repoLabels: readonly LabelSpec[]) => Promise<History>
}

export interface HandleResult {
  decision: Decision
  applied: AppliedEffect[]
  /** Setup problems (board columns, fields) to fail the run with after everything else was done. */
  problems: string[]
}

/** The item id of a board write planned before the item exists (dry run, or budget reached). */
const NEW_ITEM = '(new item)'

/** How far back a comment run looks for commands whose own run GitHub dropped. */
const CATCH_UP_MS = 3_600_000

/** At most this many dropped commands from people with triage are caught up per run (the rest, next run). */
const CATCH_UP_MAX = 20

/** At most this many authors' roles are looked up for the catch-up per run (each costs a request). */
const CATCH_UP_LOOKUPS = 30

/**
 * One incident, one event: decide (pure), bring the board in line (when configured), then
 * reconcile and apply the issue's labels, state, card and replies.
 */
export async function handleIncident(
  port: GitHubPort,
  board: BoardPort | null,
  ctx: IssueContext,
  incoming: IncomingEvent,
  config: Config,
  opts: HandleOptions,
): Promise<HandleResult> {
  // Events on our postmortem and follow-up issues belong to their incident.
  const own = ctx.issue?.viewerDidAuthor ? ctx.issue.body : ''
  const parent = postmortemIncident(own) ?? followupIncident(own)
  if (parent !== null && parent !== ctx.issue!.number) {
    const isPm = postmortemIncident(own) !== null
    const child = ctx.issue!.number
    const childAt =
      ctx.issue!.closedAt && incoming.kind === 'issue' && incoming.action === 'closed'
        ? ctx.issue!.closedAt
        : ctx.issue!.updatedAt
    ctx = await port.loadIssueContext(parent, {})
    if (incoming.kind === 'issue') {
      if (incoming.action !== 'closed' && incoming.action !== 'reopened')
        return {
          decision: {
            kind: 'skip',
            reason: `#${child} belongs to incident #${parent}; only its closing and reopening matter`,
          },
          applied: [],
          problems: [],
        }
      incoming = {
        kind: 'related',
        of: isPm ? 'postmortem' : 'followup',
        number: child,
        action: incoming.action,
        sender: incoming.sender,
        at: childAt,
      }
    }
  }

  // A merged postmortem pull request counts only when the incident's record names that pull request.
  if (incoming.kind === 'merged') {
    const card = ctx.issue ? findCard(ctx.issue.comments) : undefined
    const pr = (card ? decodeRecord(card.body) : null)?.postmortem?.pr
    if (pr !== incoming.pr)
      return {
        decision: {
          kind: 'skip',
          reason: `pull request #${incoming.pr} is not the postmortem of #${ctx.issue?.number ?? '?'}`,
        },
        applied: [],
        problems: [],
      }
    incoming = {
      kind: 'related',
      of: 'postmortem',
      number: incoming.pr,
      action: 'closed',
      sender: incoming.sender,
      at: incoming.at ?? ctx.issue!.updatedAt,
    }
  }

  const previous = (() => {
    const card = ctx.issue ? findCard(ctx.issue.comments) : undefined
    return card ? decodeRecord(card.body) : null
  })()
  const isIncident = ctx.issue?.labels.some((l) => l.toLowerCase() === config.labels.incident.toLowerCase()) ?? false
  // A role costs a request: asked only when it matters, once per person and run.
  const roles = new Map<string, Role>()
  const roleOf = async (login: string): Promise<Role> => {
    if (!roles.has(login)) roles.set(login, (await port.getRole(login)) as Role)
    return roles.get(login)!
  }
  let event: IncidentEvent
  if (incoming.kind === 'comment') {
    const done = previous?.processed?.includes(incoming.commentId) ?? false
    const role: Role = !done && hasCommands(incoming.body) ? await roleOf(incoming.author) : 'none'
    // Dropped commands of people with triage run first, oldest first. Those of people below triage
    // are passed too, to be refused and recorded, but do not count towards the limit: twenty
    // outsiders' comments cannot hide a responder's command.
    const earlier = []
    let allowed = 0
    for (const c of previous ? unprocessedCommands(ctx, previous, incoming.commentId, incoming.createdAt) : []) {
      if (allowed >= CATCH_UP_MAX || (!roles.has(c.author) && roles.size >= CATCH_UP_LOOKUPS)) break
      const r = await roleOf(c.author)
      earlier.push({ ...c, role: r })
      if (mayDecide(r)) allowed++
    }
    event = { ...incoming, role, earlier }
  } else if (
    incoming.kind === 'issue' &&
    isIncident &&
    needsSenderRole(incoming.action, ctx, previous, config, opts.now())
  ) {
    event = { ...incoming, role: await roleOf(incoming.sender) }
  } else event = incoming

  // Held as unconfirmed needs the reporter's role, asked only with the option on and only at declaration.
  const reporter =
    !previous && isIncident && config.intake.holdUnconfirmed && ctx.issue?.author && !ctx.issue.viewerDidAuthor
      ? await roleOf(ctx.issue.author)
      : undefined
  // A responder who labels someone else's issue as an incident has confirmed it by doing so.
  const declarer =
    reporter !== undefined &&
    !mayDecide(reporter) &&
    incoming.kind === 'issue' &&
    incoming.action === 'labeled' &&
    incoming.sender.toLowerCase() !== ctx.issue!.author!.toLowerCase()
      ? await roleOf(incoming.sender)
      : reporter

  // `/similar` from someone who may run it: search the history now (decide is pure, it gets the result).
  let similar: SimilarState | undefined
  if (
    opts.history &&
    previous &&
    event.kind === 'comment' &&
    mayDecide(event.role) &&
    !previous.processed?.includes(event.commentId) &&
    parseCommands(event.body).commands.some((c) => c.name === 'similar')
  ) {
    const card = findCard(ctx.issue!.comments)
    const q = queryOf(previous, ctx.issue!.title, card ? cardSummary(card.body) : null, previous.serviceLabels ?? [])
    similar = similarState(await opts.history(ctx.repoLabels), q, opts.now() ?? event.createdAt)
  }

  // A due escalation to a schedule resolves with the `/cover` overrides: read only then (decide is
  // pure, so a first pass without them tells whether they are needed).
  let oncall: OncallView | null = null
  if (opts.oncallView && config.oncall.schedules.length) {
    const probe = decide(ctx, event, config, formSpec(INCIDENT_FORM, config), opts.now() ?? undefined, {
      reporter: declarer,
      similar,
    })
    if (
      probe.kind === 'incident' &&
      probe.changes.some((c) => c.startsWith('escalated')) &&
      chainNamesSchedule(probe.record.service, config)
    )
      oncall = await opts.oncallView()
  }
  // The recent changes (one query), only for a declaration, `/changes` or `/cause`. A failed read
  // never stops the response: the card goes without suspects, and `/changes` says to try again.
  let changeSet: ChangeSet | null = null
  if (needsChanges(previous, isIncident, event)) {
    try {
      changeSet = ctx.changes ?? (await port.recentChanges())
    } catch (error: unknown) {
      opts.warn(
        `The recent changes could not be read, so the card has no suspects this time (\`/changes\` reads them again): ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  const decision = decide(
    ctx,
    event,
    config,
    formSpec(INCIDENT_FORM, config),
    opts.now() ?? undefined,
    { reporter: declarer, similar },
    oncall,
    changeSet,
  )
  const before = (() => {
    const card = ctx.issue ? findCard(ctx.issue.comments) : undefined
    return (card ? decodeRecord(card.body) : null)?.events.length ?? 0
  })()
  if (decision.kind === 'skip') return { decision, applied: [], problems: [] }
  // A new incident: its similar past incidents, found once and kept in the record, so the card
  // shows them on every later rendering without reading the history again (as the board ids are).
  if (opts.history && !previous && !decision.record.similar) {
    const q = queryOf(decision.record, ctx.issue!.title, decision.facts.summary, decision.facts.services)
    decision.record.similar = similarState(
      await opts.history(ctx.repoLabels),
      q,
      opts.now() ?? decision.record.declaredAt,
    )
  }

  const applied: AppliedEffect[] = []
  const problems: string[] = []
  applied.push(
    ...(await postmortemPhase(port, ctx, decision, config, opts.repo, {
      exec: opts.exec,
      log: opts.log,
      now: opts.now(),
    })),
  )
  const closing =
    (incoming.kind === 'issue' && incoming.action === 'closed') ||
    (ctx.issue!.state === 'open' && ['resolved', 'postmortem', 'closed'].includes(decision.record.stage))
  if (config.project) {
    if (!board) {
      opts.warn(
        'The config has a `project`, but the `project-token` input is empty, so the board was skipped (everything else was done). GITHUB_TOKEN cannot reach Projects (v2): pass a fine-grained PAT or a GitHub App token with Projects read/write as `project-token`.',
      )
    } else {
      const r = await syncBoard(board, decision.record, decision.facts, config, ctx, {
        ...opts,
        fresh: closing || (incoming.kind === 'issue' && incoming.action === 'reopened'),
      })
      applied.push(...r.applied)
      problems.push(...r.problems)
      if (r.cache) decision.record.board = r.cache
      // GitHub's own "closed → Done" workflow may move the item after our write: look again once it
      // has had time to. A dry run writes nothing, so there is nothing to race with.
      if (closing && r.cache && !opts.exec.dryRun) {
        await opts.sleep(opts.boardSettleMs)
        const again = await syncBoard(board, decision.record, decision.facts, config, ctx, { ...opts, fresh: true })
        applied.push(...again.applied)
        if (again.cache) decision.record.board = again.cache
      }
      const pm = await syncPostmortemItem(decision.record, config, opts)
      applied.push(...pm.applied)
      problems.push(...pm.problems)
    }
  }

  let desired = desiredIssue(ctx, decision.record, decision.facts, config, decision.replies, opts.cardWarnings)
  // A public change (publication, `/status` update, resolution, postmortem) is recorded in this card
  // write and announced to the status page's subscribers once it is done (src/subscriptions/).
  const notice = planIncidentNotice(
    previous && { record: previous, services: servicesOf(ctx.issue!.labels) },
    { record: decision.record, services: servicesOf(desired.labels) },
    config,
    opts.repo,
    opts.now() ?? decision.record.events.at(-1)?.at ?? decision.record.declaredAt,
  )
  if (notice) {
    recordNotice(decision.record, notice)
    desired = desiredIssue(ctx, decision.record, decision.facts, config, decision.replies, opts.cardWarnings)
  }
  const effects = reconcile(desired, ctx)
  const done = await opts.exec.apply(effects)
  applied.push(...done)
  applied.push(...(await sendPages(previous, decision.record, effects, done, ctx, opts)))
  applied.push(...(await sendIncidentNotice(notice, effects, done, ctx, config.status.subscribers, opts)))
  // Labels created now exist for the next incident of the same run (the sweep shares this list);
  // a dry run goes on as if they had been, so that its plan is the real run's.
  effects.forEach((e, i) => {
    if (e.kind === 'create-labels' && createdBy(done[i])) ctx.repoLabels.push(...e.labels)
  })
  // Chat notifications for what this run added to the record (a replay adds nothing, so sends nothing).
  if (opts.notify && applied.some((a) => a.status === 'done')) {
    for (const n of notificationsFor(decision.record, before, ctx, config, opts.repo)) await opts.notify(n)
  }
  return { decision, applied, problems }
}

/**
 * Brings the incident's board item in line. With the ids cached in the record, a change costs one
 * write and no read; after a close or reopen (or when the cache fails) it reads the board first.
 * The writes are planned here and executed by the run's executor; adding the item goes first, as
 * its id is what the field write needs.
 */
async function syncBoard(
  board: BoardPort,
  record: IncidentRecord,
  facts: IncidentFacts,
  config: Config,
  ctx: IssueContext,
  opts: HandleOptions & { fresh: boolean },
): Promise<{ applied: AppliedEffect[]; problems: string[]; cache?: BoardCache }> {
  const p = config.project!
  const owner = p.owner ?? opts.repoOwner
  const key = `${owner}/${p.number}`
  const desired = desiredBoardValues(record, facts, config)
  const applied: AppliedEffect[] = []
  const n = record.number
  const cached = record.board?.project === key ? record.board : undefined

  if (cached && !opts.fresh) {
    const { updates, problems } = boardUpdates(desired, cached.fields, cached.values)
    if (updates.length === 0 && problems.length === 0) return { applied, problems, cache: cached }
    if (problems.length === 0) {
      try {
        const done = await opts.exec.apply([
          {
            kind: 'board-set-fields',
            issue: n,
            projectId: cached.projectId,
            itemId: cached.itemId,
            updates,
            what: 'board',
          },
        ])
        return { applied: done, problems: [], cache: createdBy(done[0]) ? withValues(cached, updates) : cached }
      } catch (error: unknown) {
        opts.log(
          `The cached board ids did not work (${error instanceof Error ? error.message : String(error)}): reading the board again.`,
        )
      }
    }
  }

  const snap = await board.read(owner, p.number, ctx.issue!.nodeId, Object.keys(desired))
  if (!snap)
    return {
      applied,
      problems: [
        `project ${key} was not found, or the project token cannot see it: check \`project.owner\`/\`project.number\` and the token's Projects permission`,
      ],
    }
  let itemId = snap.item?.id
  if (!itemId) {
    const added = await opts.exec.apply([
      { kind: 'board-add-item', issue: n, project: key, projectId: snap.projectId, contentId: ctx.issue!.nodeId },
    ])
    applied.push(...added)
    itemId = added[0]?.itemId
  }
  const { updates, problems } = boardUpdates(desired, snap.fields, snap.item?.values ?? {})
  let written = false
  if (updates.length) {
    // Without an item id (a dry run, or the budget reached before the add) the fields are planned
    // against a placeholder; the run that adds the item writes them.
    const done = await opts.exec.apply(
      [
        {
          kind: 'board-set-fields',
          issue: n,
          projectId: snap.projectId,
          itemId: itemId ?? NEW_ITEM,
          updates,
          what: 'board',
        },
      ],
      { after: itemId !== undefined },
    )
    applied.push(...done)
    written = createdBy(done[0]) !== undefined
  }
  if (!itemId) return { applied, problems }
  const fields = Object.fromEntries(Object.keys(desired).flatMap((f) => (snap.fields[f] ? [[f, snap.fields[f]]] : [])))
  const cache: BoardCache = {
    project: key,
    projectId: snap.projectId,
    itemId,
    fields,
    values: { ...(snap.item?.values ?? {}) },
  }
  return { applied, problems, cache: written ? withValues(cache, updates) : cache }
}

/**
 * Puts the postmortem issue on the board, in the Postmortem column with the incident's priority, and
 * moves it to Closed once it is done. It reuses the incident's cached project and field ids and
 * remembers its own item, so it costs two writes the first time, one per change after, no read.
 */
async function syncPostmortemItem(
  r: IncidentRecord,
  config: Config,
  opts: HandleOptions,
): Promise<{ applied: AppliedEffect[]; problems: string[] }> {
  const pm = r.postmortem
  const cache = r.board
  if (!pm?.issue || !pm.nodeId || !cache) return { applied: [], problems: [] }
  const p = config.project!
  const desired: Record<string, string | null> = {
    [p.statusField]: config.stages[pm.done ? 'closed' : 'postmortem'].column,
  }
  if (p.priorityField) desired[p.priorityField] = r.priority
  // A missing field or column is already reported by the incident's own sync.
  const { updates } = boardUpdates(desired, cache.fields, pm.board?.values ?? {})
  if (updates.length === 0) return { applied: [], problems: [] }
  const applied: AppliedEffect[] = []
  try {
    // Adding an issue that is already on the project returns its existing item.
    let item = pm.board?.item
    if (!item) {
      const added = await opts.exec.apply([
        {
          kind: 'board-add-item',
          issue: pm.issue,
          project: cache.project,
          projectId: cache.projectId,
          contentId: pm.nodeId,
        },
      ])
      applied.push(...added)
      item = added[0]?.itemId
    }
    const done = await opts.exec.apply(
      [
        {
          kind: 'board-set-fields',
          issue: pm.issue,
          projectId: cache.projectId,
          itemId: item ?? NEW_ITEM,
          updates,
          what: 'postmortem on the board',
        },
      ],
      { after: item !== undefined },
    )
    applied.push(...done)
    if (item && createdBy(done[0]))
      pm.board = {
        item,
        values: { ...pm.board?.values, ...Object.fromEntries(updates.map((u) => [u.field, u.shown])) },
      }
    return { applied, problems: [] }
  } catch (error: unknown) {
    // A stale item (someone removed the card): forget it; the next run adds the issue again.
    delete pm.board
    return {
      applied,
      problems: [
        `the postmortem #${pm.issue} could not be put on the board: ${error instanceof Error ? error.message : String(error)}`,
      ],
    }
  }
}

function withValues(cache: BoardCache, updates: FieldUpdate[]): BoardCache {
  return { ...cache, values: { ...cache.values, ...Object.fromEntries(updates.map((u) => [u.field, u.shown])) } }
}

/** The notifications for events added to the record in this run, filtered by the config. */
function notificationsFor(
  r: IncidentRecord,
  before: number,
  ctx: IssueContext,
  config: Config,
  repo: string,
): Notification[] {
  const out: Notification[] = []
  if (!config.notify.priorities.includes(r.priority)) return out
  // Held as unconfirmed: nothing goes to chat; the confirmation is the declaration people hear of.
  if (r.unconfirmed) return out
  const issue = ctx.issue!
  for (const e of r.events.slice(before)) {
    const event =
      e.kind === 'declared' || e.kind === 'confirmed'
        ? 'declared'
        : e.kind === 'priority'
          ? 'priority'
          : e.kind === 'escalation'
            ? 'escalation'
            : e.kind === 'stage' && e.to === 'resolved'
              ? 'resolved'
              : null
    if (!event || !config.notify.events.includes(event)) continue
    const text =
      event === 'declared'
        ? `${r.priority} incident declared: ${r.priorityReason}`
        : event === 'priority'
          ? `Priority ${e.from} → ${e.to}`
          : event === 'escalation'
            ? `Not acknowledged in time: escalated to level ${e.to}`
            : 'Resolved'
    out.push({
      event,
      repo,
      number: r.number,
      title: issue.title,
      url: issue.url,
      priority: r.priority,
      stage: r.stage,
      text,
      at: e.at,
    })
  }
  return out
}

/**
 * Whether an issue event's sender's role matters: a close or reopen that would move the incident,
 * or an edit that changes the facts behind the priority. Otherwise no request is spent on it.
 */
/**
 * Whether this event could change the incident's course in a way only triage or more may: a close
 * or reopen that would move it, an edit that re-classifies it, or (past Triage) an edit that moves
 * its start time. Only then is the sender's role worth a request.
 */
function needsSenderRole(
  action: string,
  ctx: IssueContext,
  previous: IncidentRecord | null,
  config: Config,
  now: string | null,
): boolean {
  const issue = ctx.issue!
  if (action === 'closed' || action === 'reopened') {
    const active = previous ? ['triage', 'investigating', 'fixing', 'monitoring'].includes(previous.stage) : true
    return action === 'closed' ? issue.state === 'closed' && active : issue.state === 'open' && !active
  }
  if (action !== 'edited' || !previous || previous.alert) return false
  const spec = formSpec(INCIDENT_FORM, config)
  const facts = factsFromForm(
    parseIssueForm(issue.body, spec),
    spec,
    new Date(issue.createdAt),
    now ? new Date(now) : undefined,
  )
  const reclassifies = previous.prioritySource === 'rules' && impactDigest(facts) !== previous.impactDigest
  // The start decide would take (see onStartTime): a change of it past Triage needs triage or more.
  const wanted = facts.startedAt ?? (facts.startRefused ? null : previous.declaredAt)
  const movesStart =
    !issue.viewerDidAuthor &&
    previous.stage !== 'triage' &&
    wanted !== null &&
    Date.parse(wanted) !== Date.parse(previous.startedAt)
  return reclassifies || movesStart
}

/**
 * Comments with commands that no run has executed: GitHub keeps one pending run per concurrency
 * group and cancels the others, so a burst of commands can lose runs. Each comment run also runs
 * these, oldest first. Only comments after the incident was declared, newer than the oldest one
 * already handled, written by people (not bots, not us).
 */
function unprocessedCommands(
  ctx: IssueContext,
  r: IncidentRecord,
  current: number,
  currentAt: string,
): { commentId: number; body: string; author: string; createdAt: string }[] {
  // GitHub gives the body as it is now, and an edit never runs commands: a comment edited since it
  // was posted is left to its own run (whose payload carries the body as posted), never caught up.
  const processed = new Set(r.processed ?? [])
  const floor = r.processed?.length ? Math.min(...r.processed) : 0
  // Runs are dropped within minutes. A refused command is recorded as processed (decide.ts), so it
  // never runs later once its author is given access; the window also bounds what is re-read.
  const since = new Date(Date.parse(currentAt) - CATCH_UP_MS).toISOString()
  return ctx
    .issue!.comments.filter(
      (c) =>
        c.databaseId < current &&
        c.databaseId > floor &&
        !processed.has(c.databaseId) &&
        !c.viewerDidAuthor &&
        !c.authorIsBot &&
        c.author !== null &&
        !c.body.startsWith('<!-- incidentops:') &&
        c.createdAt >= r.declaredAt &&
        c.createdAt >= since &&
        c.updatedAt === c.createdAt &&
        hasCommands(c.body),
    )
    .sort((a, b) => a.databaseId - b.databaseId)
    .map((c) => ({ commentId: c.databaseId, body: c.body, author: c.author!, createdAt: c.createdAt }))
}
