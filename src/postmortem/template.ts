/**
 * Postmortem templates: a markdown file with `{{name}}` placeholders (docs/postmortems.md).
 *
 * Syntax, deliberately small:
 * - `{{name}}` or `{{ name }}` is a placeholder; it cannot span lines. Every value is rendered as
 *   safe markdown (user text escaped, mentions defused), so there is no "raw" form: `{{{name}}}` is
 *   an error, not Mustache's unescaped output.
 * - `\{{` writes a literal `{{` (the backslash is dropped), e.g. for `$\{{ secrets.TOKEN }}`.
 * - An unknown name, an unclosed `{{`, a block placeholder (`timeline`, `links`, `followups`) that
 *   does not stand on a line of its own, a second `{{followups}}`, or one of our hidden
 *   `<!-- incidentops:… -->` markers is a `ConfigError` whose problems carry file, line and column
 *   (1-based, column counted in characters). All problems are reported at once.
 * - CRLF line endings and a leading byte order mark are normalised away.
 */
import { ConfigError, type ConfigProblem } from '../errors.js'

export interface PlaceholderSpec {
  /** What it renders, for the docs and error messages. */
  description: string
  /** A block renders several lines (a table, a list) and must stand on a line of its own. */
  block: boolean
}

/** Every placeholder a template may use, in the order the docs list them. */
export const PLACEHOLDERS = {
  title: { description: 'The incident issue title.', block: false },
  number: { description: 'The incident issue number, e.g. `42`.', block: false },
  url: { description: 'The incident issue URL.', block: false },
  repo: { description: 'The repository, `owner/name`.', block: false },
  priority: { description: 'The priority now, e.g. `P2`.', block: false },
  priority_reason: {
    description: 'How the priority was chosen: the matching rule, or who set it by hand and why.',
    block: false,
  },
  stage: { description: 'The incident stage when the postmortem was written, e.g. `Resolved`.', block: false },
  services: { description: 'The affected services, or `none stated`.', block: false },
  impact: {
    description: 'Customer impact level, share of users affected, data loss, security exposure.',
    block: false,
  },
  summary: { description: 'What is broken, as the reporter wrote it (one line).', block: false },
  detection: { description: 'How it was detected (the form field), or `not stated`.', block: false },
  started: { description: 'When impact began (UTC).', block: false },
  declared: { description: 'When the incident was declared, i.e. detected (UTC).', block: false },
  acknowledged: { description: 'When it was acknowledged (UTC), or `not reached`.', block: false },
  mitigated: { description: 'When it was mitigated (UTC), or `not reached`.', block: false },
  resolved: { description: 'When it was resolved (UTC), or `not reached`.', block: false },
  time_to_detect: { description: 'started → declared.', block: false },
  time_to_acknowledge: { description: 'declared → acknowledged.', block: false },
  time_to_mitigate: { description: 'started → mitigated.', block: false },
  time_to_resolve: { description: 'started → resolved.', block: false },
  timeline: { description: 'The timeline as a table (time, what, who), summarised when too long.', block: true },
  participants: {
    description: 'Everyone who acted on the incident, comma-separated, without pinging them.',
    block: false,
  },
  commander: { description: 'Who led the response, without pinging them, or `nobody`.', block: false },
  links: { description: 'A list: the incident, then the links given in the form.', block: true },
  followups: { description: 'The follow-up issues with their state, kept current by the action.', block: true },
  changes: {
    description:
      'The suspect changes with their reasons, the cause confirmed with `/cause` and the reverts merged during the incident (docs/changes.md); appended at the end when the template has no `{{changes}}` and there is something to say.',
    block: true,
  },
} as const satisfies Record<string, PlaceholderSpec>

export type PlaceholderName = keyof typeof PLACEHOLDERS

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[]

export const isPlaceholder = (name: string): name is PlaceholderName =>
  Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name)

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: PlaceholderName; readonly line: number; readonly column: number }

/** A parsed template: text and placeholders in order. Only `parseTemplate` makes one. */
export interface Template {
  readonly file: string
  readonly parts: readonly TemplatePart[]
}

/** Where the default template lives, relative to the action's root (the caller reads it). */
export const DEFAULT_TEMPLATE_PATH = 'templates/postmortem.md'

const MARKER_RE = /<!--\s*\/?\s*incidentops:/i

/**
 * Parses a template. `file` is only used in messages (the path the user configured).
 * Throws `ConfigError` listing every problem with its line and column.
 */
export function parseTemplate(text: string, file: string): Template {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const problems: ConfigProblem[] = []
  const parts: TemplatePart[] = []
  let buf = ''
  let followups = 0
  const lines = src.split('\n')
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1
    const col = (index: number): number => Array.from(line.slice(0, index)).length + 1
    const problem = (index: number, message: string): void => {
      problems.push({ file, line: lineNo, column: col(index), message })
    }
    const marker = MARKER_RE.exec(line)
    if (marker)
      problem(
        marker.index,
        "IncidentOps' hidden `<!-- incidentops:… -->` markers cannot be written in a template (they are added by the action): use `{{followups}}` for the follow-up list",
      )
    if (i > 0) buf += '\n'
    let pos = 0
    while (pos < line.length) {
      const open = line.indexOf('{{', pos)
      if (open < 0) {
        buf += line.slice(pos)
        break
      }
      if (open > 0 && line[open - 1] === '\\') {
        // `\{{` is a literal `{{`: drop the backslash.
        buf += line.slice(pos, open - 1) + '{{'
        pos = open + 2
        continue
      }
      buf += line.slice(pos, open)
      const close = line.indexOf('}}', open + 2)
      if (close < 0) {
        problem(open, 'unclosed `{{`: a placeholder is `{{name}}` on one line; write `\\{{` for a literal `{{`')
        buf += line.slice(open)
        break
      }
      const raw = line.slice(open + 2, close)
      const name = raw.trim()
      pos = close + 2
      if (raw.startsWith('{')) {
        problem(
          open,
          `\`{{${raw}}}\`: triple braces are not supported (every value is escaped for markdown, there is no raw form); write \`{{${name.replace(/^\{+|\}+$/g, '')}}}\``,
        )
        if (line[pos] === '}') pos++
        continue
      }
      if (!isPlaceholder(name)) {
        const hint = suggestion(name)
        problem(
          open,
          `unknown placeholder \`{{${name}}}\`${hint ? ` (did you mean \`{{${hint}}}\`?)` : ''}; known placeholders: ${PLACEHOLDER_NAMES.join(', ')}. Write \`\\{{\` for a literal \`{{\``,
        )
        continue
      }
      if (PLACEHOLDERS[name].block && (line.slice(0, open).trim() !== '' || line.slice(pos).trim() !== '')) {
        problem(
          open,
          `\`{{${name}}}\` renders several lines (a table or a list), so it must stand on a line of its own`,
        )
      }
      if (name === 'followups' && ++followups > 1)
        problem(open, '`{{followups}}` may appear only once: the action rewrites that one section as follow-ups change')
      if (buf) parts.push({ kind: 'text', text: buf })
      buf = ''
      parts.push({ kind: 'placeholder', name, line: lineNo, column: col(open) })
    }
  }
  if (buf) parts.push({ kind: 'text', text: buf })
  if (problems.length) {
    const list = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)
    throw new ConfigError(
      `Invalid postmortem template ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${list.join('\n')}`,
      problems,
    )
  }
  return { file, parts }
}

/** A known name differing only in case, spaces/dashes, or a missing `time_to_` prefix. */
function suggestion(name: string): PlaceholderName | null {
  const norm = (s: string): string => s.toLowerCase().replace(/[\s.-]+/g, '_')
  const n = norm(name)
  for (const known of PLACEHOLDER_NAMES)
    if (norm(known) === n || known === `time_to_${n}` || known.replace(/_/g, '') === n.replace(/_/g, '')) return known
  return null
}
