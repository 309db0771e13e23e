/**
 * From GitHub's incident snapshots to the report's input (`ReportIncident`). The mapping is pure;
 * `collectIncidents` only drains the pages, keeping the mapped incidents and nothing else, so raw
 * issue and comment bodies are garbage as soon as their page is mapped (50,000 incidents fit in
 * well under 200 MB).
 *
 * Where each figure comes from:
 * - the record in our own card comment (trusted only when `viewerDidAuthor`): priority, the
 *   milestones (src/domain/milestones.ts), dismissal, source and postmortem state;
 * - the issue's labels: services (`service/<name>`);
 * - an incident whose card is not among the comments the bulk query returns (the first 3 and the
 *   last 20), or is unreadable, is not fetched again (that would cost a request per incident): it
 *   is counted with its issue's own dates (started = declared = opened; resolved = closed, and by
 *   the implied milestones also acknowledged and mitigated then; dismissed = closed as not planned)
 *   and its priority label, and the report says how many were, in those words.
 */
import type { Config, Priority } from '../config/types.js'
import type { IncidentPage, IssueSnapshot } from '../github/port.js'
import { decodeRecord, findCard, type IncidentRecord } from '../domain/record.js'
import { milestones } from '../domain/milestones.js'
import { SERVICE_PREFIX, priorityLabelsOn } from '../domain/labels.js'
import type { ReportIncident } from './types.js'

/** The parts of an incident snapshot the report reads. */
export type ReportSnapshot = Pick<
  IssueSnapshot,
  'number' | 'title' | 'url' | 'state' | 'stateReason' | 'createdAt' | 'closedAt' | 'labels' | 'comments'
>

export interface MappedIncident {
  incident: ReportIncident
  /** False when the card was missing or unreadable and the issue's own dates were used. */
  fromCard: boolean
}

const POSTMORTEM_STATES = new Set<ReportIncident['postmortem']>(['not-required', 'missing', 'open', 'done'])

/** `service/<name>` labels, sorted by name (GitHub's label order is not ours to rely on), without repeats. */
export function servicesOf(labels: readonly string[]): string[] {
  const out: string[] = []
  for (const l of labels) {
    if (!l.toLowerCase().startsWith(SERVICE_PREFIX)) continue
    const s = l.slice(SERVICE_PREFIX.length).trim()
    if (s && !out.includes(s)) out.push(s)
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * Where the incident came from: the record's `source` (alerts work), else the alert's source, else
 * how it was declared (`form`, or `manual` for an incident written by hand or labelled).
 */
export function sourceOf(r: IncidentRecord): string {
  if (typeof r.source === 'string' && r.source) return r.source
  if (r.alert?.source) return r.alert.source
  const declared = r.events.find((e) => e.kind === 'declared')
  if (declared?.via === 'form') return 'form'
  if (declared?.via === 'alert') return declared.actor || 'alert'
  return 'manual'
}

/**
 * The postmortem state: the record's own when it has one (postmortem work), else derived from the
 * priority's policy: not required (optional or none, or a dismissed incident); required and the
 * incident closed after its Postmortem stage: done; in the Postmortem stage: open; otherwise missing.
 */
export function postmortemOf(r: IncidentRecord, dismissed: boolean, config: Config): ReportIncident['postmortem'] {
  const own = (r as { postmortem?: unknown }).postmortem
  const state =
    typeof own === 'string'
      ? own
      : typeof own === 'object' && own !== null && 'state' in own
        ? (own as { state: unknown }).state
        : undefined
  if (typeof state === 'string' && POSTMORTEM_STATES.has(state as ReportIncident['postmortem']))
    return state as ReportIncident['postmortem']
  if (dismissed || config.priorities[r.priority]?.postmortem !== 'required') return 'not-required'
  if (r.stage === 'closed') return 'done'
  if (r.stage === 'postmortem') return 'open'
  return 'missing'
}

/** Follow-ups from the record when it lists them (postmortem work); 0/0 until then. */
function followupsOf(r: IncidentRecord): { open: number; closed: number } {
  const list = (r as { followups?: unknown }).followups
  const out = { open: 0, closed: 0 }
  if (!Array.isArray(list)) return out
  for (const f of list) {
    const s = typeof f === 'object' && f !== null && 'state' in f ? (f as { state: unknown }).state : undefined
    if (s === 'open') out.open++
    else if (s === 'closed') out.closed++
  }
  return out
}

/** One incident snapshot as the report sees it. `repo` is `owner/name`. */
export function toReportIncident(issue: ReportSnapshot, repo: string, config: Config, asOf?: string): MappedIncident {
  const services = servicesOf(issue.labels)
  const card = findCard(issue.comments)
  const record = card ? decodeRecord(card.body) : null
  if (record && record.number === issue.number) {
    // As of the report's end: a report rebuilt later shows what was known then (docs/metrics.md).
    const m = milestones(record, asOf)
    return {
      fromCard: true,
      incident: {
        repo,
        number: issue.number,
        title: issue.title,
        url: issue.url,
        priority: record.priority,
        services,
        source: sourceOf(record),
        state: issue.state,
        startedAt: m.startedAt,
        declaredAt: m.declaredAt,
        acknowledgedAt: m.acknowledgedAt,
        mitigatedAt: m.mitigatedAt,
        resolvedAt: m.resolvedAt,
        closedAt: m.closedAt,
        dismissed: m.dismissed,
        postmortem: postmortemOf(record, m.dismissed, config),
        followups: followupsOf(record),
        ...(record.cause ? { cause: record.cause } : {}),
        ...(record.similar?.recurrenceOf ? { recurrenceOf: record.similar.recurrenceOf } : {}),
      },
    }
  }
  const priority: Priority = priorityLabelsOn(issue.labels)[0] ?? config.classification.default
  const dismissed = issue.state === 'closed' && (issue.stateReason ?? '').toLowerCase() === 'not_planned'
  const closedAt = issue.state === 'closed' ? issue.closedAt : null
  return {
    fromCard: false,
    incident: {
      repo,
      number: issue.number,
      title: issue.title,
      url: issue.url,
      priority,
      services,
      source: 'unknown',
      state: issue.state,
      startedAt: issue.createdAt,
      declaredAt: issue.createdAt,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: closedAt,
      closedAt,
      dismissed,
      postmortem: dismissed || config.priorities[priority]?.postmortem !== 'required' ? 'not-required' : 'missing',
      followups: { open: 0, closed: 0 },
    },
  }
}

export interface Collected {
  /** Pages read. */
  pages: number
  /** Incidents mapped without their card (issue dates used). */
  withoutCard: number
  /** The issues with the `labelled` label, when the query asked for them (first page). */
  labelled?: NonNullable<IncidentPage['labelled']>
  /** The records of the incidents that have a card (the on-call load: pages and commanders). */
  records: IncidentRecord[]
  /** The repository's labels, when the query asked for them (first page). */
  repoLabels?: NonNullable<IncidentPage['repoLabels']>
  /** The `labelled` label's GraphQL id, when the query asked for the labelled issues (first page). */
  labelledLabelId?: string | null
  /** Where the query's file stands, when it asked (first page). */
  file?: IncidentPage['file']
}

/**
 * Drains incident pages into `into`, mapping each incident as its page arrives. `first`, when
 * given, is a page already read from the same query (the one that carried the config).
 */
export async function collectIncidents(
  pages: AsyncIterable<IncidentPage>,
  repo: string,
  config: Config,
  into: ReportIncident[],
  first?: IncidentPage,
  /** The report's end, once known (GitHub's clock after the first page): milestones are rebuilt as of then. */
  asOf?: () => string | undefined,
  /** Sees every incident snapshot as its page arrives (the history index is built from them). */
  visit?: (snap: IncidentPage['incidents'][number]) => void,
): Promise<Collected> {
  const out: Collected = { pages: 0, withoutCard: 0, records: [] }
  const keepRecords = config.oncall.schedules.length > 0
  const take = (page: IncidentPage): void => {
    out.pages++
    if (page.labelled && !out.labelled) out.labelled = page.labelled
    if (page.repoLabels && !out.repoLabels) out.repoLabels = page.repoLabels
    if (page.labelledLabelId !== undefined && out.labelledLabelId === undefined)
      out.labelledLabelId = page.labelledLabelId
    if (page.file && !out.file) out.file = page.file
    for (const snap of page.incidents) {
      visit?.(snap)
      const m = toReportIncident(snap, repo, config, asOf?.())
      if (!m.fromCard) out.withoutCard++
      into.push(m.incident)
      // Only the on-call load reads the records: kept (decoded a second time) only when there are schedules.
      if (!keepRecords || !m.fromCard) continue
      const card = findCard(snap.comments)
      const record = card ? decodeRecord(card.body) : null
      if (record) out.records.push(record)
    }
  }
  if (first) take(first)
  for await (const page of pages) take(page)
  return out
}
