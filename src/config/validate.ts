import type { JsonSchema } from './schema.js'
import { parseDuration } from './duration.js'
import { regexProblem } from './regex.js'

export type Path = ReadonlyArray<string | number>

export interface SchemaProblem {
  path: Path
  /** True when the problem is the key itself (unknown key), so the position is the key's. */
  atKey?: boolean
  message: string
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

function resolveRef(root: JsonSchema, s: JsonSchema): JsonSchema {
  if (!s.$ref) return s
  const name = s.$ref.replace('#/$defs/', '')
  const target = root.$defs?.[name]
  if (!target) throw new Error(`schema: unknown $ref ${s.$ref}`)
  return target
}

/** The closest allowed key, to suggest a fix for a typo. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase())
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

/**
 * Validates a plain value against the schema subset described in schema.ts.
 * Returns every problem found, each with the path of the offending value.
 */
export function validateAgainstSchema(root: JsonSchema, value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = []
  walk(root, root, value, [], problems)
  return problems
}

function walk(root: JsonSchema, schemaIn: JsonSchema, value: unknown, path: Path, out: SchemaProblem[]): void {
  const s = resolveRef(root, schemaIn)
  if (s.oneOf) {
    walkOneOf(root, s, value, path, out)
    return
  }
  const t = typeOf(value)
  if (s.type) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type]
    const ok = allowed.some(
      (a) =>
        a === t ||
        ((a === 'number' || a === 'integer') && t === 'number' && (a === 'number' || Number.isInteger(value))),
    )
    if (!ok) {
      out.push({
        path,
        message: `must be ${allowed.map(article).join(' or ')}, not ${article(t)}${t === 'string' || t === 'number' ? ` (${JSON.stringify(value)})` : ''}`,
      })
      return
    }
  }
  if (s.enum && !s.enum.includes(value as string)) {
    out.push({
      path,
      message: `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`,
    })
    return
  }
  if (t === 'string') {
    const str = value as string
    if (s.minLength !== undefined && str.length < s.minLength)
      out.push({
        path,
        message: s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`,
      })
    if (s.maxLength !== undefined && str.length > s.maxLength)
      out.push({ path, message: `must be at most ${s.maxLength} characters (it has ${str.length})` })
    if (s.format === 'duration') {
      if (parseDuration(str) === null)
        out.push({ path, message: `is not a duration: ${JSON.stringify(str)}; write it like 15m, 1h30m, 2d or 1w` })
    } else if (s.format === 'regex') {
      const p = regexProblem(str)
      if (p) out.push({ path, message: p })
    } else if (s.pattern && !new RegExp(s.pattern, 'u').test(str)) {
      out.push({ path, message: `has an unexpected form: ${JSON.stringify(str)}` })
    }
  }
  if (t === 'number') {
    const n = value as number
    if (s.minimum !== undefined && n < s.minimum) out.push({ path, message: `must be at least ${s.minimum}` })
    if (s.maximum !== undefined && n > s.maximum) out.push({ path, message: `must be at most ${s.maximum}` })
  }
  if (t === 'array') {
    const arr = value as unknown[]
    if (s.minItems !== undefined && arr.length < s.minItems)
      out.push({ path, message: `must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}` })
    if (s.maxItems !== undefined && arr.length > s.maxItems)
      out.push({ path, message: `must have at most ${s.maxItems} items (it has ${arr.length})` })
    if (s.items) arr.forEach((item, i) => walk(root, s.items!, item, [...path, i], out))
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>
    const props = s.properties ?? {}
    for (const req of s.required ?? []) {
      if (!(req in obj)) out.push({ path, message: `is missing the required key \`${req}\`` })
    }
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) walk(root, props[k], v, [...path, k], out)
      else if (s.additionalProperties === false) {
        const names = Object.keys(props)
        const hint = closest(k, names)
        out.push({
          path: [...path, k],
          atKey: true,
          message: `unknown key \`${k}\`${hint ? `; did you mean \`${hint}\`?` : ''} (allowed here: ${names.join(', ')})`,
        })
      } else if (typeof s.additionalProperties === 'object') walk(root, s.additionalProperties, v, [...path, k], out)
    }
  }
}

function walkOneOf(root: JsonSchema, s: JsonSchema, value: unknown, path: Path, out: SchemaProblem[]): void {
  const branches = s.oneOf!.map((b) => resolveRef(root, b))
  if (typeOf(value) !== 'object') {
    out.push({
      path,
      message: `must be a mapping with one of the keys ${branches.map((b) => `\`${b.required?.[0]}\``).join(', ')}`,
    })
    return
  }
  const obj = value as Record<string, unknown>
  const matching = branches.filter((b) => (b.required ?? []).every((k) => k in obj))
  if (matching.length === 1) {
    walk(root, matching[0]!, value, path, out)
    return
  }
  const keys = branches.map((b) => `\`${b.required?.[0]}\``).join(', ')
  out.push({
    path,
    message: matching.length === 0 ? `needs one of the keys ${keys}` : `must use only one of the keys ${keys}`,
  })
}

function article(t: string): string {
  if (t === 'object') return 'a mapping'
  if (t === 'array') return 'a list'
  if (t === 'null') return 'empty'
  if (t === 'integer') return 'a whole number'
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`
}
