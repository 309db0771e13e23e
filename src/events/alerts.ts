import type { Config, Priority } from '../config/types.js'
import type { GitHubPort, IncidentPage, IssueSnapshot } from '../github/port.js'
import type { BoardPort } from '../github/board.js'
import type { NormalizedAlert } from '../alerts/index.js'
import { classify } from '../domain/classify.js'
import { alertFields, alertKeyOf, alertMarker } from '../domain/alert-facts.js'
import { decodeRecord, findCard, findMarked, marker } from '../domain/record.js'
import { priorityLabel, priorityLabelsOn, serviceLabel, STAGE_PREFIX } from '../domain/labels.js'
import { stageByName, stageLabelOf, upFrontLabels, type Decision } from '../domain/decide.js'
import { inline, quote } from '../render/markdown.js'
import { fitLabelName, fitTitle } from '../github/content-limits.js'
import { createdBy, type AppliedEffect } from '../apply.js'
import type { Effect } from '../plan.js'
import { handleIncident, type HandleOptions } from './incident.js'

export const SOURCE_PREFIX = 'source/'
/** A new incident for an alert links the previous one of the same key closed within this time. */
const LINK_EARLIER_MS = 7 * 86_400_000
/**
 * How long the run that opened an alert incident owns writing its card: the example workflow's job
 * timeout (5 minutes), after which that run has finished or been killed.
 */
const OPENER_GRACE_MS = 5 * 60_000

export interface AlertRunOptions extends HandleOptions {
  /** GitHub's clock for this run. */
  now: () => string
  /** The workflow run id: a re-run of the same delivery must change nothing. */
  runId: string
}

/**
 * What one alert did, as the `alert-outcome` output says it: a new incident; a repeat on the open
 * one; a resolve; an acknowledge (PagerDuty); a re-fire (firing again after a resolve, or reopening a closed incident); a
 * duplicate (this run lost a race and closed the issue it opened); ignored (a resolve with no open
 * incident, or the write budget reached); a change (a PagerDuty change event, recorded, no incident).
 */
export type AlertOutcomeKind =
  'new' | 'repeat' | 'resolve' | 'acknowledge' | 'refire' | 'duplicate' | 'ignored' | 'change'

export interface AlertOutcome {
  key: string
  incident: number | null
  what: 'opened' | 'updated' | 'reopened' | 'merged' | 'ignored'
  outcome: AlertOutcomeKind
  /** The incident's priority and stage after this run (null when there is no incident). */
  priority: Priority | null
  stage: string | null
  note?: string
}

/** Priority and stage from the record of the incident's card, else from its labels (a card not written yet). */
function courseOf(i: Incident, config: Config): { priority: Priority | null; stage: string | null } {
  const card = findCard(i.comments)
  const r = card ? decodeRecord(card.body) : null
  if (r) return { priority: r.priority, stage: r.stage }
  const stageLabel = i.labels.find((l) => l.toLowerCase().startsWith(STAGE_PREFIX))
  return {
    priority: priorityLabelsOn(i.labels)[0] ?? null,
    stage: stageLabel ? (stageByName(stageLabel, config) ?? null) : null,
  }
}

/** Priority and stage from a decision (null when it skipped). */
function courseOfDecision(d: Decision): { priority: Priority | null; stage: string | null } {
  return d.kind === 'skip' ? { priority: null, stage: null } : { priority: d.record.priority, stage: d.record.stage }
}

type Incident = IssueSnapshot & { commentCount?: number }

/** The alert key of an incident: from its record, or (before the card exists) from the body of an issue we opened. */
export function keyOf(i: Incident): string | null {
  const card = findCard(i.comments)
  const r = card ? decodeRecord(card.body) : null
  if (r?.alert) return r.alert.key
  return i.viewerDidAuthor ? alertKeyOf(i.body) : null
}

async function collect(
  pages: AsyncGenerator<IncidentPage>,
): Promise<{ first: IncidentPage | null; incidents: Incident[] }> {
  let first: IncidentPage | null = null
  const incidents: Incident[] = []
  for await (const p of pages) {
    first ??= p
    incidents.push(...p.incidents)
  }
  return { first, incidents }
}

/**
 * Alerts from a `repository_dispatch`: each is matched to its incident by dedup key (one read of
 * the open incidents for the whole delivery), then applied through the same decide/reconcile path
 * as every other event. A key with no incident opens one; parallel runs that raced into
 * duplicates keep the lowest number, each loser closing only its own issue (see below).
 */
export async function handleAlerts(
  port: GitHubPort,
  board: BoardPort | null,
  alerts: NormalizedAlert[],
  config: Config,
  open: { first: IncidentPage | null; incidents: Incident[] },
  opts: AlertRunOptions,
): Promise<{ outcomes: AlertOutcome[]; applied: AppliedEffect[]; problems: string[] }> {
  const outcomes: AlertOutcome[] = []
  const applied: AppliedEffect[] = []
  const problems: string[] = []
  let openIncidents = open.incidents
  let repoLabels = open.first?.repoLabels ?? []
  let closed: Incident[] | null = null
  const closedSince = async (): Promise<Incident[]> => {
    if (closed) return closed
    // The reopen window, or a week to find an earlier incident of the same alert to link.
    const since = new Date(Date.parse(opts.now()) - Math.max(config.alerts.reopenWindow, LINK_EARLIER_MS)).toISOString()
    closed = (await collect(port.incidentPages({ label: config.labels.incident, states: ['CLOSED'], since }))).incidents
    return closed
  }

  for (const alert of alerts) {
    const delivery = `${opts.runId}:${alert.key}`
    const now = opts.now()
    const byKey = (list: Incident[]): Incident[] =>
      list.filter((i) => keyOf(i) === alert.key).sort((a, b) => a.number - b.number)
    let target: Incident | undefined = byKey(openIncidents)[0]
    let earlier: Incident | undefined
    if (!target && alert.status === 'firing') {
      const recent = byKey(await closedSince()).sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0]
      if (recent && recent.closedAt && Date.parse(now) - Date.parse(recent.closedAt) <= config.alerts.reopenWindow)
        target = recent
      else earlier = recent
    }
    if (!target && alert.status !== 'firing') {
      outcomes.push({
        key: alert.key,
        incident: null,
        what: 'ignored',
        outcome: 'ignored',
        priority: null,
        stage: null,
        note: `${alert.status}, but no open incident has this key`,
      })
      opts.log(`alert ${alert.key}: ${alert.status}, but no open incident has this key: nothing to do`)
      continue
    }

    if (!target) {
      // Open a new incident. Its labels are set at creation; the ones missing in the repository are created first.
      const state = {
        key: alert.key,
        source: alert.source,
        title: alert.title,
        severity: alert.severity,
        service: alert.service,
        labels: alert.labels,
        status: 'firing' as const,
        occurrences: 0,
        firstSeen: now,
        lastSeen: now,
        lastComment: null,
        deliveries: [],
      }
      const priority = classify(alertFields(state), config).priority
      const labels = [
        config.labels.incident,
        priorityLabel(priority),
        stageLabelOf('triage', config),
        fitLabelName(`${SOURCE_PREFIX}${alert.source}`),
        ...(alert.service && config.labels.services ? [serviceLabel(alert.service)] : []),
      ]
      const have = new Set(repoLabels.map((l) => l.name.toLowerCase()))
      const effects: Effect[] = []
      const missing = upFrontLabels(config, labels)
        .map((l) =>
          l.name.startsWith(SOURCE_PREFIX)
            ? { name: l.name, color: 'bfd4f2', description: 'Where the incident came from' }
            : l,
        )
        .filter((l) => !have.has(l.name.toLowerCase()))
      if (missing.length) effects.push({ kind: 'create-labels', labels: missing })
      const create = {
        kind: 'create-issue' as const,
        title: fitTitle(`[Alert] ${alert.title}`),
        body: alertIssueBody(alert, earlier, opts.runId),
        labels,
        marker: alertMarker(alert.key),
      }
      effects.push(create)
      const done = await opts.exec.apply(effects)
      applied.push(...done)
      repoLabels = [...repoLabels, ...missing]
      const opened = createdBy(done.find((d) => d.kind === 'create-issue'))
      if (opened?.issue === undefined) {
        outcomes.push({
          key: alert.key,
          incident: null,
          what: 'ignored',
          outcome: 'ignored',
          priority: null,
          stage: null,
          note: 'write budget reached: left for the next delivery',
        })
        continue
      }
      const mine = opened.issue
      if (opened.status === 'planned') {
        // A dry run: the issue does not exist, so its card and the rest are planned on the issue as
        // it would be created (no race to settle: nothing was opened).
        const issue: Incident = {
          nodeId: opened.nodeId ?? '',
          number: mine,
          title: create.title,
          body: create.body,
          state: 'open',
          stateReason: null,
          createdAt: now,
          updatedAt: now,
          closedAt: null,
          url: '',
          author: null,
          viewerDidAuthor: true,
          assignees: [],
          labels,
          comments: [],
          commentCount: 0,
        }
        openIncidents = [...openIncidents, issue]
        const r = await handleIncident(
          port,
          board,
          { repositoryId: open.first?.repositoryId ?? '', repoLabels, issue },
          { kind: 'alert', alert, now, delivery },
          config,
          opts,
        )
        applied.push(...r.applied)
        problems.push(...r.problems)
        outcomes.push({
          key: alert.key,
          incident: null,
          what: 'opened',
          outcome: 'new',
          ...courseOfDecision(r.decision),
          note: 'dry run',
        })
        continue
      }
      // Parallel first deliveries of one key may each have opened an issue. One rule, which every
      // racing run computes the same way: the lowest issue number with the key survives. A losing
      // run closes only its own issue, with one comment, and never writes to the survivor (whose
      // own run writes its one card); so N racing runs cost N-1 comments, not N².
      const again = await collect(port.incidentPages({ label: config.labels.incident, states: ['OPEN'] }))
      openIncidents = again.incidents
      // Our own issue counts even if the listing does not show it yet.
      const keep = Math.min(mine, ...byKey(openIncidents).map((i) => i.number))
      if (keep < mine) {
        applied.push(...(await closeDuplicate(port, mine, keep, opts)))
        const survivor = openIncidents.find((i) => i.number === keep)
        openIncidents = openIncidents.filter((i) => i.number !== mine)
        outcomes.push({
          key: alert.key,
          incident: keep,
          what: 'merged',
          outcome: 'duplicate',
          ...(survivor ? courseOf(survivor, config) : { priority, stage: 'triage' as const }),
          note: `#${mine} was opened by a parallel delivery and closed as its duplicate`,
        })
        continue
      }
      const r = await handleIncident(
        port,
        board,
        // A new incident: its suspects come in the same read (no extra request).
        await port.loadIssueContext(keep, { withChanges: true }),
        { kind: 'alert', alert, now, delivery },
        config,
        opts,
      )
      applied.push(...r.applied)
      problems.push(...r.problems)
      outcomes.push({ key: alert.key, incident: keep, what: 'opened', outcome: 'new', ...courseOfDecision(r.decision) })
      continue
    }

    const wasOpen = target.state === 'open'
    // An alert incident opened moments ago whose card is not there yet belongs to the run that
    // opened it, which writes the card next: writing one here too would give it two. This delivery
    // is left to that run (its occurrence is not counted, as with a replaced pending run). After
    // OPENER_GRACE_MS the opener has surely finished or died, and the next delivery writes the card.
    // The opener itself, re-run after it died between the issue and the card (GitHub's "re-run"
    // keeps GITHUB_RUN_ID), finishes its own job: the issue says which run opened it.
    const openedHere = target.body.split('\n', 3).includes(openedByMarker(opts.runId))
    if (
      wasOpen &&
      target.viewerDidAuthor &&
      !openedHere &&
      !findCard(target.comments) &&
      Date.parse(now) - Date.parse(target.createdAt) < OPENER_GRACE_MS
    ) {
      outcomes.push({
        key: alert.key,
        incident: target.number,
        what: 'updated',
        outcome: alert.status === 'firing' ? 'repeat' : alert.status === 'resolved' ? 'resolve' : 'acknowledge',
        ...courseOf(target, config),
        note: `#${target.number} was opened moments ago by a parallel delivery, which writes its card`,
      })
      opts.log(
        `alert ${alert.key}: #${target.number} was opened moments ago by a parallel delivery; its card is left to that run`,
      )
      continue
    }
    // A duplicate left open by a racing run that died before closing it (older than the opener's
    // grace, so its run is over): closed now under the same rule, with its one comment unless that
    // run posted it already.
    if (wasOpen) {
      for (const stale of byKey(openIncidents).filter(
        (i) =>
          i.number > target.number && i.viewerDidAuthor && Date.parse(now) - Date.parse(i.createdAt) >= OPENER_GRACE_MS,
      )) {
        const commented = findMarked(stale.comments, marker('duplicate', target.number)) !== undefined
        applied.push(...(await closeDuplicate(port, stale.number, target.number, opts, !commented)))
        openIncidents = openIncidents.filter((i) => i.number !== stale.number)
      }
    }
    // The bulk read already holds the whole thread of most incidents: no second read for them.
    const complete =
      wasOpen &&
      target.commentCount !== undefined &&
      target.commentCount <= target.comments.length &&
      open.first !== null
    const ctx = complete
      ? { repositoryId: open.first!.repositoryId, repoLabels: repoLabels, issue: target }
      : await loadCtx(port, target.number)
    const r = await handleIncident(port, board, ctx, { kind: 'alert', alert, now, delivery }, config, opts)
    applied.push(...r.applied)
    problems.push(...r.problems)
    // Firing again after a resolve (still open, in Monitoring) or reopening a closed incident is a re-fire.
    const before = findCard(target.comments)
    const wasResolved = before ? decodeRecord(before.body)?.alert?.status === 'resolved' : false
    const outcome: AlertOutcomeKind = !wasOpen
      ? 'refire'
      : alert.status === 'resolved'
        ? 'resolve'
        : alert.status === 'acknowledged'
          ? 'acknowledge'
          : wasResolved
            ? 'refire'
            : 'repeat'
    outcomes.push({
      key: alert.key,
      incident: target.number,
      what: wasOpen ? 'updated' : 'reopened',
      outcome,
      ...courseOfDecision(r.decision),
    })
    if (!wasOpen) openIncidents = [...openIncidents, { ...target, state: 'open' }]
  }
  return { outcomes, applied, problems }
}

async function loadCtx(port: GitHubPort, n: number) {
  return port.loadIssueContext(n, {})
}

async function closeDuplicate(
  port: GitHubPort,
  dup: number,
  keep: number,
  opts: AlertRunOptions,
  comment = true,
): Promise<AppliedEffect[]> {
  const m = marker('duplicate', keep)
  const effects: Effect[] = [
    ...(comment
      ? [
          {
            kind: 'create-comment' as const,
            issue: dup,
            marker: m,
            body: `${m}\nDuplicate of #${keep}: two deliveries of the same alert raced. This alert's history continues there.`,
          },
        ]
      : []),
    {
      kind: 'update-issue',
      issue: dup,
      state: 'closed',
      stateReason: 'not_planned',
      why: [`close as a duplicate of #${keep}`],
    },
  ]
  return opts.exec.apply(effects)
}

/** The body of an issue opened for an alert: the key marker first (trusted only because we wrote it), then what the monitor said. */
/** The hidden line naming the workflow run that opened an alert issue (only [A-Za-z0-9_.-] of its id). */
function openedByMarker(runId: string): string {
  return `<!-- incidentops:opened-by:${runId.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40)} -->`
}

export function alertIssueBody(a: NormalizedAlert, earlier?: Incident, runId?: string): string {
  const lines = [
    alertMarker(a.key),
    ...(runId ? [openedByMarker(runId)] : []),
    `**${inline(a.source, 40)} alert**: ${inline(a.title, 250)}`,
    '',
  ]
  if (a.description) lines.push(quote(a.description, 3000), '')
  const facts: [string, string][] = [['Key', `\`${a.key}\``]]
  if (a.severity) facts.push(['Severity', inline(a.severity, 40)])
  if (a.service) facts.push(['Service', inline(a.service, 60)])
  if (a.startsAt) facts.push(['Started', `${a.startsAt.slice(0, 16).replace('T', ' ')} UTC`])
  for (const [k, v] of Object.entries(a.labels).slice(0, 20)) facts.push([`\`${inline(k, 60)}\``, inline(v, 120)])
  lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '')
  if (a.links.length) lines.push(`Links: ${a.links.map((l, i) => `[${i + 1}](${l})`).join(' · ')}`, '')
  if (earlier) lines.push(`The same alert caused #${earlier.number} earlier.`, '')
  lines.push('<sub>Opened by IncidentOps from monitoring. Comment `/ack` to take command.</sub>')
  return lines.join('\n')
}
