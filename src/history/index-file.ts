/**
 * The history index: one compact entry per past incident, kept in one file on a branch of our own
 * (HISTORY_BRANCH, HISTORY_PATH) so that a declaration reads the whole history in ONE request.
 * The weekly report, which reads every incident anyway, rebuilds it and writes it when it changed
 * (a `put-file` effect through the executor). docs/history.md describes the format.
 *
 * The file is text: a header line, then the gzip of the JSON rows in base64 (the contents API
 * carries text; gzip makes 10,000 incidents fit in well under GitHub's 1 MB for a base64 answer).
 * Each row is a tuple, not an object, so the field names are not repeated 10,000 times.
 */
import { createGzip, gunzipSync, gzipSync } from 'node:zlib'
import { decodeRecord, findCard, type CommentLike, type IncidentRecord } from '../domain/record.js'
import { milestones } from '../domain/milestones.js'
import { SERVICE_PREFIX } from '../domain/labels.js'
import type { PastIncident } from './similar.js'
import { topTerms } from './terms.js'

/** The branch that holds the index: ours alone, never merged, so it never touches the code. */
export const HISTORY_BRANCH = 'incidentops-data'
export const HISTORY_PATH = 'history/index.txt'
/**
 * A repository label that says the index exists: declarations see it in the labels their first
 * read already returns, so a repository without an index costs no request (and no 404) at all.
 */
export const HISTORY_LABEL = {
  name: 'incidentops/history-index',
  color: 'ededed',
  description: `IncidentOps keeps its history index on the branch ${'incidentops-data'}`,
}
const HEADER = 'incidentops history index v1'
/** Kept short: the index is for finding, the issue itself has the rest. */
const TITLE_MAX = 80
const CAUSE_MAX = 140

export interface HistoryIndex {
  /** When it was built (the report's clock), ISO. */
  builtAt: string
  incidents: PastIncident[]
}

/** The parts of an incident snapshot the index reads. */
export interface IndexSnapshot {
  number: number
  title: string
  state: 'open' | 'closed'
  stateReason: string | null
  createdAt: string
  closedAt: string | null
  labels: string[]
  comments: readonly CommentLike[]
}

const cut = (s: string, max: number): string => (s.length > max ? s.slice(0, max - 1) + '…' : s)

/** The summary the card shows ("**What is broken:** …"), the text the new incident is compared on. */
export function cardSummary(cardBody: string): string | null {
  const m = /^\*\*What is broken:\*\* (.*)$/m.exec(cardBody)
  return m ? m[1]!.replace(/\u200b/g, '') : null
}

/** Suspect paths, when a record names them (another feature may add them): strings or `{ path }`. */
export function suspectPaths(r: IncidentRecord | null): string[] {
  const list = (r as { suspects?: unknown } | null)?.suspects
  if (!Array.isArray(list)) return []
  const out: string[] = []
  for (const s of list) {
    const p = typeof s === 'string' ? s : typeof s === 'object' && s !== null ? (s as { path?: unknown }).path : null
    if (typeof p === 'string' && p && !out.includes(p)) out.push(p)
  }
  return out.slice(0, 10)
}

function servicesOf(labels: readonly string[]): string[] {
  const out = labels
    .filter((l) => l.toLowerCase().startsWith(SERVICE_PREFIX))
    .map((l) => l.slice(SERVICE_PREFIX.length).trim())
  return [...new Set(out.filter(Boolean))].sort()
}

/** One incident as the index keeps it: from its card's record when we can trust one, else from the issue alone. */
export function pastIncident(issue: IndexSnapshot): PastIncident {
  const card = findCard(issue.comments)
  const decoded = card ? decodeRecord(card.body) : null
  const r = decoded && decoded.number === issue.number ? decoded : null
  const summary = card && r ? cardSummary(card.body) : null
  const { terms, length } = topTerms(`${issue.title}\n${summary ?? ''}`)
  const services = [...new Set([...servicesOf(issue.labels), ...(r?.service ? [r.service] : [])])].sort()
  if (!r) {
    const dismissed = issue.state === 'closed' && (issue.stateReason ?? '').toLowerCase() === 'not_planned'
    return {
      number: issue.number,
      title: cut(issue.title, TITLE_MAX),
      declaredAt: Date.parse(issue.createdAt),
      services,
      alertKey: null,
      terms,
      length,
      paths: [],
      end: dismissed ? 'dismissed' : issue.state === 'closed' ? 'resolved' : 'open',
      minutes:
        issue.state === 'closed' && issue.closedAt && !dismissed
          ? Math.round((Date.parse(issue.closedAt) - Date.parse(issue.createdAt)) / 60_000)
          : null,
      cause: null,
      postmortem: null,
      followups: { open: [], closed: 0 },
    }
  }
  const m = milestones(r)
  const last = [...r.events].reverse().find((e) => (e.kind === 'update' || e.kind === 'dismissed') && e.text)
  const fu = r.followups ?? []
  return {
    number: issue.number,
    title: cut(issue.title, TITLE_MAX),
    declaredAt: Date.parse(r.declaredAt),
    services,
    alertKey: r.alert?.key ?? null,
    terms,
    length,
    paths: suspectPaths(r),
    end: m.dismissed ? 'dismissed' : m.resolvedAt ? 'resolved' : 'open',
    minutes: m.resolvedAt ? Math.round((Date.parse(m.resolvedAt) - Date.parse(m.startedAt)) / 60_000) : null,
    cause: last?.text ? cut(last.text.replace(/\s+/g, ' ').trim(), CAUSE_MAX) : null,
    postmortem: r.postmortem?.issue ?? r.postmortem?.pr ?? null,
    followups: {
      open: fu.filter((f) => f.state === 'open').map((f) => f.number),
      closed: fu.filter((f) => f.state === 'closed').length,
    },
  }
}

type Row = [
  number, // number
  string, // title
  number, // declared, minutes since the epoch
  string[], // services
  string | null, // alert key
  number[], // terms: ids into the vocabulary, an id repeated as often as the term occurs (top terms only)
  number, // length in terms
  string[], // paths
  0 | 1 | 2, // end: open, resolved, dismissed
  number | null, // minutes
  string | null, // cause
  number | null, // postmortem
  number[], // open follow-ups
  number, // closed follow-ups
]

const ENDS: PastIncident['end'][] = ['open', 'resolved', 'dismissed']

function toRow(p: PastIncident, id: (term: string) => number): Row {
  return [
    p.number,
    p.title,
    Math.round(p.declaredAt / 60_000),
    p.services,
    p.alertKey,
    p.terms.flatMap(([t, c]) => new Array<number>(c).fill(id(t))),
    p.length,
    p.paths,
    ENDS.indexOf(p.end) as 0 | 1 | 2,
    p.minutes,
    p.cause,
    p.postmortem,
    p.followups.open,
    p.followups.closed,
  ]
}

function fromRow(r: Row, vocab: readonly string[]): PastIncident {
  const terms: [string, number][] = []
  for (const i of r[5]) {
    const last = terms[terms.length - 1]
    const t = vocab[i] ?? ''
    if (last && last[0] === t) last[1]++
    else terms.push([t, 1])
  }
  return {
    number: r[0],
    title: r[1],
    declaredAt: r[2] * 60_000,
    services: r[3],
    alertKey: r[4],
    terms,
    length: r[6],
    paths: r[7],
    end: ENDS[r[8]] ?? 'open',
    minutes: r[9],
    cause: r[10],
    postmortem: r[11],
    followups: { open: r[12], closed: r[13] },
  }
}

/**
 * Builds the index's text as incidents arrive: each row is encoded and fed to a gzip stream at
 * once, so the report over 50,000 incidents holds neither a `PastIncident` nor a JSON row per
 * incident, only the compressed bytes (about 1 MB). Rows stay in the order they were added (the
 * report's: by creation, as GitHub lists them), and term ids are given in order of first use, so the
 * same incidents added in the same order give the same bytes. The JSON object is written
 * `{"rows":[…],"vocab":[…],"builtAt":…}`: rows first, because the vocabulary is complete and the
 * build time known only at the end. Deflate's output does not depend on how its input was cut, so
 * this is byte for byte `encodeIndex` of the same incidents in the same order.
 */
export class IndexBuilder {
  private readonly vocab: string[] = []
  private readonly ids = new Map<string, number>()
  private readonly gzip = createGzip({ level: 9 })
  private readonly out: Buffer[] = []
  private readonly ended: Promise<void>
  private pending = ''
  private rows = 0

  constructor() {
    this.gzip.on('data', (b: Buffer) => this.out.push(b))
    this.ended = new Promise((resolve, reject) => {
      this.gzip.on('end', resolve)
      this.gzip.on('error', reject)
    })
  }

  /** Incidents added so far. */
  get count(): number {
    return this.rows
  }

  add(p: PastIncident): void {
    this.pending += (this.rows++ === 0 ? '{"rows":[' : ',') + JSON.stringify(toRow(p, this.id))
    // Fed in pieces of about 64 KB: a write per row would be 50,000 trips to zlib's thread.
    if (this.pending.length >= 65_536) this.flush()
  }

  /** The file's text (once: the stream is ended). */
  async encode(builtAt: string): Promise<string> {
    this.pending += `${this.rows === 0 ? '{"rows":[' : ''}],"vocab":${JSON.stringify(this.vocab)},"builtAt":${JSON.stringify(builtAt)}}`
    this.flush()
    this.gzip.end()
    await this.ended
    return `${HEADER}\n${Buffer.concat(this.out).toString('base64')}\n`
  }

  /** Lets go of what it holds (the text, once encoded, is all that is needed). */
  clear(): void {
    this.vocab.length = 0
    this.ids.clear()
    this.out.length = 0
    if (!this.gzip.writableEnded) this.gzip.destroy()
  }

  private flush(): void {
    if (this.pending) this.gzip.write(Buffer.from(this.pending, 'utf8'))
    this.pending = ''
  }

  private readonly id = (t: string): number => {
    let i = this.ids.get(t)
    if (i === undefined) this.ids.set(t, (i = this.vocab.push(t) - 1))
    return i
  }
}

/**
 * The file's text, at once. Rows are sorted by number, and the vocabulary is in their order, so the
 * same history gives the same bytes (and a report re-run finds nothing to write).
 */
export function encodeIndex(index: HistoryIndex): string {
  const vocab: string[] = []
  const ids = new Map<string, number>()
  const id = (t: string): number => {
    let i = ids.get(t)
    if (i === undefined) ids.set(t, (i = vocab.push(t) - 1))
    return i
  }
  const rows = [...index.incidents].sort((a, b) => a.number - b.number).map((p) => JSON.stringify(toRow(p, id)))
  const json = `{"rows":[${rows.join(',')}],"vocab":${JSON.stringify(vocab)},"builtAt":${JSON.stringify(index.builtAt)}}`
  return `${HEADER}\n${gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64')}\n`
}

/** The index from the file's text; null when it is not one (then the declaration says so, and goes on). */
export function decodeIndex(text: string): HistoryIndex | null {
  const nl = text.indexOf('\n')
  if (nl < 0 || text.slice(0, nl) !== HEADER) return null
  try {
    const parsed: unknown = JSON.parse(gunzipSync(Buffer.from(text.slice(nl + 1).trim(), 'base64')).toString('utf8'))
    if (typeof parsed !== 'object' || parsed === null) return null
    const { builtAt, vocab, rows } = parsed as { builtAt?: unknown; vocab?: unknown; rows?: unknown }
    if (typeof builtAt !== 'string' || !Array.isArray(rows) || !Array.isArray(vocab)) return null
    if (!vocab.every((t) => typeof t === 'string')) return null
    const ok = (r: unknown): r is Row =>
      Array.isArray(r) && r.length === 14 && typeof r[0] === 'number' && typeof r[1] === 'string' && Array.isArray(r[5])
    if (!rows.every(ok)) return null
    return { builtAt, incidents: rows.map((r) => fromRow(r, vocab as string[])) }
  } catch {
    return null
  }
}

/** Whether the file already holds exactly this index (then the report writes nothing). */
export const sameIndex = (a: string | null, b: string): boolean => a !== null && a.trim() === b.trim()
