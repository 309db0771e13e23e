/**
 * Making user text safe to quote back: it must not ping people, break our markdown, or smuggle
 * our hidden markers. Everything we echo from titles, bodies, alerts and commands goes through here.
 */

const ZWSP = '\u200b'

/** `@user` and `@org/team` stop being mentions: a zero-width space after the `@` (as Dependabot does). */
export function neutralizeMentions(text: string): string {
  // GitHub decodes HTML entities before it looks for mentions: `&#64;alice` is `@alice` too.
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
    .replace(/(&(?:#0*64|#x0*40|commat);)(?=[A-Za-z0-9])/gi, `$1${ZWSP}`)
}

/** Removes anything that could be read as one of our hidden markers or open an HTML comment. */
export function neutralizeMarkers(text: string): string {
  return text
    .replace(/<!--/g, '&lt;!--')
    .replace(/-->/g, '--&gt;')
    .replace(/incidentops:/gi, `incidentops${ZWSP}:`)
}

/** Issue references (`#12`, `org/repo#12`, `GH-12`) stop linking and back-referencing other threads. */
export function neutralizeReferences(text: string): string {
  return text.replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}${ZWSP}-`)
}

/**
 * Links and images stop being markdown: a `[` that a `](`, `][` or `]:` follows becomes the entity
 * `&#91;`, which GitHub shows as `[` but never parses as syntax. So `![x](https://tracker/px.png)`
 * cannot embed (no request to someone's server from every reader's browser), `[Status page](https://evil)`
 * cannot hide where it leads, and reference definitions cannot form; a bare URL stays visible
 * (GitHub autolinks it). Brackets with nothing of the kind after them (`shipit[bot]`) stay as they are.
 * Linear: every `[` before the last closing sequence is replaced, which is what a lookahead would do.
 */
export function neutralizeLinks(text: string): string {
  const last = Math.max(text.lastIndexOf(']('), text.lastIndexOf(']['), text.lastIndexOf(']:'))
  if (last < 0) return text
  return text.slice(0, last).replace(/\[/g, '&#91;') + text.slice(last)
}

/**
 * Everything someone else wrote, before we quote it: mentions, our markers, issue references,
 * links and images defused. inline() and quote() apply it; use it directly for other shapes.
 */
export function defuseUserText(text: string): string {
  return neutralizeLinks(neutralizeReferences(neutralizeMarkers(neutralizeMentions(text))))
}

/**
 * Drops control characters (NUL, escapes) that have no business in an issue thread, and the
 * bidirectional overrides and isolates that make text read differently than it is (U+202A–E, U+2066–9).
 */
function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
}

/** Cuts to `max` characters on a code point boundary, saying that it did. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = Array.from(text.slice(0, max)).join('')
  return `${cut}… (${text.length - max} more characters)`
}

/**
 * One line of user text for a table cell, a heading or a list item: no newlines, pipes escaped,
 * HTML neutralised, mentions, markers, issue references, links and images defused, length bounded.
 */
export function inline(text: string | null | undefined, max = 200): string {
  if (!text) return ''
  let t = stripControls(text).replace(/\s+/g, ' ').trim()
  t = truncate(t, max)
  t = t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  // A leading `#`, `>` or list marker would change the block we put it in.
  t = t.replace(/^([#>+\-=*]|\d+[.)])/, '\\$1')
  return defuseUserText(t)
}

/**
 * Several lines of user text as a blockquote. Fences and HTML inside cannot escape the quote:
 * `<` is escaped, and a blockquote closes any fence opened inside it. Mentions, markers, issue
 * references, links and images are defused as in inline().
 */
export function quote(text: string | null | undefined, max = 1500): string {
  if (!text || !text.trim()) return '> _(empty)_'
  let t = truncate(stripControls(text).replace(/\r\n?/g, '\n').trim(), max)
  t = t.replace(/</g, '&lt;').replace(/>/g, '&gt;')
  t = defuseUserText(t)
  return t
    .split('\n')
    .map((l) => (l.length ? `> ${l}` : '>'))
    .join('\n')
}

/** Text for inside an inline code span: backticks cannot close it. */
export function code(text: string, max = 100): string {
  const t = truncate(stripControls(text).replace(/\s+/g, ' '), max).replace(/`/g, 'ˋ')
  return `\`${neutralizeMarkers(t)}\``
}
