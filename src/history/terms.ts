/**
 * Terms of an incident's title and summary, for BM25: lower-cased words, English stopwords (the
 * `stopword` package) and a few words every incident shares dropped, Porter-stemmed (`stemmer`),
 * so "timeouts" and "timeout" are one term. Deterministic: the same text gives the same terms.
 */
import { eng } from 'stopword'
import { stemmer } from 'stemmer'

/** Words every incident title says, which tell one incident from another nothing. */
const DOMAIN_STOPWORDS = ['incident', 'issue', 'alert', 'firing', 'resolved', 'please', 'urgent', 'help']

const STOP = new Set([...eng, ...DOMAIN_STOPWORDS])

/** Terms of a text, in order, with repeats (term frequency counts them). */
export function tokenize(text: string): string[] {
  return words(text).map(([t]) => t)
}

/**
 * Each term with the word it came from (`[stem, word]`): reasons show people the word they wrote
 * ("deploy"), not its stem ("deploi").
 */
export function words(text: string): [string, string][] {
  const out: [string, string][] = []
  // Letters and digits of any script; a zero-width space (our defused mentions) splits nothing away.
  for (const raw of text
    .toLowerCase()
    .replace(/\u200b/g, '')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || raw.length > 40 || STOP.has(raw)) continue
    // Numbers count only from 3 digits (status codes, ports): "1" or "12" are noise.
    if (/^\d+$/.test(raw) && raw.length < 3) continue
    out.push([/^\p{L}+$/u.test(raw) ? stemmer(raw) : raw, raw])
  }
  return out
}

/** Stem → the first word of the text that gave it. */
export function surfaceWords(text: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const [t, w] of words(text)) if (!m.has(t)) m.set(t, w)
  return m
}

/** Term → frequency. */
export function termCounts(text: string): Map<string, number> {
  const m = new Map<string, number>()
  for (const t of tokenize(text)) m.set(t, (m.get(t) ?? 0) + 1)
  return m
}

/**
 * The `max` most frequent terms (ties: alphabetical), with their counts, and the text's length in
 * terms: what the index keeps of an incident's words.
 */
export function topTerms(text: string, max = 16): { terms: [string, number][]; length: number } {
  const counts = termCounts(text)
  let length = 0
  for (const c of counts.values()) length += c
  const terms = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
  return { terms, length }
}
