/**
 * The demo's one static HTML page: every issue thread (the body and each comment in its own box,
 * as GitHub shows them), the board as columns of cards, and the report, rendered with the small
 * markdown renderer in markdown.ts. Self-contained and offline: the report's Mermaid charts are
 * drawn by the `mermaid` package's browser bundle, inlined into the page (no CDN, no network).
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderInline, renderMarkdown, type RenderOptions } from './markdown.js'

export interface PageSection {
  id: string
  nav: string
  markdown: string
  kind?: 'thread' | 'board'
}

export interface Page {
  title: string
  intro: string
  notes: string[]
  sections: PageSection[]
  /** The repository shown (`owner/name`): links to its issues that have a section become in-page links. */
  repo?: string
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Mermaid's browser bundle (mermaid/dist/mermaid.min.js), to inline into the page. The path is
 * written out for ncc: it copies the file next to the CLI bundle, so the installed package has it.
 */
export function mermaidBundle(): string {
  const url = new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url)
  if (!existsSync(url))
    throw new Error(`Mermaid's browser bundle is missing (${fileURLToPath(url)}): in a source checkout, run npm ci.`)
  return readFileSync(url, 'utf8')
}

const CSS = `
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
header.top{background:#24292f;color:#fff;padding:12px 24px}header.top h1{font-size:18px;margin:0}header.top p{margin:4px 0 0;color:#d0d7de;font-size:13px}
nav{background:#fff;border-bottom:1px solid #d0d7de;padding:8px 24px;position:sticky;top:0;z-index:2}nav a{margin-right:16px;color:#0969da;text-decoration:none;font-weight:600}
main{max-width:1240px;margin:0 auto;padding:16px 24px 64px}
section.page{margin:24px 0 48px}
.notes{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 16px;margin:16px 0}
.issue-title{font-size:26px;font-weight:400;margin:0 0 8px}.issue-title .num{color:#59636e}
.meta{color:#59636e;margin-bottom:8px}.state{display:inline-block;border-radius:2em;padding:2px 10px;color:#fff;font-weight:600;margin-right:6px}.state.open{background:#1f883d}.state.closed{background:#8250df}
.labels code{background:#ddf4ff;color:#0969da;border-radius:2em;padding:1px 8px;font-size:12px;font-weight:600;margin-right:2px}
.comment{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:16px 0}
.comment>.head{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;border-radius:6px 6px 0 0;color:#59636e}
.comment>.head.bot{background:#ddf4ff}
.comment>.body{padding:8px 16px}
.markdown h1,.markdown h2{border-bottom:1px solid #d8dee4;padding-bottom:.3em}.markdown h1{font-size:1.6em}.markdown h2{font-size:1.35em}.markdown h3{font-size:1.15em}
.markdown .table{overflow-x:auto}.markdown table{border-collapse:collapse;margin:8px 0;font-size:13px}.markdown th,.markdown td{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;max-width:44ch}.markdown th{white-space:nowrap}.markdown td.title{min-width:48ch;max-width:60ch}.markdown tr:nth-child(2n) td{background:#f6f8fa}
.markdown code{background:rgba(175,184,193,.2);border-radius:6px;padding:.1em .4em;font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.markdown pre{background:#f6f8fa;border-radius:6px;padding:12px 16px;overflow:auto}.markdown pre code{background:none;padding:0}
.markdown blockquote{margin:0 0 8px;padding:0 1em;color:#59636e;border-left:.25em solid #d0d7de}
.markdown ul.tasks{list-style:none;padding-left:1.2em}.markdown li.task input{margin-right:4px}
.markdown details{border:1px solid #d0d7de;border-radius:6px;padding:4px 12px;margin:8px 0}.markdown summary{cursor:pointer;font-weight:600}
.markdown .mention{font-weight:600;color:#1f2328}
.markdown .alert{border-left:.25em solid #0969da;padding:0 1em;margin:8px 0}.markdown .alert-warning,.markdown .alert-caution{border-color:#9a6700}.markdown .alert-title{font-weight:600}
.mermaid-figure{margin:8px 0}.mermaid-figure figcaption{color:#59636e;font-size:12px}
.board{display:flex;gap:12px;overflow-x:auto;padding-bottom:8px}
.column{background:#eef1f4;border:1px solid #d0d7de;border-radius:6px;min-width:125px;flex:1 1 0;padding:8px}
.column h3{font-size:14px;margin:0 0 8px}.column h3 .count{background:#d0d7de;border-radius:2em;padding:0 6px;font-size:12px;margin-left:4px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px;margin-bottom:8px;font-size:13px}.card .facts{color:#59636e;font-size:12px}
`

/**
 * Draws every chart once the page has loaded. securityLevel strict: the charts come from the report
 * (our text), but labels never run as HTML. Marks the body when done (or failed) so a reader, or a
 * headless browser, can tell the charts are drawn.
 */
const MERMAID_START = `mermaid.initialize({startOnLoad:false,securityLevel:'strict'});
window.addEventListener('load',function(){mermaid.run({querySelector:'pre.mermaid'}).then(function(){document.body.dataset.mermaid='done'},function(e){document.body.dataset.mermaid='failed';console.error(e)})})`

/** Splits a thread written by renderThread (run.ts) into its header, its body and its comments. */
function threadHtml(md: string, o: RenderOptions): string {
  const [head = '', ...rest] = md.split('\n<!-- thread:body -->\n')
  const [body = '', ...comments] = rest.join('').split(/\n---\n\n<!-- thread:comment -->\n/)
  const headLines = head
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
  const title = /^# (.*) #(\d+)$/.exec(headLines[0] ?? '')
  const meta = headLines[1] ?? ''
  const labels = headLines[2] ?? ''
  const open = /^\*\*Open\*\*/.test(meta)
  const author = /opened by \*\*@([^*]+)\*\*/.exec(meta)?.[1] ?? ''
  const parts = [
    title ? `<h1 class="issue-title">${esc(title[1]!)} <span class="num">#${title[2]}</span></h1>` : '',
    `<div class="meta"><span class="state ${open ? 'open' : 'closed'}">${open ? 'Open' : 'Closed'}</span>${renderInline(meta.replace(/^\*\*[^*]+\*\* · /, ''), o)}</div>`,
    `<div class="meta labels">${renderInline(labels, o)}</div>`,
    box(`<strong>@${esc(author)}</strong> opened this issue`, author.endsWith('[bot]'), renderMarkdown(body, o)),
  ]
  for (const c of comments) {
    const [first = '', ...text] = c.replace(/^\n+/, '').split('\n')
    const who = /^\*\*@([^*]+)\*\*/.exec(first)?.[1] ?? ''
    parts.push(box(renderInline(first.replace(/:$/, ''), o), who.endsWith('[bot]'), renderMarkdown(text.join('\n'), o)))
  }
  return parts.join('\n')
}

function box(head: string, bot: boolean, body: string): string {
  return `<div class="comment"><div class="head${bot ? ' bot' : ''}">${head}</div><div class="body markdown">${body}</div></div>`
}

/** The board markdown written by renderBoard (run.ts) as columns of cards. */
function boardHtml(md: string, o: RenderOptions): string {
  return md
    .split(/^(?=# )/m)
    .filter((b) => b.trim() !== '')
    .map((b) => oneBoard(b, o))
    .join('\n')
}

function oneBoard(md: string, o: RenderOptions): string {
  const [intro = '', ...cols] = md.split(/\n## /)
  const columns = cols.map((col) => {
    const [name = '', ...lines] = col.split('\n')
    const cards: string[] = []
    for (let k = 0; k < lines.length; k++) {
      const m = /^- (.*?)\s*$/.exec(lines[k]!)
      if (!m) continue
      const facts = (lines[k + 1] ?? '').trim()
      cards.push(`<div class="card">${renderInline(m[1]!, o)}<div class="facts">${renderInline(facts, o)}</div></div>`)
    }
    const title = /^(.*) \((\d+)\)$/.exec(name)
    return `<div class="column"><h3>${esc(title?.[1] ?? name)}<span class="count">${title?.[2] ?? cards.length}</span></h3>${cards.join('')}</div>`
  })
  return `<div class="markdown">${renderMarkdown(intro, o)}</div><div class="board">${columns.join('')}</div>`
}

/**
 * The whole page. `mermaid` is Mermaid's browser bundle (mermaidBundle()); null leaves the charts
 * as their source with a note (for tests of the page's HTML).
 */
export function renderPage(p: Page, mermaid: string | null): string {
  const anchors = new Map<number, string>()
  for (const s of p.sections) {
    const n = /#(\d+)$/.exec(s.nav)?.[1]
    if (n) anchors.set(Number(n), s.id)
  }
  const o: RenderOptions = { anchors, repo: p.repo }
  const hasMermaid = p.sections.some((s) => /```mermaid/.test(s.markdown))
  const mermaidNote = hasMermaid
    ? mermaid
      ? ''
      : '<p class="notes">The report\'s charts are Mermaid blocks. GitHub draws them; this offline page has no copy of Mermaid (no CDN), so it shows their source.</p>'
    : ''
  const body = p.sections.map(
    (s) =>
      `<section class="page" id="${esc(s.id)}">${s.kind === 'board' ? boardHtml(s.markdown, o) : threadHtml(s.markdown, o)}</section>`,
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(p.title)}</title><style>${CSS}</style></head>
<body>
<header class="top"><h1>${esc(p.title)}</h1><p>${esc(p.intro)}</p></header>
<nav>${p.sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.nav)}</a>`).join('')}</nav>
<main>
${p.notes.map((n) => `<p class="notes">${esc(n)}</p>`).join('\n')}
${mermaidNote}
${body.join('\n')}
</main>
${mermaid && hasMermaid ? `<script>${mermaid.replace(/<\/script/gi, '<\\/script')}</script><script>${MERMAID_START}</script>` : ''}
</body></html>
`
}
