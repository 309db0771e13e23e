/**
 * The I/O around similar incidents: reading the history at declaration (the index file, then the
 * incidents updated since it was built), and the report's plan to rewrite the index. The choices
 * are pure (src/history/similar.ts, index-file.ts); this module only reads through the port and
 * plans effects for the executor.
 *
 * Cost at declaration: 1 request for the index, and 1 GraphQL page (100 incidents) of those updated
 * since it was built, so an index a week old still sees last week's incidents. A missing, unreadable
 * or stale index never fails the run: fewer matches, and a note in the card that says why.
 */
import { createHash } from 'node:crypto'
import type { GitHubPort, LabelSpec } from '../github/port.js'
import type { Effect } from '../plan.js'
import type { IncidentRecord } from '../domain/record.js'
import type { IncidentFacts } from '../intake/facts.js'
import {
  HISTORY_BRANCH,
  HISTORY_LABEL,
  HISTORY_PATH,
  decodeIndex,
  encodeIndex,
  pastIncident,
  sameIndex,
} from './index-file.js'
import { recurrenceOf, similar, type PastIncident, type Query } from './similar.js'
import type { SimilarState } from './similar-state.js'
import { toEntry } from './render.js'
import { suspectPaths } from './index-file.js'

/** What a declaration knows of the history. */
export interface History {
  past: PastIncident[]
  /** Why it may be incomplete; null when it is complete. */
  note: string | null
}

/** An index older than this is called stale in the note (the weekly report rebuilds it). */
const STALE_MS = 14 * 86_400_000

/** Whether the repository's labels (read anyway) say an index was written. */
export const hasIndexLabel = (labels: readonly LabelSpec[]): boolean =>
  labels.some((l) => l.name.toLowerCase() === HISTORY_LABEL.name)

const NOT_YET = `Past incidents not searched yet: the history index (${HISTORY_PATH} on the branch ${HISTORY_BRANCH}) is written by the weekly report, which has not run yet.`

/**
 * Reads the history once per run (memoised): the index, and the incidents updated since it was
 * built. Without our label on the repository there is no index: no request at all. Never throws:
 * a failed read becomes a note.
 */
export function historyLoader(
  port: GitHubPort,
  incidentLabel: string,
): (repoLabels: readonly LabelSpec[]) => Promise<History> {
  let memo: Promise<History> | null = null
  return (repoLabels) =>
    (memo ??= hasIndexLabel(repoLabels) ? load(port, incidentLabel) : Promise.resolve({ past: [], note: NOT_YET }))
}

async function load(port: GitHubPort, incidentLabel: string): Promise<History> {
  let file: { text: string; sha: string } | null
  try {
    file = await port.readFile(HISTORY_BRANCH, HISTORY_PATH)
  } catch (error: unknown) {
    return { past: [], note: `Past incidents not searched: the history index could not be read (${message(error)}).` }
  }
  if (!file) return { past: [], note: NOT_YET }
  const index = decodeIndex(file.text)
  if (!index)
    return {
      past: [],
      note: `Past incidents not searched: ${HISTORY_PATH} on the branch ${HISTORY_BRANCH} is not a history index IncidentOps can read; the next weekly report rewrites it.`,
    }
  const byNumber = new Map(index.incidents.map((p) => [p.number, p]))
  const notes: string[] = []
  try {
    const pages = port.incidentPages({ label: incidentLabel, states: ['OPEN', 'CLOSED'], since: index.builtAt })
    const first = await pages.next()
    await pages.return(undefined)
    if (!first.done) {
      for (const snap of first.value.incidents) byNumber.set(snap.number, pastIncident(snap))
      const left = first.value.totalCount - first.value.incidents.length
      if (left > 0)
        notes.push(
          `${left} incident${left === 1 ? '' : 's'} updated since the history index was built (${index.builtAt.slice(0, 10)}) were not searched.`,
        )
    }
  } catch (error: unknown) {
    notes.push(
      `Incidents since the history index was built (${index.builtAt.slice(0, 10)}) were not searched (${message(error)}).`,
    )
  }
  const now = port.serverTime()
  if (now && Date.parse(now) - Date.parse(index.builtAt) > STALE_MS && notes.length === 0)
    notes.push(`The history index was built on ${index.builtAt.slice(0, 10)}: is the weekly report running?`)
  return { past: [...byNumber.values()], note: notes.length ? notes.join(' ') : null }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200)

/** The query for an incident: its title, the form's summary, services, alert key and suspect paths. */
export function queryOf(record: IncidentRecord, title: string, summary: string | null, services: string[]): Query {
  return {
    number: record.number,
    declaredAt: Date.parse(record.declaredAt),
    title,
    summary,
    services: [...new Set([...services, ...(record.service ? [record.service] : [])])],
    alertKey: record.alert?.key ?? null,
    paths: suspectPaths(record),
  }
}

/** The record's similar state for `q`, from the history read. */
export function similarState(h: History, q: Query, at: string): SimilarState {
  const matches = similar(h.past, q)
  return { at, matches: matches.map(toEntry), recurrenceOf: recurrenceOf(matches, q), note: h.note }
}

/** Facts → the summary and services a query uses. */
export const factsQuery = (f: IncidentFacts): { summary: string | null; services: string[] } => ({
  summary: f.summary,
  services: f.services,
})

/**
 * The report's write of the index, planned without a read of its own: the first page of the
 * report's incident query already said where the file stands (its branch's head, its blob sha).
 * The file is written only when its content changed (its git blob sha differs), so a report re-run
 * the same day writes nothing; the write carries the head it was planned on, so the executor can
 * commit it together with the report issue in one request. Without our label on the repository
 * (the first time), the label is created too. `file` undefined (a port that did not say): read the
 * file first, as a declaration does. Returns the effects and the size of the file, for the log.
 */
export async function planIndex(
  port: GitHubPort,
  past: PastIncident[],
  builtAt: string,
  repoLabels: readonly LabelSpec[],
  file?: { headOid: string | null; blobOid: string | null },
): Promise<{ effects: Effect[]; bytes: number; incidents: number }> {
  const content = encodeIndex({ builtAt, incidents: past })
  const labelled = hasIndexLabel(repoLabels)
  const label: Effect[] = labelled ? [] : [{ kind: 'create-labels', labels: [HISTORY_LABEL] }]
  const message = `IncidentOps: history index of ${past.length} incidents, as of ${builtAt}`
  const what = `the history index (${past.length} incidents)`
  const base = { kind: 'put-file' as const, branch: HISTORY_BRANCH, path: HISTORY_PATH, content, message, what }
  const out = (effects: Effect[]) => ({ effects, bytes: Buffer.byteLength(content), incidents: past.length })
  if (file) {
    if (file.blobOid === gitBlobSha(content)) return out(label)
    if (file.headOid === null) return out([{ ...base, newBranch: true }, ...label])
    return out([{ ...base, ...(file.blobOid ? { sha: file.blobOid } : {}), headOid: file.headOid }, ...label])
  }
  const current = labelled ? await port.readFile(HISTORY_BRANCH, HISTORY_PATH) : null
  const put: Effect = {
    ...base,
    ...(current ? { sha: current.sha } : {}),
    ...(labelled ? {} : { newBranch: true }),
  }
  return out(labelled ? (sameIndex(current?.text ?? null, content) ? [] : [put]) : [put, ...label])
}

/** Git's blob id of a text: sha1 of `blob <bytes>\0<bytes>` (what the contents API calls `sha`). */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}
