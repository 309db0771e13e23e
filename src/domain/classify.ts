import type { Condition, Config, Priority, Scalar } from '../config/types.js'
import { compileConfigRegex } from '../config/regex.js'

/** The values rules can test: form fields by id, `score`, and `labels.<name>` for alerts. */
export type FieldValue = string | number | boolean | string[] | null | undefined
export type Fields = Record<string, FieldValue>

export interface Classification {
  priority: Priority
  /** The rule that matched, or null when the default applied. */
  rule: string | null
  score: number | null
  /** One sentence for the card: why this priority. */
  reason: string
}

/** Normalises text for comparison: case, spacing and punctuation do not matter (`Full outage` = `full-outage`). */
export function slug(v: string): string {
  return v
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function asNumber(v: FieldValue): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(v)) return Number.parseFloat(v)
  return null
}

function scalarEquals(value: Exclude<FieldValue, string[] | null | undefined>, want: Scalar): boolean {
  if (typeof want === 'boolean' || typeof value === 'boolean') {
    const norm = (x: Scalar): boolean | null =>
      typeof x === 'boolean'
        ? x
        : ['true', 'yes'].includes(String(x).toLowerCase())
          ? true
          : ['false', 'no'].includes(String(x).toLowerCase())
            ? false
            : null
    return norm(value) !== null && norm(value) === norm(want)
  }
  if (typeof want === 'number' || typeof value === 'number') return asNumber(value) === asNumber(want as FieldValue)
  return slug(value) === slug(want)
}

/** Evaluates a condition against the fields. A missing field fails every test but `present: false`. */
export function evaluate(c: Condition, fields: Fields): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, fields))
  if ('any' in c) return c.any.some((x) => evaluate(x, fields))
  if ('not' in c) return !evaluate(c.not, fields)
  const v = fields[c.field]
  const missing = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
  if (c.present !== undefined) return c.present ? !missing : missing
  if (missing) return false
  const values = Array.isArray(v) ? v : [v]
  if (c.equals !== undefined) return values.some((x) => scalarEquals(x, c.equals!))
  if (c.one_of !== undefined) return values.some((x) => c.one_of!.some((w) => scalarEquals(x, w)))
  if (c.matches !== undefined) {
    // RE2, never RegExp: the text is the reporter's, and a backtracking engine lets it hang the run.
    const re = compileConfigRegex(c.matches)
    return values.some((x) => re.test(String(x).slice(0, 10_000)))
  }
  const n = asNumber(Array.isArray(v) ? (v[0] ?? null) : v)
  if (n === null) return false
  if (c.at_least !== undefined) return n >= c.at_least
  if (c.at_most !== undefined) return n <= c.at_most
  if (c.above !== undefined) return n > c.above
  if (c.below !== undefined) return n < c.below
  return false
}

/** The weighted impact score: Σ weight × numeric value, plus points per choice value. */
export function impactScore(terms: Config['classification']['score'], fields: Fields): number | null {
  if (terms.length === 0) return null
  let total = 0
  for (const t of terms) {
    const v = fields[t.field]
    if (v === null || v === undefined) continue
    const values = Array.isArray(v) ? v : [v]
    for (const x of values) {
      if (t.values) {
        const hit = Object.entries(t.values).find(([k]) => slug(k) === slug(String(x)))
        if (hit) total += hit[1] * (t.weight ?? 1)
      } else {
        const n = asNumber(x)
        if (n !== null) total += n * (t.weight ?? 1)
      }
    }
  }
  return Math.round(total * 1000) / 1000
}

/** Picks the priority: the first matching rule, else the default. Pure and total. */
export function classify(fields: Fields, config: Config): Classification {
  const score = impactScore(config.classification.score, fields)
  const all: Fields = score === null ? fields : { ...fields, score }
  const rules = config.classification.rules
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!
    if (evaluate(r.when, all)) {
      const name = r.name ?? `rule ${i + 1}`
      return {
        priority: r.priority,
        rule: name,
        score,
        reason: `rule “${name}” matched${score !== null ? ` (impact score ${score})` : ''}`,
      }
    }
  }
  const d = config.classification.default
  return {
    priority: d,
    rule: null,
    score,
    reason: `no rule matched${score !== null ? ` (impact score ${score})` : ''}: the default priority applies`,
  }
}
