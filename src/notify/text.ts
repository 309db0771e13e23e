/**
 * Making user text safe for chat: titles, stages and sentences come from issue titles and people,
 * so before they reach Slack, Teams or Discord they are bounded, made one line, and defused so
 * that nothing in them can ping a channel or a role, open a link we did not write, or hide text.
 */

const ZWSP = '\u200b'

/**
 * Plain, one-line, bounded text: control and bidi-override characters dropped, whitespace
 * collapsed, cut to `max` code points (with `…`), and every `@name` broken with a zero-width
 * space so that `@here`, `@channel`, `@everyone` and `@someone` stay text on every platform.
 */
export function plain(text: string | null | undefined, max: number): string {
  if (!text) return ''
  // eslint-disable-next-line no-control-regex
  let t = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
  t = t.replace(/\s+/g, ' ').trim()
  const cps = Array.from(t)
  if (cps.length > max)
    t = `${cps
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd()}…`
  return t.replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`)
}

/**
 * Slack mrkdwn: `&`, `<` and `>` escaped as Slack requires, which also turns `<!here>`,
 * `<!channel>`, `<@U123>` and `<!subteam^…>` into visible text.
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An http(s) URL in someone's text, up to the next space or angle bracket (a capture group, for split). */
const URL_IN_TEXT = /(https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"])/i

/**
 * Discord markdown: the characters that format (`\ * _ ~ \` | [ ]`) backslash-escaped, and a
 * zero-width space after every `<` so `<@id>`, `<@&role>`, `<#channel>` and `</command:id>` are
 * never parsed (allowed_mentions is the second lock on the same door). A URL in the text is
 * wrapped in `<…>`, Discord's way to keep a link without a preview: an outsider's title cannot
 * make our message unfurl their page (or load their image) in the channel. The URL itself is left
 * unescaped (escapes would become part of it); it holds no space, `<` or `>` by construction.
 */
export function discordEscape(text: string): string {
  return text
    .split(URL_IN_TEXT)
    .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/</g, `<${ZWSP}`)))
    .join('')
}

/**
 * Adaptive Card TextBlock markdown: a `](` is broken so user text cannot make a link that
 * looks like ours, and `<` gets a zero-width space so no `<at>` tag can be formed.
 */
export function teamsEscape(text: string): string {
  return text.replace(/\]\(/g, `]${ZWSP}(`).replace(/</g, `<${ZWSP}`)
}

/** An http(s) URL as a string, or null: only links we can vouch for are put in a message. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null
    // `|` and `>` would end a Slack link early; the WHATWG serializer keeps `|` as is.
    return u.href.replace(/\|/g, '%7C')
  } catch {
    return null
  }
}
