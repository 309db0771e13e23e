import type { FormFieldSpec } from './form-spec.js'

/**
 * Reads the answers out of an issue opened from an issue form, and writes bodies the way GitHub
 * does (for tests, fixtures and the demo). Pure: no I/O, never throws, one pass over the lines.
 *
 * What GitHub renders for a submitted form (from real form-created issue bodies and the parsers
 * github/issue-parser and stefanbuck/github-issue-parser; GitHub's docs describe the form schema
 * but not the rendered body): every field except `markdown` becomes `### <label>`, a blank line,
 * the answer; fields are separated by a blank line. An empty optional field is `_No response_`;
 * checkboxes are one `- [X] <option>` / `- [ ] <option>` line per option, in form order; a
 * textarea with `render: <lang>` is wrapped in a ```<lang> fence. Bodies from the web form carry
 * `\r\n` (older issues throughout, newer ones inside what people typed). A dropdown left unset
 * renders `None` (github/issue-parser treats it as empty; we render it so and read both).
 *
 * The rule we parse by: **the body means what a reader sees when GitHub renders it.** So
 * - `#`s inside fenced code (``` or ~~~, any length ≥ 3, closed only by a fence of the same
 *   character at least as long; an unclosed fence runs to the end, as CommonMark says) or inside
 *   an HTML comment (`<!-- … -->`, how people hide text) are not headings;
 * - a heading is an ATX heading of level 2 to 4 (`##` … `####`, up to three spaces of indent, a
 *   space or tab after the `#`s, or nothing); trailing `#`s and spaces are dropped; labels match
 *   case-insensitively and whatever the spacing, since people retouch bodies later;
 * - a heading whose text is a known label always starts that field's section (the first one wins;
 *   a repeat is kept as an extra section so its text is not lost);
 * - an unknown heading starts an extra section when it sits at the same level as the current
 *   section or above it (`##`/`###` under a `###` field: it looks like a new section when
 *   rendered, e.g. a section someone added by hand), and is part of the answer when it is deeper
 *   (`####` inside a `###` textarea: a sub-heading the reporter wrote);
 * - text before the first heading is not an answer (a hand-written incident has only that).
 *
 * Therefore a text value survives `parseIssueForm(renderIssueForm(v))` unchanged when it is
 * trimmed, free of `\r`, not `_No response_`/`None`, opens no fence or comment it does not
 * close, and outside those has no line that is a `##`/`###` heading or a heading naming a known
 * label (and, for a dropdown, is not an option spelled in another case or spacing). Checkboxes
 * survive as any subset of the options. test/unit/issue-form.property.test.ts states this
 * domain as generators.
 */

export interface ParsedForm {
  /** True when at least one known field heading was found. */
  fromForm: boolean
  /**
   * By field id, every spec field and nothing else. input/textarea/dropdown: trimmed text, or
   * null when `_No response_`, `None`, empty or absent. checkboxes: the checked option labels
   * (spelled as in the spec when they match one ignoring case and spacing), [] when none.
   */
  values: Record<string, string | string[] | null>
  /** Ids of spec fields absent or without a response, in spec order (checkboxes never). */
  missing: string[]
  /** Sections whose heading is not a known label, or repeats one already read. */
  extra: { heading: string; text: string }[]
}

export interface RenderOptions {
  /** Line ending of the whole body. GitHub's web form submits `\r\n`; default `\n`. */
  eol?: '\n' | '\r\n'
}

type Value = string | string[] | null

interface Fence {
  char: '`' | '~'
  length: number
}

interface Section {
  /** Index into the spec, or -1 for an extra section. */
  field: number
  heading: string
  level: number
  /** Lines [start, end) of the body. */
  start: number
  end: number
}

interface Heading {
  level: number
  /** The text as written, trimmed. */
  raw: string
  /** Without a closing run of `#`s. */
  text: string
}

const NO_RESPONSE = ['_no response_', 'none']

export function parseIssueForm(body: string | null | undefined, spec: readonly FormFieldSpec[]): ParsedForm {
  // Callers pass `issue.body` straight from a payload, which can be null or, if mistyped, anything.
  let text = typeof body === 'string' ? body : ''
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split(/\r\n|\r|\n/)
  // 1 for lines inside (or opening/closing) a fence or comment: no headings, no checkboxes there.
  const hidden = new Uint8Array(lines.length)

  // Spec fields by heading key. Two fields with the same label cannot both be found; the first wins.
  const byKey = new Map<string, number>()
  spec.forEach((f, i) => {
    const k = labelKey(f.label)
    if (!byKey.has(k)) byKey.set(k, i)
  })

  const taken = new Array<boolean>(spec.length).fill(false)
  const sections: Section[] = []
  let fence: Fence | null = null
  let inComment = false

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (fence) {
      hidden[i] = 1
      if (closesFence(line, fence)) fence = null
      continue
    }
    if (inComment) {
      hidden[i] = 1
      if (line.includes('-->')) inComment = false
      continue
    }
    const opened = openingFence(line)
    if (opened) {
      hidden[i] = 1
      fence = opened
      continue
    }
    if (startsComment(line)) {
      hidden[i] = 1
      // A comment closed on its own line hides nothing after it.
      inComment = !line.includes('-->')
      continue
    }
    const h = parseHeading(line)
    if (!h) continue
    const current = sections.at(-1)
    let field = byKey.get(labelKey(h.raw)) ?? byKey.get(labelKey(h.text)) ?? -1
    if (field >= 0) {
      if (taken[field]) field = -1
      else taken[field] = true
    } else if (current && h.level > current.level) {
      continue // a sub-heading inside the current answer: it stays part of the text
    }
    if (current) current.end = i
    sections.push({ field, heading: h.text || h.raw, level: h.level, start: i + 1, end: lines.length })
  }

  const values: [string, Value][] = spec.map((f) => [f.id, f.type === 'checkboxes' ? [] : null])
  const extra: { heading: string; text: string }[] = []
  for (const s of sections) {
    if (s.field < 0) {
      extra.push({ heading: s.heading, text: lines.slice(s.start, s.end).join('\n').trim() })
    } else {
      values[s.field]![1] = readValue(spec[s.field]!, lines, hidden, s.start, s.end)
    }
  }

  return {
    fromForm: taken.some(Boolean),
    // fromEntries, not assignment: an id such as `__proto__` must stay an ordinary key.
    values: Object.fromEntries(values),
    missing: spec.filter((f, i) => f.type !== 'checkboxes' && values[i]![1] === null).map((f) => f.id),
    extra,
  }
}

export function renderIssueForm(
  values: Record<string, string | string[] | null>,
  spec: readonly FormFieldSpec[],
  options: RenderOptions = {},
): string {
  const body = spec
    .map((f) => `### ${f.label}\n\n${renderValue(f, Object.hasOwn(values, f.id) ? values[f.id] : null)}`)
    .join('\n\n')
  return options.eol === '\r\n' ? body.replace(/\r?\n/g, '\r\n') : body
}

function renderValue(f: FormFieldSpec, v: Value | undefined): string {
  if (f.type === 'checkboxes') {
    const checked = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]
    const keys = new Set(checked.map(labelKey))
    const opts = f.options ?? []
    const optionKeys = new Set(opts.map(labelKey))
    const rows = opts.map((o) => `- [${keys.has(labelKey(o)) ? 'X' : ' '}] ${o}`)
    // GitHub cannot produce a ticked box that is not an option, but a caller may pass one: keep it.
    for (const c of checked) if (!optionKeys.has(labelKey(c)) && c.trim()) rows.push(`- [X] ${c.trim()}`)
    return rows.length ? rows.join('\n') : '_No response_'
  }
  const raw = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v
  if (f.type === 'textarea' && f.render !== undefined) {
    const code = trimCode(raw)
    return code ? '```' + f.render + '\n' + code + '\n```' : '_No response_'
  }
  const t = raw.trim()
  if (t) return t
  return f.type === 'dropdown' ? 'None' : '_No response_'
}

function readValue(f: FormFieldSpec, lines: string[], hidden: Uint8Array, start: number, end: number): Value {
  if (f.type === 'checkboxes') {
    const opts = new Map((f.options ?? []).map((o) => [labelKey(o), o]))
    const checked: string[] = []
    for (let i = start; i < end; i++) {
      if (hidden[i]) continue
      const box = parseCheckbox(lines[i]!)
      if (box?.checked) checked.push(opts.get(labelKey(box.label)) ?? box.label)
    }
    return checked
  }
  const text = lines.slice(start, end).join('\n').trim()
  if (!text || NO_RESPONSE.includes(text.toLowerCase())) return null
  if (f.type === 'textarea' && f.render !== undefined) {
    const code = unwrapFence(lines, start, end)
    if (code !== undefined) return code || null
  }
  if (f.type === 'dropdown') {
    // Spelled like the option when it is one (a retyped `full outage`); anything else as written.
    const k = labelKey(text)
    return f.options?.find((o) => labelKey(o) === k) ?? text
  }
  return text
}

/**
 * The inside of an answer that is exactly one fenced block (a `render:` textarea), or undefined
 * when the answer is anything else (someone edited it), so the caller keeps the text as written.
 */
function unwrapFence(lines: string[], start: number, end: number): string | undefined {
  let a = start
  let b = end - 1
  while (a <= b && lines[a]!.trim() === '') a++
  while (b >= a && lines[b]!.trim() === '') b--
  if (b <= a) return undefined
  const fence = openingFence(lines[a]!)
  if (!fence || !closesFence(lines[b]!, fence)) return undefined
  for (let i = a + 1; i < b; i++) if (closesFence(lines[i]!, fence)) return undefined
  return trimCode(lines.slice(a + 1, b).join('\n'))
}

/** Code keeps its first line's indentation; only blank lines around it and trailing space go. */
function trimCode(s: string): string {
  const t = s.trimEnd()
  let i = 0
  // Drop whole leading blank lines, keeping the indentation of the first non-blank one.
  for (let j = 0; j < t.length; j++) {
    const c = t[j]!
    if (c === '\n') i = j + 1
    else if (c !== ' ' && c !== '\t' && c !== '\r') break
  }
  return t.slice(i)
}

/** Compared form of a label or heading: case, spacing and Unicode composition do not matter. */
function labelKey(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}

function indentOf(line: string): number {
  let i = 0
  while (i < line.length && line.charCodeAt(i) === 32) i++
  return i
}

function isBlank(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!
    if (c !== ' ' && c !== '\t') return false
  }
  return true
}

function parseHeading(line: string): Heading | null {
  const i = indentOf(line)
  if (i > 3) return null
  let n = 0
  while (line.charCodeAt(i + n) === 35 /* # */) n++
  if (n < 2 || n > 4) return null
  const after = i + n
  if (after < line.length && line[after] !== ' ' && line[after] !== '\t') return null
  const raw = line.slice(after).trim()
  // Strip a closing run of `#`s by hand: a regex like /[\s#]+$/ is quadratic on long lines.
  let e = raw.length
  while (e > 0 && (raw[e - 1] === '#' || raw[e - 1] === ' ' || raw[e - 1] === '\t')) e--
  return { level: n, raw, text: raw.slice(0, e) }
}

function openingFence(line: string): Fence | null {
  const i = indentOf(line)
  if (i > 3) return null
  const c = line[i]
  if (c !== '`' && c !== '~') return null
  let n = 0
  while (line[i + n] === c) n++
  if (n < 3) return null
  // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
  if (c === '`' && line.indexOf('`', i + n) !== -1) return null
  return { char: c, length: n }
}

function closesFence(line: string, fence: Fence): boolean {
  const i = indentOf(line)
  if (i > 3) return false
  let n = 0
  while (line[i + n] === fence.char) n++
  return n >= fence.length && isBlank(line, i + n)
}

function startsComment(line: string): boolean {
  const i = indentOf(line)
  return i <= 3 && line.startsWith('<!--', i)
}

function parseCheckbox(line: string): { checked: boolean; label: string } | null {
  let i = indentOf(line)
  if (i > 3) return null
  const bullet = line[i]
  if (bullet !== '-' && bullet !== '*' && bullet !== '+') return null
  i++
  if (line[i] !== ' ' && line[i] !== '\t') return null
  while (line[i] === ' ' || line[i] === '\t') i++
  if (line[i] !== '[' || line[i + 2] !== ']') return null
  const mark = line[i + 1]
  if (mark !== ' ' && mark !== 'x' && mark !== 'X') return null
  const label = line.slice(i + 3).trim()
  return label ? { checked: mark !== ' ', label } : null
}
