/**
 * Log lines that cannot become workflow commands.
 *
 * The runner reads every line the action prints: a line that starts with `::` (after leading
 * spaces) is a workflow command (`::error title=x::boom`, `::add-mask::`, `::stop-commands::`), and
 * `##[command]` is one anywhere in a line (the old syntax). `core.info` prints its text raw, so an
 * issue title, a comment, a label or an alert field that holds a line break followed by `::error`
 * would forge an annotation, mask values or switch command processing off. `core.warning`,
 * `core.notice`, `core.startGroup` and `core.setFailed` escape their message (`\n` → `%0A`, `%` →
 * `%25`) so the runner decodes it as one command's data; but a multi-line annotation is still
 * someone else's text laid out as ours. So every line we log that may carry outside text goes
 * through logSafe first, whichever core function prints it.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidi overrides/isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * One inert log line: line breaks and other control characters written as escapes (`\n`,
 * `\u001b`), so the text stays on one line and reads as it is; a leading `::` and every `##[`
 * broken with a backslash (`\::`, `#\#[`), so the runner sees no workflow command; cut to `max`
 * characters. Apply it to the whole line (our words around outside text are harmless to it).
 */
export function logSafe(text: string, max = 2000): string {
  let t = text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  t = t.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '#\\#[')
  if (t.length > max) t = `${t.slice(0, max)}… (${t.length - max} more characters)`
  return t
}
