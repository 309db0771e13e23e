/**
 * Similar past incidents: the top 3 over the whole history, each with the reasons it matched and
 * how it ended. Pure and deterministic: the same history and query give the same answer.
 *
 * Scoring (docs/history.md): a past incident is a candidate only when it shares something with the
 * new one; its score is the sum of
 * - the same alert key (the monitor's fingerprint or group key): 8;
 * - each shared service: 3 (at most 2 counted);
 * - each shared suspect path: 2 (at most 3 counted);
 * - BM25 (k1 = 1.2, b = 0.75) of the new incident's terms against its title and summary terms,
 *   with the idf over the whole index; at least one shared term is needed for this reason.
 * Ties: the more recent first, then the higher number. The score orders; it is never shown: each
 * match carries its reasons, which the card prints.
 */

import { surfaceWords, tokenize } from './terms.js'

/** One past incident as the index keeps it (src/history/index-file.ts). */
export interface PastIncident {
  number: number
  title: string
  /** Epoch ms. */
  declaredAt: number
  services: string[]
  /** The alert key, for incidents opened by monitoring. */
  alertKey: string | null
  /** Top terms of title + summary with their counts, and the text's length in terms. */
  terms: [string, number][]
  length: number
  /** Suspect code paths, when the record names them. */
  paths: string[]
  end: 'open' | 'resolved' | 'dismissed'
  /** Started → resolved, in minutes; null while unresolved. */
  minutes: number | null
  /** The cause line: the last status update (or the dismissal's reason). */
  cause: string | null
  /** The postmortem issue or pull request. */
  postmortem: number | null
  followups: { open: number[]; closed: number }
}

export interface Query {
  number: number
  /** Epoch ms. */
  declaredAt: number
  title: string
  summary: string | null
  services: string[]
  alertKey: string | null
  paths: string[]
}

export type Reason =
  | { kind: 'alert-key'; key: string }
  | { kind: 'service'; services: string[] }
  | { kind: 'terms'; terms: string[] }
  | { kind: 'paths'; paths: string[] }

export interface Match {
  incident: PastIncident
  reasons: Reason[]
  /** Orders the matches; not shown. */
  score: number
}

export const WEIGHTS = { alertKey: 8, service: 3, path: 2 } as const
const K1 = 1.2
const B = 0.75
/** "Recent" for the recurrence flag: the best match was declared at most this long before. */
export const RECENT_MS = 30 * 86_400_000

/** Document frequencies and mean length over the index: computed once per search. */
export interface Corpus {
  size: number
  avgLength: number
  df: Map<string, number>
}

export function corpusOf(past: readonly PastIncident[]): Corpus {
  const df = new Map<string, number>()
  let total = 0
  for (const p of past) {
    total += p.length
    for (const [t] of p.terms) df.set(t, (df.get(t) ?? 0) + 1)
  }
  return { size: past.length, avgLength: past.length ? total / past.length : 0, df }
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()))

/**
 * The top `k` past incidents for `q`, with their reasons. The query's terms are those of its title
 * and summary (src/history/terms.ts); incidents declared after the query, and the query itself, are
 * skipped. A shared term is shown as the query's own word.
 */
export function similar(past: readonly PastIncident[], q: Query, k = 3, corpus: Corpus = corpusOf(past)): Match[] {
  const text = `${q.title}\n${q.summary ?? ''}`
  const surface = surfaceWords(text)
  const qTerms = new Map<string, number>()
  for (const t of tokenize(text)) qTerms.set(t, (qTerms.get(t) ?? 0) + 1)
  const qServices = lower(q.services)
  const qPaths = new Set(q.paths)
  const key = q.alertKey
  const out: Match[] = []
  for (const p of past) {
    if (p.number === q.number || p.declaredAt > q.declaredAt) continue
    const reasons: Reason[] = []
    let score = 0
    if (key && p.alertKey === key) {
      reasons.push({ kind: 'alert-key', key })
      score += WEIGHTS.alertKey
    }
    const services = p.services.filter((s) => qServices.has(s.toLowerCase())).sort(byName)
    if (services.length) {
      reasons.push({ kind: 'service', services })
      score += WEIGHTS.service * Math.min(2, services.length)
    }
    let bm25 = 0
    const shared: [string, number][] = []
    for (const [t, tf] of p.terms) {
      const qtf = qTerms.get(t)
      if (!qtf) continue
      const df = corpus.df.get(t) ?? 1
      const idf = Math.log(1 + (corpus.size - df + 0.5) / (df + 0.5))
      const norm = tf + K1 * (1 - B + (B * p.length) / (corpus.avgLength || 1))
      const w = (idf * (tf * (K1 + 1))) / norm
      bm25 += w * qtf
      shared.push([t, w])
    }
    if (shared.length) {
      // The terms that weighed most, as the reason.
      shared.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))
      reasons.push({ kind: 'terms', terms: shared.slice(0, 5).map(([t]) => surface.get(t) ?? t) })
      score += bm25
    }
    const paths = p.paths.filter((x) => qPaths.has(x)).sort(byName)
    if (paths.length) {
      reasons.push({ kind: 'paths', paths })
      score += WEIGHTS.path * Math.min(3, paths.length)
    }
    if (reasons.length) out.push({ incident: p, reasons, score })
  }
  out.sort(
    (a, b) =>
      b.score - a.score || b.incident.declaredAt - a.incident.declaredAt || b.incident.number - a.incident.number,
  )
  return out.slice(0, k)
}

/**
 * A possible recurrence: the best match was declared within RECENT_MS before the new incident and
 * still has open follow-ups (what was to prevent it is not done). Returns its number, else null.
 */
export function recurrenceOf(matches: readonly Match[], q: Pick<Query, 'declaredAt'>): number | null {
  const best = matches[0]
  if (!best) return null
  const recent = q.declaredAt - best.incident.declaredAt <= RECENT_MS
  return recent && best.incident.followups.open.length > 0 ? best.incident.number : null
}
