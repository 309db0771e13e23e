/**
 * GitHub's documented limits on what one write may carry, and one function per limit that makes a
 * value fit. A write GitHub would refuse for a limit we can know in advance is our bug: every title,
 * body and label set goes through these before it is sent (apply.ts, and the planners that compare
 * what they want with what GitHub has, so that a cut value compares equal on the next run).
 *
 * Every function is idempotent (fit(fit(x)) === fit(x)) and leaves a value that already fits alone.
 * Lengths are counted in UTF-16 units, which is never less than GitHub's count of characters.
 */

/** Issue and pull request titles, comment and issue bodies, labels per issue, label names and descriptions. */
export const CONTENT_LIMITS = Object.freeze({
  title: 256,
  body: 65_536,
  labelsPerIssue: 100,
  labelName: 50,
  labelDescription: 100,
})

/** The longest prefix of `text` that is at most `max` UTF-16 units and does not split a code point. */
function head(text: string, max: number): string {
  if (text.length <= max) return text
  let out = text.slice(0, Math.max(0, max))
  // A lone high surrogate at the end would be half a character.
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1)
  return out
}

/**
 * A title of at most 256 characters. A longer one is cut and ends with `… (N more characters)`, the
 * whole (cut text and that note) fitting in 256.
 */
export function fitTitle(title: string): string {
  const max = CONTENT_LIMITS.title
  if (title.length <= max) return title
  // The note's length depends on N, which depends on the cut: the longest note is for N = length.
  const note = (n: number): string => `… (${n} more characters)`
  const kept = head(title, max - note(title.length).length).trimEnd()
  // A shorter N only shortens the note, so the result still fits.
  return `${kept}${note(title.length - kept.length)}`
}

const RECORD_LINE = /\n<!-- incidentops:record:[^\n]*-->\s*$/

/**
 * A body of at most 65,536 characters. A longer one keeps its beginning (where our marker is) and
 * its record line (the last line of a card), and says in between how much was cut. Throws when even
 * the record alone would not fit, which no body we write can reach.
 */
export function fitBody(body: string): string {
  const max = CONTENT_LIMITS.body
  if (body.length <= max) return body
  const record = RECORD_LINE.exec(body)?.[0] ?? ''
  const text = record ? body.slice(0, body.length - record.length) : body
  const note = (n: number): string =>
    `\n\n… (${n} more characters cut: GitHub keeps at most ${max.toLocaleString('en-US')} in one body)\n`
  const room = max - record.length - note(text.length).length
  if (room < 0) throw new RangeError(`a record of ${record.length} characters cannot fit in a GitHub body of ${max}`)
  const kept = head(text, room)
  return `${kept}${note(text.length - kept.length)}${record}`
}

/**
 * A label name of at most 50 characters: a longer one is cut and ends with `…`. The cut is stable,
 * so the same long name always maps to the same label.
 */
export function fitLabelName(name: string): string {
  const max = CONTENT_LIMITS.labelName
  if (name.length <= max) return name
  return `${head(name, max - 1).trimEnd()}…`
}

/** A label description of at most 100 characters. */
export function fitLabelDescription(description: string): string {
  const max = CONTENT_LIMITS.labelDescription
  if (description.length <= max) return description
  return `${head(description, max - 1).trimEnd()}…`
}

/**
 * A label set GitHub accepts on one issue: names fitted, duplicates (case-insensitive) dropped, at
 * most 100. When there are more, the labels `first` says are ours (incident, priority, stage…) are
 * kept before the others, each group in its given order, so the cut is deterministic.
 */
export function fitLabels(labels: readonly string[], first: (label: string) => boolean = () => false): string[] {
  const seen = new Set<string>()
  const unique: string[] = []
  for (const l of labels.map(fitLabelName)) {
    const k = l.toLowerCase()
    if (seen.has(k)) continue
    seen.add(k)
    unique.push(l)
  }
  if (unique.length <= CONTENT_LIMITS.labelsPerIssue) return unique
  const keep = new Set(
    [...unique.filter(first), ...unique.filter((l) => !first(l))].slice(0, CONTENT_LIMITS.labelsPerIssue),
  )
  // The original order, minus what did not fit.
  return unique.filter((l) => keep.has(l))
}
