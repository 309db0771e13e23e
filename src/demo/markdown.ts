/**
 * A small GitHub-flavoured markdown renderer, good enough for what IncidentOps writes (headings,
 * paragraphs, tables with alignment, task lists, nested lists, quotes and GitHub alerts, fenced
 * code, links, emphasis, `<details>`), for the demo's offline HTML page. GitHub's own renderer is
 * not available offline. Raw HTML is escaped except a short list of harmless tags, and HTML
 * comments are hidden, as GitHub hides them.
 *
 * Mermaid blocks become `<pre class="mermaid">` with their source: the page draws them only when
 * a copy of Mermaid is available to inline (see html.ts).
 */

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Tags kept as HTML (without attributes, except `open` on details). Everything else is shown as text. */
const INLINE_TAGS = /<(\/?)(br|sub|sup|kbd|b|i|em|strong|ins|del|s|details|summary|code|p)(\s+open)?\s*\/?>/gi

const SAFE_URL = /^(https?:|mailto:|#|\.{0,2}\/|[\w.-]+(\/|\.md\b|\.html?\b|$))/i

function safeUrl(url: string): string {
  const u = url.trim()
  return SAFE_URL.test(u) && !/^\s*(javascript|data|vbscript):/i.test(u) ? u : '#'
}

export interface RenderOptions {
  /** Issue numbers that have a section on the page: `#12` links to `#issue-12`, etc. */
  anchors?: Map<number, string>
  /** The page's repository (`owner/name`): its issue links and `owner/name#N` become in-page links too. */
  repo?: string
}

/** The in-page anchor of an issue link of the page's repository (any host: GitHub or the emulator's port), if it has a section. */
function issueAnchor(url: string, o: RenderOptions): string | undefined {
  if (!o.repo || !o.anchors) return undefined
  const m = /^https?:\/\/[^/]+\/(?:repos\/)?([\w.-]+\/[\w.-]+)\/(?:issues|pull)\/(\d+)\/?(?:#.*)?$/.exec(url.trim())
  if (!m || m[1]!.toLowerCase() !== o.repo.toLowerCase()) return undefined
  return o.anchors.get(Number(m[2]))
}

/** `href` for a link: the in-page anchor for the page's own issues (the page works offline), else the safe URL. */
function href(url: string, o: RenderOptions): string {
  const id = issueAnchor(url, o)
  return id ? `#${id}` : safeUrl(url)
}

/** Renders inline markdown (one paragraph's text) to HTML. */
export function renderInline(text: string, o: RenderOptions = {}): string {
  const slots: string[] = []
  const hold = (html: string): string => `\uE000${slots.push(html) - 1}\uE000`
  let s = text
  // Code spans first: nothing inside them is markdown.
  s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _t: string, code: string) =>
    hold(`<code>${esc(code.replace(/^ (.*) $/, '$1'))}</code>`),
  )
  s = s.replace(/<!--[\s\S]*?-->/g, '')
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_, ch: string) => hold(esc(ch)))
  s = s.replace(INLINE_TAGS, (_, close: string, tag: string, open: string | undefined) =>
    hold(`<${close}${tag.toLowerCase()}${open && !close ? ' open' : ''}>`),
  )
  s = s.replace(/<(https?:\/\/[^\s>]+)>/g, (_, url: string) => hold(`<a href="${esc(href(url, o))}">${esc(url)}</a>`))
  // Images are shown as their alt text linked to the image (the page is offline).
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, alt: string, url: string) =>
    hold(`<a href="${esc(safeUrl(url))}">🖼 ${esc(alt || url)}</a>`),
  )
  s = s.replace(
    /\[([^\]]+)\]\(([^)\s]+)(?:\s+"([^"]*)")?\)/g,
    (_, label: string, url: string, title: string | undefined) =>
      // The label gets no links of its own: an <a> inside an <a> is not HTML.
      hold(`<a href="${esc(href(url, o))}"${title ? ` title="${esc(title)}"` : ''}>${renderInline(label, {})}</a>`),
  )
  s = s.replace(/\bhttps?:\/\/[^\s<>()]*[^\s<>().,;:!?'"*_]/g, (url) =>
    hold(`<a href="${esc(href(url, o))}">${esc(url)}</a>`),
  )
  // `owner/name#N` of the page's repository, unlinked in the text.
  if (o.repo && o.anchors) {
    const repo = o.repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    s = s.replace(new RegExp(`(^|[\\s(])(${repo})#(\\d+)\\b`, 'gi'), (m, pre: string, name: string, num: string) => {
      const id = o.anchors?.get(Number(num))
      return id ? `${pre}${hold(`<a href="#${esc(id)}">${esc(name)}#${num}</a>`)}` : m
    })
  }
  s = esc(s)
  // Character references, as GitHub shows them: the action writes `&#91;` for a `[` that must not
  // start a link, `&lt;` for a `<` in a table cell. Kept as references (the browser draws the
  // character; a reference can never become markup).
  s = s.replace(/&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|lt|gt|amp|quot|apos|nbsp);/gi, '&$1;')
  s = s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
  s = s
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>')
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>')
  // Mentions (ours carry a zero-width space after @ so they never ping) and issue references.
  s = s.replace(
    /(^|[^\w&/])@(\u200b?)([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._-]+)?(?:\[bot\])?)/g,
    '$1<span class="mention">@$2$3</span>',
  )
  s = s.replace(/(^|[\s(])#(\d+)\b/g, (m, pre: string, num: string) => {
    const id = o.anchors?.get(Number(num))
    return id ? `${pre}<a href="#${id}">#${num}</a>` : m
  })
  s = s.replace(/ {2,}\n|\\\n/g, '<br>\n')
  // Restore held pieces (they may nest: a link label holds code).
  for (let k = 0; k < 3 && s.includes('\uE000'); k++)
    s = s.replace(/\uE000(\d+)\uE000/g, (_, n: string) => slots[Number(n)] ?? '')
  return s
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const QUOTE = /^ {0,3}> ?/
const LIST = /^( *)([-*+]|\d{1,9}[.)])( +|$)/
const TABLE_SEP = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
const HTML_BLOCK = /^\s*<\/?(details|summary|p|br)\b[^>]*>/i

function splitRow(line: string): string[] {
  const cells: string[] = []
  let cur = ''
  let code = 0
  const t = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!
    if (ch === '\\' && t[i + 1] === '|') {
      cur += '\\|'
      i++
    } else if (ch === '`') {
      code ^= 1
      cur += ch
    } else if (ch === '|' && !code) {
      cells.push(cur.trim())
      cur = ''
    } else cur += ch
  }
  cells.push(cur.trim())
  return cells
}

function startsBlock(line: string, next: string | undefined): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    HR.test(line) ||
    QUOTE.test(line) ||
    LIST.test(line) ||
    HTML_BLOCK.test(line) ||
    /^\s*<!--/.test(line) ||
    (line.includes('|') && next !== undefined && TABLE_SEP.test(next))
  )
}

/** Renders a markdown document (or a block container's content) to HTML. */
export function renderMarkdown(markdown: string, o: RenderOptions = {}): string {
  return blocks(markdown.replace(/\r\n?/g, '\n').split('\n'), o).join('\n')
}

function blocks(lines: string[], o: RenderOptions): string[] {
  const html: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    // HTML comments are hidden (GitHub does too): the action's markers and records live there.
    if (/^\s*<!--/.test(line)) {
      while (i < lines.length && !lines[i]!.includes('-->')) i++
      const rest = (lines[i] ?? '').replace(/^[\s\S]*?-->/, '')
      i++
      if (rest.trim()) html.push(...blocks([rest], o))
      continue
    }
    const fence = FENCE.exec(line)
    if (fence) {
      const [, marker, lang] = fence
      const body: string[] = []
      i++
      while (
        i < lines.length &&
        !new RegExp(`^ {0,3}${marker![0] === '`' ? '`' : '~'}{${marker!.length},}\\s*$`).test(lines[i]!)
      )
        body.push(lines[i++]!)
      i++
      const code = esc(body.join('\n'))
      if (lang === 'mermaid') {
        html.push(
          `<figure class="mermaid-figure"><pre class="mermaid">${code}</pre><figcaption>Mermaid chart (GitHub draws it).</figcaption></figure>`,
        )
      } else html.push(`<pre><code${lang ? ` class="language-${esc(lang)}"` : ''}>${code}</code></pre>`)
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      const level = heading[1]!.length
      html.push(`<h${level}>${renderInline(heading[2]!, o)}</h${level}>`)
      i++
      continue
    }
    if (HR.test(line)) {
      html.push('<hr>')
      i++
      continue
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]!)) {
      const head = splitRow(line)
      const align = splitRow(lines[i + 1]!).map((c) =>
        /^:-+:$/.test(c) ? 'center' : /-:$/.test(c) ? 'right' : /^:-/.test(c) ? 'left' : '',
      )
      // A Title column gets room (class "title", see the page's CSS): squeezed, titles wrapped onto many lines.
      const title = head.map((h) => /^title$/i.test(h.trim()))
      const cell = (tag: string, text: string, k: number): string =>
        `<${tag}${title[k] ? ' class="title"' : ''}${align[k] ? ` style="text-align:${align[k]}"` : ''}>${renderInline(text, o)}</${tag}>`
      const rows: string[] = [`<thead><tr>${head.map((h, k) => cell('th', h, k)).join('')}</tr></thead>`, '<tbody>']
      i += 2
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i]!)
        rows.push(`<tr>${head.map((_, k) => cell('td', cells[k] ?? '', k)).join('')}</tr>`)
        i++
      }
      rows.push('</tbody>')
      html.push(`<div class="table"><table>${rows.join('')}</table></div>`)
      continue
    }
    if (QUOTE.test(line)) {
      const inner: string[] = []
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(lines[i++]!.replace(QUOTE, ''))
      const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i.exec(inner[0] ?? '')
      if (alert) {
        const kind = alert[1]!.toLowerCase()
        html.push(
          `<div class="alert alert-${kind}"><p class="alert-title">${alert[1]![0]}${kind.slice(1)}</p>${blocks(inner.slice(1), o).join('\n')}</div>`,
        )
      } else html.push(`<blockquote>${blocks(inner, o).join('\n')}</blockquote>`)
      continue
    }
    const list = LIST.exec(line)
    if (list) {
      const indent = list[1]!.length
      const ordered = /\d/.test(list[2]!)
      const items: string[][] = []
      let loose = false
      while (i < lines.length) {
        const m = LIST.exec(lines[i]!)
        if (m && m[1]!.length === indent && /\d/.test(m[2]!) === ordered) {
          const contentIndent = m[0].length
          const item = [lines[i]!.slice(contentIndent)]
          i++
          while (i < lines.length) {
            const l = lines[i]!
            if (l.trim() === '') {
              // A blank line continues the item only when the next line is indented under it.
              const next = lines[i + 1]
              if (next !== undefined && next.trim() !== '' && next.length - next.trimStart().length > indent) {
                item.push('')
                loose = loose || !LIST.test(next)
                i++
                continue
              }
              break
            }
            const lead = l.length - l.trimStart().length
            if (lead > indent) item.push(l.slice(Math.min(lead, contentIndent)))
            else if (!startsBlock(l, lines[i + 1]) && item.at(-1)?.trim() !== '')
              item.push(l) // lazy continuation
            else break
            i++
          }
          items.push(item)
          if (lines[i]?.trim() === '' && LIST.exec(lines[i + 1] ?? '')?.[1]!.length === indent) {
            loose = true
            i++
          }
        } else break
      }
      const start = ordered ? Number(/\d+/.exec(list[2]!)![0]) : 1
      const tag = ordered ? 'ol' : 'ul'
      const hasTasks = items.some((it) => /^\[[ xX]\]\s/.test(it[0] ?? ''))
      const lis = items.map((item) => {
        const task = /^\[([ xX])\]\s+/.exec(item[0]!)
        if (task) item[0] = item[0]!.slice(task[0].length)
        let body = blocks(item, o).join('\n')
        if (!loose) body = body.replace(/^<p>([\s\S]*?)<\/p>/, '$1')
        return task
          ? `<li class="task"><input type="checkbox" disabled${task[1] !== ' ' ? ' checked' : ''}> ${body}</li>`
          : `<li>${body}</li>`
      })
      html.push(
        `<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}${hasTasks ? ' class="tasks"' : ''}>${lis.join('')}</${tag}>`,
      )
      continue
    }
    if (HTML_BLOCK.test(line)) {
      html.push(renderInline(line.trim(), o))
      i++
      continue
    }
    const para: string[] = [line]
    i++
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!, lines[i + 1])) para.push(lines[i++]!)
    const text = para.join('\n').replace(/^ +/gm, '')
    // GitHub keeps a comment's line breaks (a `/fixing` line then an `/update` line stay two lines).
    html.push(`<p>${renderInline(text, o).replace(/\n/g, '<br>\n')}</p>`)
  }
  return html
}
